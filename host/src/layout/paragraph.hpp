// Setting one paragraph: spans -> boxes, glue and penalties (with Turkish hyphenation) -> lines
// chosen by the total-fit breaker -> line elements with positioned glyph runs.
#pragma once

#include "layout/page_model.hpp"
#include "text/linebreak.hpp"

#include <functional>
#include <memory>
#include <optional>
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
  // Text of cross-reference spans (style "xref" / "xref-page"); unset: left as written.
  std::function<std::string(const doc::Span&)> resolve_reference;
  // Font expansion, character protrusion and letter-spacing as the template's <typography>
  // says; false in table cells, where columns of figures must not move.
  bool microtypography = true;
};

struct SetStats {
  int lines = 0;
  int hyphenated = 0;
  int loose = 0;
};

class SetBatch;

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
  // What a box, glue or penalty carries besides its metrics.
  struct Payload {
    const text::Shaped* shaped = nullptr;
    Color color;
    double rise = 0;
    std::string link;
    std::shared_ptr<doc::Footnote> footnote;
    int footnote_number = 0;
    bool natural_glue = false;  // ragged: position glue at natural width
    text::FontKey key;          // boxes: font and text, to reshape whole words on a line
    std::string text;
  };
  // A paragraph shaped into boxes, glue and penalties, ready to be broken into lines.
  struct Prepared {
    std::vector<text::Item> items;
    std::vector<Payload> payloads;
    Color base_color;
    double ascent = 0, descent = 0, leading = 0;
    const text::Shaped* hyphen = nullptr;
    // Microtypography of this paragraph (all 0 when it is off): the expansion limit and step,
    // and letter-spacing of at most `letter_space_max_pt` where word spaces would grow beyond
    // `word_space_max` × natural.
    double expansion = 0, expansion_step = 0;
    double letter_space_max_pt = 0, word_space_max = 0;
    // The hyphenation points of the last word, forbidden (penalty 10000) in `items`: allowed
    // again, at `hyphen_penalty`, only when the paragraph cannot be set within the tolerance
    // without them.
    std::vector<std::size_t> last_word_points;
    double hyphen_penalty = 0;
  };

  ParagraphSetter(const Template& style, text::Shaper& shaper, DiagnosticSink& sink);

  // One element per line. Lines carry widow/orphan keeps (2 lines minimum at each end).
  std::vector<Element> set(const std::vector<doc::Span>& spans, const ParagraphSetting& setting,
                           SetStats* stats = nullptr);

  // A paragraph of one plain text span that fits on one line of a ragged measure (most table
  // cells), set without the line breaker: the same line set() gives, one run for the whole
  // text. Nothing when the text needs the breaker (too wide, several spans, quotes to curl,
  // soft hyphens, justified or uppercase settings). Never kept in the cache.
  std::optional<Element> single_line(const std::vector<doc::Span>& spans, const ParagraphSetting& setting);

  // Natural width of a single line of text in a style (no breaking).
  double measure(const std::string& text, const Style& style, bool bold = false);

  text::FontKey font_for(const Style& style, const doc::InlineStyle& inline_style) const;

  // Reuse lines set earlier with the same inputs (null: no reuse).
  void use_cache(SetCache* cache) { cache_ = cache; }
  // Speculative mode (with a cache): set() only shapes the paragraphs the cache lacks, hands
  // them to `batch` to be set on worker threads, and returns a one-line stand-in.
  void collect_into(SetBatch* batch) { batch_ = batch; }

  // Breaks and positions a prepared paragraph; thread-safe (no Shaper, no template).
  static std::vector<Element> lines_of(const Prepared& prepared, const ParagraphSetting& setting,
                                       const text::BreakParams& params, SetStats* stats);

  const text::BreakParams& params() const { return params_; }

 private:
  const Template& template_;
  text::Shaper& shaper_;
  DiagnosticSink& sink_;
  text::BreakParams params_;
  SetCache* cache_ = nullptr;
  SetBatch* batch_ = nullptr;
  // The template's protrusion factors by character, and which bytes can start one of them
  // (most fragments end in a letter and are passed over without a lookup).
  std::unordered_map<std::string, Protrusion> protrude_;
  bool protrude_lead_[256] = {};

  bool prepare(const std::vector<doc::Span>& spans, const ParagraphSetting& setting, Prepared& prepared);
  void merge_words(std::vector<Element>& lines);
  std::vector<Element> set_uncached(const std::vector<doc::Span>& spans, const ParagraphSetting& setting,
                                    SetStats* stats);
};

// Paragraphs prepared on the main thread (shaping is not thread-safe: Pango and fontconfig stay
// on one thread), then broken into lines on `threads` threads; the results go into the cache.
class SetBatch {
 public:
  SetBatch(SetCache& cache, unsigned threads) : cache_(cache), threads_(threads == 0 ? 1 : threads) {}
  ~SetBatch() {
    try {
      run();
    } catch (...) {  // what is left unset is set again by the real passes
    }
  }
  SetBatch(const SetBatch&) = delete;
  SetBatch& operator=(const SetBatch&) = delete;

  bool has(const std::string& key) const { return keys_.count(key) > 0; }
  // Takes a paragraph to set; runs the batch when it is full (bounded memory).
  // `params` are the setter's (one set of parameters per batch).
  void add(std::string key, ParagraphSetter::Prepared prepared, const ParagraphSetting& setting,
           const text::BreakParams& params);
  // Sets everything collected, fills the cache and empties the batch.
  void run();

  static constexpr std::size_t capacity = 512;

 private:
  struct Job {
    std::string key;
    ParagraphSetter::Prepared prepared;
    ParagraphSetting setting;
  };
  SetCache& cache_;
  text::BreakParams params_;
  unsigned threads_;
  std::vector<Job> jobs_;
  std::unordered_map<std::string, std::size_t> keys_;
};

// Worker threads for setting paragraphs: DIZGI_THREADS when set, otherwise 1 (everything on
// the main thread, no speculative run).
unsigned setting_threads();

}  // namespace dizgi::layout
