#include "data/inspect.hpp"

#include "data/format.hpp"
#include "util/json.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace dizgi::data {

namespace {

std::size_t width(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xc0) != 0x80;
  return count;
}

std::string cut(std::string text, std::size_t max_cell) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\t', ' ');
  if (width(text) <= max_cell || max_cell < 2) return text;
  std::size_t count = 0, i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80) {
      if (count == max_cell - 1) break;
      ++count;
    }
  }
  return text.substr(0, i) + "\xe2\x80\xa6";
}

void pad(std::ostream& out, const std::string& text, std::size_t to, bool right) {
  std::size_t w = width(text);
  std::string fill(to > w ? to - w : 0, ' ');
  if (right) out << fill << text;
  else out << text << fill;
}

bool numeric(const Column& column) {
  return column.type == ValueType::integer || column.type == ValueType::decimal;
}

}  // namespace

void print_table_list(const Dataset& dataset, std::ostream& out) {
  std::size_t name_width = 5;
  for (const auto& [name, _] : dataset.tables()) name_width = std::max(name_width, width(name));
  pad(out, "tablo", name_width, false);
  out << "  " << "   satır" << "  " << "sütun" << "  kaynak\n";
  for (const auto& [name, table] : dataset.tables()) {
    pad(out, name, name_width, false);
    out << "  ";
    pad(out, format_integer(static_cast<int64_t>(table.row_count())), 8, true);
    out << "  ";
    pad(out, std::to_string(table.columns().size()), 5, true);
    out << "  " << table.source << "\n";
  }
}

void print_table(const Table& table, std::ostream& out, std::size_t limit, std::size_t max_cell) {
  std::size_t shown = limit == 0 ? table.row_count() : std::min(limit, table.row_count());
  const auto& columns = table.columns();
  std::vector<std::vector<std::string>> cells(shown, std::vector<std::string>(columns.size()));
  std::vector<std::size_t> widths(columns.size());
  for (std::size_t c = 0; c < columns.size(); ++c) widths[c] = width(columns[c].name);
  for (std::size_t r = 0; r < shown; ++r) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      cells[r][c] = cut(format_value(table.row(r)[c], columns[c]), max_cell);
      widths[c] = std::max(widths[c], width(cells[r][c]));
    }
  }
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (c) out << "  ";
    pad(out, columns[c].name, c + 1 == columns.size() && !numeric(columns[c]) ? 0 : widths[c], numeric(columns[c]));
  }
  out << "\n";
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (c) out << "  ";
    for (std::size_t i = 0; i < widths[c]; ++i) out << "\xe2\x94\x80";  // ─
  }
  out << "\n";
  for (std::size_t r = 0; r < shown; ++r) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (c) out << "  ";
      bool last_text = c + 1 == columns.size() && !numeric(columns[c]);
      pad(out, cells[r][c], last_text ? 0 : widths[c], numeric(columns[c]));
    }
    out << "\n";
  }
  if (shown < table.row_count()) {
    out << "\xe2\x80\xa6 " << format_integer(static_cast<int64_t>(table.row_count() - shown)) << " satır daha\n";
  }
}

namespace {

// A value in its canonical text (null handled by the callers).
std::string canonical(const Value& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* i = std::get_if<int64_t>(&value)) return std::to_string(*i);
  if (const auto* d = std::get_if<Decimal>(&value)) return d->to_string();
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const auto* date = std::get_if<Date>(&value)) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date->year, date->month, date->day);
    return buffer;
  }
  return {};
}

std::string csv_field(const std::string& text, bool null) {
  if (null) return {};
  if (!text.empty() && text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string tsv_field(const std::string& text, bool null) {
  if (null) return "\\N";
  std::string out;
  for (char c : text) {
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out;
}

std::string json_value(const Value& value) {
  if (is_null(value)) return "null";
  if (std::holds_alternative<std::string>(value) || std::holds_alternative<Date>(value)) {
    return util::json_escape(canonical(value));
  }
  return canonical(value);
}

std::string json_columns(const Table& table) {
  std::string out = "[";
  for (std::size_t c = 0; c < table.columns().size(); ++c) {
    const Column& column = table.columns()[c];
    out += std::string(c ? ", " : "") + "{\"name\": " + util::json_escape(column.name) + ", \"type\": \"" +
           to_string(column.type) + "\", \"nullable\": " + (column.nullable ? "true" : "false") + "}";
  }
  return out + "]";
}

}  // namespace

void export_table(const Table& table, ExportFormat format, std::ostream& out, std::size_t limit) {
  const std::size_t shown = limit == 0 ? table.row_count() : std::min(limit, table.row_count());
  const auto& columns = table.columns();
  if (format == ExportFormat::json) {
    out << "{\"table\": " << util::json_escape(table.name()) << ", \"source\": " << util::json_escape(table.source)
        << ", \"columns\": " << json_columns(table) << ", \"rows\": [";
    for (std::size_t r = 0; r < shown; ++r) {
      out << (r ? ",\n  [" : "\n  [");
      for (std::size_t c = 0; c < columns.size(); ++c) out << (c ? ", " : "") << json_value(table.row(r)[c]);
      out << "]";
    }
    out << (shown ? "\n]}\n" : "]}\n");
    return;
  }
  const bool csv = format == ExportFormat::csv;
  const char* separator = csv ? "," : "\t";
  for (std::size_t c = 0; c < columns.size(); ++c) {
    out << (c ? separator : "") << (csv ? csv_field(columns[c].name, false) : tsv_field(columns[c].name, false));
  }
  out << "\n";
  for (std::size_t r = 0; r < shown; ++r) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const Value& v = table.row(r)[c];
      out << (c ? separator : "") << (csv ? csv_field(canonical(v), is_null(v)) : tsv_field(canonical(v), is_null(v)));
    }
    out << "\n";
  }
}

void print_table_list_json(const Dataset& dataset, std::ostream& out) {
  out << "[";
  bool first = true;
  for (const auto& [name, table] : dataset.tables()) {
    out << (first ? "\n  " : ",\n  ") << "{\"name\": " << util::json_escape(name) << ", \"rows\": "
        << table.row_count() << ", \"source\": " << util::json_escape(table.source)
        << ", \"columns\": " << json_columns(table) << "}";
    first = false;
  }
  out << (first ? "]\n" : "\n]\n");
}

}  // namespace dizgi::data
