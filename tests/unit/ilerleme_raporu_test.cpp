// The ilerleme-raporu layout (plugins/layouts/ilerleme-raporu/, written from `dizgi new-layout`
// by following docs/plugin-guide.md) on its sample book: the brief's key figures come from the
// data, the late projects are exactly those behind their plan, one bullet chart per hedef of
// the amaç, the book is 4 to 8 pages and passes preflight, and bad data is one clear error.
#include "job/job.hpp"

#include <dizgi/diagnostics.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using namespace dizgi;
namespace fs = std::filesystem;

const fs::path samples = fs::path(DIZGI_TEST_SOURCE_DIR) / ".." / "samples" / "kuzeykent";
const fs::path book = samples / "ilerleme-2025-06.xml";

std::string text_of(const std::vector<doc::Span>& spans) {
  std::string out;
  for (const doc::Span& span : spans) out += span.text;
  return out;
}

std::unique_ptr<job::LaidOut> lay_out(job::Session& session, const fs::path& file, DiagnosticSink& sink) {
  job::BookData data = session.load_data(file, job::DataRequest{}, sink);
  return session.lay_out(data, sink);
}

template <typename T>
std::vector<const T*> blocks(const doc::Document& document) {
  std::vector<const T*> out;
  for (const doc::Section& section : document.sections)
    for (const doc::Block& block : section.blocks)
      if (const T* b = std::get_if<T>(&block)) out.push_back(b);
  return out;
}

TEST(IlerlemeRaporu, KeyFiguresLateProjectsAndBulletsComeFromTheData) {
  job::Session session;
  DiagnosticSink sink;
  auto laid_out = lay_out(session, book, sink);
  EXPECT_EQ(sink.count(Severity::error), 0u);
  EXPECT_EQ(sink.count(Severity::warning), 0u) << (sink.diagnostics().empty() ? "" : sink.diagnostics().front().message);
  const doc::Document& document = laid_out->document;

  const auto tables = blocks<doc::Table>(document);
  ASSERT_EQ(tables.size(), 2u);
  // Behind their plan on 30.06.2025 in data/ilerleme/proje_ilerleme.csv: gerçekleşen < planlanan.
  std::set<std::string> late;
  for (const doc::TableRow& row : tables[0]->body) late.insert(text_of(row.cells[0].content));
  EXPECT_EQ(late, (std::set<std::string>{"P1.1.3", "P1.2.1", "P2.4.2", "P3.1.1", "P5.1.3"}));
  EXPECT_EQ(text_of(tables[0]->body[0].cells[1].content), "Raylı sistem araç alımı");  // name from faaliyet
  // The spending table: January to June, with the exact sums of the CSV as totals.
  ASSERT_EQ(tables[1]->body.size(), 6u);
  ASSERT_EQ(tables[1]->footer.size(), 1u);
  EXPECT_EQ(std::get<Decimal>(tables[1]->footer[0].cells[1].value), (Decimal{3174000000000, 2}));
  EXPECT_EQ(std::get<Decimal>(tables[1]->footer[0].cells[2].value), (Decimal{3052397252852, 2}));

  const auto charts = blocks<doc::Chart>(document);
  const doc::Chart* figures = nullptr;
  std::vector<const doc::Chart*> bullets;
  for (const doc::Chart* chart : charts) {
    if (chart->kind == doc::ChartKind::key_figures) figures = chart;
    if (chart->kind == doc::ChartKind::bullet) bullets.push_back(chart);
  }
  ASSERT_NE(figures, nullptr);
  ASSERT_EQ(figures->series.size(), 1u);
  EXPECT_EQ(figures->series[0].labels,
            (std::vector<std::string>{"64,5 milyar TL", "30,5 milyar TL", "5 / 10"}));
  // A1 has the hedefs H1.1, H1.2, H1.3: one bullet chart each, a row per indicator with the
  // baseline, the target and the six-month value of gosterge_sonuc.
  ASSERT_EQ(bullets.size(), 3u);
  EXPECT_EQ(bullets[0]->caption.rfind("H1.1 ", 0), 0u) << bullets[0]->caption;
  EXPECT_EQ(bullets[2]->caption.rfind("H1.3 ", 0), 0u) << bullets[2]->caption;
  ASSERT_EQ(bullets[0]->series.size(), 3u);
  EXPECT_EQ(bullets[0]->categories.front(), "PG1.1.1 Raylı sistem hat uzunluğu (km)");
  EXPECT_EQ(std::get<Decimal>(bullets[0]->series[2].values.front()), (Decimal{653, 1}));  // 65,3 km in June
  const std::size_t pages = laid_out->book->pages.size();
  EXPECT_GE(pages, 4u);
  EXPECT_LE(pages, 8u);
}

TEST(IlerlemeRaporu, AProgressRowForAnUnknownActivityIsOneErrorAtItsLine) {
  const fs::path project = fs::path(DIZGI_TEST_BINARY_DIR) / ("ilerleme-broken-" + std::to_string(::getpid()));
  fs::remove_all(project);
  fs::create_directories(project / "data" / "ilerleme");
  fs::copy(samples / "data" / "kuzeykent.sql", project / "data" / "kuzeykent.sql");
  fs::copy(samples / "data" / "ilerleme", project / "data" / "ilerleme", fs::copy_options::recursive);
  fs::copy(samples / "texts", project / "texts", fs::copy_options::recursive);
  fs::copy(samples / "assets", project / "assets", fs::copy_options::recursive);
  fs::copy(book, project / "ilerleme.xml");
  std::ofstream(project / "data" / "ilerleme" / "proje_ilerleme.csv", std::ios::app) << "P9.9.9;30.06.2025;10,00;5,00;\n";
  job::Session session;
  DiagnosticSink sink;
  try {
    lay_out(session, project / "ilerleme.xml", sink);
    FAIL() << "an unknown activity code was accepted";
  } catch (const Error& e) {
    const std::string message = to_string(e.location()) + ": " + e.what();
    EXPECT_NE(message.find("proje_ilerleme.csv"), std::string::npos) << message;
    EXPECT_NE(message.find(":12"), std::string::npos) << message;  // the header is line 1
    EXPECT_NE(message.find("P9.9.9"), std::string::npos) << message;
  }
  fs::remove_all(project);
}

}  // namespace
