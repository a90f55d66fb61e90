// dizgi/model/value.hpp — typed cell values of the dataset.
//
// Money and percentages are exact decimals (an integer count of 10^-scale units), never binary
// floating point; null is distinct from zero. Text is UTF-8 in NFC. Since: 0.1
#pragma once

#include <dizgi/export.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace dizgi {

// An exact decimal: value = units × 10^-scale. 15.809.134,35 TL is {1580913435, 2}.
// Arithmetic keeps exactness (scales are aligned; overflow throws Error(ErrorCode::data)).
struct DIZGI_API Decimal {
  int64_t units = 0;
  int32_t scale = 0;

  static Decimal from_int(int64_t value) { return {value, 0}; }
  // Parses the classic form "-1234.5" (dot decimal, no grouping). Returns nullopt on junk.
  static std::optional<Decimal> parse(std::string_view text);
  // Parses Turkish form "1.234,5" / "%12,5" / "-4,2" (dot grouping, comma decimal).
  static std::optional<Decimal> parse_tr(std::string_view text);

  Decimal rescaled(int32_t new_scale) const;  // rounds half away from zero when shrinking
  double to_double() const;                   // for charts and display geometry only
  std::string to_string() const;              // classic form, e.g. "-1234.50"

  DIZGI_API friend Decimal operator+(const Decimal& a, const Decimal& b);
  DIZGI_API friend Decimal operator-(const Decimal& a, const Decimal& b);
  DIZGI_API friend Decimal operator*(const Decimal& a, const Decimal& b);
  DIZGI_API friend bool operator==(const Decimal& a, const Decimal& b);  // 1.50 == 1.5
  DIZGI_API friend bool operator<(const Decimal& a, const Decimal& b);
};

// Divides with `scale` fractional digits in the result, rounding half up. Throws on b == 0.
DIZGI_API Decimal divide(const Decimal& a, const Decimal& b, int32_t scale);

struct Date {
  int32_t year = 0;
  int32_t month = 0;  // 1-12
  int32_t day = 0;    // 1-31
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

enum class ValueType { invalid = 0, text, integer, decimal, date, boolean };

DIZGI_API const char* to_string(ValueType type);

// A cell: null (std::monostate) or one of the typed values.
using Value = std::variant<std::monostate, std::string, int64_t, Decimal, Date, bool>;

inline bool is_null(const Value& value) { return std::holds_alternative<std::monostate>(value); }

}  // namespace dizgi
