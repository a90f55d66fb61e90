#include "render/pdf.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/version.hpp>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#ifdef DIZGI_HAVE_RSVG
#include <librsvg/rsvg.h>
#endif

#include <cstdlib>
#include <ctime>
#include <sstream>

namespace dizgi::render {

namespace {

using layout::mm_to_pt;

std::string number(double value) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out << value;
  return out.str();
}

// Anchor names go into Cairo tag attributes: keep them to a safe alphabet.
std::string safe_name(const std::string& id) {
  std::string out;
  for (unsigned char c : id) out.push_back(std::isalnum(c) || c == '-' || c == '_' || c == '.' ? static_cast<char>(c) : '_');
  return out;
}

void set_color(cairo_t* cr, const layout::Color& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

void draw_run(cairo_t* cr, const layout::Run& run, double ox, double oy) {
  if (!run.shaped) return;
  set_color(cr, run.color);
  double x = ox + run.x;
  for (const text::ShapedPiece& piece : run.shaped->pieces) {
    cairo_move_to(cr, x, oy + run.baseline);
    pango_cairo_show_glyph_item(cr, run.shaped->text.c_str(),
                                const_cast<PangoGlyphItem*>(&piece.glyph_item));
    x += piece.width_pt;
  }
}

void draw_picture(cairo_t* cr, const layout::Picture& p, double ox, double oy) {
  std::filesystem::path path(p.path);
  cairo_save(cr);
  if (path.extension() == ".png") {
    cairo_surface_t* image = cairo_image_surface_create_from_png(p.path.c_str());
    if (cairo_surface_status(image) == CAIRO_STATUS_SUCCESS) {
      double sx = p.w / cairo_image_surface_get_width(image);
      double sy = p.h / cairo_image_surface_get_height(image);
      cairo_translate(cr, ox + p.x, oy + p.y);
      cairo_scale(cr, sx, sy);
      cairo_set_source_surface(cr, image, 0, 0);
      cairo_paint(cr);
    }
    cairo_surface_destroy(image);
  }
#ifdef DIZGI_HAVE_RSVG
  else if (path.extension() == ".svg") {
    GError* error = nullptr;
    RsvgHandle* handle = rsvg_handle_new_from_file(p.path.c_str(), &error);
    if (handle) {
      RsvgRectangle viewport{ox + p.x, oy + p.y, p.w, p.h};
      rsvg_handle_render_document(handle, cr, &viewport, nullptr);
      g_object_unref(handle);
    }
    if (error) g_error_free(error);
  }
#endif
  cairo_restore(cr);
}

void draw_element(cairo_t* cr, const layout::Element& e, double ox, double oy, bool tags) {
  for (const layout::Rect& r : e.rects) {
    set_color(cr, r.fill);
    cairo_rectangle(cr, ox + r.x, oy + r.y, r.w, r.h);
    cairo_fill(cr);
  }
  for (const layout::Rule& r : e.rules) {
    set_color(cr, r.color);
    cairo_set_line_width(cr, r.width_pt);
    cairo_move_to(cr, ox + r.x0, oy + r.y0);
    cairo_line_to(cr, ox + r.x1, oy + r.y1);
    cairo_stroke(cr);
  }
  for (const layout::Picture& p : e.pictures) draw_picture(cr, p, ox, oy);
  for (const layout::Run& run : e.runs) draw_run(cr, run, ox, oy);
  if (!tags) return;
  for (const std::string& anchor : e.anchors) {
    std::string attrs = "name='" + safe_name(anchor) + "' x=" + number(ox) + " y=" + number(oy);
    cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs.c_str());
    cairo_tag_end(cr, CAIRO_TAG_DEST);
  }
  for (const layout::LinkArea& link : e.links) {
    std::string rect = "rect=[" + number(ox + link.x) + " " + number(oy + link.y) + " " + number(link.w) +
                       " " + number(link.h) + "]";
    std::string attrs;
    if (!link.target.empty() && link.target[0] == '#') attrs = "dest='" + safe_name(link.target.substr(1)) + "' " + rect;
    else {
      std::string uri;
      for (char c : link.target) uri += c == '\'' ? std::string("%27") : std::string(1, c);
      attrs = "uri='" + uri + "' " + rect;
    }
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
    cairo_tag_end(cr, CAIRO_TAG_LINK);
  }
}

void draw_page(cairo_t* cr, const layout::LaidOutBook& book, const layout::Page& page, double bleed, bool tags) {
  const layout::PageMaster& p = book.style.page;
  double trim_x = bleed, trim_y = bleed;
  if (page.full_page) {
    for (const layout::Placed& placed : page.content) draw_element(cr, *placed.element, trim_x, trim_y, tags);
    return;
  }
  double left = mm_to_pt(page.recto || !p.facing ? p.inner_mm : p.outer_mm);
  double ox = trim_x + left, oy = trim_y + mm_to_pt(p.top_mm);
  for (const layout::Placed& placed : page.content) draw_element(cr, *placed.element, ox, oy + placed.y, tags);
  if (!page.footnotes.empty()) {
    double area_h = mm_to_pt(p.height_mm - p.top_mm - p.bottom_mm);
    double fy = oy + area_h - page.footnote_height;
    set_color(cr, book.style.color("cizgi"));
    cairo_set_line_width(cr, 0.4);
    cairo_move_to(cr, ox, fy + 6);
    cairo_line_to(cr, ox + mm_to_pt(40), fy + 6);
    cairo_stroke(cr);
    for (const layout::Placed& placed : page.footnotes) draw_element(cr, *placed.element, ox, fy + placed.y, tags);
  }
  for (const layout::Placed& placed : page.furniture) draw_element(cr, *placed.element, trim_x, trim_y, tags);
}

std::string creation_date() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) now = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace

PageGeometry write_pdf(const layout::LaidOutBook& book, const doc::Metadata& metadata,
                       const std::filesystem::path& file, const PdfOptions& options) {
  const layout::PageMaster& p = book.style.page;
  PageGeometry g;
  double bleed = options.bleed ? mm_to_pt(p.bleed_mm) : 0;
  g.trim_w_pt = mm_to_pt(p.width_mm);
  g.trim_h_pt = mm_to_pt(p.height_mm);
  g.media_w_pt = g.trim_w_pt + 2 * bleed;
  g.media_h_pt = g.trim_h_pt + 2 * bleed;
  g.trim_x_pt = bleed;
  g.trim_y_pt = bleed;
  cairo_surface_t* surface = cairo_pdf_surface_create(file.c_str(), g.media_w_pt, g.media_h_pt);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    std::string why = cairo_status_to_string(cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    throw Error(ErrorCode::render, Location{file.string()}, "cannot create PDF: " + why);
  }
  cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, metadata.subject.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "dizgi " DIZGI_VERSION_STRING);
  std::string date = creation_date();
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_t* cr = cairo_create(surface);
  for (const layout::Page& page : book.pages) {
    cairo_pdf_surface_set_page_label(surface, page.label.c_str());
    draw_page(cr, book, page, bleed, true);
    cairo_show_page(cr);
  }
  // Outline (bookmarks) from headings.
  std::vector<int> parents{CAIRO_PDF_OUTLINE_ROOT};
  std::vector<int> levels{0};
  for (const layout::OutlineEntry& entry : book.outline) {
    while (levels.size() > 1 && levels.back() >= entry.level) {
      levels.pop_back();
      parents.pop_back();
    }
    std::string link = "dest='" + safe_name(entry.id) + "'";
    int id = cairo_pdf_surface_add_outline(surface, parents.back(), entry.title.c_str(), link.c_str(),
                                           entry.level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : static_cast<cairo_pdf_outline_flags_t>(0));
    parents.push_back(id);
    levels.push_back(entry.level);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw Error(ErrorCode::render, Location{file.string()},
                std::string("cannot write PDF: ") + cairo_status_to_string(status));
  }
  return g;
}

void write_png(const layout::LaidOutBook& book, int page, double dpi, const std::filesystem::path& file) {
  const layout::PageMaster& p = book.style.page;
  double scale = dpi / 72.0;
  int w = static_cast<int>(mm_to_pt(p.width_mm) * scale + 0.5);
  int h = static_cast<int>(mm_to_pt(p.height_mm) * scale + 0.5);
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  draw_page(cr, book, book.pages.at(static_cast<std::size_t>(page)), 0, false);
  cairo_destroy(cr);
  cairo_status_t status = cairo_surface_write_to_png(surface, file.c_str());
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw Error(ErrorCode::render, Location{file.string()}, std::string("cannot write PNG: ") + cairo_status_to_string(status));
  }
}

}  // namespace dizgi::render
