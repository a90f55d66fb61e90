// Total area coverage (TAC): renders a page in CMYK with Poppler's Splash rasterizer and finds
// the square of `area_mm` with the highest average C+M+Y+K. Averaging over a small area
// (GWG: "not a single pixel") ignores anti-aliased edges and single dots of trapping.
#pragma once

#include "preflight/scan.hpp"

#include <memory>
#include <optional>

class PDFDoc;
class SplashOutputDev;

namespace dizgi::preflight {

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
  std::unique_ptr<SplashOutputDev> out_;
};

}  // namespace dizgi::preflight
