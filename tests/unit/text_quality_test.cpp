// Quality of total-fit breaking on real Turkish prose (tests/fixtures/text/metin.txt), set in
// Linux Libertine O 10.5 pt on a 160 mm measure, against the benchmark targets; and the
// statistics themselves on a hand-made paragraph.
#include <gtest/gtest.h>
#include <pango/pangocairo.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "text/items.hpp"
#include "text/linebreak.hpp"
#include "text/quality.hpp"

namespace {

namespace fs = std::filesystem;
using dizgi::text::BreakParams;
using dizgi::text::Item;
using dizgi::text::LineBreak;
using dizgi::text::QualityMeter;
using dizgi::text::QualityStats;

constexpr double font_size_pt = 10.5;
constexpr double measure_pt = 160.0 / 25.4 * 72.0;  // A4 minus 25 mm margins

// Widths of strings in points: Pango + HarfBuzz with Linux Libertine O when fontconfig finds
// it (the hermetic fonts.conf), else a fixed per-character table (reported in the output).
class WidthModel {
 public:
  WidthModel() {
    font_map_ = pango_cairo_font_map_new();
    context_ = pango_font_map_create_context(font_map_);
    pango_cairo_context_set_resolution(context_, 72.0);
    description_ = pango_font_description_from_string("Linux Libertine O 10.5");
    pango_context_set_font_description(context_, description_);
    PangoFont* font = pango_font_map_load_font(font_map_, context_, description_);
    if (font != nullptr) {
      PangoFontDescription* loaded = pango_font_describe(font);
      const char* family = pango_font_description_get_family(loaded);
      shaped_ = family != nullptr && std::string(family) == "Linux Libertine O";
      pango_font_description_free(loaded);
      g_object_unref(font);
    }
    layout_ = pango_layout_new(context_);
  }
  ~WidthModel() {
    g_object_unref(layout_);
    pango_font_description_free(description_);
    g_object_unref(context_);
    g_object_unref(font_map_);
  }
  WidthModel(const WidthModel&) = delete;
  WidthModel& operator=(const WidthModel&) = delete;

  bool shaped() const { return shaped_; }

  double width(const std::string& text) {
    const auto cached = cache_.find(text);
    if (cached != cache_.end()) return cached->second;
    double result = 0;
    if (shaped_) {
      pango_layout_set_text(layout_, text.c_str(), static_cast<int>(text.size()));
      PangoRectangle logical{};
      pango_layout_get_extents(layout_, nullptr, &logical);
      result = static_cast<double>(logical.width) / PANGO_SCALE;
    } else {
      result = table_width(text);
    }
    cache_[text] = result;
    return result;
  }

 private:
  static double table_width(const std::string& text) {
    double em = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if ((byte & 0xC0) == 0x80) continue;  // continuation byte
      if (byte == ' ')
        em += 0.25;
      else if (std::string("iljtfrı.,;:'’!").find(static_cast<char>(byte)) != std::string::npos)
        em += 0.30;
      else if (byte == 'm' || byte == 'w' || byte == 'M' || byte == 'W')
        em += 0.80;
      else if (byte >= 'A' && byte <= 'Z')
        em += 0.68;
      else
        em += 0.48;
    }
    return em * font_size_pt;
  }

  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_ = nullptr;
  PangoFontDescription* description_ = nullptr;
  PangoLayout* layout_ = nullptr;
  bool shaped_ = false;
  std::map<std::string, double> cache_;
};

std::vector<std::string> read_paragraphs(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> paragraphs;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) paragraphs.push_back(line);
  }
  return paragraphs;
}

}  // namespace

TEST(TextQuality, StatisticsOfAHandMadeParagraph) {
  // Line 1: two spaces of 4 pt (stretch 2) at ratio 0.5 -> 5 pt = 1.25; it ends in a hyphen.
  // Line 2: one space at ratio -0.5 (shrink 1) -> 3.5 pt = 0.875. Line 3 ends the paragraph.
  const Item space{Item::Kind::glue, 4, 2, 1, 0, false};
  std::vector<Item> items{
      {Item::Kind::box, 10, 0, 0, 0, false}, space,
      {Item::Kind::box, 10, 0, 0, 0, false}, space,
      {Item::Kind::box, 10, 0, 0, 0, false}, {Item::Kind::penalty, 3, 0, 0, 50, true},
      {Item::Kind::box, 10, 0, 0, 0, false}, space,
      {Item::Kind::box, 10, 0, 0, 0, false}, space,
      {Item::Kind::box, 10, 0, 0, 0, false}, {Item::Kind::penalty, 0, 0, 0, -10000, false}};
  std::vector<LineBreak> lines(3);
  lines[0].index = 5;
  lines[0].ratio = 0.5;
  lines[0].hyphenated = true;
  lines[1].index = 9;
  lines[1].ratio = -0.5;
  lines[2].index = 11;
  QualityMeter meter;
  meter.add_paragraph(items, lines);
  const QualityStats stats = meter.stats();
  EXPECT_EQ(stats.lines, 3U);
  EXPECT_EQ(stats.spaces, 3U);  // the glue at the second break is discarded
  EXPECT_DOUBLE_EQ(stats.median_space, 1.25);
  EXPECT_DOUBLE_EQ(stats.min_space, 0.875);
  EXPECT_DOUBLE_EQ(stats.hyphenated_share, 0.5);
  EXPECT_EQ(stats.max_hyphen_run, 1U);
  EXPECT_EQ(dizgi::text::check_quality(stats),
            "median word space 1.250 above 1.15\n0.500 of lines end in a hyphen, above 0.30\n");
}

namespace {

// Breaks every paragraph of the fixture and returns the statistics (printed for the record).
QualityStats run_benchmark(double expansion, double hyphen_penalty) {
  const fs::path path = fs::path(DIZGI_TEST_SOURCE_DIR) / "fixtures/text/metin.txt";
  const std::vector<std::string> paragraphs = read_paragraphs(path);
  EXPECT_GE(paragraphs.size(), 8U) << "missing or short " << path;
  WidthModel widths;
  dizgi::text::ItemStyle style;
  style.indent_pt = font_size_pt;  // 1 em
  style.hyphen_penalty = hyphen_penalty;
  BreakParams params;
  params.expansion = expansion;
  QualityMeter meter;
  int worst_pass = 0;
  for (const std::string& text : paragraphs) {
    const std::vector<Item> items = dizgi::text::paragraph_items(
        text, [&widths](std::string_view piece) { return widths.width(std::string(piece)); },
        style);
    const auto result = dizgi::text::break_paragraph(
        items, [](std::size_t) { return measure_pt; }, params);
    EXPECT_FALSE(result.lines.empty());
    worst_pass = std::max(worst_pass, result.pass);
    meter.add_paragraph(items, result.lines);
  }
  const QualityStats stats = meter.stats();
  std::printf("width model: %s; expansion %.2f, hyphen penalty %.0f\n",
              widths.shaped() ? "Linux Libertine O 10.5 pt (Pango/HarfBuzz)" : "fixed table",
              expansion, hyphen_penalty);
  std::printf("%zu paragraphs, %zu lines, %zu spaces\n", stats.paragraphs, stats.lines,
              stats.spaces);
  std::printf("word space / natural: median %.3f, p95 %.3f, min %.3f, max %.3f\n",
              stats.median_space, stats.p95_space, stats.min_space, stats.max_space);
  std::printf("hyphenated lines: %zu (%.1f %%), longest run %zu, loose lines %zu, worst pass %d\n",
              stats.hyphenated_lines, stats.hyphenated_share * 100, stats.max_hyphen_run,
              stats.loose_lines, worst_pass);
  return stats;
}

}  // namespace

TEST(TextQuality, TurkishProseMeetsTheBenchmarkWithExpansion) {
  const QualityStats stats = run_benchmark(0.02, 100);
  EXPECT_GT(stats.lines, 60U);
  EXPECT_EQ(dizgi::text::check_quality(stats), "");
  EXPECT_EQ(stats.loose_lines, 0U);
}

TEST(TextQuality, TurkishProseMeetsTheBenchmarkWithoutExpansion) {
  const QualityStats stats = run_benchmark(0.0, 100);
  EXPECT_GT(stats.lines, 60U);
  EXPECT_EQ(dizgi::text::check_quality(stats), "");
  EXPECT_EQ(stats.loose_lines, 0U);
}
