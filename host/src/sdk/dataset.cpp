#include <dizgi/model/dataset.hpp>

#include <dizgi/diagnostics.hpp>

#include <utility>

namespace dizgi {

Table::Table(std::string name, std::vector<Column> columns)
    : name_(std::move(name)), columns_(std::move(columns)) {}

int Table::column_index(const std::string& column) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].name == column) return static_cast<int>(i);
  }
  return -1;
}

std::size_t Table::require_column(const std::string& column) const {
  int index = column_index(column);
  if (index < 0) {
    throw Error(ErrorCode::data, Location{source, 0, 0, "table '" + name_ + "'"},
                "missing column '" + column + "'",
                "check the column names against docs/data-model.md");
  }
  return static_cast<std::size_t>(index);
}

const Value& Table::at(std::size_t row, const std::string& column) const {
  return rows_.at(row).at(require_column(column));
}

static bool matches(const Value& value, ValueType type) {
  switch (type) {
    case ValueType::text: return std::holds_alternative<std::string>(value);
    case ValueType::integer: return std::holds_alternative<int64_t>(value);
    case ValueType::decimal: return std::holds_alternative<Decimal>(value);
    case ValueType::date: return std::holds_alternative<Date>(value);
    case ValueType::boolean: return std::holds_alternative<bool>(value);
    case ValueType::invalid: return false;
  }
  return false;
}

void Table::add_row(std::vector<Value> row) {
  if (row.size() != columns_.size()) {
    throw Error(ErrorCode::data,
                Location{source, 0, 0, "table '" + name_ + "', row " + std::to_string(rows_.size() + 1)},
                "row has " + std::to_string(row.size()) + " values but the table has " +
                    std::to_string(columns_.size()) + " columns");
  }
  for (std::size_t i = 0; i < row.size(); ++i) {
    const Value& value = row[i];
    if (is_null(value)) {
      if (!columns_[i].nullable) {
        throw Error(ErrorCode::data,
                    Location{source, 0, 0,
                             "table '" + name_ + "', row " + std::to_string(rows_.size() + 1) +
                                 ", column '" + columns_[i].name + "'"},
                    "null in a column that requires a value");
      }
      continue;
    }
    if (!matches(value, columns_[i].type)) {
      throw Error(ErrorCode::data,
                  Location{source, 0, 0,
                           "table '" + name_ + "', row " + std::to_string(rows_.size() + 1) +
                               ", column '" + columns_[i].name + "'"},
                  std::string("value is not of type ") + to_string(columns_[i].type));
    }
  }
  rows_.push_back(std::move(row));
}

Table& Dataset::put(Table table) {
  std::string name = table.name();
  auto [it, inserted] = tables_.insert_or_assign(std::move(name), std::move(table));
  (void)inserted;
  return it->second;
}

const Table& Dataset::table(const std::string& name) const {
  auto it = tables_.find(name);
  if (it == tables_.end()) {
    throw Error(ErrorCode::data, Location{}, "missing required table '" + name + "'",
                "add a data source that provides it (dizgi data BOOK.xml --list shows what is loaded)");
  }
  return it->second;
}

Table* Dataset::find(const std::string& name) {
  auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : &it->second;
}

const Table* Dataset::find(const std::string& name) const {
  auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : &it->second;
}

}  // namespace dizgi
