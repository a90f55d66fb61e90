// The block flow: walks the document's sections and lays out each block into elements of the
// page model. Each block kind has its own file (heading.cpp, paragraph_block.cpp, list.cpp,
// table/, chart/, form/, image.cpp, listof.cpp, cover.cpp); this class holds what they share:
// the template, the paragraph setter, the counters of the document and the element list.
#pragma once

#include "layout/page_model.hpp"
#include "layout/paragraph.hpp"
#include "paginate/counters.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/document.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

namespace dizgi::layout {

struct TableGrid;

struct FlowOptions {
  std::filesystem::path base_dir;  // images are resolved against it
  // The caller gives the document up to this flow, which is its last: a table's body rows are
  // freed as soon as they are set (a long table's rows and their elements are never all held
  // at once). The document may then only be destroyed.
  bool release_rows = false;
  // A table of at least `parallel_rows` body rows whose cells are plain text and figures has
  // its second half set by a helper thread, with a shaper of its own, when `threads` >= 2.
  unsigned threads = 1;
  std::size_t parallel_rows = 4000;
};

class Flow {
 public:
  Flow(const doc::Document& document, const Template& style, text::Shaper& shaper, DiagnosticSink& sink,
       const FlowOptions& options, const paginate::Counters& counters,
       const std::map<std::string, std::string>& page_of_id, SetCache* cache = nullptr,
       SetBatch* batch = nullptr);

  // Lays out every block; the elements in reading order.
  std::vector<Element> build();
  // The shapers of helper threads that set rows of the elements built: they must live as long
  // as the elements (LaidOutBook::helper_shapers).
  std::vector<std::unique_ptr<text::Shaper>> take_helper_shapers() { return std::move(helper_shapers_); }

  double text_width() const { return width_; }
  double text_height() const { return height_; }

 private:
  // Shared by the block kinds (flow.cpp).
  void push(Element element);
  // Pushes a block's lines with its style's spacing and keeps; lines get `role` for tagging.
  void push_lines(std::vector<Element> lines, const Style& style, bool keep_all = false,
                  StructRole role = StructRole::paragraph);
  ParagraphSetting setting_for(const Style& style, double width);
  // The same without the flow's hooks (footnote numbers, references): for text that has none,
  // also on another thread.
  static ParagraphSetting plain_setting(const Style& style, double width, std::string where);
  // The page break an element takes for a requested break, facing pages or not.
  BreakBefore break_before(PageBreak wanted) const;
  void apply_block_rules(const doc::Block& block, std::size_t first);
  std::string resolve(const doc::Span& span);
  // The block's origin as a diagnostic location ("block 12" when it has none).
  Location here() const;
  // A `layout.unsupported` warning at the block's origin: "<what> is not supported yet".
  void unsupported(const std::string& what, const std::string& hint);
  bool last_was_heading() const;
  // A placeholder's box, `w` × `h` at the element's origin: tinted ("zemin") and framed with a
  // hairline ("gri"), so that what is missing is seen on the page (a chart that cannot be
  // drawn, a picture that cannot be read or that a designer is still to place), with `label`
  // in its middle when given.
  void frame_placeholder(Element& e, double w, double h, const std::string& label = {});
  // Captions and notes of tables, charts and figures (caption.cpp).
  void add_caption(const std::string& caption, const std::string& id);
  void add_note(const std::string& note);

  // One per block kind.
  void add(const doc::Heading& heading);      // heading.cpp
  // The block's own "break" property (none, page, recto), if it has one (heading.cpp).
  std::optional<PageBreak> break_request(const doc::BlockBase& block);
  void add(const doc::Paragraph& paragraph);  // paragraph_block.cpp
  void add(const doc::List& list);            // list.cpp
  void add(const doc::Table& table);          // table/table.cpp
  void add(const doc::Chart& chart);          // chart/chart.cpp
  void add(const doc::Form& form);            // form/form.cpp
  void add(const doc::Image& image);          // image.cpp
  void add(const doc::Break& page_break);     // flow.cpp
  void add(const doc::ListOf& list);          // listof.cpp
  void add(const doc::Cover& cover);          // cover.cpp

  // Tables (table/columns.cpp, table/table.cpp; rows, spans and breaks in table/).
  // How well a table's columns fit the measure: the width its longest words lack (0 when they
  // fit) and one message for each column whose longest word still overflows it.
  struct ColumnFit {
    double shortfall_pt = 0;
    std::vector<std::string> overflow;
  };
  std::vector<double> column_widths(const doc::Table& table, const TableGrid& grid, const Style& cell,
                                    ColumnFit& fit);

  const doc::Document& document_;
  const Template& template_;
  text::Shaper& shaper_;
  DiagnosticSink& sink_;
  const FlowOptions options_;
  const paginate::Counters& scan_;
  const std::map<std::string, std::string>& page_of_id_;
  ParagraphSetter setter_;
  std::vector<Element> elements_;
  doc::Matter matter_ = doc::Matter::body;
  BreakBefore pending_break_ = BreakBefore::none;
  double width_ = 0, height_ = 0;
  int block_number_ = 0;
  const doc::Origin* origin_ = nullptr;  // of the block being laid out
  int footnote_count_ = 0;
  bool after_heading_ = false;
  std::set<std::string> reported_refs_;
  int float_groups_ = 0;
  std::set<std::string> reported_styles_;  // unknown style names already reported
  std::vector<std::unique_ptr<text::Shaper>> helper_shapers_;
};

}  // namespace dizgi::layout
