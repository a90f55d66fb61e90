// Printer's marks for print output: crop and registration marks, a colour bar and the slug
// line, all outside the bleed. They are drawn in colours post-processing recognises: the
// registration colour (every plate) and process-colour patches with exact CMYK values.
#pragma once

#include "output/colour_map.hpp"
#include "output/profile.hpp"

#include <string>

#include <cairo.h>

namespace dizgi::render {

// Distance from the trim to the media edge that the bleed and the marks need.
double media_margin_pt(const output::OutputProfile& profile);

// Draws the marks of one page; the trim starts at (trim_x, trim_y) in Cairo's page space.
// `slug` is the text of the slug line (book, date, page).
void draw_marks(cairo_t* cr, const output::Marks& marks, double bleed_pt, double trim_x, double trim_y,
                double trim_w, double trim_h, const std::string& slug);

// The colours draw_marks uses, for the map that post-processing applies.
void add_mark_colours(output::ColourMap& map);

}  // namespace dizgi::render
