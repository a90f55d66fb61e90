// Tagged PDF, the render side. While the pages are drawn, each piece of content (the words of a
// line in one paragraph, list label or body, table cell or link; a whole figure) is drawn as one
// marked-content sequence with Cairo's tag API, and the logical structure those pieces belong
// to is recorded here: Document, H1–H6, P, L/LI/Lbl/LBody, Table/TR/TH/TD, Figure with its
// alternative text, Caption, TOC/TOCI, Note, Link. A paragraph, list or table that continues on
// the next page stays one element. The post-processor (postprocess/tags.cpp) writes the
// structure tree from this record; what render leaves unmarked (running heads, folios,
// backgrounds, rules, repeated table headers, printer's marks) becomes an artifact there.
//
// Why not Cairo's own tree: Cairo 1.16 rejects the Artifact tag, writes no attributes on
// structure elements (no Alt for figures, no Scope for header cells), cannot point a Link at an
// annotation written later by qpdf, and nests by its tag stack, which would put the running
// head of the next page inside a table left open across the page break. Cairo's tags are used
// only for what Cairo alone can do: the marked-content operators inside its content streams.
#pragma once

#include "layout/page_model.hpp"

#include <cairo.h>

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace dizgi::render {

// A kid of a structure node: another node, or a marked-content sequence (an index into
// StructureRecord::content).
struct StructKid {
  bool content = false;
  int index = 0;
};

struct StructNode {
  std::string type;            // PDF structure type: Document, P, H1…H6, L, LI, Lbl, LBody, …
  int parent = -1;             // -1 for the Document
  std::vector<StructKid> kids;  // in reading order
  std::string alt;             // Figure: alternative text
  bool column_header = false;  // TH: the header of its column (Scope Column)
  bool row_header = false;     // TH: the header of its row (Scope Row)
  int col_span = 1;            // TH, TD
  int row_span = 1;
  int link = -1;               // Link: its LinkRecord (PageGeometry::links)
  std::string text;            // Link: its words (the annotation's description)
  int field = -1;              // Form: its FieldRecord (PageGeometry::fields), whose widget it holds
};

// One marked-content sequence, in the order drawn.
struct MarkedContent {
  int node = 0;
  int page = 0;     // page written, 0-based
  std::string tag;  // the tag Cairo wrote it with
};

// The logical structure of a tagged PDF; empty when the profile is not tagged.
struct StructureRecord {
  std::vector<StructNode> nodes;  // nodes[0] is the Document
  std::vector<MarkedContent> content;
  bool empty() const { return nodes.empty(); }
};

// Builds the record while pages are drawn, in reading order: a page's content elements, then
// its footnotes; furniture is never given to it.
class Tagger {
 public:
  Tagger(cairo_t* cr, StructureRecord& record);

  void set_page(int page) { page_ = page; }

  // A figure is one sequence, everything it draws included: begins it and returns true, or
  // returns false when the element is not a figure with a description (a figure without one is
  // decoration: an artifact).
  bool begin_figure(const layout::Element& e);
  void end_figure();

  // The element's runs as pieces, each drawn as one sequence (node -1: not marked, an
  // artifact). Runs are listed in the order they are to be drawn. `first_link` is the index the
  // element's first link area will have in PageGeometry::links.
  struct Piece {
    int node = -1;
    std::vector<std::size_t> runs;
  };
  // `first_field` is the index the element's first widget has in PageGeometry::fields, or -1
  // when the widgets are not written as fields.
  std::vector<Piece> pieces(const layout::Element& e, std::size_t first_link, int first_field = -1);
  void begin(const Piece& piece);
  void end(const Piece& piece);

 private:
  int add_node(const std::string& type, int parent);
  // The node of `type` that collects the element's block (a paragraph's lines, a list, a
  // table), found by `key` (the type when empty).
  int block_node(const layout::Element& e, const std::string& type, int parent, const std::string& key = {});
  // Splits `runs` of node `node` where they enter or leave one of the element's link areas.
  void split_links(const layout::Element& e, int node, const std::vector<std::size_t>& runs, std::size_t first_link,
                   std::vector<Piece>& out);
  void table_row(const layout::Element& e, const std::vector<std::size_t>& runs, std::size_t first_link,
                 std::vector<Piece>& out);
  void list_item(const layout::Element& e, const std::vector<std::size_t>& runs, std::size_t first_link,
                 std::vector<Piece>& out);
  // A row of a form: a P; with fields, each field's cell is a Form element (its label, value and
  // widget) and the rest of the row Span elements between them, in reading order.
  void form_row(const layout::Element& e, const std::vector<std::size_t>& runs, std::size_t first_link,
                int first_field, std::vector<Piece>& out);

  cairo_t* cr_;
  StructureRecord& record_;
  int page_ = 0;
  std::map<std::pair<int, std::string>, int> blocks_;  // (block, type) -> node
  std::map<int, int> items_;                           // list or TOC block -> its current item
  std::map<int, std::vector<int>> list_levels_;        // list block -> its open L at each depth
  std::map<int, std::pair<int, int>> item_parts_;      // LI -> (Lbl, LBody)
  std::map<int, std::vector<int>> row_cells_;          // Table -> the cells (TH, TD) of its last row
};

}  // namespace dizgi::render
