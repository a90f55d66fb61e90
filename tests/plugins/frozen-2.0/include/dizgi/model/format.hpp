// dizgi/model/format.hpp — Turkish number, percent, date and enumeration formats for layouts.
//
// Every layout plugin prints amounts, ratios and dates the Turkish way, so the formatting lives
// in the SDK rather than in each plugin: grouping dots, decimal comma, the percent sign before
// the number without a space, dd.mm.yyyy dates and Turkish month names (TDK rules; see
// docs/layouts/faaliyet-raporu.md). The functions work on exact decimals and integers with
// plain string arithmetic, so the result never depends on the process locale and never goes
// through binary floating point. None of them throws. Since: 0.1
#pragma once

#include <dizgi/export.hpp>
#include <dizgi/model/value.hpp>

#include <cstdint>
#include <string>

namespace dizgi {

// 1250000 -> "1.250.000", -4200 -> "-4.200"; with `group` false no dots are written (years:
// "2025").
DIZGI_API std::string format_integer_tr(int64_t value, bool group = true);

// 15809134.35 -> "15.809.134,35". The value is rounded half away from zero to
// `fraction_digits` digits (0 prints no comma). A negative `fraction_digits` keeps the value's
// own digits but drops trailing zeros ("12.50" -> "12,5", "150.00" -> "150"). A value that
// rounds to zero never carries a minus sign.
DIZGI_API std::string format_decimal_tr(const Decimal& value, int fraction_digits = 2);

// A percentage given in percent units (45.67 means %45,67): "%45,67"; negative "-%4,20".
// Digits as in format_decimal_tr.
DIZGI_API std::string format_percent_tr(const Decimal& value, int fraction_digits = 2);

// {2025, 12, 31} -> "31.12.2025", or with `long_form` "31 Aralık 2025". An invalid month in
// long form falls back to the numeric form.
DIZGI_API std::string format_date_tr(const Date& date, bool long_form = false);

// 1-based index -> the Turkish letter enumeration A, B, C, Ç, D, E, F, G, Ğ, H, I, İ, J, ...;
// after Z (29) it continues AA, AB, ... Index < 1 gives "".
DIZGI_API std::string format_letter_tr(int index);

// 1-based index -> upper-case Roman numeral ("IV"); outside 1..3999 the decimal digits.
DIZGI_API std::string format_roman(int index);

}  // namespace dizgi
