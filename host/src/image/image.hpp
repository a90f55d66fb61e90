// Pictures: the one place that reads image files. Layout asks for a picture's size, render
// draws it; both go through here, so PNG, JPEG and SVG are decoded the same way everywhere.
// PNG is read by Cairo, JPEG by gdk-pixbuf (the PDF embeds the original JPEG bytes), SVG by
// librsvg. Nothing here throws: a file that cannot be read has a size of zero.
#pragma once

#include <cairo.h>

#include <filesystem>

namespace dizgi::image {

enum class Format { invalid = 0, png, jpeg, svg };

struct Info {
  Format format = Format::invalid;
  double width_px = 0, height_px = 0;  // 0: unreadable
  bool readable() const { return width_px > 0 && height_px > 0; }
  // Cairo's image surfaces hold at most 32767 pixels a side (SVG is drawn as vectors).
  bool fits_cairo() const { return format == Format::svg || (width_px <= 32767 && height_px <= 32767); }
};

// The format by file extension (.png, .jpg/.jpeg, .svg in any case); invalid otherwise.
Format format_of(const std::filesystem::path& path);

// The picture's size in pixels (SVG: its intrinsic size in CSS pixels).
Info probe(const std::filesystem::path& path);

// Draws the picture scaled into the rectangle (x, y, w, h) of `cr`, in the rectangle's units.
// With max_ppi > 0 (an output profile's image resolution, w and h in points) a PNG or JPEG
// placed at a higher resolution is downsampled to it first; a JPEG is then recompressed as
// JPEG. Returns false when the file cannot be decoded or is too large to draw (nothing is drawn).
bool draw(cairo_t* cr, const std::filesystem::path& path, double x, double y, double w, double h,
          double max_ppi = 0);

}  // namespace dizgi::image
