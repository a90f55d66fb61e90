// The CSV data source: one file, one table of the standard schema, header names bound to the
// table's columns (docs/data-sources.md, "csv").
#pragma once

#include "csv_reader.hpp"
#include "mapping.hpp"

#include <dizgi/sdk/datasource.hpp>

#include <istream>
#include <string>

namespace dizgi::csv {

// Reads `input` (named `file` in errors) into `sink` as rows of `table`. Params: delimiter,
// encoding, numbers, map.<header>, mapping, ignore. Throws Error(ErrorCode::data) with
// "file:line: column 'x': problem". Returns the number of rows.
std::size_t read_table(std::istream& input, const std::string& file, const data::SchemaTable& table,
                       const data::Params& params, const std::string& base_dir,
                       data::RowSink& sink);

// Reads the file named by `file=` into the table named by `table=` (default: the file's stem).
void load(const DataSourceContext& context, Dataset& dataset);

class Source : public DataSource {
 public:
  void load(const DataSourceContext& context, Dataset& dataset) override {
    csv::load(context, dataset);
  }
};

}  // namespace dizgi::csv
