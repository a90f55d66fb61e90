#include "layout/template.hpp"

#include "util/schemas.hpp"
#include "util/text.hpp"
#include "util/xml.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <set>
#include <cstring>
#include <memory>
#include <sstream>
#include <string_view>

namespace dizgi::layout {

Color Color::from_cmyk(double c, double m, double y, double k) {
  Color color;
  color.c = c;
  color.m = m;
  color.y = y;
  color.k = k;
  // Screen approximation only; print output keeps the CMYK values themselves.
  color.r = (1 - c / 100) * (1 - k / 100);
  color.g = (1 - m / 100) * (1 - k / 100);
  color.b = (1 - y / 100) * (1 - k / 100);
  return color;
}

Color Color::from_rgb(double r, double g, double b) {
  Color color;
  color.r = r;
  color.g = g;
  color.b = b;
  double k = 1 - std::max(r, std::max(g, b));
  color.k = k * 100;
  if (k < 1) {
    color.c = (1 - r - k) / (1 - k) * 100;
    color.m = (1 - g - k) / (1 - k) * 100;
    color.y = (1 - b - k) / (1 - k) * 100;
  } else {
    color.c = color.m = color.y = 0;
  }
  return color;
}

const Style& Template::style(const std::string& style_name) const {
  auto it = styles.find(style_name);
  if (it != styles.end()) return it->second;
  return styles.at("body");
}

Color Template::color(const std::string& color_name) const {
  auto it = colors.find(color_name);
  if (it != colors.end()) return it->second;
  if (!color_name.empty() && color_name[0] == '#' && color_name.size() == 7) {
    auto hex = [&](std::size_t at) {
      try {
        return std::stoi(color_name.substr(at, 2), nullptr, 16) / 255.0;
      } catch (const std::exception&) {
        return 0.0;
      }
    };
    return Color::from_rgb(hex(1), hex(3), hex(5));
  }
  return Color::black();
}

HeadingLayout Template::heading(int level) const {
  auto it = headings.find(level);
  return it == headings.end() ? HeadingLayout{} : it->second;
}

PageBreak Template::effective(PageBreak wanted) const {
  return (wanted == PageBreak::recto || wanted == PageBreak::verso) && !page.facing ? PageBreak::page : wanted;
}

static double parse_number(const std::string& text, std::size_t& used) {
  // std::from_chars for double is locale-independent (STYLE.md rule 11). "nan" and "inf" are
  // numbers to it, never to a template.
  double value = 0;
  auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || !std::isfinite(value)) throw std::invalid_argument(text);
  used = static_cast<std::size_t>(result.ptr - text.data());
  return value;
}

double parse_length_pt(const std::string& text, double em_pt) {
  std::size_t used = 0;
  double value = parse_number(text, used);
  std::string unit = text.substr(used);
  if (unit.empty() || unit == "pt") return value;
  if (unit == "mm") return mm_to_pt(value);
  if (unit == "cm") return mm_to_pt(value * 10);
  if (unit == "in") return value * 72;
  if (unit == "em") return value * em_pt;
  throw std::invalid_argument(text);
}

std::map<std::string, Protrusion> default_protrusion() {
  // Fractions of each character's own width. Marks that are mostly white space beside a thin
  // stroke (full stop, comma, hyphen) hang most; wide marks (dashes) and marks with a stem of
  // their own (!, ?) little, so the edge looks straight without the mark seeming to fall off.
  return {
      {"-", {0, 0.7}},       {"\u2010", {0, 0.7}},  // hyphen
      {"\u2013", {0, 0.3}}, {"\u2014", {0, 0.2}},  // en and em dash
      {".", {0, 0.7}},       {",", {0, 0.6}},       {":", {0, 0.5}},   {";", {0, 0.4}},
      {"!", {0, 0.2}},       {"?", {0, 0.2}},       {"\u2026", {0, 0.3}},  // ellipsis
      {"\u2018", {0.5, 0.5}}, {"\u2019", {0.3, 0.5}},  // ‘ ’ (’ is also the suffix apostrophe)
      {"\u201C", {0.5, 0.3}}, {"\u201D", {0.3, 0.5}},  // “ ”
      {"\u00AB", {0.4, 0.3}}, {"\u00BB", {0.3, 0.4}},  // « »
      {"(", {0.1, 0}},       {")", {0, 0.1}},       {"[", {0.1, 0}},   {"]", {0, 0.1}},
      {"\"", {0.4, 0.4}},    {"'", {0.4, 0.4}},
  };
}

Template default_template() {
  Template t;
  t.name = "default";
  t.typography.protrude = default_protrusion();
  t.colors["text"] = Color::black();
  t.colors["black"] = Color::black();
  t.colors["white"] = Color::white();
  t.colors["ana"] = Color::from_cmyk(100, 65, 0, 30);
  t.colors["vurgu"] = Color::from_cmyk(0, 45, 100, 0);
  t.colors["cizgi"] = Color::from_cmyk(0, 0, 0, 40);
  t.colors["zemin"] = Color::from_cmyk(8, 3, 0, 0);
  t.colors["zemin2"] = Color::from_cmyk(15, 6, 0, 5);
  t.colors["gri"] = Color::from_cmyk(0, 0, 0, 60);

  Style body;
  body.name = "body";
  body.first_indent_pt = 12;
  t.styles["body"] = body;

  Style subhead = body;
  subhead.name = "subhead";
  subhead.first_indent_pt = 0;
  subhead.space_before_pt = 6;
  subhead.space_after_pt = 2;
  subhead.keep_with_next = true;
  subhead.hyphenate = false;
  t.styles["subhead"] = subhead;

  Style lead = body;
  lead.name = "lead";
  lead.first_indent_pt = 0;
  lead.space_after_pt = 6;
  t.styles["lead"] = lead;

  auto heading = [&](const char* name, double size, double leading, double before, double after,
                     bool uppercase) {
    Style s;
    s.name = name;
    s.font = "Linux Biolinum O";
    s.bold = true;
    s.size_pt = size;
    s.leading_pt = leading;
    s.align = Alignment::start;
    s.space_before_pt = before;
    s.space_after_pt = after;
    s.hyphenate = false;
    s.uppercase = uppercase;
    s.keep_with_next = true;
    s.color = "ana";
    t.styles[name] = s;
  };
  heading("h1", 20, 25, 0, 28, true);
  heading("h2", 14, 18, 18, 8, false);
  heading("h3", 11.5, 15, 12, 4, false);
  heading("h4", 10.5, 14, 10, 2, false);

  Style caption;
  caption.name = "caption";
  caption.font = "Linux Biolinum O";
  caption.bold = true;
  caption.size_pt = 9;
  caption.leading_pt = 12;
  caption.align = Alignment::start;
  caption.hyphenate = false;
  caption.space_before_pt = 8;
  caption.space_after_pt = 4;
  caption.keep_with_next = true;
  caption.color = "ana";
  t.styles["caption"] = caption;

  Style note = caption;
  note.name = "table-note";
  note.bold = false;
  note.italic = true;
  note.size_pt = 8;
  note.leading_pt = 10;
  note.space_before_pt = 2;
  note.space_after_pt = 10;
  note.keep_with_next = false;
  note.color = "gri";
  t.styles["table-note"] = note;

  Style cell;
  cell.name = "table";
  cell.font = "Linux Biolinum O";
  cell.size_pt = 8.5;
  cell.leading_pt = 10.5;
  cell.align = Alignment::start;
  cell.hyphenate = false;  // narrow cells: words whole unless the template allows breaking them
  t.styles["table"] = cell;

  for (int level = 1; level <= 3; ++level) {
    Style toc;
    toc.name = "toc" + std::to_string(level);
    toc.align = Alignment::start;
    toc.hyphenate = false;
    toc.size_pt = level == 1 ? 11 : 10.5;
    toc.leading_pt = level == 1 ? 15 : 13.5;
    toc.bold = level == 1;
    toc.left_indent_pt = (level - 1) * 16;
    toc.space_before_pt = level == 1 ? 6 : 0;
    t.styles[toc.name] = toc;
  }

  Style footnote = body;
  footnote.name = "footnote";
  footnote.size_pt = 8.5;
  footnote.leading_pt = 10.5;
  footnote.first_indent_pt = 0;
  t.styles["footnote"] = footnote;

  Style header;
  header.name = "header";
  header.font = "Linux Biolinum O";
  header.size_pt = 8.5;
  header.leading_pt = 10;
  header.align = Alignment::start;
  header.hyphenate = false;
  header.color = "gri";
  t.styles["header"] = header;
  Style folio = header;
  folio.name = "folio";
  folio.bold = true;
  folio.color = "ana";
  t.styles["folio"] = folio;

  Style cover_title;
  cover_title.name = "cover-title";
  cover_title.font = "Linux Biolinum O";
  cover_title.bold = true;
  cover_title.size_pt = 30;
  cover_title.leading_pt = 36;
  cover_title.align = Alignment::start;
  cover_title.hyphenate = false;
  cover_title.color = "white";
  t.styles["cover-title"] = cover_title;
  Style cover_sub = cover_title;
  cover_sub.name = "cover-subtitle";
  cover_sub.bold = false;
  cover_sub.size_pt = 14;
  cover_sub.leading_pt = 19;
  t.styles["cover-subtitle"] = cover_sub;
  Style cover_year = cover_title;  // the year or period, large, in the book's accent colour
  cover_year.name = "cover-year";
  cover_year.size_pt = 104;
  cover_year.leading_pt = 104;
  cover_year.color = "vurgu";
  t.styles["cover-year"] = cover_year;
  Style cover_note = cover_sub;  // contact lines, the web address
  cover_note.name = "cover-note";
  cover_note.size_pt = 10;
  cover_note.leading_pt = 14;
  t.styles["cover-note"] = cover_note;

  Style form_title = t.styles["h2"];
  form_title.name = "form-title";
  form_title.uppercase = true;
  form_title.align = Alignment::center;
  t.styles["form-title"] = form_title;
  Style list = body;
  list.name = "list";
  list.first_indent_pt = 0;
  list.left_indent_pt = 14;
  t.styles["list"] = list;
  // Chapters (level 1) open on a recto, 30mm down; the other levels stay in the flow.
  for (int level = 1; level <= 6; ++level) t.headings[level] = HeadingLayout{};
  t.headings[1] = HeadingLayout{PageBreak::recto, mm_to_pt(30)};
  return t;
}

namespace {

const xml::Schema& template_schema() {
  static const xml::Schema schema(util::embedded_schema("template.rng"), "template");
  return schema;
}

// An allowed range for a length, in points, and how to say it in a hint.
struct Range {
  double min_pt;
  double max_pt;
  bool min_inclusive = true;
};

constexpr double max_page_mm = 5080;  // 200 in: the largest page a PDF can describe

std::string keys_of(const std::map<std::string, Style>& styles) {
  std::string list;
  for (const auto& [name, style] : styles) list += (list.empty() ? "" : ", ") + name;
  return list;
}

// Reads one template document into a Template that starts as the built-in defaults. Every
// mistake is an Error at the element or attribute that holds it.
class Reader {
 public:
  Reader(const xml::Document& document, Template& t) : doc_(document), t_(t), defaults_(default_template()) {}

  void read() {
    const xmlNode* root = doc_.root();
    if (auto name = xml::attribute(root, "name")) t_.name = *name;
    std::set<std::string_view> seen;
    for (const xmlNode* node : xml::elements(root)) {
      std::string_view element = xml::name(node);
      bool repeatable = element == "style" || element == "heading" || element == "numbering";
      if (!repeatable && !seen.insert(element).second) {
        doc_.fail(node, "'" + std::string(element) + "' is given twice in 'template'", "keep one");
      }
    }
    // Colours first, wherever they are: styles and tables refer to them.
    for (const xmlNode* colors : xml::elements(root, "colors")) {
      for (const xmlNode* color : xml::elements(colors, "color")) read_color(color);
    }
    // Then the page: heading drops are checked against its height.
    if (const xmlNode* page = xml::first_element(root, "page")) read_page(page);
    for (const xmlNode* node : xml::elements(root)) {
      std::string_view element = xml::name(node);
      if (element == "style") collect_style(node);
      else if (element == "table") read_table(node);
      else if (element == "running-heads") read_running_heads(node);
      else if (element == "folio") read_folio(node);
      else if (element == "chapters") read_chapters(node);
      else if (element == "matter") read_matter(node);
      else if (element == "heading") read_heading(node);
      else if (element == "numbering") read_numbering(node);
      else if (element == "captions") read_captions(node);
      else if (element == "typography") read_typography(node);
    }
    for (const auto& [name, node] : style_nodes_) resolve(name);
  }

 private:
  // --- values ---------------------------------------------------------------------------------

  [[noreturn]] void not_a_length(const xmlNode* node, const char* attribute, const std::string& object,
                                 const std::string& text) const {
    doc_.fail_at(node, attribute, std::string(attribute) + " of " + object + " is not a length: '" + text + "'",
                 "write a number with a unit: 25mm, 10.5pt, 1.2cm, 1.5em");
  }

  // A length in points, checked against `range`; `fallback` when the attribute is absent.
  double length(const xmlNode* node, const char* attribute, double fallback, const std::string& object,
                const Range& range, double em_pt = 10) const {
    auto text = xml::attribute(node, attribute);
    if (!text) return fallback;
    double value = 0;
    try {
      value = parse_length_pt(*text, em_pt);
    } catch (const std::exception&) {
      not_a_length(node, attribute, object, *text);
    }
    check_range(node, attribute, object, *text, value, range);
    return value;
  }

  void check_range(const xmlNode* node, const char* attribute, const std::string& object,
                   const std::string& text, double value_pt, const Range& range) const {
    if (value_pt < 0 && range.min_pt >= 0) {
      doc_.fail_at(node, attribute, std::string(attribute) + " of " + object + " is negative: '" + text + "'",
                   "write 0 or a positive length such as 3pt");
    }
    bool too_small = range.min_inclusive ? value_pt < range.min_pt : value_pt <= range.min_pt;
    if (too_small || value_pt > range.max_pt) {
      doc_.fail_at(node, attribute, std::string(attribute) + " of " + object + " is out of range: '" + text + "'",
                   "use a length " + std::string(range.min_inclusive ? "from " : "above ") +
                       util::format_number(range.min_pt) + "pt to " + util::format_number(range.max_pt) + "pt");
    }
    // NaN and infinite lengths wrote broken PDFs (no comparison above catches NaN).
    if (!std::isfinite(value_pt)) {
      doc_.fail_at(node, attribute, std::string(attribute) + " of " + object + " is not a finite length: '" + text + "'",
                   "write a number with a unit: 25mm, 10.5pt");
    }
  }

  // A page length in millimetres (exact for values written in mm).
  double length_mm(const xmlNode* node, const char* attribute, double fallback_mm, const Range& range_mm) const {
    auto text = xml::attribute(node, attribute);
    if (!text) return fallback_mm;
    double value_mm = 0;
    try {
      std::size_t used = 0;
      double number = parse_number(*text, used);
      std::string unit = text->substr(used);
      value_mm = unit == "mm" ? number : unit == "cm" ? number * 10 : pt_to_mm(parse_length_pt(*text));
    } catch (const std::exception&) {
      not_a_length(node, attribute, "page", *text);
    }
    if (value_mm < 0 && range_mm.min_pt >= 0) {
      doc_.fail_at(node, attribute, std::string(attribute) + " of page is negative: '" + *text + "'",
                   "write 0 or a positive length such as 20mm");
    }
    if (value_mm < range_mm.min_pt || value_mm > range_mm.max_pt) {
      doc_.fail_at(node, attribute, std::string(attribute) + " of page is out of range: '" + *text + "'",
                   "use a length from " + util::format_number(range_mm.min_pt) + "mm to " +
                       util::format_number(range_mm.max_pt) + "mm");
    }
    return value_mm;
  }

  bool flag(const xmlNode* node, const char* attribute, bool fallback) const {
    auto text = xml::attribute(node, attribute);
    return text ? *text == "true" : fallback;  // the schema allows only true and false
  }

  int integer(const xmlNode* node, const char* attribute, int fallback, int min, int max,
              const std::string& object) const {
    auto text = xml::attribute(node, attribute);
    if (!text) return fallback;
    int value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value < min || value > max) {
      doc_.fail_at(node, attribute,
                   std::string(attribute) + " of " + object + " must be a whole number from " + std::to_string(min) +
                       " to " + std::to_string(max) + ", not '" + *text + "'");
    }
    return value;
  }

  // A reference to a theme colour (or "#rrggbb"), checked against the colours known.
  std::string color_ref(const xmlNode* node, const char* attribute, const std::string& fallback,
                        const std::string& object) const {
    auto text = xml::attribute(node, attribute);
    if (!text) return fallback;
    if (t_.colors.count(*text) > 0) return *text;
    if (text->size() == 7 && (*text)[0] == '#' &&
        text->find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos) {
      return *text;
    }
    std::vector<std::string> names;
    for (const auto& [name, color] : t_.colors) names.push_back(name);
    std::string hint;
    if (auto guess = xml::closest(*text, names)) hint = "did you mean '" + *guess + "'? ";
    doc_.fail_at(node, attribute, "unknown colour '" + *text + "' in " + object,
                 hint + "define it in <colors> or use one of " + xml::quoted_list(names));
  }

  // A fill: a colour reference, or "none" (nothing drawn, stored as an empty name).
  std::string fill_ref(const xmlNode* node, const char* attribute, const std::string& fallback) const {
    auto text = xml::attribute(node, attribute);
    if (text && *text == "none") return {};
    return color_ref(node, attribute, fallback, "table");
  }

  // --- elements -------------------------------------------------------------------------------

  void read_color(const xmlNode* node) {
    std::string name = *xml::attribute(node, "name");
    if (!defined_colors_.insert(name).second) {
      doc_.fail_at(node, "name", "colour '" + name + "' is defined twice", "keep one of them");
    }
    std::string cmyk = *xml::attribute(node, "cmyk");
    std::istringstream in(cmyk);
    in.imbue(std::locale::classic());
    double v[4] = {0, 0, 0, 0};
    bool ok = static_cast<bool>(in >> v[0] >> v[1] >> v[2] >> v[3]);
    std::string rest;
    if (ok && (in >> rest)) ok = false;
    for (double value : v) ok = ok && std::isfinite(value) && value >= 0 && value <= 100;
    if (!ok) {
      doc_.fail_at(node, "cmyk", "cmyk of colour '" + name + "' must be four percentages, not '" + cmyk + "'",
                   "write cyan, magenta, yellow and black from 0 to 100: cmyk=\"100 60 0 20\"");
    }
    t_.colors[name] = Color::from_cmyk(v[0], v[1], v[2], v[3]);
  }

  void read_page(const xmlNode* node) {
    PageMaster& p = t_.page;
    if (auto size = xml::attribute(node, "size")) {
      if (*size == "A4") p.width_mm = 210, p.height_mm = 297;
      else if (*size == "A5") p.width_mm = 148, p.height_mm = 210;
      else if (*size == "B5") p.width_mm = 176, p.height_mm = 250;
      else if (*size == "17x24") p.width_mm = 170, p.height_mm = 240;
    }
    const Range trim{50, max_page_mm};
    const Range margin{0, max_page_mm};
    p.width_mm = length_mm(node, "width", p.width_mm, trim);
    p.height_mm = length_mm(node, "height", p.height_mm, trim);
    p.inner_mm = length_mm(node, "inner", p.inner_mm, margin);
    p.outer_mm = length_mm(node, "outer", p.outer_mm, margin);
    p.top_mm = length_mm(node, "top", p.top_mm, margin);
    p.bottom_mm = length_mm(node, "bottom", p.bottom_mm, margin);
    p.header_mm = length_mm(node, "header", p.header_mm, margin);
    p.footer_mm = length_mm(node, "footer", p.footer_mm, margin);
    p.bleed_mm = length_mm(node, "bleed", p.bleed_mm, Range{0, 25});
    p.gutter_mm = length_mm(node, "gutter", p.gutter_mm, margin);
    p.facing = flag(node, "facing", p.facing);
    p.columns = integer(node, "columns", p.columns, 1, 12, "page");
    if (p.inner_mm + p.outer_mm >= p.width_mm - 20 || p.top_mm + p.bottom_mm >= p.height_mm - 20) {
      doc_.fail(node, "page margins leave no room for text",
                "the margins must leave at least 20mm of text block across and down");
    }
  }

  void collect_style(const xmlNode* node) {
    std::string name = *xml::attribute(node, "name");
    auto [it, inserted] = style_nodes_.emplace(name, node);
    if (!inserted) {
      doc_.fail_at(node, "name", "style '" + name + "' is defined twice",
                   "the first is on line " + std::to_string(doc_.at(it->second).line) + "; keep one of them");
    }
  }

  // The style `name` with its parent's values under its own: the parent is `based-on`, or the
  // built-in style of the same name, or the template's body.
  const Style& resolve(const std::string& name) {
    if (auto done = t_.styles.find(name); done != t_.styles.end() && resolved_.count(name) > 0) return done->second;
    const xmlNode* node = style_nodes_.at(name);
    if (std::find(resolving_.begin(), resolving_.end(), name) != resolving_.end()) {
      std::string chain;
      auto from = std::find(resolving_.begin(), resolving_.end(), name);
      for (auto it = from; it != resolving_.end(); ++it) chain += *it + " -> ";
      chain += name;
      doc_.fail_at(node, "based-on", "style '" + name + "' is based on itself (" + chain + ")",
                   "break the cycle: base one of these styles on 'body' or on none");
    }
    resolving_.push_back(name);
    Style base;
    if (auto parent = xml::attribute(node, "based-on")) {
      if (style_nodes_.count(*parent) > 0) {
        base = resolve(*parent);
      } else if (auto builtin = defaults_.styles.find(*parent); builtin != defaults_.styles.end()) {
        base = builtin->second;
      } else {
        std::vector<std::string> known;
        for (const auto& [style_name, style] : defaults_.styles) known.push_back(style_name);
        for (const auto& [style_name, style_node] : style_nodes_) {
          if (defaults_.styles.count(style_name) == 0) known.push_back(style_name);
        }
        std::string hint;
        if (auto guess = xml::closest(*parent, known)) hint = "did you mean '" + *guess + "'? ";
        doc_.fail_at(node, "based-on", "style '" + name + "' is based on unknown style '" + *parent + "'",
                     hint + "base it on a style of this template or a built-in one (" + keys_of(defaults_.styles) + ")");
      }
    } else if (auto builtin = defaults_.styles.find(name); builtin != defaults_.styles.end()) {
      base = builtin->second;
    } else if (name != "body" && style_nodes_.count("body") > 0) {
      base = resolve("body");
    } else {
      base = defaults_.styles.at("body");
    }
    Style s = read_style(node, name, std::move(base));
    resolving_.pop_back();
    resolved_.insert(name);
    return t_.styles[name] = std::move(s);
  }

  Style read_style(const xmlNode* node, const std::string& name, Style s) {
    const std::string object = "style '" + name + "'";
    s.name = name;
    if (auto font = xml::attribute(node, "font")) {
      if (font->empty()) doc_.fail_at(node, "font", "font of " + object + " is empty", "name a font family: font=\"Linux Libertine O\"");
      s.font = *font;
      t_.font_sources.emplace(s.font, doc_.at(node, "font"));
    }
    if (auto weight = xml::attribute(node, "weight")) s.bold = *weight == "bold";
    if (auto slant = xml::attribute(node, "style")) s.italic = *slant == "italic";
    s.size_pt = length(node, "size", s.size_pt, object, Range{0, 1000, false});
    s.leading_pt = length(node, "leading", s.leading_pt, object, Range{0, 2000, false}, s.size_pt);
    s.first_indent_pt = length(node, "first-indent", s.first_indent_pt, object, Range{-1000, 1000}, s.size_pt);
    s.left_indent_pt = length(node, "left-indent", s.left_indent_pt, object, Range{0, 1000}, s.size_pt);
    s.space_before_pt = length(node, "space-before", s.space_before_pt, object, Range{0, 1000}, s.size_pt);
    s.space_after_pt = length(node, "space-after", s.space_after_pt, object, Range{0, 1000}, s.size_pt);
    if (auto text = xml::attribute(node, "tracking")) {
      double value = 0;
      std::size_t used = 0;
      try {
        value = parse_number(*text, used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != text->size() || value < -1000 || value > 1000) {
        doc_.fail_at(node, "tracking", "tracking of " + object + " must be a number from -1000 to 1000, not '" + *text + "'",
                     "tracking is in 1/1000 em, as in InDesign: tracking=\"20\"");
      }
      s.tracking_em = value / 1000.0;
    }
    s.hyphenate = flag(node, "hyphenate", s.hyphenate);
    s.uppercase = flag(node, "uppercase", s.uppercase);
    s.keep_with_next = flag(node, "keep-with-next", s.keep_with_next);
    s.color = color_ref(node, "color", s.color, object);
    if (auto align = xml::attribute(node, "align")) {
      if (*align == "justify") s.align = Alignment::justify;
      else if (*align == "start" || *align == "left") s.align = Alignment::start;
      else if (*align == "center") s.align = Alignment::center;
      else s.align = Alignment::end;
    }
    return s;
  }

  void read_table(const xmlNode* node) {
    TableStyle& table = t_.table;
    table.header_fill = fill_ref(node, "header-fill", table.header_fill);
    table.header_color = color_ref(node, "header-color", table.header_color, "table");
    table.rule_color = color_ref(node, "rule-color", table.rule_color, "table");
    table.zebra = flag(node, "zebra", table.zebra);
    table.zebra_fill = color_ref(node, "zebra-fill", table.zebra_fill, "table");
    table.group_fill = fill_ref(node, "group-fill", table.group_fill);
    table.subtotal_fill = fill_ref(node, "subtotal-fill", table.subtotal_fill);
    table.total_fill = fill_ref(node, "total-fill", table.total_fill);
    table.missing_marker = xml::attribute(node, "missing").value_or(table.missing_marker);
    table.missing_legend = xml::attribute(node, "missing-legend").value_or(table.missing_legend);
    table.min_rows = integer(node, "min-rows", table.min_rows, 1, 20, "table");
    table.keep_whole = integer(node, "keep-whole", table.keep_whole, 0, 1000, "table");
    table.carried_label = xml::attribute(node, "carried").value_or(table.carried_label);
    table.brought_label = xml::attribute(node, "brought").value_or(table.brought_label);
    table.min_size_pt = length(node, "min-size", table.min_size_pt, "table", Range{4, 30});
    if (auto wide = xml::attribute(node, "wide")) table.wide = *wide == "landscape" ? WideTable::landscape : WideTable::reduce;
    if (auto valign = xml::attribute(node, "valign")) {
      table.valign = *valign == "middle" ? CellAlign::middle : *valign == "bottom" ? CellAlign::bottom : CellAlign::top;
    }
    if (auto text = xml::attribute(node, "padding")) table.padding = padding_shorthand(node, *text);
    const Range side{0, 100};
    table.padding.top_pt = length(node, "padding-top", table.padding.top_pt, "table", side);
    table.padding.right_pt = length(node, "padding-right", table.padding.right_pt, "table", side);
    table.padding.bottom_pt = length(node, "padding-bottom", table.padding.bottom_pt, "table", side);
    table.padding.left_pt = length(node, "padding-left", table.padding.left_pt, "table", side);
    if (auto rules = xml::attribute(node, "rules")) {
      table.rules = *rules == "booktabs" ? TableRules::booktabs : *rules == "none" ? TableRules::none : TableRules::grid;
    }
  }

  // padding="3pt" (all sides), "2pt 4pt" (top and bottom, left and right) or "1pt 2pt 3pt 4pt"
  // (top, right, bottom, left), as in CSS.
  Padding padding_shorthand(const xmlNode* node, const std::string& text) const {
    std::istringstream in(text);
    std::vector<double> values;
    std::string word;
    while (in >> word) {
      double value = 0;
      try {
        value = parse_length_pt(word);
      } catch (const std::exception&) {
        not_a_length(node, "padding", "table", text);
      }
      check_range(node, "padding", "table", text, value, Range{0, 100});
      values.push_back(value);
    }
    if (values.size() != 1 && values.size() != 2 && values.size() != 4) {
      doc_.fail_at(node, "padding", "padding of table takes 1, 2 or 4 lengths, not '" + text + "'",
                   "padding=\"3pt\" (all sides), \"2pt 4pt\" (top/bottom, left/right) or \"1pt 2pt 3pt 4pt\"");
    }
    if (values.size() == 1) return Padding{values[0], values[0], values[0], values[0]};
    if (values.size() == 2) return Padding{values[0], values[1], values[0], values[1]};
    return Padding{values[0], values[1], values[2], values[3]};
  }

  void read_running_heads(const xmlNode* node) {
    if (auto verso = xml::attribute(node, "verso")) t_.running_head_verso = *verso;
    if (auto recto = xml::attribute(node, "recto")) t_.running_head_recto = *recto;
  }

  void read_folio(const xmlNode* node) {
    if (auto position = xml::attribute(node, "position")) {
      t_.folio.position = *position == "top" ? FolioPosition::top : FolioPosition::bottom;
    }
    if (auto align = xml::attribute(node, "align")) {
      t_.folio.align = *align == "center" ? FolioAlign::center : *align == "inner" ? FolioAlign::inner : FolioAlign::outer;
    }
  }

  void read_chapters(const xmlNode* node) {
    // <chapters recto> is the older way to say <heading level="1" break=...>; an explicit
    // <heading level="1"> wins, whatever the order.
    bool recto = flag(node, "recto", true);
    if (explicit_levels_.count(1) == 0) t_.headings[1].break_before = recto ? PageBreak::recto : PageBreak::page;
  }

  void read_matter(const xmlNode* node) {
    if (auto start = xml::attribute(node, "body-start")) {
      t_.body_start = *start == "page" ? PageBreak::page : PageBreak::recto;
    }
  }

  void read_heading(const xmlNode* node) {
    int level = integer(node, "level", 0, 1, 6, "heading");
    if (!explicit_levels_.insert(level).second) {
      doc_.fail_at(node, "level", "heading level " + std::to_string(level) + " is given twice", "keep one of them");
    }
    HeadingLayout& layout = t_.headings[level];
    if (auto brk = xml::attribute(node, "break")) {
      layout.break_before = *brk == "recto" ? PageBreak::recto : *brk == "page" ? PageBreak::page : PageBreak::none;
    }
    layout.drop_pt = length(node, "drop", layout.drop_pt, "heading level " + std::to_string(level),
                            Range{0, mm_to_pt(t_.page.height_mm)});
  }

  void read_numbering(const xmlNode* node) {
    int level = integer(node, "level", 0, 1, 6, "numbering");
    Numbering numbering;
    numbering.style = *xml::attribute(node, "style");
    numbering.suffix = xml::attribute(node, "suffix").value_or("");
    t_.numbering[level] = numbering;
  }

  // The number `text` holds followed by exactly `unit` ("%", "em" or ""); nullopt if it is not one.
  static std::optional<double> number_with_unit(const std::string& text, std::string_view unit) {
    try {
      std::size_t used = 0;
      double value = parse_number(text, used);
      if (std::string_view(text).substr(used) == unit) return value;
    } catch (const std::exception&) {
    }
    return std::nullopt;
  }

  // A fraction written as a percentage ("2%", "0.5%"), checked against [min, max] percent.
  double percentage(const xmlNode* node, const char* attribute, double fallback, double min_percent,
                    double max_percent, const std::string& object) const {
    auto text = xml::attribute(node, attribute);
    if (!text) return fallback;
    auto value = number_with_unit(*text, "%");
    if (!value || *value < min_percent || *value > max_percent) {
      doc_.fail_at(node, attribute,
                   std::string(attribute) + " of " + object + " must be a percentage from " +
                       util::format_number(min_percent) + "% to " + util::format_number(max_percent) + "%, not '" +
                       *text + "'",
                   "write a number and a percent sign: 2%");
    }
    return *value / 100;
  }

  double number(const xmlNode* node, const char* attribute, double fallback, double min, double max,
                const std::string& object) const {
    auto text = xml::attribute(node, attribute);
    if (!text) return fallback;
    auto value = number_with_unit(*text, "");
    if (!value || *value < min || *value > max) {
      doc_.fail_at(node, attribute,
                   std::string(attribute) + " of " + object + " must be a number from " + util::format_number(min) +
                       " to " + util::format_number(max) + ", not '" + *text + "'");
    }
    return *value;
  }

  void read_typography(const xmlNode* node) {
    Typography& ty = t_.typography;
    const std::string object = "typography";
    t_.smart_quotes = flag(node, "smart-quotes", t_.smart_quotes);
    ty.expansion = percentage(node, "expansion", ty.expansion, 0, 5, object);
    ty.expansion_step = percentage(node, "expansion-step", ty.expansion_step, 0, 5, object);
    ty.protrusion = flag(node, "protrusion", ty.protrusion);
    ty.chart_min_size_pt = length(node, "chart-min-size", ty.chart_min_size_pt, object, Range{4, 24});
    if (auto text = xml::attribute(node, "letter-spacing")) {
      double value = number_with_unit(*text, "em").value_or(-1);
      if (value < 0 || value > 0.1) {
        doc_.fail_at(node, "letter-spacing",
                     "letter-spacing of typography must be a length in em from 0em to 0.1em, not '" + *text + "'",
                     "write 0.02em (0em turns letter-spacing off)");
      }
      ty.letter_spacing_em = value;
    }
    ty.word_space_stretch = percentage(node, "word-space-stretch", ty.word_space_stretch, 0, 200, object);
    ty.word_space_shrink = percentage(node, "word-space-shrink", ty.word_space_shrink, 0, 60, object);
    ty.word_space_max = percentage(node, "word-space-max", ty.word_space_max, 100, 400, object);
    ty.hyphen_penalty = number(node, "hyphen-penalty", ty.hyphen_penalty, 0, 10000, object);
    ty.consecutive_hyphen_demerits =
        number(node, "consecutive-hyphen-demerits", ty.consecutive_hyphen_demerits, 0, 1e7, object);
    ty.final_hyphen_demerits = number(node, "final-hyphen-demerits", ty.final_hyphen_demerits, 0, 1e7, object);
    ty.fitness_demerits = number(node, "fitness-demerits", ty.fitness_demerits, 0, 1e7, object);
    ty.hyphens_in_a_row = integer(node, "hyphens-in-a-row", ty.hyphens_in_a_row, 1, 10, object);
    if (ty.expansion_step > ty.expansion && ty.expansion > 0) {
      doc_.fail_at(node, "expansion-step", "expansion-step of typography is larger than expansion",
                   "use a step no larger than the expansion, such as 0.5%");
    }
    for (const xmlNode* entry : xml::elements(node, "protrude")) {
      std::string chars = *xml::attribute(entry, "chars");
      Protrusion factors;
      factors.left = percentage(entry, "left", 0, 0, 100, "protrude");
      factors.right = percentage(entry, "right", 0, 0, 100, "protrude");
      std::size_t i = 0;
      while (i < chars.size()) {
        std::size_t length = util::utf8_sequence_length(static_cast<unsigned char>(chars[i]));
        if (length == 0 || i + length > chars.size()) {
          doc_.fail_at(entry, "chars", "chars of protrude is not valid UTF-8", "write the characters themselves");
        }
        ty.protrude[chars.substr(i, length)] = factors;
        i += length;
      }
    }
  }

  void read_captions(const xmlNode* node) {
    Captions& c = t_.captions;
    c.numbering = xml::attribute(node, "numbering").value_or(c.numbering);
    c.table = xml::attribute(node, "table").value_or(c.table);
    c.chart = xml::attribute(node, "chart").value_or(c.chart);
    c.figure = xml::attribute(node, "figure").value_or(c.figure);
    c.separator = xml::attribute(node, "separator").value_or(c.separator);
    c.continued = xml::attribute(node, "continued").value_or(c.continued);
  }

  const xml::Document& doc_;
  Template& t_;
  const Template defaults_;
  std::set<std::string> defined_colors_;
  std::map<std::string, const xmlNode*> style_nodes_;
  std::set<std::string> resolved_;
  std::vector<std::string> resolving_;
  std::set<int> explicit_levels_;
};

Template read_template(const xml::Document& document, const std::filesystem::path& file) {
  template_schema().validate(document);
  Template t = default_template();
  t.file = file;
  Reader(document, t).read();
  return t;
}

}  // namespace

Template load_template(const std::filesystem::path& file) {
  return read_template(xml::parse_file(file), file);
}

Template parse_template(std::string_view xml_text, const std::string& display_name) {
  return read_template(xml::parse_memory(xml_text, display_name), display_name);
}

}  // namespace dizgi::layout
