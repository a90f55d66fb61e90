#include "workbook.hpp"

#include <map>
#include <optional>

namespace dizgi::sheet {

std::string cell_name(std::size_t column, uint32_t row) {
  std::string letters;
  std::size_t n = column + 1;
  while (n > 0) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return letters + std::to_string(row);
}

SheetLimits sheet_limits(const data::Params& params, const Location& at) {
  SheetLimits limits;
  limits.max_rows = static_cast<uint32_t>(
      std::min<std::size_t>(data::size_param(params, "max-rows", limits.max_rows, at), 1u << 30));
  limits.max_cols = static_cast<uint32_t>(
      std::min<std::size_t>(data::size_param(params, "max-cols", limits.max_cols, at), 1u << 20));
  return limits;
}

ZipLimits zip_limits(const data::Params& params, const Location& at) {
  ZipLimits limits;
  limits.max_entries = data::size_param(params, "max-entries", limits.max_entries, at);
  limits.max_entry_bytes =
      uint64_t{data::size_param(params, "max-entry-mb", limits.max_entry_bytes >> 20, at)} << 20;
  limits.max_total_bytes =
      uint64_t{data::size_param(params, "max-total-mb", limits.max_total_bytes >> 20, at)} << 20;
  limits.max_ratio = data::size_param(params, "max-ratio", limits.max_ratio, at);
  return limits;
}

namespace {

// The state of one sheet being read into one table.
struct SheetTable {
  const data::SchemaTable* table = nullptr;
  data::RowSink* sink = nullptr;
  std::optional<data::ColumnBinding> binding;
  std::vector<std::size_t> source_of;  // schema column -> source column (for required checks)
};

}  // namespace

std::size_t read_workbook(Workbook& workbook, const std::string& file, const data::Schema& schema,
                          const data::Params& params, const std::string& base_dir,
                          DiagnosticSink* sink, const TableOpened& opened) {
  const std::string wanted_sheet = data::param_or(params, "sheet", "");
  const std::string wanted_table = data::param_or(params, "table", "");
  data::NumberStyle style = data::number_style(params, data::NumberStyle::automatic, {file, 0, 0, {}});
  // The header is the first non-empty row, or row header-row=N (title rows above it are skipped).
  const std::size_t header_row = data::size_param(params, "header-row", 0, {file, 0, 0, {}});

  // Which sheet feeds which table.
  std::map<std::string, std::string> table_of;  // sheet -> table
  std::vector<std::string> names = workbook.sheet_names();
  auto list = [&names]() {
    std::string all;
    for (const auto& name : names) all += (all.empty() ? "'" : ", '") + name + "'";
    return all;
  };
  if (!wanted_sheet.empty()) {
    if (std::find(names.begin(), names.end(), wanted_sheet) == names.end()) {
      throw Error(ErrorCode::data, Location{file, 0, 0, {}}, "no sheet named '" + wanted_sheet + "'",
                  "the workbook has " + list());
    }
    table_of[wanted_sheet] = wanted_table.empty() ? data::fold_header(wanted_sheet) : wanted_table;
  } else if (!wanted_table.empty()) {
    std::string chosen;
    for (const auto& name : names) {
      if (data::fold_header(name) == data::fold_header(wanted_table)) chosen = name;
    }
    if (chosen.empty() && names.size() == 1) chosen = names.front();
    if (chosen.empty()) {
      throw Error(ErrorCode::data, Location{file, 0, 0, {}},
                  "no sheet named like table '" + wanted_table + "'",
                  "name the sheet with sheet=; the workbook has " + list());
    }
    table_of[chosen] = wanted_table;
  } else {
    for (const auto& name : names) {
      std::string folded = data::fold_header(name);
      if (schema.find(folded)) {
        table_of[name] = folded;
      } else if (sink) {
        sink->warn("data.sheet-skipped", Location{file, 0, 0, "sheet '" + name + "'"},
                   "sheet is not named like a table of the schema; skipped",
                   "name it like the table (e.g. 'butce_gider') or pass sheet= and table=");
      }
    }
    if (table_of.empty()) {
      throw Error(ErrorCode::data, Location{file, 0, 0, {}},
                  "no sheet is named like a table of the schema",
                  "the workbook has " + list() + "; pass sheet= and table=");
    }
  }

  std::map<std::string, SheetTable> states;
  for (const auto& [sheet, table] : table_of) {
    SheetTable& state = states[sheet];
    state.table = &schema.require(table, Location{file, 0, 0, "sheet '" + sheet + "'"});
  }

  std::size_t rows = 0;
  std::string problem;
  std::vector<std::string> header;
  // The expanded size, not the inflated one: repeated rows and cells and a shared string used
  // thousands of times fit in a small zip but not in memory.
  const std::size_t max_text_bytes = data::size_param(params, "max-text-mb", 256, {file, 0, 0, {}}) << 20;
  const std::size_t max_cells = data::size_param(params, "max-cells", 20000000, {file, 0, 0, {}});
  std::size_t text_bytes = 0;
  std::size_t cell_count = 0;
  auto on_row = [&](const std::string& sheet, uint32_t row, std::vector<data::Cell>& cells) {
    SheetTable& state = states.at(sheet);
    const data::SchemaTable& table = *state.table;
    auto at = [&](std::size_t column) {
      return Location{file, 0, 0, "sheet '" + sheet + "', cell " + cell_name(column, row)};
    };
    cell_count += cells.size();
    for (const data::Cell& cell : cells) text_bytes += cell.text.size();
    if (text_bytes > max_text_bytes) {
      throw Error(ErrorCode::data, at(0), "the cells read so far hold more than " +
                                              std::to_string(max_text_bytes >> 20) + " MiB of text",
                  "raise max-text-mb if the workbook is genuine");
    }
    if (cell_count > max_cells) {
      throw Error(ErrorCode::data, at(0), "more than " + std::to_string(max_cells) + " cells",
                  "raise max-cells if the workbook is genuine");
    }
    if (!state.binding) {
      if (row < header_row) return;
      header.clear();
      for (std::size_t i = 0; i < cells.size(); ++i) {
        const data::Cell& cell = cells[i];
        if (cell.kind == data::Cell::Kind::number || cell.kind == data::Cell::Kind::text) {
          header.push_back(cell.text);
        } else if (cell.kind == data::Cell::Kind::empty) {
          header.emplace_back();
        } else {
          throw Error(ErrorCode::data, at(i), "the header row must hold column names");
        }
      }
      state.binding.emplace(table, header, params, base_dir,
                            Location{file, 0, 0, "sheet '" + sheet + "', row " + std::to_string(row)});
      state.source_of.assign(table.columns.size(), SIZE_MAX);
      for (std::size_t i = 0; i < header.size(); ++i) {
        int target = state.binding->target(i);
        if (target >= 0) state.source_of[static_cast<std::size_t>(target)] = i;
      }
      state.sink = &opened(table);
      return;
    }
    std::vector<Value> values(table.columns.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
      int target = state.binding->target(i);
      if (target < 0) {
        if (i >= state.binding->source_width() && cells[i].kind != data::Cell::Kind::empty) {
          throw Error(ErrorCode::data, at(i), "value in a column without a header",
                      "add a header in row 1 or delete the value");
        }
        continue;
      }
      const Column& column = table.columns[static_cast<std::size_t>(target)];
      auto value = data::convert(cells[i], column, style, true, problem);
      if (!value) throw Error(ErrorCode::data, at(i), "column '" + column.name + "': " + problem);
      values[static_cast<std::size_t>(target)] = std::move(*value);
    }
    for (std::size_t c = 0; c < values.size(); ++c) {
      if (is_null(values[c]) && !table.columns[c].nullable) {
        throw Error(ErrorCode::data, at(state.source_of[c]),
                    "column '" + table.columns[c].name + "': a value is required");
      }
    }
    state.sink->row(std::move(values));
    ++rows;
  };
  workbook.read([&](const std::string& sheet) { return table_of.count(sheet) != 0; }, on_row);
  // A sheet with a header and no rows still gives its (empty) table.
  for (auto& [sheet, state] : states) {
    if (!state.binding) {
      throw Error(ErrorCode::data, Location{file, 0, 0, "sheet '" + sheet + "'"},
                  "the sheet is empty", "the first row must name the columns");
    }
  }
  return rows;
}

void load(Format format, const DataSourceContext& context, Dataset& dataset) {
  std::string path = data::resolve_path(context, data::require_param(context, "file"));
  std::string file = data::display_name(path);
  Location here{file, 0, 0, {}};
  data::Schema schema = data::Schema::for_context(context);
  ZipArchive archive(path, nullptr, 0, file, zip_limits(context.params, here));
  SheetLimits limits = sheet_limits(context.params, here);
  std::unique_ptr<Workbook> workbook =
      format == Format::ods ? open_ods(archive, limits) : open_xlsx(archive, limits);
  data::TableCollector collected(file);
  TableOpened opened = [&](const data::SchemaTable& table) -> data::RowSink& { return collected.open(table); };
  read_workbook(*workbook, file, schema, data::checked_params(context), context.base_dir, context.sink, opened);
  collected.put_into(dataset);
}

}  // namespace dizgi::sheet
