// The table grid: the column and the row extent of every cell once spans are counted, in the
// manner of HTML's table model. A cell takes the first column of its row that no row span from
// above occupies; a row span occupies its columns in the rows below, within its section (the
// header, the body or the footer).
#pragma once

#include <dizgi/model/document.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace dizgi::layout {

struct PlacedCell {
  const doc::TableCell* cell = nullptr;
  std::size_t column = 0;   // the first column it covers
  std::size_t columns = 1;  // columns it spans
  std::size_t rows = 1;     // rows it spans, this one included
};

struct GridRow {
  const doc::TableRow* row = nullptr;
  doc::RowKind kind = doc::RowKind::body;  // the effective kind (header rows are headers, ...)
  std::size_t index = 0;                   // 0-based, in its section
  std::vector<PlacedCell> cells;
  std::vector<bool> covered;  // per column: a row span from an earlier row crosses this row
};

struct TableGrid {
  std::size_t columns = 0;
  std::vector<GridRow> header, body, footer;
};

// Places the cells of every row. A row span that runs past the end of its section is cut there
// and reported through `problem` (one message per cell, naming the section, row and column).
TableGrid place_cells(const doc::Table& table, const std::function<void(const std::string&)>& problem);

// True when a row span starting in `rows[i]` or crossing it continues into `rows[i + 1]`.
bool spans_into_next(const std::vector<GridRow>& rows, std::size_t i);

}  // namespace dizgi::layout
