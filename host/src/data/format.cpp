#include "data/format.hpp"

#include "text/case.hpp"

#include <dizgi/model/format.hpp>

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>
#include <cstdio>
#include <mutex>
#include <stdexcept>

namespace dizgi::data {

namespace {

std::string utf8(const icu::UnicodeString& text) {
  std::string result;
  text.toUTF8String(result);
  return result;
}

constexpr int max_decimals = 12;

enum class Kind { plain = 0, percent = 1 };

// The SDK's formatter (dizgi/model/format.hpp) is the one implementation of Turkish numbers:
// layouts and the host print the same figures the same way. Grouping off only drops the dots.
std::string format_number(Kind kind, const Decimal& value, int decimals, bool grouping) {
  if (decimals < 0) decimals = value.scale;
  decimals = std::clamp(decimals, 0, max_decimals);
  std::string text = kind == Kind::percent ? format_percent_tr(value, decimals) : format_decimal_tr(value, decimals);
  if (!grouping) text.erase(std::remove(text.begin(), text.end(), '.'), text.end());
  return text;
}

const char* const month_names[] = {"ocak",  "şubat",  "mart",  "nisan", "mayıs", "haziran",
                                   "temmuz", "ağustos", "eylül", "ekim",  "kasım", "aralık"};

bool valid_date(int32_t year, int32_t month, int32_t day) {
  static const int32_t days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

std::optional<int32_t> parse_digits(std::string_view text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  int32_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return std::string(text);
}

bool year_like(const std::string& name) {
  return name == "yil" || name.ends_with("_yil") || name.ends_with("yili");
}

}  // namespace

std::string format_integer(int64_t value, bool grouping) {
  return format_number(Kind::plain, Decimal::from_int(value), 0, grouping);
}

std::string format_year(int64_t year) { return format_integer(year, false); }

std::string format_decimal(const Decimal& value, int decimals, bool grouping) {
  return format_number(Kind::plain, value, decimals, grouping);
}

std::string format_money(const Decimal& value, int decimals, CurrencyStyle style) {
  std::string number = format_number(Kind::plain, value, decimals, true);
  switch (style) {
    case CurrencyStyle::suffix_tl: return number + " TL";
    case CurrencyStyle::prefix_sign:
      if (!number.empty() && number.front() == '-') return "-\xe2\x82\xba" + number.substr(1);
      return "\xe2\x82\xba" + number;
    case CurrencyStyle::none:
    case CurrencyStyle::invalid: break;
  }
  return number;
}

std::string format_percent(const Decimal& value, int decimals) {
  return format_number(Kind::percent, value, decimals, true);
}

std::string format_percent_compact(const Decimal& value, int max_decimals_shown) {
  Decimal rounded = value.rescaled(std::max(0, max_decimals_shown));
  int decimals = rounded.scale;
  int64_t units = rounded.units;
  while (decimals > 0 && units % 10 == 0) {
    units /= 10;
    --decimals;
  }
  return format_number(Kind::percent, Decimal{units, decimals}, decimals, true);
}

std::string format_date(const Date& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d.%02d.%04d", date.day, date.month, date.year);
  return buffer;
}

std::string format_date_long(const Date& date) {
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(icu::TimeZone::getGMT()->clone(), icu::Locale("tr"), status);
  calendar.clear();
  calendar.set(date.year, date.month - 1, date.day);
  UDate when = calendar.getTime(status);
  icu::SimpleDateFormat formatter(icu::UnicodeString("d MMMM y"), icu::Locale("tr"), status);
  formatter.setTimeZone(*icu::TimeZone::getGMT());
  if (U_FAILURE(status)) {
    return std::to_string(date.day) + " " + month_names[(date.month + 11) % 12] + " " + std::to_string(date.year);
  }
  icu::UnicodeString text;
  formatter.format(when, text);
  return utf8(text);
}

std::optional<Decimal> parse_number_tr(std::string_view text) { return Decimal::parse_tr(text); }

std::optional<Date> parse_date_tr(std::string_view text) {
  std::string s = trim(text);
  std::optional<int32_t> year, month, day;
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    year = parse_digits(std::string_view(s).substr(0, 4));
    month = parse_digits(std::string_view(s).substr(5, 2));
    day = parse_digits(std::string_view(s).substr(8, 2));
  } else if (auto sep = s.find_first_of("./"); sep != std::string::npos && sep <= 2) {
    char mark = s[sep];
    auto second = s.find(mark, sep + 1);
    if (second == std::string::npos || s.size() - second - 1 != 4) return std::nullopt;
    day = parse_digits(std::string_view(s).substr(0, sep));
    month = parse_digits(std::string_view(s).substr(sep + 1, second - sep - 1));
    year = parse_digits(std::string_view(s).substr(second + 1));
  } else {
    auto first = s.find(' ');
    auto last = s.rfind(' ');
    if (first == std::string::npos || first == last) return std::nullopt;
    day = parse_digits(std::string_view(s).substr(0, first));
    std::string name = lower_tr(trim(std::string_view(s).substr(first + 1, last - first - 1)));
    for (int i = 0; i < 12; ++i) {
      if (name == month_names[i]) month = i + 1;
    }
    std::string year_text = s.substr(last + 1);
    if (year_text.size() != 4) return std::nullopt;
    year = parse_digits(year_text);
  }
  if (!year || !month || !day || !valid_date(*year, *month, *day)) return std::nullopt;
  return Date{*year, *month, *day};
}

// Case mapping lives in text/case (one implementation for the engine and the data views).
std::string upper_tr(std::string_view text) { return text::to_upper_tr(text); }

std::string lower_tr(std::string_view text) { return text::to_lower_tr(text); }

std::string format_value(const Value& value, const Column& column) {
  if (is_null(value)) return "\xe2\x80\x94";  // em dash
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* integer = std::get_if<int64_t>(&value)) {
    return year_like(column.name) ? format_year(*integer) : format_integer(*integer);
  }
  if (const auto* decimal = std::get_if<Decimal>(&value)) {
    // Money keeps its kuruş; quantities and rates (scale > 2) drop trailing zeros: 62,0000 -> 62.
    if (column.type == ValueType::decimal && column.scale <= 2) return format_decimal(*decimal, column.scale);
    Decimal trimmed = *decimal;
    while (trimmed.scale > 0 && trimmed.units % 10 == 0) trimmed = Decimal{trimmed.units / 10, trimmed.scale - 1};
    return format_decimal(trimmed, trimmed.scale);
  }
  if (const auto* date = std::get_if<Date>(&value)) return format_date(*date);
  if (const auto* flag = std::get_if<bool>(&value)) return *flag ? "evet" : "hay\xc4\xb1r";
  return {};
}

}  // namespace dizgi::data
