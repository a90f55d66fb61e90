// The page engine end to end on a small hand-built document: the PDF must hold the Turkish
// text intact, a TOC with page numbers, outlines, and chapter openers on recto pages.
#include "compose/render_book.hpp"
#include "layout/text_util.hpp"
#include "paginate/paginate.hpp"
#include "layout/template.hpp"
#include "output/profile.hpp"
#include "render/pdf.hpp"
#include "text/shaper.hpp"

#include <dizgi/sdk/layout.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>

namespace {

using namespace dizgi;

std::string run(const std::string& command) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::array<char, 4096> buffer{};
  while (pipe && fgets(buffer.data(), buffer.size(), pipe.get())) out += buffer.data();
  return out;
}

doc::Heading heading(int level, const std::string& number, const std::string& text) {
  doc::Heading h;
  h.level = level;
  h.number = number;
  h.content.push_back(doc::text_span(text));
  return h;
}

doc::Document sample_document() {
  doc::Document d;
  d.metadata.title = "Deneme Kitabı";
  d.metadata.author = "Kuzeykent Büyükşehir Belediyesi";
  doc::Section front;
  front.matter = doc::Matter::front;
  doc::Cover cover;
  cover.title = "2025 Yılı İdare Faaliyet Raporu";
  cover.organisation = "Kuzeykent Büyükşehir Belediyesi";
  cover.year = "2025";
  front.blocks.push_back(cover);
  doc::ListOf toc;
  toc.kind = doc::ListOfKind::contents;
  toc.title = "İçindekiler";
  front.blocks.push_back(toc);
  d.sections.push_back(front);
  doc::Section body;
  body.matter = doc::Matter::body;
  std::string text =
      "Kuzeykent Büyükşehir Belediyesi, ilçelerinde yaşayan dört milyonu aşkın hemşehrisine "
      "ulaşım, altyapı, çevre ve sosyal hizmetler alanlarında hizmet vermektedir. Şeffaflık, "
      "hesap verebilirlik ve katılımcılık ilkeleri doğrultusunda hazırlanan bu rapor, ığdır "
      "ve çağdaş göstergelerle ölçülen sonuçları özetler. ";
  for (int chapter = 1; chapter <= 2; ++chapter) {
    body.blocks.push_back(heading(1, chapter == 1 ? "I-" : "II-", chapter == 1 ? "Genel Bilgiler" : "Amaç ve Hedefler"));
    for (int section = 0; section < 3; ++section) {
      body.blocks.push_back(heading(2, std::string(1, static_cast<char>('A' + section)) + "-", "İdareye İlişkin Bilgiler"));
      for (int p = 0; p < 4; ++p) {
        auto blocks = parse_markup(text + text + (p == 1 ? "Bir dipnot[^Dipnot metni: Sayıştay raporları.] vardır." : ""));
        for (auto& b : blocks) body.blocks.push_back(std::move(b));
      }
    }
  }
  d.sections.push_back(body);
  return d;
}

TEST(LayoutEngine, ChapterOpenersStartOnRectoAndTocHasPageNumbers) {
  layout::Template style = layout::default_template();
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  doc::Document d = sample_document();
  auto book = paginate::lay_out(d, style, shaper, sink);
  ASSERT_GE(book->pages.size(), 6u);
  EXPECT_GE(book->passes, 2);  // the TOC needed a second pass for its page numbers
  bool saw_chapter = false;
  for (const layout::Page& page : book->pages) {
    for (const layout::Placed& placed : page.content) {
      if (placed.element->heading_level == 1 && placed.element->heading_text.rfind("I", 0) == 0) {
        saw_chapter = true;
        EXPECT_TRUE(page.recto) << "chapter '" << placed.element->heading_text << "' on page " << page.index;
        EXPECT_FALSE(page.show_furniture);
      }
    }
  }
  EXPECT_TRUE(saw_chapter);
  // Front matter is numbered in roman, the body restarts at 1.
  EXPECT_EQ(book->pages.front().label, "i");
  bool body_starts_at_one = false;
  for (const auto& page : book->pages)
    if (page.matter == doc::Matter::body) {
      body_starts_at_one = page.label == "1";
      break;
    }
  EXPECT_TRUE(body_starts_at_one);
  EXPECT_EQ(sink.count(Severity::error), 0u);
}

TEST(LayoutEngine, PdfKeepsTurkishTextAndOutlines) {
  std::filesystem::path dir = std::filesystem::path(DIZGI_TEST_BINARY_DIR) / "layout_engine";
  std::filesystem::create_directories(dir);
  std::filesystem::path pdf = dir / "sample.pdf";
  DiagnosticSink sink;
  compose::RenderRequest request;
  request.profile = output::load_profile("web");
  request.output = pdf;
  compose::render_book(sample_document(), layout::default_template(), request, sink);
  ASSERT_TRUE(std::filesystem::exists(pdf));
  std::string text = run("pdftotext -enc UTF-8 '" + pdf.string() + "' - 2>&1");
  EXPECT_NE(text.find("İÇİNDEKİLER"), std::string::npos);
  EXPECT_NE(text.find("hemşehrisine"), std::string::npos);
  EXPECT_NE(text.find("çağdaş"), std::string::npos);
  EXPECT_NE(text.find("ığdır"), std::string::npos);
  std::string fonts = run("pdffonts '" + pdf.string() + "' 2>&1");
  EXPECT_NE(fonts.find("LinLibertine"), std::string::npos);
  EXPECT_EQ(fonts.find(" no  "), std::string::npos) << fonts;  // every font embedded
  std::string check = run("qpdf --check '" + pdf.string() + "' 2>&1");
  EXPECT_NE(check.find("No syntax or stream encoding errors"), std::string::npos) << check;
  std::string info = run("pdfinfo '" + pdf.string() + "' 2>&1");
  EXPECT_NE(info.find("Optimized:       yes"), std::string::npos) << info;  // linearized web PDF
  std::string outline = run("qpdf --json --json-key=outlines '" + pdf.string() + "' 2>&1");
  EXPECT_NE(outline.find("Genel Bilgiler"), std::string::npos);
}

TEST(LayoutEngine, UppercaseHeadingsUseTurkishCasing) {
  EXPECT_EQ(layout::upper_tr("İçindekiler"), "İÇİNDEKİLER");
  EXPECT_EQ(layout::upper_tr("amaç ve hedefler"), "AMAÇ VE HEDEFLER");
  EXPECT_EQ(layout::roman(14), "xiv");
}

}  // namespace

namespace {

using namespace dizgi;

doc::Paragraph long_paragraph(int sentences) {
  std::string text;
  for (int i = 0; i < sentences; ++i)
    text += "Belediyemiz ulaşım, altyapı ve çevre hizmetlerini bütün ilçelere eşit biçimde götürmektedir. ";
  doc::Paragraph p;
  p.content.push_back(doc::text_span(text));
  return p;
}

// Which page (index) holds the first element whose runs contain `word`.
int page_of(const layout::LaidOutBook& book, const std::string& word) {
  for (const layout::Page& page : book.pages)
    for (const layout::Placed& placed : page.content)
      for (const layout::Run& run : placed.element->runs)
        if (run.shaped && run.shaped->text.find(word) != std::string::npos) return page.index;
  return -1;
}

TEST(LayoutEngine, ChartThatDoesNotFitFloatsToTheNextPageAndTextFillsThisOne) {
  doc::Document d;
  doc::Section body;
  body.blocks.push_back(long_paragraph(45));  // most of the first page
  doc::Chart chart;
  chart.caption = "Ödenek ve harcama";
  chart.categories = {"01", "02", "03"};
  chart.series.push_back({"Harcama", {10, 20, 30}, ""});
  body.blocks.push_back(chart);
  doc::Paragraph after;
  after.content.push_back(doc::text_span("Grafikten sonra gelen metin burada başlar."));
  body.blocks.push_back(after);
  d.sections.push_back(body);
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  auto book = paginate::lay_out(d, layout::default_template(), shaper, sink);
  ASSERT_GE(book->pages.size(), 2u);
  EXPECT_EQ(page_of(*book, "Grafikten"), 0) << "the text after the chart should fill the first page";
  EXPECT_EQ(page_of(*book, "Ödenek"), 1);
  // The chart's caption opens the second page.
  const layout::Element* top = book->pages[1].content.front().element;
  ASSERT_FALSE(top->runs.empty());
  EXPECT_NE(top->runs.front().shaped->text.find("Grafik"), std::string::npos);
}

// A long table continues on every page with "Tablo 1 (devamı)" and its header; a chart that
// waits for the next page is never set between the parts of a table that has started.
TEST(LayoutEngine, SplitTableContinuesWithCaptionAndHeaderAndNoFloatInsideIt) {
  doc::Document d;
  doc::Section body;
  body.blocks.push_back(long_paragraph(38));
  doc::Chart chart;
  chart.caption = "Ödenek ve harcama";
  chart.categories = {"01", "02"};
  chart.series.push_back({"Harcama", {10, 20}, ""});
  body.blocks.push_back(chart);
  doc::Table table;
  table.id = "uzun";
  table.caption = "Uzun tablo";
  table.columns = {{"70%", doc::Align::start}, {"30%", doc::Align::end}};
  table.header.push_back({doc::TableCell("Kalem"), doc::TableCell("Tutar")});
  for (int r = 1; r <= 90; ++r) {
    std::string code = std::to_string(1000 + r);  // one word per row: k1001 ... k1090
    table.body.push_back({doc::TableCell("k" + code), doc::TableCell("1")});
  }
  body.blocks.push_back(table);
  d.sections.push_back(body);
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  auto book = paginate::lay_out(d, layout::default_template(), shaper, sink);
  int first = page_of(*book, "k1001"), last = page_of(*book, "k1090");
  ASSERT_GE(last - first, 2) << "the test needs a table over three pages";
  for (int page = first + 1; page <= last; ++page) {
    const auto& content = book->pages[static_cast<std::size_t>(page)].content;
    ASSERT_GE(content.size(), 2u);
    auto text_of = [](const layout::Element* e) {
      std::string out;
      for (const layout::Run& run : e->runs) out += (out.empty() ? "" : " ") + run.shaped->text;
      return out;
    };
    EXPECT_EQ(text_of(content[0].element), "Tablo 1 (devamı)") << "page " << page;
    EXPECT_EQ(text_of(content[1].element).rfind("Kalem", 0), 0u) << "page " << page;
  }
  int chart_page = page_of(*book, "Ödenek");
  EXPECT_TRUE(chart_page < first || chart_page >= last) << "chart on page " << chart_page << " inside the table ("
                                                        << first << "-" << last << ")";
  // ... and it does not wait pages longer: it follows the table on the table's last page when it
  // fits there, else on the next page.
  EXPECT_LE(chart_page, last + 1);
}

TEST(LayoutEngine, KeepTogetherMovesAWholeParagraphToTheNextPage) {
  doc::Document d;
  doc::Section body;
  body.blocks.push_back(long_paragraph(48));
  doc::Paragraph kept = long_paragraph(10);
  kept.content.front().text = "Bütünlük " + kept.content.front().text;
  kept.keep_together = true;
  body.blocks.push_back(kept);
  d.sections.push_back(body);
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  auto book = paginate::lay_out(d, layout::default_template(), shaper, sink);
  ASSERT_EQ(book->pages.size(), 2u);
  // All lines of the kept paragraph are on the second page.
  EXPECT_EQ(page_of(*book, "Bütünlük"), 1);
  std::size_t lines_on_second = book->pages[1].content.size();
  EXPECT_GE(lines_on_second, 8u);
}

}  // namespace

namespace {

TEST(LayoutEngine, LongFootnoteSplitsAcrossPages) {
  using namespace dizgi;
  doc::Document d;
  doc::Section body;
  body.blocks.push_back(long_paragraph(52));
  std::string note;
  for (int i = 0; i < 12; ++i) note += "Dipnotun uzun açıklaması, kaynakları ve yöntemi burada ayrıntılı biçimde anlatılır. ";
  auto blocks = parse_markup("Son paragraf bir dipnot[^" + note + "] taşır ve sayfanın sonuna düşer.");
  for (auto& b : blocks) body.blocks.push_back(std::move(b));
  d.sections.push_back(body);
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  auto book = paginate::lay_out(d, layout::default_template(), shaper, sink);
  ASSERT_GE(book->pages.size(), 2u);
  std::size_t total = 0;
  for (const auto& page : book->pages) total += page.footnotes.size();
  ASSERT_GE(total, 6u);
  // The reference and the first lines of the note on the first page, the rest on the next.
  EXPECT_EQ(page_of(*book, "dipnot"), 0);
  EXPECT_GE(book->pages[0].footnotes.size(), 2u);
  EXPECT_GE(book->pages[1].footnotes.size(), 1u);
  EXPECT_LT(book->pages[0].footnotes.size(), total);
}

}  // namespace

namespace {

TEST(LayoutEngine, TwoColumnsFillTheFirstColumnThenTheSecond) {
  using namespace dizgi;
  layout::Template style = layout::default_template();
  style.page.columns = 2;
  style.page.gutter_mm = 6;
  doc::Document d;
  doc::Section body;
  body.blocks.push_back(long_paragraph(40));  // more than one column, less than two
  d.sections.push_back(body);
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  auto book = paginate::lay_out(d, style, shaper, sink);
  ASSERT_EQ(book->pages.size(), 1u);
  double text_width = layout::mm_to_pt(210 - 25 - 25);
  double column = (text_width - layout::mm_to_pt(6)) / 2;
  std::size_t left = 0, right = 0;
  for (const layout::Placed& placed : book->pages[0].content) {
    if (placed.x == 0) ++left;
    else {
      EXPECT_NEAR(placed.x, column + layout::mm_to_pt(6), 0.01);
      ++right;
    }
    // Set to the column measure: at most a hanging hyphen or comma (0.7 of its width, character
    // protrusion; about 2.6 pt here) reaches into the gutter.
    for (const layout::Run& run : placed.element->runs)
      EXPECT_LE(run.x + run.shaped->width_pt * run.x_scale, column + 3.0) << run.shaped->text;
  }
  EXPECT_GT(left, 40u);  // the first column is full before the second starts
  EXPECT_GT(right, 0u);
  std::filesystem::path dir = std::filesystem::path(DIZGI_TEST_BINARY_DIR) / "layout_engine";
  std::filesystem::create_directories(dir);
  compose::RenderRequest request;
  request.output = dir / "columns.pdf";
  compose::render_book(d, style, request, sink);
}

}  // namespace

namespace {

// The widths pdftotext -bbox reads back for the words of a PDF, in order.
std::vector<double> word_widths(const std::filesystem::path& pdf) {
  std::vector<double> widths;
  std::string xml = run("pdftotext -bbox '" + pdf.string() + "' - 2>&1");
  std::size_t at = 0;
  while ((at = xml.find("<word xMin=\"", at)) != std::string::npos) {
    double x0 = std::stod(xml.substr(at + 12));
    std::size_t max = xml.find("xMax=\"", at);
    widths.push_back(std::stod(xml.substr(max + 6)) - x0);
    at = max;
  }
  return widths;
}

TEST(LayoutEngine, ExpandedAndLetterSpacedRunsAreDrawnSo) {
  // The same word three times: as shaped, expanded by 2 % (font expansion) and letter-spaced by
  // 0.5 pt; the PDF read back shows each as wide as the page model says.
  using namespace dizgi;
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  text::FontKey key;
  key.family = "Linux Libertine O";
  key.size_pt = 20;
  const text::Shaped& word = shaper.shape("değerlendirme", key);
  layout::LaidOutBook book;
  book.style = layout::default_template();
  auto element = std::make_unique<layout::Element>();
  element->height = 30;
  element->runs.push_back(layout::Run{&word, 0, 20, layout::Color::black()});
  element->runs.push_back(layout::Run{&word, 150, 20, layout::Color::black(), 1.02});
  element->runs.push_back(layout::Run{&word, 300, 20, layout::Color::black(), 1, 0.5});
  layout::Page page;
  page.content.push_back(layout::Placed{element.get(), 0, 0});
  book.pages.push_back(page);
  book.storage.push_back(std::move(element));
  std::filesystem::path dir = std::filesystem::path(DIZGI_TEST_BINARY_DIR) / "layout_engine";
  std::filesystem::create_directories(dir);
  render::write_pdf(book, doc::Metadata{}, dir / "expansion.pdf", render::PdfOptions{});
  std::vector<double> widths = word_widths(dir / "expansion.pdf");
  ASSERT_EQ(widths.size(), 3u);
  EXPECT_NEAR(widths[0], word.width_pt, 0.05);
  EXPECT_NEAR(widths[1], word.width_pt * 1.02, 0.05);
  EXPECT_NEAR(widths[2], word.width_pt + 12 * 0.5, 0.05);  // 13 letters, 12 spaces between them
  // The scaled runs embed no font of their own: the same fonts as with plain runs only.
  std::string fonts = run("pdffonts '" + (dir / "expansion.pdf").string() + "' 2>&1");
  for (layout::Run& r : book.storage.front()->runs) r.x_scale = 1, r.letter_space_pt = 0;
  render::write_pdf(book, doc::Metadata{}, dir / "plain.pdf", render::PdfOptions{});
  std::string plain = run("pdffonts '" + (dir / "plain.pdf").string() + "' 2>&1");
  EXPECT_EQ(std::count(fonts.begin(), fonts.end(), '\n'), std::count(plain.begin(), plain.end(), '\n')) << fonts;
}

}  // namespace
