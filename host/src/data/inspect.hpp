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

// Machine-readable forms of a table for export (`dizgi data --show T --format F`): every value
// written canonically — decimals as written by Decimal::to_string ("1234.50"), dates ISO
// ("2025-12-31"), booleans true/false — and null distinct from empty text:
//   csv   RFC 4180 quoting (lines end in \n), a header line; null is an empty field, empty text is "" (quoted)
//   tsv   a header line; tab, newline and backslash escaped as \t \n \\; null is \N
//   json  {"table", "source", "columns": [{"name", "type", "nullable"}], "rows": [[...]]};
//         decimals and integers are JSON numbers with the exact digits, null is null
enum class ExportFormat { invalid = 0, csv, tsv, json };
void export_table(const Table& table, ExportFormat format, std::ostream& out, std::size_t limit = 0);

// The table list as JSON: [{"name", "rows", "source", "columns": [{"name", "type", "nullable"}]}].
void print_table_list_json(const Dataset& dataset, std::ostream& out);

}  // namespace dizgi::data
