#include "layout/flow.hpp"

#include "layout/text_util.hpp"

namespace dizgi::layout {

void Flow::add(const doc::Cover& cover) {
  const PageMaster& p = template_.page;
  double page_w = mm_to_pt(p.width_mm), page_h = mm_to_pt(p.height_mm);
  double bleed = mm_to_pt(p.bleed_mm);
  Element e;
  e.role = StructRole::figure;
  e.alt_text = cover.title;
  e.full_page = true;
  e.height = page_h;
  double band = page_h * 0.62;
  e.rects.push_back(Rect{-bleed, -bleed, page_w + 2 * bleed, band + bleed, template_.color("ana")});
  e.rects.push_back(Rect{-bleed, band, page_w + 2 * bleed, 6, template_.color("vurgu")});
  double margin = mm_to_pt(p.inner_mm);
  double measure = page_w - 2 * margin;
  auto place = [&](const std::string& text, const char* style_name, double y, const std::string& color = {}) {
    const Style& style = template_.style(style_name);
    ParagraphSetting s = setting_for(style, measure);
    s.first_indent_pt = 0;
    if (!color.empty()) s.color = color;
    auto lines = setter_.set(spans_of(text), s);
    for (Element& line : lines) {
      for (Run run : line.runs) {
        run.x += margin;
        run.baseline += y;
        e.runs.push_back(run);
      }
      y += line.height;
    }
    return y;
  };
  if (!cover.logo.empty()) {
    std::filesystem::path logo = options_.base_dir / cover.logo;
    std::error_code ec;
    if (std::filesystem::exists(logo, ec)) {
      double size = mm_to_pt(28);
      e.pictures.push_back(Picture{page_w - margin - size, mm_to_pt(30), size, size, logo.string(), 0});
    } else {
      sink_.warn("layout.missing-image", Location{logo.string()}, "cover logo cannot be read",
                 "check the 'logo' parameter (relative to the book file)");
    }
  }
  double y = mm_to_pt(40);
  if (!cover.organisation.empty()) y = place(upper_tr(cover.organisation), "cover-subtitle", y) + 30;
  y = band - mm_to_pt(70);
  if (!cover.year.empty()) y = place(cover.year, "cover-subtitle", y) + 6;
  y = place(cover.title, "cover-title", y) + 8;
  if (!cover.subtitle.empty()) place(cover.subtitle, "cover-subtitle", y);
  place(document_.metadata.author.empty() ? cover.organisation : document_.metadata.author,
        "h3", band + mm_to_pt(20));
  push(std::move(e));
  pending_break_ = BreakBefore::recto;
}

}  // namespace dizgi::layout
