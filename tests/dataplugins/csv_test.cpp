// The CSV data source: RFC 4180 quoting, encodings, delimiters, Turkish numbers and dates, the
// header binding and the one-line errors that name file, line and column.
#include "csv_source.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <sstream>

using dizgi::Date;
using dizgi::Decimal;
using dizgi::Table;
using dizgi::Value;
namespace data = dizgi::data;

namespace {

Table read(const std::string& text, const std::string& table_name, data::Params params = {},
           const std::string& file = "test.csv") {
  const auto& table = dizgi::test::fixture_schema().require(table_name, {});
  std::istringstream input(text);
  Table result(table.name, table.columns);
  data::TableSink sink(result);
  dizgi::csv::read_table(input, file, table, params, {}, sink);
  return result;
}

std::string error_of(const std::string& text, const std::string& table_name,
                     data::Params params = {}, const std::string& file = "gider.csv") {
  try {
    read(text, table_name, params, file);
  } catch (const dizgi::Error& error) {
    return error.what();
  }
  return "no error";
}

std::vector<std::vector<std::string>> records(const std::string& text,
                                              dizgi::csv::Options options = {}) {
  std::istringstream input(text);
  dizgi::csv::Reader reader(input, "x.csv", options);
  std::vector<std::vector<std::string>> all;
  std::vector<std::string> fields;
  while (reader.next(fields)) all.push_back(fields);
  return all;
}

}  // namespace

TEST(CsvReader, QuotedFieldsWithEscapedQuotesAndNewlines) {
  auto all = records("a,b,c\r\n\"x, y\",\"say \"\"merhaba\"\"\",\"two\nlines\"\r\n1,,3\n");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[1][0], "x, y");
  EXPECT_EQ(all[1][1], "say \"merhaba\"");
  EXPECT_EQ(all[1][2], "two\nlines");
  EXPECT_EQ(all[2], (std::vector<std::string>{"1", "", "3"}));
}

TEST(CsvReader, RecordLineCountsEmbeddedNewlines) {
  std::istringstream input("a;b\n\"1\n2\n3\";x\n\nlast;y");
  dizgi::csv::Reader reader(input, "x.csv", {});
  std::vector<std::string> fields;
  ASSERT_TRUE(reader.next(fields));
  ASSERT_TRUE(reader.next(fields));
  EXPECT_EQ(reader.line(), 2u);
  ASSERT_TRUE(reader.next(fields));  // the blank line is skipped
  EXPECT_EQ(reader.line(), 6u);
  EXPECT_EQ(fields, (std::vector<std::string>{"last", "y"}));
  EXPECT_FALSE(reader.next(fields));
}

TEST(CsvReader, TinyChunksGiveTheSameRecords) {
  std::string text = "ad;tutar\n\"Şube \"\"A\"\"\";1.234,50\n\"çok\nsatır\";7\n";
  dizgi::csv::Options tiny;
  tiny.chunk_bytes = 3;
  EXPECT_EQ(records(text, tiny), records(text));
}

TEST(CsvReader, DetectsSemicolonCommaAndTab) {
  EXPECT_EQ(records("a;b\n1,5;2\n")[1], (std::vector<std::string>{"1,5", "2"}));
  EXPECT_EQ(records("a,b\n\"1,5\",2\n")[1], (std::vector<std::string>{"1,5", "2"}));
  EXPECT_EQ(records("a\tb\n1;5\t2\n")[1], (std::vector<std::string>{"1;5", "2"}));
}

TEST(CsvReader, StripsUtf8ByteOrderMark) {
  auto all = records("\xEF\xBB\xBFkod;ad\nA1;Ödenek\n");
  EXPECT_EQ(all[0][0], "kod");
  EXPECT_EQ(all[1][1], "Ödenek");
}

TEST(CsvReader, Windows1254IsDetectedAndConverted) {
  // "Şişli Gençlik" in Windows-1254: Ş=DE ş=FE ç=E7 (invalid as UTF-8).
  auto all = records("ad\n\xDE\xFDi\xFEli Gen\xE7lik\n");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1][0], "Şıişli Gençlik");
}

TEST(CsvReader, ExplicitEncodingWins) {
  dizgi::csv::Options options;
  options.encoding = dizgi::csv::Encoding::windows1254;
  // Valid UTF-8 bytes read as 1254 on request: "Ã¼" instead of "ü".
  EXPECT_EQ(records("a\n\xC3\xBC\n", options)[1][0], "Ã¼");
}

// Issue 16: text cells kept NUL bytes and, with encoding="utf-8", invalid UTF-8.
TEST(CsvReader, NulBytesAndInvalidUtf8AreRefusedWithTheirPlace) {
  try {
    records(std::string("a,b\n1,x\0y\n", 10));
    FAIL() << "no error";
  } catch (const dizgi::Error& error) {
    EXPECT_STREQ(error.what(), "x.csv:2: field 2: error: a NUL byte in a field (hint: save the file as text "
                               "(CSV), not as a binary file)");
  }
  dizgi::csv::Options options;
  options.encoding = dizgi::csv::Encoding::utf8;
  try {
    records("a,b\n1,ok\n2,\xC3\x28\n", options);
    FAIL() << "no error";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.location().line, 3u);
    EXPECT_NE(std::string(error.what()).find("the field is not valid UTF-8"), std::string::npos) << error.what();
  }
}

TEST(CsvReader, UnterminatedQuoteNamesTheLineItOpened) {
  try {
    records("a,b\n1,\"open\n\n");
    FAIL() << "no error";
  } catch (const dizgi::Error& error) {
    EXPECT_STREQ(error.what(), "x.csv:2: error: quoted field is never closed (hint: a '\"' is "
                               "missing before the end of the file)");
  }
}

TEST(CsvReader, TextAfterClosingQuoteIsAnError) {
  EXPECT_THROW(records("a,b\n\"x\"y,2\n"), dizgi::Error);
}

TEST(CsvReader, OversizedRecordIsRefused) {
  dizgi::csv::Options options;
  options.max_record_bytes = 100;
  EXPECT_THROW(records("a\n\"" + std::string(1000, 'x') + "\"\n", options), dizgi::Error);
}

TEST(CsvSource, TurkishNumbersDatesAndHeaders) {
  Table table = read(
      "Yıl;Birim Id;Ekonomik Kod;Başlangıç Ödeneği;Harcama\n"
      "2025;7;03.5.2.01;15.809.134,35;-4,2\n"
      "2025;8;03.2;1234,5;\n",
      "butce_gider");
  ASSERT_EQ(table.row_count(), 2u);
  EXPECT_EQ(std::get<int64_t>(table.at(0, "yil")), 2025);
  EXPECT_EQ(std::get<std::string>(table.at(0, "ekonomik_kod")), "03.5.2.01");
  EXPECT_EQ(std::get<Decimal>(table.at(0, "baslangic_odenegi")), (Decimal{1580913435, 2}));
  EXPECT_EQ(std::get<Decimal>(table.at(0, "baslangic_odenegi")).scale, 2);
  EXPECT_EQ(std::get<Decimal>(table.at(0, "harcama")), (Decimal{-420, 2}));
  EXPECT_EQ(std::get<Decimal>(table.at(1, "baslangic_odenegi")).to_string(), "1234.50");
  EXPECT_TRUE(dizgi::is_null(table.at(1, "harcama")));
  EXPECT_TRUE(dizgi::is_null(table.at(1, "eklenen")));  // absent nullable column
}

TEST(CsvSource, ClassicNumbersAndBothDateForms) {
  Table table = read(
      "id,kod,tur,ad,baslangic,bitis,fiziki_gerceklesme\n"
      "1,F1,proje,\"Yol, köprü\",31.12.2025,2026-01-05,12.5\n",
      "faaliyet");
  EXPECT_EQ(std::get<Date>(table.at(0, "baslangic")), (Date{2025, 12, 31}));
  EXPECT_EQ(std::get<Date>(table.at(0, "bitis")), (Date{2026, 1, 5}));
  EXPECT_EQ(std::get<Decimal>(table.at(0, "fiziki_gerceklesme")).to_string(), "12.50");
  EXPECT_EQ(std::get<std::string>(table.at(0, "ad")), "Yol, köprü");
}

TEST(CsvSource, RenamesFromParamsAndIgnoredColumns) {
  Table table = read("No;Kodu;Adı;Not\n1;A1;Yaşanabilir kent;x\n", "amac",
                     {{"map.No", "id"}, {"map.Kodu", "kod"}, {"map.Adı", "metin"},
                      {"ignore", "Not"}});
  EXPECT_EQ(std::get<int64_t>(table.at(0, "id")), 1);
  EXPECT_EQ(std::get<std::string>(table.at(0, "metin")), "Yaşanabilir kent");
  EXPECT_TRUE(dizgi::is_null(table.at(0, "sira")));
}

TEST(CsvSource, NotANumberNamesFileLineAndColumn) {
  std::string text = "yil;birim_id;ekonomik_kod;baslangic_odenegi;harcama\n";
  for (int i = 2; i < 42; ++i) text += "2025;1;03;10;5\n";
  text += "2025;1;03;10;12,5a\n";
  EXPECT_EQ(error_of(text, "butce_gider"),
            "gider.csv:42: error: column 'harcama': not a number: '12,5a'");
}

TEST(CsvSource, RaggedRowIsAnError) {
  EXPECT_EQ(error_of("kod;duzey;ad\n01;1;Personel\n02;1\n", "ekonomik_kod"),
            "gider.csv:3: error: row has 2 fields but the header has 3 (hint: check the "
            "delimiter and the quoting of this line)");
}

TEST(CsvSource, UnknownAndMissingColumns) {
  EXPECT_EQ(error_of("kod;duzey;ad;renk\n", "ekonomik_kod"),
            "gider.csv:1: error: unknown column 'renk' in table 'ekonomik_kod' (hint: rename it "
            "with map.renk=<column> or skip it with ignore=renk)");
  EXPECT_EQ(error_of("kod;ad\n", "ekonomik_kod"),
            "gider.csv:1: error: missing required column 'duzey' of table 'ekonomik_kod'");
}

TEST(CsvSource, RequiredValueAndTooManyDecimals) {
  EXPECT_EQ(error_of("kod;duzey;ad\n01;;Personel\n", "ekonomik_kod"),
            "gider.csv:2: error: column 'duzey': a value is required");
  EXPECT_EQ(error_of("yil;ekonomik_kod;butce_tahmini\n2025;01;1,234\n", "butce_gelir"),
            "gider.csv:2: error: column 'butce_tahmini': more than 2 fractional digits: '1,234'");
  EXPECT_EQ(error_of("id;kod;tur;ad;baslangic\n1;F;p;x;31.02.2025\n", "faaliyet"),
            "gider.csv:2: error: column 'baslangic': not a date: '31.02.2025' (expected "
            "dd.mm.yyyy or yyyy-mm-dd)");
}

TEST(CsvSource, MappingFileRenamesHeaders) {
  dizgi::test::TempDir dir;
  dir.write("eslem.txt", "# header = column\nKodu = ekonomik_kod.kod\nDüzey = duzey\nAçıklama = ad\n");
  Table table = read("Kodu,Düzey,Açıklama\n01,1,Personel Giderleri\n", "ekonomik_kod",
                     {{"mapping", (dir.path() / "eslem.txt").string()}});
  EXPECT_EQ(std::get<std::string>(table.at(0, "ad")), "Personel Giderleri");
}

TEST(CsvSource, BooleansInTurkish) {
  Table table = read("id;kod;ad;harcama_birimi\n1;01;A;evet\n2;02;B;Hayır\n3;03;C;\n", "birim");
  EXPECT_EQ(std::get<bool>(table.at(0, "harcama_birimi")), true);
  EXPECT_EQ(std::get<bool>(table.at(1, "harcama_birimi")), false);
  EXPECT_TRUE(dizgi::is_null(table.at(2, "harcama_birimi")));
}

TEST(CsvSource, LoadsThroughTheDataSourceInterface) {
  dizgi::test::TempDir dir;
  dir.write("amac.csv", "kod;metin;sira\nA1;Yaşanabilir kent;1\n");
  dizgi::DataSourceContext context;
  context.name = "amaclar";
  context.base_dir = dir.path().string();
  context.params = {{"file", "amac.csv"}};
  dizgi::Dataset dataset;
  dizgi::csv::Source source;
  source.load(context, dataset);
  const Table& table = dataset.table("amac");
  EXPECT_EQ(table.source, "amac.csv");
  EXPECT_EQ(std::get<std::string>(table.at(0, "metin")), "Yaşanabilir kent");
}

TEST(CsvSource, TitleLinesAboveTheHeaderAreSkipped) {
  Table table = read("2025 Yılı Ekonomik Kodlar;;\n;;\nkod;duzey;ad\n01;1;Personel\n",
                     "ekonomik_kod", {{"skip-lines", "2"}});
  ASSERT_EQ(table.row_count(), 1u);
  EXPECT_EQ(std::get<std::string>(table.at(0, "ad")), "Personel");
}
