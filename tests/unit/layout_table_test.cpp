// Tables across pages (issue 9), seen in the laid-out book: carried totals are the exact sums of
// the rows placed before each break, on both sides of it; checked totals; row spans that keep
// their rows together; tall rows that break between lines; small tables that move whole;
// the rows kept on each side of a break; overflow and hyphenation rules of cells. Each test
// fails when the engine loses the behaviour.
#include "layout/page_model.hpp"
#include "layout/template.hpp"
#include "paginate/paginate.hpp"
#include "text/shaper.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/document.hpp>
#include <dizgi/model/format.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace dizgi;

namespace {

// Pages of `width` by `height` with 10 mm side and 12 mm head and foot margins.
layout::Template small_pages(const std::string& table = "", const std::string& width = "120mm",
                             const std::string& height = "110mm") {
  return layout::parse_template(
      "<template name=\"t\">\n"
      "  <page width=\"" + width + "\" height=\"" + height +
          "\" inner=\"10mm\" outer=\"10mm\" top=\"12mm\" bottom=\"12mm\"/>\n" + table + "\n</template>\n",
      "t.xml");
}

struct Laid {
  DiagnosticSink sink;
  text::Shaper shaper{&sink};
  std::unique_ptr<layout::LaidOutBook> book;
};

std::unique_ptr<Laid> lay(const doc::Table& table, const layout::Template& t) {
  doc::Document d;
  doc::Section body;
  body.blocks.push_back(table);
  d.sections.push_back(body);
  auto laid = std::make_unique<Laid>();
  laid->book = paginate::lay_out(d, t, laid->shaper, laid->sink);
  return laid;
}

// The words of an element, in order (a one-line cell is one run; words split at spaces).
std::vector<std::string> words(const layout::Element& e) {
  std::vector<std::string> out;
  for (const layout::Run& run : e.runs) {
    std::istringstream in(run.shaped->text);
    std::string word;
    while (in >> word) out.push_back(word);
  }
  return out;
}

bool has_code(const std::vector<Diagnostic>& diagnostics, const std::string& code, const std::string& text) {
  for (const Diagnostic& d : diagnostics)
    if (d.code == code && d.message.find(text) != std::string::npos) return true;
  return false;
}

// A budget table of `rows` rows: "Kalem N", an amount with kuruş, the same amount shown in
// thousands, a rate; the amounts are summed and carried.
doc::Table budget(int rows, bool carried) {
  doc::Table t;
  t.id = "butce";
  t.caption = "Harcamalar";
  t.carried.enabled = carried;
  t.columns = {{"auto", doc::Align::start, doc::Aggregate::none},
               {"auto", doc::Align::decimal, doc::Aggregate::sum},
               {"auto", doc::Align::end, doc::Aggregate::sum},
               {"auto", doc::Align::end, doc::Aggregate::none}};
  t.header.push_back({doc::TableCell("Kalem"), doc::TableCell("Tutar (TL)"), doc::TableCell("Tutar (Bin TL)"),
                      doc::TableCell("Oran (%)")});
  doc::NumberFormat thousands;
  thousands.scale_power = 3;
  thousands.fraction_digits = 0;
  doc::NumberFormat percent;
  Decimal total = Decimal::from_int(0);
  for (int i = 1; i <= rows; ++i) {
    // Kuruş that do not add up to round figures: 1.234.567,89-like values.
    Decimal amount{static_cast<int64_t>(i) * 1234567 + (i * 7919) % 100000, 2};
    total = total + amount;
    t.body.push_back({doc::TableCell("Kalem " + std::to_string(i)), doc::TableCell::typed(amount),
                      doc::TableCell::typed(amount, thousands), doc::TableCell::typed(Decimal{i % 97, 0}, percent)});
  }
  t.footer.push_back({doc::TableCell("Toplam"), doc::TableCell::typed(total), doc::TableCell::typed(total, thousands),
                      doc::TableCell::null()});
  return t;
}

Decimal amount_of_row(int i) { return Decimal{static_cast<int64_t>(i) * 1234567 + (i * 7919) % 100000, 2}; }

// Goals of two targets each: the goal's long text spans both rows, "H1.1" and "H1.2" beside it.
doc::Table goals(int count) {
  doc::Table t;
  t.id = "span";
  t.columns = {{"20mm", doc::Align::start}, {"auto", doc::Align::start}};
  for (int i = 0; i < count; ++i) {
    doc::TableCell group("Amaç " + std::to_string(i + 1) + " uzun bir açıklama ile birkaç satır tutan metin");
    group.row_span = 2;
    t.body.push_back({group, doc::TableCell("H" + std::to_string(i + 1) + ".1")});
    t.body.push_back({doc::TableCell("H" + std::to_string(i + 1) + ".2")});
  }
  return t;
}

}  // namespace

// Every "Nakli yekûn" at a page foot and the "Devreden" at the top of the next page show the
// exact sum of the rows placed before the break — the kuruş column to the kuruş, the thousands
// column rounded once from the exact sum (not the sum of rounded figures).
TEST(Tables, CarriedTotalsAreTheExactSumsOfThePlacedRows) {
  auto laid = lay(budget(90, true), small_pages());
  const auto& pages = laid->book->pages;
  ASSERT_GE(pages.size(), 3u);
  Decimal placed = Decimal::from_int(0);
  int carried_seen = 0, brought_seen = 0;
  std::string last_carried;
  for (const layout::Page& page : pages) {
    for (const layout::Placed& p : page.content) {
      std::vector<std::string> w = words(*p.element);
      if (w.size() >= 2 && w[0] == "Kalem" && std::isdigit(static_cast<unsigned char>(w[1][0]))) {
        placed = placed + amount_of_row(std::stoi(w[1]));
      } else if (!w.empty() && (w[0] == "Nakli" || w[0] == "Devreden")) {
        bool carried = w[0] == "Nakli";
        std::vector<std::string> figures(w.begin() + (carried ? 2 : 1), w.end());
        ASSERT_EQ(figures.size(), 2u) << page.index;
        EXPECT_EQ(figures[0], format_decimal_tr(placed, 2)) << "page " << page.index + 1;
        EXPECT_EQ(figures[1], format_decimal_tr(divide(placed, Decimal::from_int(1000), 0), 0)) << page.index + 1;
        std::string both = figures[0] + " " + figures[1];
        if (carried) {
          ++carried_seen;
          last_carried = both;
          EXPECT_EQ(&p, &page.content.back()) << "the carried row closes its page";
        } else {
          ++brought_seen;
          EXPECT_EQ(both, last_carried) << "Devreden repeats the figure carried from the page before";
        }
      }
    }
  }
  EXPECT_EQ(carried_seen, static_cast<int>(pages.size()) - 1);
  EXPECT_EQ(brought_seen, carried_seen);
  EXPECT_FALSE(has_code(laid->sink.diagnostics(), "layout.table-total", ""));
}

// The labels come from the table when it names them, else from the template.
TEST(Tables, CarriedLabelsFromTheTableOrTheTemplate) {
  doc::Table t = budget(60, true);
  auto by_template = lay(t, small_pages(R"(<table carried="Yekûn" brought="Nakil"/>)"));
  t.carried.carried_label = "Sayfa toplamı";
  auto by_table = lay(t, small_pages());
  auto first_words = [](const layout::LaidOutBook& book) {
    std::set<std::string> out;
    for (const layout::Page& page : book.pages)
      for (const layout::Placed& p : page.content)
        if (!p.element->runs.empty()) out.insert(words(*p.element).front());
    return out;
  };
  auto a = first_words(*by_template->book);
  EXPECT_TRUE(a.count("Yekûn") && a.count("Nakil"));
  auto b = first_words(*by_table->book);
  EXPECT_TRUE(b.count("Sayfa") && b.count("Devreden"));
}

// A total that is not the exact sum of its rows is reported at the table, naming the row and
// column; a subtotal is checked against the rows of its group.
TEST(Tables, TotalsAreCheckedAgainstTheExactSumOfTheirRows) {
  doc::Table t = budget(5, false);
  t.footer[0].cells[1] = doc::TableCell::typed(Decimal{1, 2});
  doc::TableRow subtotal({doc::TableCell("Ara toplam"), doc::TableCell::typed(amount_of_row(1) + amount_of_row(2)),
                          doc::TableCell::typed(Decimal::from_int(0)), doc::TableCell::null()},
                         doc::RowKind::subtotal);
  t.body.insert(t.body.begin() + 2, subtotal);
  auto laid = lay(t, small_pages());
  const auto& d = laid->sink.diagnostics();
  EXPECT_TRUE(has_code(d, "layout.table-total", "table 'butce', footer row 1, column 2: total 0,01 is not the sum"));
  EXPECT_TRUE(has_code(d, "layout.table-total", "body row 3, column 3: subtotal 0 is not the sum of its rows, " +
                                                    format_decimal_tr(amount_of_row(1) + amount_of_row(2), -1)));
  EXPECT_FALSE(has_code(d, "layout.table-total", "body row 3, column 2"));
}

// Every page a table crosses starts with the continuation caption and the header rows.
TEST(Tables, HeaderRepeatsAfterTheContinuationCaption) {
  auto laid = lay(budget(90, false), small_pages());
  const auto& pages = laid->book->pages;
  ASSERT_GE(pages.size(), 3u);
  for (std::size_t i = 1; i < pages.size(); ++i) {
    std::vector<std::string> caption = words(*pages[i].content.at(0).element);
    ASSERT_GE(caption.size(), 3u);
    EXPECT_EQ(caption[0] + " " + caption[1] + " " + caption[2], "Tablo 1 (devamı)");
    EXPECT_EQ(words(*pages[i].content.at(1).element).front(), "Kalem");
  }
}

// Rows joined by a row span stay on one page, and the rows a tall spanning cell covers grow
// to hold it.
TEST(Tables, RowSpansKeepTheirRowsTogetherAndGrowThem) {
  auto laid = lay(goals(40), small_pages());
  ASSERT_GE(laid->book->pages.size(), 2u);
  std::map<std::string, int> page_of;
  for (const layout::Page& page : laid->book->pages)
    for (const layout::Placed& p : page.content)
      for (const std::string& w : words(*p.element)) page_of[w] = page.index;
  for (int i = 1; i <= 40; ++i) {
    std::string h = "H" + std::to_string(i);
    EXPECT_EQ(page_of.at(h + ".1"), page_of.at(h + ".2")) << h;
  }
  const layout::Element& first = *laid->book->pages[0].content[0].element;
  const layout::Element& second = *laid->book->pages[0].content[1].element;
  ASSERT_EQ(first.cells.size(), 2u);
  EXPECT_EQ(first.cells[0].row_span, 2);
  EXPECT_EQ(second.cells.size(), 1u);
  EXPECT_GT(first.height + second.height, 4 * 10.5) << "the spanning cell's lines fit in its rows";
  EXPECT_TRUE(laid->sink.diagnostics().empty());
}

// A row taller than what is left of a page breaks between its lines (two lines at least on each
// side) instead of leaving the page part empty; kept together, it moves whole.
TEST(Tables, TallRowBreaksBetweenLinesUnlessKeptTogether) {
  doc::Table t;
  t.id = "uzun";
  t.columns = {{"25mm", doc::Align::start}, {"auto", doc::Align::start}};
  std::string text;
  for (int i = 0; i < 40; ++i) text += "sözcük" + std::to_string(i) + " ";
  for (int i = 0; i < 12; ++i) t.body.push_back({doc::TableCell("Satır " + std::to_string(i)), doc::TableCell("kısa")});
  t.body.push_back({doc::TableCell("Uzun"), doc::TableCell(text)});
  t.body.push_back({doc::TableCell("Son"), doc::TableCell("kısa")});
  t.body.push_back({doc::TableCell("Son2"), doc::TableCell("kısa")});
  t.keep_whole_rows = 1;
  auto laid = lay(t, small_pages());
  std::set<int> pages_of_long;
  for (const layout::Page& page : laid->book->pages)
    for (const layout::Placed& p : page.content)
      for (const std::string& w : words(*p.element))
        if (w.rfind("sözcük", 0) == 0) pages_of_long.insert(page.index);
  EXPECT_EQ(pages_of_long.size(), 2u) << "the long row is cut between its lines";
  t.keep_together = true;
  auto kept = lay(t, small_pages());
  EXPECT_EQ(kept->book->pages.size(), 1u + 1u);  // the whole table cannot fit one page; rows stay whole
  pages_of_long.clear();
  for (const layout::Page& page : kept->book->pages)
    for (const layout::Placed& p : page.content)
      for (const std::string& w : words(*p.element))
        if (w.rfind("sözcük", 0) == 0) pages_of_long.insert(page.index);
  EXPECT_EQ(pages_of_long.size(), 1u);
}

// A table of at most keep-whole body rows is never split: it starts on the next page.
TEST(Tables, SmallTableMovesWhole) {
  doc::Table filler = budget(40, false);
  doc::Table small = budget(8, false);
  small.id = "kucuk";
  doc::Document d;
  doc::Section body;
  body.blocks.push_back(filler);
  body.blocks.push_back(small);
  d.sections.push_back(body);
  Laid laid;
  laid.book = paginate::lay_out(d, small_pages(), laid.shaper, laid.sink);
  std::set<int> pages;
  for (const layout::Page& page : laid.book->pages)
    for (const layout::Placed& p : page.content)
      if (!p.element->runs.empty() && words(*p.element).front() == "Tablo" &&
          words(*p.element).at(1).rfind("2", 0) == 0)
        pages.insert(page.index);
  ASSERT_EQ(pages.size(), 1u) << "table 2 has no continuation page";
  auto laid_keep_none = [&] {
    auto l = std::make_unique<Laid>();
    l->book = paginate::lay_out(d, small_pages(R"(<table keep-whole="0" min-rows="1"/>)"), l->shaper, l->sink);
    return l;
  }();
  std::set<int> split_pages;
  for (const layout::Page& page : laid_keep_none->book->pages)
    for (const layout::Placed& p : page.content)
      if (!p.element->runs.empty() && words(*p.element).front() == "Tablo" &&
          words(*p.element).at(1).rfind("2", 0) == 0)
        split_pages.insert(page.index);
  EXPECT_EQ(split_pages.size(), 2u) << "without the rule the same table splits (the test's page is full)";
}

// At least min-rows body rows stay on each side of a break.
TEST(Tables, MinimumRowsOnEachSideOfABreak) {
  for (int min_rows : {2, 3}) {
    auto laid = lay(budget(47, false), small_pages("<table min-rows=\"" + std::to_string(min_rows) + "\"/>"));
    for (const layout::Page& page : laid->book->pages) {
      int rows = 0;
      for (const layout::Placed& p : page.content)
        if (words(*p.element).size() > 1 && words(*p.element).front() == "Kalem" &&
            std::isdigit(static_cast<unsigned char>(words(*p.element)[1][0])))
          ++rows;
      EXPECT_GE(rows, min_rows) << "page " << page.index + 1;
    }
  }
}

// A word wider than its column is a diagnostic naming the table, row and column.
TEST(Tables, OverflowNamesTableRowAndColumn) {
  doc::Table t;
  t.id = "dar";
  t.columns = {{"15mm", doc::Align::start}, {"80mm", doc::Align::start}};
  t.body.push_back({doc::TableCell("kısa"), doc::TableCell("metin")});
  std::string word;
  for (int i = 0; i < 5; ++i) word += "Büyükşehirbelediyesibaşkanlığı";
  t.body.push_back({doc::TableCell(word), doc::TableCell("metin")});
  auto laid = lay(t, small_pages());
  EXPECT_TRUE(has_code(laid->sink.diagnostics(), "layout.table-overflow",
                       "table 'dar', row 2, column 1: '" + word + "' is wider than its column"));
}

// Text cells hyphenate only when the template's table style allows it; figures and headers
// never do, and a unit in parentheses stays with the header word before it.
TEST(Tables, HyphenationOnlyWhereTheTemplateAllowsIt) {
  doc::Table t;
  t.id = "h";
  t.columns = {{"18mm", doc::Align::start}, {"16mm", doc::Align::end}};
  t.header.push_back({doc::TableCell("Kurum"), doc::TableCell("Gerçekleşme Oranı (%)")});
  t.body.push_back({doc::TableCell("Sosyal hizmetler kurumlarına ait sonuçlandırılma"),
                    doc::TableCell::typed(Decimal{4512, 1})});
  auto hyphens = [](const layout::LaidOutBook& book) {
    int count = 0;
    for (const layout::Page& page : book.pages)
      for (const layout::Placed& p : page.content)
        for (const layout::Run& run : p.element->runs)
          if (run.shaped->text.size() > 1 && run.shaped->text.back() == '-') ++count;
    return count;
  };
  auto plain = lay(t, small_pages());
  EXPECT_EQ(hyphens(*plain->book), 0);
  auto allowed = lay(t, small_pages(R"(<style name="table" hyphenate="true"/>)"));
  EXPECT_GT(hyphens(*allowed->book), 0);
  // "(%)" is on the line of "Oranı".
  const layout::Element& header = *plain->book->pages[0].content.at(0).element;
  double oran = -1, unit = -2;
  for (const layout::Run& run : header.runs) {
    if (run.shaped->text.rfind("Oranı", 0) == 0) oran = run.baseline;
    if (run.shaped->text.find("(%)") != std::string::npos) unit = run.baseline;
  }
  EXPECT_EQ(oran, unit);
}

// Fraction widths share what the other columns leave, in proportion.
TEST(Tables, FractionWidthsShareTheRest) {
  doc::Table t;
  t.id = "fr";
  t.columns = {{"30mm", doc::Align::start}, {"1fr", doc::Align::start}, {"2fr", doc::Align::start}};
  t.body.push_back({doc::TableCell("a"), doc::TableCell("b"), doc::TableCell("c")});
  auto laid = lay(t, small_pages());
  const layout::Element& row = *laid->book->pages[0].content.at(0).element;
  ASSERT_EQ(row.cells.size(), 3u);
  double w1 = row.cells[1].x1 - row.cells[1].x0, w2 = row.cells[2].x1 - row.cells[2].x0;
  EXPECT_NEAR(w2, 2 * w1, 0.01);
  EXPECT_NEAR(row.cells[2].x1, layout::mm_to_pt(100), 0.01);
}

// A table whose longest words do not fit the measure is set smaller, down to the template's
// minimum size, with a diagnostic; below that minimum the words overflow and say where.
TEST(Tables, WideTableIsSetSmallerDownToTheTemplatesMinimum) {
  doc::Table t;
  t.id = "genis";
  for (int c = 0; c < 5; ++c) t.columns.push_back({"auto", doc::Align::start});
  doc::TableRow row;
  for (int c = 0; c < 5; ++c) row.cells.push_back(doc::TableCell("Gerçekleşmeler" + std::to_string(c)));
  t.body.push_back(row);
  auto reduced = lay(t, small_pages());
  const auto& d = reduced->sink.diagnostics();
  EXPECT_TRUE(has_code(d, "layout.table-reduced", "table 'genis' is set at "));
  EXPECT_FALSE(has_code(d, "layout.table-overflow", ""));
  const layout::Element& set = *reduced->book->pages[0].content.at(0).element;
  EXPECT_LT(set.runs.front().shaped->font.size_pt, 8.5);
  EXPECT_GE(set.runs.front().shaped->font.size_pt, 7.0);
  EXPECT_LE(set.cells.back().x1, layout::mm_to_pt(100) + 0.01);

  auto floor = lay(t, small_pages(R"(<table min-size="8.4pt"/>)"));
  EXPECT_TRUE(has_code(floor->sink.diagnostics(), "layout.table-reduced", "set at 8.4 pt instead of 8.5 pt"));
  EXPECT_TRUE(has_code(floor->sink.diagnostics(), "layout.table-overflow", "is wider than its column"));
}

namespace {

// The text of every element of a book, page after page, one element a line.
std::string book_text(const layout::LaidOutBook& book) {
  std::string out;
  for (const layout::Page& page : book.pages)
    for (const layout::Placed& placed : page.content) {
      for (const std::string& word : words(*placed.element)) out += word + " ";
      out += "\n";
    }
  return out;
}

}  // namespace

// One missing-value marker per template, and its legend line under exactly the tables that
// show it: after the table's own note, never for a table whose figures are all there.
TEST(Tables, MissingMarkerLegendGoesUnderTablesThatShowTheMarker) {
  const layout::Template t = small_pages("<table missing=\"…\" missing-legend=\"…: veri yok\"/>");
  doc::Table with_gap = budget(3, false);
  with_gap.note = "(TL)";
  const auto gap = lay(with_gap, t);
  const std::string gap_text = book_text(*gap->book);
  EXPECT_NE(gap_text.find("… \n"), std::string::npos) << gap_text;  // the total row's rate cell
  EXPECT_NE(gap_text.find("(TL) …: veri yok"), std::string::npos) << gap_text;

  doc::Table complete = budget(3, false);
  complete.footer.back().cells.back() = doc::TableCell::typed(Decimal{1, 0});
  const std::string complete_text = book_text(*lay(complete, t)->book);
  EXPECT_EQ(complete_text.find("veri yok"), std::string::npos) << complete_text;
  // Without a legend in the template, nothing is added.
  const std::string plain = book_text(*lay(with_gap, small_pages("<table missing=\"…\"/>"))->book);
  EXPECT_EQ(plain.find("veri yok"), std::string::npos) << plain;
}

namespace {

// A portrait page: its measure is 80 mm, its text area 126 mm high.
layout::Template tall_pages(const std::string& table = "") { return small_pages(table, "100mm", "150mm"); }

// A table of eight figure columns that does not fit the 80 mm measure of tall_pages() at full
// size (but fits its 126 mm high text area turned), with a paragraph before and after it.
doc::Document wide_book(int rows, doc::TablePage page) {
  doc::Table t;
  t.id = "ekonomik";
  t.caption = "Ekonomik sınıflandırma";
  t.page = page;
  t.carried.enabled = true;
  t.columns.push_back({"auto", doc::Align::start});
  doc::TableRow header;
  header.cells.push_back(doc::TableCell("Birim"));
  for (int c = 1; c <= 7; ++c) {
    t.columns.push_back({"auto", doc::Align::end, doc::Aggregate::sum});
    header.cells.push_back(doc::TableCell("Kalem" + std::to_string(c)));
  }
  t.header.push_back(header);
  for (int r = 1; r <= rows; ++r) {
    doc::TableRow row;
    row.cells.push_back(doc::TableCell("Birim" + std::to_string(r)));
    for (int c = 1; c <= 7; ++c)
      row.cells.push_back(doc::TableCell::typed(*Decimal::parse(std::to_string(123456 * c + r)), doc::NumberFormat{}));
    t.body.push_back(row);
  }
  doc::Document d;
  doc::Section body;
  doc::Paragraph before, after;
  before.content.push_back(doc::text_span("Önceki metin."));
  after.content.push_back(doc::text_span("Sonraki metin."));
  body.blocks.push_back(before);
  body.blocks.push_back(t);
  body.blocks.push_back(after);
  d.sections.push_back(body);
  return d;
}

std::unique_ptr<Laid> lay(const doc::Document& d, const layout::Template& t) {
  auto laid = std::make_unique<Laid>();
  laid->book = paginate::lay_out(d, t, laid->shaper, laid->sink);
  return laid;
}

// The pages whose text contains `word`, 1-based.
std::vector<int> pages_with(const layout::LaidOutBook& book, const std::string& word) {
  std::vector<int> out;
  for (const layout::Page& page : book.pages)
    for (const layout::Placed& placed : page.content) {
      std::vector<std::string> w = words(*placed.element);
      if (std::find(w.begin(), w.end(), word) != w.end()) {
        out.push_back(page.index + 1);
        break;
      }
    }
  return out;
}

}  // namespace

// A table too wide for the portrait measure: the template's wide="landscape" turns it onto
// landscape pages of its own, set with the text area's height as the measure (no reduced size),
// continued on a second landscape page with its header and carried totals; the text before it
// ends its portrait page and the text after it starts a new one. wide="reduce" (the default)
// and a table that asks for portrait set it smaller instead; a table that asks for landscape
// gets it from any template.
TEST(Tables, WideTableGetsLandscapePagesOfItsOwn) {
  const layout::Template turning = tall_pages(R"(<table wide="landscape"/>)");
  auto laid = lay(wide_book(30, doc::TablePage::automatic), turning);
  const layout::LaidOutBook& book = *laid->book;
  ASSERT_GE(book.pages.size(), 4u);
  EXPECT_FALSE(has_code(laid->sink.diagnostics(), "layout.table-reduced", ""));
  EXPECT_EQ(pages_with(book, "Önceki"), std::vector<int>{1});
  EXPECT_FALSE(book.pages[0].landscape);
  const std::vector<int> table_pages = pages_with(book, "Birim");
  ASSERT_GE(table_pages.size(), 2u);
  EXPECT_EQ(table_pages.front(), 2) << "the table starts a landscape page";
  for (int p : table_pages) EXPECT_TRUE(book.pages[static_cast<std::size_t>(p - 1)].landscape) << "page " << p;
  const std::vector<int> after = pages_with(book, "Sonraki");
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after.front(), table_pages.back() + 1) << "the text after the table starts the next portrait page";
  EXPECT_FALSE(book.pages[static_cast<std::size_t>(after.front() - 1)].landscape);
  // The measure is the text area's height (150 - 12 - 12 mm); a landscape page holds rows as
  // high as the text area is wide (80 mm).
  double widest = 0, lowest = 0;
  for (int p : table_pages) {
    for (const layout::Placed& placed : book.pages[static_cast<std::size_t>(p - 1)].content) {
      if (!placed.element->cells.empty()) widest = std::max(widest, placed.element->cells.back().x1);
      lowest = std::max(lowest, placed.y + placed.element->height);
    }
  }
  EXPECT_GT(widest, layout::mm_to_pt(80) + 1) << "wider than the portrait measure";
  EXPECT_LE(widest, layout::mm_to_pt(126) + 0.01);
  EXPECT_LE(lowest, layout::mm_to_pt(80) + 0.01) << "a turned page is as high as the text area is wide";
  // The second landscape page continues the table as any page would.
  std::string second;
  for (const layout::Placed& placed : book.pages[static_cast<std::size_t>(table_pages[1] - 1)].content)
    for (const std::string& word : words(*placed.element)) second += word + " ";
  EXPECT_NE(second.find("(devamı)"), std::string::npos) << second;
  EXPECT_NE(second.find("Devreden"), std::string::npos) << second;

  auto reduced = lay(wide_book(30, doc::TablePage::automatic), tall_pages());
  EXPECT_TRUE(has_code(reduced->sink.diagnostics(), "layout.table-reduced", "table 'ekonomik'"));
  for (const layout::Page& page : reduced->book->pages) EXPECT_FALSE(page.landscape);

  auto kept = lay(wide_book(30, doc::TablePage::portrait), turning);
  EXPECT_TRUE(has_code(kept->sink.diagnostics(), "layout.table-reduced", "table 'ekonomik'"));
  for (const layout::Page& page : kept->book->pages) EXPECT_FALSE(page.landscape);

  auto asked = lay(wide_book(3, doc::TablePage::landscape), tall_pages());
  EXPECT_EQ(pages_with(*asked->book, "Birim1"), std::vector<int>{2});
  EXPECT_TRUE(asked->book->pages.at(1).landscape);
}

namespace {

// Where each word of a book stands: page, element order and top of its element, and the left
// edge and width of each run.
std::vector<std::string> placement(const layout::LaidOutBook& book) {
  std::vector<std::string> out;
  for (const layout::Page& page : book.pages) {
    for (const layout::Placed& p : page.content) {
      std::ostringstream line;
      line << page.label << " @" << p.y << ":";
      for (const std::string& w : words(*p.element)) line << ' ' << w;
      for (const layout::Run& run : p.element->runs) line << " [" << run.x << '+' << run.shaped->width_pt << ']';
      out.push_back(line.str());
    }
  }
  return out;
}

doc::Document book_of_tables(bool with_contents) {
  doc::Document d;
  doc::Section body;
  if (with_contents) {
    doc::ListOf list;
    list.kind = doc::ListOfKind::tables;
    list.title = "Tablolar";
    body.blocks.push_back(list);
  }
  body.blocks.push_back(budget(90, true));
  doc::Table spans = goals(30);
  spans.caption = "Amaçlar";
  body.blocks.push_back(spans);
  d.sections.push_back(body);
  return d;
}

std::size_t body_cells(const doc::Document& d) {
  std::size_t cells = 0;
  for (const doc::Block& block : d.sections[0].blocks)
    if (auto* t = std::get_if<doc::Table>(&block))
      for (const doc::TableRow& row : t->body) cells += row.cells.size();
  return cells;
}

}  // namespace

// A document given up to layout (`dizgi build` frees it once laid out) has each table body row
// freed as soon as it is set, so that a long table's rows and their elements are never all
// held at once. The pages are the same as from a document that is kept; a document with a
// generated list needs a second pass and is not freed.
TEST(Tables, ADocumentGivenUpIsFreedRowByRowIntoTheSamePages) {
  const layout::Template t = small_pages();
  for (bool with_contents : {false, true}) {
    SCOPED_TRACE(with_contents ? "with a list of tables" : "one pass");
    doc::Document kept = book_of_tables(with_contents);
    doc::Document given = book_of_tables(with_contents);
    const std::size_t cells = body_cells(given);
    ASSERT_EQ(cells, 90u * 4 + 30u * 3);
    DiagnosticSink sink;
    text::Shaper shaper(&sink);
    auto reference = paginate::lay_out(kept, t, shaper, sink);
    paginate::Options options;
    options.release_document = true;
    auto released = paginate::lay_out(given, t, shaper, sink, options);
    EXPECT_EQ(body_cells(kept), cells);
    EXPECT_EQ(body_cells(given), with_contents ? cells : 0u);
    EXPECT_EQ(released->passes, reference->passes);
    ASSERT_GE(reference->pages.size(), 4u);
    EXPECT_EQ(placement(*released), placement(*reference));
  }
}

// A long table of plain cells has its second half set by a helper thread with a shaper of its
// own (the laid-out book keeps it: the rows' glyph runs point into it). The pages are the same
// as with one thread: every word on the same page at the same place, the carried totals the
// same. A table with a footnote in a cell needs the flow while it is set and stays on one thread.
TEST(Tables, ALongTableSetByTwoThreadsGivesTheSamePages) {
  const layout::Template t = small_pages();
  for (bool footnote : {false, true}) {
    SCOPED_TRACE(footnote ? "a footnote in a cell" : "plain cells");
    doc::Table table = budget(4200, true);
    if (footnote) {
      doc::Span note;
      note.kind = doc::SpanKind::footnote;
      note.footnote = std::make_shared<doc::Footnote>();
      note.footnote->content.push_back(doc::text_span("Geçici kalem."));
      table.body[10].cells[0].content.push_back(note);
    }
    doc::Document d;
    doc::Section body;
    body.blocks.push_back(table);
    d.sections.push_back(body);
    DiagnosticSink sink;
    text::Shaper shaper(&sink);
    paginate::Options one;
    one.threads = 1;
    auto single = paginate::lay_out(d, t, shaper, sink, one);
    paginate::Options two;
    two.threads = 2;
    two.release_document = true;
    auto both = paginate::lay_out(d, t, shaper, sink, two);
    EXPECT_TRUE(single->helper_shapers.empty());
    EXPECT_EQ(both->helper_shapers.size(), footnote ? 0u : 1u);
    ASSERT_GE(single->pages.size(), 100u);
    EXPECT_EQ(placement(*both), placement(*single));
    // The rows of the second half are drawn with the helper's fonts, the first half's with the
    // book's shaper's: the same families and sizes.
    const layout::Page& last = both->pages.back();
    ASSERT_FALSE(last.content.empty());
    EXPECT_EQ(last.content.front().element->runs.front().shaped->font,
              single->pages.back().content.front().element->runs.front().shaped->font);
  }
}
