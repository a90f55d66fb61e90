// The website folder's page and sitemap (publish/site.cpp), and reading a PDF's bookmarks and
// page labels back for its table of contents.
#include "compose/render_book.hpp"
#include "layout/template.hpp"
#include "output/profile.hpp"
#include "publish/site.hpp"

#include <dizgi/diagnostics.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace {

using namespace dizgi;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

publish::Book sample_book() {
  publish::Book book;
  book.title = "2025 Yılı İdare Faaliyet Raporu <taslak> & ek";
  book.year = 2025;
  book.pdf = "pdf/faaliyet-ı.pdf";
  book.cover = "pdf/faaliyet-ı.png";
  book.page_count = 42;
  book.bytes = 1'234'567;
  book.contents = {{1, "Sunuş", 3, "iii"}, {1, "I- Genel Bilgiler", 7, "1"}, {2, "A- Misyon", 7, "1"},
                   {2, "B- Yetki", 8, "2"}, {4, "derin", 9, "3"}, {1, "II- Amaçlar", 12, "6"}};
  return book;
}

TEST(PublishSite, FileSizesAreWrittenTheTurkishWay) {
  EXPECT_EQ(publish::file_size_tr(120), "1 kB");
  EXPECT_EQ(publish::file_size_tr(840'000), "840 kB");
  EXPECT_EQ(publish::file_size_tr(1'234'567), "1,2 MB");
  EXPECT_EQ(publish::file_size_tr(12'350'000), "12,4 MB");
  EXPECT_EQ(publish::file_size_tr(1'500'000'000), "1.500,0 MB");
}

TEST(PublishSite, IndexPageIsTurkishEscapedAndItsContentsNestProperly) {
  publish::SiteOptions options;
  options.title = "Kuzeykent Yayınları";
  options.updated = Date{2026, 12, 3};
  const std::string html = publish::index_html({sample_book()}, options);
  EXPECT_NE(html.find("<html lang=\"tr\">"), std::string::npos);
  EXPECT_NE(html.find("Güncelleme: 3 Aralık 2026"), std::string::npos);
  EXPECT_NE(html.find("İdare Faaliyet Raporu &lt;taslak&gt; &amp; ek"), std::string::npos) << html;
  EXPECT_EQ(html.find("<taslak>"), std::string::npos);
  // The file name's Turkish letter is percent-encoded in every address.
  EXPECT_NE(html.find("href=\"pdf/faaliyet-%C4%B1.pdf#page=7\""), std::string::npos) << html;
  EXPECT_NE(html.find("src=\"pdf/faaliyet-%C4%B1.png\""), std::string::npos);
  EXPECT_NE(html.find("<dd>PDF, 1,2 MB</dd>"), std::string::npos);
  EXPECT_NE(html.find("<span>iii</span>"), std::string::npos) << "the printed page number is shown";
  // A level-4 entry after a level-2 one goes one level deeper only; lists and items balance.
  EXPECT_EQ(count(html, "<ol"), count(html, "</ol>"));
  EXPECT_EQ(count(html, "<li>"), count(html, "</li>"));
  EXPECT_EQ(count(html, "<ol"), 3u) << html;
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos) << "no external asset";
}

TEST(PublishSite, SitemapListsThePageAndEveryPdfUnderTheBaseUrl) {
  publish::SiteOptions options;
  options.base_url = "https://www.example.org/yayinlar";
  options.updated = Date{2026, 1, 5};
  const std::string xml = publish::sitemap_xml({sample_book()}, options);
  EXPECT_NE(xml.find("<loc>https://www.example.org/yayinlar/index.html</loc><lastmod>2026-01-05</lastmod>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<loc>https://www.example.org/yayinlar/pdf/faaliyet-%C4%B1.pdf</loc>"), std::string::npos);
  EXPECT_EQ(count(xml, "<url>"), 2u);
}

// A web PDF written by the engine: its bookmarks come back as the contents, each with the page
// it opens (printed numbers: web.publish, on the sample book's roman front matter); a file that is not a PDF is an error naming it.
TEST(PublishSite, ContentsAreReadFromTheBookmarksOfAWebPdf) {
  const std::filesystem::path dir = std::filesystem::path(DIZGI_TEST_BINARY_DIR) / "publish_site";
  std::filesystem::create_directories(dir);
  doc::Document document;
  document.metadata.title = "Deneme Kitabı";
  for (int chapter = 1; chapter <= 3; ++chapter) {
    doc::Section section;
    doc::Heading h;
    h.level = 1;
    h.chapter_opener = true;
    h.content = {doc::text_span("Bölüm " + std::to_string(chapter))};
    section.blocks.push_back(h);
    doc::Heading sub;
    sub.level = 2;
    sub.content = {doc::text_span("Alt başlık " + std::to_string(chapter))};
    section.blocks.push_back(sub);
    doc::Paragraph p;
    p.content = {doc::text_span("Kısa bir paragraf.")};
    section.blocks.push_back(p);
    document.sections.push_back(std::move(section));
  }
  DiagnosticSink sink;
  const layout::Template style = layout::default_template();  // the renderer keeps a reference
  compose::BookRenderer renderer(document, style, sink);
  compose::RenderRequest web;
  web.profile = output::load_profile("web");
  web.output = dir / "web.pdf";
  renderer.render(web);
  const publish::PdfFacts facts = publish::read_pdf(web.output);
  EXPECT_EQ(facts.title, "Deneme Kitabı");
  ASSERT_EQ(facts.contents.size(), 6u);
  EXPECT_EQ(facts.contents[0].title, "Bölüm 1");
  EXPECT_EQ(facts.contents[0].level, 1);
  EXPECT_EQ(facts.contents[1].title, "Alt başlık 1");
  EXPECT_EQ(facts.contents[1].level, 2);
  int previous = 0;
  for (const publish::TocEntry& entry : facts.contents) {
    EXPECT_GE(entry.page, std::max(previous, 1)) << entry.title;
    EXPECT_LE(entry.page, facts.page_count) << entry.title;
    previous = entry.page;
  }
  EXPECT_GT(facts.contents[4].page, facts.contents[0].page);

  const std::filesystem::path not_pdf = dir / "bozuk.pdf";
  {
    std::FILE* f = std::fopen(not_pdf.c_str(), "wb");
    std::fputs("bu bir PDF değil", f);
    std::fclose(f);
  }
  try {
    publish::read_pdf(not_pdf);
    FAIL() << "a broken PDF was read";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("bozuk.pdf"), std::string::npos) << error.what();
  }
}

}  // namespace
