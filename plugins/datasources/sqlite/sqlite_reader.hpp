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
};

// Reads `file` into `dataset`. A file ending in ".sql" is executed in an in-memory database;
// any other file is opened read-only and immutable (it is never modified or locked).
// Declared column types map to dizgi types: INTEGER -> integer, DECIMAL(p,s)/NUMERIC(p,s)/REAL
// -> decimal with scale s (read as text, never through a double when stored exactly), DATE ->
// date, BOOLEAN -> boolean, anything else -> text (NFC-normalised UTF-8).
// Throws Error(ErrorCode::io) when the file cannot be read, Error(ErrorCode::data) naming the
// file (and table, row, column) when it is not a database, is corrupt or holds a bad value.
// Recoverable oddities (a decimal rounded to its declared scale) go to `sink` when not null.
void read_file(const std::filesystem::path& file, const ReadOptions& options, Dataset& dataset,
               DiagnosticSink* sink);

// Splits a `tables` parameter ("amac, hedef gosterge") into names.
std::vector<std::string> split_list(const std::string& text);

// The standard schema's SQLite DDL (schemas/sql/sqlite.sql), embedded at build time.
const char* standard_schema_sql();

}  // namespace dizgi::sqlite_source
