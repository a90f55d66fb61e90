// Plain-text views of a dataset for `dizgi data`: the list of tables and one table's rows,
// numbers and dates in Turkish form (format.hpp). Output is UTF-8; columns are aligned by
// code points, numbers right-aligned.
#pragma once

#include <dizgi/model/dataset.hpp>

#include <cstddef>
#include <ostream>

namespace dizgi::data {

// One line per table: name, row count, column count, source.
void print_table_list(const Dataset& dataset, std::ostream& out);

// A header line, a rule, then up to `limit` rows (0 = all) and a "… N more rows" line.
// Text cells longer than `max_cell` code points are cut with "…"; line breaks show as spaces.
void print_table(const Table& table, std::ostream& out, std::size_t limit = 0, std::size_t max_cell = 48);

}  // namespace dizgi::data
