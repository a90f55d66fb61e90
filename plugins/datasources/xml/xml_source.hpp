// The XML data source: a streaming libxml2 reader over
//   <dataset><table name="birim"><row><kod>..</kod><ad>..</ad></row>...</table>...</dataset>
// with element names configurable (table-element, row-element, name-attribute), column values
// as child elements or attributes of the row, and optional RelaxNG validation (schema=).
// Never touches the network, never loads a DTD, never expands entities.
#pragma once

#include "mapping.hpp"

#include <dizgi/sdk/datasource.hpp>

#include <cstddef>
#include <functional>
#include <string>

namespace dizgi::xml {

// Called for each table met; returns the sink its rows go to.
using TableOpened = std::function<data::RowSink&(const data::SchemaTable& table)>;

// Reads `path` (or, when `memory` is set, the `size` bytes at `memory`) named `file` in errors.
// Params: table, table-element, row-element, name-attribute, schema, numbers, map.*, mapping,
// ignore. Returns the number of rows read.
std::size_t read(const std::string& path, const char* memory, std::size_t size,
                 const std::string& file, const data::Schema& schema, const data::Params& params,
                 const std::string& base_dir, const TableOpened& opened);

// Reads the file named by `file=` into the dataset.
void load(const DataSourceContext& context, Dataset& dataset);

class Source : public DataSource {
 public:
  void load(const DataSourceContext& context, Dataset& dataset) override {
    xml::load(context, dataset);
  }
};

}  // namespace dizgi::xml
