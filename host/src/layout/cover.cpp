// The cover block: the family look of the books, drawn from the template's colours and the
// book's own title, year or period, accent colour and logo. A front cover (the first page) and
// a back cover (props "side" = "back": the last page, on a verso) share one system: the
// template colour "ana" over the whole page into the bleed, the logo and the administration's
// name, and a row of rising bars in the book's accent (props "accent", a template colour; the
// template's "vurgu" when not given). docs/plugin-guide.md lists the cover's props.
#include "layout/flow.hpp"

#include "layout/text_util.hpp"

#include <algorithm>

namespace dizgi::layout {

namespace {

std::string prop(const doc::Cover& cover, const char* key) {
  auto it = cover.props.find(key);
  return it == cover.props.end() ? std::string() : it->second;
}

}  // namespace

void Flow::add(const doc::Cover& cover) {
  const PageMaster& p = template_.page;
  const double page_w = mm_to_pt(p.width_mm), page_h = mm_to_pt(p.height_mm);
  const double bleed = mm_to_pt(p.bleed_mm);
  const bool back = prop(cover, "side") == "back";
  const std::string side = prop(cover, "side");
  if (!side.empty() && side != "front" && side != "back") {
    sink_.warn("layout.unknown-property", here(), "cover property 'side' is '" + side + "'", "write front or back");
  }
  std::string accent = prop(cover, "accent");
  if (accent.empty()) accent = "vurgu";
  if (template_.colors.count(accent) == 0) {
    sink_.warn("layout.unknown-property", here(), "cover accent '" + accent + "' is not a colour of the template",
               "name a <color> of the template, or leave 'accent' out for 'vurgu'");
    accent = "vurgu";
  }
  Element e;
  e.role = StructRole::figure;
  e.full_page = true;
  e.back_cover = back;
  if (back) e.break_before = break_before(PageBreak::verso);
  e.height = page_h;
  e.anchors.push_back(!cover.id.empty() ? cover.id : back ? "arka-kapak" : "kapak");
  // The background reaches into the bleed on every side: the trim may fall anywhere in it.
  e.rects.push_back(Rect{-bleed, -bleed, page_w + 2 * bleed, page_h + 2 * bleed, template_.color("ana")});
  const double margin = mm_to_pt(20);
  const double measure = page_w - 2 * margin;

  // Sets `text` in `style_name` at (x, y) within `width`; returns the y below it.
  auto place = [&](const std::string& text, const Style& style, double x, double y, double width,
                   Alignment align = Alignment::start, const std::string& color = {}) {
    ParagraphSetting s = setting_for(style, width);
    s.first_indent_pt = 0;
    s.align = align;
    s.microtypography = false;
    if (!color.empty()) s.color = color;
    for (const Element& line : setter_.set(spans_of(text), s)) {
      for (Run run : line.runs) {
        run.x += x;
        run.baseline += y;
        e.runs.push_back(run);
      }
      y += line.height;
    }
    return y;
  };
  const Style& title_style = template_.style("cover-title");
  const Style& sub_style = template_.style("cover-subtitle");
  const Style& note_style = template_.style("cover-note");

  // The motif: five bars rising to the right, the tallest in the accent, standing on a line.
  auto bars = [&](double right, double base, double scale) {
    static constexpr double heights_mm[] = {26, 40, 33, 55, 76};
    const double w = mm_to_pt(11) * scale, gap = mm_to_pt(3.5) * scale;
    double x = right - 5 * w - 4 * gap;
    for (int i = 0; i < 5; ++i) {
      const double h = mm_to_pt(heights_mm[i]) * scale;
      e.rects.push_back(Rect{x, base - h, w, h, template_.color(i == 4 ? accent : "zemin2")});
      x += w + gap;
    }
    e.rects.push_back(Rect{right - 5 * w - 4 * gap, base, 5 * w + 4 * gap, 1.2, template_.color("white")});
  };

  std::filesystem::path logo;
  if (!cover.logo.empty()) {
    logo = options_.base_dir / cover.logo;
    std::error_code ec;
    if (!std::filesystem::exists(logo, ec)) {
      sink_.warn("layout.missing-image", Location{logo.string()}, "cover logo cannot be read",
                 "check the 'logo' parameter (relative to the book file)");
      logo.clear();
    }
  }

  if (!back) {
    e.alt_text = cover.organisation.empty() ? cover.title : cover.organisation + ": " + cover.title;
    if (!cover.year.empty()) e.alt_text += " " + cover.year;
    // Head: the logo and the administration's name beside it, once.
    const double logo_size = mm_to_pt(24), head_top = mm_to_pt(18);
    double name_x = margin;
    if (!logo.empty()) {
      e.pictures.push_back(Picture{margin, head_top, logo_size, logo_size, logo.string(), 0});
      name_x += logo_size + mm_to_pt(6);
    }
    if (!cover.organisation.empty()) {
      const double width = page_w - margin - name_x;
      auto lines = setter_.set(spans_of(upper_tr(cover.organisation)), setting_for(sub_style, width));
      double h = 0;
      for (const Element& line : lines) h += line.height;
      place(upper_tr(cover.organisation), sub_style, name_x, head_top + (logo_size - h) / 2, width);
    }
    e.rects.push_back(Rect{margin, mm_to_pt(52), measure, 0.8, template_.color("zemin2")});
    // The year or period, large in the accent, then the title and the subtitle.
    double y = mm_to_pt(92);
    if (!cover.year.empty()) {
      Style year_style = template_.style("cover-year");
      // A period ("2025–2029") takes the same width as a year would at most: a smaller size.
      const std::size_t chars = static_cast<std::size_t>(
          std::count_if(cover.year.begin(), cover.year.end(), [](char c) { return (c & 0xC0) != 0x80; }));
      if (chars > 4) {
        const double factor = std::max(0.45, 4.6 / static_cast<double>(chars));
        year_style.size_pt *= factor;
        year_style.leading_pt *= factor;
      }
      y = place(cover.year, year_style, margin, y, measure, Alignment::start, accent) + mm_to_pt(4);
    }
    y = place(cover.title, title_style, margin, y, measure * 0.62);
    if (!cover.subtitle.empty()) y = place(cover.subtitle, sub_style, margin, y + mm_to_pt(3), measure * 0.62);
    bars(page_w - margin, mm_to_pt(246), 1.0);
    // Foot: the book's kind or its web address, small, under the line the bars stand on.
    if (std::string web = prop(cover, "web"); !web.empty()) place(web, note_style, margin, mm_to_pt(256), measure);
  } else {
    e.alt_text = cover.organisation;
    // The logo and the name centred in the upper half, the contact lines under an accent line,
    // the bars small at the foot: the front cover's elements, quieter.
    double y = mm_to_pt(70);
    if (!logo.empty()) {
      const double size = mm_to_pt(30);
      e.pictures.push_back(Picture{(page_w - size) / 2, y, size, size, logo.string(), 0});
      y += size + mm_to_pt(8);
    }
    if (!cover.organisation.empty()) y = place(upper_tr(cover.organisation), sub_style, margin, y, measure, Alignment::center);
    e.rects.push_back(Rect{(page_w - mm_to_pt(30)) / 2, y + mm_to_pt(6), mm_to_pt(30), 2.4, template_.color(accent)});
    y += mm_to_pt(14);
    for (const char* key : {"address", "phone", "email", "web"}) {
      const std::string line = prop(cover, key);
      if (line.empty()) continue;
      e.alt_text += "; " + line;
      y = place(line, note_style, margin, y, measure, Alignment::center);
    }
    if (!cover.title.empty()) place(cover.title, note_style, margin, mm_to_pt(262), measure * 0.6, Alignment::start, "zemin2");
    bars(page_w - margin, mm_to_pt(270), 0.4);
  }
  push(std::move(e));
  // A front cover's back is the next page (the imprint, or blank before a recto opener).
  pending_break_ = back ? BreakBefore::none : BreakBefore::page;
}

}  // namespace dizgi::layout
