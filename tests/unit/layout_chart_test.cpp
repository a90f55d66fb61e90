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

namespace {

// A process flow of ten steps and a cycle of five, laid out at a narrow width.
std::unique_ptr<layout::LaidOutBook> arrow_diagrams(DiagnosticSink& sink, text::Shaper& shaper, doc::Document& document) {
  doc::Chart flow;
  flow.kind = doc::ChartKind::process_flow;
  flow.caption = "Süreç";
  flow.categories = {"Hazırlık programı ve genelge", "Kurumsal tarihçe ve mevzuat analizi", "Paydaş analizi",
                     "PESTLE ve GZFT analizi", "Misyon, vizyon ve temel değerler", "Amaçlar ve hedefler",
                     "Stratejiler ve riskler", "Maliyetlendirme", "Meclis onayı", "İzleme ve değerlendirme"};
  doc::ChartSeries phases;
  phases.labels = {"Hazırlık", "Durum Analizi", "Durum Analizi", "Durum Analizi", "Geleceğe Bakış",
                   "Strateji", "Strateji", "Strateji", "Onay", "Onay"};
  flow.series.push_back(phases);
  doc::Chart ring;
  ring.kind = doc::ChartKind::cycle;
  ring.caption = "Döngü";
  ring.categories = {"Veri toplama (birimler)", "Analiz (Strateji Geliştirme Müdürlüğü)", "Raporlama",
                     "Değerlendirme (Strateji Geliştirme Kurulu)", "İyileştirme"};
  ring.category_axis.title = "Stratejik Plan 2025–2029";
  doc::Section section;
  section.blocks.push_back(flow);
  section.blocks.push_back(ring);
  document.sections.push_back(std::move(section));
  layout::Template style = layout::default_template();
  return paginate::lay_out(document, style, shaper, sink);
}

// Intent: the arrows of a process flow and of a cycle (their stroked lines and their heads) never
// touch the text of a box, a phase name or the middle label; a process of ten steps wraps into
// rows and a cycle returns to its first step (as many arrows as steps).
TEST(ChartArrows, ArrowsNeverCrossText) {
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  doc::Document document;
  auto book = arrow_diagrams(sink, shaper, document);
  std::vector<const layout::Element*> figures;
  for (const layout::Page& page : book->pages)
    for (const layout::Placed& placed : page.content)
      if (placed.element->role == layout::StructRole::figure) figures.push_back(placed.element);
  ASSERT_EQ(figures.size(), 2u);
  for (const layout::Element* e : figures) {
    std::vector<chart::Box> text;
    for (const layout::Run& run : e->runs) {
      const double size = run.shaped->font.size_pt;
      text.push_back({run.x, run.baseline - size * 0.75, run.x + run.shaped->width_pt, run.baseline + size * 0.22});
    }
    std::size_t strokes = 0, heads = 0;
    for (const layout::Path& path : e->paths) {
      const bool stroke = path.stroke_pt > 0 && !path.filled;
      const bool head = path.filled && path.segments.size() == 4;
      if (!stroke && !head) continue;  // a box
      strokes += stroke;
      heads += head;
      for (std::size_t s = 1; s < path.segments.size(); ++s) {
        const layout::PathSegment& a = path.segments[s - 1];
        const layout::PathSegment& b = path.segments[s];
        if (b.kind != layout::PathSegment::Kind::line) continue;
        for (int k = 0; k <= 20; ++k) {
          const double x = a.x + (b.x - a.x) * k / 20, y = a.y + (b.y - a.y) * k / 20;
          for (const chart::Box& t : text)
            EXPECT_FALSE(x > t.x0 && x < t.x1 && y > t.y0 && y < t.y1)
                << "an arrow at (" << x << ", " << y << ") crosses text";
        }
      }
    }
    EXPECT_EQ(strokes, heads);
    if (e == figures[0]) {
      EXPECT_EQ(strokes, 9u) << "ten steps, nine arrows";
      double lowest_box = 0, highest_box = 1e9;
      for (const layout::Path& p : e->paths)
        if (p.filled && p.segments.size() > 4) {
          lowest_box = std::max(lowest_box, p.segments[5].y);
          highest_box = std::min(highest_box, p.segments[0].y);
        }
      EXPECT_GT(lowest_box - highest_box, 80) << "the steps wrap into more than one row";
    } else {
      EXPECT_EQ(strokes, 5u) << "five steps, five arrows: the last back to the first";
    }
  }
  EXPECT_EQ(sink.count(Severity::warning), 0u);
}

// Intent: a process or cycle of fewer than two steps, or with two series, is a chart-data warning
// and a placeholder, not a drawing.
TEST(ChartArrows, BadStepsAreReported) {
  doc::Chart one;
  one.kind = doc::ChartKind::cycle;
  one.caption = "Tek adım";
  one.categories = {"Yalnız"};
  doc::Chart two_series;
  two_series.kind = doc::ChartKind::process_flow;
  two_series.caption = "İki seri";
  two_series.categories = {"A", "B"};
  two_series.series.resize(2);
  doc::Section section;
  section.blocks.push_back(one);
  section.blocks.push_back(two_series);
  doc::Document document;
  document.sections.push_back(std::move(section));
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  layout::Template style = layout::default_template();
  paginate::lay_out(document, style, shaper, sink);
  std::string all;
  for (const Diagnostic& d : sink.diagnostics()) all += d.code + ": " + d.message + "\n";
  EXPECT_NE(all.find("layout.chart-data: chart 'Tek adım' has 1 steps; it needs two or more"), std::string::npos) << all;
  EXPECT_NE(all.find("layout.chart-data: chart 'İki seri' has 2 series; this kind takes at most one"), std::string::npos)
      << all;
}

// Intent: the alternative text of an arrow diagram numbers the steps in order under their phases;
// a cycle's says it returns to the first step and what stands in the middle.
TEST(ChartAltText, ArrowDiagramsDescribeTheSequence) {
  doc::Chart flow;
  flow.kind = doc::ChartKind::process_flow;
  flow.caption = "Süreç";
  flow.categories = {"Genelge", "Tarihçe", "GZFT"};
  flow.series.push_back({"Aşama", {}, "", {"Hazırlık", "Durum Analizi", "Durum Analizi"}});
  EXPECT_EQ(chart::describe(flow, "–"),
            "Süreç akış şeması: Süreç. 3 adım sırasıyla: Hazırlık aşaması: 1. Genelge; Durum Analizi aşaması: 2. "
            "Tarihçe; 3. GZFT");
  doc::Chart ring;
  ring.kind = doc::ChartKind::cycle;
  ring.categories = {"Planla", "Uygula"};
  ring.category_axis.title = "Plan";
  EXPECT_EQ(chart::describe(ring, "–"),
            "Döngü şeması. 2 adım sırasıyla: 1. Planla; 2. Uygula. Son adımdan yeniden ilk adıma (Planla) dönülür. "
            "Ortada: Plan");
}

}  // namespace
