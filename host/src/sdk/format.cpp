#include <dizgi/model/format.hpp>

#include <array>
#include <string_view>

// Written with string arithmetic rather than ICU's NumberFormatter: the inputs are exact
// decimals (ICU would want a double or a decimal string and a locale object per call), the
// rules are the handful TDK gives, and the output must not change with the ICU version.
namespace dizgi {

namespace {

// Inserts a dot every three digits from the right of a string of digits.
std::string group_digits(const std::string& digits) {
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  std::size_t lead = digits.size() % 3;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (i + 3 - lead) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return out;
}

struct Parts {
  bool negative = false;
  std::string integral;  // digits, at least "0"
  std::string fraction;  // digits, may be empty
};

Parts split(const Decimal& value, int fraction_digits) {
  // Only ever round down to fewer digits (which cannot overflow); extra digits are padded as
  // text below, so a large amount never throws.
  Decimal shown = value;
  if (fraction_digits >= 0 && fraction_digits < value.scale) {
    shown = value.rescaled(fraction_digits);
  }
  std::string text = shown.to_string();  // classic "-1234.50"
  Parts parts;
  if (!text.empty() && text.front() == '-') {
    parts.negative = true;
    text.erase(0, 1);
  }
  std::size_t dot = text.find('.');
  parts.integral = text.substr(0, dot);
  if (dot != std::string::npos) parts.fraction = text.substr(dot + 1);
  if (fraction_digits > static_cast<int>(parts.fraction.size())) {
    parts.fraction.append(static_cast<std::size_t>(fraction_digits) - parts.fraction.size(), '0');
  }
  if (fraction_digits < 0) {
    while (!parts.fraction.empty() && parts.fraction.back() == '0') parts.fraction.pop_back();
  }
  if (parts.integral.empty()) parts.integral = "0";
  bool all_zero = parts.integral.find_first_not_of('0') == std::string::npos &&
                  parts.fraction.find_first_not_of('0') == std::string::npos;
  if (all_zero) parts.negative = false;
  return parts;
}

std::string join(const Parts& parts) {
  std::string out = group_digits(parts.integral);
  if (!parts.fraction.empty()) {
    out.push_back(',');
    out += parts.fraction;
  }
  return out;
}

constexpr std::array<std::string_view, 12> month_names = {
    "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran",
    "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"};

constexpr std::array<std::string_view, 29> turkish_letters = {
    "A", "B", "C", "Ç", "D", "E", "F", "G", "Ğ", "H", "I", "İ", "J", "K", "L",
    "M", "N", "O", "Ö", "P", "R", "S", "Ş", "T", "U", "Ü", "V", "Y", "Z"};

std::string two_digits(int32_t value) {
  std::string out = std::to_string(value);
  if (out.size() < 2) out.insert(out.begin(), '0');
  return out;
}

}  // namespace

std::string format_integer_tr(int64_t value, bool group) {
  // Work on the unsigned magnitude so INT64_MIN is printed correctly.
  uint64_t magnitude = value < 0 ? uint64_t(0) - static_cast<uint64_t>(value)
                                 : static_cast<uint64_t>(value);
  std::string digits = std::to_string(magnitude);
  std::string out = group ? group_digits(digits) : digits;
  if (value < 0) out.insert(out.begin(), '-');
  return out;
}

std::string format_decimal_tr(const Decimal& value, int fraction_digits) {
  Parts parts = split(value, fraction_digits);
  std::string out = join(parts);
  if (parts.negative) out.insert(out.begin(), '-');
  return out;
}

std::string format_percent_tr(const Decimal& value, int fraction_digits) {
  Parts parts = split(value, fraction_digits);
  std::string out = "%" + join(parts);
  if (parts.negative) out.insert(out.begin(), '-');
  return out;
}

std::string format_date_tr(const Date& date, bool long_form) {
  if (long_form && date.month >= 1 && date.month <= 12) {
    return std::to_string(date.day) + " " +
           std::string(month_names[static_cast<std::size_t>(date.month - 1)]) + " " +
           std::to_string(date.year);
  }
  return two_digits(date.day) + "." + two_digits(date.month) + "." + std::to_string(date.year);
}

std::string format_letter_tr(int index) {
  if (index < 1) return {};
  constexpr int base = static_cast<int>(turkish_letters.size());
  std::string out;
  // Bijective base-29: A..Z, then AA, AB, ...
  while (index > 0) {
    int digit = (index - 1) % base;
    out.insert(0, turkish_letters[static_cast<std::size_t>(digit)]);
    index = (index - 1) / base;
  }
  return out;
}

std::string format_roman(int index) {
  if (index < 1 || index > 3999) return std::to_string(index);
  struct Step {
    int value;
    const char* symbol;
  };
  constexpr std::array<Step, 13> steps = {{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
                                           {100, "C"},  {90, "XC"},  {50, "L"},  {40, "XL"},
                                           {10, "X"},   {9, "IX"},   {5, "V"},   {4, "IV"},
                                           {1, "I"}}};
  std::string out;
  for (const Step& step : steps) {
    while (index >= step.value) {
      out += step.symbol;
      index -= step.value;
    }
  }
  return out;
}

}  // namespace dizgi
