// Figures are put together from per-character glyphs without Pango when the font allows it
// (text/shaper.cpp): the glyphs and advances must be exactly those Pango and HarfBuzz give,
// pair kerning included, in every style a table sets figures in; and measured without being
// shaped (Shaper::width), they are exactly as wide.
#include "text/shaper.hpp"

#include <dizgi/diagnostics.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using dizgi::text::FontKey;
using dizgi::text::Shaped;
using dizgi::text::Shaper;

struct Glyph {
  unsigned glyph;
  int width, x_offset, y_offset, cluster;
  bool operator==(const Glyph&) const = default;
};

std::vector<Glyph> glyphs_of(const Shaped& shaped) {
  std::vector<Glyph> out;
  for (const auto& piece : shaped.pieces) {
    const PangoGlyphString* g = piece.glyph_item.glyphs;
    for (int i = 0; i < g->num_glyphs; ++i) {
      out.push_back(Glyph{g->glyphs[i].glyph, g->glyphs[i].geometry.width, g->glyphs[i].geometry.x_offset,
                          g->glyphs[i].geometry.y_offset, piece.glyph_item.item->offset + g->log_clusters[i]});
    }
  }
  return out;
}

TEST(TextFigures, FiguresAreTheGlyphsPangoGives) {
  dizgi::DiagnosticSink sink;
  Shaper fast(&sink);
  Shaper pango(&sink);
  pango.set_figure_path(false);
  Shaper fresh(&sink);  // measures only: nothing shaped before in it
  const std::vector<std::string> figures = {"1.234.567,89", "-4,2", "(4,2)", "%45,2", "+12,5", "(-)", "-)",
                                            "0", "100,0", "01.5.5.64", "(1.000.000)", "7,4", "11,7"};
  std::vector<FontKey> fonts;
  for (const char* family : {"Linux Biolinum O", "Linux Libertine O", "DejaVu Sans"}) {
    FontKey plain{family, false, false, false, 8.5, 0};
    FontKey bold = plain;
    bold.bold = true;
    FontKey tracked = plain;
    tracked.tracking_em = 0.02;
    FontKey caps = plain;
    caps.small_caps = true;
    caps.size_pt = 11;
    fonts.insert(fonts.end(), {plain, bold, tracked, caps});
  }
  for (const FontKey& font : fonts) {
    for (const std::string& text : figures) {
      const Shaped& a = fast.shape(text, font);
      const Shaped& b = pango.shape(text, font);
      SCOPED_TRACE(font.family + (font.bold ? " bold" : "") + (font.small_caps ? " caps" : "") + ": " + text);
      EXPECT_EQ(glyphs_of(a), glyphs_of(b));
      EXPECT_DOUBLE_EQ(a.width_pt, b.width_pt);
      // Measured without shaping (column widths), a figure is exactly as wide as when set.
      EXPECT_EQ(fresh.width(text, font), b.width_pt);
    }
  }
}

TEST(TextFigures, OnlyFigureCharactersTakeTheFigurePath) {
  EXPECT_TRUE(dizgi::text::is_figure_text("1.234,5"));
  EXPECT_TRUE(dizgi::text::is_figure_text("(4,2)"));
  EXPECT_TRUE(dizgi::text::is_figure_text("%45,2"));
  EXPECT_FALSE(dizgi::text::is_figure_text(""));
  EXPECT_FALSE(dizgi::text::is_figure_text("1..2"));       // stops in a row may form a ligature
  EXPECT_FALSE(dizgi::text::is_figure_text("45,2 TL"));    // letters and spaces go through Pango
  EXPECT_FALSE(dizgi::text::is_figure_text("\xe2\x80\x93"));  // the dash of a missing value
}

}  // namespace
