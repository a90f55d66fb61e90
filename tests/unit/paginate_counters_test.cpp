// Counters (paginate/counters.cpp): tables are numbered in the order they come, and a table
// without a caption (an abbreviations list, an imprint's lines) takes no number, so the list of
// tables runs without a gap and cross references name the numbers printed.
#include "layout/template.hpp"
#include "paginate/counters.hpp"

#include <dizgi/model/document.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

using namespace dizgi;

doc::Table table(const std::string& id, const std::string& caption) {
  doc::Table t;
  t.id = id;
  t.caption = caption;
  t.header.push_back({doc::TableCell("Kod"), doc::TableCell("Ad")});
  return t;
}

TEST(PaginateCounters, TablesWithoutACaptionTakeNoNumber) {
  doc::Document d;
  doc::Section section;
  section.blocks.push_back(table("kisaltmalar", ""));
  section.blocks.push_back(table("gider", "Bütçe Giderleri"));
  section.blocks.push_back(table("", ""));
  section.blocks.push_back(table("gelir", "Bütçe Gelirleri"));
  d.sections.push_back(section);
  const paginate::Counters counters = paginate::count(d, layout::default_template());
  ASSERT_EQ(counters.tables.size(), 2u);
  EXPECT_EQ(counters.tables[0].text, "Tablo 1: Bütçe Giderleri");
  EXPECT_EQ(counters.tables[1].text, "Tablo 2: Bütçe Gelirleri");
  EXPECT_EQ(counters.labels.at("gelir"), "Tablo 2");
  EXPECT_EQ(counters.labels.count("kisaltmalar"), 0u);
  // Every table still has an anchor, the uncaptioned one without an id of its own included.
  EXPECT_EQ(counters.ids.size(), 4u);
  EXPECT_EQ(counters.ids.at(&std::get<doc::Table>(d.sections[0].blocks[0])), "kisaltmalar");
}

}  // namespace
