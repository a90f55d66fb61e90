#include "layout/flow.hpp"

#include "layout/text_util.hpp"

#include <algorithm>
#include <variant>

namespace dizgi::layout {

Flow::Flow(const doc::Document& document, const Template& style, text::Shaper& shaper,
        DiagnosticSink& sink, const FlowOptions& options, const paginate::Counters& counters,
        const std::map<std::string, std::string>& page_of_id, SetCache* cache,
        SetBatch* batch)
    : document_(document), template_(style), shaper_(shaper), sink_(sink), options_(options),
      scan_(counters), page_of_id_(page_of_id), setter_(style, shaper, sink) {
  setter_.use_cache(cache);
  setter_.collect_into(batch);
  const PageMaster& p = style.page;
  // Text is set to the column measure; a one-column page has the full text width.
  int columns = std::max(1, p.columns);
  width_ = (mm_to_pt(p.width_mm - p.inner_mm - p.outer_mm) - (columns - 1) * mm_to_pt(p.gutter_mm)) / columns;
  height_ = mm_to_pt(p.height_mm - p.top_mm - p.bottom_mm);
}

std::vector<Element> Flow::build() {
  for (const doc::Section& section : document_.sections) {
    matter_ = section.matter;
    for (const doc::Block& block : section.blocks) {
      ++block_number_;
      const doc::BlockBase* base = doc::base_of(block);
      origin_ = base ? &base->origin : nullptr;
      shaper_.set_context(to_string(here()));  // for missing glyphs
      std::size_t first = elements_.size();
      std::visit([&](const auto& b) { add(b); }, block);
      for (std::size_t k = first; k < elements_.size(); ++k) elements_[k].block = block_number_;
      apply_block_rules(block, first);
    }
  }
  shaper_.set_context({});
  return std::move(elements_);
}

void Flow::push(Element element) {
  element.matter = matter_;
  if (pending_break_ != BreakBefore::none) {
    if (element.break_before == BreakBefore::none ||
        (pending_break_ == BreakBefore::recto && element.break_before != BreakBefore::verso))
      element.break_before = pending_break_;
    pending_break_ = BreakBefore::none;
  }
  elements_.push_back(std::move(element));
}

void Flow::push_lines(std::vector<Element> lines, const Style& style, bool keep_all, StructRole role) {
  if (lines.empty()) return;
  lines.front().space_before = std::max(lines.front().space_before, style.space_before_pt);
  lines.back().height += style.space_after_pt;
  for (Element& line : lines) {
    if (keep_all || style.keep_with_next) line.keep_with_next = true;
    if (line.role == StructRole::invalid) line.role = role;
    push(std::move(line));
  }
  if (!keep_all && !style.keep_with_next) elements_.back().keep_with_next = false;
}

ParagraphSetting Flow::plain_setting(const Style& style, double width, std::string where) {
  ParagraphSetting s;
  s.width_pt = width;
  s.style = &style;
  s.align = style.align;
  s.first_indent_pt = style.first_indent_pt;
  s.left_indent_pt = style.left_indent_pt;
  s.where = std::move(where);
  return s;
}

ParagraphSetting Flow::setting_for(const Style& style, double width) {
  ParagraphSetting s = plain_setting(style, width, to_string(here()));
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
    for (Element& line : lines) {
      line.role = StructRole::note;
      line.block = -number;  // one note, also when it continues on the next page
      out.push_back(std::make_shared<Element>(std::move(line)));
    }
    return out;
  };
  return s;
}

// Block rules that act on all the elements of a block: keep-together (never split across
// pages), keep-with-next, and float (a chart, figure or table that may move to the next page
// when it does not fit, letting the text after it fill the page; charts and figures float
// unless their float mode is none, tables only when it is allowed). Every element also learns
// its block's origin, and props keys the engine does not know are reported.
void Flow::apply_block_rules(const doc::Block& block, std::size_t first) {
  const doc::BlockBase* base = doc::base_of(block);
  if (!base) return;
  // The keys the engine knows (docs/plugin-guide.md): a heading's or a list's break; a form's
  // grid widths, id, page break and table numbering; a cover's side, accent and contact lines; an
  // image's placeholder box.
  const bool form = std::holds_alternative<doc::Form>(block);
  for (const auto& [key, value] : base->props) {
    if (key == "break" && (std::holds_alternative<doc::Heading>(block) || std::holds_alternative<doc::ListOf>(block)))
      continue;  // heading.cpp, listof.cpp
    if (std::holds_alternative<doc::Image>(block) && (key == "placeholder" || key == "height")) continue;  // image.cpp
    if (form && (key == "column-widths" || key == "form-id" || key == "break-before" || key == "numbered")) continue;
    if (std::holds_alternative<doc::Cover>(block) && (key == "side" || key == "accent" || key == "address" ||
                                                     key == "phone" || key == "email" || key == "web"))
      continue;  // cover.cpp
    sink_.warn("layout.unknown-property", here(), "unknown block property '" + key + "'",
               "docs/plugin-guide.md lists the block fields; props are for keys the engine knows");
  }
  // A style the template does not define would otherwise be set as body text without a word.
  if (!base->style.empty() && template_.styles.count(base->style) == 0 &&
      reported_styles_.insert(base->style).second) {
    sink_.warn("layout.unknown-style", here(), "the template has no style '" + base->style + "'; set as body text",
               "define the style in the template (<style name=\"" + base->style + "\">) or fix the name");
  }
  if (first >= elements_.size()) return;
  std::string origin = to_string(here());
  for (std::size_t k = first; k < elements_.size(); ++k) elements_[k].origin = origin;
  if (base->keep_together) {
    for (std::size_t k = first; k + 1 < elements_.size(); ++k) elements_[k].keep_with_next = true;
  }
  if (base->keep_with_next) elements_.back().keep_with_next = true;
  bool figure = std::holds_alternative<doc::Chart>(block) || std::holds_alternative<doc::Image>(block);
  bool may_float = base->float_mode == doc::Float::allowed || (figure && base->float_mode == doc::Float::automatic);
  if (may_float) {
    ++float_groups_;
    for (std::size_t k = first; k < elements_.size(); ++k) elements_[k].float_group = float_groups_;
  }
}

// Where the block being laid out came from: its origin, or its number in the document.
Location Flow::here() const {
  Location at;
  if (origin_) {
    at.file = origin_->file;
    at.line = origin_->line > 0 && !at.file.empty() ? static_cast<uint32_t>(origin_->line) : 0;
    at.where = origin_->where.empty() ? origin_->what : origin_->where;
  }
  if (at.file.empty() && at.where.empty()) at.where = "block " + std::to_string(block_number_);
  return at;
}

void Flow::frame_placeholder(Element& e, double w, double h, const std::string& label) {
  e.rects.push_back(Rect{0, 0, w, h, template_.color("zemin")});
  e.paths.push_back(Path{{{PathSegment::Kind::move, 0.5, 0.5},
                          {PathSegment::Kind::line, w - 0.5, 0.5},
                          {PathSegment::Kind::line, w - 0.5, h - 0.5},
                          {PathSegment::Kind::line, 0.5, h - 0.5},
                          {PathSegment::Kind::close}},
                         false, {}, 0.6, template_.color("gri")});
  if (label.empty()) return;
  const text::Shaped& s = shaper_.shape(label, setter_.font_for(template_.style("table"), {}));
  e.runs.push_back(Run{&s, std::max(4.0, (w - s.width_pt) / 2), h / 2 + 3, template_.color("gri")});
}

void Flow::unsupported(const std::string& what, const std::string& hint) {
  sink_.warn("layout.unsupported", here(), what + " is not supported yet", hint);
}

// Cross references: the target's label, or its page (a placeholder until the next pass).
std::string Flow::resolve(const doc::Span& span) {
  const std::string& id = span.target;
  if (span.kind == doc::SpanKind::page_reference) {
    auto page = page_of_id_.find(id);
    return page == page_of_id_.end() ? "00" : page->second;
  }
  auto label = scan_.labels.find(id);
  if (label != scan_.labels.end()) return label->second;
  if (!reported_refs_.count(id)) {
    reported_refs_.insert(id);
    sink_.warn("layout.unresolved-reference", here(), "cross reference to unknown target '" + id + "'",
               "check the id of the table, chart or heading");
  }
  return "??";
}

bool Flow::last_was_heading() const {
  for (auto it = elements_.rbegin(); it != elements_.rend(); ++it) {
    if (it->heading_level > 0) return true;
    if (!it->keep_with_next) return false;
  }
  return false;
}

void Flow::add(const doc::Break& b) {
  pending_break_ = b.kind == doc::BreakKind::recto ? BreakBefore::recto : BreakBefore::page;
}

}  // namespace dizgi::layout
