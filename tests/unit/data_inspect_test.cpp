// `dizgi data --list/--show` views: Turkish numbers, aligned columns, row limits.
#include "data/inspect.hpp"

#include <gtest/gtest.h>

#include <sstream>

using dizgi::Decimal;

namespace {

dizgi::Dataset sample() {
  dizgi::Dataset dataset;
  dizgi::Table gider("butce_gider", {{"yil", dizgi::ValueType::integer, false, 0},
                                     {"ekonomik_kod", dizgi::ValueType::text, false, 0},
                                     {"harcama", dizgi::ValueType::decimal, true, 2},
                                     {"aciklama", dizgi::ValueType::text, true, 0}});
  gider.source = "kuzeykent.sqlite";
  gider.add_row({int64_t{2025}, std::string("01"), Decimal{1580913435, 2}, std::string("Personel")});
  gider.add_row({int64_t{2025}, std::string("03"), dizgi::Value{}, std::string("Mal ve hizmet\nalımları")});
  gider.add_row({int64_t{2025}, std::string("06"), Decimal{500, 2}, std::string("Sermaye")});
  dataset.put(std::move(gider));
  return dataset;
}

}  // namespace

TEST(DataInspect, ListsTablesWithRowCountsAndSources) {
  std::ostringstream out;
  dizgi::data::print_table_list(sample(), out);
  EXPECT_NE(out.str().find("butce_gider"), std::string::npos);
  EXPECT_NE(out.str().find("kuzeykent.sqlite"), std::string::npos);
  EXPECT_NE(out.str().find("       3      4"), std::string::npos) << out.str();
}

TEST(DataInspect, ShowsRowsInTurkishFormatRightAligned) {
  std::ostringstream out;
  dizgi::data::print_table(sample().table("butce_gider"), out, 2);
  std::string text = out.str();
  EXPECT_NE(text.find("2025  01            15.809.134,35  Personel"), std::string::npos) << text;
  EXPECT_NE(text.find("\xe2\x80\x94  Mal ve hizmet al\xc4\xb1mlar\xc4\xb1"), std::string::npos) << text;  // null, newline flattened
  EXPECT_EQ(text.find("Sermaye"), std::string::npos);
  EXPECT_NE(text.find("1 satır daha"), std::string::npos);
}

// --format csv|tsv|json: the values the layout sees, canonical, null distinct from empty text.
namespace {

dizgi::Table typed() {
  dizgi::Table t("karma", {{"ad", dizgi::ValueType::text, true, 0},
                           {"tutar", dizgi::ValueType::decimal, true, 2},
                           {"tarih", dizgi::ValueType::date, true, 0},
                           {"onay", dizgi::ValueType::boolean, true, 0}});
  t.source = "karma.csv";
  t.add_row({std::string("Şişli, \"Merkez\""), Decimal{123450, 2}, dizgi::Date{2025, 12, 31}, true});
  t.add_row({std::string(""), dizgi::Value{}, dizgi::Value{}, false});
  t.add_row({dizgi::Value{}, Decimal{-425, 2}, dizgi::Value{}, dizgi::Value{}});
  t.add_row({std::string("a\tb\\c\nd"), Decimal{5, 0}, dizgi::Value{}, dizgi::Value{}});
  return t;
}

std::string exported(dizgi::data::ExportFormat format) {
  std::ostringstream out;
  dizgi::data::export_table(typed(), format, out);
  return out.str();
}

}  // namespace

TEST(DataExport, CsvQuotesEmptyTextAndLeavesNullEmpty) {
  EXPECT_EQ(exported(dizgi::data::ExportFormat::csv),
            "ad,tutar,tarih,onay\n"
            "\"Şişli, \"\"Merkez\"\"\",1234.50,2025-12-31,true\n"
            "\"\",,,false\n"
            ",-4.25,,\n"
            "\"a\tb\\c\nd\",5,,\n");
}

TEST(DataExport, TsvEscapesAndWritesNullAsBackslashN) {
  EXPECT_EQ(exported(dizgi::data::ExportFormat::tsv),
            "ad\ttutar\ttarih\tonay\n"
            "Şişli, \"Merkez\"\t1234.50\t2025-12-31\ttrue\n"
            "\t\\N\t\\N\tfalse\n"
            "\\N\t-4.25\t\\N\t\\N\n"
            "a\\tb\\\\c\\nd\t5\t\\N\t\\N\n");
}

TEST(DataExport, JsonKeepsExactDigitsAndNull) {
  const std::string json = exported(dizgi::data::ExportFormat::json);
  EXPECT_NE(json.find("{\"table\": \"karma\", \"source\": \"karma.csv\", \"columns\": [{\"name\": \"ad\", \"type\": \"text\", "
                      "\"nullable\": true}"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("[\"Şişli, \\\"Merkez\\\"\", 1234.50, \"2025-12-31\", true]"), std::string::npos) << json;
  EXPECT_NE(json.find("[\"\", null, null, false]"), std::string::npos) << json;
  EXPECT_NE(json.find("[null, -4.25, null, null]"), std::string::npos) << json;
}

TEST(DataExport, ListAsJsonNamesColumnTypes) {
  std::ostringstream out;
  dizgi::data::print_table_list_json(sample(), out);
  EXPECT_NE(out.str().find("{\"name\": \"butce_gider\", \"rows\": 3, \"source\": \"kuzeykent.sqlite\", \"columns\": "
                           "[{\"name\": \"yil\", \"type\": \"integer\", \"nullable\": false}"),
            std::string::npos)
      << out.str();
}
