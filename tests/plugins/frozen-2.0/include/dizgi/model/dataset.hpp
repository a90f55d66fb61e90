// dizgi/model/dataset.hpp — the dataset: named tables with typed columns.
//
// Data-source plugins fill it; layout plugins read it. Tables and columns are looked up by name
// (the standard schema in docs/data-model.md). Since: 0.1
#pragma once

#include <dizgi/export.hpp>
#include <dizgi/model/value.hpp>

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace dizgi {

struct Column {
  std::string name;
  ValueType type = ValueType::invalid;
  bool nullable = true;
  int32_t scale = 0;  // fractional digits for decimals (2 for money)
};

// Rows are vectors of values in column order. `source` says where the table came from
// ("kuzeykent.sqlite", "gider.csv") so diagnostics can name the file.
class DIZGI_API_CLASS Table {
 public:
  Table() = default;
  Table(std::string name, std::vector<Column> columns);

  const std::string& name() const noexcept { return name_; }
  const std::vector<Column>& columns() const noexcept { return columns_; }
  // Index of a column by name; -1 when absent.
  int column_index(const std::string& column) const;
  // Throws Error(ErrorCode::data) naming the table when the column does not exist.
  std::size_t require_column(const std::string& column) const;

  std::size_t row_count() const noexcept { return rows_.size(); }
  const std::vector<Value>& row(std::size_t index) const { return rows_.at(index); }
  const Value& at(std::size_t row, const std::string& column) const;
  // Appends a row; throws Error(ErrorCode::data) when the arity or a value's type is wrong.
  void add_row(std::vector<Value> row);
  void reserve(std::size_t rows) { rows_.reserve(rows); }

  std::string source;

 private:
  std::string name_;
  std::vector<Column> columns_;
  std::vector<std::vector<Value>> rows_;
};

class DIZGI_API_CLASS Dataset {
 public:
  // Adds or replaces a table.
  Table& put(Table table);
  bool has(const std::string& name) const { return tables_.count(name) != 0; }
  // Throws Error(ErrorCode::data) "missing required table 'x'" when absent.
  const Table& table(const std::string& name) const;
  Table* find(const std::string& name);
  const Table* find(const std::string& name) const;
  const std::map<std::string, Table>& tables() const noexcept { return tables_; }

 private:
  std::map<std::string, Table> tables_;
};

}  // namespace dizgi
