// Setting paragraphs with the engine's setter: no line of a paragraph is ever empty, whatever
// the measure (issue 8, point 7: a paragraph whose last line exactly filled the measure was
// followed by an empty line; text/linebreak now never ends a line where only discardable items
// lie before the paragraph's final break).
#include "layout/paragraph.hpp"

#include "layout/template.hpp"
#include "text/shaper.hpp"

#include <dizgi/diagnostics.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

namespace layout = dizgi::layout;

TEST(LayoutParagraph, NoEmptyLineAtAnyMeasure) {
  dizgi::DiagnosticSink sink;
  dizgi::text::Shaper shaper(&sink);
  const layout::Template style = layout::default_template();
  layout::ParagraphSetter setter(style, shaper, sink);
  dizgi::doc::Span span;
  span.text =
      "Belediyemiz stratejik planında yer alan amaç ve hedeflere ulaşılmasında performans "
      "göstergelerinin gerçekleşme düzeyleri, birimlerimizin faaliyet raporlarıyla birlikte "
      "değerlendirilmiş ve sapmaların nedenleri ayrıntılı olarak açıklanmıştır.";
  const std::vector<dizgi::doc::Span> spans{span};
  int measures = 0;
  for (double width = 90; width <= 260; width += 0.25) {
    layout::ParagraphSetting setting;
    setting.width_pt = width;
    setting.style = &style.style("body");
    std::vector<layout::Element> lines = setter.set(spans, setting);
    ASSERT_FALSE(lines.empty());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      EXPECT_FALSE(lines[i].runs.empty()) << "line " << i + 1 << " of " << lines.size() << " is empty at "
                                          << width << " pt";
    }
    ++measures;
  }
  EXPECT_GT(measures, 600);
}

}  // namespace
