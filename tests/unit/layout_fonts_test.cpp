// Fonts per book: a family the template names that is not installed is an error at the template
// line that names it; the book's own fonts/ folder is searched (and only by that book's
// Shaper); characters set in a fallback font are one warning per pair of families, with counts.
#include "layout/fonts.hpp"

#include "layout/template.hpp"
#include "paginate/paginate.hpp"
#include "text/shaper.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/document.hpp>

#include <gtest/gtest.h>

#include <memory>

#include <filesystem>

namespace fs = std::filesystem;
using namespace dizgi;

namespace {

// A font outside dizgi's hermetic set (tests/fixtures never see it through fonts/fonts.conf):
// Ghostscript, a dependency, brings the URW fonts.
const fs::path outside_font = "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf";

TEST(TemplateFonts, MissingFamilyIsAnErrorAtTheTemplateLine) {
  layout::Template t = layout::parse_template(
      "<template name=\"t\">\n  <style name=\"h2\" font=\"Linux Biolinum\"/>\n</template>\n", "t.xml");
  text::Shaper shaper(nullptr);
  try {
    layout::check_template_fonts(t, shaper);
    FAIL() << "a missing family passed";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::project);
    EXPECT_EQ(to_string(error.location()), "t.xml:2:20");
    EXPECT_EQ(error.message(), "font family 'Linux Biolinum' is not installed");
    EXPECT_EQ(error.hint(),
              "did you mean 'Linux Biolinum O'? install it, or put its font files in the book's fonts/ folder "
              "(docs/templates.md, Fonts)");
  }
  EXPECT_NO_THROW(layout::check_template_fonts(layout::default_template(), shaper));
}

TEST(TemplateFonts, BookFontsFolderIsSearched) {
  if (!fs::exists(outside_font)) GTEST_SKIP() << "no " << outside_font;
  fs::path book = fs::path(DIZGI_TEST_BINARY_DIR) / "book-with-fonts";
  fs::create_directories(book / "fonts");
  fs::copy_file(outside_font, book / "fonts" / outside_font.filename(), fs::copy_options::overwrite_existing);
  text::Shaper plain(nullptr);
  EXPECT_FALSE(plain.has_family("Nimbus Sans"));  // hermetic: not installed for dizgi
  text::Shaper shaper(nullptr);
  layout::use_book_fonts(shaper, book);
  EXPECT_TRUE(shaper.has_family("Nimbus Sans"));
  EXPECT_TRUE(shaper.has_family("Linux Libertine O"));  // the configured fonts stay
  layout::Template t = layout::parse_template(
      "<template name=\"t\">\n  <style name=\"body\" font=\"Nimbus Sans\"/>\n</template>\n", "t.xml");
  EXPECT_NO_THROW(layout::check_template_fonts(t, shaper));
  text::FontKey key{"Nimbus Sans", false, false, false, 10, 0};
  const text::Shaped& shaped = shaper.shape("Ağaç", key);
  EXPECT_TRUE(shaped.fallbacks.empty());
  EXPECT_TRUE(shaped.missing.empty());
  text::Shaper other(nullptr);
  EXPECT_FALSE(other.has_family("Nimbus Sans"));  // another book in the same process does not see them
  // A sibling (a helper thread's shaper for a long table) sees the book's fonts and sets the
  // same glyphs.
  std::unique_ptr<text::Shaper> sibling = shaper.sibling(nullptr);
  EXPECT_TRUE(sibling->has_family("Nimbus Sans"));
  const text::Shaped& again = sibling->shape("Ağaç", key);
  EXPECT_EQ(again.width_pt, shaped.width_pt);
  EXPECT_TRUE(again.fallbacks.empty());
}

TEST(TemplateFonts, FallbackIsOneWarningWithCounts) {
  doc::Document d;
  doc::Section body;
  doc::Paragraph p;
  p.content.push_back(doc::text_span("Gülen yüz 😀 bir, 😀 iki ve ok ➜ bir kez."));
  body.blocks.push_back(p);
  d.sections.push_back(body);
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  auto book = paginate::lay_out(d, layout::default_template(), shaper, sink);
  layout::report_font_fallback(*book, sink);
  int fallback_warnings = 0;
  for (const Diagnostic& diagnostic : sink.diagnostics()) {
    if (diagnostic.code != "text.font-fallback") continue;
    ++fallback_warnings;
    EXPECT_EQ(diagnostic.severity, Severity::warning);
    EXPECT_EQ(diagnostic.message,
              "'Linux Libertine O' lacks 2 characters, set 3 times in 'DejaVu Sans': '➜' (U+279C) ×1, "
              "'😀' (U+1F600) ×2");
    EXPECT_EQ(to_string(diagnostic.location), "page 1");
  }
  EXPECT_EQ(fallback_warnings, 1);
}

}  // namespace
