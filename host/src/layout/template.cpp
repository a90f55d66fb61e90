#include "layout/template.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <charconv>
#include <cmath>
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

static double parse_number(const std::string& text, std::size_t& used) {
  // std::from_chars for double is locale-independent (STYLE.md rule 11).
  double value = 0;
  auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc()) throw std::invalid_argument(text);
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

Template default_template() {
  Template t;
  t.name = "default";
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
  cell.hyphenate = true;
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
  return t;
}

namespace {

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

std::string attr(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string result(reinterpret_cast<char*>(value));
  xmlFree(value);
  return result;
}

bool is(xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

class Reader {
 public:
  explicit Reader(std::filesystem::path file) : file_(std::move(file)) {}

  [[noreturn]] void fail(xmlNode* node, const std::string& message, const std::string& hint = {}) {
    throw Error(ErrorCode::project,
                Location{file_.string(), node ? static_cast<uint32_t>(xmlGetLineNo(node)) : 0, 0, {}},
                message, hint);
  }

  double length(xmlNode* node, const char* name, double fallback, double em = 10) {
    std::string text = attr(node, name);
    if (text.empty()) return fallback;
    double value = 0;
    try {
      value = parse_length_pt(text, em);
    } catch (const std::exception&) {
      fail(node, std::string("attribute '") + name + "': not a length: '" + text + "'",
           "write a number with a unit: 25mm, 10.5pt, 1.2cm");
    }
    // NaN, infinite, huge or negative lengths wrote broken PDFs or ended in range errors. The
    // largest PDF page is 14400 pt (5080 mm); only a first-line indent may be negative.
    if (!std::isfinite(value) || std::abs(value) > 14400 || (value < 0 && std::string_view(name) != "first-indent")) {
      fail(node, std::string("attribute '") + name + "': length out of range: '" + text + "'",
           "lengths lie between 0 and 5080mm (14400pt); only first-indent may be negative");
    }
    return value;
  }

  bool flag(xmlNode* node, const char* name, bool fallback) {
    std::string text = attr(node, name);
    if (text.empty()) return fallback;
    if (text == "true" || text == "yes" || text == "1") return true;
    if (text == "false" || text == "no" || text == "0") return false;
    fail(node, std::string("attribute '") + name + "': expected true or false, not '" + text + "'");
  }

  void read_style(xmlNode* node, Template& t) {
    std::string name = attr(node, "name");
    if (name.empty()) fail(node, "style without a 'name' attribute");
    std::string base = attr(node, "based-on");
    Style s = t.styles.count(name) ? t.styles[name] : (t.styles.count(base) ? t.styles[base] : t.styles["body"]);
    s.name = name;
    if (auto v = attr(node, "font"); !v.empty()) s.font = v;
    std::string weight = attr(node, "weight");
    if (!weight.empty()) s.bold = weight == "bold";
    std::string slant = attr(node, "style");
    if (!slant.empty()) s.italic = slant == "italic";
    s.size_pt = length(node, "size", s.size_pt);
    s.leading_pt = length(node, "leading", s.leading_pt, s.size_pt);
    s.first_indent_pt = length(node, "first-indent", s.first_indent_pt, s.size_pt);
    s.left_indent_pt = length(node, "left-indent", s.left_indent_pt, s.size_pt);
    s.space_before_pt = length(node, "space-before", s.space_before_pt, s.size_pt);
    s.space_after_pt = length(node, "space-after", s.space_after_pt, s.size_pt);
    if (auto v = attr(node, "tracking"); !v.empty()) {
      std::size_t used = 0;
      try {
        s.tracking_em = parse_number(v, used) / 1000.0;  // in 1/1000 em, as InDesign
      } catch (const std::exception&) {
        fail(node, "attribute 'tracking': not a number: '" + v + "'");
      }
    }
    s.hyphenate = flag(node, "hyphenate", s.hyphenate);
    s.uppercase = flag(node, "uppercase", s.uppercase);
    s.keep_with_next = flag(node, "keep-with-next", s.keep_with_next);
    if (auto v = attr(node, "color"); !v.empty()) s.color = v;
    if (auto v = attr(node, "align"); !v.empty()) {
      if (v == "justify") s.align = Alignment::justify;
      else if (v == "start" || v == "left") s.align = Alignment::start;
      else if (v == "center") s.align = Alignment::center;
      else if (v == "end" || v == "right") s.align = Alignment::end;
      else fail(node, "attribute 'align': unknown value '" + v + "'", "use justify, start, center or end");
    }
    t.styles[name] = s;
  }

  void read_color(xmlNode* node, Template& t) {
    std::string name = attr(node, "name");
    if (name.empty()) fail(node, "color without a 'name' attribute");
    std::string cmyk = attr(node, "cmyk");
    if (cmyk.empty()) fail(node, "color '" + name + "' needs a 'cmyk' attribute", "cmyk=\"100 60 0 20\" in percent");
    std::istringstream in(cmyk);
    in.imbue(std::locale::classic());
    double c, m, y, k;
    if (!(in >> c >> m >> y >> k) || c < 0 || m < 0 || y < 0 || k < 0 || c > 100 || m > 100 || y > 100 || k > 100) {
      fail(node, "color '" + name + "': cmyk must be four percentages, not '" + cmyk + "'");
    }
    t.colors[name] = Color::from_cmyk(c, m, y, k);
  }

  void read_page(xmlNode* node, Template& t) {
    PageMaster& p = t.page;
    std::string size = attr(node, "size");
    if (size == "A4") { p.width_mm = 210; p.height_mm = 297; }
    else if (size == "A5") { p.width_mm = 148; p.height_mm = 210; }
    else if (size == "17x24") { p.width_mm = 170; p.height_mm = 240; }
    else if (size == "B5") { p.width_mm = 176; p.height_mm = 250; }
    else if (!size.empty()) fail(node, "unknown page size '" + size + "'", "use A4, A5, B5, 17x24 or width/height");
    auto mm = [&](const char* name, double fallback) { return pt_to_mm(length(node, name, mm_to_pt(fallback))); };
    p.width_mm = mm("width", p.width_mm);
    p.height_mm = mm("height", p.height_mm);
    p.inner_mm = mm("inner", p.inner_mm);
    p.outer_mm = mm("outer", p.outer_mm);
    p.top_mm = mm("top", p.top_mm);
    p.bottom_mm = mm("bottom", p.bottom_mm);
    p.header_mm = mm("header", p.header_mm);
    p.footer_mm = mm("footer", p.footer_mm);
    p.bleed_mm = mm("bleed", p.bleed_mm);
    p.gutter_mm = mm("gutter", p.gutter_mm);
    p.facing = flag(node, "facing", p.facing);
    if (auto v = attr(node, "columns"); !v.empty()) p.columns = std::max(1, std::atoi(v.c_str()));
    if (p.width_mm < 50 || p.height_mm < 50 || p.inner_mm + p.outer_mm >= p.width_mm - 20 ||
        p.top_mm + p.bottom_mm >= p.height_mm - 20) {
      fail(node, "page margins leave no room for text");
    }
  }

 private:
  std::filesystem::path file_;
};

}  // namespace

Template load_template(const std::filesystem::path& file) {
  Template t = default_template();
  t.file = file;
  // No network, no entity substitution, no DTD loading: templates are plain XML.
  std::unique_ptr<xmlDoc, DocDeleter> doc(
      xmlReadFile(file.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) {
    const xmlError* error = xmlGetLastError();
    Location at{file.string()};
    std::string message = "cannot read template";
    if (error) {
      at.line = static_cast<uint32_t>(error->line);
      at.column = static_cast<uint32_t>(error->int2);
      if (error->message) {
        message = error->message;
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
        for (char& c : message) c = static_cast<char>(c == '\n' ? ' ' : c);
        if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
      }
    }
    throw Error(ErrorCode::project, at, message, "fix the template XML");
  }
  Reader reader(file);
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || !is(root, "template")) reader.fail(root, "the root element must be <template>");
  if (doc->intSubset && doc->intSubset->entities) {
    reader.fail(root, "entity declarations are not allowed in templates");
  }
  t.name = attr(root, "name");
  for (xmlNode* node = root->children; node; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (is(node, "page")) reader.read_page(node, t);
    else if (is(node, "colors")) {
      for (xmlNode* c = node->children; c; c = c->next)
        if (is(c, "color")) reader.read_color(c, t);
    } else if (is(node, "style")) reader.read_style(node, t);
    else if (is(node, "table")) {
      if (auto v = attr(node, "header-fill"); !v.empty()) t.table.header_fill = v;
      if (auto v = attr(node, "header-color"); !v.empty()) t.table.header_color = v;
      if (auto v = attr(node, "rule-color"); !v.empty()) t.table.rule_color = v;
      if (auto v = attr(node, "zebra-fill"); !v.empty()) t.table.zebra_fill = v;
      if (auto v = attr(node, "total-fill"); !v.empty()) t.table.total_fill = v;
      if (auto v = attr(node, "missing"); !v.empty()) t.table.missing_marker = v;
      t.table.cell_padding_pt = reader.length(node, "padding", t.table.cell_padding_pt);
    } else if (is(node, "running-heads")) {
      if (auto v = attr(node, "verso"); !v.empty()) t.running_head_verso = v;
      if (auto v = attr(node, "recto"); !v.empty()) t.running_head_recto = v;
    } else if (is(node, "numbering")) {
      std::string level = attr(node, "level");
      int n = std::atoi(level.c_str());
      if (n < 1 || n > 6) reader.fail(node, "numbering: 'level' must be 1 to 6, not '" + level + "'");
      Numbering numbering;
      numbering.style = attr(node, "style");
      if (numbering.style != "none" && numbering.style != "roman" && numbering.style != "letter" &&
          numbering.style != "decimal" && numbering.style != "decimal-path") {
        reader.fail(node, "numbering: unknown style '" + numbering.style + "'",
                    "use none, roman, letter, decimal or decimal-path");
      }
      numbering.suffix = attr(node, "suffix");
      t.numbering[n] = numbering;
    } else if (is(node, "captions")) {
      if (auto v = attr(node, "numbering"); !v.empty()) {
        if (v != "document" && v != "chapter") reader.fail(node, "captions: numbering must be document or chapter");
        t.captions.numbering = v;
      }
      if (auto v = attr(node, "table"); !v.empty()) t.captions.table = v;
      if (auto v = attr(node, "chart"); !v.empty()) t.captions.chart = v;
      if (auto v = attr(node, "figure"); !v.empty()) t.captions.figure = v;
      if (auto v = attr(node, "separator"); !v.empty()) t.captions.separator = v;
    } else if (is(node, "typography")) {
      t.smart_quotes = reader.flag(node, "smart-quotes", t.smart_quotes);
    } else if (is(node, "chapters")) {
      t.chapter_on_recto = reader.flag(node, "recto", t.chapter_on_recto);
    } else {
      reader.fail(node, "unknown element '" + std::string(reinterpret_cast<const char*>(node->name)) + "' in template",
                  "expected page, colors, style, table, running-heads, chapters, numbering, captions or typography");
    }
  }
  return t;
}

}  // namespace dizgi::layout
