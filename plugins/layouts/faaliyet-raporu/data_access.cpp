#include "data_access.hpp"

#include <dizgi/model/format.hpp>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>

#include <algorithm>
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

std::string level_one_code(const std::string& code) {
  std::string head = code.substr(0, code.find('.'));
  if (head.size() > 2) head = head.substr(0, 2);
  if (head.size() == 1) head.insert(head.begin(), '0');
  return head;
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

// --- collation ------------------------------------------------------------------------------

struct TurkishCollator::Members {
  std::unique_ptr<icu::Collator> collator;
};

TurkishCollator::TurkishCollator() : m(std::make_unique<Members>()) {
  UErrorCode status = U_ZERO_ERROR;
  m->collator.reset(icu::Collator::createInstance(icu::Locale("tr"), status));
  if (U_FAILURE(status)) m->collator.reset();
}

TurkishCollator::~TurkishCollator() = default;

bool TurkishCollator::less(const std::string& a, const std::string& b) const {
  if (!m->collator) return a < b;
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult result =
      m->collator->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                               icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  if (U_FAILURE(status)) return a < b;
  return result == UCOL_LESS;
}

void TurkishCollator::sort(std::vector<std::string>& names) const {
  std::stable_sort(names.begin(), names.end(),
                   [this](const std::string& a, const std::string& b) { return less(a, b); });
}

bool natural_less(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      std::size_t i_end = i, j_end = j;
      while (i_end < a.size() && digit(a[i_end])) ++i_end;
      while (j_end < b.size() && digit(b[j_end])) ++j_end;
      std::string_view x = a.substr(i, i_end - i), y = b.substr(j, j_end - j);
      while (x.size() > 1 && x.front() == '0') x.remove_prefix(1);
      while (y.size() > 1 && y.front() == '0') y.remove_prefix(1);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = i_end;
      j = j_end;
      continue;
    }
    if (a[i] != b[j]) return a[i] < b[j];
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

}  // namespace dizgi::faaliyet
