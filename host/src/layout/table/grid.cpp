#include "layout/table/grid.hpp"

#include "layout/table/cells.hpp"

#include <algorithm>

namespace dizgi::layout {

namespace {

std::vector<GridRow> place_section(const std::vector<doc::TableRow>& rows, int section, const char* name,
                                   std::size_t& columns, const std::function<void(const std::string&)>& problem) {
  std::vector<GridRow> out;
  out.reserve(rows.size());
  std::vector<std::size_t> busy;  // per column: rows a span from above still occupies
  for (std::size_t r = 0; r < rows.size(); ++r) {
    GridRow grid_row;
    grid_row.row = &rows[r];
    grid_row.kind = effective_kind(rows[r], section);
    grid_row.index = r;
    grid_row.covered.assign(busy.size(), false);
    for (std::size_t c = 0; c < busy.size(); ++c) grid_row.covered[c] = busy[c] > 0;
    std::size_t column = 0;
    for (const doc::TableCell& cell : rows[r].cells) {
      while (column < busy.size() && busy[column] > 0) ++column;
      PlacedCell placed;
      placed.cell = &cell;
      placed.column = column;
      placed.columns = static_cast<std::size_t>(std::max(1, cell.col_span));
      placed.rows = static_cast<std::size_t>(std::max(1, cell.row_span));
      if (r + placed.rows > rows.size()) {
        problem(std::string("row span of ") + std::to_string(placed.rows) + " in " + name + " row " +
                std::to_string(r + 1) + ", column " + std::to_string(column + 1) + " runs past the " + name +
                "'s last row");
        placed.rows = rows.size() - r;
      }
      if (busy.size() < column + placed.columns) busy.resize(column + placed.columns, 0);
      for (std::size_t k = column; k < column + placed.columns; ++k) busy[k] = std::max(busy[k], placed.rows);
      grid_row.cells.push_back(placed);
      column += placed.columns;
    }
    columns = std::max(columns, busy.size());
    for (std::size_t& b : busy)
      if (b > 0) --b;
    out.push_back(std::move(grid_row));
  }
  for (GridRow& row : out) row.covered.resize(columns, false);
  return out;
}

}  // namespace

TableGrid place_cells(const doc::Table& table, const std::function<void(const std::string&)>& problem) {
  TableGrid grid;
  grid.columns = table.columns.size();
  grid.header = place_section(table.header, 0, "header", grid.columns, problem);
  grid.body = place_section(table.body, 1, "body", grid.columns, problem);
  grid.footer = place_section(table.footer, 2, "footer", grid.columns, problem);
  for (auto* section : {&grid.header, &grid.body, &grid.footer})
    for (GridRow& row : *section) row.covered.resize(grid.columns, false);
  return grid;
}

bool spans_into_next(const std::vector<GridRow>& rows, std::size_t i) {
  if (i + 1 >= rows.size()) return false;
  for (bool covered : rows[i + 1].covered)
    if (covered) return true;
  return false;
}

}  // namespace dizgi::layout
