#include <dizgi/model/value.hpp>

#include <dizgi/diagnostics.hpp>

#include <limits>
#include <string>

// Exact decimals are written here rather than taken from a library: Debian 12 has no small,
// ABI-stable decimal library (boost::multiprecision cpp_dec_float is binary-scaled and slow,
// libmpdec is not packaged as -dev), and int64 units with a power-of-ten scale is what money
// in kuruş needs.
namespace dizgi {

namespace {

__extension__ typedef __int128 wide;

constexpr int32_t max_scale = 18;

wide pow10(int32_t n) {
  wide result = 1;
  for (int32_t i = 0; i < n; ++i) result *= 10;
  return result;
}

int64_t narrow(wide value) {
  if (value > std::numeric_limits<int64_t>::max() || value < std::numeric_limits<int64_t>::min()) {
    throw Error(ErrorCode::data, Location{}, "decimal overflow", "the value exceeds 18 digits");
  }
  return static_cast<int64_t>(value);
}

// Divides rounding half away from zero.
wide div_round(wide numerator, wide denominator) {
  bool negative = (numerator < 0) != (denominator < 0);
  wide n = numerator < 0 ? -numerator : numerator;
  wide d = denominator < 0 ? -denominator : denominator;
  wide q = n / d;
  if ((n % d) * 2 >= d) ++q;
  return negative ? -q : q;
}

// Digits with at most one '.', optional leading sign; nothing else.
std::optional<Decimal> parse_plain(std::string_view text, char decimal_mark) {
  if (text.empty()) return std::nullopt;
  std::size_t i = 0;
  bool negative = false;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    ++i;
  }
  wide units = 0;
  int32_t scale = 0;
  bool seen_mark = false;
  bool seen_digit = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == decimal_mark && !seen_mark) {
      seen_mark = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    seen_digit = true;
    units = units * 10 + (c - '0');
    if (seen_mark) ++scale;
    if (scale > max_scale || units > std::numeric_limits<int64_t>::max()) return std::nullopt;
  }
  if (!seen_digit) return std::nullopt;
  return Decimal{static_cast<int64_t>(negative ? -units : units), scale};
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) { return parse_plain(text, '.'); }

std::optional<Decimal> Decimal::parse_tr(std::string_view text) {
  // Trim ASCII spaces and NBSP-free input; accept a leading or trailing '%' and "-%4,2".
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  std::string cleaned;
  cleaned.reserve(text.size());
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  if (!text.empty() && text.front() == '%') text.remove_prefix(1);
  else if (!text.empty() && text.back() == '%') text.remove_suffix(1);
  // Grouping dots must sit between groups of three digits before the comma.
  std::size_t comma = text.find(',');
  std::string_view integral = text.substr(0, comma);
  if (integral.find('.') != std::string_view::npos) {
    std::size_t group = 0;
    bool first = true;
    for (std::size_t i = 0; i <= integral.size(); ++i) {
      if (i == integral.size() || integral[i] == '.') {
        if ((first && (group == 0 || group > 3)) || (!first && group != 3)) return std::nullopt;
        first = false;
        group = 0;
      } else {
        ++group;
      }
    }
  }
  for (char c : text) {
    if (c != '.') cleaned.push_back(c);
  }
  auto value = parse_plain(cleaned, ',');
  if (value && negative) value->units = -value->units;
  if (value && negative && (cleaned.empty() || cleaned[0] == '-' || cleaned[0] == '+')) {
    return std::nullopt;
  }
  return value;
}

Decimal Decimal::rescaled(int32_t new_scale) const {
  if (new_scale < 0 || new_scale > max_scale) {
    throw Error(ErrorCode::data, Location{}, "decimal scale out of range");
  }
  if (new_scale >= scale) return {narrow(wide(units) * pow10(new_scale - scale)), new_scale};
  return {narrow(div_round(units, pow10(scale - new_scale))), new_scale};
}

double Decimal::to_double() const {
  return static_cast<double>(units) / static_cast<double>(pow10(scale));
}

std::string Decimal::to_string() const {
  wide magnitude = units < 0 ? -wide(units) : wide(units);
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude > 0);
  while (static_cast<int32_t>(digits.size()) <= scale) digits.insert(digits.begin(), '0');
  if (scale > 0) digits.insert(digits.end() - scale, '.');
  if (units < 0) digits.insert(digits.begin(), '-');
  return digits;
}

static void align(const Decimal& a, const Decimal& b, wide& x, wide& y, int32_t& scale) {
  scale = a.scale > b.scale ? a.scale : b.scale;
  x = wide(a.units) * pow10(scale - a.scale);
  y = wide(b.units) * pow10(scale - b.scale);
}

Decimal operator+(const Decimal& a, const Decimal& b) {
  wide x, y;
  int32_t scale;
  align(a, b, x, y, scale);
  return {narrow(x + y), scale};
}

Decimal operator-(const Decimal& a, const Decimal& b) {
  wide x, y;
  int32_t scale;
  align(a, b, x, y, scale);
  return {narrow(x - y), scale};
}

Decimal operator*(const Decimal& a, const Decimal& b) {
  int32_t scale = a.scale + b.scale;
  wide product = wide(a.units) * wide(b.units);
  if (scale > max_scale) {
    product = div_round(product, pow10(scale - max_scale));
    scale = max_scale;
  }
  return {narrow(product), scale};
}

bool operator==(const Decimal& a, const Decimal& b) {
  wide x, y;
  int32_t scale;
  align(a, b, x, y, scale);
  return x == y;
}

bool operator<(const Decimal& a, const Decimal& b) {
  wide x, y;
  int32_t scale;
  align(a, b, x, y, scale);
  return x < y;
}

Decimal divide(const Decimal& a, const Decimal& b, int32_t scale) {
  if (b.units == 0) throw Error(ErrorCode::data, Location{}, "division by zero");
  // a/b = (a.units / 10^a.scale) / (b.units / 10^b.scale); want units at `scale`.
  int32_t shift = scale + b.scale - a.scale;
  wide numerator = wide(a.units);
  wide denominator = wide(b.units);
  if (shift >= 0) numerator *= pow10(shift);
  else denominator *= pow10(-shift);
  return {narrow(div_round(numerator, denominator)), scale};
}

const char* to_string(ValueType type) {
  switch (type) {
    case ValueType::text: return "text";
    case ValueType::integer: return "integer";
    case ValueType::decimal: return "decimal";
    case ValueType::date: return "date";
    case ValueType::boolean: return "boolean";
    case ValueType::invalid: break;
  }
  return "invalid";
}

}  // namespace dizgi
