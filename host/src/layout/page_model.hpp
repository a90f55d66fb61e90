// The page model: what layout produces and what every later stage reads. Blocks are laid out
// into elements (a line of text, a table row, a chart, a cover) made of simple drawables —
// glyph runs, filled rectangles, rules, vector paths, pictures, link areas and form-field
// widgets — plus the structure tags a tagged PDF needs. Pagination places elements on pages; render, post-process
// and preflight never look at the document model again.
#pragma once

#include "layout/template.hpp"
#include "text/shaper.hpp"

#include <dizgi/model/document.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace dizgi::layout {

// Drawables, in points, relative to the top-left of the element that holds them.
struct Run {
  const text::Shaped* shaped = nullptr;
  double x = 0, baseline = 0;
  Color color;
  // Font expansion of the run's line: glyphs and their advances are drawn this many times as
  // wide (1 ± 0.02 at most with the default template); 1 is no scaling.
  double x_scale = 1;
  // Letter-spacing (a justified line's last resort): extra space after each character but the
  // run's last, in points.
  double letter_space_pt = 0;
};
struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
  Color fill;
};
struct Rule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width_pt = 0.5;
  Color color;
};
// A vector shape (chart lines, areas, slices, rings): straight segments and circular arcs,
// filled, stroked or both. Arcs run from angle a0 to a1 (radians, clockwise on the page, 0 at
// three o'clock) around (x, y) with radius r; a line or an arc continues the current point.
struct PathSegment {
  enum class Kind { invalid = 0, move, line, arc, close };
  Kind kind = Kind::invalid;
  double x = 0, y = 0;
  double r = 0, a0 = 0, a1 = 0;  // arcs only
};
struct Path {
  std::vector<PathSegment> segments;
  bool filled = false;
  Color fill;
  double stroke_pt = 0;  // 0: not stroked
  Color stroke;
};
struct LinkArea {
  double x = 0, y = 0, w = 0, h = 0;
  std::string target;  // "#anchor" or a URI
};
struct Picture {
  double x = 0, y = 0, w = 0, h = 0;
  std::string path;  // PNG, JPEG or SVG file
  double effective_ppi = 0;
};

// A form field's widget: where it sits and what the field is. The print profile draws only
// its appearance (the cell, the prefilled value); a profile with form fields turns it into an
// AcroForm field (postprocess/acroform.cpp) and then leaves out the runs and paths that draw the
// value, which the field's own appearance shows instead.
struct FieldWidget {
  double x = 0, y = 0, w = 0, h = 0;
  std::string name;  // stable, from the data model
  doc::FieldKind kind = doc::FieldKind::text;
  std::string value;
  std::string tooltip;
  bool required = false;
  bool read_only = false;
  int max_length = 0;
  std::vector<std::string> choices;
  std::string form_id;                 // the form's "form-id" prop: template and version
  std::vector<std::size_t> value_runs;   // the element's runs that draw `value` (or a hint)
  std::vector<std::size_t> value_paths;  // the element's paths that draw it (a checkbox's tick)
  // The element's runs of the field's cell, [first_run, end_run): its label, value, hint and
  // help. Tagging puts them and the widget into one Form element, in reading order.
  std::size_t first_run = 0, end_run = 0;
};

// Structure roles for tagged output (PDF/UA). Furniture and decoration are artifacts.
enum class StructRole {
  invalid = 0,
  artifact,
  paragraph,
  heading,
  list_item,
  table_row,
  caption,
  figure,
  toc_item,
  note,
  form,
};

// A table cell's extent within a row element, for tagging (TH with scope, TD).
struct CellTag {
  double x0 = 0, x1 = 0;
  bool header = false;
  int col_span = 1;
  int row_span = 1;
  bool row_header = false;  // a header cell that heads its row (Scope Row), not its column
};

enum class BreakBefore { none = 0, page, recto, verso };

struct Element;

// A block that can split across pages says what continues it on the next page: its repeated
// header rows, a continuation caption. The paginator knows no table; it asks the block. The
// returned elements are owned by the block and live as long as the elements that point to it.
class Splittable {
 public:
  virtual ~Splittable() = default;
  // Elements set at the top of the next page when the block breaks before its element `next`
  // (counted from the block's first element).
  virtual std::vector<const Element*> continuation(std::size_t next) const = 0;
  // Elements set right after the block's last element on a page when it breaks before its
  // element `next` (a table's carried totals, its closing rule). None by default.
  virtual std::vector<const Element*> foot(std::size_t next) const {
    (void)next;
    return {};
  }
  // The height foot(next) takes: the page run keeps it free below each element of the block.
  virtual double foot_height(std::size_t next) const {
    (void)next;
    return 0;
  }
};

struct Element {
  double height = 0;
  double space_before = 0;  // dropped at the top of a page
  bool keep_with_next = false;
  BreakBefore break_before = BreakBefore::none;
  bool full_page = false;      // a cover: a page of its own, no furniture, drawn from the trim
  // A wide table's caption, rows and note: set with the text area's height as their measure on
  // landscape pages of their own, drawn turned a quarter turn (the furniture stays upright).
  bool landscape = false;
  bool back_cover = false;     // the back cover: on a verso, the book's last page (padding goes before it)
  bool suppress_furniture = false;  // chapter opener: no running head or folio on its page
  doc::Matter matter = doc::Matter::body;
  bool ends_with_hyphen = false;
  int float_group = 0;  // nonzero: a figure or table (with its caption) that may move down to the next page
  std::vector<std::string> loose;  // lines set outside the spacing limits (reported with their page)

  std::vector<Run> runs;
  std::vector<Rect> rects;
  std::vector<Rule> rules;
  std::vector<Path> paths;
  std::vector<LinkArea> links;
  std::vector<Picture> pictures;
  std::vector<FieldWidget> fields;
  std::vector<std::string> anchors;  // destinations at the element's top

  // Structure: the role of the element and, for table rows, its cells.
  StructRole role = StructRole::invalid;
  std::vector<CellTag> cells;
  std::string alt_text;  // figures and charts
  // Elements of one block share a nonzero number (footnotes a negative one): tagging makes one
  // paragraph, list, table, TOC or note of them, also across pages.
  int block = 0;
  bool starts_item = false;  // the first line of a list item or of a TOC entry
  int item_level = 0;        // on that line: how deep the item is nested (0: the outer list)
  int label_run = -1;        // list items: the run that is the item's label (its bullet or number)
  bool repeated = false;     // set again on a later page (header rows, "(devamı)" caption): an artifact
  bool continues_row = false;  // a table row's later band (a tall row cut between its lines): same TR, same cells

  // Heading data for outlines, running heads and the TOC (level 0 = not a heading).
  int heading_level = 0;
  std::string heading_text;
  std::string heading_id;
  bool heading_in_outline = true;

  // Where the element's block came from ("faaliyet-raporu: Tablo 3 'butce_gider'").
  std::string origin;

  std::vector<std::shared_ptr<Element>> footnotes;  // footnote lines referenced here

  // Set on the elements of a block that can split: the block and this element's index in it.
  std::shared_ptr<const Splittable> split;
  std::size_t split_index = 0;
};

struct Placed {
  const Element* element = nullptr;
  double y = 0;  // top, from the top of the text area
  double x = 0;  // left, from the left of the text area (the column's offset)
};

struct Page {
  int index = 0;        // 0-based physical page
  std::string label;    // page label: "iii", "12"
  bool recto = true;
  bool blank = false;
  bool full_page = false;
  // The text area is turned a quarter turn: its content (and footnotes) are placed in a frame
  // as wide as the text area is high and drawn reading from bottom to top, the top of the frame
  // towards the left edge of the page. Furniture is placed as on any page.
  bool landscape = false;
  bool back_cover = false;  // the book's last page: a binding's blank pages go before it
  bool show_furniture = true;
  doc::Matter matter = doc::Matter::body;
  std::vector<Placed> content;
  std::vector<Placed> footnotes;  // y from the top of the footnote area
  std::vector<Placed> furniture;  // running head and folio: y from the trim top, x from trim left
  double footnote_height = 0;
  std::string running_head;
};

struct OutlineEntry {
  int level = 1;
  std::string title;
  std::string id;
  int page = 0;
};

struct LaidOutBook {
  // Shapers of the helper threads that set part of a long table (Flow::take_helper_shapers):
  // the runs of those rows point into them. First, so that they go last.
  std::vector<std::unique_ptr<text::Shaper>> helper_shapers;
  Template style;
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  std::vector<std::unique_ptr<Element>> storage;  // elements the pages point into
  std::vector<std::vector<Element>> element_lists;
  int passes = 0;
};

}  // namespace dizgi::layout
