#include "render/tags.hpp"

#include <algorithm>

namespace dizgi::render {

namespace {

using layout::Element;
using layout::StructRole;

// The words of some runs, with a space where the runs leave a gap.
std::string words(const Element& e, const std::vector<std::size_t>& runs) {
  std::string out;
  double end = 0;
  for (std::size_t i : runs) {
    const layout::Run& run = e.runs[i];
    if (!out.empty() && run.x > end + 0.5 && out.back() != ' ') out += ' ';
    out += run.shaped->text;
    end = run.x + run.shaped->width_pt;
  }
  return out;
}

// The link area a run lies in (its middle on its baseline), or -1.
int link_of(const Element& e, const layout::Run& run) {
  const double mid = run.x + run.shaped->width_pt / 2;
  for (std::size_t k = 0; k < e.links.size(); ++k) {
    const layout::LinkArea& a = e.links[k];
    if (mid >= a.x && mid <= a.x + a.w && run.baseline >= a.y && run.baseline <= a.y + a.h) return static_cast<int>(k);
  }
  return -1;
}

}  // namespace

Tagger::Tagger(cairo_t* cr, StructureRecord& record) : cr_(cr), record_(record) {
  record_.nodes.clear();
  record_.content.clear();
  add_node("Document", -1);
}

int Tagger::add_node(const std::string& type, int parent) {
  StructNode node;
  node.type = type;
  node.parent = parent;
  record_.nodes.push_back(std::move(node));
  const int index = static_cast<int>(record_.nodes.size()) - 1;
  if (parent >= 0) record_.nodes[static_cast<std::size_t>(parent)].kids.push_back(StructKid{false, index});
  return index;
}

int Tagger::block_node(const Element& e, const std::string& type, int parent, const std::string& key) {
  if (e.block == 0) return add_node(type, parent);  // not from a block: on its own
  auto [at, added] = blocks_.emplace(std::make_pair(e.block, key.empty() ? type : key), 0);
  if (added) at->second = add_node(type, parent);
  return at->second;
}

bool Tagger::begin_figure(const Element& e) {
  if (e.role != StructRole::figure || e.repeated) return false;
  std::string alt = e.alt_text;
  if (alt.empty()) {  // a placeholder says what is missing in its words
    std::vector<std::size_t> runs;
    for (std::size_t i = 0; i < e.runs.size(); ++i) {
      if (e.runs[i].shaped) runs.push_back(i);
    }
    alt = words(e, runs);
  }
  if (alt.empty()) return false;
  const int node = add_node("Figure", 0);
  record_.nodes[static_cast<std::size_t>(node)].alt = alt;
  begin(Piece{node, {}});
  return true;
}

void Tagger::end_figure() { cairo_tag_end(cr_, record_.content.back().tag.c_str()); }

void Tagger::begin(const Piece& piece) {
  if (piece.node < 0) return;
  StructNode& node = record_.nodes[static_cast<std::size_t>(piece.node)];
  // Cairo treats "Link" as a link annotation of its own; the post-processor gives the sequence
  // its real type from the record, so any structure tag Cairo accepts will do.
  std::string tag = node.type == "Link" ? "Span" : node.type;
  node.kids.push_back(StructKid{true, static_cast<int>(record_.content.size())});
  record_.content.push_back(MarkedContent{piece.node, page_, tag});
  cairo_tag_begin(cr_, tag.c_str(), nullptr);
}

void Tagger::end(const Piece& piece) {
  if (piece.node < 0) return;
  cairo_tag_end(cr_, record_.content.back().tag.c_str());
}

void Tagger::split_links(const Element& e, int node, const std::vector<std::size_t>& runs, std::size_t first_link,
                         std::vector<Piece>& out) {
  std::map<int, int> link_nodes;  // link area -> its Link node
  int current = -2;
  for (std::size_t i : runs) {
    const int link = link_of(e, e.runs[i]);
    if (link != current) {
      int target = node;
      if (link >= 0) {
        auto [at, added] = link_nodes.emplace(link, 0);
        if (added) {
          at->second = add_node("Link", node);
          record_.nodes[static_cast<std::size_t>(at->second)].link = static_cast<int>(first_link) + link;
        }
        target = at->second;
      }
      out.push_back(Piece{target, {}});
      current = link;
    }
    out.back().runs.push_back(i);
  }
  for (const auto& [link, index] : link_nodes) {
    std::vector<std::size_t> inside;
    for (std::size_t i : runs) {
      if (link_of(e, e.runs[i]) == link) inside.push_back(i);
    }
    record_.nodes[static_cast<std::size_t>(index)].text = words(e, inside);
  }
}

void Tagger::table_row(const Element& e, const std::vector<std::size_t>& runs, std::size_t first_link,
                       std::vector<Piece>& out) {
  const int table = block_node(e, "Table", 0);
  // A later band of a row cut between its lines (on the next page, maybe) adds to the row and
  // cells its first band opened: one TR, not one per band.
  std::vector<int>& cells = row_cells_[table];
  const bool continued = e.continues_row && cells.size() == std::max<std::size_t>(1, e.cells.size());
  if (!continued) {
    const int row = add_node("TR", table);
    cells.clear();
    if (e.cells.empty()) cells.push_back(add_node("TD", row));
    for (const layout::CellTag& cell : e.cells) {
      const int node = add_node(cell.header ? "TH" : "TD", row);
      record_.nodes[static_cast<std::size_t>(node)].column_header = cell.header && !cell.row_header;
      record_.nodes[static_cast<std::size_t>(node)].row_header = cell.header && cell.row_header;
      record_.nodes[static_cast<std::size_t>(node)].col_span = cell.col_span;
      record_.nodes[static_cast<std::size_t>(node)].row_span = cell.row_span;
      cells.push_back(node);
    }
  }
  if (e.cells.empty()) {
    split_links(e, cells.front(), runs, first_link, out);
    return;
  }
  for (std::size_t c = 0; c < e.cells.size(); ++c) {
    const layout::CellTag& cell = e.cells[c];
    const int node = cells[c];
    // A run belongs to the last cell that starts at or before it.
    std::vector<std::size_t> inside;
    for (std::size_t i : runs) {
      const double x = e.runs[i].x;
      const bool after_start = x >= cell.x0 - 0.01 || c == 0;
      const bool before_next = c + 1 == e.cells.size() || x < e.cells[c + 1].x0 - 0.01;
      if (after_start && before_next) inside.push_back(i);
    }
    split_links(e, node, inside, first_link, out);
  }
}

void Tagger::list_item(const Element& e, const std::vector<std::size_t>& runs, std::size_t first_link,
                       std::vector<Piece>& out) {
  const bool toc = e.role == StructRole::toc_item;
  const int outer = block_node(e, toc ? "TOC" : "L", 0);
  auto current = items_.find(outer);
  if (e.starts_item || current == items_.end()) {
    // A nested item opens an L in the body of the item before it (in the L above when a level
    // is skipped); a shallower one goes back to its own L.
    std::vector<int>& levels = list_levels_[outer];
    if (levels.empty()) levels.push_back(outer);
    const std::size_t depth = toc ? 0 : static_cast<std::size_t>(std::max(0, e.item_level));
    while (levels.size() > depth + 1) levels.pop_back();
    int parent = -1;
    if (levels.size() < depth + 1 && current != items_.end()) {
      auto parts = item_parts_.find(current->second);
      parent = parts != item_parts_.end() && parts->second.second >= 0 ? parts->second.second : current->second;
    }
    while (levels.size() < depth + 1) {
      levels.push_back(add_node("L", parent >= 0 ? parent : levels.back()));
      parent = -1;
    }
    current = items_.insert_or_assign(outer, add_node(toc ? "TOCI" : "LI", levels.back())).first;
  }
  const int item = current->second;
  if (toc) {
    split_links(e, item, runs, first_link, out);
    return;
  }
  auto& [label, body] = item_parts_.try_emplace(item, -1, -1).first->second;
  std::vector<std::size_t> label_runs, body_runs;
  for (std::size_t i : runs) (static_cast<int>(i) == e.label_run ? label_runs : body_runs).push_back(i);
  if (!label_runs.empty()) {
    if (label < 0) label = add_node("Lbl", item);
    out.push_back(Piece{label, label_runs});
  }
  if (!body_runs.empty()) {
    if (body < 0) body = add_node("LBody", item);
    split_links(e, body, body_runs, first_link, out);
  }
}

void Tagger::form_row(const Element& e, const std::vector<std::size_t>& runs, std::size_t first_link, int first_field,
                      std::vector<Piece>& out) {
  const int row = add_node("P", 0);
  if (first_field < 0 || e.fields.empty()) {
    split_links(e, row, runs, first_link, out);
    return;
  }
  // The fields by their cells' runs (cells are set left to right, so their runs are in order).
  std::vector<std::size_t> order(e.fields.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return e.fields[a].first_run < e.fields[b].first_run; });
  std::size_t next = 0;  // the next of `runs` to place
  auto take_until = [&](std::size_t end) {
    std::vector<std::size_t> taken;
    while (next < runs.size() && runs[next] < end) taken.push_back(runs[next++]);
    return taken;
  };
  for (std::size_t k : order) {
    const layout::FieldWidget& widget = e.fields[k];
    if (std::vector<std::size_t> before = take_until(widget.first_run); !before.empty())
      split_links(e, add_node("Span", row), before, first_link, out);
    const int form = add_node("Form", row);
    record_.nodes[static_cast<std::size_t>(form)].field = first_field + static_cast<int>(k);
    if (std::vector<std::size_t> own = take_until(widget.end_run); !own.empty()) split_links(e, form, own, first_link, out);
  }
  if (std::vector<std::size_t> after = take_until(e.runs.size()); !after.empty())
    split_links(e, add_node("Span", row), after, first_link, out);
}

std::vector<Tagger::Piece> Tagger::pieces(const Element& e, std::size_t first_link, int first_field) {
  std::vector<std::size_t> runs;
  for (std::size_t i = 0; i < e.runs.size(); ++i) {
    if (e.runs[i].shaped) runs.push_back(i);
  }
  std::vector<Piece> out;
  if (e.repeated || e.role == StructRole::artifact || e.role == StructRole::figure) {
    // Artifacts; a figure without a description is decoration.
    if (!runs.empty()) out.push_back(Piece{-1, runs});
    return out;
  }
  if (e.role == StructRole::table_row) {
    table_row(e, runs, first_link, out);
    return out;
  }
  // A form row's widgets are structure of their own, even where nothing is drawn beside them.
  const bool widgets = e.role == StructRole::form && first_field >= 0 && !e.fields.empty();
  if (runs.empty() && !widgets) return out;
  switch (e.role) {
    case StructRole::list_item:
    case StructRole::toc_item:
      list_item(e, runs, first_link, out);
      break;
    case StructRole::heading:
      // The level is on the heading's first line.
      split_links(e, block_node(e, "H" + std::to_string(std::clamp(e.heading_level, 1, 6)), 0, "H"), runs, first_link, out);
      break;
    case StructRole::caption:
      split_links(e, block_node(e, "Caption", 0), runs, first_link, out);
      break;
    case StructRole::note:
      split_links(e, block_node(e, "Note", 0), runs, first_link, out);
      break;
    case StructRole::form:
      form_row(e, runs, first_link, first_field, out);
      break;
    default:
      split_links(e, block_node(e, "P", 0), runs, first_link, out);
      break;
  }
  return out;
}

}  // namespace dizgi::render
