// Turkish number, money, percent and date formatting and parsing, Turkish collation and case
// mapping. Numbers use the SDK formatter (dizgi/model/format.hpp); dates, collation and case
// go through ICU with an explicit locale ("tr_TR" / "tr"); the process
// locale is never consulted. Values are rounded half away from zero on the exact decimal before
// ICU sees them, so a displayed figure never comes from a binary float.
//
//   format_integer(1250000)              "1.250.000"   (four digits are grouped too: "1.650")
//   format_year(2025)                    "2025"        (years are never grouped)
//   format_decimal({1580913435, 2}, 2)   "15.809.134,35"
//   format_percent({45, 0}, 0)           "%45"; {125, 1} -> "%12,5"; {-42, 1} -> "-%4,2"
//   format_date({2025, 12, 31})          "31.12.2025"; format_date_long -> "31 Aralık 2025"
#pragma once

#include <dizgi/model/collate.hpp>
#include <dizgi/model/dataset.hpp>
#include <dizgi/model/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dizgi::data {

// Where a currency sign goes in format_money.
enum class CurrencyStyle { invalid = 0, none, suffix_tl, prefix_sign };

std::string format_integer(int64_t value, bool grouping = true);
std::string format_year(int64_t year);
// `decimals` < 0 keeps the value's own scale.
std::string format_decimal(const Decimal& value, int decimals = -1, bool grouping = true);
// Money with `decimals` fractional digits (2 = kuruş): none "1.500.000,00", suffix_tl
// "1.500.000,00 TL", prefix_sign "₺1.500.000,00" (TCMB guidance: sign left, no space).
std::string format_money(const Decimal& value, int decimals = 2, CurrencyStyle style = CurrencyStyle::none);
// The value is already a percentage (45 means %45).
std::string format_percent(const Decimal& value, int decimals = 2);
// Like format_percent but drops trailing fractional zeros: 12,50 -> "%12,5", 45,00 -> "%45".
std::string format_percent_compact(const Decimal& value, int max_decimals = 2);
std::string format_date(const Date& date);
std::string format_date_long(const Date& date);

// Parses Turkish numbers: "1.250.000", "15.809.134,35", "%12,5", "-%4,2", "12,5".
std::optional<Decimal> parse_number_tr(std::string_view text);
// Parses "31.12.2025", "31/12/2025", "31 Aralık 2025" (month names in any case) and ISO
// "2025-12-31". Returns nullopt for anything else or an impossible date.
std::optional<Date> parse_date_tr(std::string_view text);

// Turkish collation (compare_tr, sort_tr, TurkishLess) is the SDK's: dizgi/model/collate.hpp.

// Turkish case mapping: "içindekiler" -> "İÇİNDEKİLER", "IŞIK" -> "ışık".
std::string upper_tr(std::string_view text);
std::string lower_tr(std::string_view text);

// One cell for display (the `dizgi data --show` listing): null -> "—", integers grouped (a
// column named like a year, "yil"/"*_yili", is not), money (scale ≤ 2) with the column's scale,
// other decimals without trailing zeros, dates dd.mm.yyyy, booleans "evet"/"hayır".
std::string format_value(const Value& value, const Column& column);

}  // namespace dizgi::data
