#include "data_access.hpp"

#include <dizgi/model/format.hpp>


#include <cctype>

namespace dizgi::faaliyet {

std::string text_of(const Value& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* i = std::get_if<int64_t>(&value)) return std::to_string(*i);
  if (const auto* d = std::get_if<Decimal>(&value)) return d->to_string();
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const auto* date = std::get_if<Date>(&value)) return format_date_tr(*date);
  return {};
}

std::optional<Decimal> decimal_of(const Value& value) {
  if (const auto* d = std::get_if<Decimal>(&value)) return *d;
  if (const auto* i = std::get_if<int64_t>(&value)) return Decimal::from_int(*i);
  if (const auto* s = std::get_if<std::string>(&value)) {
    if (auto parsed = Decimal::parse(*s)) return parsed;
    return Decimal::parse_tr(*s);
  }
  return std::nullopt;
}

Decimal amount_of(const Value& value) { return decimal_of(value).value_or(Decimal{}); }

std::optional<int64_t> integer_of(const Value& value) {
  if (const auto* i = std::get_if<int64_t>(&value)) return *i;
  if (const auto* d = std::get_if<Decimal>(&value)) return d->rescaled(0).units;
  if (const auto* s = std::get_if<std::string>(&value)) {
    if (auto parsed = Decimal::parse(*s); parsed && parsed->scale == 0) return parsed->units;
  }
  return std::nullopt;
}

bool boolean_of(const Value& value) {
  if (const auto* b = std::get_if<bool>(&value)) return *b;
  if (const auto* i = std::get_if<int64_t>(&value)) return *i != 0;
  if (const auto* s = std::get_if<std::string>(&value)) {
    std::string lower;
    for (char c : *s)
      lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return lower == "1" || lower == "true" || lower == "evet";
  }
  return false;
}

const Value& optional_at(const Table& table, std::size_t row, const std::string& column) {
  static const Value null_value{};
  int index = table.column_index(column);
  if (index < 0) return null_value;
  return table.row(row).at(static_cast<std::size_t>(index));
}

std::string display_number(const Value& value) {
  if (const auto* i = std::get_if<int64_t>(&value)) return format_integer_tr(*i);
  if (const auto* d = std::get_if<Decimal>(&value)) return format_decimal_tr(*d, -1);
  return text_of(value);
}

std::string anchor_of(const std::string& text) {
  std::string out;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u))
      out.push_back(static_cast<char>(std::tolower(u)));
    else if (!out.empty() && out.back() != '-')
      out.push_back('-');
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

Location location_of(const Table& table, const std::string& where) {
  return Location{table.source, 0, 0, where.empty() ? "table '" + table.name() + "'" : where};
}

doc::Span span(std::string text, bool bold) {
  doc::Span s;
  s.text = std::move(text);
  s.style.bold = bold;
  return s;
}

doc::TableCell cell(std::string text, doc::Align align, std::string style) {
  doc::TableCell c;
  c.content.push_back(span(std::move(text)));
  c.align = align;
  c.style = std::move(style);
  return c;
}

doc::TableCell header_cell(std::string text, doc::Align align) {
  return cell(std::move(text), align, "header");
}

doc::Paragraph paragraph(std::vector<doc::Span> content, std::string style) {
  doc::Paragraph p;
  p.content = std::move(content);
  p.style = std::move(style);
  return p;
}

namespace {

doc::TableCell figure_cell(const Value& value, int32_t fraction_digits, doc::Align align, int32_t scale_power = 0) {
  doc::NumberFormat format;
  format.fraction_digits = fraction_digits;
  format.scale_power = scale_power;
  return doc::TableCell::typed(value, format, align);
}

}  // namespace

doc::TableCell thousands_cell(const Value& value) { return figure_cell(value, 0, doc::Align::end, 3); }

doc::TableCell percent_cell(const Value& value) { return figure_cell(value, 2, doc::Align::decimal); }

doc::TableCell count_cell(const Value& value) { return figure_cell(value, -1, doc::Align::end); }

doc::TableRow row_of_kind(std::vector<doc::TableCell> cells, doc::RowKind kind) {
  return doc::TableRow(std::move(cells), kind);
}

void add_summary_row(doc::Table& table, doc::TableRow row, bool is_total) {
  if (is_total) {
    row.kind = doc::RowKind::total;
    table.footer.push_back(std::move(row));
  } else {
    table.body.push_back(std::move(row));
  }
}

}  // namespace dizgi::faaliyet
