// Reading the standard schema out of SQLite: the work of the `sqlite` data-source plugin, kept
// apart from the plugin entry so the unit tests can link it directly.
#pragma once

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/dataset.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace dizgi::sqlite_source {

struct ReadOptions {
  // Tables to read; empty reads every user table of the database. A listed table that is
  // missing is an error.
  std::vector<std::string> tables;
  // For .sql input only: "auto" (the default) runs the embedded standard schema first when the
  // text itself creates no table, "standard" always runs it, "none" never; any other value is
  // the path of a DDL file to run first.
  std::string schema = "auto";
  // How the input is named in diagnostics and Table::source (defaults to the path as given).
  std::string display_name;
  // How the schema file is named in diagnostics (defaults to `schema`).
  std::string schema_display;
  // Bounds: the SQL (text and reading) is stopped after this many seconds, and SQLite may use
  // at most this much memory (sqlite3_hard_heap_limit64, process-wide).
  double time_limit_s = 60;
  long long heap_limit_bytes = 512ll << 20;
};

// Reads `file` into `dataset`. A file ending in ".sql" is executed in an in-memory database;
// any other file is opened read-only and immutable (it is never modified or locked). SQL text
// passes an authorizer that allows only CREATE TABLE/INDEX/VIEW, INSERT, UPDATE, DELETE, SELECT
// and transactions (no ATTACH, VACUUM, PRAGMA, triggers, extensions); the refusal names the
// file and line. Run time and memory are bounded (ReadOptions).
// Declared column types map to dizgi types: INTEGER -> integer, DECIMAL(p,s)/NUMERIC(p,s)/REAL
// -> decimal with scale s (read as text, never through a double when stored exactly), DATE ->
// date, BOOLEAN -> boolean, anything else -> text (NFC-normalised UTF-8).
// Throws Error(ErrorCode::io) when the file cannot be read, Error(ErrorCode::data) naming the
// file (and table, row, column) when it is not a database, is corrupt or holds a bad value.
// Recoverable oddities (a decimal rounded to its declared scale) go to `sink` when not null.
void read_file(const std::filesystem::path& file, const ReadOptions& options, Dataset& dataset,
               DiagnosticSink* sink);

// The same for SQL text already in memory (named options.display_name in errors): what
// read_file does for a ".sql" file, and the entry of the SQL fuzzer.
void read_sql(const std::string& sql, const ReadOptions& options, Dataset& dataset, DiagnosticSink* sink);

// Splits a `tables` parameter ("amac, hedef gosterge") into names.
std::vector<std::string> split_list(const std::string& text);

// The standard schema's SQLite DDL (schemas/sql/sqlite.sql), embedded at build time.
const char* standard_schema_sql();

}  // namespace dizgi::sqlite_source
