#include "preflight/ink.hpp"

#include <PDFDoc.h>
#include <Page.h>
#include <splash/SplashBitmap.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace dizgi::preflight {

namespace {

bool too_large(int width, int height) {
  return static_cast<double>(width) * height > BoundedSplashOutputDev::max_image_pixels;
}

}  // namespace

bool BoundedSplashOutputDev::tilingPatternFill(GfxState* state, Gfx* gfx, Catalog* cat,
                                               GfxTilingPattern* tPat, const double* mat, int x0,
                                               int y0, int x1, int y1, double xStep, double yStep) {
  const double cells = (static_cast<double>(x1) - x0) * (static_cast<double>(y1) - y0);
  if (cells > max_pattern_cells) return true;  // "done": neither Splash nor Gfx draws the cells
  return SplashOutputDev::tilingPatternFill(state, gfx, cat, tPat, mat, x0, y0, x1, y1, xStep, yStep);
}

void BoundedSplashOutputDev::drawImageMask(GfxState* state, Object* ref, Stream* str, int width,
                                           int height, bool invert, bool interpolate,
                                           bool inlineImg) {
  if (too_large(width, height)) {
    OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inlineImg);
    return;
  }
  SplashOutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inlineImg);
}

void BoundedSplashOutputDev::drawImage(GfxState* state, Object* ref, Stream* str, int width,
                                       int height, GfxImageColorMap* colorMap, bool interpolate,
                                       const int* maskColors, bool inlineImg) {
  if (too_large(width, height)) {
    OutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);
    return;
  }
  SplashOutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);
}

void BoundedSplashOutputDev::drawMaskedImage(GfxState* state, Object* ref, Stream* str,
                                             int width, int height, GfxImageColorMap* colorMap,
                                             bool interpolate, Stream* maskStr, int maskWidth,
                                             int maskHeight, bool maskInvert,
                                             bool maskInterpolate) {
  if (too_large(width, height) || too_large(maskWidth, maskHeight)) return;
  SplashOutputDev::drawMaskedImage(state, ref, str, width, height, colorMap, interpolate, maskStr,
                                   maskWidth, maskHeight, maskInvert, maskInterpolate);
}

void BoundedSplashOutputDev::drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str,
                                                 int width, int height, GfxImageColorMap* colorMap,
                                                 bool interpolate, Stream* maskStr, int maskWidth,
                                                 int maskHeight, GfxImageColorMap* maskColorMap,
                                                 bool maskInterpolate) {
  if (too_large(width, height) || too_large(maskWidth, maskHeight)) return;
  SplashOutputDev::drawSoftMaskedImage(state, ref, str, width, height, colorMap, interpolate,
                                       maskStr, maskWidth, maskHeight, maskColorMap, maskInterpolate);
}

InkMeter::InkMeter(PDFDoc& doc) : doc_(doc) {
  SplashColor paper;
  paper[0] = paper[1] = paper[2] = paper[3] = 0;  // unprinted paper: no ink
  out_ = std::make_unique<BoundedSplashOutputDev>(splashModeCMYK8, 1, false, paper);
  // Coverage is averaged over 10 x 10 pixels anyway; anti-aliasing would only cost time.
  out_->setFontAntialias(false);
  out_->setVectorAntialias(false);
  out_->startDoc(&doc_);
}

InkMeter::~InkMeter() = default;

std::optional<InkPeak> InkMeter::measure(int page_number, double area_mm, double limit_percent,
                                         bool (*abort)(void*), void* abort_data) {
  Page* page = doc_.getPage(page_number);
  if (page == nullptr || area_mm <= 0) return std::nullopt;
  // Five pixels per side of the averaging square (1 mm pixels for 5 mm); huge pages get a
  // lower resolution so the bitmap stays under ~16 million pixels (64 MB in CMYK).
  const PDFRectangle* media = page->getMediaBox();
  const double width_in = std::max(std::abs(media->x2 - media->x1), 1.0) / 72;
  const double height_in = std::max(std::abs(media->y2 - media->y1), 1.0) / 72;
  double dpi = 25.4 * 5 / area_mm;
  dpi = std::min(dpi, std::sqrt(16e6 / (width_in * height_in)));
  const int window = std::max(2, static_cast<int>(std::lround(area_mm / 25.4 * dpi)));
  const int rotate = (360 - page->getRotate()) % 360;
  doc_.displayPageSlice(out_.get(), page_number, dpi, dpi, rotate, true, false, true, -1, -1, -1,
                        -1, abort, abort_data);
  SplashBitmap* bitmap = out_->getBitmap();
  if (bitmap == nullptr || bitmap->getMode() != splashModeCMYK8) return std::nullopt;
  const int width = bitmap->getWidth();
  const int height = bitmap->getHeight();
  if (width <= 0 || height <= 0) return std::nullopt;
  const int row_size = bitmap->getRowSize();
  const unsigned char* data = bitmap->getDataPtr();
  // Summed-area table of per-pixel coverage (0..1020), so every window sum is four lookups.
  const int w = width + 1;
  std::vector<long> sums(static_cast<std::size_t>(w) * (height + 1), 0);
  for (int y = 0; y < height; ++y) {
    const unsigned char* row = data + static_cast<std::ptrdiff_t>(y) * row_size;
    long line = 0;
    for (int x = 0; x < width; ++x) {
      const unsigned char* p = row + 4 * x;
      line += p[0] + p[1] + p[2] + p[3];
      sums[static_cast<std::size_t>(y + 1) * w + x + 1] = sums[static_cast<std::size_t>(y) * w + x + 1] + line;
    }
  }
  const int wx = std::min(window, width), wy = std::min(window, height);
  long best = -1;
  int best_x = 0, best_y = 0;
  // Window sums above this are over the limit (coverage 0..1020 per pixel, 255 = 100 %).
  const double over = limit_percent / 100.0 * 255.0 * wx * wy;
  int over_x0 = width, over_y0 = height, over_x1 = -1, over_y1 = -1;
  for (int y = 0; y + wy <= height; ++y) {
    for (int x = 0; x + wx <= width; ++x) {
      const auto at = [&](int xx, int yy) { return sums[static_cast<std::size_t>(yy) * w + xx]; };
      const long sum = at(x + wx, y + wy) - at(x, y + wy) - at(x + wx, y) + at(x, y);
      if (sum > best) {
        best = sum;
        best_x = x;
        best_y = y;
      }
      if (static_cast<double>(sum) > over) {
        over_x0 = std::min(over_x0, x);
        over_y0 = std::min(over_y0, y);
        over_x1 = std::max(over_x1, x + wx);
        over_y1 = std::max(over_y1, y + wy);
      }
    }
  }
  InkPeak peak;
  peak.percent = static_cast<double>(best) / (wx * wy) / 255.0 * 100.0;
  // The bitmap is top-down; page space has its origin at the lower left.
  const double pt_per_px = 72.0 / dpi;
  if (over_x1 < 0) {  // nothing over the limit: the highest square
    over_x0 = best_x;
    over_y0 = best_y;
    over_x1 = best_x + wx;
    over_y1 = best_y + wy;
  }
  peak.box.x0 = over_x0 * pt_per_px;
  peak.box.x1 = over_x1 * pt_per_px;
  peak.box.y1 = (height - over_y0) * pt_per_px;
  peak.box.y0 = (height - over_y1) * pt_per_px;
  return peak;
}

}  // namespace dizgi::preflight
