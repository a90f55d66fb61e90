// Charts (issue 10): nice value scales with Turkish tick labels, and the sample book's charts
// read back from the PDF with their text apart and inside their frames. The golden cases in
// tests/golden/engine/chart-* hold each chart family; the runner checks their text the same way.
#include "layout/chart/canvas.hpp"
#include "layout/chart/describe.hpp"

#include "job/job.hpp"
#include "layout/template.hpp"
#include "paginate/paginate.hpp"
#include "plugin/host.hpp"
#include "render/pdf.hpp"
#include "text/shaper.hpp"

#include "../tools/chart_text.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

using namespace dizgi;
namespace fs = std::filesystem;
namespace chart = dizgi::layout::chart;

// Intent: steps are 1, 2, 2,5 or 5 × 10^k, the scale covers the data and zero, and tick labels
// are Turkish (dot grouping, decimal comma, % before the number).
TEST(ChartScale, NiceStepsAndTurkishTickLabels) {
  chart::Scale rates = chart::nice_scale(0, 98.03, 5);
  EXPECT_EQ(rates.step, 20);
  EXPECT_EQ(rates.high, 100);
  ASSERT_EQ(rates.ticks.size(), 6u);
  doc::NumberFormat percent;
  percent.percent = true;
  EXPECT_EQ(chart::tick_label(rates.ticks[1], rates, percent, 0), "%20");

  chart::Scale money = chart::nice_scale(-2500000, 21300000, 6);
  EXPECT_EQ(money.step, 5000000);
  EXPECT_EQ(money.low, -5000000);
  doc::Axis axis;
  axis.scale_note = "TL";
  chart::AxisText text = chart::axis_text(axis, money);
  EXPECT_EQ(text.scale_power, 6);
  EXPECT_EQ(text.note, "Milyon TL");
  EXPECT_EQ(chart::tick_label(money.ticks[0], money, axis.format, text.scale_power), "-5");

  chart::Scale small = chart::nice_scale(0, 11, 5);
  EXPECT_EQ(small.step, 2.5);
  EXPECT_EQ(chart::tick_label(small.ticks[1], small, doc::NumberFormat{}, 0), "2,5");
  chart::Scale large = chart::nice_scale(0, 4200, 4);
  EXPECT_EQ(chart::tick_label(large.ticks.back(), large, doc::NumberFormat{}, 0), "6.000");
  // An all-zero series still gets a scale to draw on.
  chart::Scale zero = chart::nice_scale(0, 0, 5);
  EXPECT_GT(zero.high, zero.low);
}

// Intent: value labels are the exact decimals in the series' format, in the axis's scale when
// the axis writes millions.
TEST(ChartScale, ValueLabelsFromExactDecimals) {
  doc::NumberFormat f;
  EXPECT_EQ(chart::value_label(Decimal{1425000050, 2}, f, 0, "–"), "14.250.000,50");
  EXPECT_EQ(chart::value_label(Decimal{1425000050, 2}, f, 6, "–"), "14,3");
  EXPECT_EQ(chart::value_label(Value{}, f, 0, "–"), "–");
  f.percent = true;
  EXPECT_EQ(chart::value_label(Decimal{9726, 2}, f, 0, "–"), "%97,26");
}

// Intent: every chart of the sample book, read back with pdftotext -bbox, has its words apart
// and inside the text block; Grafik 1 (long budget-line names, one series) is drawn as
// horizontal bars with its rates written on them and no legend.
TEST(ChartText, SampleBookChartsKeepTheirTextApartAndInside) {
  const fs::path book_file = fs::path(DIZGI_TEST_SOURCE_DIR) / ".." / "samples" / "kuzeykent" / "faaliyet-2025.xml";
  job::Session session;
  DiagnosticSink sink;
  job::BookData data = session.load_data(book_file, {}, sink);
  std::unique_ptr<job::LaidOut> laid = session.lay_out(data, sink);  // what the build lays out
  ASSERT_TRUE(laid && laid->book);
  const layout::LaidOutBook* book = laid->book.get();
  const doc::Document& document = laid->document;
  std::vector<dizgi::testing::ChartFrame> frames = dizgi::testing::chart_frames(*book);
  ASSERT_FALSE(frames.empty()) << "the sample book has charts";
  fs::path pdf = fs::path(DIZGI_TEST_BINARY_DIR) / ("sample-charts-" + std::to_string(getpid()) + ".pdf");
  render::write_pdf(*book, document.metadata, pdf, render::PdfOptions{});
  EXPECT_EQ(dizgi::testing::check_chart_text(pdf, frames), "");

  bool found = false;
  for (const dizgi::testing::ChartFrame& frame : frames) {
    if (frame.caption.find("Gider Gerçekleşme") == std::string::npos) continue;
    found = true;
    std::string words;
    for (const dizgi::testing::Word& w : dizgi::testing::pdf_words(pdf))
      if (w.page == frame.page && w.y0 >= frame.y0 && w.y1 <= frame.y1) words += w.text + " ";
    EXPECT_NE(words.find("Personel Giderleri %"), std::string::npos) << "a value label after each bar: " << words;
    EXPECT_EQ(words.find("Gerçekleşme Oranı"), std::string::npos) << "no legend for one series: " << words;
  }
  EXPECT_TRUE(found);
  fs::remove(pdf);
}

// Intent: no text of a chart is smaller than the template's chart-min-size, even when the style
// the chart's text comes from is smaller.
TEST(ChartText, NoTextBelowTheTemplatesChartMinimum) {
  doc::Chart bars;
  bars.kind = doc::ChartKind::bar;
  bars.caption = "Küçük yazı";
  bars.categories = {"Personel Giderleri", "Mal ve Hizmet Alım Giderleri", "Faiz Giderleri"};
  doc::ChartSeries series;
  series.name = "Oran";
  series.values = {Value(Decimal{9726, 2}), Value(Decimal{8764, 2}), Value(Decimal{8000, 2})};
  bars.series.push_back(series);
  bars.show_values = true;
  doc::Document document;
  doc::Section section;
  section.blocks.push_back(bars);
  document.sections.push_back(std::move(section));
  for (double minimum : {6.0, 8.5}) {
    layout::Template style = layout::default_template();
    style.styles["table"].size_pt = 4;  // the chart's text style, below either minimum
    style.typography.chart_min_size_pt = minimum;
    DiagnosticSink sink;
    text::Shaper shaper(&sink);
    auto book = paginate::lay_out(document, style, shaper, sink);
    std::size_t runs = 0;
    for (const layout::Page& page : book->pages) {
      for (const layout::Placed& placed : page.content) {
        if (placed.element->role != layout::StructRole::figure) continue;
        for (const layout::Run& run : placed.element->runs) {
          ++runs;
          EXPECT_GE(run.shaped->font.size_pt, minimum - 1e-9) << "a chart label below " << minimum << " pt";
        }
      }
    }
    EXPECT_GT(runs, 5u) << "the chart's labels were found";
  }
}

// Every sample book (every book file under samples/), laid out through the build API: no chart
// text overlaps other text or leaves its frame.
TEST(ChartText, EverySampleBookKeepsItsChartTextApartAndInside) {
  job::Session session;
  std::size_t books = 0, charts = 0;
  for (const auto& project : fs::directory_iterator(fs::path(DIZGI_TEST_SOURCE_DIR) / ".." / "samples")) {
    if (!project.is_directory()) continue;
    for (const auto& entry : fs::directory_iterator(project.path())) {
      if (entry.path().extension() != ".xml") continue;
      DiagnosticSink sink;
      job::BookData data = session.load_data(entry.path(), {}, sink);
      std::unique_ptr<job::LaidOut> laid = session.lay_out(data, sink);
      ASSERT_TRUE(laid && laid->book) << entry.path();
      ++books;
      std::vector<dizgi::testing::ChartFrame> frames = dizgi::testing::chart_frames(*laid->book);
      charts += frames.size();
      if (frames.empty()) continue;
      const fs::path pdf = fs::path(DIZGI_TEST_BINARY_DIR) /
                           ("every-sample-" + std::to_string(getpid()) + "-" + entry.path().stem().string() + ".pdf");
      render::write_pdf(*laid->book, laid->document.metadata, pdf, render::PdfOptions{});
      EXPECT_EQ(dizgi::testing::check_chart_text(pdf, frames), "") << entry.path();
      fs::remove(pdf);
    }
  }
  EXPECT_GE(books, 2u);
  EXPECT_GE(charts, 3u);
}

}  // namespace

namespace {

// Intent: the alternative text says what kind of chart it is and gives its data as the tables
// write it; diagrams are described in words (a unit under its parent, a task's dates).
TEST(ChartAltText, GeneratedFromTheData) {
  doc::Chart bars;
  bars.kind = doc::ChartKind::bar;
  bars.caption = "Gerçekleşme";
  bars.categories = {"Personel", "Faiz"};
  bars.series.push_back({"Oran", {Value(Decimal{9726, 2}), Value()}, ""});
  bars.series.back().format.percent = true;
  EXPECT_EQ(dizgi::layout::chart::describe(bars, "–"), "Çubuk grafik: Gerçekleşme. Oran: Personel %97,26; Faiz –");

  doc::Chart org;
  org.kind = doc::ChartKind::org_chart;
  org.caption = "Teşkilat";
  org.categories = {"Başkan", "Fen İşleri"};
  org.series.push_back({"Üst", {Value(), Value(int64_t{1})}, ""});
  EXPECT_EQ(dizgi::layout::chart::describe(org, "–"), "Teşkilat şeması: Teşkilat. Başkan. Fen İşleri, Başkan altında");

  doc::Chart plan;
  plan.kind = doc::ChartKind::gantt;
  plan.categories = {"Durum analizi"};
  plan.series.push_back({"Başlangıç", {Value(Date{2025, 2, 1})}, ""});
  plan.series.push_back({"Bitiş", {Value(Date{2025, 4, 15})}, ""});
  EXPECT_EQ(dizgi::layout::chart::describe(plan, "–"), "İş takvimi. Durum analizi: 1 Şubat 2025 – 15 Nisan 2025");
}

}  // namespace
