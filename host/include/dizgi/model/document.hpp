// dizgi/model/document.hpp — the document a layout plugin composes: a tree of blocks.
//
// A layout decides *what* goes where; the template (layouts/<name>/template.xml) decides how it
// looks, through the style names blocks carry. Blocks are plain values so that plugins build them
// without calling into the host.
//
// Compatibility rule (docs/plugin-guide.md): within one SDK ABI major version the structs below
// keep their layout; new capabilities arrive as new block kinds (appended to the Block variant,
// with a minor version bump) or through the `props` map every block carries. Since: 0.1
#pragma once

#include <dizgi/model/value.hpp>

#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace dizgi::doc {

// Free-form, forward-compatible attributes ("keep-together" = "true", "float" = "top", ...).
using Props = std::map<std::string, std::string>;

// --- inline content -------------------------------------------------------------------------

enum class Script { normal = 1, superscript, subscript };

struct InlineStyle {
  bool bold = false;
  bool italic = false;
  bool small_caps = false;
  Script script = Script::normal;
  std::string color;  // theme colour name or "#rrggbb"; empty = paragraph colour
  std::string link;   // URI, or "#id" for an internal target
  std::string style;  // named character style in the template
};

// A run of text with one style. A footnote reference carries the note's content in `footnote`.
struct Span {
  std::string text;
  InlineStyle style;
  std::shared_ptr<struct Footnote> footnote;  // non-null: this span is a footnote reference
};

struct Footnote {
  std::vector<Span> content;
};

// --- blocks ---------------------------------------------------------------------------------

// A heading. `level` 1 = part/chapter, 2 = section, ... `number` is the label the layout
// assigns ("I-", "A-", "2.1.3") or empty to let the template's numbering style decide.
struct Heading {
  int level = 1;
  std::vector<Span> content;
  std::string number;
  std::string id;             // anchor for cross references and the TOC
  bool in_toc = true;
  bool chapter_opener = false;  // starts on a recto page (template may force it by level)
  std::string style;
  Props props;
};

struct Paragraph {
  std::vector<Span> content;
  std::string style;  // "body", "lead", "note", ...
  Props props;
};

struct ListItem {
  std::vector<Span> content;
  int level = 0;
};

struct List {
  bool ordered = false;
  std::vector<ListItem> items;
  std::string style;
  Props props;
};

enum class Align { start = 1, center, end, justify, decimal };

struct TableCell {
  std::vector<Span> content;
  int col_span = 1;
  int row_span = 1;
  Align align = Align::start;
  std::string style;  // "total", "emphasis", ...
};

struct TableColumn {
  std::string width;  // "30%", "25mm", "auto"
  Align align = Align::start;
};

// A table: header rows repeat on every page the table crosses; `footer` rows (totals) close it.
struct Table {
  std::string id;
  std::string caption;  // "Bütçe Giderleri" -> "Tablo 3.2: Bütçe Giderleri"
  std::string note;     // source / unit note under the table, e.g. "(Bin TL)"
  std::vector<TableColumn> columns;
  std::vector<std::vector<TableCell>> header;
  std::vector<std::vector<TableCell>> body;
  std::vector<std::vector<TableCell>> footer;
  std::string style;
  Props props;
};

enum class ChartKind { invalid = 0, bar, stacked_bar, line, pie, gauge };

struct ChartSeries {
  std::string name;
  std::vector<double> values;  // display geometry only; exact figures stay in the data
  std::string color;
};

struct Chart {
  std::string id;
  ChartKind kind = ChartKind::bar;
  std::string caption;
  std::vector<std::string> categories;
  std::vector<ChartSeries> series;
  std::string unit;  // "%", "TL"
  std::string style;
  Props props;
};

enum class FieldKind { invalid = 0, text, multiline, date, signature, checkbox };

struct FormField {
  std::string name;
  std::string label;
  FieldKind kind = FieldKind::text;
  std::string value;
};

// A form such as an assurance statement: fixed body text plus fields (Yer-Tarih, İmza, ...).
struct Form {
  std::string id;
  std::string title;
  std::vector<Paragraph> body;
  std::vector<FormField> fields;
  std::string style;
  Props props;
};

struct Image {
  std::string path;  // relative to the book file
  std::string caption;
  std::string width;  // "100%", "60mm"
  std::string style;
  Props props;
};

enum class BreakKind { invalid = 0, page, recto, column };

struct Break {
  BreakKind kind = BreakKind::page;
};

// Generated lists: table of contents, list of tables, list of charts.
enum class ListOfKind { invalid = 0, contents, tables, charts, figures };

struct ListOf {
  ListOfKind kind = ListOfKind::contents;
  std::string title;  // "İçindekiler", "Tablolar Listesi"
  int depth = 3;
};

// A cover page: title block over the theme, with optional logo.
struct Cover {
  std::string title;
  std::string subtitle;
  std::string organisation;
  std::string year;
  std::string logo;  // path relative to the book file
  Props props;
};

using Block = std::variant<Heading, Paragraph, List, Table, Chart, Form, Image, Break, ListOf, Cover>;

// Front matter is numbered in roman page labels, body in arabic.
enum class Matter { front = 1, body, back };

struct Section {
  Matter matter = Matter::body;
  std::vector<Block> blocks;
};

struct Metadata {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string language = "tr-TR";
  int year = 0;
};

struct Document {
  Metadata metadata;
  std::vector<Section> sections;
};

}  // namespace dizgi::doc
