#include "layout/engine.hpp"

#include "layout/paragraph.hpp"
#include "text/case.hpp"

#include <dizgi/model/format.hpp>


#include <algorithm>
#include <cctype>
#include <cairo.h>
#include <cmath>
#include <set>
#include <tuple>
#include <sstream>
#ifdef DIZGI_HAVE_RSVG
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>
#endif

namespace dizgi::layout {

std::string upper_tr(const std::string& text) { return text::to_upper_tr(text); }

// Front-matter page labels are lower-case roman numerals.
std::string roman(int number) {
  std::string label = format_roman(number);
  for (char& c : label) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return label;
}

namespace {

std::string plain_text(const std::vector<doc::Span>& spans) {
  std::string out;
  for (const doc::Span& s : spans) out += s.text;
  return out;
}

std::vector<doc::Span> spans_of(const std::string& text, bool bold = false) {
  doc::Span span;
  span.text = text;
  span.style.bold = bold;
  return {span};
}

struct ListEntry {
  int level = 1;
  std::string text;
  std::string id;
};

struct Prescan {
  std::vector<ListEntry> contents;
  std::vector<ListEntry> tables;
  std::vector<ListEntry> charts;
  std::vector<ListEntry> figures;
  std::map<const void*, std::string> ids;       // block -> anchor id
  std::map<const void*, std::string> captions;  // block -> "Tablo 3: ..."
  std::map<const void*, std::string> numbers;   // heading -> number from the template
  std::map<std::string, std::string> labels;    // anchor id -> "Tablo 3.2", "III-A"
  bool needs_pages = false;                     // a TOC, a list or a page reference exists
};

std::string number_heading(const Numbering& numbering, const int (&counters)[7], int level) {
  int n = counters[level];
  std::string text;
  if (numbering.style == "roman") text = format_roman(n);
  else if (numbering.style == "letter") text = format_letter_tr(n);
  else if (numbering.style == "decimal") text = std::to_string(n);
  else if (numbering.style == "decimal-path") {
    for (int l = 1; l <= level; ++l) {
      if (!text.empty()) text += ".";
      text += std::to_string(std::max(1, counters[l]));
    }
  } else return {};
  return text + numbering.suffix;
}

Prescan prescan(const doc::Document& document, const Template& style) {
  Prescan scan;
  int heading_count = 0, table_count = 0, chart_count = 0, figure_count = 0;
  int counters[7] = {0, 0, 0, 0, 0, 0, 0};
  int chapter = 0, table_in_chapter = 0, chart_in_chapter = 0, figure_in_chapter = 0;
  bool by_chapter = style.captions.numbering == "chapter";
  auto label = [&](const std::string& word, int whole, int in_chapter) {
    if (by_chapter && chapter > 0) return word + " " + std::to_string(chapter) + "." + std::to_string(in_chapter);
    return word + " " + std::to_string(whole);
  };
  auto has_page_reference = [](const std::vector<doc::Span>& spans) {
    for (const doc::Span& span : spans)
      if (span.style.style == "xref-page") return true;
    return false;
  };
  for (const doc::Section& section : document.sections) {
    for (const doc::Block& block : section.blocks) {
      if (std::holds_alternative<doc::ListOf>(block)) scan.needs_pages = true;
      if (auto* p = std::get_if<doc::Paragraph>(&block); p && has_page_reference(p->content)) scan.needs_pages = true;
      if (auto* l = std::get_if<doc::List>(&block)) {
        for (const auto& item : l->items)
          if (has_page_reference(item.content)) scan.needs_pages = true;
      }
      if (auto* h = std::get_if<doc::Heading>(&block)) {
        int level = std::clamp(h->level, 1, 6);
        ++counters[level];
        for (int l = level + 1; l < 7; ++l) counters[l] = 0;
        if (level == 1 && section.matter == doc::Matter::body) {
          ++chapter;
          table_in_chapter = chart_in_chapter = figure_in_chapter = 0;
        }
        std::string number = h->number;
        if (number.empty()) {
          auto numbering = style.numbering.find(level);
          if (numbering != style.numbering.end()) number = number_heading(numbering->second, counters, level);
          if (!number.empty()) scan.numbers[h] = number;
        }
        std::string id = h->id.empty() ? "h" + std::to_string(++heading_count) : h->id;
        scan.ids[h] = id;
        std::string title = plain_text(h->content);
        scan.labels[id] = number.empty() ? title : number;
        if (h->in_toc) scan.contents.push_back({h->level, number.empty() ? title : number + " " + title, id});
      } else if (auto* t = std::get_if<doc::Table>(&block)) {
        ++table_count;
        ++table_in_chapter;
        std::string id = t->id.empty() ? "tablo-" + std::to_string(table_count) : t->id;
        scan.ids[t] = id;
        std::string name = label(style.captions.table, table_count, table_in_chapter);
        scan.labels[id] = name;
        if (!t->caption.empty()) {
          std::string caption = name + style.captions.separator + t->caption;
          scan.captions[t] = caption;
          scan.tables.push_back({1, caption, id});
        }
      } else if (auto* c = std::get_if<doc::Chart>(&block)) {
        ++chart_count;
        ++chart_in_chapter;
        std::string id = c->id.empty() ? "grafik-" + std::to_string(chart_count) : c->id;
        scan.ids[c] = id;
        std::string name = label(style.captions.chart, chart_count, chart_in_chapter);
        scan.labels[id] = name;
        std::string caption = name + style.captions.separator + c->caption;
        scan.captions[c] = caption;
        scan.charts.push_back({1, caption, id});
      } else if (auto* image = std::get_if<doc::Image>(&block)) {
        if (image->caption.empty()) continue;
        ++figure_count;
        ++figure_in_chapter;
        std::string id = "sekil-" + std::to_string(figure_count);
        auto given = image->props.find("id");
        if (given != image->props.end()) id = given->second;
        scan.ids[image] = id;
        std::string name = label(style.captions.figure, figure_count, figure_in_chapter);
        scan.labels[id] = name;
        std::string caption = name + style.captions.separator + image->caption;
        scan.captions[image] = caption;
        scan.figures.push_back({1, caption, id});
      }
    }
  }
  return scan;
}

class Builder {
 public:
  Builder(const doc::Document& document, const Template& style, text::Shaper& shaper,
          DiagnosticSink& sink, const EngineOptions& options, const Prescan& scan,
          const std::map<std::string, std::string>& page_of_id, SetCache* cache = nullptr,
          SetBatch* batch = nullptr)
      : document_(document), template_(style), shaper_(shaper), sink_(sink), options_(options),
        scan_(scan), page_of_id_(page_of_id), setter_(style, shaper, sink) {
    setter_.use_cache(cache);
    setter_.collect_into(batch);
    const PageMaster& p = style.page;
    // Text is set to the column measure; a one-column page has the full text width.
    int columns = std::max(1, p.columns);
    width_ = (mm_to_pt(p.width_mm - p.inner_mm - p.outer_mm) - (columns - 1) * mm_to_pt(p.gutter_mm)) / columns;
    height_ = mm_to_pt(p.height_mm - p.top_mm - p.bottom_mm);
  }

  std::vector<Element> build() {
    for (const doc::Section& section : document_.sections) {
      matter_ = section.matter;
      for (const doc::Block& block : section.blocks) {
        ++block_number_;
        shaper_.set_context("block " + std::to_string(block_number_));  // for missing glyphs
        std::size_t first = elements_.size();
        std::visit([&](const auto& b) { add(b); }, block);
        apply_block_props(block, first);
      }
    }
    shaper_.set_context({});
    return std::move(elements_);
  }

  double text_width() const { return width_; }
  double text_height() const { return height_; }

 private:
  void push(Element element) {
    element.matter = matter_;
    if (pending_break_ != BreakBefore::none) {
      if (element.break_before == BreakBefore::none || pending_break_ == BreakBefore::recto)
        element.break_before = pending_break_;
      pending_break_ = BreakBefore::none;
    }
    elements_.push_back(std::move(element));
  }

  void push_lines(std::vector<Element> lines, const Style& style, bool keep_all = false) {
    if (lines.empty()) return;
    lines.front().space_before = std::max(lines.front().space_before, style.space_before_pt);
    lines.back().height += style.space_after_pt;
    for (Element& line : lines) {
      if (keep_all || style.keep_with_next) line.keep_with_next = true;
      push(std::move(line));
    }
    if (!keep_all && !style.keep_with_next) elements_.back().keep_with_next = false;
  }

  ParagraphSetting setting_for(const Style& style, double width) {
    ParagraphSetting s;
    s.width_pt = width;
    s.style = &style;
    s.align = style.align;
    s.first_indent_pt = style.first_indent_pt;
    s.left_indent_pt = style.left_indent_pt;
    s.where = "block " + std::to_string(block_number_);
    s.footnote_number = [this](const doc::Footnote&) { return ++footnote_count_; };
    s.resolve_reference = [this](const doc::Span& span) { return resolve(span); };
    s.footnote_lines = [this](const doc::Footnote& note, int number) {
      const Style& fs = template_.style("footnote");
      std::vector<doc::Span> spans;
      doc::Span mark;
      mark.text = std::to_string(number);
      mark.style.script = doc::Script::superscript;
      spans.push_back(mark);
      doc::Span gap;
      gap.text = " ";
      spans.push_back(gap);
      spans.insert(spans.end(), note.content.begin(), note.content.end());
      ParagraphSetting ns;
      ns.width_pt = width_;
      ns.style = &fs;
      ns.align = fs.align;
      ns.where = "footnote " + std::to_string(number);
      auto lines = setter_.set(spans, ns);
      std::vector<std::shared_ptr<Element>> out;
      for (Element& line : lines) out.push_back(std::make_shared<Element>(std::move(line)));
      return out;
    };
    return s;
  }

  // Block properties that act on all the elements of a block: keep-together (never split
  // across pages) and float (a chart, figure or table that may move to the next page when it
  // does not fit, letting the text after it fill the page; charts and figures float unless
  // float="none", tables only with float="auto").
  void apply_block_props(const doc::Block& block, std::size_t first) {
    if (first >= elements_.size()) return;
    const doc::Props* props = std::visit(
        [](const auto& b) -> const doc::Props* {
          if constexpr (requires { b.props; }) return &b.props;
          else return nullptr;
        },
        block);
    if (!props) return;
    auto value = [&](const char* key) {
      auto it = props->find(key);
      return it == props->end() ? std::string() : it->second;
    };
    if (value("keep-together") == "true") {
      for (std::size_t k = first; k + 1 < elements_.size(); ++k) elements_[k].keep_with_next = true;
    }
    std::string floating = value("float");
    bool figure = std::holds_alternative<doc::Chart>(block) || std::holds_alternative<doc::Image>(block);
    bool may_float = figure ? floating != "none" : (std::holds_alternative<doc::Table>(block) && floating == "auto");
    if (may_float) {
      ++float_groups_;
      for (std::size_t k = first; k < elements_.size(); ++k) elements_[k].float_group = float_groups_;
    }
  }

  // Cross references: the target's label, or its page (a placeholder until the next pass).
  std::string resolve(const doc::Span& span) {
    std::string id = span.style.link.size() > 1 ? span.style.link.substr(1) : std::string();
    if (span.style.style == "xref-page") {
      auto page = page_of_id_.find(id);
      return page == page_of_id_.end() ? "00" : page->second;
    }
    auto label = scan_.labels.find(id);
    if (label != scan_.labels.end()) return label->second;
    if (!reported_refs_.count(id)) {
      reported_refs_.insert(id);
      sink_.warn("layout.unresolved-reference", Location{{}, 0, 0, "block " + std::to_string(block_number_)},
                 "cross reference to unknown target '" + id + "'", "check the id of the table, chart or heading");
    }
    return "??";
  }

  void add(const doc::Heading& h) {
    std::string style_name = h.style.empty() ? "h" + std::to_string(std::clamp(h.level, 1, 4)) : h.style;
    const Style& style = template_.style(style_name);
    std::vector<doc::Span> spans;
    std::string number_text = h.number;
    if (number_text.empty()) {
      auto assigned = scan_.numbers.find(&h);
      if (assigned != scan_.numbers.end()) number_text = assigned->second;
    }
    if (!number_text.empty()) {
      doc::Span number;
      number.text = number_text + " ";
      spans.push_back(number);
    }
    spans.insert(spans.end(), h.content.begin(), h.content.end());
    auto lines = setter_.set(spans, setting_for(style, width_));
    if (lines.empty()) return;
    Element& first = lines.front();
    first.heading_level = h.level;
    first.heading_text = (number_text.empty() ? "" : number_text + " ") + plain_text(h.content);
    first.heading_id = scan_.ids.at(&h);
    first.anchors.push_back(first.heading_id);
    bool opener = h.chapter_opener || h.level == 1;
    if (opener) {
      first.break_before = template_.chapter_on_recto ? BreakBefore::recto : BreakBefore::page;
      first.suppress_furniture = true;
      // The chapter title sits lower on its opening page.
      first.space_before = mm_to_pt(30);
    }
    push_lines(std::move(lines), style, true);
    if (opener) elements_.back().height += 0;
  }

  void add(const doc::Paragraph& p) {
    const Style& style = template_.style(p.style.empty() ? "body" : p.style);
    // A paragraph right after a heading is not indented (book convention).
    ParagraphSetting s = setting_for(style, width_);
    if (!elements_.empty() && elements_.back().heading_level == 0 && after_heading_) s.first_indent_pt = 0;
    if (last_was_heading()) s.first_indent_pt = 0;
    push_lines(setter_.set(p.content, s), style);
  }

  bool last_was_heading() const {
    for (auto it = elements_.rbegin(); it != elements_.rend(); ++it) {
      if (it->heading_level > 0) return true;
      if (!it->keep_with_next) return false;
    }
    return false;
  }

  void add(const doc::List& list) {
    const Style& style = template_.style(list.style.empty() ? "list" : list.style);
    int number = 0;
    for (const doc::ListItem& item : list.items) {
      ++number;
      ParagraphSetting s = setting_for(style, width_);
      s.first_indent_pt = 0;
      s.left_indent_pt = style.left_indent_pt + item.level * 14;
      if (s.align == Alignment::justify) s.align = Alignment::justify;
      auto lines = setter_.set(item.content, s);
      if (lines.empty()) continue;
      std::string marker = list.ordered ? std::to_string(number) + "." : "•";
      doc::InlineStyle plain;
      const text::Shaped& shaped = shaper_.shape(marker, setter_.font_for(style, plain));
      double baseline = lines.front().runs.empty() ? style.leading_pt * 0.75 : lines.front().runs.front().baseline;
      lines.front().runs.push_back(Run{&shaped, s.left_indent_pt - shaped.width_pt - 5, baseline,
                                       template_.color(list.ordered ? style.color : "ana")});
      lines.front().space_before = number == 1 ? 3 : 1.5;
      push_lines(std::move(lines), style);
    }
  }

  void add_caption(const std::string& caption, const std::string& id) {
    const Style& style = template_.style("caption");
    auto lines = setter_.set(spans_of(caption), setting_for(style, width_));
    if (!lines.empty()) lines.front().anchors.push_back(id);
    push_lines(std::move(lines), style, true);
  }

  void add_note(const std::string& note) {
    if (note.empty()) return;
    const Style& style = template_.style("table-note");
    push_lines(setter_.set(spans_of(note), setting_for(style, width_)), style);
  }

  std::vector<double> column_widths(const doc::Table& t, std::size_t count) {
    std::vector<double> widths(count, -1);
    double used = 0;
    int autos = 0;
    for (std::size_t c = 0; c < count; ++c) {
      std::string spec = c < t.columns.size() ? t.columns[c].width : "auto";
      try {
        if (!spec.empty() && spec.back() == '%') widths[c] = width_ * std::stod(spec.substr(0, spec.size() - 1)) / 100;
        else if (!spec.empty() && spec != "auto") widths[c] = parse_length_pt(spec);
      } catch (const std::exception&) {
        sink_.warn("layout.table-width", Location{{}, 0, 0, "table '" + t.id + "'"},
                   "column " + std::to_string(c + 1) + ": unreadable width '" + spec + "'");
      }
      if (widths[c] < 0) ++autos;
      else used += widths[c];
    }
    // Automatic columns: each gets at least its longest word (numbers are never broken),
    // then what is left goes to the columns whose text wants more room, in proportion.
    std::vector<double> least(count, 0), natural(count, 0);
    const Style& cell = template_.style("table");
    double pad2 = 2 * template_.table.cell_padding_pt;
    auto consider = [&](const std::vector<std::vector<doc::TableCell>>& rows, bool bold) {
      for (const auto& row : rows) {
        std::size_t c = 0;
        for (const doc::TableCell& tc : row) {
          if (c < count && tc.col_span == 1) {
            std::string text = plain_text(tc.content);
            natural[c] = std::max(natural[c], setter_.measure(text, cell, bold) + pad2);
            std::istringstream words(text);
            std::string word;
            while (words >> word) least[c] = std::max(least[c], setter_.measure(word, cell, bold) + pad2);
          }
          c += static_cast<std::size_t>(std::max(1, tc.col_span));
        }
      }
    };
    consider(t.header, true);
    consider(t.body, false);
    consider(t.footer, true);
    if (autos > 0) {
      double remaining = std::max(0.0, width_ - used);
      double sum_least = 0, sum_want = 0, sum_natural = 0;
      for (std::size_t c = 0; c < count; ++c) {
        if (widths[c] >= 0) continue;
        sum_least += least[c];
        sum_want += std::max(0.0, natural[c] - least[c]);
        sum_natural += natural[c];
      }
      for (std::size_t c = 0; c < count; ++c) {
        if (widths[c] >= 0) continue;
        double want = std::max(0.0, natural[c] - least[c]);
        if (sum_least >= remaining) widths[c] = remaining * (sum_least > 0 ? least[c] / sum_least : 1.0 / autos);
        else if (sum_want <= remaining - sum_least)
          widths[c] = natural[c] + (remaining - sum_least - sum_want) * (sum_natural > 0 ? natural[c] / sum_natural : 1.0 / autos);
        else widths[c] = least[c] + (remaining - sum_least) * (sum_want > 0 ? want / sum_want : 1.0 / autos);
      }
    }
    // A given width never squeezes a column below its longest word: take the room from the
    // columns that have some to spare.
    double deficit = 0, slack = 0;
    for (std::size_t c = 0; c < count; ++c) {
      if (widths[c] < least[c]) deficit += least[c] - widths[c];
      else slack += widths[c] - least[c];
    }
    if (deficit > 0 && slack > 0) {
      double take = std::min(1.0, deficit / slack);
      for (std::size_t c = 0; c < count; ++c) {
        if (widths[c] < least[c]) widths[c] = least[c];
        else widths[c] -= (widths[c] - least[c]) * take;
      }
    }
    double total = 0;
    for (double w : widths) total += w;
    if (total > width_ * 1.001) {
      for (double& w : widths) w *= width_ / total;
    }
    return widths;
  }

  Element table_row(const std::vector<doc::TableCell>& row, const std::vector<double>& widths,
                    const doc::Table& t, int kind /*0 header, 1 body, 2 footer*/, std::size_t index) {
    const TableStyle& ts = template_.table;
    Style cell_style = template_.style("table");
    if (kind == 0) cell_style.hyphenate = false;  // header words are kept whole
    double pad = ts.cell_padding_pt;
    Element element;
    std::vector<std::vector<Element>> cells;
    std::vector<double> xs;
    std::vector<double> ws;
    double x = 0, height = 0;
    std::size_t column = 0;
    for (const doc::TableCell& cell : row) {
      std::size_t span = static_cast<std::size_t>(std::max(1, cell.col_span));
      double w = 0;
      for (std::size_t k = column; k < std::min(widths.size(), column + span); ++k) w += widths[k];
      Alignment align = Alignment::start;
      doc::Align a = cell.align;
      if (a == doc::Align::start && column < t.columns.size()) a = t.columns[column].align;
      if (a == doc::Align::end || a == doc::Align::decimal) align = Alignment::end;
      else if (a == doc::Align::center) align = Alignment::center;
      ParagraphSetting s = setting_for(cell_style, std::max(10.0, w - 2 * pad));
      s.first_indent_pt = 0;
      s.left_indent_pt = 0;
      s.align = kind == 0 && align == Alignment::start ? Alignment::start : align;
      s.force_bold = kind != 1 || cell.style == "total" || cell.style == "emphasis";
      if (kind == 0) s.color = ts.header_color;
      s.where = "table '" + t.id + "', row " + std::to_string(index + 1);
      auto lines = setter_.set(cell.content, s);
      double h = 0;
      for (const Element& l : lines) h += l.height;
      height = std::max(height, h);
      cells.push_back(std::move(lines));
      xs.push_back(x);
      ws.push_back(w);
      x += w;
      column += span;
    }
    element.height = height + 2 * pad;
    Color rule = template_.color(ts.rule_color);
    if (kind == 0) element.rects.push_back(Rect{0, 0, x, element.height, template_.color(ts.header_fill)});
    else if (kind == 2) element.rects.push_back(Rect{0, 0, x, element.height, template_.color(ts.total_fill)});
    else if (index % 2 == 1) element.rects.push_back(Rect{0, 0, x, element.height, template_.color(ts.zebra_fill)});
    for (std::size_t c = 0; c < cells.size(); ++c) {
      double y = pad;
      for (Element& line : cells[c]) {
        for (Run run : line.runs) {
          run.x += xs[c] + pad;
          run.baseline += y;
          element.runs.push_back(run);
        }
        element.footnotes.insert(element.footnotes.end(), line.footnotes.begin(), line.footnotes.end());
        element.loose.insert(element.loose.end(), line.loose.begin(), line.loose.end());
        y += line.height;
      }
      if (kind != 0 && c > 0) element.rules.push_back(Rule{xs[c], 0, xs[c], element.height, 0.3, rule});
    }
    if (kind == 1 || kind == 2) element.rules.push_back(Rule{0, element.height, x, element.height, kind == 2 ? 0.8 : 0.3, rule});
    if (kind == 2) element.rules.push_back(Rule{0, 0, x, 0, 0.8, template_.color(ts.header_fill)});
    return element;
  }

  void add(const doc::Table& t) {
    std::size_t count = t.columns.size();
    auto count_row = [](const std::vector<doc::TableCell>& row) {
      std::size_t n = 0;
      for (const auto& c : row) n += static_cast<std::size_t>(std::max(1, c.col_span));
      return n;
    };
    for (const auto& r : t.header) count = std::max(count, count_row(r));
    for (const auto& r : t.body) count = std::max(count, count_row(r));
    if (count == 0) return;
    auto widths = column_widths(t, count);
    auto caption = scan_.captions.find(&t);
    std::string id = scan_.ids.at(&t);
    if (caption != scan_.captions.end()) add_caption(caption->second, id);
    auto header = std::make_shared<std::vector<Element>>();
    for (std::size_t i = 0; i < t.header.size(); ++i) {
      Element row = table_row(t.header[i], widths, t, 0, i);
      row.keep_with_next = true;
      header->push_back(row);
    }
    for (const Element& row : *header) push(row);
    if (caption == scan_.captions.end() && header->empty() && !elements_.empty()) {
      elements_.back().keep_with_next = elements_.back().keep_with_next;
    }
    for (std::size_t i = 0; i < t.body.size(); ++i) {
      Element row = table_row(t.body[i], widths, t, 1, i);
      row.repeat_header = header->empty() ? nullptr : header;
      // Keep the first two and last two rows together (no lone row at a page edge).
      row.keep_with_next = i == 0 || i + 2 >= t.body.size() + (t.footer.empty() ? 0 : 1);
      if (i + 1 == t.body.size() && t.footer.empty()) row.keep_with_next = !t.note.empty();
      push(std::move(row));
    }
    for (std::size_t i = 0; i < t.footer.size(); ++i) {
      Element row = table_row(t.footer[i], widths, t, 2, i);
      row.repeat_header = header->empty() ? nullptr : header;
      row.keep_with_next = i + 1 < t.footer.size() || !t.note.empty();
      push(std::move(row));
    }
    if (t.note.empty()) {
      elements_.back().height += 10;
    } else {
      add_note(t.note);
    }
  }

  void add(const doc::Chart& chart) {
    auto caption = scan_.captions.find(&chart);
    add_caption(caption->second, scan_.ids.at(&chart));
    Element e;
    double h = mm_to_pt(70);
    e.height = h + 14;
    const Style& label = template_.style("table");
    doc::InlineStyle plain;
    text::FontKey key = setter_.font_for(label, plain);
    key.size_pt = 7.5;
    double left = 34, bottom = h - 22, top = 8, right = width_;
    double max_value = 0;
    for (const auto& s : chart.series)
      for (double v : s.values) max_value = std::max(max_value, v);
    if (max_value <= 0) max_value = 1;
    double magnitude = std::pow(10, std::floor(std::log10(max_value)));
    double step = magnitude;
    while (max_value / step > 6) step *= 2;
    while (max_value / step < 3) step /= 2;
    double axis_max = std::ceil(max_value / step) * step;
    Color grid = template_.color("cizgi");
    for (double v = 0; v <= axis_max + 1e-9; v += step) {
      double y = bottom - (bottom - top) * v / axis_max;
      e.rules.push_back(Rule{left, y, right, y, v == 0 ? 0.6 : 0.25, grid});
      std::ostringstream label_text;
      label_text.imbue(std::locale::classic());
      label_text << v;
      std::string text = label_text.str();
      std::replace(text.begin(), text.end(), '.', ',');
      if (chart.unit == "%") text = "%" + text;
      const text::Shaped& s = shaper_.shape(text, key);
      e.runs.push_back(Run{&s, left - 4 - s.width_pt, y + 2.5, template_.color("gri")});
    }
    std::size_t n = chart.categories.size();
    double series = static_cast<double>(std::max<std::size_t>(1, chart.series.size()));
    double slot = n ? (right - left) / static_cast<double>(n) : 0;
    double bar = slot * 0.7 / series;
    static const char* palette[] = {"ana", "vurgu", "gri"};
    for (std::size_t si = 0; si < chart.series.size(); ++si) {
      const auto& s = chart.series[si];
      Color color = template_.color(s.color.empty() ? palette[si % 3] : s.color);
      for (std::size_t i = 0; i < std::min(n, s.values.size()); ++i) {
        double v = std::max(0.0, s.values[i]);
        double bh = (bottom - top) * v / axis_max;
        double x = left + slot * static_cast<double>(i) + slot * 0.15 + bar * static_cast<double>(si);
        e.rects.push_back(Rect{x, bottom - bh, bar, bh, color});
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      const text::Shaped& s = shaper_.shape(chart.categories[i], key);
      double cx = left + slot * static_cast<double>(i) + slot / 2;
      e.runs.push_back(Run{&s, cx - s.width_pt / 2, bottom + 10, template_.color("text")});
    }
    // Legend.
    double lx = left;
    for (std::size_t si = 0; si < chart.series.size(); ++si) {
      Color color = template_.color(chart.series[si].color.empty() ? palette[si % 3] : chart.series[si].color);
      e.rects.push_back(Rect{lx, h + 2, 7, 7, color});
      const text::Shaped& s = shaper_.shape(chart.series[si].name, key);
      e.runs.push_back(Run{&s, lx + 10, h + 8.5, template_.color("text")});
      lx += 24 + s.width_pt;
    }
    e.height += 8;
    push(std::move(e));
  }

  void add(const doc::Form& form) {
    // A form starts a page; a heading just before it (its annex title) goes along with it.
    std::size_t chain = elements_.size();
    while (chain > 0 && elements_[chain - 1].keep_with_next && elements_[chain - 1].break_before == BreakBefore::none &&
           elements_.size() - chain < 4)
      --chain;
    if (chain < elements_.size() && elements_[chain].heading_level > 0) elements_[chain].break_before = BreakBefore::page;
    else pending_break_ = BreakBefore::page;
    const Style& title = template_.style("form-title");
    auto lines = setter_.set(spans_of(form.title), setting_for(title, width_));
    if (!lines.empty()) {
      lines.front().heading_level = 2;
      lines.front().heading_text = form.title;
      lines.front().heading_id = form.id.empty() ? "form-" + std::to_string(block_number_) : form.id;
      lines.front().anchors.push_back(lines.front().heading_id);
      lines.front().space_before = mm_to_pt(20);
    }
    push_lines(std::move(lines), title, true);
    for (const doc::Paragraph& p : form.body) {
      const Style& style = template_.style(p.style.empty() ? "body" : p.style);
      auto body = setter_.set(p.content, setting_for(style, width_));
      if (!body.empty()) body.back().height += 6;
      push_lines(std::move(body), style, true);
    }
    const Style& label_style = template_.style("body");
    doc::InlineStyle bold;
    bold.bold = true;
    Color rule = template_.color("cizgi");
    double column = width_ * 0.5;
    for (std::size_t i = 0; i < form.fields.size(); ++i) {
      const doc::FormField& field = form.fields[i];
      Element row;
      row.height = field.kind == doc::FieldKind::signature ? 42 : 22;
      row.space_before = i == 0 ? 24 : 0;
      const text::Shaped& label = shaper_.shape(field.label, setter_.font_for(label_style, bold));
      row.runs.push_back(Run{&label, column, 14, template_.color("text")});
      if (!field.value.empty()) {
        const text::Shaped& value = shaper_.shape(field.value, setter_.font_for(label_style, doc::InlineStyle{}));
        row.runs.push_back(Run{&value, column + 80, 14, template_.color("text")});
      } else {
        row.rules.push_back(Rule{column + 80, row.height - 4, width_, row.height - 4, 0.4, rule});
      }
      row.keep_with_next = i + 1 < form.fields.size();
      push(std::move(row));
    }
  }

  void add(const doc::Image& image) {
    std::filesystem::path path = options_.base_dir / image.path;
    double w = width_;
    try {
      if (!image.width.empty() && image.width.back() == '%') w = width_ * std::stod(image.width) / 100;
      else if (!image.width.empty()) w = parse_length_pt(image.width);
    } catch (const std::exception&) {
    }
    double px_w = 0, px_h = 0;
    bool too_large = false;
    std::string ext = path.extension().string();
    if (ext == ".png") {
      cairo_surface_t* s = cairo_image_surface_create_from_png(path.c_str());
      if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
        px_w = cairo_image_surface_get_width(s);
        px_h = cairo_image_surface_get_height(s);
      }
      cairo_surface_destroy(s);
    }
#ifdef DIZGI_HAVE_RSVG
    else if (ext == ".jpg" || ext == ".jpeg" || ext == ".JPG" || ext == ".JPEG") {
      int file_w = 0, file_h = 0;
      if (gdk_pixbuf_get_file_info(path.c_str(), &file_w, &file_h)) {
        px_w = file_w;
        px_h = file_h;
      }
      if (px_w > 32767 || px_h > 32767) {  // more than Cairo's image surfaces hold
        sink_.warn("layout.image-too-large", Location{path.string()},
                   "image is " + std::to_string(file_w) + "x" + std::to_string(file_h) +
                       " pixels, more than 32767 on a side; a placeholder is set in its place",
                   "scale the picture down (300 dpi at its printed size is enough)");
        px_w = px_h = 0;
        too_large = true;
      }
    }
    else if (ext == ".svg") {
      GError* error = nullptr;
      RsvgHandle* handle = rsvg_handle_new_from_file(path.c_str(), &error);
      if (handle) {
        gdouble sw = 0, sh = 0;
        if (rsvg_handle_get_intrinsic_size_in_pixels(handle, &sw, &sh)) {
          px_w = sw;
          px_h = sh;
        }
        g_object_unref(handle);
      }
      if (error) g_error_free(error);
    }
#endif
    Element e;
    if (px_w <= 0 || px_h <= 0) {
      if (!too_large) sink_.warn("layout.missing-image", Location{path.string()},
                 "image cannot be read; a placeholder is set in its place",
                 "check the path (relative to the book file) and that it is a PNG, JPEG or SVG");
      e.height = mm_to_pt(30);
      e.rects.push_back(Rect{0, 0, w, e.height, template_.color("zemin")});
      const text::Shaped& s = shaper_.shape("[görsel yok: " + image.path + "]", setter_.font_for(template_.style("table"), {}));
      e.runs.push_back(Run{&s, 8, e.height / 2 + 3, template_.color("gri")});
    } else {
      double h = w * px_h / px_w;
      if (h > height_ * 0.8) {
        h = height_ * 0.8;
        w = h * px_w / px_h;
      }
      e.height = h + 6;
      Picture picture{0, 0, w, h, path.string(), ext == ".svg" ? 0 : px_w / (w / 72.0)};
      e.pictures.push_back(picture);
    }
    auto caption = scan_.captions.find(&image);
    if (caption != scan_.captions.end()) {
      e.anchors.push_back(scan_.ids.at(&image));
      e.keep_with_next = true;
      push(std::move(e));
      const Style& style = template_.style("caption");
      auto lines = setter_.set(spans_of(caption->second), setting_for(style, width_));
      push_lines(std::move(lines), style);
    } else {
      push(std::move(e));
    }
  }

  void add(const doc::Break& b) {
    pending_break_ = b.kind == doc::BreakKind::recto ? BreakBefore::recto : BreakBefore::page;
  }

  void add(const doc::ListOf& list) {
    const std::vector<ListEntry>* entries = &scan_.contents;
    if (list.kind == doc::ListOfKind::tables) entries = &scan_.tables;
    if (list.kind == doc::ListOfKind::charts) entries = &scan_.charts;
    if (list.kind == doc::ListOfKind::figures) entries = &scan_.figures;
    if (entries->empty() && list.kind != doc::ListOfKind::contents) return;
    const Style& title_style = template_.style("h1");
    auto title_lines = setter_.set(spans_of(list.title), setting_for(title_style, width_));
    if (!title_lines.empty()) {
      Element& first = title_lines.front();
      first.break_before = BreakBefore::recto;
      first.suppress_furniture = true;
      first.space_before = mm_to_pt(30);
      first.heading_level = 1;
      first.heading_text = list.title;
      first.heading_id = "liste-" + std::to_string(block_number_);
      first.anchors.push_back(first.heading_id);
    }
    push_lines(std::move(title_lines), title_style, true);
    double number_column = 28;
    Color leader_color = template_.color("gri");
    for (const ListEntry& entry : *entries) {
      if (entry.level > list.depth) continue;
      const Style& style = template_.style("toc" + std::to_string(std::clamp(entry.level, 1, 3)));
      ParagraphSetting s = setting_for(style, width_ - number_column - 12);
      s.first_indent_pt = 0;
      auto lines = setter_.set(spans_of(entry.text), s);
      if (lines.empty()) continue;
      auto page = page_of_id_.find(entry.id);
      std::string label = page == page_of_id_.end() ? "000" : page->second;
      Element& last = lines.back();
      doc::InlineStyle bold;
      bold.bold = style.bold;
      const text::Shaped& number = shaper_.shape(label, setter_.font_for(style, bold));
      double baseline = last.runs.empty() ? style.leading_pt * 0.75 : last.runs.front().baseline;
      double text_end = 0;
      for (const Run& r : last.runs) text_end = std::max(text_end, r.x + r.shaped->width_pt);
      last.runs.push_back(Run{&number, width_ - number.width_pt, baseline, template_.color(style.color)});
      // Dot leaders on a fixed grid, so that they align from line to line.
      const text::Shaped& dot = shaper_.shape(".", setter_.font_for(style, doc::InlineStyle{}));
      double pitch = 5;
      for (double x = std::ceil((text_end + 6) / pitch) * pitch; x + dot.width_pt < width_ - number_column + 4; x += pitch) {
        last.runs.push_back(Run{&dot, x, baseline, leader_color});
      }
      double top = 0;
      for (Element& line : lines) {
        line.links.push_back(LinkArea{0, 0, width_, line.height, "#" + entry.id});
        top += line.height;
      }
      push_lines(std::move(lines), style);
    }
  }

  void add(const doc::Cover& cover) {
    const PageMaster& p = template_.page;
    double page_w = mm_to_pt(p.width_mm), page_h = mm_to_pt(p.height_mm);
    double bleed = mm_to_pt(p.bleed_mm);
    Element e;
    e.full_page = true;
    e.height = page_h;
    double band = page_h * 0.62;
    e.rects.push_back(Rect{-bleed, -bleed, page_w + 2 * bleed, band + bleed, template_.color("ana")});
    e.rects.push_back(Rect{-bleed, band, page_w + 2 * bleed, 6, template_.color("vurgu")});
    double margin = mm_to_pt(p.inner_mm);
    double measure = page_w - 2 * margin;
    auto place = [&](const std::string& text, const char* style_name, double y, const std::string& color = {}) {
      const Style& style = template_.style(style_name);
      ParagraphSetting s = setting_for(style, measure);
      s.first_indent_pt = 0;
      if (!color.empty()) s.color = color;
      auto lines = setter_.set(spans_of(text), s);
      for (Element& line : lines) {
        for (Run run : line.runs) {
          run.x += margin;
          run.baseline += y;
          e.runs.push_back(run);
        }
        y += line.height;
      }
      return y;
    };
    if (!cover.logo.empty()) {
      std::filesystem::path logo = options_.base_dir / cover.logo;
      std::error_code ec;
      if (std::filesystem::exists(logo, ec)) {
        double size = mm_to_pt(28);
        e.pictures.push_back(Picture{page_w - margin - size, mm_to_pt(30), size, size, logo.string(), 0});
      } else {
        sink_.warn("layout.missing-image", Location{logo.string()}, "cover logo cannot be read",
                   "check the 'logo' parameter (relative to the book file)");
      }
    }
    double y = mm_to_pt(40);
    if (!cover.organisation.empty()) y = place(upper_tr(cover.organisation), "cover-subtitle", y) + 30;
    y = band - mm_to_pt(70);
    if (!cover.year.empty()) y = place(cover.year, "cover-subtitle", y) + 6;
    y = place(cover.title, "cover-title", y) + 8;
    if (!cover.subtitle.empty()) place(cover.subtitle, "cover-subtitle", y);
    place(document_.metadata.author.empty() ? cover.organisation : document_.metadata.author,
          "h3", band + mm_to_pt(20));
    push(std::move(e));
    pending_break_ = BreakBefore::recto;
  }

  const doc::Document& document_;
  const Template& template_;
  text::Shaper& shaper_;
  DiagnosticSink& sink_;
  const EngineOptions& options_;
  const Prescan& scan_;
  const std::map<std::string, std::string>& page_of_id_;
  ParagraphSetter setter_;
  std::vector<Element> elements_;
  doc::Matter matter_ = doc::Matter::body;
  BreakBefore pending_break_ = BreakBefore::none;
  double width_ = 0, height_ = 0;
  int block_number_ = 0;
  int footnote_count_ = 0;
  bool after_heading_ = false;
  std::set<std::string> reported_refs_;
  int float_groups_ = 0;
};

double footnotes_height(const Element& e) {
  double h = 0;
  for (const auto& f : e.footnotes) h += f->height;
  return h;
}

class Paginator {
 public:
  Paginator(double text_height, int columns, double column_pitch)
      : height_(text_height), columns_(std::max(1, columns)), column_pitch_(column_pitch) {}

  std::vector<Page> run(const std::vector<Element>& elements) {
    std::size_t i = 0;
    while (i < elements.size()) {
      const Element& e = elements[i];
      if (e.full_page) {
        close();
        Page page = fresh();
        page.full_page = true;
        page.show_furniture = false;
        page.matter = e.matter;
        page.content.push_back({&e, 0});
        pages_.push_back(std::move(page));
        ++i;
        continue;
      }
      if (e.break_before != BreakBefore::none || (open_ && e.matter != current_.matter)) {
        flush_deferred(elements);
        close();
        if (e.break_before == BreakBefore::recto || e.matter != last_matter_) ensure_recto();
      }
      if (!open_) {
        start(e.matter);
        place_deferred(elements);
      }
      // A float that does not fit here waits for the top of the next page; the text after it
      // fills this one.
      if (e.float_group != 0 && (i == 0 || elements[i - 1].float_group != e.float_group) && has_content() &&
          !(i > 0 && elements[i - 1].keep_with_next)) {
        std::size_t end = i;
        double group_height = 0;
        while (end < elements.size() && elements[end].float_group == e.float_group) {
          group_height += elements[end].height + (end == i ? 0 : elements[end].space_before);
          ++end;
        }
        bool fits = y_ + e.space_before + group_height + current_.footnote_height <= height_ + 0.01;
        if (!fits && group_height <= height_) {
          deferred_.push_back({i, end});
          i = end;
          continue;
        }
      }
      // Space before is dropped at the top of a page, except a chapter opener's drop.
      double space = current_.content.empty() && !e.suppress_furniture ? 0 : e.space_before;
      double notes = footnotes_height(e);
      double note_extra = notes > 0 && current_.footnotes.empty() ? separator_ : 0;
      if (has_content() && y_ + space + e.height + current_.footnote_height + notes + note_extra > height_ + 0.01 &&
          e.footnotes.size() >= 3) {
        // A long footnote splits: its first lines stay with the reference, the rest continue
        // at the foot of the next page.
        double room = height_ + 0.01 - (y_ + space + e.height + current_.footnote_height + note_extra);
        std::size_t fit = 0;
        double sum = 0;
        while (fit < e.footnotes.size() && sum + e.footnotes[fit]->height <= room) sum += e.footnotes[fit++]->height;
        if (fit >= 2 && e.footnotes.size() - fit >= 1) {
          y_ += space;
          place(e, i, fit);
          ++i;
          continue;
        }
      }
      if (has_content() && y_ + space + e.height + current_.footnote_height + notes + note_extra > height_ + 0.01) {
        // Move the whole keep chain that ends here to the next page, if it does not fill a page.
        std::size_t chain = i;
        while (chain > first_index_ && elements[chain - 1].keep_with_next) --chain;
        if (chain > first_index_ && chain < i) {
          while (!current_.content.empty() && current_.content.back().element != nullptr &&
                 placed_index_.back() >= chain) {
            remove_last();
          }
          i = chain;
        }
        if (column_ + 1 < columns_) {
          next_column();
        } else {
          close();
          start(elements[i].matter);
          place_deferred(elements);
        }
        if (elements[i].repeat_header) {
          for (const Element& h : *elements[i].repeat_header) place(h, SIZE_MAX);
        }
        continue;
      }
      if (current_.content.empty() && e.suppress_furniture) current_.show_furniture = false;
      y_ += space;
      place(e, i);
      ++i;
    }
    flush_deferred(elements);
    while (!carried_.empty()) {  // footnote lines still to set: pages of their own
      doc::Matter matter = open_ ? current_.matter : last_matter_;
      close();
      start(matter);
    }
    close();
    return std::move(pages_);
  }

 private:
  // Content that counts for overflow: flow elements, or floats placed at the top.
  bool has_content() const { return !current_.content.empty() && (first_index_ != SIZE_MAX || floats_on_page_); }

  // Places waiting floats at the top of the (new) page, as many as fit, in their order.
  void place_deferred(const std::vector<Element>& elements) {
    while (!deferred_.empty()) {
      auto [from, to] = deferred_.front();
      double group_height = 0;
      for (std::size_t k = from; k < to; ++k) group_height += elements[k].height + (k == from ? 0 : elements[k].space_before);
      if (has_content() && y_ + group_height + current_.footnote_height > height_ + 0.01) return;
      for (std::size_t k = from; k < to; ++k) {
        if (k != from) y_ += elements[k].space_before;
        place(elements[k], SIZE_MAX);
      }
      floats_on_page_ = true;
      deferred_.erase(deferred_.begin());
    }
  }

  // Before a page break that ends a part of the book, the waiting floats get pages of their own.
  void flush_deferred(const std::vector<Element>& elements) {
    while (!deferred_.empty()) {
      doc::Matter matter = open_ ? current_.matter : last_matter_;
      if (open_ && has_content()) {
        place_deferred(elements);
        if (deferred_.empty()) break;
        close();
      }
      start(matter);
      place_deferred(elements);
    }
  }

  Page fresh() {
    Page page;
    page.index = static_cast<int>(pages_.size());
    page.recto = page.index % 2 == 0;
    return page;
  }

  void ensure_recto() {
    if (pages_.size() % 2 == 1) {
      Page blank = fresh();
      blank.blank = true;
      blank.show_furniture = false;
      blank.matter = last_matter_;
      pages_.push_back(std::move(blank));
    }
  }

  void start(doc::Matter matter) {
    current_ = fresh();
    current_.matter = matter;
    open_ = true;
    y_ = 0;
    first_index_ = SIZE_MAX;
    floats_on_page_ = false;
    column_ = 0;
    placed_index_.clear();
    note_heights_.clear();
    place_carried();
  }

  // The next column of the same page: keep chains never reach back across a column start.
  void next_column() {
    ++column_;
    y_ = 0;
    first_index_ = SIZE_MAX;
    floats_on_page_ = false;
  }

  // Footnote lines continued from the previous page open this page's footnote area (at most
  // half the page; the rest goes on).
  void place_carried() {
    if (carried_.empty()) return;
    double added = separator_;
    std::size_t k = 0;
    for (; k < carried_.size(); ++k) {
      if (k > 0 && added + carried_[k]->height > height_ * 0.5) break;
      current_.footnotes.push_back({carried_[k], current_.footnote_height + added});
      added += carried_[k]->height;
    }
    current_.footnote_height += added;
    carried_.erase(carried_.begin(), carried_.begin() + static_cast<std::ptrdiff_t>(k));
  }

  // Places an element with at most `notes_here` of its footnote lines; the rest continue on
  // the next page.
  void place(const Element& e, std::size_t index, std::size_t notes_here = SIZE_MAX) {
    if (first_index_ == SIZE_MAX && index != SIZE_MAX) first_index_ = index;
    current_.content.push_back({&e, y_, column_ * column_pitch_});
    placed_index_.push_back(index == SIZE_MAX ? 0 : index);
    y_ += e.height;
    double added = 0;
    std::size_t count = std::min(notes_here, e.footnotes.size());
    if (count > 0 && current_.footnotes.empty()) added += separator_;
    for (std::size_t k = 0; k < count; ++k) {
      current_.footnotes.push_back({e.footnotes[k].get(), current_.footnote_height + added});
      added += e.footnotes[k]->height;
    }
    for (std::size_t k = count; k < e.footnotes.size(); ++k) carried_.push_back(e.footnotes[k].get());
    current_.footnote_height += added;
    note_heights_.push_back({count, added, e.footnotes.size() - count});
  }

  void remove_last() {
    const Placed& last = current_.content.back();
    y_ = last.y;
    auto [count, height, carried] = note_heights_.back();
    for (std::size_t k = 0; k < count; ++k) current_.footnotes.pop_back();
    for (std::size_t k = 0; k < carried && !carried_.empty(); ++k) carried_.pop_back();
    current_.footnote_height -= height;
    if (current_.footnotes.empty()) current_.footnote_height = 0;
    note_heights_.pop_back();
    current_.content.pop_back();
    placed_index_.pop_back();
    // Space before the new last element was counted; recompute y from the remaining content.
    if (!current_.content.empty()) y_ = current_.content.back().y + current_.content.back().element->height;
    else y_ = 0;
  }

  void close() {
    if (!open_) return;
    open_ = false;
    last_matter_ = current_.matter;
    if (current_.content.empty() && current_.footnotes.empty()) return;
    pages_.push_back(std::move(current_));
  }

  double height_;
  int columns_ = 1;
  double column_pitch_ = 0;  // column width plus gutter
  int column_ = 0;
  double separator_ = 14;
  std::vector<Page> pages_;
  Page current_;
  bool open_ = false;
  double y_ = 0;
  std::size_t first_index_ = SIZE_MAX;
  std::vector<std::size_t> placed_index_;
  std::vector<std::tuple<std::size_t, double, std::size_t>> note_heights_;  // placed, height, carried
  std::vector<const Element*> carried_;  // footnote lines continued on the next page
  doc::Matter last_matter_ = doc::Matter::front;
  std::vector<std::pair<std::size_t, std::size_t>> deferred_;  // waiting floats: element ranges
  bool floats_on_page_ = false;
};

void label_pages(std::vector<Page>& pages) {
  int front = 0, body = 0;
  for (Page& page : pages) {
    if (page.matter == doc::Matter::front) page.label = roman(++front);
    else page.label = std::to_string(++body);
  }
}

void add_furniture(LaidOutBook& book, text::Shaper& shaper) {
  const Template& t = book.style;
  const PageMaster& p = t.page;
  const Style& head = t.style("header");
  const Style& folio = t.style("folio");
  std::string chapter, section;
  double page_w = mm_to_pt(p.width_mm);
  for (Page& page : book.pages) {
    std::string first_section;
    std::string chapter_at_start = chapter;
    for (const Placed& placed : page.content) {
      if (placed.element->heading_level == 1) {
        chapter = placed.element->heading_text;
        section.clear();
      }
      if (placed.element->heading_level == 2) {
        if (first_section.empty()) first_section = placed.element->heading_text;
        section = placed.element->heading_text;
      }
    }
    if (!page.show_furniture || page.blank || page.full_page) continue;
    std::string head_text = page.recto ? (first_section.empty() ? section : first_section) : chapter_at_start;
    if (head_text.empty()) head_text = chapter;
    if ((page.recto ? t.running_head_recto : t.running_head_verso) == "none") head_text.clear();
    double inner = mm_to_pt(page.recto ? p.inner_mm : p.outer_mm);
    double outer_edge_x = page.recto ? page_w - mm_to_pt(p.outer_mm) : mm_to_pt(p.outer_mm);
    auto element = std::make_unique<Element>();
    Color head_color = t.color(head.color);
    Color folio_color = t.color(folio.color);
    text::FontKey head_key{head.font, head.bold, head.italic, false, head.size_pt, 0};
    text::FontKey folio_key{folio.font, folio.bold, folio.italic, false, folio.size_pt, 0};
    double head_y = mm_to_pt(p.header_mm);
    if (!head_text.empty()) {
      const text::Shaped& s = shaper.shape(upper_tr(head_text), head_key);
      double x = page.recto ? outer_edge_x - s.width_pt : outer_edge_x;
      element->runs.push_back(Run{&s, x, head_y, head_color});
      element->rules.push_back(Rule{std::min(inner, outer_edge_x), head_y + 4,
                                    std::max(page_w - mm_to_pt(page.recto ? p.outer_mm : p.inner_mm), outer_edge_x),
                                    head_y + 4, 0.3, t.color("cizgi")});
    }
    const text::Shaped& number = shaper.shape(page.label, folio_key);
    double folio_y = mm_to_pt(p.height_mm - p.footer_mm);
    double fx = page.recto ? outer_edge_x - number.width_pt : outer_edge_x;
    element->runs.push_back(Run{&number, fx, folio_y, folio_color});
    page.furniture.push_back({element.get(), 0});
    book.storage.push_back(std::move(element));
  }
}

}  // namespace

// With worker threads asked for (DIZGI_THREADS >= 2; off by default, see docs/performance.md),
// sets the book's paragraphs before the first pass: a speculative run of the
// builder shapes each paragraph (on this thread) and SetBatch breaks them into lines on worker
// threads. Its results only fill the cache, keyed by everything that decides the lines, so a
// paragraph the real passes set differently is simply set again: the output cannot change.
void prefill(const doc::Document& document, const Template& style, text::Shaper& shaper,
             const EngineOptions& options, const Prescan& scan, SetCache& cache) {
  unsigned threads = setting_threads();
  if (threads < 2) return;
  DiagnosticSink scratch;
  std::map<std::string, std::string> no_pages;
  SetBatch batch(cache, threads);
  Builder speculative(document, style, shaper, scratch, options, scan, no_pages, &cache, &batch);
  speculative.build();
  batch.run();
}

std::unique_ptr<LaidOutBook> lay_out(const doc::Document& document, const Template& style,
                                     text::Shaper& shaper, DiagnosticSink& sink,
                                     const EngineOptions& options) {
  auto book = std::make_unique<LaidOutBook>();
  book->style = style;
  Prescan scan = prescan(document, style);
  std::map<std::string, std::string> page_of_id;
  SetCache set_cache;  // paragraphs are set once; the passes differ only in generated lists
  prefill(document, book->style, shaper, options, scan, set_cache);
  for (int pass = 1; pass <= options.max_passes; ++pass) {
    // Only the last pass's diagnostics matter; earlier passes repeat them.
    DiagnosticSink pass_sink;
    // The previous pass's pages and elements are not needed any more: freeing them first keeps
    // the peak at one element list (plus the paragraph cache) rather than two.
    book->pages.clear();
    book->element_lists.clear();
    Builder builder(document, book->style, shaper, pass_sink, options, scan, page_of_id, &set_cache);
    std::vector<Element> elements = builder.build();
    const PageMaster& master = book->style.page;
    Paginator paginator(builder.text_height(), master.columns, builder.text_width() + mm_to_pt(master.gutter_mm));
    book->element_lists.clear();
    book->element_lists.push_back(std::move(elements));
    book->pages = paginator.run(book->element_lists.back());
    label_pages(book->pages);
    std::map<std::string, std::string> found;
    for (const Page& page : book->pages) {
      for (const Placed& placed : page.content) {
        for (const std::string& anchor : placed.element->anchors) found.emplace(anchor, page.label);
      }
    }
    book->passes = pass;
    // Without a generated list or a page reference, nothing depends on page numbers.
    bool stable = found == page_of_id || !scan.needs_pages;
    page_of_id = std::move(found);
    if (stable || pass == options.max_passes) {
      for (const Diagnostic& d : pass_sink.diagnostics()) sink.report(d);
      std::set<std::string> missing_reported;
      for (const Page& page : book->pages) {
        std::vector<Placed> all = page.content;
        all.insert(all.end(), page.footnotes.begin(), page.footnotes.end());
        for (const Placed& placed : all) {
          for (const Run& run : placed.element->runs) {
            if (!run.shaped) continue;
            for (const std::string& message : run.shaped->missing) {
              // Once per font and character, at the first page where it is set.
              if (!missing_reported.insert(message).second) continue;
              sink.error("text.missing-glyph", Location{{}, 0, 0, "page " + page.label}, message,
                         "choose a font that covers it or add one to fonts/user/");
            }
          }
          for (const std::string& where : placed.element->loose) {
            sink.warn("layout.loose-line", Location{{}, 0, 0, "page " + page.label + ", " + where},
                      "line cannot be set within the spacing limits",
                      "rephrase, allow hyphenation or widen the measure");
          }
        }
      }
      if (!stable) {
        sink.warn("layout.unstable-references", Location{},
                  "page numbers did not settle after " + std::to_string(pass) + " passes");
      }
      break;
    }
  }
  book->storage.clear();
  add_furniture(*book, shaper);
  book->outline.clear();
  for (const Page& page : book->pages) {
    for (const Placed& placed : page.content) {
      const Element* e = placed.element;
      if (e->heading_level > 0 && e->heading_in_outline)
        book->outline.push_back({e->heading_level, e->heading_text, e->heading_id, page.index});
    }
  }
  return book;
}

}  // namespace dizgi::layout
