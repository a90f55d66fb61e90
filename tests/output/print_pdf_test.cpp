// The print PDF (output profile print-pdfx4) checked with outside tools. Two sources:
//   - a small Cairo PDF with a brand-colour swatch, black text, a hairline and an RGB image,
//     post-processed with the print profile: exact CMYK, K-only overprinting black, ICC-based
//     image, seen on Ghostscript's separations;
//   - the sample book built with `dizgi build --profile print`: it passes dizgi's own print
//     preflight with no errors, qpdf --check, pdfinfo -box, and Ghostscript renders every page
//     without a word.
#include "separations.hpp"

#include "output/colour_map.hpp"
#include "output/profile.hpp"
#include "postprocess/finish.hpp"
#include "util/atomic_file.hpp"
#include "render/marks.hpp"

#include <gtest/gtest.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include <array>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <locale>
#include <map>
#include <sstream>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using dizgi::testing::Plates;
using dizgi::testing::Result;
using dizgi::testing::run;
using dizgi::testing::separate;

// The template's brand blue ("ana" in layouts/kurumsal) and its screen RGB (the template's
// conversion), which is what Cairo writes.
constexpr double brand_c = 100, brand_m = 62, brand_y = 0, brand_k = 28;
double screen(double ink, double k) { return (1 - ink / 100) * (1 - k / 100); }

uint8_t plate_value(double percent) { return static_cast<uint8_t>(std::lround(percent * 255 / 100)); }

// Trim 100 x 100 mm with the print profile's margin for bleed and marks around it.
struct Synthetic {
  fs::path dir, raw, pdf;
  dizgi::render::PageGeometry geometry;
};

Synthetic make_synthetic() {
  Synthetic s;
  s.dir = fs::path(DIZGI_TEST_BINARY_DIR) / ("synthetic-" + std::to_string(getpid()));
  fs::create_directories(s.dir);
  s.raw = s.dir / "raw.pdf";
  s.pdf = s.dir / "print.pdf";
  const dizgi::output::OutputProfile profile = dizgi::output::load_profile("print");
  const double margin = 30, trim = 283.46;
  dizgi::render::PageGeometry& g = s.geometry;
  g.trim_x_pt = g.trim_y_pt = margin;
  g.trim_w_pt = g.trim_h_pt = trim;
  g.media_w_pt = g.media_h_pt = trim + 2 * margin;
  g.bleed_pt = profile.bleed_pt;
  g.pages = 1;

  cairo_surface_t* surface = cairo_pdf_surface_create(s.raw.c_str(), g.media_w_pt, g.media_h_pt);
  cairo_t* cr = cairo_create(surface);
  // A swatch in the brand colour, 40 x 40 mm.
  cairo_set_source_rgb(cr, screen(brand_c, brand_k), screen(brand_m, brand_k), screen(brand_y, brand_k));
  cairo_rectangle(cr, margin + 20, margin + 20, 113, 113);
  cairo_fill(cr);
  // Black text below it, and a thin black rule.
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_select_font_face(cr, "Linux Libertine O", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size(cr, 24);
  cairo_move_to(cr, margin + 20, margin + 180);
  cairo_show_text(cr, "Kuzeykent");
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, margin + 20, margin + 200);
  cairo_line_to(cr, margin + 200, margin + 200);
  cairo_stroke(cr);
  // An RGB image (an orange gradient), 60 x 20 px.
  cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 60, 20);
  cairo_t* icr = cairo_create(image);
  cairo_pattern_t* gradient = cairo_pattern_create_linear(0, 0, 60, 0);
  cairo_pattern_add_color_stop_rgb(gradient, 0, 1, 0.5, 0);
  cairo_pattern_add_color_stop_rgb(gradient, 1, 0.2, 0.6, 0.3);
  cairo_set_source(icr, gradient);
  cairo_paint(icr);
  cairo_pattern_destroy(gradient);
  cairo_destroy(icr);
  cairo_save(cr);
  cairo_translate(cr, margin + 160, margin + 20);
  cairo_scale(cr, 0.3, 0.3);  // 240 ppi
  cairo_set_source_surface(cr, image, 0, 0);
  cairo_paint(cr);
  cairo_restore(cr);
  cairo_surface_destroy(image);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);

  dizgi::postprocess::FinishOptions finish;
  finish.profile = profile;
  finish.geometry = g;
  finish.colours.add(0, 0, 0, dizgi::output::ProcessColour{0, 0, 0, 100}, "black");
  finish.colours.add(screen(brand_c, brand_k), screen(brand_m, brand_k), screen(brand_y, brand_k),
                     dizgi::output::ProcessColour{brand_c, brand_m, brand_y, brand_k}, "ana");
  dizgi::util::AtomicFile out(s.pdf);
  dizgi::postprocess::finish_pdf(s.raw, out, finish);
  out.commit();
  return s;
}

class PrintPostprocess : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { synthetic_ = new Synthetic(make_synthetic()); }
  static void TearDownTestSuite() {
    std::error_code ec;
    if (!std::getenv("DIZGI_KEEP_TEST_OUTPUT")) fs::remove_all(synthetic_->dir, ec);
    delete synthetic_;
  }
  static Synthetic* synthetic_;
};
Synthetic* PrintPostprocess::synthetic_ = nullptr;

TEST_F(PrintPostprocess, ContentHasTheTemplateCmykAndOverprintingKOnlyBlackAndNoRgb) {
  Result qdf = run("qpdf --qdf --object-streams=disable '" + synthetic_->pdf.string() + "' -");
  EXPECT_NE(qdf.output.find("1 0.62 0 0.28 k"), std::string::npos);
  EXPECT_NE(qdf.output.find("/DzOP01 gs 0 0 0 1 k"), std::string::npos);  // fill black overprints
  // Stroke black overprints too (the first digit is the stroke state, the second the fill's).
  EXPECT_TRUE(qdf.output.find("/DzOP11 gs 0 0 0 1 K") != std::string::npos ||
              qdf.output.find("/DzOP10 gs 0 0 0 1 K") != std::string::npos);
  EXPECT_EQ(qdf.output.find(" rg\n"), std::string::npos);
  EXPECT_EQ(qdf.output.find(" RG\n"), std::string::npos);
  EXPECT_NE(qdf.output.find("/GTS_PDFX"), std::string::npos);
  EXPECT_NE(qdf.output.find("pdfxid:GTS_PDFXVersion>PDF/X-4<"), std::string::npos);
  EXPECT_NE(qdf.output.find("/CS /DeviceCMYK"), std::string::npos);  // the page group
  EXPECT_EQ(qdf.output.find("/CS /DeviceRGB"), std::string::npos);
}

TEST_F(PrintPostprocess, RgbImageIsIccBased) {
  Result images = run("pdfimages -list '" + synthetic_->pdf.string() + "'");
  ASSERT_EQ(images.status, 0) << images.output;
  EXPECT_NE(images.output.find(" icc "), std::string::npos) << images.output;
  EXPECT_EQ(images.output.find(" rgb "), std::string::npos) << images.output;
}

TEST_F(PrintPostprocess, SwatchSeparatesToTheTemplatesExactCmyk) {
  const Plates plates = separate(synthetic_->pdf, 1, 72, synthetic_->dir);
  ASSERT_GT(plates.width, 0);
  // The middle of the swatch: 30 + 20 + 56 pt from the top left at 72 dpi.
  const std::size_t at = plates.at(106, 106);
  EXPECT_NEAR(plates.c[at], plate_value(brand_c), 1);
  EXPECT_NEAR(plates.m[at], plate_value(brand_m), 1);
  EXPECT_NEAR(plates.y[at], plate_value(brand_y), 1);
  EXPECT_NEAR(plates.k[at], plate_value(brand_k), 1);
}

TEST_F(PrintPostprocess, TextAndRuleAreOnTheBlackPlateOnly) {
  const Plates plates = separate(synthetic_->pdf, 1, 144, synthetic_->dir);
  ASSERT_GT(plates.width, 0);
  // The band with the text and the rule: y from 180 to 240 pt (x2 at 144 dpi), inside the trim.
  int black = 0, other = 0;
  for (int y = 2 * 180; y < 2 * 240; ++y) {
    for (int x = 2 * 40; x < 2 * 300; ++x) {
      const std::size_t at = plates.at(x, y);
      if (plates.k[at] > 0) ++black;
      if (plates.c[at] > 0 || plates.m[at] > 0 || plates.y[at] > 0) ++other;
    }
  }
  EXPECT_GT(black, 500);
  EXPECT_EQ(other, 0);
}

TEST_F(PrintPostprocess, PassesThePrintPreflight) {
  Result preflight = run("'" DIZGI_CLI_PATH "' preflight '" + synthetic_->pdf.string() + "' --profile print");
  EXPECT_EQ(preflight.status, 0) << preflight.output;
  EXPECT_NE(preflight.output.find("0 errors"), std::string::npos) << preflight.output;
}

// The sample book in the print profile.
const fs::path sample_book = fs::path(DIZGI_TEST_SOURCE_DIR) / ".." / "samples" / "kuzeykent" / "faaliyet-2025.xml";

class PrintBook : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = fs::path(DIZGI_TEST_BINARY_DIR) / ("print-book-" + std::to_string(getpid()));
    fs::remove_all(out_);
    build_ = run("'" DIZGI_CLI_PATH "' build '" + sample_book.string() + "' -o '" + out_.string() +
                 "' --profile print --quiet");
    pdf_ = out_ / "kuzeykent-faaliyet-2025-print.pdf";
    Result info = run("pdfinfo '" + pdf_.string() + "'");
    const std::size_t at = info.output.find("Pages:");
    if (at != std::string::npos) pages_ = std::atoi(info.output.c_str() + at + 6);
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(out_, ec);
  }
  static fs::path out_, pdf_;
  static Result build_;
  static int pages_;
};
fs::path PrintBook::out_, PrintBook::pdf_;
Result PrintBook::build_;
int PrintBook::pages_ = 0;

TEST_F(PrintBook, BuildReportsNoPreflightErrors) {
  EXPECT_EQ(build_.status, 0) << build_.output;
  EXPECT_NE(build_.output.find("preflight (print-sheetfed): 0 errors"), std::string::npos) << build_.output;
}

TEST_F(PrintBook, PassesPreflightPrintWithNoErrors) {
  Result preflight = run("'" DIZGI_CLI_PATH "' preflight '" + pdf_.string() + "' --profile print --json");
  EXPECT_EQ(preflight.status, 0) << preflight.output;
  EXPECT_NE(preflight.output.find("\"errors\": 0"), std::string::npos) << preflight.output;
}

TEST_F(PrintBook, PageCountIsPaddedToTheBinding) {
  ASSERT_GT(pages_, 0);
  EXPECT_EQ(pages_ % 2, 0);  // perfect binding
  EXPECT_NE(build_.output.find(std::to_string(pages_) + " pages (print"), std::string::npos) << build_.output;
}

TEST_F(PrintBook, QpdfCheckIsClean) {
  Result check = run("qpdf --check '" + pdf_.string() + "'");
  EXPECT_EQ(check.status, 0) << check.output;
  EXPECT_NE(check.output.find("No syntax or stream encoding errors found"), std::string::npos) << check.output;
}

TEST_F(PrintBook, PdfinfoShowsTrimBleedAndMediaBoxOnEveryPage) {
  ASSERT_GT(pages_, 0);
  Result info = run("pdfinfo -box -f 1 -l " + std::to_string(pages_) + " '" + pdf_.string() + "'");
  ASSERT_EQ(info.status, 0) << info.output;
  EXPECT_NE(info.output.find("PDF subtype:    PDF/X-4"), std::string::npos) << info.output;
  std::istringstream lines(info.output);
  lines.imbue(std::locale::classic());
  std::map<std::string, int> count;
  std::string line;
  double trim_w = 0;
  while (std::getline(lines, line)) {
    for (const char* box : {"MediaBox:", "BleedBox:", "TrimBox:"}) {
      const std::size_t at = line.find(box);
      if (at == std::string::npos || line.rfind("Page", 0) != 0) continue;
      ++count[box];
      std::istringstream numbers(line.substr(at + std::string(box).size()));
      numbers.imbue(std::locale::classic());
      double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
      numbers >> x0 >> y0 >> x1 >> y1;
      if (std::string(box) == "TrimBox:") trim_w = x1 - x0;
    }
  }
  for (const char* box : {"MediaBox:", "BleedBox:", "TrimBox:"}) EXPECT_EQ(count[box], pages_) << box;
  EXPECT_NEAR(trim_w, 210 * 72 / 25.4, 0.05);  // A4 from the template
}

TEST_F(PrintBook, GhostscriptRendersEveryPageWithoutAWarning) {
  Result gs = run("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage '" + pdf_.string() + "'");
  EXPECT_EQ(gs.status, 0);
  EXPECT_EQ(gs.output, "");
}

TEST_F(PrintBook, CoverBandSeparatesToTheBrandColour) {
  // Page 1 is the cover; its band is the template's "ana" (100/62/0/28). The most common
  // non-white ink combination on the page is that colour.
  const Plates plates = separate(pdf_, 1, 36, out_);
  ASSERT_GT(plates.width, 0);
  std::map<std::array<int, 4>, int> histogram;
  for (std::size_t i = 0; i < plates.k.size() && i < plates.c.size(); ++i) {
    const std::array<int, 4> ink{plates.c[i], plates.m[i], plates.y[i], plates.k[i]};
    if (ink != std::array<int, 4>{0, 0, 0, 0}) ++histogram[ink];
  }
  ASSERT_FALSE(histogram.empty());
  auto most = histogram.begin();
  for (auto it = histogram.begin(); it != histogram.end(); ++it) {
    if (it->second > most->second) most = it;
  }
  EXPECT_NEAR(most->first[0], plate_value(brand_c), 1);
  EXPECT_NEAR(most->first[1], plate_value(brand_m), 1);
  EXPECT_NEAR(most->first[2], plate_value(brand_y), 1);
  EXPECT_NEAR(most->first[3], plate_value(brand_k), 1);
}

TEST_F(PrintBook, BodyTextIsOnTheBlackPlateOnly) {
  // Page 3, the mayor's foreword: prose in black. Wherever the black plate is solid (text,
  // black rules) the other plates are empty: no rich black, no RGB black.
  const int dpi = 100;
  const Plates plates = separate(pdf_, 3, dpi, out_);
  ASSERT_GT(plates.width, 0);
  // Inside the trim only: the marks outside it are in the registration colour (every plate).
  const double margin_pt = dizgi::render::media_margin_pt(dizgi::output::load_profile("print"));
  const int inset = static_cast<int>(std::ceil(margin_pt * dpi / 72)) + 1;
  int solid = 0, under = 0;
  for (int y = inset; y < plates.height - inset; ++y) {
    for (int x = inset; x < plates.width - inset; ++x) {
      const std::size_t i = plates.at(x, y);
      if (plates.k[i] < 250) continue;
      ++solid;
      if (plates.c[i] > 0 || plates.m[i] > 0 || plates.y[i] > 0) ++under;
    }
  }
  EXPECT_GT(solid, 1000);
  EXPECT_EQ(under, 0);
}

}  // namespace
