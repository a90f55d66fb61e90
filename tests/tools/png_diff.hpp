// png-diff: compares two PNG files pixel by pixel with a per-channel tolerance (golden tests,
// STYLE.md §2.5). Header-only so that any test can include it; Cairo reads the files.
#pragma once

#include <cairo.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

namespace dizgi::testing {

struct PngDiff {
  bool readable = false;      // both files could be read
  bool same_size = false;
  int width = 0, height = 0;  // of the actual image
  int expected_width = 0, expected_height = 0;
  long differing = 0;         // pixels with a channel beyond the tolerance
  int max_delta = 0;          // largest channel difference seen
  int first_x = -1, first_y = -1;
  std::string error;

  bool matches() const { return readable && same_size && differing == 0; }
  std::string summary() const {
    if (!readable) return error;
    if (!same_size)
      return "size differs: expected " + std::to_string(expected_width) + "x" + std::to_string(expected_height) +
             ", actual " + std::to_string(width) + "x" + std::to_string(height);
    if (differing == 0) return "same";
    return std::to_string(differing) + " pixel(s) differ beyond the tolerance, largest channel difference " +
           std::to_string(max_delta) + ", first at (" + std::to_string(first_x) + "," + std::to_string(first_y) + ")";
  }
};

// Tolerance is per channel (0..255): a pixel differs when any of A, R, G, B differs by more.
inline PngDiff compare_png(const std::filesystem::path& expected, const std::filesystem::path& actual,
                           int tolerance = 1) {
  PngDiff result;
  using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
  Surface a(cairo_image_surface_create_from_png(expected.c_str()), &cairo_surface_destroy);
  Surface b(cairo_image_surface_create_from_png(actual.c_str()), &cairo_surface_destroy);
  if (cairo_surface_status(a.get()) != CAIRO_STATUS_SUCCESS) {
    result.error = "cannot read " + expected.string();
    return result;
  }
  if (cairo_surface_status(b.get()) != CAIRO_STATUS_SUCCESS) {
    result.error = "cannot read " + actual.string();
    return result;
  }
  result.readable = true;
  cairo_surface_flush(a.get());
  cairo_surface_flush(b.get());
  result.expected_width = cairo_image_surface_get_width(a.get());
  result.expected_height = cairo_image_surface_get_height(a.get());
  result.width = cairo_image_surface_get_width(b.get());
  result.height = cairo_image_surface_get_height(b.get());
  result.same_size = result.width == result.expected_width && result.height == result.expected_height;
  if (!result.same_size) return result;
  // Images without alpha are read as RGB24: the unused byte is then ignored.
  bool alpha_a = cairo_image_surface_get_format(a.get()) == CAIRO_FORMAT_ARGB32;
  bool alpha_b = cairo_image_surface_get_format(b.get()) == CAIRO_FORMAT_ARGB32;
  const unsigned char* da = cairo_image_surface_get_data(a.get());
  const unsigned char* db = cairo_image_surface_get_data(b.get());
  int sa = cairo_image_surface_get_stride(a.get());
  int sb = cairo_image_surface_get_stride(b.get());
  for (int y = 0; y < result.height; ++y) {
    for (int x = 0; x < result.width; ++x) {
      uint32_t pa = *reinterpret_cast<const uint32_t*>(da + y * sa + x * 4);
      uint32_t pb = *reinterpret_cast<const uint32_t*>(db + y * sb + x * 4);
      if (!alpha_a) pa |= 0xFF000000u;
      if (!alpha_b) pb |= 0xFF000000u;
      int delta = 0;
      for (int shift = 0; shift < 32; shift += 8) {
        int ca = static_cast<int>((pa >> shift) & 0xFF);
        int cb = static_cast<int>((pb >> shift) & 0xFF);
        delta = std::max(delta, std::abs(ca - cb));
      }
      result.max_delta = std::max(result.max_delta, delta);
      if (delta > tolerance) {
        if (result.differing == 0) {
          result.first_x = x;
          result.first_y = y;
        }
        ++result.differing;
      }
    }
  }
  return result;
}

}  // namespace dizgi::testing
