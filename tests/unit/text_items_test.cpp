// Paragraph text to line-breaker items: words, hyphenation points, hard hyphens, no-break
// spaces and the paragraph end.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "text/items.hpp"

namespace {

using dizgi::text::Item;
using dizgi::text::ItemSpan;
using dizgi::text::ItemStyle;
using dizgi::text::paragraph_items;

// Every byte is 1 pt wide: widths are byte counts.
double bytes(std::string_view text) { return static_cast<double>(text.size()); }

// A compact picture of the items: [text] for boxes, _ for glue, ~ for a no-break penalty,
// - for a hyphenation penalty, = for a break after a hard hyphen, | for the forced end.
std::string picture(std::string_view text, const std::vector<Item>& items,
                    const std::vector<ItemSpan>& spans) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    if (item.kind == Item::Kind::box) {
      out += "[" + std::string(text.substr(spans[i].begin, spans[i].end - spans[i].begin)) + "]";
    } else if (item.kind == Item::Kind::glue) {
      out += item.stretch > 1000 ? "" : "_";
    } else if (item.penalty <= -10000) {
      out += "|";
    } else if (item.penalty >= 10000) {
      out += i + 3 < items.size() ? "~" : "";
    } else {
      out += item.width > 0 ? "-" : "=";
    }
  }
  return out;
}

}  // namespace

TEST(TextItems, WordsSyllablesAndSpaces) {
  const std::string text = "Belediye  hizmetleri";
  std::vector<ItemSpan> spans;
  const auto items = paragraph_items(text, bytes, {}, &spans);
  ASSERT_EQ(spans.size(), items.size());
  EXPECT_EQ(picture(text, items, spans), "[Be]-[le]-[di]-[ye]_[hiz]-[met]-[le]-[ri]|");
  EXPECT_DOUBLE_EQ(items[1].width, 1.0);  // the hyphen's width
  EXPECT_TRUE(items[1].flagged);
  EXPECT_DOUBLE_EQ(items[1].penalty, 100);
  const Item& space = items[7];
  EXPECT_EQ(space.kind, Item::Kind::glue);
  EXPECT_DOUBLE_EQ(space.width, 1.0);
  EXPECT_DOUBLE_EQ(space.stretch, 0.5);
}

TEST(TextItems, HardHyphensNoBreakSpacesAndCodes) {
  const std::string text = "sosyo-kültürel 5018\xC2\xA0sayılı PG1.1.1";
  std::vector<ItemSpan> spans;
  ItemStyle style;
  style.indent_pt = 12;
  const auto items = paragraph_items(text, bytes, style, &spans);
  EXPECT_EQ(picture(text, items, spans),
            "[][sos]-[yo-]=[kül]-[tü]-[rel]_[5018]~_[sa]-[yı]-[lı]_[PG1.1.1]|");
  EXPECT_DOUBLE_EQ(items[0].width, 12);
}

TEST(TextItems, WithoutHyphenationOnlyHardHyphensBreak) {
  const std::string text = "sosyo-kültürel hizmetler";
  std::vector<ItemSpan> spans;
  ItemStyle style;
  style.hyphenate = false;
  const auto items = paragraph_items(text, bytes, style, &spans);
  EXPECT_EQ(picture(text, items, spans), "[sosyo-]=[kültürel]_[hizmetler]|");
}
