#include "render/marks.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace dizgi::render {

namespace {

// The colour bar: each process ink solid and as a 50 % tint (single inks only, so the bar
// never adds to the total area coverage).
const std::array<output::ProcessColour, 8> patches = {{
    {100, 0, 0, 0}, {0, 100, 0, 0}, {0, 0, 100, 0}, {0, 0, 0, 100},
    {50, 0, 0, 0}, {0, 50, 0, 0}, {0, 0, 50, 0}, {0, 0, 0, 50},
}};

// The screen colour of a CMYK patch: the same naive conversion the template uses, so the map
// can recognise it again.
std::array<double, 3> screen(const output::ProcessColour& p) {
  return {(1 - p.c / 100) * (1 - p.k / 100), (1 - p.m / 100) * (1 - p.k / 100), (1 - p.y / 100) * (1 - p.k / 100)};
}

void set_registration(cairo_t* cr) {
  cairo_set_source_rgb(cr, output::registration_rgb[0], output::registration_rgb[1], output::registration_rgb[2]);
}

void line(cairo_t* cr, double x0, double y0, double x1, double y1) {
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1, y1);
  cairo_stroke(cr);
}

void registration_target(cairo_t* cr, double cx, double cy, double radius) {
  cairo_new_path(cr);
  cairo_arc(cr, cx, cy, radius * 0.6, 0, 2 * M_PI);
  cairo_stroke(cr);
  line(cr, cx - radius, cy, cx + radius, cy);
  line(cr, cx, cy - radius, cx, cy + radius);
}

}  // namespace

double media_margin_pt(const output::OutputProfile& profile) {
  if (!profile.marks.any()) return profile.bleed_pt;
  return std::max(profile.bleed_pt, profile.marks.offset_pt + profile.marks.length_pt + 2);
}

void draw_marks(cairo_t* cr, const output::Marks& marks, double bleed_pt, double trim_x, double trim_y,
                double trim_w, double trim_h, const std::string& slug) {
  if (!marks.any()) return;
  const double off = std::max(marks.offset_pt, bleed_pt);
  const double len = marks.length_pt;
  const double x0 = trim_x, y0 = trim_y, x1 = trim_x + trim_w, y1 = trim_y + trim_h;
  cairo_save(cr);
  cairo_set_line_width(cr, marks.line_width_pt);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  set_registration(cr);
  if (marks.crop) {
    for (double x : {x0, x1}) {
      line(cr, x, y0 - off - len, x, y0 - off);
      line(cr, x, y1 + off, x, y1 + off + len);
    }
    for (double y : {y0, y1}) {
      line(cr, x0 - off - len, y, x0 - off, y);
      line(cr, x1 + off, y, x1 + off + len, y);
    }
  }
  if (marks.registration) {
    const double r = len / 2 - 1;
    const double mid = off + len / 2;
    registration_target(cr, (x0 + x1) / 2, y0 - mid, r);
    registration_target(cr, (x0 + x1) / 2, y1 + mid, r);
    registration_target(cr, x0 - mid, (y0 + y1) / 2, r);
    registration_target(cr, x1 + mid, (y0 + y1) / 2, r);
  }
  if (marks.colour_bar) {
    const double size = len - 2;
    double x = x0 + len;  // clear of the crop marks
    const double y = y1 + off + 1;
    for (const output::ProcessColour& p : patches) {
      std::array<double, 3> rgb = screen(p);
      cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
      cairo_rectangle(cr, x, y, size, size);
      cairo_fill(cr);
      x += size;
    }
  }
  if (marks.slug && !slug.empty()) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* font = pango_font_description_from_string("Linux Biolinum O 6");
    pango_layout_set_font_description(layout, font);
    pango_layout_set_text(layout, slug.c_str(), -1);
    int width = 0, height = 0;
    pango_layout_get_size(layout, &width, &height);
    cairo_set_source_rgb(cr, 0, 0, 0);  // K-only in print
    cairo_move_to(cr, x0 + len, y0 - off - static_cast<double>(height) / PANGO_SCALE - 1);
    pango_cairo_show_layout(cr, layout);
    pango_font_description_free(font);
    g_object_unref(layout);
  }
  cairo_restore(cr);
}

void add_mark_colours(output::ColourMap& map) {
  output::ProcessColour registration;
  registration.registration = true;
  map.add(output::registration_rgb[0], output::registration_rgb[1], output::registration_rgb[2], registration,
          "registration");
  for (const output::ProcessColour& p : patches) {
    std::array<double, 3> rgb = screen(p);
    map.add(rgb[0], rgb[1], rgb[2], p);
  }
}

}  // namespace dizgi::render
