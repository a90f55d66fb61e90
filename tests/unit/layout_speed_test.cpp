// The speed work of the page engine must not change a single line: paragraphs reused across
// passes (SetCache), paragraphs set on worker threads (SetBatch) and the one- and two-thread
// engine runs all give the same lines and pages as setting everything afresh on one thread.
// Also the bench-kitap layout (make bench) composes the book it promises.
#include "compose/render_book.hpp"
#include "paginate/paginate.hpp"
#include "layout/paragraph.hpp"
#include "layout/template.hpp"
#include "output/profile.hpp"
#include "plugin/host.hpp"
#include "text/shaper.hpp"

#include <dizgi/sdk/layout.hpp>

#include <gtest/gtest.h>

#include <algorithm>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <locale>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

namespace {

using namespace dizgi;

std::vector<doc::Span> spans(const std::string& text) { return {doc::text_span(text)}; }

std::string prose(int seed) {
  static const char* words[] = {"belediyemiz", "sürdürülebilir", "katılımcı", "hizmet",       "kalitesini",
                                "artırmıştır", "müdürlüğümüz",   "şeffaf",    "bütçe",        "hedeflerini",
                                "yeniden",     "düzenlemiştir",  "mahalle",   "ölçeğinde",    "çevreci",
                                "geri",        "dönüşüm",        "oranını",   "iyileştirmiştir", "ığdır"};
  std::string text;
  unsigned state = static_cast<unsigned>(seed) * 2654435761u + 1;
  for (int i = 0; i < 60 + seed % 17; ++i) {
    state = state * 1103515245u + 12345u;
    text += (i ? " " : "") + std::string(words[(state >> 16) % 20]);
  }
  return text + ".";
}

// The lines as comparable values: height, keeps, and every run's glyphs and position.
std::string describe(const std::vector<layout::Element>& lines) {
  std::string out;
  for (const layout::Element& line : lines) {
    out += std::to_string(line.height) + (line.keep_with_next ? "k" : "-") + std::to_string(line.loose.size()) + ":";
    for (const layout::Run& run : line.runs) out += run.shaped->text + "@" + std::to_string(run.x) + " ";
    out += "\n";
  }
  return out;
}

layout::ParagraphSetting body_setting(const layout::Template& style, double width) {
  layout::ParagraphSetting s;
  s.style = &style.style("body");
  s.width_pt = width;
  s.align = layout::Alignment::justify;
  s.where = "test";
  return s;
}

TEST(LayoutSetCache, SameParagraphTwiceIsReusedWithIdenticalLines) {
  layout::Template style = layout::default_template();
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  layout::ParagraphSetter fresh(style, shaper, sink);
  layout::ParagraphSetter cached(style, shaper, sink);
  layout::SetCache cache;
  cached.use_cache(&cache);
  auto setting = body_setting(style, 300);
  std::string expected = describe(fresh.set(spans(prose(1)), setting));
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(describe(cached.set(spans(prose(1)), setting)), expected);
  EXPECT_EQ(describe(cached.set(spans(prose(1)), setting)), expected);
  EXPECT_EQ(cache.hits, 1u);
  // Another measure is another paragraph setting, not a hit.
  auto narrow = body_setting(style, 200);
  EXPECT_EQ(describe(cached.set(spans(prose(1)), narrow)), describe(fresh.set(spans(prose(1)), narrow)));
  EXPECT_EQ(cache.hits, 1u);
  EXPECT_EQ(cache.entries.size(), 2u);
}

TEST(LayoutSetCache, ParagraphWithFootnoteIsNeverReused) {
  layout::Template style = layout::default_template();
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  layout::ParagraphSetter cached(style, shaper, sink);
  layout::SetCache cache;
  cached.use_cache(&cache);
  auto content = spans(prose(2));
  doc::Span note;
  note.kind = doc::SpanKind::footnote;
  note.footnote = std::make_shared<doc::Footnote>();
  note.footnote->content = spans("Dipnot metni.");
  content.push_back(note);
  int numbered = 0;
  auto setting = body_setting(style, 300);
  setting.footnote_number = [&](const doc::Footnote&) { return ++numbered; };
  cached.set(content, setting);
  cached.set(content, setting);
  EXPECT_EQ(numbered, 2);  // numbered on every pass, as without the cache
  EXPECT_TRUE(cache.entries.empty());
}

TEST(LayoutSetBatch, WorkerThreadsSetTheSameLinesAsTheMainThread) {
  layout::Template style = layout::default_template();
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  layout::ParagraphSetter fresh(style, shaper, sink);
  layout::SetCache cache;
  std::vector<std::string> expected;
  {
    layout::SetBatch batch(cache, 2);
    layout::ParagraphSetter speculative(style, shaper, sink);
    speculative.use_cache(&cache);
    speculative.collect_into(&batch);
    for (int p = 0; p < 40; ++p) {
      auto stand_in = speculative.set(spans(prose(p)), body_setting(style, 400 + p));
      EXPECT_EQ(stand_in.size(), 1u);
      expected.push_back(describe(fresh.set(spans(prose(p)), body_setting(style, 400 + p))));
    }
    batch.run();
  }
  ASSERT_EQ(cache.entries.size(), 40u);
  layout::ParagraphSetter reader(style, shaper, sink);
  reader.use_cache(&cache);
  for (int p = 0; p < 40; ++p) {
    EXPECT_EQ(describe(reader.set(spans(prose(p)), body_setting(style, 400 + p))), expected[static_cast<std::size_t>(p)])
        << "paragraph " << p;
  }
  EXPECT_EQ(cache.hits, 40u);
}

doc::Document small_book() {
  doc::Document d;
  doc::Section front{doc::Matter::front, {}};
  doc::ListOf toc;
  toc.kind = doc::ListOfKind::contents;
  toc.title = "İçindekiler";
  toc.depth = 2;
  front.blocks.push_back(toc);
  d.sections.push_back(front);
  doc::Section body{doc::Matter::body, {}};
  for (int c = 1; c <= 3; ++c) {
    doc::Heading h;
    h.level = 1;
    h.content = spans("Bölüm " + std::to_string(c));
    body.blocks.push_back(doc::Block{std::in_place_type<doc::Heading>, h});
    for (int p = 0; p < 12; ++p) {
      doc::Paragraph para;
      para.content = spans(prose(c * 100 + p));
      body.blocks.push_back(doc::Block{std::in_place_type<doc::Paragraph>, para});
    }
  }
  d.sections.push_back(body);
  return d;
}

std::string describe(const layout::LaidOutBook& book) {
  std::string out;
  for (const layout::Page& page : book.pages) {
    out += "page " + page.label + "\n";
    for (const layout::Placed& placed : page.content) {
      out += std::to_string(placed.y) + " ";
      for (const layout::Run& run : placed.element->runs) out += run.shaped->text + "@" + std::to_string(run.x) + " ";
      out += "\n";
    }
  }
  return out;
}

TEST(LayoutEngine, OneAndTwoSettingThreadsGiveTheSamePages) {
  layout::Template style = layout::default_template();
  doc::Document d = small_book();
  std::string pages[2];
  for (int threads = 1; threads <= 2; ++threads) {
    setenv("DIZGI_THREADS", std::to_string(threads).c_str(), 1);
    DiagnosticSink sink;
    text::Shaper shaper(&sink);
    auto book = paginate::lay_out(d, style, shaper, sink);
    pages[threads - 1] = describe(*book);
  }
  unsetenv("DIZGI_THREADS");
  EXPECT_GT(pages[0].size(), 1000u);
  EXPECT_EQ(pages[0], pages[1]);
}

std::string command_output(const std::string& command) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::array<char, 4096> buffer{};
  while (pipe && fgets(buffer.data(), buffer.size(), pipe.get())) out += buffer.data();
  return out;
}

TEST(ComposeBookRenderer, PrintAndWebFromOneLayoutKeepTheirProfiles) {
  std::filesystem::path dir = std::filesystem::path(DIZGI_TEST_BINARY_DIR) / "book_renderer";
  std::filesystem::create_directories(dir);
  doc::Document d = small_book();
  layout::Template style = layout::default_template();
  DiagnosticSink sink;
  compose::BookRenderer renderer(d, style, sink);
  compose::RenderRequest print;
  print.profile = output::load_profile("print");
  print.output = dir / "print.pdf";
  compose::RenderRequest web;
  web.profile = output::load_profile("web");
  web.output = dir / "web.pdf";
  compose::RenderResult a = renderer.render(print);
  compose::RenderResult b = renderer.render(web);
  EXPECT_GT(a.pages, 3);
  // Print pads to the binding; web leaves out the layout's blank pages.
  EXPECT_EQ(a.pages, b.pages + b.blank_pages_dropped + a.blank_pages_added);
  EXPECT_EQ(a.pages % 2, 0);
  EXPECT_EQ(a.passes, b.passes);
  std::string print_info = command_output("pdfinfo -box '" + print.output.string() + "' 2>&1");
  std::string web_info = command_output("pdfinfo '" + web.output.string() + "' 2>&1");
  EXPECT_NE(print_info.find("TrimBox"), std::string::npos) << print_info;  // print: bleed and boxes
  std::size_t pages_at = print_info.find("Pages:");
  ASSERT_NE(pages_at, std::string::npos) << print_info;
  EXPECT_EQ(std::stoi(print_info.substr(pages_at + 6)), a.pages);
  EXPECT_NE(web_info.find("Optimized:       yes"), std::string::npos) << web_info;  // web: linearized
  // The same text inside the trim (the print PDF's slug line lies outside it); blank pages for
  // the binding add only page breaks.
  std::size_t trim_at = print_info.find("TrimBox:");
  ASSERT_NE(trim_at, std::string::npos) << print_info;
  std::istringstream trim(print_info.substr(trim_at + 8));
  trim.imbue(std::locale::classic());
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  trim >> x0 >> y0 >> x1 >> y1;
  const std::string crop = " -x " + std::to_string(static_cast<int>(x0)) + " -y " + std::to_string(static_cast<int>(y0)) +
                           " -W " + std::to_string(static_cast<int>(x1 - x0)) + " -H " + std::to_string(static_cast<int>(y1 - y0));
  std::string print_text = command_output("pdftotext -enc UTF-8" + crop + " '" + print.output.string() + "' - 2>&1");
  std::string web_text = command_output("pdftotext -enc UTF-8 '" + web.output.string() + "' - 2>&1");
  // Pages without text (blank ones) only add page breaks; compare the pages with text.
  const auto text_pages = [](const std::string& text) {
    std::vector<std::string> pages;
    std::istringstream in(text);
    for (std::string page; std::getline(in, page, '\f');) {
      if (page.find_first_not_of(" \n") != std::string::npos) pages.push_back(page);
    }
    return pages;
  };
  EXPECT_EQ(text_pages(print_text), text_pages(web_text));
}

TEST(BenchKitap, ComposesChaptersOfThreeSectionsWithFiveParagraphsAndATable) {
  DiagnosticSink sink;
  plugin::Host host;
  host.load_default(sink);
  std::shared_ptr<Layout> layout = host.create_layout("bench-kitap");
  ASSERT_TRUE(layout);
  Dataset data;
  LayoutContext context;
  context.data = &data;
  context.params["chapters"] = "2";
  context.sink = &sink;
  doc::Document d = layout->compose(context);
  ASSERT_EQ(d.sections.size(), 2u);
  ASSERT_FALSE(d.sections[0].blocks.empty());
  EXPECT_TRUE(std::holds_alternative<doc::ListOf>(d.sections[0].blocks[0]));
  int chapters = 0, sections = 0, paragraphs = 0, tables = 0;
  for (const doc::Block& block : d.sections[1].blocks) {
    if (auto* h = std::get_if<doc::Heading>(&block)) (h->level == 1 ? chapters : sections)++;
    if (std::holds_alternative<doc::Paragraph>(block)) ++paragraphs;
    if (auto* t = std::get_if<doc::Table>(&block)) {
      ++tables;
      EXPECT_EQ(t->body.size(), 25u);
      EXPECT_EQ(t->columns.size(), 6u);
      ASSERT_EQ(t->header.size(), 1u);
      // Turkish money and percentages: grouping dots, decimal comma, the sign before the number.
      const std::string& money = t->body[0].cells[1].content[0].text;
      const std::string& percent = t->body[0].cells[4].content[0].text;
      EXPECT_NE(money.find(','), std::string::npos) << money;
      EXPECT_EQ(percent.rfind("%", 0), 0u) << percent;
    }
  }
  EXPECT_EQ(chapters, 2);
  EXPECT_EQ(sections, 6);
  EXPECT_EQ(paragraphs, 30);
  EXPECT_EQ(tables, 6);
  // The same parameters give the same book.
  doc::Document again = layout->compose(context);
  const auto& first = std::get<doc::Paragraph>(d.sections[1].blocks[2]).content[0].text;
  const auto& second = std::get<doc::Paragraph>(again.sections[1].blocks[2]).content[0].text;
  EXPECT_EQ(first, second);
  context.params["chapters"] = "sıfır";
  EXPECT_THROW(layout->compose(context), Error);
}

TEST(BenchKitap, ProseBookHasTheThreeRegistersInEveryChapter) {
  // The quality benchmark's prose (layout parameter `prose`): per chapter a directive's articles,
  // an account of the year and an evaluation, with the marks protrusion acts on and Turkish
  // figures; no tables.
  DiagnosticSink sink;
  plugin::Host host;
  host.load_default(sink);
  std::shared_ptr<Layout> layout = host.create_layout("bench-kitap");
  ASSERT_TRUE(layout);
  Dataset data;
  LayoutContext context;
  context.data = &data;
  context.params["prose"] = "3";
  context.sink = &sink;
  doc::Document d = layout->compose(context);
  ASSERT_EQ(d.sections.size(), 1u);
  int chapters = 0, sections = 0, paragraphs = 0, words = 0;
  std::string all;
  for (const doc::Block& block : d.sections[0].blocks) {
    EXPECT_FALSE(std::holds_alternative<doc::Table>(block));
    if (auto* h = std::get_if<doc::Heading>(&block)) (h->level == 1 ? chapters : sections)++;
    if (auto* p = std::get_if<doc::Paragraph>(&block)) {
      ++paragraphs;
      const std::string& text = p->content[0].text;
      all += text + "\n";
      words += static_cast<int>(std::count(text.begin(), text.end(), ' ')) + 1;
    }
  }
  EXPECT_EQ(chapters, 3);
  EXPECT_EQ(sections, 9);
  EXPECT_GT(paragraphs, 3 * 15);
  EXPECT_GT(words, 3 * 800);  // about two A4 pages a chapter
  for (const char* mark : {"Madde 1 – (1)", "a) ", " TL", "%", "\"", "'", "(", ";", "yükümlüdür."})
    EXPECT_NE(all.find(mark), std::string::npos) << mark;
  EXPECT_EQ(layout->compose(context).sections[0].blocks.size(), d.sections[0].blocks.size());  // deterministic
  context.params["prose"] = "0";
  EXPECT_THROW(layout->compose(context), Error);
}

}  // namespace
