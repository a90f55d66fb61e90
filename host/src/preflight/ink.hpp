// Total area coverage (TAC): renders a page in CMYK with Poppler's Splash rasterizer and finds
// the square of `area_mm` with the highest average C+M+Y+K. Averaging over a small area
// (GWG: "not a single pixel") ignores anti-aliased edges and single dots of trapping.
#pragma once

#include "preflight/scan.hpp"

#include <SplashOutputDev.h>

#include <memory>
#include <optional>

class PDFDoc;

namespace dizgi::preflight {

// A Splash device for untrusted files: it skips images whose declared size is too large to
// rasterize in bounded time (a damaged file can claim 100000 x 100000 pixels with a few bytes
// of data, and Splash would scale every one of them). Used for ink coverage and thumbnails.
class BoundedSplashOutputDev : public SplashOutputDev {
 public:
  using SplashOutputDev::SplashOutputDev;
  static constexpr double max_image_pixels = 250e6;

  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height,
                     bool invert, bool interpolate, bool inlineImg) override;
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                 GfxImageColorMap* colorMap, bool interpolate, const int* maskColors,
                 bool inlineImg) override;
  void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                       GfxImageColorMap* colorMap, bool interpolate, Stream* maskStr,
                       int maskWidth, int maskHeight, bool maskInvert,
                       bool maskInterpolate) override;
  void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                           GfxImageColorMap* colorMap, bool interpolate, Stream* maskStr,
                           int maskWidth, int maskHeight, GfxImageColorMap* maskColorMap,
                           bool maskInterpolate) override;
  // A tiling pattern of more than max_pattern_cells cells (a damaged file, or a step far below
  // a pixel) is left out: Splash, or Gfx when Splash declines, would draw every cell.
  static constexpr double max_pattern_cells = 1e6;
  bool tilingPatternFill(GfxState* state, Gfx* gfx, Catalog* cat, GfxTilingPattern* tPat,
                         const double* mat, int x0, int y0, int x1, int y1, double xStep,
                         double yStep) override;
};

struct InkPeak {
  double percent = 0;  // highest average coverage, 0..400
  Box box;             // where: the squares above the limit (or the highest one), in page
                       // points from the MediaBox's lower left
};

class InkMeter {
 public:
  explicit InkMeter(PDFDoc& doc);
  ~InkMeter();
  InkMeter(const InkMeter&) = delete;
  InkMeter& operator=(const InkMeter&) = delete;

  // Renders page `page` (1-based, unrotated MediaBox) at area_mm / 5 per pixel. `abort` is
  // polled by Poppler between operators. Returns nullopt when the page could not be rendered.
  std::optional<InkPeak> measure(int page, double area_mm, double limit_percent,
                                 bool (*abort)(void*), void* abort_data);

 private:
  PDFDoc& doc_;
  std::unique_ptr<BoundedSplashOutputDev> out_;
};

}  // namespace dizgi::preflight
