// Shared core of the file and database data sources: the declarative description of the
// standard schema (which tables, which columns, which types), the binding of a source's header
// onto a table, and the conversion of source cells into typed values.
//
// Adapting the plugins to a new schema is data only: the column description is a text file
// (standard-columns.txt, compiled in; a book may pass its own with `columns=`), and header
// renames are `map.<header>=<column>` parameters or a `mapping=` file of `header = column` lines.
#pragma once

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/dataset.hpp>
#include <dizgi/sdk/datasource.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dizgi::data {

using Params = std::map<std::string, std::string>;

// One table of the standard schema: its name and columns in order.
struct SchemaTable {
  std::string name;
  std::vector<Column> columns;
};

class Schema {
 public:
  // Parses the column description format ("[table]" then "column type [required]" lines).
  // Throws Error(ErrorCode::data) naming `file` and the line on malformed input.
  static Schema parse(std::string_view text, const std::string& file);
  // Reads the tables of SQL DDL (CREATE TABLE statements, as in schemas/sql/sqlite.sql):
  // INTEGER/INT/BIGINT/SMALLINT -> integer, DECIMAL(p,s)/NUMERIC(p,s)/REAL -> decimal with scale
  // s, DATE -> date, BOOLEAN -> boolean, anything else -> text; NOT NULL makes a column required.
  // Table constraints (PRIMARY KEY (...), UNIQUE, CHECK, FOREIGN KEY) are skipped.
  static Schema parse_sql(std::string_view text, const std::string& file);
  // The compiled-in standard schema: schemas/sql/sqlite.sql when the build found it, else the
  // stand-in column description standard-columns.txt.
  static const Schema& standard();
  // Reads a file: parse_sql for "*.sql", parse otherwise.
  static Schema load(const std::string& path, const Location& at);
  // The schema a data source uses: `columns=` (relative to base_dir) or the standard one.
  static Schema for_context(const DataSourceContext& context);

  const SchemaTable* find(std::string_view table) const;
  // Throws "unknown table 'x'" naming `at`.
  const SchemaTable& require(std::string_view table, const Location& at) const;
  const std::vector<SchemaTable>& tables() const noexcept { return tables_; }

 private:
  std::vector<SchemaTable> tables_;
};

// How numbers written as text are read. `turkish` is "1.234,5", `classic` is "1234.5",
// `automatic` tries Turkish first and the classic form when that fails ("12.5").
enum class NumberStyle { invalid = 0, turkish, classic, automatic };

NumberStyle number_style(const Params& params, NumberStyle fallback, const Location& at);

// A cell as a source delivers it, before it has the column's type.
struct Cell {
  enum class Kind { invalid = 0, empty, text, number, date, boolean };
  Kind kind = Kind::empty;
  std::string text;  // text, or the classic literal of a number ("1234.5", "1.5E-3")
  Date date{};
  bool boolean = false;
};

// Converts `cell` into a value of `column`'s type; empty cells become null. On failure returns
// nullopt and sets `problem` to a lowercase message such as "not a number: '12,5a'".
// `round_numbers` rounds numeric cells to the column's scale (spreadsheet doubles); otherwise
// extra fractional digits are an error.
std::optional<Value> convert(const Cell& cell, const Column& column, NumberStyle style,
                             bool round_numbers, std::string& problem);

// "31.12.2025", "1.2.2025", "2025-12-31" (an ISO time part is ignored). Checks the calendar.
std::optional<Date> parse_date(std::string_view text);
bool valid_date(const Date& date);
// A classic number literal with optional exponent ("-1.5E-3"), exactly.
std::optional<Decimal> parse_number_literal(std::string_view text);
// Days since the epoch of a spreadsheet serial number: 1900 system (with Lotus' phantom
// 29 February 1900, serial 60) or 1904 system. The fraction (time of day) is dropped.
std::optional<Date> date_from_serial(const Decimal& serial, bool date1904, std::string& problem);
std::string iso(const Date& date);

// Folds a header for matching: trims, ASCII-lowercases, maps Turkish letters to ASCII
// ("Başlangıç Ödeneği" -> "baslangic_odenegi") and turns spaces and dashes into '_'.
std::string fold_header(std::string_view header);

// The rules that turn a source's header names into columns of one schema table: folded
// matching, renames (map.<header>=<column> parameters and a mapping= file of "header = column"
// lines) and ignored headers (ignore=a,b).
class HeaderRules {
 public:
  HeaderRules(const SchemaTable& table, const Params& params, const std::string& base_dir,
              const Location& at);
  // The column index `header` feeds, or -1 when it is blank or ignored. Throws
  // Error(ErrorCode::data) at `at`: "unknown column 'x' in table 'y'".
  int resolve(const std::string& header, const Location& at) const;
  // Throws "missing required column 'x' of table 'y'" for a required column not in `seen`.
  void check_required(const std::vector<bool>& seen, const Location& at) const;
  const SchemaTable& table() const noexcept { return table_; }

 private:
  const SchemaTable& table_;
  std::map<std::string, std::string> renames_;
  std::set<std::string> ignored_;
};

// Binds the columns of a source (header names in source order) onto a schema table.
class ColumnBinding {
 public:
  // Throws Error(ErrorCode::data) at `at` for unknown, duplicate or missing required columns.
  ColumnBinding(const SchemaTable& table, const std::vector<std::string>& header,
                const Params& params, const std::string& base_dir, const Location& at);

  // The schema column index a source column feeds, or -1 when the source column is ignored.
  int target(std::size_t source_index) const {
    return source_index < targets_.size() ? targets_[source_index] : -1;
  }
  std::size_t source_width() const noexcept { return targets_.size(); }

 private:
  std::vector<int> targets_;
};

// Parameters shared by the file sources.
std::string require_param(const DataSourceContext& context, const std::string& key);
std::string param_or(const Params& params, const std::string& key, const std::string& fallback);
// Resolves a path parameter against the book folder; throws Error(ErrorCode::project) when it
// leaves the project folder (dizgi::resolve_project_path, unless --allow-outside).
std::string resolve_path(const DataSourceContext& context, const std::string& path);
// The context's parameters with the file-naming ones (mapping=, columns=) resolved and
// confined to the project folder: what the readers get, so none of them opens a book path raw.
Params checked_params(const DataSourceContext& context);
// The file name part, for diagnostics ("gider.csv").
std::string display_name(const std::string& path);
// Size parameter with a default ("max-rows"); throws on junk.
std::size_t size_param(const Params& params, const std::string& key, std::size_t fallback,
                       const Location& at);

// Turns a std::vector<Value> stream into a Table; a bench may count rows instead.
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void row(std::vector<Value>&& values) = 0;
};

class TableSink : public RowSink {
 public:
  explicit TableSink(Table& table) : table_(table) {}
  void row(std::vector<Value>&& values) override { table_.add_row(std::move(values)); }

 private:
  Table& table_;
};

// Collects the tables that one input opens, each filled through a TableSink, and moves them
// into the dataset at the end (the sources that read several tables from one input: xml,
// xlsx/ods, postgres).
class TableCollector {
 public:
  explicit TableCollector(std::string source) : source_(std::move(source)) {}
  RowSink& open(const SchemaTable& table);
  void put_into(Dataset& dataset);

 private:
  std::string source_;
  std::map<std::string, std::unique_ptr<Table>> tables_;
  std::map<std::string, std::unique_ptr<TableSink>> sinks_;
};

class CountingSink : public RowSink {
 public:
  void row(std::vector<Value>&& values) override {
    ++rows;
    (void)values;
  }
  std::size_t rows = 0;
};

}  // namespace dizgi::data
