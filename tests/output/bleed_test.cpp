// Backgrounds and pictures that reach the trim edge go on into the bleed when a profile has one
// (print); edges inside the page stay where the layout put them. Rendered with Cairo and looked
// at through Poppler's pdftoppm, one pixel per point.
#include "separations.hpp"

#include "layout/template.hpp"
#include "render/pdf.hpp"

#include <gtest/gtest.h>

#include <cairo.h>

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace dizgi;
using dizgi::testing::Result;
using dizgi::testing::run;

void write_solid_png(const fs::path& file, double r, double g, double b) {
  cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 40, 25);
  cairo_t* cr = cairo_create(image);
  cairo_set_source_rgb(cr, r, g, b);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_write_to_png(image, file.c_str());
  cairo_surface_destroy(image);
}

class Raster {
 public:
  explicit Raster(const fs::path& png) : surface_(cairo_image_surface_create_from_png(png.c_str())) {}
  ~Raster() { cairo_surface_destroy(surface_); }
  Raster(const Raster&) = delete;
  Raster& operator=(const Raster&) = delete;
  bool ok() const { return cairo_surface_status(surface_) == CAIRO_STATUS_SUCCESS; }
  // "r", "g", "b" for a pixel mostly of that primary, "w" for white, "?" otherwise.
  std::string at(double x_pt, double y_pt) const {
    const int x = static_cast<int>(x_pt), y = static_cast<int>(y_pt);
    const unsigned char* data = cairo_image_surface_get_data(surface_);
    const int stride = cairo_image_surface_get_stride(surface_);
    const auto pixel = *reinterpret_cast<const uint32_t*>(data + y * stride + x * 4);
    const int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;
    if (r > 200 && g > 200 && b > 200) return "w";
    if (r > 200 && g < 80 && b < 80) return "r";
    if (g > 200 && r < 80 && b < 80) return "g";
    if (b > 200 && r < 80 && g < 80) return "b";
    return "?";
  }

 private:
  cairo_surface_t* surface_;
};

TEST(PrintBleed, BackgroundsAndPicturesAtTheTrimEdgeGoOnIntoTheBleed) {
  const fs::path dir = fs::path(DIZGI_TEST_BINARY_DIR) / ("bleed-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  write_solid_png(dir / "green.png", 0, 1, 0);

  layout::LaidOutBook book;
  book.style = layout::default_template();
  const double trim_w = layout::mm_to_pt(book.style.page.width_mm);
  layout::Element e;
  e.full_page = true;
  e.rects.push_back(layout::Rect{0, 100, 60, 40, layout::Color::from_rgb(1, 0, 0)});    // at the left edge
  e.rects.push_back(layout::Rect{100, 100, 50, 40, layout::Color::from_rgb(0, 0, 1)});  // inside the page
  e.pictures.push_back(layout::Picture{trim_w - 80, 0, 80, 50, (dir / "green.png").string(), 0});  // top right
  layout::Page page;
  page.full_page = true;
  page.content.push_back(layout::Placed{&e, 0, 0});
  page.label = "1";
  book.pages.push_back(page);

  render::PdfOptions options;
  options.bleed_pt = 8.5;
  options.margin_pt = 8.5;
  const double m = 8.5;  // the trim's offset in the media
  render::write_pdf(book, doc::Metadata{}, dir / "bleed.pdf", options);
  Result raster = run("pdftoppm -r 72 -png -singlefile '" + (dir / "bleed.pdf").string() + "' '" + (dir / "bleed").string() + "'");
  ASSERT_EQ(raster.status, 0) << raster.output;
  Raster px(dir / "bleed.png");
  ASSERT_TRUE(px.ok());

  EXPECT_EQ(px.at(m - 4, m + 120), "r") << "the background at the left edge reaches into the bleed";
  EXPECT_EQ(px.at(m + 64, m + 120), "w") << "its inner edge stays";
  EXPECT_EQ(px.at(m + 97, m + 120), "w") << "a background inside the page is not enlarged";
  EXPECT_EQ(px.at(m + 125, m + 120), "b");
  EXPECT_EQ(px.at(m + trim_w - 40, m - 4), "g") << "the picture reaches into the bleed above the trim";
  EXPECT_EQ(px.at(m + trim_w + 4, m + 25), "g") << "and beyond the right trim edge";
  EXPECT_EQ(px.at(m + trim_w - 84, m + 25), "w") << "its left edge stays";
  EXPECT_EQ(px.at(m + trim_w - 40, m + 53), "w") << "its bottom edge stays";

  // Without a bleed (web) nothing moves.
  render::write_pdf(book, doc::Metadata{}, dir / "flat.pdf", render::PdfOptions{});
  raster = run("pdftoppm -r 72 -png -singlefile '" + (dir / "flat.pdf").string() + "' '" + (dir / "flat").string() + "'");
  ASSERT_EQ(raster.status, 0) << raster.output;
  Raster flat(dir / "flat.png");
  ASSERT_TRUE(flat.ok());
  EXPECT_EQ(flat.at(30, 120), "r");
  EXPECT_EQ(flat.at(trim_w - 40, 25), "g");
  EXPECT_EQ(flat.at(trim_w - 84, 25), "w");

  std::error_code ec;
  if (!std::getenv("DIZGI_KEEP_TEST_OUTPUT")) fs::remove_all(dir, ec);
}

}  // namespace
