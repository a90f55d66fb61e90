#include "paginate/furniture.hpp"

#include "layout/text_util.hpp"

#include <algorithm>
#include <memory>

namespace dizgi::paginate {

using namespace layout;

void label_pages(std::vector<Page>& pages) {
  int front = 0, body = 0;
  for (Page& page : pages) {
    if (page.matter == doc::Matter::front) page.label = roman(++front);
    else page.label = std::to_string(++body);
  }
}

void add_furniture(LaidOutBook& book, text::Shaper& shaper) {
  const Template& t = book.style;
  const PageMaster& p = t.page;
  const Style& head = t.style("header");
  const Style& folio = t.style("folio");
  std::string chapter, section;
  double page_w = mm_to_pt(p.width_mm);
  for (Page& page : book.pages) {
    std::string first_section;
    // A verso names the chapter running at its top; a page that opens with a chapter's title
    // is that chapter's page, not the one before.
    std::string chapter_at_start = chapter;
    if (!page.content.empty() && page.content.front().element->heading_level == 1)
      chapter_at_start = page.content.front().element->heading_text;
    for (const Placed& placed : page.content) {
      if (placed.element->heading_level == 1) {
        chapter = placed.element->heading_text;
        section.clear();
      }
      if (placed.element->heading_level == 2) {
        if (first_section.empty()) first_section = placed.element->heading_text;
        section = placed.element->heading_text;
      }
    }
    if (!page.show_furniture || page.blank || page.full_page) continue;
    std::string head_text = page.recto ? (first_section.empty() ? section : first_section) : chapter_at_start;
    if (head_text.empty()) head_text = chapter;
    if ((page.recto ? t.running_head_recto : t.running_head_verso) == "none") head_text.clear();
    double inner = mm_to_pt(page.recto ? p.inner_mm : p.outer_mm);
    double outer_edge_x = page.recto ? page_w - mm_to_pt(p.outer_mm) : mm_to_pt(p.outer_mm);
    auto element = std::make_unique<Element>();
    element->role = StructRole::artifact;  // running heads and folios are not content
    Color head_color = t.color(head.color);
    Color folio_color = t.color(folio.color);
    text::FontKey head_key{head.font, head.bold, head.italic, false, head.size_pt, 0};
    text::FontKey folio_key{folio.font, folio.bold, folio.italic, false, folio.size_pt, 0};
    double head_y = mm_to_pt(p.header_mm);
    // A folio at the head's outer edge pushes the running head to the inner edge.
    bool folio_shares_head = t.folio.position == FolioPosition::top && t.folio.align == FolioAlign::outer;
    double inner_edge_x = page.recto ? mm_to_pt(p.inner_mm) : page_w - mm_to_pt(p.inner_mm);
    if (!head_text.empty()) {
      const text::Shaped& s = shaper.shape(upper_tr(head_text), head_key);
      double x = page.recto ? outer_edge_x - s.width_pt : outer_edge_x;
      if (folio_shares_head) x = page.recto ? inner_edge_x : inner_edge_x - s.width_pt;
      element->runs.push_back(Run{&s, x, head_y, head_color});
      element->rules.push_back(Rule{std::min(inner, outer_edge_x), head_y + 4,
                                    std::max(page_w - mm_to_pt(page.recto ? p.outer_mm : p.inner_mm), outer_edge_x),
                                    head_y + 4, 0.3, t.color("cizgi")});
    }
    const text::Shaped& number = shaper.shape(page.label, folio_key);
    double folio_y = t.folio.position == FolioPosition::top ? head_y : mm_to_pt(p.height_mm - p.footer_mm);
    double fx = page.recto ? outer_edge_x - number.width_pt : outer_edge_x;
    if (t.folio.align == FolioAlign::inner) fx = page.recto ? inner_edge_x : inner_edge_x - number.width_pt;
    if (t.folio.align == FolioAlign::center) {
      double left = std::min(inner_edge_x, outer_edge_x);
      double right = std::max(inner_edge_x, outer_edge_x);
      fx = (left + right - number.width_pt) / 2;
    }
    element->runs.push_back(Run{&number, fx, folio_y, folio_color});
    page.furniture.push_back({element.get(), 0});
    book.storage.push_back(std::move(element));
  }
}

}  // namespace dizgi::paginate
