// Table rows: the cells of each row set into lines and assembled into one element per row of
// the page model — fills and rules by row kind, decimal alignment, vertical alignment, row
// spans (the rows a spanning cell covers grow to hold it) and the cell extents for tagging. A
// tall row can be cut into line bands that a page break may fall between.
#pragma once

#include "layout/page_model.hpp"
#include "layout/paragraph.hpp"
#include "layout/table/grid.hpp"

#include <functional>
#include <string>
#include <vector>

namespace dizgi::layout {

struct TableGeometry {
  std::vector<double> widths;         // per column
  std::vector<double> decimal_tails;  // per column: the widest ",dd" of its decimal-aligned cells
  double width() const;
};

// What rows need of their table, copied: carried-totals rows are set during the page run,
// when the document may be gone.
struct TableInfo {
  std::string id;
  std::vector<doc::TableColumn> columns;
  std::size_t header_rows = 0;
};

// A row set into an element, and where it may be cut into bands (the line boundaries of its
// tallest cell; empty when a row span joins it to its neighbours).
struct SetRow {
  Element element;
  std::vector<double> cuts;
};

class RowSetter {
 public:
  // How a cell's paragraph setting starts for a style and a measure (the flow's own: footnote
  // numbers, cross references).
  using SettingFor = std::function<ParagraphSetting(const Style&, double)>;

  RowSetter(const Template& style, ParagraphSetter& setter, TableInfo info, SettingFor setting_for);
  // The same rows set through another paragraph setter.
  RowSetter rebound(ParagraphSetter& setter, SettingFor setting_for) const;

  // The cell style (the template's "table", or a smaller copy for a wide table).
  void use_style(const Style& cell);
  void set_widths(std::vector<double> widths);
  // The widest decimal part of each decimal-aligned column, over the body and footer rows.
  void measure_decimals(const TableGrid& grid);
  const TableGeometry& geometry() const { return geometry_; }
  const TableInfo& info() const { return info_; }
  const Template& style() const { return *template_; }

  // The rows of one section in order. `italic`: every cell in italics (carried totals).
  std::vector<SetRow> section(const std::vector<GridRow>& rows, bool italic = false);
  // The same, each row handed to `take` (with its index) as soon as it is set: a long table's
  // rows go into the flow one by one instead of all of them being held twice. Only rows
  // [begin, end) are set, where `end` ends a group of rows joined by row spans; the other rows'
  // cells are not read (another thread may be setting them).
  void section(const std::vector<GridRow>& rows, bool italic, const std::function<void(std::size_t, SetRow&&)>& take,
               std::size_t begin = 0, std::size_t end = static_cast<std::size_t>(-1));

  // Cuts a row at `cuts` (y from its top) into bands; the first band keeps the row's anchors
  // and footnotes, every band its cells' extents.
  static std::vector<Element> bands(const Element& row, const std::vector<double>& cuts);

 private:
  struct CellLines {
    std::vector<Element> lines;
    double text_height = 0;
    double x = 0, w = 0;
    const PlacedCell* placed = nullptr;
  };
  CellLines set_cell(const PlacedCell& placed, const GridRow& row, bool italic);
  doc::Align align_of(const doc::TableCell& cell, std::size_t column) const;
  double decimal_tail(const std::string& text, bool bold);
  Element assemble(const std::vector<GridRow>& rows, std::size_t r, std::vector<CellLines>& cells,
                   const std::vector<double>& heights, std::vector<double>& cuts);

  const Template* template_;
  ParagraphSetter* setter_;
  TableInfo info_;
  SettingFor setting_for_;
  TableGeometry geometry_;
  std::vector<double> xs_;  // left edge of each column
  Style text_style_;        // the template's "table" style
  Style whole_style_;       // the same, never hyphenated (headers, figures)
};

}  // namespace dizgi::layout
