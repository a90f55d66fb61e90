#include "layout/paragraph.hpp"

#include "layout/text_util.hpp"
#include "text/hyphenate.hpp"
#include "util/parallel.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cmath>
#include <atomic>
#include <cstdlib>
#include <cstring>

namespace dizgi::layout {

namespace {

using text::Item;

using Payload = ParagraphSetter::Payload;


constexpr double infinite_stretch = 1e6;

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Removes U+00AD soft hyphens (C2 AD) from a fragment before shaping.
std::string without_soft_hyphens(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0xAD) {
      ++i;
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Straight quotes to typographic ones: ' -> ’ (the Turkish suffix apostrophe), " -> “ or ”
// depending on whether a word starts.
std::string smart_quotes(const std::string& text, bool& after_space) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    if (c == '\'') out += "\u2019";
    else if (c == '"') out += after_space ? "\u201C" : "\u201D";
    else out.push_back(c);
    after_space = is_space(static_cast<unsigned char>(c)) || c == '(' || c == '[';
  }
  return out;
}

}  // namespace

ParagraphSetter::ParagraphSetter(const Template& style, text::Shaper& shaper, DiagnosticSink& sink)
    : template_(style), shaper_(shaper), sink_(sink) {
  const Typography& ty = style.typography;
  params_.flagged_demerits = ty.consecutive_hyphen_demerits;
  params_.final_hyphen_demerits = ty.final_hyphen_demerits;
  params_.fitness_demerits = ty.fitness_demerits;
  params_.max_consecutive_hyphens = ty.hyphens_in_a_row;
  params_.expansion_first = true;
  if (ty.protrusion) {
    for (const auto& [chars, factors] : ty.protrude) {
      if (chars.empty() || (factors.left == 0 && factors.right == 0)) continue;
      protrude_[chars] = factors;
      protrude_lead_[static_cast<unsigned char>(chars[0])] = true;
    }
  }
}

text::FontKey ParagraphSetter::font_for(const Style& style, const doc::InlineStyle& inline_style) const {
  text::FontKey key;
  key.family = style.font;
  key.bold = style.bold || inline_style.bold;
  key.italic = style.italic || inline_style.italic;
  key.small_caps = inline_style.small_caps;
  key.size_pt = style.size_pt;
  key.tracking_em = style.tracking_em;
  if (inline_style.script != doc::Script::normal) key.size_pt = style.size_pt * 0.65;
  return key;
}

std::optional<Element> ParagraphSetter::single_line(const std::vector<doc::Span>& spans,
                                                    const ParagraphSetting& setting) {
  const Style& style = *setting.style;
  if (spans.size() != 1 || setting.align == Alignment::justify || style.uppercase) return std::nullopt;
  const doc::Span& span = spans.front();
  const doc::InlineStyle& inline_style = span.style;
  if (span.kind != doc::SpanKind::text || inline_style.script != doc::Script::normal || inline_style.small_caps ||
      !inline_style.color.empty() || !inline_style.style.empty() || span.text.empty())
    return std::nullopt;
  // Quotes would be curled and soft hyphens dropped by the breaker's path; leading, trailing or
  // repeated spaces collapsed: leave those to it.
  const std::string& text = span.text;
  if (text.find_first_of("'\"\t\n\r") != std::string::npos || text.find("\xC2\xAD") != std::string::npos ||
      text.front() == ' ' || text.back() == ' ' || text.find("  ") != std::string::npos)
    return std::nullopt;
  text::FontKey key = font_for(style, inline_style);
  if (setting.force_bold) key.bold = true;
  const text::Shaped& shaped = shaper_.shape(text, key);
  double width = setting.width_pt - setting.left_indent_pt - setting.first_indent_pt;
  if (shaped.width_pt > width + 0.01) return std::nullopt;
  const text::FontMetrics& base = shaper_.metrics(font_for(style, doc::InlineStyle{}));
  Element line;
  line.height = style.leading_pt;
  line.matter = doc::Matter::body;
  double x = setting.left_indent_pt + setting.first_indent_pt;
  if (setting.align == Alignment::center) x += std::max(0.0, (width - shaped.width_pt) / 2);
  if (setting.align == Alignment::end) x += std::max(0.0, width - shaped.width_pt);
  Color color = template_.color(setting.color.empty() ? style.color : setting.color);
  line.runs.push_back(Run{&shaped, x, (style.leading_pt + base.ascent_pt - base.descent_pt) / 2, color});
  return line;
}

double ParagraphSetter::measure(const std::string& text, const Style& style, bool bold) {
  doc::InlineStyle inline_style;
  inline_style.bold = bold;
  return shaper_.width(style.uppercase ? upper_tr(text) : text, font_for(style, inline_style));
}

namespace {

void append_number(std::string& key, double value) {
  char buffer[sizeof value];
  std::memcpy(buffer, &value, sizeof value);
  key.append(buffer, sizeof buffer);
}

// Everything set() reads, as one string: the style's text properties, the setting and the spans.
// Empty when the paragraph must not be reused (footnote references, and page references,
// whose text changes from pass to pass).
std::string cache_key(const std::vector<doc::Span>& spans, const ParagraphSetting& setting) {
  std::string key;
  for (const doc::Span& span : spans) {
    if (span.kind == doc::SpanKind::footnote || span.kind == doc::SpanKind::page_reference) return {};
  }
  const Style& style = *setting.style;
  key.reserve(128);
  key += style.font;
  key += '\x1f';
  key += style.color;
  key += '\x1f';
  key += setting.color;
  key += '\x1f';
  key += setting.where;
  key += '\x1f';
  key += static_cast<char>('0' + style.bold + 2 * style.italic + 4 * style.hyphenate + 8 * style.uppercase +
                           16 * setting.force_bold + 32 * setting.microtypography);
  key += static_cast<char>('0' + static_cast<int>(setting.align));
  for (double v : {style.size_pt, style.leading_pt, style.tracking_em, setting.width_pt, setting.first_indent_pt,
                   setting.left_indent_pt})
    append_number(key, v);
  for (const doc::Span& span : spans) {
    const doc::InlineStyle& s = span.style;
    key += '\x1e';
    key += static_cast<char>('0' + s.bold + 2 * s.italic + 4 * s.small_caps);
    key += static_cast<char>('0' + static_cast<int>(s.script));
    key += static_cast<char>('0' + static_cast<int>(span.kind));
    key += s.color;
    key += '\x1f';
    key += span.target;
    key += '\x1f';
    key += s.style;
    key += '\x1f';
    key += span.text;
  }
  return key;
}

}  // namespace

std::vector<Element> ParagraphSetter::set(const std::vector<doc::Span>& spans,
                                          const ParagraphSetting& setting, SetStats* stats) {
  if (batch_ && cache_) {
    std::string key = cache_key(spans, setting);
    if (!key.empty() && cache_->entries.count(key) == 0 && !batch_->has(key)) {
      Prepared prepared;
      if (prepare(spans, setting, prepared)) batch_->add(std::move(key), std::move(prepared), setting, params_);
      else cache_->entries.emplace(std::move(key), SetCache::Entry{});
    }
    // A stand-in of one line: the speculative run only has to reach the same paragraphs.
    std::vector<Element> stand_in(1);
    stand_in.front().height = setting.style->leading_pt;
    return stand_in;
  }
  if (!cache_) return set_uncached(spans, setting, stats);
  std::string key = cache_key(spans, setting);
  if (key.empty()) return set_uncached(spans, setting, stats);
  auto found = cache_->entries.find(key);
  if (found == cache_->entries.end()) {
    SetCache::Entry entry;
    entry.lines = set_uncached(spans, setting, &entry.stats);
    found = cache_->entries.emplace(std::move(key), std::move(entry)).first;
  } else {
    ++cache_->hits;
  }
  if (stats) {
    stats->lines += found->second.stats.lines;
    stats->hyphenated += found->second.stats.hyphenated;
    stats->loose += found->second.stats.loose;
  }
  std::vector<Element> lines = found->second.lines;
  merge_words(lines);  // lines set on worker threads are not merged yet
  return lines;
}

// Shapes and hyphenates the spans into boxes, glue and penalties (uses the Shaper: main thread).
bool ParagraphSetter::prepare(const std::vector<doc::Span>& spans, const ParagraphSetting& setting,
                              Prepared& prepared) {
  const Style& style = *setting.style;
  std::vector<Item>& items = prepared.items;
  std::vector<Payload>& payloads = prepared.payloads;
  Color base_color = template_.color(setting.color.empty() ? style.color : setting.color);
  bool justify = setting.align == Alignment::justify;
  const text::FontMetrics& base_metrics = shaper_.metrics(font_for(style, doc::InlineStyle{}));
  const text::Shaped& hyphen = shaper_.shape("-", font_for(style, doc::InlineStyle{}));
  prepared.base_color = base_color;
  prepared.ascent = base_metrics.ascent_pt;
  prepared.descent = base_metrics.descent_pt;
  prepared.leading = style.leading_pt;
  prepared.hyphen = &hyphen;
  const Typography& typography = template_.typography;
  if (setting.microtypography && justify) {
    prepared.expansion = typography.expansion;
    prepared.expansion_step = typography.expansion_step;
    prepared.letter_space_max_pt = typography.letter_spacing_em * style.size_pt;
    prepared.word_space_max = typography.word_space_max;
  }
  const bool protrude = setting.microtypography && setting.align != Alignment::center && !protrude_.empty();
  // How far the character at [at, at + length) of `text` may hang, as a fraction (0: not at all).
  auto factor = [&](const std::string& text, std::size_t at, bool left) {
    std::size_t length = util::utf8_sequence_length(static_cast<unsigned char>(text[at]));
    if (length == 0 || at + length > text.size()) return 0.0;
    auto found = protrude_.find(text.substr(at, length));
    if (found == protrude_.end()) return 0.0;
    return left ? found->second.left : found->second.right;
  };
  // Sets the box's protrusion from its first and last character (shaped alone for their widths).
  auto hang = [&](Item& box, const std::string& text, const text::FontKey& key) {
    if (protrude_lead_[static_cast<unsigned char>(text.front())]) {
      if (double f = factor(text, 0, true); f > 0) {
        std::size_t length = util::utf8_sequence_length(static_cast<unsigned char>(text.front()));
        box.protrude_left = f * shaper_.shape(std::string_view(text).substr(0, length), key).width_pt;
      }
    }
    std::size_t last = text.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
    if (protrude_lead_[static_cast<unsigned char>(text[last])]) {
      if (double f = factor(text, last, false); f > 0) {
        box.protrude_right = f * shaper_.shape(std::string_view(text).substr(last), key).width_pt;
      }
    }
  };
  double hyphen_hang = 0;
  if (protrude) {
    std::string dash = "-";
    hyphen_hang = factor(dash, 0, false) * hyphen.width_pt;
  }

  auto push = [&](Item item, Payload payload = {}) {
    items.push_back(item);
    payloads.push_back(std::move(payload));
  };
  auto add_glue = [&](const text::FontMetrics& metrics) {
    if (items.empty() || items.back().kind == Item::Kind::glue) return;
    Item glue;
    glue.kind = Item::Kind::glue;
    glue.width = metrics.space_pt;
    if (justify) {
      glue.stretch = metrics.space_pt * template_.typography.word_space_stretch;
      glue.shrink = metrics.space_pt * template_.typography.word_space_shrink;
      push(glue);
    } else {
      glue.stretch = metrics.space_pt * 3;
      Payload p;
      p.natural_glue = true;
      push(glue, p);
    }
  };
  auto add_box = [&](std::string_view fragment, const text::FontKey& key, const Payload& base) {
    std::string clean = without_soft_hyphens(fragment);
    if (clean.empty()) return;
    Payload p = base;
    p.shaped = &shaper_.shape(clean, key);
    p.key = key;
    p.text = clean;
    Item box;
    box.kind = Item::Kind::box;
    box.width = p.shaped->width_pt;
    if (protrude) hang(box, clean, key);
    push(box, p);
  };
  auto add_hyphen_penalty = [&](double width) {
    Item penalty;
    penalty.kind = Item::Kind::penalty;
    penalty.width = width;
    penalty.penalty = typography.hyphen_penalty;
    penalty.flagged = true;
    penalty.protrude_right = hyphen_hang;
    push(penalty);
  };

  bool after_space = true;
  for (const doc::Span& original : spans) {
    doc::Span span = original;
    if ((span.kind == doc::SpanKind::reference || span.kind == doc::SpanKind::page_reference) &&
        setting.resolve_reference) {
      span.text = setting.resolve_reference(span);
    }
    if (template_.smart_quotes) span.text = smart_quotes(span.text, after_space);
    text::FontKey key = font_for(style, span.style);
    if (setting.force_bold) key.bold = true;
    Payload base;
    base.color = span.style.color.empty() ? base_color : template_.color(span.style.color);
    if (span.kind == doc::SpanKind::link) base.link = span.target;
    if (span.kind == doc::SpanKind::reference || span.kind == doc::SpanKind::page_reference) base.link = "#" + span.target;
    if (span.style.script == doc::Script::superscript) base.rise = style.size_pt * 0.33;
    if (span.style.script == doc::Script::subscript) base.rise = -style.size_pt * 0.15;
    if (span.kind == doc::SpanKind::footnote && span.footnote) {
      int number = setting.footnote_number ? setting.footnote_number(*span.footnote) : 0;
      text::FontKey mark = key;
      mark.size_pt = style.size_pt * 0.62;
      Payload p = base;
      p.rise = style.size_pt * 0.36;
      p.footnote = span.footnote;
      p.footnote_number = number;
      add_box(std::to_string(number), mark, p);
      continue;
    }
    const text::FontMetrics& metrics = shaper_.metrics(key);
    std::string content = style.uppercase ? upper_tr(span.text) : span.text;
    std::size_t i = 0;
    while (i < content.size()) {
      if (is_space(static_cast<unsigned char>(content[i]))) {
        add_glue(metrics);
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < content.size() && !is_space(static_cast<unsigned char>(content[end]))) ++end;
      std::string_view word(content.data() + i, end - i);
      // Explicit hyphens ("Kültür-Sanat") are break points of their own.
      std::size_t part_start = 0;
      while (part_start <= word.size()) {
        std::size_t dash = word.find('-', part_start + 1);
        bool has_dash = dash != std::string_view::npos && dash + 1 < word.size();
        std::string_view part = word.substr(part_start, has_dash ? dash + 1 - part_start : std::string_view::npos);
        std::vector<std::size_t> points;
        if (style.hyphenate && utf8_length(part) >= 5 && !has_dash) points = text::hyphenation_points(part);
        std::size_t from = 0;
        for (std::size_t point : points) {
          if (point <= from || point >= part.size()) continue;
          add_box(part.substr(from, point - from), key, base);
          add_hyphen_penalty(hyphen.width_pt);
          from = point;
        }
        add_box(part.substr(from), key, base);
        if (!has_dash) break;
        Item penalty;
        penalty.kind = Item::Kind::penalty;
        penalty.penalty = 50;
        penalty.flagged = true;
        push(penalty);
        part_start = dash + 1;
      }
      i = end;
    }
  }
  while (!items.empty() && items.back().kind == Item::Kind::glue) {
    items.pop_back();
    payloads.pop_back();
  }
  if (items.empty()) return false;
  // The last word of a paragraph is not hyphenated (a syllable alone on the last line), unless
  // the paragraph cannot be set within the spacing limits otherwise (lines_of).
  prepared.hyphen_penalty = typography.hyphen_penalty;
  for (std::size_t k = items.size(); k-- > 0 && items[k].kind != Item::Kind::glue;) {
    if (items[k].kind == Item::Kind::penalty && items[k].flagged && items[k].width > 0) {
      items[k].penalty = 10000;
      prepared.last_word_points.push_back(k);
    }
  }
  Item fill;
  fill.kind = Item::Kind::glue;
  fill.stretch = infinite_stretch;
  push(fill);
  Item end;
  end.kind = Item::Kind::penalty;
  end.penalty = -10000;
  push(end);
  return true;
}

std::vector<Element> ParagraphSetter::set_uncached(const std::vector<doc::Span>& spans,
                                                   const ParagraphSetting& setting, SetStats* stats) {
  Prepared prepared;
  if (!prepare(spans, setting, prepared)) return {};
  std::vector<Element> lines = lines_of(prepared, setting, params_, stats);
  merge_words(lines);
  return lines;
}

// Parts of one word set side by side on a line (syllables between hyphenation points not taken,
// and the hyphen itself) are shaped again as one piece, so that kerning and ligatures across
// those points survive (ff, fi, "Te"). The merged piece starts where the first part did; the
// difference in width (a kerning pair at most) is left in the following space. Idempotent.
void ParagraphSetter::merge_words(std::vector<Element>& lines) {
  for (Element& line : lines) {
    std::vector<Run> merged;
    double end_x = 0;  // where the parts of the last run ended as first set
    // Where the run after `run` starts when it continues the same word: its scaled width and,
    // when letter-spaced, the space after each of its characters.
    auto end_of = [](const Run& run) {
      if (!run.shaped) return run.x;
      double end = run.x + run.shaped->width_pt * run.x_scale;
      if (run.letter_space_pt != 0) end += run.letter_space_pt * static_cast<double>(utf8_length(run.shaped->text));
      return end;
    };
    for (const Run& run : line.runs) {
      if (!merged.empty()) {
        Run& previous = merged.back();
        if (previous.shaped && run.shaped && previous.shaped->font == run.shaped->font &&
            previous.baseline == run.baseline && previous.color.r == run.color.r &&
            previous.color.g == run.color.g && previous.color.b == run.color.b &&
            previous.x_scale == run.x_scale && previous.letter_space_pt == run.letter_space_pt &&
            std::abs(end_x - run.x) < 0.01) {
          end_x = end_of(run);
          previous.shaped = &shaper_.shape(previous.shaped->text + run.shaped->text, previous.shaped->font);
          continue;
        }
      }
      merged.push_back(run);
      end_x = end_of(run);
    }
    line.runs = std::move(merged);
  }
}

namespace {

// How one line is set: the share of the adjustment its glyphs take (font expansion, a fraction
// of their width), the ratio of its word spaces, and the letter-spacing of its last resort.
struct LineSetting {
  double expand = 0;
  double glue_ratio = 0;
  double letter_space = 0;
  double set_width = 0;  // the width the line takes, hanging marks included
};

// Characters a letter-spaced box has space after: all of them, except the last of a word.
std::size_t letter_gaps(const std::vector<Item>& items, const std::vector<Payload>& payloads, std::size_t k,
                        std::size_t stop, bool hyphenated) {
  std::size_t count = utf8_length(payloads[k].text);
  bool word_end = k + 1 >= stop ? !hyphenated : items[k + 1].kind == Item::Kind::glue;
  return word_end && count > 0 ? count - 1 : count;
}

}  // namespace

// Breaks prepared items into lines and positions the runs. Touches neither the Shaper nor the
// template, so prepared paragraphs can be set on several threads at once.
std::vector<Element> ParagraphSetter::lines_of(const Prepared& prepared, const ParagraphSetting& setting,
                                               const text::BreakParams& setter_params, SetStats* stats) {
  const std::vector<Payload>& payloads = prepared.payloads;
  const Color base_color = prepared.base_color;
  const bool justify = setting.align == Alignment::justify;
  const text::Shaped& hyphen = *prepared.hyphen;
  text::BreakParams params = setter_params;
  params.expansion = prepared.expansion;

  auto line_width = [&](std::size_t line) {
    return setting.width_pt - setting.left_indent_pt - (line == 0 ? setting.first_indent_pt : 0);
  };
  text::BreakResult result = text::break_paragraph(prepared.items, line_width, params);
  // Only the emergency pass could set it: try again with the last word's hyphenation points.
  std::vector<Item> with_last_word;
  if (result.pass == 3 && !prepared.last_word_points.empty()) {
    with_last_word = prepared.items;
    for (std::size_t k : prepared.last_word_points) with_last_word[k].penalty = prepared.hyphen_penalty;
    text::BreakResult again = text::break_paragraph(with_last_word, line_width, params);
    if (again.pass != 0 && again.pass < 3) result = std::move(again);
    else with_last_word.clear();
  }
  const std::vector<Item>& items = with_last_word.empty() ? prepared.items : with_last_word;
  const std::vector<text::LineBreak>& breaks = result.lines;

  double ascent = prepared.ascent, descent = prepared.descent;
  double leading = prepared.leading;
  double baseline = (leading + ascent - descent) / 2;

  std::vector<Element> lines;
  std::size_t start = 0;
  for (std::size_t b = 0; b < breaks.size(); ++b) {
    std::size_t stop = breaks[b].index;
    // Discardable items after a break are skipped.
    while (start < stop && items[start].kind != Item::Kind::box) ++start;
    bool last = b + 1 == breaks.size();
    bool hyphenated = items[stop].kind == Item::Kind::penalty && items[stop].width > 0 && !last;
    bool flagged_break = items[stop].kind == Item::Kind::penalty && items[stop].flagged && !last;
    double natural = 0, stretch = 0, shrink = 0, boxes = 0, spaces = 0;
    bool has_fill = false;
    for (std::size_t k = start; k < stop; ++k) {
      const Item& it = items[k];
      if (it.kind == Item::Kind::box) {
        natural += it.width;
        boxes += it.width;
      } else if (it.kind == Item::Kind::glue) {
        natural += it.width;
        if (it.stretch >= infinite_stretch) has_fill = true;
        else if (!payloads[k].natural_glue) {
          stretch += it.stretch;
          shrink += it.shrink;
          spaces += it.width;
        }
      }
    }
    if (hyphenated) {
      natural += items[stop].width;
      boxes += items[stop].width;
    }
    // Character protrusion: the marks at both ends hang into the margins (as the breaker saw it).
    double hang_left = start < stop && items[start].kind == Item::Kind::box ? items[start].protrude_left : 0;
    double hang_right = 0;
    if (!last) {
      if (hyphenated) hang_right = items[stop].protrude_right;
      else if (stop > start && items[stop - 1].kind == Item::Kind::box) hang_right = items[stop - 1].protrude_right;
    }
    double width = line_width(b);
    double target = width + hang_left + hang_right;

    LineSetting set;
    if (justify) {
      // The glyphs take the adjustment first (in steps of expansion_step, within ±expansion),
      // as the breaker assumed; the word spaces take what is left.
      const double gap = target - natural;
      if (prepared.expansion > 0 && boxes > 0 && (gap < 0 || !has_fill)) {
        double e = std::clamp(gap / boxes, -prepared.expansion, prepared.expansion);
        if (prepared.expansion_step > 0) e = std::round(e / prepared.expansion_step) * prepared.expansion_step;
        set.expand = std::clamp(e, -prepared.expansion, prepared.expansion);
      }
      double rest = target - natural - set.expand * boxes;
      if (rest > 0 && stretch > 0 && !has_fill) set.glue_ratio = rest / stretch;
      else if (rest < 0 && shrink > 0) set.glue_ratio = std::max(-1.0, rest / shrink);
      // Letter-spacing, the last resort: only where the word spaces would grow beyond their
      // limit, and never by more than its own.
      double room = rest - (prepared.word_space_max - 1) * spaces;
      if (prepared.letter_space_max_pt > 0 && !has_fill && rest > 0 && room > 0.01) {
        std::size_t gaps = 0;
        for (std::size_t k = start; k < stop; ++k) {
          if (items[k].kind == Item::Kind::box) gaps += letter_gaps(items, payloads, k, stop, hyphenated);
        }
        if (gaps > 0) {
          set.letter_space = std::min(prepared.letter_space_max_pt, room / static_cast<double>(gaps));
          rest -= set.letter_space * static_cast<double>(gaps);
          set.glue_ratio = stretch > 0 ? rest / stretch : 0;
        }
      }
    }
    double letter_total = 0;
    if (set.letter_space > 0) {
      for (std::size_t k = start; k < stop; ++k) {
        if (items[k].kind == Item::Kind::box)
          letter_total += set.letter_space * static_cast<double>(letter_gaps(items, payloads, k, stop, hyphenated));
      }
    }
    set.set_width = natural + set.expand * boxes +
                    (set.glue_ratio > 0 ? set.glue_ratio * stretch : set.glue_ratio * shrink) + letter_total;
    // Ragged lines are never loose; any line can be overfull (a word wider than the measure).
    bool overfull = set.set_width > target + 0.5;
    bool loose = overfull || (justify && !has_fill && set.glue_ratio > params.tolerance + 1e-9);
    Element line;
    line.height = leading;
    line.matter = doc::Matter::body;
    double x = setting.left_indent_pt + (b == 0 ? setting.first_indent_pt : 0) - hang_left;
    if (setting.align == Alignment::center) x += std::max(0.0, (width - set.set_width) / 2);
    if (setting.align == Alignment::end) x += std::max(0.0, target - set.set_width);
    const double scale = 1 + set.expand;
    for (std::size_t k = start; k < stop; ++k) {
      const Item& it = items[k];
      const Payload& p = payloads[k];
      if (it.kind == Item::Kind::box) {
        line.runs.push_back(Run{p.shaped, x, baseline - p.rise, p.color, scale, set.letter_space});
        double advance = it.width * scale;
        if (set.letter_space > 0)
          advance += set.letter_space * static_cast<double>(letter_gaps(items, payloads, k, stop, hyphenated));
        if (!p.link.empty()) line.links.push_back(LinkArea{x, 0, advance, leading, p.link});
        if (p.footnote && setting.footnote_lines) {
          auto notes = setting.footnote_lines(*p.footnote, p.footnote_number);
          line.footnotes.insert(line.footnotes.end(), notes.begin(), notes.end());
        }
        x += advance;
      } else if (it.kind == Item::Kind::glue && it.stretch < infinite_stretch) {
        double w = it.width;
        if (!p.natural_glue) w += set.glue_ratio > 0 ? set.glue_ratio * it.stretch : set.glue_ratio * it.shrink;
        x += w;
      }
    }
    if (hyphenated) {
      Color c = base_color;
      for (std::size_t k = stop; k-- > start;) {
        if (items[k].kind == Item::Kind::box) {
          c = payloads[k].color;
          break;
        }
      }
      line.runs.push_back(Run{&hyphen, x, baseline, c, scale, set.letter_space});
    }
    line.ends_with_hyphen = flagged_break;
    if (loose) line.loose.push_back(setting.where + ", line " + std::to_string(b + 1));
    if (stats) {
      stats->lines++;
      stats->hyphenated += flagged_break;
      stats->loose += loose;
    }
    lines.push_back(std::move(line));
    start = stop + 1;
  }
  std::size_t n = lines.size();
  for (std::size_t i = 0; i < n; ++i) {
    // Two lines at least at the foot (orphan) and at the head (widow) of a page; a hyphenated
    // line never ends a page.
    if (n > 1 && (i == 0 || i + 2 == n)) lines[i].keep_with_next = true;
    if (lines[i].ends_with_hyphen) lines[i].keep_with_next = true;
  }
  return lines;
}

void SetBatch::add(std::string key, ParagraphSetter::Prepared prepared, const ParagraphSetting& setting,
                   const text::BreakParams& params) {
  params_ = params;
  Job job;
  job.prepared = std::move(prepared);
  job.setting = setting;
  // The copy must not reach back into the engine from another thread.
  job.setting.style = nullptr;
  job.setting.footnote_number = nullptr;
  job.setting.footnote_lines = nullptr;
  keys_.emplace(key, jobs_.size());
  job.key = std::move(key);
  jobs_.push_back(std::move(job));
  if (jobs_.size() >= capacity) run();
}

void SetBatch::run() {
  if (jobs_.empty()) return;
  std::vector<SetCache::Entry> results(jobs_.size());
  // A paragraph that failed here (out of memory) is left out: the real pass sets it again on
  // the main thread, where the error surfaces as usual.
  std::vector<char> done(jobs_.size(), 0);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < jobs_.size(); i = next++) {
      try {
        results[i].lines = ParagraphSetter::lines_of(jobs_[i].prepared, jobs_[i].setting, params_, &results[i].stats);
        done[i] = 1;
      } catch (...) {
      }
    }
  };
  const unsigned extra = std::min<unsigned>(threads_ - 1, static_cast<unsigned>(jobs_.size() / 8));
  util::run_each(extra + 1, [&](std::size_t) { work(); });
  for (std::size_t i = 0; i < jobs_.size(); ++i) {
    if (done[i]) cache_.entries.emplace(std::move(jobs_[i].key), std::move(results[i]));
  }
  jobs_.clear();
  keys_.clear();
}

unsigned setting_threads() {
  // One by default: measured on the bench books (docs/performance.md), the speculative run
  // costs about what the second core saves once every paragraph is set only once per book.
  if (const char* value = std::getenv("DIZGI_THREADS")) {
    int n = std::atoi(value);
    if (n >= 1) return static_cast<unsigned>(std::min(n, 64));
  }
  return 1;
}

}  // namespace dizgi::layout
