// The declarative schema description: the column format, the DDL reader, header folding and the
// conversions every source shares.
#include "mapping.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace data = dizgi::data;
using dizgi::ValueType;

TEST(DataSchema, DdlReaderHandlesConstraintsCommentsAndTypes) {
  auto schema = data::Schema::parse_sql(R"(
-- a comment, with (parentheses) and, commas
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS gosterge (
  kod TEXT PRIMARY KEY,            -- 'PG1.1.1'
  hedef_kod TEXT NOT NULL REFERENCES hedef(kod),
  hedefe_etkisi DECIMAL(7,2) NOT NULL,
  yon TEXT NOT NULL CHECK (yon IN ('artan', 'azalan', 'koruma')),
  deger NUMERIC (20, 4),
  onay_tarihi DATE,
  harcama_birimi BOOLEAN NOT NULL DEFAULT 0,
  sira INTEGER,
  PRIMARY KEY (kod, sira),
  UNIQUE (hedef_kod)
);
/* block */ CREATE TABLE "metin" (anahtar TEXT NOT NULL, icerik TEXT);
)", "x.sql");
  ASSERT_EQ(schema.tables().size(), 2u);
  const auto& g = *schema.find("gosterge");
  ASSERT_EQ(g.columns.size(), 8u);
  EXPECT_EQ(g.columns[0].name, "kod");
  EXPECT_TRUE(g.columns[0].nullable);
  EXPECT_FALSE(g.columns[1].nullable);
  EXPECT_EQ(g.columns[2].type, ValueType::decimal);
  EXPECT_EQ(g.columns[2].scale, 2);
  EXPECT_EQ(g.columns[3].type, ValueType::text);
  EXPECT_EQ(g.columns[4].scale, 4);
  EXPECT_EQ(g.columns[5].type, ValueType::date);
  EXPECT_EQ(g.columns[6].type, ValueType::boolean);
  EXPECT_FALSE(g.columns[6].nullable);
  EXPECT_EQ(g.columns[7].type, ValueType::integer);
  EXPECT_EQ(schema.find("metin")->columns.size(), 2u);
}

TEST(DataSchema, StandInDescriptionMatchesTheFixtureDdl) {
  std::ifstream in(DIZGI_TEST_SOURCE_DIR "/../plugins/datasources/common/standard-columns.txt");
  std::ostringstream text;
  text << in.rdbuf();
  auto described = data::Schema::parse(text.str(), "standard-columns.txt");
  const auto& ddl = dizgi::test::fixture_schema();
  ASSERT_EQ(described.tables().size(), ddl.tables().size());
  for (const auto& table : described.tables()) {
    const auto* other = ddl.find(table.name);
    ASSERT_TRUE(other) << table.name;
    ASSERT_EQ(table.columns.size(), other->columns.size()) << table.name;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      EXPECT_EQ(table.columns[i].name, other->columns[i].name);
      EXPECT_EQ(table.columns[i].type, other->columns[i].type) << table.columns[i].name;
      EXPECT_EQ(table.columns[i].scale, other->columns[i].scale) << table.columns[i].name;
      EXPECT_EQ(table.columns[i].nullable, other->columns[i].nullable) << table.columns[i].name;
    }
  }
}

TEST(DataSchema, ColumnFormatErrorsNameTheLine) {
  try {
    data::Schema::parse("[amac]\nkod text\nsira number\n", "cols.txt");
    FAIL() << "no error";
  } catch (const dizgi::Error& error) {
    EXPECT_STREQ(error.what(), "cols.txt:3: error: unknown type 'number' (hint: use text, integer, "
                               "decimal(N), date or boolean)");
  }
}

TEST(DataHeaders, TurkishHeadersFoldToSchemaNames) {
  EXPECT_EQ(data::fold_header(" Başlangıç Ödeneği "), "baslangic_odenegi");
  EXPECT_EQ(data::fold_header("YIL"), "yil");
  EXPECT_EQ(data::fold_header("İlçe Sayısı"), "ilce_sayisi");
  EXPECT_EQ(data::fold_header("Yüzölçümü-km2"), "yuzolcumu_km2");
}

TEST(DataValues, NumberLiteralsWithExponents) {
  EXPECT_EQ(data::parse_number_literal("1.5E+7")->to_string(), "15000000");
  EXPECT_EQ(data::parse_number_literal("-2.5e-3")->to_string(), "-0.0025");
  EXPECT_EQ(data::parse_number_literal("987654321.99")->to_string(), "987654321.99");
  EXPECT_FALSE(data::parse_number_literal("1e400"));
  EXPECT_FALSE(data::parse_number_literal("abc"));
}

TEST(DataValues, DatesAreCheckedAgainstTheCalendar) {
  EXPECT_EQ(*data::parse_date("29.02.2024"), (dizgi::Date{2024, 2, 29}));
  EXPECT_FALSE(data::parse_date("29.02.2025"));
  EXPECT_EQ(*data::parse_date("2025-12-31T23:59:59"), (dizgi::Date{2025, 12, 31}));
  EXPECT_FALSE(data::parse_date("2025-13-01"));
  EXPECT_FALSE(data::parse_date("31/12/2025"));
}
