// dizgi/sdk/datasource.hpp — the interface of data-source plugins.
//
// A data source reads one input (a SQLite file, a CSV, a workbook, a PostgreSQL query ...) named
// by a <source> element of book.xml and adds typed tables to the dataset. It reports problems
// in the input as dizgi::Error (ErrorCode::data) naming the file and place (row/column,
// sheet/cell, line), and recoverable oddities as warnings to the sink. Since: 0.1
#pragma once

#include <dizgi/diagnostics.hpp>
#include <dizgi/export.hpp>
#include <dizgi/model/dataset.hpp>

#include <map>
#include <string>

namespace dizgi {

struct DataSourceContext {
  std::string name;                           // the <source name=...> in book.xml
  std::map<std::string, std::string> params;  // attributes and <param> children
  std::string base_dir;                       // the book's folder: resolve relative paths here
  Location origin;                            // where the <source> element is in book.xml
  DiagnosticSink* sink = nullptr;             // never null when called by the host
  // The user allowed paths outside the project folder (--allow-outside). Resolve every path
  // parameter with resolve_project_path (dizgi/sdk/files.hpp), which honours it. Since: ABI 2.2
  bool allow_outside = false;
};

class DIZGI_API_CLASS DataSource {
 public:
  virtual ~DataSource();
  // Adds (or replaces) tables in `dataset`. Throws dizgi::Error on unreadable input.
  virtual void load(const DataSourceContext& context, Dataset& dataset) = 0;
};

}  // namespace dizgi
