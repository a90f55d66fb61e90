// dizgi-png-diff: compares two PNG files the way the golden tests do and, optionally, writes a
// difference image (differing pixels red over a faded copy of the expected image).
//   dizgi-png-diff EXPECTED ACTUAL [--tolerance N] [--diff OUT.png]
// Exit status: 0 same within the tolerance, 1 different, 2 usage or unreadable files.
#include "png_diff.hpp"

#include <cairo.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace {

int write_difference(const std::string& expected, const std::string& actual, int tolerance, const std::string& out) {
  using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
  Surface a(cairo_image_surface_create_from_png(expected.c_str()), &cairo_surface_destroy);
  Surface b(cairo_image_surface_create_from_png(actual.c_str()), &cairo_surface_destroy);
  if (cairo_surface_status(a.get()) != CAIRO_STATUS_SUCCESS || cairo_surface_status(b.get()) != CAIRO_STATUS_SUCCESS) return 2;
  int w = cairo_image_surface_get_width(a.get());
  int h = cairo_image_surface_get_height(a.get());
  if (w != cairo_image_surface_get_width(b.get()) || h != cairo_image_surface_get_height(b.get())) return 2;
  Surface diff(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h), &cairo_surface_destroy);
  cairo_surface_flush(a.get());
  cairo_surface_flush(b.get());
  cairo_surface_flush(diff.get());
  const unsigned char* da = cairo_image_surface_get_data(a.get());
  const unsigned char* db = cairo_image_surface_get_data(b.get());
  unsigned char* dd = cairo_image_surface_get_data(diff.get());
  int sa = cairo_image_surface_get_stride(a.get());
  int sb = cairo_image_surface_get_stride(b.get());
  int sd = cairo_image_surface_get_stride(diff.get());
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      uint32_t pa = *reinterpret_cast<const uint32_t*>(da + y * sa + x * 4);
      uint32_t pb = *reinterpret_cast<const uint32_t*>(db + y * sb + x * 4);
      int delta = 0;
      for (int shift = 0; shift < 24; shift += 8) {
        delta = std::max(delta, std::abs(static_cast<int>((pa >> shift) & 0xFF) - static_cast<int>((pb >> shift) & 0xFF)));
      }
      uint32_t grey = (pa & 0xFF) / 4 + 191;  // faded expected image
      uint32_t pixel = delta > tolerance ? 0x00FF0000u : (grey << 16) | (grey << 8) | grey;
      *reinterpret_cast<uint32_t*>(dd + y * sd + x * 4) = pixel;
    }
  }
  cairo_surface_mark_dirty(diff.get());
  return cairo_surface_write_to_png(diff.get(), out.c_str()) == CAIRO_STATUS_SUCCESS ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string expected, actual, diff_file;
  int tolerance = 1;
  bool extra = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--tolerance" && i + 1 < argc) tolerance = std::atoi(argv[++i]);
    else if (arg == "--diff" && i + 1 < argc) diff_file = argv[++i];
    else if (expected.empty()) expected = arg;
    else if (actual.empty()) actual = arg;
    else extra = true;
  }
  if (expected.empty() || actual.empty() || extra) {
    std::fprintf(stderr, "usage: dizgi-png-diff EXPECTED ACTUAL [--tolerance N] [--diff OUT.png]\n");
    return 2;
  }
  dizgi::testing::PngDiff result = dizgi::testing::compare_png(expected, actual, tolerance);
  std::printf("%s\n", result.summary().c_str());
  if (!result.readable) return 2;
  if (!diff_file.empty() && result.same_size && write_difference(expected, actual, tolerance, diff_file) != 0) {
    std::fprintf(stderr, "cannot write %s\n", diff_file.c_str());
    return 2;
  }
  return result.matches() ? 0 : 1;
}
