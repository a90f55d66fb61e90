// The İdare report of the sample at a glance (issue 13, book craft): the "2025 Yılı Rakamlarla"
// key figures read from the derived tables, and a page per amaç with its goals' and indicators'
// bullet charts, ahead of the detailed performance tables.
#include "job/job.hpp"
#include "job/job_private.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace dizgi;

const fs::path idare_book = fs::path(DIZGI_TEST_SOURCE_DIR) / ".." / "samples" / "kuzeykent" / "faaliyet-2025.xml";

// Every block id of the body and front matter in order, with the charts found.
struct Seen {
  std::vector<std::string> ids;
  std::vector<const doc::Chart*> charts;
};

Seen walk(const doc::Document& document) {
  Seen seen;
  for (const doc::Section& section : document.sections) {
    for (const doc::Block& block : section.blocks) {
      if (const doc::BlockBase* base = doc::base_of(block)) seen.ids.push_back(base->id);
      if (const auto* chart = std::get_if<doc::Chart>(&block)) seen.charts.push_back(chart);
    }
  }
  return seen;
}

std::size_t position(const Seen& seen, const std::string& id) {
  for (std::size_t i = 0; i < seen.ids.size(); ++i) {
    if (seen.ids[i] == id) return i;
  }
  return seen.ids.size();
}

TEST(FaaliyetGlance, KeyFiguresAndAPagePerAimBeforeTheDetailedTables) {
  job::Session session;
  DiagnosticSink sink;
  job::BookData data = session.load_data(idare_book, {}, sink);
  const doc::Document book = job::compose_document(session.plugins(), data, sink);
  const Seen seen = walk(book);

  const doc::Chart* money = nullptr;
  for (const doc::Chart* chart : seen.charts) money = chart->id == "grafik-rakamlar-mali" ? chart : money;
  ASSERT_NE(money, nullptr);
  EXPECT_EQ(money->kind, doc::ChartKind::key_figures);
  ASSERT_EQ(money->series.at(0).labels.size(), 6u);
  // The Tablo 3 total (yıl sonu ödeneği 64,80 milyar TL) and its rate as the table prints it.
  EXPECT_EQ(money->categories.at(0), "Yıl sonu ödeneği");
  EXPECT_EQ(money->series[0].labels.at(0), "64,80 milyar TL");
  EXPECT_EQ(money->series[0].labels.at(2), "%87,59");
  EXPECT_EQ(money->categories.at(3), "Net gelir tahsilatı");
  EXPECT_LT(position(seen, "grafik-rakamlar-mali"), position(seen, "tablo-faaliyetler"));
  // The recto's cards, read from rakamlar: the administration's filled posts (company staff
  // hold none), not the sum of every status.
  const doc::Chart* work = nullptr;
  for (const doc::Chart* chart : seen.charts) work = chart->id == "grafik-rakamlar-performans" ? chart : work;
  ASSERT_NE(work, nullptr);
  ASSERT_FALSE(work->series.at(0).labels.empty());
  EXPECT_EQ(work->categories.at(0), "Personel (dolu kadro)");
  EXPECT_EQ(work->series[0].labels.at(0), "4.810 kişi");
  // The spread's charts from the derived tables: spending and revenue by code, posts by status,
  // the amaç levels.
  for (const char* id : {"grafik-rakamlar-harcama", "grafik-rakamlar-gelir", "grafik-rakamlar-personel",
                         "grafik-rakamlar-amac"})
    EXPECT_LT(position(seen, id), position(seen, "tablo-faaliyetler")) << id;

  // A1..A7: a goal chart and an indicator chart each, all before the first performance table.
  const std::size_t first_table = position(seen, "tablo-performans-h1-1");
  ASSERT_LT(first_table, seen.ids.size());
  for (int aim = 1; aim <= 7; ++aim) {
    const std::string code = "a" + std::to_string(aim);
    EXPECT_LT(position(seen, "grafik-bakista-hedef-" + code), first_table) << code;
    EXPECT_LT(position(seen, "grafik-bakista-gosterge-" + code), first_table) << code;
  }
  for (const doc::Chart* chart : seen.charts) {
    if (chart->id.rfind("grafik-bakista-", 0) != 0) continue;
    EXPECT_EQ(chart->kind, doc::ChartKind::bullet) << chart->id;
    ASSERT_EQ(chart->series.size(), 3u) << chart->id;  // baseline, target, realisation
    EXPECT_EQ(chart->series[2].values.size(), chart->categories.size()) << chart->id;
  }
}

// The foreword's photo (issue 13): without the layout parameter baskan_fotografi the signed
// Sunuş shows a framed placeholder of the photo's size, drawn for the designer to replace (not a
// figure without a description), and a warning names the parameter; with it, the picture.
TEST(FaaliyetGlance, ForewordPhotoIsAPlaceholderAndAWarningUntilTheParameterNamesIt) {
  job::Session session;
  auto photo_of = [](const doc::Document& book) -> const doc::Image* {
    for (const doc::Section& section : book.sections)
      for (const doc::Block& block : section.blocks)
        if (const auto* image = std::get_if<doc::Image>(&block); image && image->id == "baskan-fotografi") return image;
    return nullptr;
  };
  auto warned = [](const DiagnosticSink& sink) {
    for (const Diagnostic& d : sink.diagnostics())
      if (d.code == "layout.missing-photo" && d.severity == Severity::warning &&
          d.location.where.find("baskan_fotografi") != std::string::npos)
        return true;
    return false;
  };
  {
    DiagnosticSink sink;
    job::BookData data = session.load_data(idare_book, {}, sink);
    ASSERT_EQ(data.project.layout_params.count("baskan_fotografi"), 0u);
    const doc::Document book = job::compose_document(session.plugins(), data, sink);
    const doc::Image* photo = photo_of(book);
    ASSERT_NE(photo, nullptr);
    EXPECT_TRUE(photo->path.empty());
    EXPECT_EQ(photo->width, "35mm");
    EXPECT_EQ(photo->props.at("height"), "45mm");
    EXPECT_FALSE(photo->props.at("placeholder").empty());
    EXPECT_TRUE(warned(sink));
  }
  {
    DiagnosticSink sink;
    job::BookData data = session.load_data(idare_book, {}, sink);
    data.project.layout_params["baskan_fotografi"] = "assets/kuzeykent-logo.svg";
    const doc::Document book = job::compose_document(session.plugins(), data, sink);
    const doc::Image* photo = photo_of(book);
    ASSERT_NE(photo, nullptr);
    EXPECT_EQ(photo->path, "assets/kuzeykent-logo.svg");
    EXPECT_EQ(photo->props.count("placeholder"), 0u);
    EXPECT_FALSE(warned(sink));
  }
}

}  // namespace
