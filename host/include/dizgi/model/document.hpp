// dizgi/model/document.hpp — the document a layout plugin composes: a tree of blocks.
//
// A layout decides *what* goes where; the template (layouts/<name>/template.xml) decides how it
// looks, through the style names blocks carry. Blocks are plain values so that plugins build them
// without calling into the host.
//
// Growth rule (SDK ABI 2.x; docs/plugin-guide.md §5): the size and the offset of every member of
// every struct below are pinned by the test meta.sdk_layout against tests/meta/sdk-layout.txt,
// and a fixture plugin compiled against a frozen copy of the 2.0 headers (tests/plugins/frozen-2.0)
// must still load and compose with the current host. Within 2.x nothing is removed, reordered or
// resized. A 2.x addition takes its room from a struct's `reserved` words: a scalar field (an
// integer, an enum, a flag) whose zero value means exactly what 2.0 did. New block kinds, and
// anything that needs a string or a vector, wait for ABI 3; until then such a request goes through
// the documented `props` keys. A block that asks for something the engine does not do yet gets a
// `layout.unsupported` diagnostic naming its origin, never a silent approximation. Since: 2.0
#pragma once

#include <dizgi/model/value.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace dizgi::doc {

// Free-form, forward-compatible attributes. The engine warns about keys it does not know
// (docs/plugin-guide.md lists the known ones).
using Props = std::map<std::string, std::string>;

// Where a block came from, so that a layout message says "butce_gider.csv:14: …" rather than
// "block 214". Any part may be empty (0 for the line).
struct Origin {
  std::string file;   // data or text file, or the layout plugin's id
  int32_t line = 0;   // 1-based line in `file`, 0 = unknown
  std::string where;  // "row 12, column 'tutar'", "table 'butce_gider'"
  std::string what;   // "Tablo: Bütçe Giderleri", "hedef H1.2"
};

// --- inline content -------------------------------------------------------------------------

enum class Script { normal = 1, superscript, subscript };

struct InlineStyle {
  bool bold = false;
  bool italic = false;
  bool small_caps = false;
  Script script = Script::normal;
  std::string color;  // theme colour name or "#rrggbb"; empty = paragraph colour
  std::string style;  // named character style in the template
  uint64_t reserved[2] = {};
};

enum class SpanKind {
  invalid = 0,
  text,            // `text` as written
  footnote,        // a footnote reference; the note is `footnote`
  reference,       // the label of the block `target` names ("Tablo 3.2"); `text` is ignored
  page_reference,  // the page number of `target`; `text` is ignored
  link,            // `text` linked to `target`: a URI, or "#id" for an anchor
};

struct Footnote;

// A run of text with one style and one kind.
struct Span {
  SpanKind kind = SpanKind::text;
  std::string text;
  InlineStyle style;
  std::string target;                  // reference, page_reference, link
  std::shared_ptr<Footnote> footnote;  // footnote
  uint64_t reserved[2] = {};
};

struct Footnote {
  std::vector<Span> content;
};

// A plain text span.
inline Span text_span(std::string text, InlineStyle style = {}) {
  Span span;
  span.text = std::move(text);
  span.style = std::move(style);
  return span;
}

// --- what every block carries -----------------------------------------------------------------

enum class Float { invalid = 0, automatic, none, allowed };

// The common part of every block: its anchor id, template style, keep and float rules, origin
// and forward-compatible props.
struct BlockBase {
  std::string id;               // anchor for cross references and lists; empty = generated
  std::string style;            // template style; empty = the block kind's default
  bool keep_together = false;   // never split across pages
  bool keep_with_next = false;  // on the same page as the next block
  // automatic: charts and figures may move to the next page, tables and text do not;
  // allowed: may move (tables too); none: stays in reading order.
  Float float_mode = Float::automatic;
  Origin origin;
  Props props;
  uint64_t reserved[4] = {};
};

// --- text blocks ------------------------------------------------------------------------------

// A heading. `level` 1 = part/chapter, 2 = section, ... `number` is the label the layout
// assigns ("I-", "A-", "2.1.3") or empty to let the template's numbering style decide.
struct Heading : BlockBase {
  int32_t level = 1;
  std::vector<Span> content;
  std::string number;
  bool in_toc = true;
  bool chapter_opener = false;  // starts a new page (the template says whether a recto)
  uint64_t reserved_heading[2] = {};
};

struct Paragraph : BlockBase {
  std::vector<Span> content;  // style: "body", "lead", "note", ...
  uint64_t reserved_paragraph[2] = {};
};

struct ListItem {
  std::vector<Span> content;
  int32_t level = 0;
  uint64_t reserved[1] = {};
};

struct List : BlockBase {
  bool ordered = false;
  std::vector<ListItem> items;
  uint64_t reserved_list[2] = {};
};

// --- tables ---------------------------------------------------------------------------------

enum class Align { invalid = 0, start, center, end, justify, decimal };

enum class Negative { invalid = 0, minus, parentheses };

// How a typed value is written. Text is written as it is; dates as dd.mm.yyyy.
struct NumberFormat {
  // Digits after the decimal comma; -1 keeps the value's own digits without trailing zeros.
  int32_t fraction_digits = 2;
  bool percent = false;  // "%45,2": the value is in percent units
  bool group = true;     // "1.234.567" (years: false)
  Negative negative = Negative::minus;
  // Shown in units of 10^scale_power: 3 writes 1.234.567 as 1.235 ("(Bin TL)"), rounded once
  // from the exact value.
  int32_t scale_power = 0;
  uint64_t reserved[1] = {};
};

// A table cell: rich text in `content`, or else a typed `value` written with `format`.
// An empty `content` with a null value (std::monostate) is a missing figure, shown with the
// template's missing-value marker — never as 0.
struct TableCell {
  std::vector<Span> content;
  Value value = std::string();
  NumberFormat format;
  int32_t col_span = 1;
  int32_t row_span = 1;
  Align align = Align::invalid;  // invalid: the column's alignment
  std::string style;             // template cell style, e.g. "emphasis"
  uint64_t reserved[2] = {};

  TableCell() = default;
  // A text cell.
  explicit TableCell(std::string text, Align alignment = Align::invalid);
  // A typed cell (a null `v` is a missing figure).
  static TableCell typed(Value v, NumberFormat number_format = {}, Align alignment = Align::invalid);
  static TableCell null(Align alignment = Align::invalid);
};

enum class Aggregate { invalid = 0, none, sum };

struct TableColumn {
  std::string width;  // "30%", "25mm", "auto"
  Align align = Align::start;
  Aggregate aggregate = Aggregate::none;  // what carried totals and totals of this column add
  uint64_t reserved[2] = {};
};

// A row's role. Header rows repeat on every page the table crosses; group rows open a group
// (an amaç above its hedef rows); subtotal and total rows close one. Rows of `Table::header`
// are header rows and rows of `Table::footer` total rows whatever their kind.
enum class RowKind { invalid = 0, header, body, group, subtotal, total };

struct TableRow {
  RowKind kind = RowKind::body;
  std::vector<TableCell> cells;
  std::string style;  // template row style; empty = the kind's default
  Origin origin;
  uint64_t reserved[2] = {};

  TableRow() = default;
  TableRow(std::initializer_list<TableCell> row_cells) : cells(row_cells) {}
  explicit TableRow(std::vector<TableCell> row_cells, RowKind row_kind = RowKind::body)
      : kind(row_kind), cells(std::move(row_cells)) {}
  std::size_t size() const { return cells.size(); }
  TableCell& operator[](std::size_t i) { return cells[i]; }
  const TableCell& operator[](std::size_t i) const { return cells[i]; }
};

// Carried totals ("Nakli yekûn" at the foot of each page, "Devreden" at the top of the next),
// summed from the exact values of the placed rows of the columns whose aggregate is `sum`.
struct CarriedTotals {
  bool enabled = false;
  std::string carried_label;  // empty = the template's ("Nakli yekûn")
  std::string brought_label;  // empty = the template's ("Devreden")
  uint64_t reserved[2] = {};
};

// The pages a table is set on. `landscape`: pages of its own turned a quarter turn, the text
// area's height its measure, its top towards the left edge of the page (it reads from bottom to
// top); the running heads and folios stay upright. Since: SDK 2.5.
enum class TablePage : int32_t {
  automatic = 0,  // portrait; too wide for the measure: the template's `wide` rule
  portrait,       // portrait always; too wide: set smaller (down to the template's minimum size)
  landscape,      // landscape pages always
};

struct Table : BlockBase {
  std::string caption;  // "Bütçe Giderleri" -> "Tablo 3.2: Bütçe Giderleri"
  std::string note;     // source / unit note under the table, e.g. "(Bin TL)"
  std::vector<TableColumn> columns;
  std::vector<TableRow> header;
  std::vector<TableRow> body;
  std::vector<TableRow> footer;
  CarriedTotals carried;
  // Since 2.1: a table of at most this many body rows is never split across pages (0 = no such
  // rule, as in 2.0). Taken from the reserved room.
  int32_t keep_whole_rows = 0;
  // Since 2.5, from the reserved room: the pages the table is set on (`automatic`, 0: as in 2.0,
  // portrait unless the template's `wide` rule turns a table too wide for the measure).
  TablePage page = TablePage::automatic;
  uint64_t reserved_table[3] = {};
};

// --- charts ---------------------------------------------------------------------------------

// What a chart draws and how it reads its data (categories × series of values):
//   bar, stacked_bar, stacked_percent  one bar per category and series (grouped, stacked, or
//                      stacked to 100 %); horizontal bars when category labels are long
//   line, area         a line (area: filled to zero) per series; a null value is a gap
//   pie, donut         one series, a slice per category; small shares gathered into "Diğer"
//   combination        columns for every series but the last, the last as a line on a second axis
//   gauge              a progress ring per category: the value against value_axis.maximum (100)
//   bullet             per category (indicator): series 0 baseline A, 1 target B, 2 realisation C;
//                      the rate (C − A) ÷ (B − A) × 100 beside it
//   waterfall          one series: the first value a starting total, then changes; a category with
//                      a null value shows the running total (initial → additions → final)
//   key_figures        a card per category: the value (or the series' per-point label) large,
//                      the category under it ("2025 in numbers")
// Diagrams (Since: SDK 2.3):
//   org_chart          a box per category (unit); series 0 holds each unit's parent as the
//                      1-based index of its category, null for the head
//   gantt              a bar per category (task) from series 0 (start dates) to series 1 (end)
//   matrix             a 2×2 grid: a point per category at x = series 0, y = series 1; axis titles
//                      from category_axis (x) and value_axis (y)
//   check_matrix       rows = categories, columns = series (their names); a non-zero value or
//                      true is a check mark
//   swot               four series (Güçlü Yönler, Zayıf Yönler, Fırsatlar, Tehditler) whose
//                      per-point labels are the items; no categories
// Arrow diagrams (Since: SDK 2.5):
//   process_flow       a box per category (step) in order, joined by arrows, in rows; no series,
//                      or one whose per-point labels name each step's phase (consecutive steps
//                      of one phase are bracketed under its name)
//   cycle              a box per category (step) around an ellipse, each joined to the next and
//                      the last to the first; category_axis.title is the label in the middle;
//                      no series needed
enum class ChartKind {
  invalid = 0,
  bar,
  stacked_bar,
  line,
  pie,
  gauge,
  // Since: SDK 2.3 (appended; a 2.2 host refuses a plugin built against 2.3)
  stacked_percent,
  area,
  donut,
  combination,
  bullet,
  waterfall,
  key_figures,
  org_chart,
  gantt,
  matrix,
  check_matrix,
  swot,
  // Since: SDK 2.5 (appended)
  process_flow,
  cycle,
};

// An axis: its title, a scale note ("Milyon ₺"), an optional fixed range and the tick format.
struct Axis {
  std::string title;
  std::string scale_note;
  Value minimum;  // null = from the data
  Value maximum;  // null = from the data
  NumberFormat format;
  uint64_t reserved[2] = {};
};

struct ChartSeries {
  std::string name;
  std::vector<Value> values;         // exact decimals or integers; null = no value (a gap)
  std::string color;                 // theme colour name; empty = the palette's next
  std::vector<std::string> labels;   // per point; empty = the value written with `format`
  std::vector<std::string> colors;   // per point; empty = the series colour
  NumberFormat format;
  uint64_t reserved[2] = {};
};

struct Chart : BlockBase {
  ChartKind kind = ChartKind::bar;
  std::string caption;
  std::vector<std::string> categories;
  std::vector<ChartSeries> series;
  Axis value_axis;
  Axis category_axis;
  std::string alt_text;  // empty = generated from the data
  bool show_values = false;
  uint64_t reserved_chart[4] = {};
};

// --- forms ----------------------------------------------------------------------------------

enum class FieldKind {
  invalid = 0,
  text,
  multiline,
  date,
  signature,
  checkbox,
  number,
  money,
  percentage,
  choice,
  radio,
  // Since: SDK 2.4 (appended). A cell of a form grid that holds only its label: a column heading
  // of an indicator grid, a row label ("PG1.1.1 Kütüphane üye sayısı (kişi)"). Never a widget.
  heading,
};

struct FormField {
  std::string name;   // stable, from the data model: "gosterge.PG1.1.1.gerceklesme.2025"
  std::string label;
  FieldKind kind = FieldKind::text;
  std::string value;  // prefilled value as shown
  bool required = false;
  bool read_only = false;
  int32_t max_length = 0;            // 0 = unlimited
  std::vector<std::string> choices;  // choice, radio
  std::string help;                  // tooltip and help text
  std::string unit;                  // "TL", "%"
  // Since 2.4, from the reserved room (docs/forms.md):
  // Grid columns the field takes in a form with `Form::columns` > 0 (0 = 1).
  int32_t column_span = 0;
  // 0: a field of the form's grid. n >= 1: a line of the n-th signature block (Yer – Tarih, İmza,
  // Adı Soyadı, Unvanı); the blocks stand side by side under the grid, a single one on the right.
  int32_t signer = 0;
  uint64_t reserved[1] = {};
};

// A form: a title, fixed body text, a grid of labelled fields and signature blocks. An
// assurance statement, a goal card (Hedef Kartı), a performance target table and a unit's
// data-collection form are all forms (docs/forms.md). In print the fields are drawn (label,
// value, an empty box to write in); in a profile with form fields the editable ones become an
// interactive AcroForm whose field names are `FormField::name`.
// Known props: "column-widths" (relative widths of the grid columns, "4,1,1,1"; default equal),
// "form-id" (template and version of a fillable form, "veri-toplama/1", written into the PDF so
// that the pdfform source can tell forms of another version), "break-before" ("page", the
// default, or "none").
struct Form : BlockBase {
  std::string title;
  std::vector<Paragraph> body;
  std::vector<FormField> fields;
  // Since 2.4, from the reserved room: the grid's column count. 0 = one field per row, its label
  // beside its value (as 2.0).
  int32_t columns = 0;
  int32_t reserved_form_int = 0;
  uint64_t reserved_form[1] = {};
};

// --- figures and page matter ----------------------------------------------------------------

struct Image : BlockBase {
  std::string path;  // relative to the book file
  std::string caption;
  std::string width;  // "100%", "60mm"
  std::string alt_text;
  uint64_t reserved_image[2] = {};
};

enum class BreakKind { invalid = 0, page, recto, column };

struct Break {
  BreakKind kind = BreakKind::page;
  uint64_t reserved[1] = {};
};

// Generated lists: table of contents, list of tables, list of charts.
enum class ListOfKind { invalid = 0, contents, tables, charts, figures };

struct ListOf : BlockBase {
  ListOfKind kind = ListOfKind::contents;
  std::string title;  // "İçindekiler", "Tablolar Listesi"
  int32_t depth = 3;
  uint64_t reserved_listof[1] = {};
};

// A cover page: title block over the theme, with optional logo.
struct Cover : BlockBase {
  std::string title;
  std::string subtitle;
  std::string organisation;
  std::string year;
  std::string logo;  // path relative to the book file
  uint64_t reserved_cover[2] = {};
};

using Block = std::variant<Heading, Paragraph, List, Table, Chart, Form, Image, Break, ListOf, Cover>;

// Front matter is numbered in roman page labels, body in arabic.
enum class Matter { front = 1, body, back };

struct Section {
  Matter matter = Matter::body;
  std::vector<Block> blocks;
  uint64_t reserved[1] = {};
};

struct Metadata {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string language = "tr-TR";
  int32_t year = 0;
  uint64_t reserved[2] = {};
};

struct Document {
  Metadata metadata;
  std::vector<Section> sections;
  uint64_t reserved[2] = {};
};

inline TableCell::TableCell(std::string text, Align alignment) : align(alignment) {
  Span span;
  span.text = std::move(text);
  content.push_back(std::move(span));
}

inline TableCell TableCell::typed(Value v, NumberFormat number_format, Align alignment) {
  TableCell cell;
  cell.value = std::move(v);
  cell.format = number_format;
  cell.align = alignment;
  return cell;
}

inline TableCell TableCell::null(Align alignment) { return typed(std::monostate{}, {}, alignment); }

// The common part of any block, or null for a Break.
inline const BlockBase* base_of(const Block& block) {
  return std::visit(
      [](const auto& b) -> const BlockBase* {
        if constexpr (std::is_base_of_v<BlockBase, std::decay_t<decltype(b)>>) return &b;
        else return nullptr;
      },
      block);
}

}  // namespace dizgi::doc
