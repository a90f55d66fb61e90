#include "image/image.hpp"

#ifdef DIZGI_HAVE_RSVG
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>
#endif

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace dizgi::image {

#ifdef DIZGI_HAVE_RSVG
namespace {

// Opens an SVG file and hands its handle to `use`; nothing happens when it cannot be read.
template <typename Use>
void with_svg(const std::filesystem::path& path, Use&& use) {
  GError* error = nullptr;
  RsvgHandle* handle = rsvg_handle_new_from_file(path.c_str(), &error);
  if (handle) {
    use(handle);
    g_object_unref(handle);
  }
  if (error) g_error_free(error);
}

}  // namespace
#endif

Format format_of(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".png") return Format::png;
  if (ext == ".jpg" || ext == ".jpeg") return Format::jpeg;
  if (ext == ".svg") return Format::svg;
  return Format::invalid;
}

Info probe(const std::filesystem::path& path) {
  Info info;
  info.format = format_of(path);
  switch (info.format) {
    case Format::png: {
      cairo_surface_t* s = cairo_image_surface_create_from_png(path.c_str());
      if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
        info.width_px = cairo_image_surface_get_width(s);
        info.height_px = cairo_image_surface_get_height(s);
      }
      cairo_surface_destroy(s);
      break;
    }
#ifdef DIZGI_HAVE_RSVG
    case Format::jpeg: {
      int w = 0, h = 0;
      if (gdk_pixbuf_get_file_info(path.c_str(), &w, &h)) {
        info.width_px = w;
        info.height_px = h;
      }
      break;
    }
    case Format::svg: {
      with_svg(path, [&](RsvgHandle* handle) {
        gdouble w = 0, h = 0;
        if (rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h)) {
          info.width_px = w;
          info.height_px = h;
        }
      });
      break;
    }
#endif
    default:
      break;
  }
  return info;
}

namespace {

// The pixel size an image placed at w_pt x h_pt gets at `max_ppi`, when it has more pixels
// than that; nullopt when it is kept as it is.
std::optional<std::pair<int, int>> downsampled_size(int w, int h, double w_pt, double h_pt, double max_ppi) {
  if (max_ppi <= 0 || w_pt <= 0 || h_pt <= 0) return std::nullopt;
  const double ppi = std::min(w / (w_pt / 72), h / (h_pt / 72));
  if (ppi <= max_ppi) return std::nullopt;
  const double scale = max_ppi / ppi;
  return std::make_pair(std::max(1, static_cast<int>(std::ceil(w * scale))),
                        std::max(1, static_cast<int>(std::ceil(h * scale))));
}

// A PNG above the resolution is redrawn at it (Cairo's good filter); takes ownership.
cairo_surface_t* downsample_png(cairo_surface_t* image, double w_pt, double h_pt, double max_ppi) {
  const int w = cairo_image_surface_get_width(image), h = cairo_image_surface_get_height(image);
  auto size = downsampled_size(w, h, w_pt, h_pt, max_ppi);
  if (!size) return image;
  cairo_surface_t* smaller = cairo_image_surface_create(cairo_image_surface_get_format(image), size->first, size->second);
  cairo_t* cr = cairo_create(smaller);
  cairo_scale(cr, static_cast<double>(size->first) / w, static_cast<double>(size->second) / h);
  cairo_set_source_surface(cr, image, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_destroy(image);
  return smaller;
}

void paint_scaled(cairo_t* cr, cairo_surface_t* surface, double x, double y, double w, double h) {
  cairo_translate(cr, x, y);
  const int width = cairo_image_surface_get_width(surface), height = cairo_image_surface_get_height(surface);
  cairo_scale(cr, w / width, h / height);
  cairo_set_source_surface(cr, surface, 0, 0);
  // The picture's rectangle filled, not an unbounded paint: in a tagged PDF the picture sits in
  // its figure's marked content, and Cairo 1.16 fails the page (a tag error at show_page) when
  // an unbounded paint is drawn there.
  cairo_rectangle(cr, 0, 0, width, height);
  cairo_fill(cr);
}

#ifdef DIZGI_HAVE_RSVG
// JPEG: decoded with gdk-pixbuf for the screen and PNG previews; the original JPEG bytes are
// attached as MIME data, so the PDF embeds the photo as it is (DCT), not re-encoded.
bool draw_jpeg(cairo_t* cr, const std::filesystem::path& path, double x, double y, double w, double h,
               double max_ppi) {
  // Too large for Cairo: not decoded at all (a 10 KB JPEG may claim gigabytes of pixels).
  if (!probe(path).fits_cairo()) return false;
  GError* error = nullptr;
  GdkPixbuf* pixbuf = gdk_pixbuf_new_from_file(path.c_str(), &error);
  if (!pixbuf) {
    if (error) g_error_free(error);
    return false;
  }
  int pw = gdk_pixbuf_get_width(pixbuf), ph = gdk_pixbuf_get_height(pixbuf);
  gchar* bytes = nullptr;
  gsize length = 0;
  bool recompressed = false;
  if (auto size = downsampled_size(pw, ph, w, h, max_ppi)) {
    // Above the profile's resolution: scaled down and recompressed as JPEG.
    GdkPixbuf* smaller = gdk_pixbuf_scale_simple(pixbuf, size->first, size->second, GDK_INTERP_HYPER);
    if (smaller) {
      g_object_unref(pixbuf);
      pixbuf = smaller;
      pw = size->first;
      ph = size->second;
      recompressed = gdk_pixbuf_save_to_buffer(pixbuf, &bytes, &length, "jpeg", nullptr, "quality", "85", nullptr);
    }
  }
  int channels = gdk_pixbuf_get_n_channels(pixbuf), stride = gdk_pixbuf_get_rowstride(pixbuf);
  const guchar* pixels = gdk_pixbuf_read_pixels(pixbuf);
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
  // Cairo refuses surfaces beyond 32767 pixels a side: its data pointer is then null.
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS || channels < 3) {
    cairo_surface_destroy(surface);
    g_object_unref(pixbuf);
    return false;
  }
  cairo_surface_flush(surface);
  unsigned char* data = cairo_image_surface_get_data(surface);
  int out_stride = cairo_image_surface_get_stride(surface);
  for (int row = 0; row < ph; ++row) {
    for (int col = 0; col < pw; ++col) {
      const guchar* in = pixels + row * stride + col * channels;
      auto* out = reinterpret_cast<uint32_t*>(data + row * out_stride) + col;
      *out = (uint32_t(in[0]) << 16) | (uint32_t(in[1]) << 8) | uint32_t(in[2]);
    }
  }
  cairo_surface_mark_dirty(surface);
  if (recompressed || g_file_get_contents(path.c_str(), &bytes, &length, nullptr)) {
    cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG, reinterpret_cast<unsigned char*>(bytes), length,
                                g_free, bytes);
  }
  paint_scaled(cr, surface, x, y, w, h);
  cairo_surface_destroy(surface);
  g_object_unref(pixbuf);
  return true;
}
#endif

}  // namespace

bool draw(cairo_t* cr, const std::filesystem::path& path, double x, double y, double w, double h,
          double max_ppi) {
  bool drawn = false;
  cairo_save(cr);
  switch (format_of(path)) {
    case Format::png: {
      cairo_surface_t* surface = cairo_image_surface_create_from_png(path.c_str());
      if (cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS) {
        surface = downsample_png(surface, w, h, max_ppi);
        paint_scaled(cr, surface, x, y, w, h);
        drawn = true;
      }
      cairo_surface_destroy(surface);
      break;
    }
#ifdef DIZGI_HAVE_RSVG
    case Format::jpeg:
      drawn = draw_jpeg(cr, path, x, y, w, h, max_ppi);
      break;
    case Format::svg: {
      with_svg(path, [&](RsvgHandle* handle) {
        RsvgRectangle viewport{x, y, w, h};
        drawn = rsvg_handle_render_document(handle, cr, &viewport, nullptr);
      });
      break;
    }
#endif
    default:
      break;
  }
  cairo_restore(cr);
  return drawn;
}

}  // namespace dizgi::image
