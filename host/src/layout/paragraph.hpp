// Setting one paragraph: spans -> boxes, glue and penalties (with Turkish hyphenation) -> lines
// chosen by the total-fit breaker -> line elements with positioned glyph runs.
#pragma once

#include "layout/engine.hpp"
#include "text/linebreak.hpp"

#include <functional>
#include <string>
#include <unordered_map>

namespace dizgi::layout {

struct ParagraphSetting {
  double width_pt = 0;          // measure
  double first_indent_pt = 0;   // added to the first line
  double left_indent_pt = 0;
  Alignment align = Alignment::justify;
  const Style* style = nullptr;
  std::string color;            // overrides the style colour when set
  bool force_bold = false;
  // Numbers footnote references; called once per reference in reading order.
  std::function<int(const doc::Footnote&)> footnote_number;
  // Called for each footnote reference with its number: returns the footnote's lines.
  std::function<std::vector<std::shared_ptr<Element>>(const doc::Footnote&, int)> footnote_lines;
  std::string where;            // for diagnostics ("paragraph 12")
};

struct SetStats {
  int lines = 0;
  int hyphenated = 0;
  int loose = 0;
};

// Lines already set, by everything that decides them (spans, style, measure, alignment). The
// engine keeps one across its re-run passes: only the generated lists change between passes,
// so every other paragraph is set once per book. Paragraphs with footnote references are not
// kept (numbering them has side effects). The runs point into the Shaper, which must outlive it.
struct SetCache {
  struct Entry {
    std::vector<Element> lines;
    SetStats stats;
  };
  std::unordered_map<std::string, Entry> entries;
  std::size_t hits = 0;
};

class ParagraphSetter {
 public:
  ParagraphSetter(const Template& style, text::Shaper& shaper, DiagnosticSink& sink)
      : template_(style), shaper_(shaper), sink_(sink) {}

  // One element per line. Lines carry widow/orphan keeps (2 lines minimum at each end).
  std::vector<Element> set(const std::vector<doc::Span>& spans, const ParagraphSetting& setting,
                           SetStats* stats = nullptr);

  // Natural width of a single line of text in a style (no breaking).
  double measure(const std::string& text, const Style& style, bool bold = false);

  text::FontKey font_for(const Style& style, const doc::InlineStyle& inline_style) const;

  // Reuse lines set earlier with the same inputs (null: no reuse).
  void use_cache(SetCache* cache) { cache_ = cache; }

  const text::BreakParams& params() const { return params_; }

 private:
  const Template& template_;
  text::Shaper& shaper_;
  DiagnosticSink& sink_;
  text::BreakParams params_;
  SetCache* cache_ = nullptr;

  std::vector<Element> set_uncached(const std::vector<doc::Span>& spans, const ParagraphSetting& setting,
                                    SetStats* stats);
};

}  // namespace dizgi::layout
