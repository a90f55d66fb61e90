// Turkish number, percent, date and enumeration formats of the SDK (domain §3).
#include <dizgi/model/format.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

using dizgi::Date;
using dizgi::Decimal;

TEST(FormatTr, IntegersGroupWithDotsExceptWhenAskedNot) {
  EXPECT_EQ(dizgi::format_integer_tr(1250000), "1.250.000");
  EXPECT_EQ(dizgi::format_integer_tr(1650), "1.650");  // four digits are grouped too
  EXPECT_EQ(dizgi::format_integer_tr(999), "999");
  EXPECT_EQ(dizgi::format_integer_tr(0), "0");
  EXPECT_EQ(dizgi::format_integer_tr(-4200), "-4.200");
  EXPECT_EQ(dizgi::format_integer_tr(2025, false), "2025");  // years are not grouped
  EXPECT_EQ(dizgi::format_integer_tr(std::numeric_limits<int64_t>::min()),
            "-9.223.372.036.854.775.808");
}

TEST(FormatTr, MoneyHasDecimalCommaAndKurus) {
  EXPECT_EQ(dizgi::format_decimal_tr(Decimal{1580913435, 2}, 2), "15.809.134,35");
  EXPECT_EQ(dizgi::format_decimal_tr(Decimal{125, 1}, 2), "12,50");  // padded
  EXPECT_EQ(dizgi::format_decimal_tr(Decimal::from_int(1500000), 2), "1.500.000,00");
  EXPECT_EQ(dizgi::format_decimal_tr(Decimal{-42, 1}, 1), "-4,2");
  EXPECT_EQ(dizgi::format_decimal_tr(Decimal{1580913435, 2}, 0), "15.809.134");
}

TEST(FormatTr, DecimalsRoundHalfAwayFromZero) {
  EXPECT_EQ(dizgi::format_decimal_tr(Decimal{12345, 3}, 2), "12,35");
  EXPECT_EQ(dizgi::format_decimal_tr(Decimal{-12345, 3}, 2), "-12,35");
  EXPECT_EQ(dizgi::format_decimal_tr(Decimal{-4, 3}, 2), "0,00");  // no "-0,00"
}

TEST(FormatTr, NegativeDigitsTrimTrailingZeros) {
  EXPECT_EQ(dizgi::format_decimal_tr(Decimal{1250, 2}, -1), "12,5");
  EXPECT_EQ(dizgi::format_decimal_tr(Decimal{15000, 2}, -1), "150");
  EXPECT_EQ(dizgi::format_decimal_tr(Decimal{11500, 3}, -1), "11,5");
}

TEST(FormatTr, LargeAmountsPadWithoutOverflow) {
  // 10^18 units at scale 0 cannot be rescaled to 2 digits in int64; padding is textual.
  EXPECT_EQ(dizgi::format_decimal_tr(Decimal{1000000000000000000, 0}, 2),
            "1.000.000.000.000.000.000,00");
}

TEST(FormatTr, PercentSignComesFirstWithoutSpace) {
  EXPECT_EQ(dizgi::format_percent_tr(Decimal{4567, 2}, 2), "%45,67");
  EXPECT_EQ(dizgi::format_percent_tr(Decimal::from_int(45), 0), "%45");
  EXPECT_EQ(dizgi::format_percent_tr(Decimal{125, 1}, -1), "%12,5");
  EXPECT_EQ(dizgi::format_percent_tr(Decimal{-42, 1}, 2), "-%4,20");
  EXPECT_EQ(dizgi::format_percent_tr(Decimal{1333333, 4}, 2), "%133,33");
}

TEST(FormatTr, DatesNumericAndLong) {
  EXPECT_EQ(dizgi::format_date_tr(Date{2025, 12, 31}), "31.12.2025");
  EXPECT_EQ(dizgi::format_date_tr(Date{2026, 2, 3}), "03.02.2026");
  EXPECT_EQ(dizgi::format_date_tr(Date{2025, 12, 31}, true), "31 Aralık 2025");
  EXPECT_EQ(dizgi::format_date_tr(Date{1923, 10, 29}, true), "29 Ekim 1923");
  EXPECT_EQ(dizgi::format_date_tr(Date{2026, 2, 3}, true), "3 Şubat 2026");
  EXPECT_EQ(dizgi::format_date_tr(Date{2026, 13, 3}, true), "03.13.2026");
}

TEST(FormatTr, LetterEnumerationFollowsTurkishAlphabet) {
  EXPECT_EQ(dizgi::format_letter_tr(1), "A");
  EXPECT_EQ(dizgi::format_letter_tr(3), "C");
  EXPECT_EQ(dizgi::format_letter_tr(4), "Ç");
  EXPECT_EQ(dizgi::format_letter_tr(5), "D");
  EXPECT_EQ(dizgi::format_letter_tr(9), "Ğ");
  EXPECT_EQ(dizgi::format_letter_tr(11), "I");
  EXPECT_EQ(dizgi::format_letter_tr(12), "İ");
  EXPECT_EQ(dizgi::format_letter_tr(29), "Z");
  EXPECT_EQ(dizgi::format_letter_tr(30), "AA");
  EXPECT_EQ(dizgi::format_letter_tr(0), "");
}

TEST(FormatTr, RomanNumeralsForParts) {
  EXPECT_EQ(dizgi::format_roman(1), "I");
  EXPECT_EQ(dizgi::format_roman(4), "IV");
  EXPECT_EQ(dizgi::format_roman(5), "V");
  EXPECT_EQ(dizgi::format_roman(21), "XXI");
  EXPECT_EQ(dizgi::format_roman(1994), "MCMXCIV");
  EXPECT_EQ(dizgi::format_roman(0), "0");
}
