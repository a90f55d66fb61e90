#include "layout/table/cells.hpp"

#include "layout/text_util.hpp"

#include <dizgi/model/format.hpp>

namespace dizgi::layout {

namespace {

std::string format_decimal(Decimal value, const doc::NumberFormat& format) {
  if (format.scale_power > 0) {
    // Shown in thousands (millions, ...): the exact value divided and rounded once, to the
    // digits shown (rounding a rounded quotient again could move the last digit).
    Decimal divisor = Decimal::from_int(1);
    for (int i = 0; i < format.scale_power && i < 18; ++i) divisor = divisor * Decimal::from_int(10);
    int digits = format.fraction_digits < 0 ? value.scale + format.scale_power : format.fraction_digits;
    value = divide(value, divisor, digits);
  }
  bool negative = value < Decimal::from_int(0);
  if (negative && format.negative == doc::Negative::parentheses) value = Decimal::from_int(0) - value;
  std::string text = format.percent ? format_percent_tr(value, format.fraction_digits)
                                    : format_decimal_tr(value, format.fraction_digits);
  if (!format.group) {
    std::string plain;
    for (char c : text)
      if (c != '.') plain += c;
    text = plain;
  }
  // A value that rounds to zero is written without a sign, and without parentheses.
  if (negative && format.negative == doc::Negative::parentheses && text.find_first_of("123456789") != std::string::npos)
    text = "(" + text + ")";
  return text;
}

}  // namespace

std::string format_value(const Value& value, const doc::NumberFormat& format, const std::string& missing) {
  if (is_null(value)) return missing;
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* integer = std::get_if<int64_t>(&value)) return format_decimal(Decimal::from_int(*integer), [&] {
      doc::NumberFormat f = format;
      if (f.scale_power == 0 && !f.percent) f.fraction_digits = 0;
      return f;
    }());
  if (const auto* decimal = std::get_if<Decimal>(&value)) return format_decimal(*decimal, format);
  if (const auto* date = std::get_if<Date>(&value)) return format_date_tr(*date);
  if (const auto* flag = std::get_if<bool>(&value)) return *flag ? "Evet" : "Hayır";
  return missing;
}

std::string bind_units(const std::string& text) {
  static const std::string no_break = "\xC2\xA0";
  // "(%)", "(TL)", "(km)" stay with the word before them; "(Bin TL)", "(Milyon ₺)" stay whole
  // but may take a line of their own, as headers are usually set. Longer is prose.
  constexpr std::size_t longest_unit = 16;
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t open = text.find(" (", i);
    if (open == std::string::npos) break;
    std::size_t close = text.find(')', open);
    out += text.substr(i, open - i);
    if (close == std::string::npos || close - open > longest_unit) {
      out += " (";
      i = open + 2;
      continue;
    }
    std::string unit = text.substr(open + 2, close - open - 2);
    bool one_word = unit.find(' ') == std::string::npos;
    out += one_word ? no_break : std::string(" ");
    out += "(";
    for (char c : unit) {
      if (c == ' ') out += no_break;
      else out += c;
    }
    out += ")";
    i = close + 1;
  }
  out += text.substr(i);
  return out;
}

std::vector<doc::Span> cell_spans(const doc::TableCell& cell, const std::string& missing) {
  if (cell.content.empty()) return spans_of(format_value(cell.value, cell.format, missing));
  std::vector<doc::Span> spans = cell.content;
  for (doc::Span& span : spans) span.text = bind_units(span.text);
  return spans;
}

bool is_figure(const doc::TableCell& cell) {
  return cell.content.empty() && (is_null(cell.value) || std::holds_alternative<int64_t>(cell.value) ||
                                  std::holds_alternative<Decimal>(cell.value));
}

std::optional<Decimal> exact_value(const doc::TableCell& cell) {
  if (!cell.content.empty()) return std::nullopt;
  if (const auto* integer = std::get_if<int64_t>(&cell.value)) return Decimal::from_int(*integer);
  if (const auto* decimal = std::get_if<Decimal>(&cell.value)) return *decimal;
  return std::nullopt;
}

doc::RowKind effective_kind(const doc::TableRow& row, int section) {
  if (section == 0) return doc::RowKind::header;
  if (section == 2) return row.kind == doc::RowKind::subtotal ? doc::RowKind::subtotal : doc::RowKind::total;
  return row.kind == doc::RowKind::invalid ? doc::RowKind::body : row.kind;
}

}  // namespace dizgi::layout
