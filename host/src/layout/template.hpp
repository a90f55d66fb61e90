// The template: how a book looks. Page masters, paragraph/character styles, table style, theme
// colours (CMYK, the designer's exact values) and fonts, read from layouts/<name>/template.xml.
// Designers edit templates without rebuilding anything.
#pragma once

#include <dizgi/diagnostics.hpp>

#include <filesystem>
#include <map>
#include <string>

namespace dizgi::layout {

// A colour as the designer wrote it: CMYK in percent (print) and the RGB used on screen.
struct Color {
  double c = 0, m = 0, y = 0, k = 100;  // percent
  double r = 0, g = 0, b = 0;           // 0..1, derived from CMYK unless given
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
};

struct PageMaster {
  double width_mm = 210, height_mm = 297;
  double inner_mm = 25, outer_mm = 25, top_mm = 25, bottom_mm = 25;
  double header_mm = 12, footer_mm = 12;  // distance of running head / folio baseline from trim
  double bleed_mm = 3;
  bool facing = true;
  int columns = 1;
  double gutter_mm = 5;
};

struct TableStyle {
  std::string header_fill = "ana";
  std::string header_color = "white";
  std::string rule_color = "cizgi";
  std::string zebra_fill = "zemin";
  std::string total_fill = "zemin2";
  std::string missing_marker = "–";  // a null figure (never 0)
  double cell_padding_pt = 3;
  std::string font = "Linux Biolinum O";
  double size_pt = 8.5;
  double leading_pt = 10.5;
};

// How headings without a number from the layout are numbered, per level.
struct Numbering {
  std::string style = "none";  // none | roman ("I") | letter (Turkish: A B C Ç D) | decimal ("2")
                               // | decimal-path ("2.1.3": the decimal numbers of all levels)
  std::string suffix;          // "-", ".", ""
};

// Caption labels of tables, charts and figures.
struct Captions {
  std::string numbering = "document";  // document ("Tablo 7:") | chapter ("Tablo 3.2:")
  std::string table = "Tablo";
  std::string chart = "Grafik";
  std::string figure = "Şekil";
  std::string separator = ": ";
};

struct Template {
  std::string name;
  std::filesystem::path file;
  PageMaster page;
  std::map<std::string, Style> styles;
  std::map<std::string, Color> colors;
  TableStyle table;
  std::string running_head_verso = "chapter";  // chapter | section | title | none
  std::string running_head_recto = "section";
  bool chapter_on_recto = true;
  std::map<int, Numbering> numbering;  // by heading level
  Captions captions;
  bool smart_quotes = true;  // "..." -> “...”, ' -> ’

  // The named style, or "body" when absent (never throws; "body" always exists).
  const Style& style(const std::string& name) const;
  Color color(const std::string& name) const;  // unknown names give black
};

// Reads a template file. Throws Error(ErrorCode::project) with file:line:col when malformed.
Template load_template(const std::filesystem::path& file);

// The built-in defaults every template starts from (styles body, h1..h4, caption, table, toc1..3,
// footnote, header, folio, cover-title, cover-subtitle, form-title).
Template default_template();

// Parses a length: "25mm", "1.5cm", "10.5pt", "12" (points). Returns points. Throws on junk.
double parse_length_pt(const std::string& text, double em_pt = 10);

constexpr double mm_to_pt(double mm) { return mm * 72.0 / 25.4; }
constexpr double pt_to_mm(double pt) { return pt * 25.4 / 72.0; }

}  // namespace dizgi::layout
