// Writes a Template as template XML (`dizgi template show`): every element, every attribute and
// every style in full, so a designer can copy the output, change what they want and drop the
// rest. The reader in template.cpp reads it back to the same values.
#include "layout/template.hpp"
#include "util/xml.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

namespace dizgi::layout {

namespace {

// A length in millimetres when that reads back exactly (designers think in mm), else points.
std::string length_text(double pt) {
  std::string mm = util::format_fixed(pt_to_mm(pt), 3);
  while (!mm.empty() && mm.back() == '0') mm.pop_back();
  if (!mm.empty() && mm.back() == '.') mm.pop_back();
  if (pt != 0 && mm_to_pt(std::stod(mm)) == pt) return mm + "mm";
  return util::format_number(pt) + "pt";
}

std::string pt(double value) { return util::format_number(value) + "pt"; }
std::string mm(double value) { return util::format_number(value) + "mm"; }
const char* flag(bool value) { return value ? "true" : "false"; }

const char* align_name(Alignment align) {
  switch (align) {
    case Alignment::start: return "start";
    case Alignment::center: return "center";
    case Alignment::end: return "end";
    case Alignment::justify: break;
  }
  return "justify";
}

const char* break_name(PageBreak value) {
  return value == PageBreak::recto   ? "recto"
         : value == PageBreak::verso ? "verso"
         : value == PageBreak::page  ? "page"
                                     : "none";
}

// One element with its attributes, wrapped before `width` columns.
class Tag {
 public:
  // With `children`, the tag is left open (">") and the caller writes the children and the end tag.
  Tag(std::ostream& out, const std::string& name, bool children = false)
      : out_(out), line_("  <" + name), indent_(name.size() + 4, ' '), children_(children) {}
  Tag& operator()(const std::string& attribute, const std::string& value) {
    std::string item = attribute + "=\"" + xml::escape(value) + "\"";
    if (line_.size() + 1 + item.size() > 98) {
      out_ << line_ << "\n";
      line_ = indent_ + item;
    } else {
      line_ += " " + item;
    }
    return *this;
  }
  ~Tag() { out_ << line_ << (children_ ? ">\n" : "/>\n"); }
  Tag(const Tag&) = delete;
  Tag& operator=(const Tag&) = delete;

 private:
  std::ostream& out_;
  std::string line_;
  std::string indent_;
  bool children_ = false;
};

std::string percent(double fraction) { return util::format_number(fraction * 100) + "%"; }

void write_style(std::ostream& out, const Style& s) {
  Tag tag(out, "style");
  tag("name", s.name)("font", s.font)("weight", s.bold ? "bold" : "normal")("style", s.italic ? "italic" : "normal");
  tag("size", pt(s.size_pt))("leading", pt(s.leading_pt))("align", align_name(s.align));
  tag("first-indent", pt(s.first_indent_pt))("left-indent", pt(s.left_indent_pt));
  tag("space-before", pt(s.space_before_pt))("space-after", pt(s.space_after_pt));
  tag("tracking", util::format_number(s.tracking_em * 1000))("hyphenate", flag(s.hyphenate));
  tag("uppercase", flag(s.uppercase))("keep-with-next", flag(s.keep_with_next))("color", s.color);
}

}  // namespace

std::string template_xml(const Template& t) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<!-- A dizgi template (docs/templates.md). Copy it to layouts/<name>/template.xml or next to\n"
         "     book.xml, change what you need and delete the rest: every value left out keeps\n"
         "     its built-in default. Lengths take mm, cm, pt, in or em; colours are CMYK percentages. -->\n";
  out << "<template name=\"" << xml::escape(t.name) << "\">\n";
  const PageMaster& p = t.page;
  {
    Tag tag(out, "page");
    tag("width", mm(p.width_mm))("height", mm(p.height_mm))("inner", mm(p.inner_mm))("outer", mm(p.outer_mm));
    tag("top", mm(p.top_mm))("bottom", mm(p.bottom_mm))("header", mm(p.header_mm))("footer", mm(p.footer_mm));
    tag("bleed", mm(p.bleed_mm))("facing", flag(p.facing))("columns", std::to_string(p.columns));
    tag("gutter", mm(p.gutter_mm));
  }
  out << "\n  <colors>\n";
  for (const auto& [name, color] : t.colors) {
    out << "    <color name=\"" << xml::escape(name) << "\" cmyk=\"" << util::format_number(color.c) << " "
        << util::format_number(color.m) << " " << util::format_number(color.y) << " "
        << util::format_number(color.k) << "\"/>\n";
  }
  out << "  </colors>\n\n";
  // The styles the engine uses first, in reading order, then any others.
  const std::vector<std::string> order = {
      "body", "lead", "list", "subhead", "h1", "h2", "h3", "h4", "caption", "table", "table-note",
      "footnote", "toc1", "toc2", "toc3", "header", "folio", "cover-year", "cover-title", "cover-subtitle",
      "cover-note", "form-title"};
  for (const std::string& name : order) {
    if (auto it = t.styles.find(name); it != t.styles.end()) write_style(out, it->second);
  }
  for (const auto& [name, style] : t.styles) {
    if (std::find(order.begin(), order.end(), name) == order.end()) write_style(out, style);
  }
  out << "\n";
  for (int level = 1; level <= 6; ++level) {
    HeadingLayout heading = t.heading(level);
    Tag tag(out, "heading");
    tag("level", std::to_string(level))("break", break_name(heading.break_before));
    tag("drop", heading.drop_pt == 0 ? std::string("0") : length_text(heading.drop_pt));
  }
  for (const auto& [level, numbering] : t.numbering) {
    Tag tag(out, "numbering");
    tag("level", std::to_string(level))("style", numbering.style)("suffix", numbering.suffix);
  }
  if (t.numbering.empty()) {
    out << "  <!-- heading numbers, per level: <numbering level=\"1\" style=\"roman\" suffix=\"-\"/> -->\n";
  }
  {
    Tag tag(out, "matter");
    tag("body-start", break_name(t.body_start));
  }
  {
    Tag tag(out, "running-heads");
    tag("verso", t.running_head_verso)("recto", t.running_head_recto);
  }
  {
    Tag tag(out, "folio");
    tag("position", t.folio.position == FolioPosition::top ? "top" : "bottom");
    tag("align", t.folio.align == FolioAlign::center ? "center" : t.folio.align == FolioAlign::inner ? "inner" : "outer");
  }
  {
    const TableStyle& table = t.table;
    Tag tag(out, "table");
    auto fill = [](const std::string& name) { return name.empty() ? std::string("none") : name; };
    tag("header-fill", fill(table.header_fill))("header-color", table.header_color)("rule-color", table.rule_color);
    tag("zebra", flag(table.zebra))("zebra-fill", table.zebra_fill)("group-fill", fill(table.group_fill));
    tag("subtotal-fill", fill(table.subtotal_fill))("total-fill", fill(table.total_fill))("missing", table.missing_marker)("missing-legend", table.missing_legend);
    tag("min-rows", std::to_string(table.min_rows))("keep-whole", std::to_string(table.keep_whole));
    tag("carried", table.carried_label)("brought", table.brought_label)("min-size", pt(table.min_size_pt));
    tag("wide", table.wide == WideTable::landscape ? "landscape" : "reduce");
    tag("valign", table.valign == CellAlign::middle ? "middle" : table.valign == CellAlign::bottom ? "bottom" : "top");
    tag("padding", pt(table.padding.top_pt) + " " + pt(table.padding.right_pt) + " " + pt(table.padding.bottom_pt) +
                       " " + pt(table.padding.left_pt));
    tag("rules", table.rules == TableRules::booktabs ? "booktabs" : table.rules == TableRules::none ? "none" : "grid");
  }
  {
    const Captions& c = t.captions;
    Tag tag(out, "captions");
    tag("numbering", c.numbering)("table", c.table)("chart", c.chart)("figure", c.figure)("separator", c.separator)("continued", c.continued);
  }
  {
    const Typography& ty = t.typography;
    {
      Tag tag(out, "typography", true);
      tag("smart-quotes", flag(t.smart_quotes))("expansion", percent(ty.expansion));
      tag("expansion-step", percent(ty.expansion_step))("protrusion", flag(ty.protrusion));
      tag("word-space-stretch", percent(ty.word_space_stretch))("word-space-shrink", percent(ty.word_space_shrink));
      tag("letter-spacing", util::format_number(ty.letter_spacing_em) + "em");
      tag("word-space-max", percent(ty.word_space_max))("hyphen-penalty", util::format_number(ty.hyphen_penalty));
      tag("consecutive-hyphen-demerits", util::format_number(ty.consecutive_hyphen_demerits));
      tag("final-hyphen-demerits", util::format_number(ty.final_hyphen_demerits));
      tag("fitness-demerits", util::format_number(ty.fitness_demerits));
      tag("hyphens-in-a-row", std::to_string(ty.hyphens_in_a_row));
      tag("chart-min-size", length_text(ty.chart_min_size_pt));
    }
    for (const auto& [chars, factors] : ty.protrude) {
      out << "    <protrude chars=\"" << xml::escape(chars) << "\" left=\"" << percent(factors.left) << "\" right=\""
          << percent(factors.right) << "\"/>\n";
    }
    out << "  </typography>\n";
  }
  out << "</template>\n";
  return out.str();
}

}  // namespace dizgi::layout
