// What the template can now say about pages and tables (issue 8, point 5), seen in the laid-out
// book: a heading level that opens a page or a recto and its drop, single-sided pages, the body
// starting on any page, the folio's place, table rules, padding per side, captions without
// numbers. Each test fails when the engine ignores the attribute.
#include "layout/page_model.hpp"
#include "layout/template.hpp"
#include "paginate/paginate.hpp"
#include "text/shaper.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/document.hpp>

#include <gtest/gtest.h>

#include <string>

using namespace dizgi;

namespace {

doc::Span span(const std::string& text) { return doc::text_span(text); }

doc::Paragraph paragraph(const std::string& text) {
  doc::Paragraph p;
  p.content.push_back(span(text));
  return p;
}

doc::Heading heading(int level, const std::string& text) {
  doc::Heading h;
  h.level = level;
  h.content.push_back(span(text));
  return h;
}

layout::Template with(const std::string& body) {
  return layout::parse_template("<template name=\"t\">\n" + body + "\n</template>\n", "t.xml");
}

struct Laid {
  DiagnosticSink sink;
  text::Shaper shaper{&sink};
  std::unique_ptr<layout::LaidOutBook> book;
};

std::unique_ptr<Laid> lay(const doc::Document& d, const layout::Template& t) {
  auto laid = std::make_unique<Laid>();
  laid->book = paginate::lay_out(d, t, laid->shaper, laid->sink);
  return laid;
}

// The page (0-based) whose content has a run starting with `text`, or -1.
int page_of(const layout::LaidOutBook& book, const std::string& text) {
  for (const layout::Page& page : book.pages) {
    for (const layout::Placed& placed : page.content) {
      for (const layout::Run& run : placed.element->runs) {
        if (run.shaped->text.rfind(text, 0) == 0) return page.index;
      }
    }
  }
  return -1;
}

const layout::Placed* placed_with(const layout::LaidOutBook& book, const std::string& text) {
  for (const layout::Page& page : book.pages) {
    for (const layout::Placed& placed : page.content) {
      for (const layout::Run& run : placed.element->runs) {
        if (run.shaped->text.rfind(text, 0) == 0) return &placed;
      }
    }
  }
  return nullptr;
}

doc::Document two_chapters() {
  doc::Document d;
  doc::Section body;
  body.blocks.push_back(heading(1, "Birinci"));
  body.blocks.push_back(paragraph("Kısa bir metin."));
  body.blocks.push_back(heading(2, "Alt"));
  body.blocks.push_back(paragraph("Bir metin daha."));
  body.blocks.push_back(heading(1, "İkinci"));
  body.blocks.push_back(paragraph("Son metin."));
  d.sections.push_back(body);
  return d;
}

TEST(TemplateEngine, HeadingLevelBreaksAndDrop) {
  doc::Document d = two_chapters();
  auto plain = lay(d, layout::default_template());
  EXPECT_EQ(page_of(*plain->book, "Alt"), 0);
  EXPECT_EQ(page_of(*plain->book, "İKİNCİ"), 2);  // a recto, after a blank verso
  auto laid = lay(d, with(R"(<heading level="1" break="page" drop="0"/><heading level="2" break="page"/>)"));
  EXPECT_EQ(page_of(*laid->book, "Alt"), 1);
  EXPECT_EQ(page_of(*laid->book, "İKİNCİ"), 2);  // a new page, no blank
  EXPECT_EQ(laid->book->pages.size(), 3u);
  EXPECT_DOUBLE_EQ(placed_with(*laid->book, "BİRİNCİ")->y, 0);  // no drop
  EXPECT_GT(placed_with(*plain->book, "BİRİNCİ")->y, 80);       // the default 30mm drop
  auto flow = lay(d, with(R"(<heading level="1" break="none" drop="0"/>)"));
  EXPECT_EQ(flow->book->pages.size(), 1u);
}

// A heading's own "break" property (a short Birim report's parts) wins over its level's setting;
// a list of contents may open a plain page instead of a recto.
TEST(TemplateEngine, HeadingBreakPropertyWinsOverTheLevel) {
  doc::Document d = two_chapters();
  auto& second = std::get<doc::Heading>(d.sections[0].blocks[4]);
  second.props["break"] = "page";
  auto page = lay(d, layout::default_template());
  EXPECT_EQ(page_of(*page->book, "İKİNCİ"), 1);  // a new page, no blank verso
  second.props["break"] = "none";
  auto flow = lay(d, layout::default_template());
  EXPECT_EQ(flow->book->pages.size(), 1u);
  EXPECT_EQ(flow->sink.count(Severity::warning), 0u);  // a property the engine knows
  second.props["break"] = "sometimes";
  auto wrong = lay(d, layout::default_template());
  ASSERT_EQ(wrong->sink.count(Severity::warning), 1u);
  EXPECT_NE(wrong->sink.diagnostics().front().message.find("'break' is 'sometimes'"), std::string::npos);

  doc::Document listed;
  doc::Section front;
  front.matter = doc::Matter::front;
  front.blocks.push_back(paragraph("Sunuş metni."));
  doc::ListOf contents;
  contents.kind = doc::ListOfKind::contents;
  contents.title = "İçindekiler";
  contents.depth = 1;
  contents.props["break"] = "page";
  front.blocks.push_back(contents);
  listed.sections.push_back(front);
  doc::Section body;
  body.blocks.push_back(heading(1, "Birinci"));
  listed.sections.push_back(body);
  auto lists = lay(listed, layout::default_template());
  EXPECT_EQ(page_of(*lists->book, "İÇİNDEKİLER"), 1);  // the verso facing the Sunuş
  EXPECT_EQ(page_of(*lists->book, "BİRİNCİ"), 2);
}

TEST(TemplateEngine, SingleSidedPagesHaveNoBlankVersos) {
  doc::Document d = two_chapters();
  auto laid = lay(d, with(R"(<page facing="false"/>)"));
  EXPECT_EQ(page_of(*laid->book, "İKİNCİ"), 1);
  for (const layout::Page& page : laid->book->pages) {
    EXPECT_FALSE(page.blank);
    EXPECT_TRUE(page.recto);  // the inner margin on the left of every page
  }
}

TEST(TemplateEngine, BodyMayStartOnAnyPage) {
  doc::Document d;
  doc::Section front;
  front.matter = doc::Matter::front;
  front.blocks.push_back(paragraph("Önsöz metni."));
  d.sections.push_back(front);
  doc::Section body;
  body.blocks.push_back(paragraph("Gövde metni."));
  d.sections.push_back(body);
  EXPECT_EQ(page_of(*lay(d, layout::default_template())->book, "Gövde"), 2);
  EXPECT_EQ(page_of(*lay(d, with(R"(<matter body-start="page"/>)"))->book, "Gövde"), 1);
}

// The folio's run on the first page: the last run of the page furniture.
const layout::Run& folio_run(const layout::LaidOutBook& book) {
  return book.pages.at(0).furniture.at(0).element->runs.back();
}

TEST(TemplateEngine, FolioPositionAndAlignment) {
  doc::Document d;
  doc::Section body;
  body.blocks.push_back(paragraph("Metin."));
  d.sections.push_back(body);
  auto outer = lay(d, layout::default_template());
  const layout::PageMaster& p = outer->book->style.page;
  const layout::Run& bottom_outer = folio_run(*outer->book);
  EXPECT_DOUBLE_EQ(bottom_outer.baseline, layout::mm_to_pt(p.height_mm - p.footer_mm));
  EXPECT_NEAR(bottom_outer.x + bottom_outer.shaped->width_pt, layout::mm_to_pt(p.width_mm - p.outer_mm), 0.01);
  auto centred = lay(d, with(R"(<folio position="top" align="center"/>)"));
  const layout::Run& top_centre = folio_run(*centred->book);
  EXPECT_DOUBLE_EQ(top_centre.baseline, layout::mm_to_pt(p.header_mm));
  EXPECT_NEAR(top_centre.x + top_centre.shaped->width_pt / 2,
              layout::mm_to_pt(p.inner_mm + (p.width_mm - p.inner_mm - p.outer_mm) / 2), 0.01);
  auto inner = lay(d, with(R"(<folio align="inner"/>)"));
  EXPECT_NEAR(folio_run(*inner->book).x, layout::mm_to_pt(p.inner_mm), 0.01);  // page 1 is a recto
}

doc::Document one_table() {
  doc::Document d;
  doc::Section body;
  doc::Table t;
  t.id = "gelir";
  t.caption = "Gelirler";
  t.header.push_back({doc::TableCell("Kalem"), doc::TableCell("Tutar")});
  for (const char* row : {"Vergi", "Harç", "Kira"}) t.body.push_back({doc::TableCell(row), doc::TableCell("100")});
  body.blocks.push_back(t);
  d.sections.push_back(body);
  return d;
}

struct RuleCount {
  int vertical = 0;
  int horizontal = 0;
};

RuleCount rules_of(const layout::LaidOutBook& book) {
  RuleCount count;
  for (const layout::Placed& placed : book.pages.at(0).content) {
    for (const layout::Rule& rule : placed.element->rules) (rule.x0 == rule.x1 ? count.vertical : count.horizontal)++;
  }
  return count;
}

TEST(TemplateEngine, TableRules) {
  doc::Document d = one_table();
  RuleCount grid = rules_of(*lay(d, with(R"(<table rules="grid"/>)"))->book);
  EXPECT_EQ(grid.vertical, 3);    // between the two columns of each body row
  EXPECT_EQ(grid.horizontal, 3);  // under each body row
  // Booktabs is the default: horizontal rules only.
  RuleCount booktabs = rules_of(*lay(d, layout::default_template())->book);
  EXPECT_EQ(booktabs.vertical, 0);
  EXPECT_EQ(booktabs.horizontal, 3);  // top, under the header, bottom
  RuleCount none = rules_of(*lay(d, with(R"(<table rules="none"/>)"))->book);
  EXPECT_EQ(none.vertical + none.horizontal, 0);
}

TEST(TemplateEngine, PaddingPerSide) {
  doc::Document d = one_table();
  auto plain = lay(d, layout::default_template());
  auto padded = lay(d, with(R"(<table padding="3pt" padding-top="10pt" padding-left="8pt"/>)"));
  const layout::Placed* a = placed_with(*plain->book, "Vergi");
  const layout::Placed* b = placed_with(*padded->book, "Vergi");
  ASSERT_TRUE(a && b);
  EXPECT_NEAR(b->element->height - a->element->height, 7, 0.01);
  EXPECT_NEAR(b->element->runs.front().x - a->element->runs.front().x, 5, 0.01);
}

TEST(TemplateEngine, CaptionsWithoutNumbers) {
  doc::Document d = one_table();
  EXPECT_EQ(page_of(*lay(d, layout::default_template())->book, "Tablo"), 0);
  auto laid = lay(d, with(R"(<captions numbering="none"/>)"));
  EXPECT_EQ(page_of(*laid->book, "Tablo"), -1);
  EXPECT_EQ(page_of(*laid->book, "Gelirler"), 0);
}

}  // namespace
