// Microtypography of justified text (issue 17): font expansion in steps within its limit,
// characters that hang into the margins, letter-spacing only as a last resort, the last word of a
// paragraph not hyphenated, and none of it in table cells.
#include "layout/paragraph.hpp"

#include "layout/template.hpp"
#include "text/shaper.hpp"

#include <dizgi/diagnostics.hpp>

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <string>
#include <vector>

namespace {

namespace layout = dizgi::layout;
using dizgi::text::Shaper;

const char* const prose =
    "Harcama yetkilileri, ödeme emri belgelerini her ayın son iş gününe kadar eksiksiz ve doğru biçimde "
    "düzenlemekle yükümlüdür. Belgelerde eksiklik ya da çelişki tespit edilmesi hâlinde, muhasebe yetkilisi "
    "durumu en geç beş iş günü içinde üst yöneticiye bildirir; taşınır işlem fişleri, ekleriyle birlikte "
    "muhasebe birimine teslim edilir. Yaz döneminde fen işleri dairesi tarafından 148 sokakta kaldırım ve "
    "bordür yenileme çalışması tamamlanmış, “daha sık otobüs seferi” isteği gelecek yılın iş programına "
    "alınmıştır. Bu sonuçlar, planlama ile uygulama arasındaki bağın sıkılaştığını doğrulamaktadır.";

std::size_t characters(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

// Where the last glyph of a run ends (letter-spacing goes between its characters only).
double end_of(const layout::Run& run) {
  return run.x + run.shaped->width_pt * run.x_scale +
         run.letter_space_pt * static_cast<double>(characters(run.shaped->text) - 1);
}

class Microtype : public ::testing::Test {
 protected:
  std::vector<layout::Element> set(const std::string& text, double width, const layout::Template& style,
                                   bool micro = true, layout::SetStats* stats = nullptr) {
    layout::ParagraphSetter setter(style, shaper_, sink_);
    dizgi::doc::Span span;
    span.text = text;
    layout::ParagraphSetting setting;
    setting.width_pt = width;
    setting.style = &style.style("body");
    setting.microtypography = micro;
    return setter.set({span}, setting, stats);
  }
  double width_of(const std::string& text, const layout::Template& style) {
    const layout::Style& body = style.style("body");
    dizgi::text::FontKey key;
    key.family = body.font;
    key.size_pt = body.size_pt;
    return shaper_.shape(text, key).width_pt;
  }

  dizgi::DiagnosticSink sink_;
  Shaper shaper_{&sink_};
};

TEST_F(Microtype, ExpansionIsDrawnInStepsWithinItsLimit) {
  const layout::Template style = layout::default_template();
  int expanded = 0, lines = 0;
  for (double width = 220; width <= 320; width += 10) {
    std::vector<layout::Element> set_lines = set(prose, width, style);
    ASSERT_GT(set_lines.size(), 3u);
    for (std::size_t i = 0; i < set_lines.size(); ++i) {
      const layout::Element& line = set_lines[i];
      ASSERT_FALSE(line.runs.empty());
      const double scale = line.runs.front().x_scale;
      for (const layout::Run& run : line.runs) EXPECT_EQ(run.x_scale, scale) << "one scale per line";
      EXPECT_LE(std::abs(scale - 1), 0.02 + 1e-12);
      const double steps = (scale - 1) / 0.005;
      EXPECT_NEAR(steps, std::round(steps), 1e-6) << "expansion comes in steps of 0.5 %";
      if (i + 1 == set_lines.size()) EXPECT_LE(scale, 1) << "a last line is never stretched";
      expanded += scale != 1;
      ++lines;
    }
  }
  EXPECT_GT(expanded, lines / 3) << "the glyphs take the adjustment first";

  layout::Template off = style;
  off.typography.expansion = 0;
  for (const layout::Element& line : set(prose, 260, off))
    for (const layout::Run& run : line.runs) EXPECT_EQ(run.x_scale, 1);
}

TEST_F(Microtype, HyphensAndPunctuationHangIntoTheMargin) {
  const layout::Template style = layout::default_template();
  layout::Template flush = style;
  flush.typography.protrusion = false;
  const double hyphen = width_of("-", style);
  int hanging_hyphens = 0, hanging_stops = 0;
  for (double width = 200; width <= 320; width += 2) {
    std::vector<layout::Element> lines = set(prose, width, style);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      const layout::Run& last = lines[i].runs.back();
      const std::string& text = last.shaped->text;
      const double end = end_of(last);
      if (text.back() == '-') {
        EXPECT_NEAR(end, width + 0.7 * hyphen, 0.15 + 0.02 * hyphen) << text << " at " << width;
        ++hanging_hyphens;
      } else if (text.back() == ',' || text.back() == '.') {
        EXPECT_GT(end, width + 0.5) << text << " at " << width;
        ++hanging_stops;
      } else if (std::isalpha(static_cast<unsigned char>(text.back()))) {
        EXPECT_NEAR(end, width, 0.15) << text << " at " << width;
      }
    }
    std::vector<layout::Element> flush_lines = set(prose, width, flush);
    for (std::size_t i = 0; i + 1 < flush_lines.size(); ++i)  // without protrusion: flush right
      EXPECT_NEAR(end_of(flush_lines[i].runs.back()), width, 0.15);
  }
  EXPECT_GT(hanging_hyphens, 3);
  EXPECT_GT(hanging_stops, 3);
}

TEST_F(Microtype, LastWordOfAParagraphIsNotHyphenated) {
  const layout::Template style = layout::default_template();
  const std::string last = "değerlendirilmektedir.";
  const std::string text = std::string(prose) + " Bütün bu çalışmalar yıl sonunda birlikte " + last;
  int settings = 0;
  // From 210 pt on the paragraph can be set within the tolerance without hyphenating its last
  // word (at 200 pt it cannot: see LastWordIsHyphenatedWhenNothingElseFits).
  for (double width = 210; width <= 400; width += 1) {
    std::vector<layout::Element> lines = set(text, width, style);
    ASSERT_GE(lines.size(), 2u);
    // Fragments of a word on one line are one run: the whole word is a run of the last line.
    bool whole = false;
    for (const layout::Run& run : lines.back().runs) whole = whole || run.shaped->text == last;
    EXPECT_TRUE(whole) << "the last word is hyphenated at " << width << " pt: the last line starts with '"
                       << lines.back().runs.front().shaped->text << "'";
    ++settings;
  }
  EXPECT_EQ(settings, 191);
}

TEST_F(Microtype, LastWordIsHyphenatedWhenNothingElseFits) {
  // A two-line paragraph whose last word cannot join the first line: without its hyphenation
  // point the first line would be set far beyond the spacing limits.
  const layout::Template style = layout::default_template();
  const std::string text =
      "Performans göstergelerinin veri kaynaklarının kent bilgi sistemine bağlanarak ölçümlerin "
      "otomatikleştirilmesi,";
  const double width = width_of("Performans göstergelerinin veri kaynaklarının kent bilgi sistemine bağlanarak "
                                "ölçümlerin otomatik",
                                style) + 4;
  layout::SetStats stats;
  std::vector<layout::Element> lines = set(text, width, style, true, &stats);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines.front().ends_with_hyphen);
  EXPECT_EQ(stats.loose, 0);
}

TEST_F(Microtype, LetterSpacingIsTheLastResortAndHasALimit) {
  // Long words on a narrow measure without hyphenation: some lines cannot be filled by the
  // glyphs and the word spaces alone.
  layout::Template style = layout::default_template();
  style.styles["body"].hyphenate = false;
  const double max_pt = 0.02 * style.style("body").size_pt;
  const double space = width_of(" ", style);
  int spaced = 0;
  for (double width = 150; width <= 200; width += 5) {
    for (const layout::Element& line : set(prose, width, style)) {
      const double ls = line.runs.front().letter_space_pt;
      EXPECT_LE(ls, max_pt + 1e-12);
      if (ls == 0) continue;
      ++spaced;
      // Letter-spacing only fills what the word spaces cannot: they stand at their limit
      // (150 % of natural) unless the letter-spacing is at its own.
      for (std::size_t i = 0; i + 1 < line.runs.size(); ++i) {
        const double gap = line.runs[i + 1].x - end_of(line.runs[i]);
        if (ls < max_pt - 1e-9) EXPECT_NEAR(gap, 1.5 * space, 0.02) << "at " << width;
        else EXPECT_GE(gap, 1.5 * space - 0.02) << "at " << width;
      }
    }
  }
  EXPECT_GT(spaced, 0);

  style.typography.letter_spacing_em = 0;
  for (const layout::Element& line : set(prose, 160, style))
    for (const layout::Run& run : line.runs) EXPECT_EQ(run.letter_space_pt, 0);
}

TEST_F(Microtype, NoneOfItInTableCells) {
  const layout::Template style = layout::default_template();
  for (double width = 200; width <= 300; width += 20) {
    for (const layout::Element& line : set(prose, width, style, false)) {
      EXPECT_GE(line.runs.front().x, 0);
      for (const layout::Run& run : line.runs) {
        EXPECT_EQ(run.x_scale, 1);
        EXPECT_EQ(run.letter_space_pt, 0);
        EXPECT_LE(end_of(run), width + 0.05);
      }
    }
  }
}

}  // namespace
