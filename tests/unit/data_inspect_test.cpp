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
