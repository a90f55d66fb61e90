// Turkish formats are explicit (never the process locale): grouping with '.', decimal ',',
// percent sign first, years ungrouped, dd.mm.yyyy and long dates, tr collation and casing.
#include "data/format.hpp"

#include <gtest/gtest.h>

#include <clocale>
#include <string>
#include <vector>

using dizgi::Date;
using dizgi::Decimal;
namespace data = dizgi::data;

TEST(DataFormat, GroupsThousandsWithDotsIncludingFourDigits) {
  EXPECT_EQ(data::format_integer(1250000), "1.250.000");
  EXPECT_EQ(data::format_integer(1650), "1.650");
  EXPECT_EQ(data::format_integer(999), "999");
  EXPECT_EQ(data::format_integer(-4100000), "-4.100.000");
  EXPECT_EQ(data::format_integer(0), "0");
}

TEST(DataFormat, YearsAreNeverGrouped) {
  EXPECT_EQ(data::format_year(2025), "2025");
  dizgi::Column year{"baslangic_yili", dizgi::ValueType::integer, true, 0};
  EXPECT_EQ(data::format_value(int64_t{2024}, year), "2024");
  dizgi::Column count{"nufus", dizgi::ValueType::integer, true, 0};
  EXPECT_EQ(data::format_value(int64_t{4100000}, count), "4.100.000");
}

TEST(DataFormat, MoneyHasCommaDecimalsAndRoundsHalfUpExactly) {
  EXPECT_EQ(data::format_money(Decimal{1580913435, 2}), "15.809.134,35");
  EXPECT_EQ(data::format_money(Decimal{1500000, 0}, 0, data::CurrencyStyle::suffix_tl), "1.500.000 TL");
  EXPECT_EQ(data::format_money(Decimal{1500, 0}, 0, data::CurrencyStyle::prefix_sign), "\xe2\x82\xba" "1.500");
  // 0,125 rounds up to 0,13 (half away from zero on the exact value, not on a double 0.12499…)
  EXPECT_EQ(data::format_decimal(Decimal{125, 3}, 2), "0,13");
  EXPECT_EQ(data::format_decimal(Decimal{-125, 3}, 2), "-0,13");
  // Values beyond double precision stay exact.
  EXPECT_EQ(data::format_decimal(Decimal{123456789012345678, 2}, 2), "1.234.567.890.123.456,78");
}

TEST(DataFormat, PercentSignComesFirstWithoutSpace) {
  EXPECT_EQ(data::format_percent(Decimal{45, 0}, 0), "%45");
  EXPECT_EQ(data::format_percent(Decimal{125, 1}, 1), "%12,5");
  EXPECT_EQ(data::format_percent(Decimal{-42, 1}, 1), "-%4,2");
  EXPECT_EQ(data::format_percent(Decimal{13333, 2}, 2), "%133,33");
  EXPECT_EQ(data::format_percent_compact(Decimal{1250, 2}), "%12,5");
  EXPECT_EQ(data::format_percent_compact(Decimal{7900, 2}), "%79");
}

TEST(DataFormat, DatesNumericAndLong) {
  EXPECT_EQ(data::format_date(Date{2025, 12, 31}), "31.12.2025");
  EXPECT_EQ(data::format_date(Date{2026, 3, 7}), "07.03.2026");
  EXPECT_EQ(data::format_date_long(Date{2025, 12, 31}), "31 Aral\xc4\xb1k 2025");
  EXPECT_EQ(data::format_date_long(Date{1923, 10, 29}), "29 Ekim 1923");
  EXPECT_EQ(data::format_date_long(Date{2024, 2, 29}), "29 \xc5\x9e" "ubat 2024");
}

TEST(DataFormat, ParsesTurkishNumbersAndDates) {
  EXPECT_EQ(data::parse_number_tr("15.809.134,35")->to_string(), "15809134.35");
  EXPECT_EQ(data::parse_number_tr("-%4,2")->to_string(), "-4.2");
  EXPECT_FALSE(data::parse_number_tr("12.34"));
  EXPECT_EQ(data::parse_date_tr("31.12.2025"), (Date{2025, 12, 31}));
  EXPECT_EQ(data::parse_date_tr("31 Aral\xc4\xb1k 2025"), (Date{2025, 12, 31}));
  EXPECT_EQ(data::parse_date_tr("1 \xc5\x9e" "UBAT 2025"), (Date{2025, 2, 1}));
  EXPECT_EQ(data::parse_date_tr("2025-12-31"), (Date{2025, 12, 31}));
  EXPECT_FALSE(data::parse_date_tr("29.02.2025"));
  EXPECT_FALSE(data::parse_date_tr("31 Aralik 2025"));  // "Aralik" is not a Turkish month
}

TEST(DataFormat, IgnoresTheProcessLocale) {
  // A C library locale with other separators must not leak into the output.
  const char* previous = std::setlocale(LC_ALL, nullptr);
  std::string saved = previous ? previous : "C";
  std::setlocale(LC_ALL, "C.UTF-8");
  EXPECT_EQ(data::format_decimal(Decimal{1234567, 2}, 2), "12.345,67");
  std::setlocale(LC_ALL, saved.c_str());
}

TEST(DataCollation, FollowsTheTurkishAlphabet) {
  // c < ç < d, g < ğ < h, ı < i, o < ö < p, s < ş < t, u < ü < v
  EXPECT_LT(dizgi::compare_tr("cadde", "\xc3\xa7" "arşı"), 0);
  EXPECT_LT(dizgi::compare_tr("\xc3\xa7" "arşı", "dere"), 0);
  EXPECT_LT(dizgi::compare_tr("gaz", "\xc4\x9f" "a"), 0);
  EXPECT_LT(dizgi::compare_tr("\xc4\x9f" "a", "hal"), 0);
  EXPECT_LT(dizgi::compare_tr("\xc4\xb1" "rmak", "iklim"), 0);
  EXPECT_LT(dizgi::compare_tr("ozon", "\xc3\xb6" "zel"), 0);
  EXPECT_LT(dizgi::compare_tr("\xc3\xb6" "zel", "park"), 0);
  EXPECT_LT(dizgi::compare_tr("su", "\xc5\x9f" "ehir"), 0);
  EXPECT_LT(dizgi::compare_tr("\xc5\x9f" "ehir", "tarih"), 0);
  EXPECT_LT(dizgi::compare_tr("ulaşım", "\xc3\xbc" "retim"), 0);
  EXPECT_LT(dizgi::compare_tr("\xc3\xbc" "retim", "vergi"), 0);
  EXPECT_EQ(dizgi::compare_tr("Zabıta", "Zabıta"), 0);
}

TEST(DataCollation, SortsUnitNames) {
  std::vector<std::string> units = {"Zabıta", "Çevre Koruma", "İtfaiye", "Ulaşım", "Işıklandırma",
                                    "Sağlık", "Şehir Planlama", "Gençlik", "Ğ-test", "Öğrenci", "Hukuk", "Cenaze"};
  dizgi::sort_tr(units);
  std::vector<std::string> expected = {"Cenaze", "Çevre Koruma", "Gençlik", "Ğ-test", "Hukuk", "Işıklandırma",
                                       "İtfaiye", "Öğrenci", "Sağlık", "Şehir Planlama", "Ulaşım", "Zabıta"};
  EXPECT_EQ(units, expected);
}

TEST(DataCase, MapsDottedAndDotlessI) {
  EXPECT_EQ(data::upper_tr("içindekiler"), "İÇİNDEKİLER");
  EXPECT_EQ(data::upper_tr("ılık"), "ILIK");
  EXPECT_EQ(data::lower_tr("GİDER"), "gider");
  EXPECT_EQ(data::lower_tr("IŞIK"), "ışık");
  EXPECT_EQ(data::upper_tr("genel bilgiler"), "GENEL BİLGİLER");
}

TEST(DataFormat, FormatsCellsForListings) {
  dizgi::Column money{"harcama", dizgi::ValueType::decimal, true, 2};
  EXPECT_EQ(data::format_value(Decimal{1580913435, 2}, money), "15.809.134,35");
  EXPECT_EQ(data::format_value(dizgi::Value{}, money), "\xe2\x80\x94");
  dizgi::Column flag{"harcama_birimi", dizgi::ValueType::boolean, true, 0};
  EXPECT_EQ(data::format_value(true, flag), "evet");
  EXPECT_EQ(data::format_value(false, flag), "hay\xc4\xb1r");
}

TEST(DataFormat, QuantitiesDropTrailingZerosMoneyKeepsKurus) {
  dizgi::Column quantity{"deger", dizgi::ValueType::decimal, true, 4};
  EXPECT_EQ(data::format_value(Decimal{4100000000, 4}, quantity), "410.000");
  EXPECT_EQ(data::format_value(Decimal{115000, 4}, quantity), "11,5");
  dizgi::Column money{"tutar", dizgi::ValueType::decimal, true, 2};
  EXPECT_EQ(data::format_value(Decimal{100, 2}, money), "1,00");
}
