// The template: how a book looks. Page masters, paragraph/character styles, table style, theme
// colours (CMYK, the designer's exact values) and fonts, read from layouts/<name>/template.xml.
// Designers edit templates without rebuilding anything.
#pragma once

#include <dizgi/diagnostics.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dizgi::layout {

// A colour as the designer wrote it: CMYK in percent (print) and the RGB used on screen.
struct Color {
  double c = 0, m = 0, y = 0, k = 100;  // percent
  double r = 0, g = 0, b = 0;           // 0..1, derived from CMYK unless given
  bool operator==(const Color&) const = default;
  static Color from_cmyk(double c, double m, double y, double k);
  static Color from_rgb(double r, double g, double b);
  static Color black() { return from_cmyk(0, 0, 0, 100); }
  static Color white() { return from_cmyk(0, 0, 0, 0); }
};

enum class Alignment { justify = 1, start, center, end };

struct Style {
  std::string name;
  std::string font = "Linux Libertine O";
  bool bold = false;
  bool italic = false;
  double size_pt = 10.5;
  double leading_pt = 14;
  Alignment align = Alignment::justify;
  double first_indent_pt = 0;
  double left_indent_pt = 0;
  double space_before_pt = 0;
  double space_after_pt = 0;
  double tracking_em = 0;  // letter spacing in em
  bool hyphenate = true;
  bool uppercase = false;  // Turkish-aware (İÇİNDEKİLER)
  bool keep_with_next = false;
  std::string color = "text";
  bool operator==(const Style&) const = default;
};

struct PageMaster {
  double width_mm = 210, height_mm = 297;
  double inner_mm = 25, outer_mm = 25, top_mm = 25, bottom_mm = 25;
  double header_mm = 12, footer_mm = 12;  // distance of running head / folio baseline from trim
  double bleed_mm = 3;
  bool facing = true;
  int columns = 1;
  double gutter_mm = 5;
  bool operator==(const PageMaster&) const = default;
};

// Which rules a data table draws: grid (between all rows and columns), booktabs (horizontal
// only: a heavy rule above and below the table, a light one under the header) or none.
enum class TableRules { grid = 1, booktabs, none };

// What happens to a table too wide for the portrait measure: it is set smaller (down to the
// minimum size), or on landscape pages of its own.
enum class WideTable { reduce = 1, landscape };

// Space between a cell's edges and its text, per side.
struct Padding {
  double top_pt = 3, right_pt = 3, bottom_pt = 3, left_pt = 3;
  bool operator==(const Padding&) const = default;
};

// Vertical alignment of the text in a table cell taller than its text.
enum class CellAlign { top = 1, middle, bottom };

// How data tables look and break (docs/templates.md, `table`). Fills are theme colour names;
// an empty fill draws nothing. Text cells hyphenate only when the "table" style allows it, and
// number columns (aligned at the end or on the decimal comma) never do.
struct TableStyle {
  std::string header_fill;             // empty: no fill (the booktabs manner)
  std::string header_color = "text";
  std::string rule_color = "cizgi";
  bool zebra = false;                  // stripes on every other body row, only when asked
  std::string zebra_fill = "zemin";
  std::string group_fill;              // group rows (an amaç above its hedef rows)
  std::string subtotal_fill;
  std::string total_fill = "zemin";
  std::string missing_marker = "–";  // a null figure (never 0)
  // A line under every table that shows the marker, saying what it means ("–: veri yok");
  // empty: none.
  std::string missing_legend;
  Padding padding;
  TableRules rules = TableRules::booktabs;
  CellAlign valign = CellAlign::top;
  // Page breaks: at least `min_rows` body rows before and after a break, and a table of at
  // most `keep_whole` body rows moves to the next page whole rather than split.
  int min_rows = 2;
  int keep_whole = 10;
  // Labels of the carried-totals rows ("Nakli yekûn" at a page foot, "Devreden" at the top of
  // the next page) when the table does not name its own.
  std::string carried_label = "Nakli yekûn";
  std::string brought_label = "Devreden";
  // A table too wide for the measure is set smaller, down to this size (with a diagnostic).
  double min_size_pt = 7;
  // A table whose longest words do not fit the portrait measure even at `min_size_pt`: set
  // smaller and reported (`reduce`), or turned onto landscape pages (`landscape`). A table whose
  // layout asks for portrait or landscape pages gets them either way.
  WideTable wide = WideTable::reduce;
  std::string font = "Linux Biolinum O";
  double size_pt = 8.5;
  double leading_pt = 10.5;
  bool operator==(const TableStyle&) const = default;
};

// Where a heading starts: in the flow, on a new page, on a new right-hand (recto) page, or on a
// left-hand (verso) page (a spread's first page; layouts ask for it with props "break").
enum class PageBreak { none = 1, page, recto, verso };

// How a heading level is placed: its page break and, on the page it opens, the drop (the space
// above the heading; the chapter-opener drop).
struct HeadingLayout {
  PageBreak break_before = PageBreak::none;
  double drop_pt = 0;
  bool operator==(const HeadingLayout&) const = default;
};

enum class FolioPosition { bottom = 1, top };
// outer: the outside edge (right on rectos, left on versos; right on single-sided pages),
// inner: the binding edge, center: the middle of the text block.
enum class FolioAlign { outer = 1, center, inner };

struct Folio {
  FolioPosition position = FolioPosition::bottom;
  FolioAlign align = FolioAlign::outer;
  bool operator==(const Folio&) const = default;
};

// How headings without a number from the layout are numbered, per level.
struct Numbering {
  std::string style = "none";  // none | roman ("I") | letter (Turkish: A B C Ç D) | decimal ("2")
                               // | decimal-path ("2.1.3": the decimal numbers of all levels)
  std::string suffix;          // "-", ".", ""
  bool operator==(const Numbering&) const = default;
};

// Caption labels of tables, charts and figures.
struct Captions {
  std::string numbering = "document";  // document ("Tablo 7:") | chapter ("Tablo 3.2:")
                                       // | none (the caption text alone, no label)
  std::string table = "Tablo";
  std::string chart = "Grafik";
  std::string figure = "Şekil";
  std::string separator = ": ";
  std::string continued = "(devamı)";  // after the label on the pages a table continues on
  bool operator==(const Captions&) const = default;
};

// How far a character may hang into the margin at a line's start (left) and end (right), as a
// fraction of its own width (character protrusion, "optical margin alignment").
struct Protrusion {
  double left = 0, right = 0;
  bool operator==(const Protrusion&) const = default;
};

// How justified text is set (<typography>): microtypography and the line breaker's costs. None of
// it applies in table cells. docs/typesetting.md §5 explains each value with measured effects.
struct Typography {
  double expansion = 0.02;        // glyphs stretch or shrink by at most this fraction per line
  double expansion_step = 0.005;  // ...in steps of this size (0: continuous)
  bool protrusion = true;         // characters in `protrude` hang into the margins
  std::map<std::string, Protrusion> protrude;  // by character (one UTF-8 character per key)
  double word_space_stretch = 0.5;  // a justified word space grows by this × ratio of its width
  double word_space_shrink = 0.35;  // ...and shrinks by at most this fraction of it
  double letter_spacing_em = 0.02;  // last resort: at most this much between letters
  double word_space_max = 1.5;      // ...used only where word spaces would exceed this × natural
  double hyphen_penalty = 250;      // cost of a break at a hyphenation point (TeX: 50)
  double consecutive_hyphen_demerits = 10000;  // two hyphenated lines in a row
  double final_hyphen_demerits = 5000;         // the paragraph's second-last line ends in a hyphen
  double fitness_demerits = 5000;  // adjacent lines of very different tightness
  int hyphens_in_a_row = 2;        // hard limit on consecutive hyphenated lines
  double chart_min_size_pt = 6;    // no text of a chart is set smaller (labels are wrapped or thinned)
  bool operator==(const Typography&) const = default;
};

// The protrusion factors every template starts from: hyphens, dashes, full stop, comma, colon,
// semicolon, quotes, brackets.
std::map<std::string, Protrusion> default_protrusion();

struct Template {
  std::string name;
  std::filesystem::path file;
  PageMaster page;
  std::map<std::string, Style> styles;
  std::map<std::string, Color> colors;
  TableStyle table;
  std::string running_head_verso = "chapter";  // chapter | section | title | none
  std::string running_head_recto = "section";
  Folio folio;
  std::map<int, HeadingLayout> headings;  // by level; a level not listed stays in the flow
  PageBreak body_start = PageBreak::recto;  // how the body matter starts after the front matter
  std::map<int, Numbering> numbering;  // by heading level
  Captions captions;
  bool smart_quotes = true;  // "..." -> “...”, ' -> ’
  Typography typography;
  // Where each font family was first named (for "font not found" at the template line);
  // families of the built-in defaults have no entry.
  std::map<std::string, Location> font_sources;

  // The named style, or "body" when absent (never throws; "body" always exists).
  const Style& style(const std::string& name) const;
  Color color(const std::string& name) const;  // unknown names give black
  // The layout of heading `level` (1..6); levels the template does not list stay in the flow.
  HeadingLayout heading(int level) const;
  // On single-sided pages (page facing="false") a recto break is a plain page break.
  PageBreak effective(PageBreak wanted) const;
};

// Reads a template file: the XML is validated against schemas/template.rng, then every value,
// colour reference, style reference (based-on) and range is checked. Throws
// Error(ErrorCode::project) with file:line:col and a hint at the first mistake.
Template load_template(const std::filesystem::path& file);
// The same for template text already in memory; `display_name` names it in errors.
Template parse_template(std::string_view xml_text, const std::string& display_name);

// The template as XML a designer can copy and edit: every element and attribute with its value,
// every style in full. load_template of the result gives the same values back.
std::string template_xml(const Template& t);

// The built-in defaults every template starts from (styles body, h1..h4, caption, table, toc1..3,
// footnote, header, folio, cover-title, cover-subtitle, form-title).
Template default_template();

// Parses a length: "25mm", "1.5cm", "10.5pt", "12" (points). Returns points. Throws on junk.
double parse_length_pt(const std::string& text, double em_pt = 10);

constexpr double mm_to_pt(double mm) { return mm * 72.0 / 25.4; }
constexpr double pt_to_mm(double pt) { return pt * 25.4 / 72.0; }

}  // namespace dizgi::layout
