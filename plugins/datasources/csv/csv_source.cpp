#include "csv_source.hpp"

#include <filesystem>
#include <fstream>

namespace dizgi::csv {

std::size_t read_table(std::istream& input, const std::string& file, const data::SchemaTable& table,
                       const data::Params& params, const std::string& base_dir,
                       data::RowSink& sink) {
  Location here{file, 0, 0, {}};
  Options options;
  std::string delimiter = data::param_or(params, "delimiter", "auto");
  if (delimiter == "tab" || delimiter == "\\t") delimiter = "\t";
  if (delimiter != "auto") {
    if (delimiter.size() != 1 || delimiter[0] == '"' || delimiter[0] == '\n') {
      throw Error(ErrorCode::usage, here, "bad delimiter '" + delimiter + "'",
                  "use ';', ',', 'tab' or auto");
    }
    options.delimiter = delimiter[0];
  }
  options.encoding = parse_encoding(data::param_or(params, "encoding", "auto"), here);
  data::NumberStyle style = data::number_style(params, data::NumberStyle::automatic, here);

  Reader reader(input, file, options);
  std::vector<std::string> fields;
  // Title lines above the header ("2025 Yılı Gider Tablosu") are skipped with skip-lines=N.
  std::size_t skip = data::size_param(params, "skip-lines", 0, here);
  for (std::size_t i = 0; i < skip && reader.next(fields);) ++i;
  if (!reader.next(fields)) {
    throw Error(ErrorCode::data, Location{file, 1, 0, {}}, "the file is empty",
                "the first line must name the columns");
  }
  data::ColumnBinding binding(table, fields, params, base_dir, Location{file, reader.line(), 0, {}});
  const std::size_t width = fields.size();
  std::size_t rows = 0;
  data::Cell cell;
  cell.kind = data::Cell::Kind::text;
  std::string problem;
  while (reader.next(fields)) {
    if (fields.size() != width) {
      throw Error(ErrorCode::data, Location{file, reader.line(), 0, {}},
                  "row has " + std::to_string(fields.size()) + " fields but the header has " +
                      std::to_string(width),
                  "check the delimiter and the quoting of this line");
    }
    std::vector<Value> values(table.columns.size());
    for (std::size_t i = 0; i < width; ++i) {
      int target = binding.target(i);
      if (target < 0) continue;
      const Column& column = table.columns[static_cast<std::size_t>(target)];
      cell.text = std::move(fields[i]);
      auto value = data::convert(cell, column, style, false, problem);
      if (!value) {
        throw Error(ErrorCode::data, Location{file, reader.line(), 0, {}},
                    "column '" + column.name + "': " + problem);
      }
      if (is_null(*value) && !column.nullable) {
        throw Error(ErrorCode::data, Location{file, reader.line(), 0, {}},
                    "column '" + column.name + "': a value is required");
      }
      values[static_cast<std::size_t>(target)] = std::move(*value);
    }
    sink.row(std::move(values));
    ++rows;
  }
  return rows;
}

void load(const DataSourceContext& context, Dataset& dataset) {
  std::string path = data::resolve_path(context, data::require_param(context, "file"));
  std::string file = data::display_name(path);
  std::string table_name = data::param_or(context.params, "table",
                                          std::filesystem::path(path).stem().string());
  data::Schema schema = data::Schema::for_context(context);
  const data::SchemaTable& table = schema.require(table_name, Location{file, 0, 0, {}});
  std::ifstream input(path, std::ios::binary);
  if (!input) {
    throw Error(ErrorCode::io, context.origin, "cannot open '" + path + "'",
                "check the file= parameter of data source '" + context.name + "'");
  }
  Table result(table.name, table.columns);
  result.source = file;
  data::TableSink sink(result);
  read_table(input, file, table, data::checked_params(context), context.base_dir, sink);
  dataset.put(std::move(result));
}

}  // namespace dizgi::csv
