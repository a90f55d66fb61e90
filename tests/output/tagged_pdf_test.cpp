// The tagged web PDF (PDF/UA-1 aims), checked with tools nobody here wrote and with qpdf's
// reading of the content streams:
//   - one page with a heading, a paragraph with a footnote, a list, a table, a chart and an
//     image: pdfinfo says Tagged, and its structure tree (pdfinfo -struct-text) has the roles in
//     reading order, the words inside them and the figures' alternative text;
//   - every text-showing operator of every page is inside marked content that is either in the
//     structure tree (its MCID has a parent) or an artifact; running heads and folios are
//     artifacts; qpdf --check is clean and linearization holds;
//   - a table over three pages is one Table; its repeated header and carried totals are
//     artifacts;
//   - a tall row cut across pages is one TR;
//   - an image-heavy book: the web PDF is at most 40 % of the print PDF;
//   - a landscape table (pdftotext -bbox, pdfinfo): its text runs turned on the printed page while
//     the running head and folio stay upright; the web PDF turns the page (/Rotate 90) so the
//     table reads upright, and the table is one Table in the tree; preflight passes.
#include "tagged_check.hpp"
#include "separations.hpp"

#include "compose/render_book.hpp"
#include "layout/template.hpp"
#include "output/profile.hpp"

#include <dizgi/model/form.hpp>
#include <dizgi/sdk/layout.hpp>

#include <gtest/gtest.h>

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace dizgi;
using dizgi::testing::Result;
using dizgi::testing::run;

fs::path work_dir(const std::string& name) {
  fs::path dir = fs::path(DIZGI_TEST_BINARY_DIR) / (name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

doc::Heading heading_of(int level, const std::string& text) {
  doc::Heading heading;
  heading.level = level;
  heading.content.push_back(doc::text_span(text));
  return heading;
}

void append(doc::Section& section, const std::string& markup) {
  for (doc::Block& block : parse_markup(markup)) section.blocks.push_back(std::move(block));
}

// A photo-like picture: smooth colour with grain, which compresses as badly as a photograph.
void write_photo(const fs::path& file, int width, int height, unsigned seed) {
  cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  unsigned char* data = cairo_image_surface_get_data(image);
  const int stride = cairo_image_surface_get_stride(image);
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> grain(-24, 24);
  cairo_surface_flush(image);
  for (int y = 0; y < height; ++y) {
    auto* row = reinterpret_cast<uint32_t*>(data + y * stride);
    for (int x = 0; x < width; ++x) {
      const auto channel = [&](double base) {
        return static_cast<uint32_t>(std::clamp(static_cast<int>(base) + grain(random), 0, 255));
      };
      const double u = static_cast<double>(x) / width, v = static_cast<double>(y) / height;
      row[x] = (channel(60 + 150 * u) << 16) | (channel(90 + 120 * v) << 8) | channel(200 - 120 * u * v);
    }
  }
  cairo_surface_mark_dirty(image);
  cairo_surface_write_to_png(image, file.c_str());
  cairo_surface_destroy(image);
}

compose::RenderResult build(const doc::Document& d, const std::string& profile, const fs::path& out,
                            const fs::path& base_dir = {}) {
  compose::RenderRequest request;
  request.profile = output::load_profile(profile);
  request.output = out;
  request.base_dir = base_dir;
  DiagnosticSink sink;
  return compose::render_book(d, layout::default_template(), request, sink);
}

class TaggedPage : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = work_dir("tagged-page");
    write_photo(dir_ / "foto.png", 120, 60, 7);
    doc::Document d;
    d.metadata.title = "Etiketli Sayfa";
    doc::Section body;
    body.blocks.push_back(heading_of(2, "Mali Bilgiler"));
    append(body, "Bütçe gerçekleşmeleri aşağıda özetlenir.[^Kaynak: muhasebe kayıtları.] Ödenekler yıl içinde "
                 "güncellenmiştir.");
    doc::List list;
    for (const auto& [text, level] : {std::pair{"Personel giderleri", 0}, {"Kadrolu personel", 1}, {"Sermaye giderleri", 0}}) {
      doc::ListItem item;
      item.content.push_back(doc::text_span(text));
      item.level = level;
      list.items.push_back(item);
    }
    body.blocks.push_back(list);
    doc::Table table;
    table.id = "ozet";
    table.caption = "Gider özeti";
    table.columns = {{"60%", doc::Align::start}, {"40%", doc::Align::end}};
    table.header.push_back({doc::TableCell("Kalem"), doc::TableCell("Tutar")});
    table.body.push_back({doc::TableCell("Personel"), doc::TableCell("1.250")});
    table.body.push_back({doc::TableCell("Sermaye"), doc::TableCell("4.020")});
    doc::TableCell spanning("Diğer");
    spanning.row_span = 2;
    table.body.push_back({spanning, doc::TableCell("310")});
    table.body.push_back({doc::TableCell("95")});  // its first column is covered by the span
    body.blocks.push_back(table);
    doc::Chart chart;
    chart.caption = "Harcama dağılımı";
    chart.alt_text = "Sermaye giderleri personel giderlerinin üç katıdır";
    chart.float_mode = doc::Float::none;
    chart.categories = {"Personel", "Sermaye"};
    chart.series.push_back({"Harcama", {1250, 4020}, ""});
    body.blocks.push_back(chart);
    doc::Image image;
    image.path = "foto.png";
    image.width = "30%";
    image.alt_text = "Belediye binasının önü";
    image.float_mode = doc::Float::none;
    body.blocks.push_back(image);
    d.sections.push_back(body);
    pdf_ = dir_ / "tagged.pdf";
    pages_ = build(d, "web", pdf_, dir_).pages;
    struct_ = run("pdfinfo -struct-text '" + pdf_.string() + "'");
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    if (!std::getenv("DIZGI_KEEP_TEST_OUTPUT")) fs::remove_all(dir_, ec);
  }
  // The position after `from` of a line of the tree that is `line` (indentation included),
  // maybe followed by what pdfinfo adds to a role: " (block)", ":" before attributes.
  static std::size_t find_line(const std::string& line, std::size_t from = 0) {
    const std::string& tree = struct_.output;
    std::size_t at = from;
    while ((at = tree.find(line, at)) != std::string::npos) {
      const bool starts = at == 0 || tree[at - 1] == '\n';
      const std::size_t end = at + line.size();
      const bool ends = end == tree.size() || tree[end] == '\n' || tree[end] == ' ' || tree[end] == ':';
      if (starts && ends) return at;
      ++at;
    }
    return std::string::npos;
  }
  static fs::path dir_, pdf_;
  static int pages_;
  static Result struct_;
};
fs::path TaggedPage::dir_, TaggedPage::pdf_;
int TaggedPage::pages_ = 0;
Result TaggedPage::struct_;

TEST_F(TaggedPage, PdfinfoSaysTaggedAndTheBlocksAreOnOnePage) {
  EXPECT_EQ(pages_, 1) << "the test wants every kind of block on one page";
  EXPECT_TRUE(dizgi::testing::pdfinfo_says_tagged(pdf_));
}

TEST_F(TaggedPage, StructureTreeHasEveryRoleInReadingOrder) {
  ASSERT_EQ(struct_.status, 0) << struct_.output;
  // Roles in the order the page is read, each with the words it holds: Poppler prints the
  // characters of each marked sequence, so the spaces between words and at the end of each
  // line are there for screen readers too.
  const std::vector<std::string> expected = {
      "Document",
      "  H2",
      "    \"Mali Bilgiler \"",
      "  P",
      "    \"Bütçe gerçekleşmeleri aşağıda özetlenir.1 Ödenekler yıl içinde güncellenmiştir. \"",
      "  L",
      "    LI",
      "      Lbl",
      "        \"• \"",
      "      LBody",
      "        \"Personel giderleri \"",
      "        L",  // the nested item, in the body of the item before it
      "          LI",
      "            Lbl",
      "            LBody",
      "              \"Kadrolu personel \"",
      "    LI",
      "      Lbl",
      "      LBody",
      "        \"Sermaye giderleri \"",
      "  Caption",
      "    \"Tablo 1: Gider özeti \"",
      "  Table",
      "    TR",
      "      TH",
      "         /Scope /Column",
      "        \"Kalem \"",
      "      TH",
      "        \"Tutar \"",
      "    TR",
      "      TD",
      "        \"Personel \"",
      "      TD",
      "        \"1.250 \"",
      "    TR",
      "  Caption",
      "    \"Grafik 1: Harcama dağılımı \"",
      "  Figure",
      "    \"0 1.000 2.000 3.000 4.000 5.000 Personel Sermaye \"",  // Turkish ticks; one series: no legend
      "  Figure",
      "  Note",
      "    \"1 Kaynak: muhasebe kayıtları. \"",
  };
  std::size_t at = 0;
  for (const std::string& line : expected) {
    const std::size_t found = find_line(line, at);
    ASSERT_NE(found, std::string::npos) << "'" << line << "' missing after position " << at << " in\n" << struct_.output;
    at = found + line.size();
  }
}

TEST_F(TaggedPage, HeaderCellsHaveColumnScopeFiguresAlternativeTextNotesAnId) {
  Result qdf = run("qpdf --qdf --object-streams=disable '" + pdf_.string() + "' -");
  EXPECT_NE(qdf.output.find("/Scope /Column"), std::string::npos);
  EXPECT_NE(qdf.output.find("/RowSpan 2"), std::string::npos);
  EXPECT_NE(qdf.output.find("/Alt (Sermaye giderleri personel giderlerinin"), std::string::npos)
      << "the chart's description";
  EXPECT_EQ(qdf.output.find("/S /Artifact"), std::string::npos) << "artifacts are never structure elements";
  EXPECT_NE(qdf.output.find("/Artifact BMC"), std::string::npos);
  EXPECT_NE(qdf.output.find("/Marked true"), std::string::npos);
  EXPECT_NE(qdf.output.find("<pdfuaid:part>1</pdfuaid:part>"), std::string::npos);
  EXPECT_NE(qdf.output.find("/Tabs /S"), std::string::npos);
  EXPECT_TRUE(std::regex_search(qdf.output, std::regex("/ID \\(note-[0-9]+\\)\\s+/K"))) << "a note has its own ID";
}

TEST_F(TaggedPage, EveryTextRunIsTaggedOrAnArtifact) {
  const dizgi::testing::TextMarking marking = dizgi::testing::text_marking(pdf_);
  EXPECT_EQ(marking.unmarked, 0) << marking.first_problem;
  EXPECT_EQ(marking.orphans, 0) << marking.first_problem;
  EXPECT_GE(marking.tagged, 20);
  EXPECT_GE(marking.artifacts, 1) << "the folio";
}

TEST_F(TaggedPage, QpdfCheckIsCleanAndLinearizationHolds) {
  Result check = run("qpdf --check '" + pdf_.string() + "'");
  EXPECT_EQ(check.status, 0) << check.output;
  EXPECT_EQ(check.output.find("WARNING"), std::string::npos) << check.output;
  Result linear = run("qpdf --check-linearization '" + pdf_.string() + "'");
  EXPECT_EQ(linear.status, 0) << linear.output;
}

// A table over three pages is one Table in the tree; what pagination adds to it (the header
// and caption repeated on later pages, the carried and brought-forward totals rows) are
// artifacts, so the tree reads every body row once and nothing else.
TEST(TaggedWeb, SplitTableIsOneTableAndWhatPaginationAddsIsAnArtifact) {
  const fs::path dir = work_dir("split-table");
  doc::Document d;
  d.metadata.title = "Uzun Tablo";
  doc::Section body;
  doc::Table table;
  table.id = "uzun";
  table.caption = "Uzun tablo";
  table.columns = {{"70%", doc::Align::start, doc::Aggregate::none}, {"30%", doc::Align::end, doc::Aggregate::sum}};
  table.carried.enabled = true;
  table.header.push_back({doc::TableCell("Kalem"), doc::TableCell("Tutar")});
  for (int r = 1; r <= 120; ++r) table.body.push_back({doc::TableCell("k" + std::to_string(1000 + r)), doc::TableCell("1")});
  body.blocks.push_back(table);
  d.sections.push_back(body);
  const fs::path pdf = dir / "tablo.pdf";
  ASSERT_GE(build(d, "web", pdf).pages, 3);
  const Result tree = run("pdfinfo -struct-text '" + pdf.string() + "'");
  const Result text = run("pdftotext '" + pdf.string() + "' -");
  const auto count = [](const std::string& haystack, const std::string& needle) {
    int n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count(tree.output, "\n  Table"), 1) << tree.output.substr(0, 2000);
  EXPECT_EQ(count(tree.output, "\"Kalem \""), 1) << "the header once, its repetitions are artifacts";
  EXPECT_EQ(count(tree.output, "\"k1"), 120) << "every body row once";
  EXPECT_GE(count(text.output, "Kalem"), 3) << "the header is still drawn on every page";
  EXPECT_GE(count(text.output, "Nakli"), 1) << "the carried totals are drawn";
  EXPECT_EQ(count(tree.output, "Nakli"), 0) << "and are artifacts";
  const dizgi::testing::TextMarking marking = dizgi::testing::text_marking(pdf);
  EXPECT_EQ(marking.unmarked, 0) << marking.first_problem;
  std::error_code ec;
  if (!std::getenv("DIZGI_KEEP_TEST_OUTPUT")) fs::remove_all(dir, ec);
}

// A form grid with nothing to fill in (a goal card) reads as a table: its label cells are headers
// of their row, the indicator grid's heading row heads the columns, the values are data cells.
// A form with fields to fill keeps its Form elements (FillableForm tests).
TEST(TaggedWeb, ReadOnlyFormGridIsATableWithRowAndColumnHeaders) {
  const fs::path dir = work_dir("goal-card");
  doc::GoalCard card;
  card.id = "hedef-karti-h1-1";
  card.title = "Hedef Kartı: H1.1";
  card.aim = "A1 Yaşanabilir bir kent";
  card.goal = "H1.1 Yeşil alanı artırmak";
  card.years = {"2025", "2026"};
  card.indicators = {{"PG1.1.1 Kişi başına yeşil alan (m²)", "100", "8,2", {"8,6", "9,0"}, "6 Aylık", "Yıllık"}};
  card.rows = {{"Sorumlu Birim", "Park ve Bahçeler Dairesi Başkanlığı"}};
  doc::Document d;
  d.metadata.title = "Hedef Kartı";
  doc::Section body;
  body.blocks.push_back(doc::Block{std::in_place_type<doc::Form>, doc::goal_card_form(card)});
  d.sections.push_back(body);
  const fs::path pdf = dir / "kart.pdf";
  ASSERT_GE(build(d, "web", pdf).pages, 1);
  const std::string tree = run("pdfinfo -struct-text '" + pdf.string() + "'").output;
  ASSERT_NE(tree.find("\n  Table"), std::string::npos) << tree;
  EXPECT_EQ(tree.find("\n  Form"), std::string::npos) << tree;
  // "Amaç" heads its row; "Başlangıç Değeri" heads its column; a value is a TD.
  const std::regex row_header("TH:\\n( +/ColSpan 2\\n)? +/Scope /Row\\n +\"Amaç \"");
  const std::regex column_header("TH:\\n +/Scope /Column\\n +\"Başlangıç Değeri \"");
  const std::regex data_cell("TD\\n +\"8,2 \"");
  EXPECT_TRUE(std::regex_search(tree, row_header)) << tree;
  EXPECT_TRUE(std::regex_search(tree, column_header)) << tree;
  EXPECT_TRUE(std::regex_search(tree, data_cell)) << tree;
  const dizgi::testing::TextMarking marking = dizgi::testing::text_marking(pdf);
  EXPECT_EQ(marking.unmarked, 0) << marking.first_problem;
  std::error_code ec;
  if (!std::getenv("DIZGI_KEEP_TEST_OUTPUT")) fs::remove_all(dir, ec);
}

TEST(TaggedWeb, ImageHeavyBookWebIsAtMostFortyPercentOfPrint) {
  const fs::path dir = work_dir("image-heavy");
  doc::Document d;
  d.metadata.title = "Fotoğraflarla 2025";
  doc::Section body;
  for (int i = 0; i < 4; ++i) {
    const std::string name = "foto-" + std::to_string(i) + ".png";
    write_photo(dir / name, 900, 560, static_cast<unsigned>(i + 1));  // about 300 ppi at half the text width
    doc::Image image;
    image.path = name;
    image.width = "50%";
    image.caption = "Proje alanı " + std::to_string(i + 1);
    body.blocks.push_back(image);
    append(body, "Projenin bu aşamasında saha çalışmaları tamamlanmıştır.");
  }
  d.sections.push_back(body);
  build(d, "print", dir / "print.pdf", dir);
  build(d, "web", dir / "web.pdf", dir);
  const auto print_size = fs::file_size(dir / "print.pdf");
  const auto web_size = fs::file_size(dir / "web.pdf");
  EXPECT_LE(static_cast<double>(web_size), 0.40 * static_cast<double>(print_size))
      << "web " << web_size << " bytes, print " << print_size << " bytes";
  const dizgi::testing::TextMarking marking = dizgi::testing::text_marking(dir / "web.pdf");
  EXPECT_EQ(marking.unmarked, 0) << marking.first_problem;
  std::error_code ec;
  if (!std::getenv("DIZGI_KEEP_TEST_OUTPUT")) fs::remove_all(dir, ec);
}

}  // namespace

// A row too tall for its page is cut between its lines; its bands on two pages are still one
// row of the table in the tree (one TR with its two TDs), not a row per page.
TEST(TaggedWeb, TallRowCutAcrossPagesIsOneRow) {
  const fs::path dir = work_dir("tall-row");
  doc::Document d;
  d.metadata.title = "Uzun Satır";
  doc::Section body;
  doc::Table table;
  table.id = "uzun-satir";
  table.caption = "Uzun satırlı tablo";
  table.columns = {{"80%", doc::Align::start}, {"20%", doc::Align::end}};
  table.header.push_back({doc::TableCell("Açıklama"), doc::TableCell("Tutar")});
  table.body.push_back({doc::TableCell("Hat bakımı"), doc::TableCell("125")});
  std::string tall;
  for (int k = 1; k <= 160; ++k) tall += "Yaya erişimi, aktarma merkezleri ve durakların düzenlenmesi " + std::to_string(k) + ". ";
  tall += "Sonsözcük.";
  table.body.push_back({doc::TableCell(tall), doc::TableCell("980")});
  table.body.push_back({doc::TableCell("Araç alımı"), doc::TableCell("320")});
  body.blocks.push_back(table);
  d.sections.push_back(body);
  const fs::path pdf = dir / "tablo.pdf";
  ASSERT_GE(build(d, "web", pdf).pages, 2);
  Result first = run("pdftotext -f 1 -l 1 '" + pdf.string() + "' -");
  std::replace(first.output.begin(), first.output.end(), '\n', ' ');  // the cell's lines as one text
  const Result rest = run("pdftotext -f 2 '" + pdf.string() + "' -");
  ASSERT_NE(first.output.find("düzenlenmesi 1. Yaya"), std::string::npos) << "the row starts on page 1";
  ASSERT_NE(rest.output.find("Sonsözcük"), std::string::npos) << "and ends on a later page";
  const Result tree = run("pdfinfo -struct-text '" + pdf.string() + "'");
  const auto lines = [&](const std::string& line) {
    int n = 0;
    std::istringstream in(tree.output);
    for (std::string l; std::getline(in, l);)
      if (l == line || l.starts_with(line + " ") || l.starts_with(line + ":")) ++n;
    return n;
  };
  EXPECT_EQ(lines("  Table"), 1) << tree.output.substr(0, 2000);
  EXPECT_EQ(lines("    TR"), 4) << "the header row and three body rows";
  EXPECT_EQ(lines("      TD"), 6) << tree.output.substr(0, 3000);
  std::error_code ec;
  if (!std::getenv("DIZGI_KEEP_TEST_OUTPUT")) fs::remove_all(dir, ec);
}

namespace {

// A heading and a table of nine columns on landscape pages (the layout asks for them), long
// enough for two of them, and a paragraph after it.
doc::Document landscape_book() {
  doc::Document d;
  d.metadata.title = "Yatay Tablo";
  doc::Section body;
  body.blocks.push_back(heading_of(1, "Giderler"));
  append(body, "Birimlerin giderleri aşağıdaki tabloda verilmiştir.");
  doc::Table table;
  table.id = "yatay";
  table.caption = "Ekonomik sınıflandırmaya göre giderler";
  table.page = doc::TablePage::landscape;
  doc::TableRow header;
  header.cells.push_back(doc::TableCell("Birim"));
  table.columns.push_back({"auto", doc::Align::start});
  for (int c = 1; c <= 8; ++c) {
    header.cells.push_back(doc::TableCell("Gerçekleşme" + std::to_string(c)));
    table.columns.push_back({"auto", doc::Align::end});
  }
  table.header.push_back(header);
  for (int r = 1; r <= 60; ++r) {
    doc::TableRow row;
    row.cells.push_back(doc::TableCell("birim" + std::to_string(100 + r)));
    for (int c = 1; c <= 8; ++c) row.cells.push_back(doc::TableCell(std::to_string(1000 * c + r)));
    table.body.push_back(row);
  }
  body.blocks.push_back(table);
  append(body, "Tablodan sonraki metin.");
  d.sections.push_back(body);
  return d;
}

// A word of pdftotext -bbox: its box in points from the page's top left, as displayed.
struct Word {
  std::string text;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool upright() const { return x1 - x0 > y1 - y0; }
};

std::vector<Word> words_on(const fs::path& pdf, int page) {
  const Result out = run("pdftotext -bbox -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" +
                         pdf.string() + "' -");
  std::vector<Word> words;
  const std::regex word(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
  for (auto it = std::sregex_iterator(out.output.begin(), out.output.end(), word); it != std::sregex_iterator(); ++it) {
    words.push_back({(*it)[5], std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
  }
  return words;
}

const Word* find_word(const std::vector<Word>& words, const std::string& text) {
  for (const Word& w : words)
    if (w.text == text) return &w;
  return nullptr;
}

// The page's /Rotate as pdfinfo reads it, -1 if it says none.
int rotation(const fs::path& pdf, int page) {
  const Result info = run("pdfinfo -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" + pdf.string() + "'");
  std::smatch m;
  if (!std::regex_search(info.output, m, std::regex(R"(rot:\s+([0-9]+))"))) return -1;
  return std::stoi(m[1]);
}

// The page (1-based) whose text has `text`, 0 if none.
int page_with(const fs::path& pdf, int pages, const std::string& text) {
  for (int p = 1; p <= pages; ++p)
    if (find_word(words_on(pdf, p), text)) return p;
  return 0;
}

}  // namespace

// The print PDF, read back by Poppler: the table's pages keep the book's paper, their table
// text runs turned (reading from bottom to top: its top towards the page's left edge), while
// the running head and the folio stay upright where they are on a portrait page; the table
// continues on the next landscape page and the text after it is upright on the page after.
TEST(LandscapePages, PrintedTableRunsTurnedFolioStaysUpright) {
  const fs::path dir = work_dir("landscape-print");
  const fs::path pdf = dir / "yatay.pdf";
  const int pages = build(landscape_book(), "print", pdf).pages;
  const int first = page_with(pdf, pages, "birim101");
  ASSERT_GT(first, 1) << "the table starts a page of its own";
  const std::vector<Word> words = words_on(pdf, first);
  const Word* cell = find_word(words, "Gerçekleşme8");
  ASSERT_NE(cell, nullptr);
  EXPECT_FALSE(cell->upright()) << "the header cell runs along the page's height";
  const Word* top_row = find_word(words, "birim101");
  const Word* next_row = find_word(words, "birim102");
  ASSERT_TRUE(top_row && next_row);
  EXPECT_LT(top_row->x0, next_row->x0) << "the table's top is towards the page's left edge";
  const Word* first_column = find_word(words, "Birim");
  ASSERT_NE(first_column, nullptr);
  EXPECT_GT(first_column->y0, cell->y1) << "its first column at the page foot: read bottom to top";
  const Word* folio = find_word(words, std::to_string(first));
  const Word* head = find_word(words, "GİDERLER");
  ASSERT_TRUE(folio) << "the folio is on the landscape page";
  ASSERT_TRUE(head) << "the running head is on the landscape page";
  EXPECT_TRUE(head->upright());
  EXPECT_GT(folio->y0, cell->y1) << "the folio below the text area, as on a portrait page";
  EXPECT_EQ(rotation(pdf, first), 0) << "the printed page is not turned";
  const int rest = page_with(pdf, pages, "birim160");
  EXPECT_GT(rest, first) << "a long table continues on the next landscape page";
  EXPECT_NE(find_word(words_on(pdf, rest), "(devamı)"), nullptr) << "with its continuation caption";
  const int after = page_with(pdf, pages, "sonraki");
  EXPECT_EQ(after, rest + 1) << "the text after the table starts the next page";
  const std::vector<Word> after_words = words_on(pdf, after);
  ASSERT_NE(find_word(after_words, "sonraki"), nullptr);
  EXPECT_TRUE(find_word(after_words, "sonraki")->upright());
  const Result check = run("'" DIZGI_CLI_PATH "' preflight '" + pdf.string() + "' --profile print");
  EXPECT_EQ(check.status, 0) << check.output;
  std::error_code ec;
  if (!std::getenv("DIZGI_KEEP_TEST_OUTPUT")) fs::remove_all(dir, ec);
}

// The web PDF shows the turned page upright (/Rotate 90): the table reads upright on screen and
// the running head sideways; the turned table is one Table of the structure tree with a TR for
// each row, and preflight passes.
TEST(LandscapePages, WebPageIsShownUprightAndTheTableStaysATable) {
  const fs::path dir = work_dir("landscape-web");
  const fs::path pdf = dir / "yatay.pdf";
  const int pages = build(landscape_book(), "web", pdf).pages;
  const int first = page_with(pdf, pages, "birim101");
  ASSERT_GT(first, 1);
  EXPECT_EQ(rotation(pdf, first), 90) << "the viewer turns the landscape page";
  EXPECT_EQ(rotation(pdf, 1), 0) << "portrait pages are not turned";
  const std::vector<Word> words = words_on(pdf, first);
  const Word* cell = find_word(words, "Gerçekleşme8");
  const Word* head = find_word(words, "GİDERLER");
  ASSERT_TRUE(cell && head);
  EXPECT_TRUE(cell->upright());
  EXPECT_FALSE(head->upright());
  const Result tree = run("pdfinfo -struct-text '" + pdf.string() + "'");
  int tables = 0, rows = 0;
  std::istringstream in(tree.output);
  for (std::string line; std::getline(in, line);) {
    if (line == "  Table" || line.starts_with("  Table ")) ++tables;
    if (line == "    TR" || line.starts_with("    TR ")) ++rows;
  }
  EXPECT_EQ(tables, 1);
  EXPECT_EQ(rows, 61) << "the header and sixty body rows";
  const Result check = run("'" DIZGI_CLI_PATH "' preflight '" + pdf.string() + "' --profile web");
  EXPECT_EQ(check.status, 0) << check.output;
  std::error_code ec;
  if (!std::getenv("DIZGI_KEEP_TEST_OUTPUT")) fs::remove_all(dir, ec);
}
