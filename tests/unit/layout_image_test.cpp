// Images: PNG, JPEG and SVG are placed with their effective resolution recorded (for preflight);
// the JPEG goes into the PDF as it is (DCT); a missing image is a diagnostic and a visible
// placeholder, never a crash.
#include "compose/render_book.hpp"
#include "paginate/paginate.hpp"
#include "layout/template.hpp"
#include "text/shaper.hpp"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

namespace {

using namespace dizgi;
namespace fs = std::filesystem;

std::string run(const std::string& command) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::array<char, 4096> buffer{};
  while (pipe && fgets(buffer.data(), buffer.size(), pipe.get())) out += buffer.data();
  return out;
}

fs::path make_images() {
  fs::path dir = fs::path(DIZGI_TEST_BINARY_DIR) / "layout_images";
  fs::create_directories(dir);
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 300, 200);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0.2, 0.4, 0.8);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_write_to_png(surface, (dir / "mavi.png").c_str());
  cairo_surface_destroy(surface);
  GdkPixbuf* pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, 600, 400);
  gdk_pixbuf_fill(pixbuf, 0xcc8844ff);
  gdk_pixbuf_save(pixbuf, (dir / "foto.jpg").c_str(), "jpeg", nullptr, "quality", "85", nullptr);
  g_object_unref(pixbuf);
  std::ofstream(dir / "sekil.svg") << "<svg xmlns='http://www.w3.org/2000/svg' width='100' height='50'>"
                                      "<rect width='100' height='50' fill='#f39200'/></svg>";
  return dir;
}

doc::Image image(const std::string& path, const std::string& width, const std::string& caption = {}) {
  doc::Image i;
  i.path = path;
  i.width = width;
  i.caption = caption;
  return i;
}

TEST(LayoutImages, PngJpegSvgArePlacedAndAMissingImageIsAPlaceholder) {
  fs::path dir = make_images();
  doc::Document d;
  doc::Section body;
  body.blocks.push_back(image("mavi.png", "50.8mm", "Mavi alan"));  // 300 px over 2 in: 150 ppi
  body.blocks.push_back(image("foto.jpg", "60mm"));
  body.blocks.push_back(image("sekil.svg", "40mm"));
  body.blocks.push_back(image("yok.png", "40mm"));
  d.sections.push_back(body);
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  paginate::Options options;
  options.base_dir = dir;
  auto book = paginate::lay_out(d, layout::default_template(), shaper, sink, options);
  std::vector<layout::Picture> pictures;
  for (const auto& page : book->pages)
    for (const auto& placed : page.content)
      for (const auto& p : placed.element->pictures) pictures.push_back(p);
  ASSERT_EQ(pictures.size(), 3u);
  EXPECT_NEAR(pictures[0].effective_ppi, 150, 0.5);
  EXPECT_NEAR(pictures[1].w, layout::mm_to_pt(60), 0.01);
  EXPECT_NEAR(pictures[1].h, layout::mm_to_pt(40), 0.01);  // aspect ratio kept
  bool missing = false;
  for (const Diagnostic& diagnostic : sink.diagnostics())
    if (diagnostic.code == "layout.missing-image" && diagnostic.location.file.find("yok.png") != std::string::npos)
      missing = true;
  EXPECT_TRUE(missing);

  DiagnosticSink render_sink;
  compose::RenderRequest request;
  request.output = dir / "images.pdf";
  request.base_dir = dir;
  compose::render_book(d, layout::default_template(), request, render_sink);
  std::string list = run("pdfimages -list '" + request.output.string() + "' 2>&1");
  EXPECT_NE(list.find("jpeg"), std::string::npos) << list;  // embedded as DCT, not re-encoded
  std::string text = run("pdftotext '" + request.output.string() + "' - 2>&1");
  EXPECT_NE(text.find("Şekil 1: Mavi alan"), std::string::npos) << text;
  EXPECT_NE(text.find("görsel yok"), std::string::npos) << text;  // the visible placeholder
}

}  // namespace

namespace {

// Issue 16: a 10 KB JPEG whose header says it is wider than 32767 px crashed the build (Cairo
// cannot make such an image surface; the null buffer was written). Now: a warning naming the
// file and its size, and the placeholder; the PDF is written.
TEST(LayoutImages, JpegWiderThanCairoCanHoldIsAPlaceholder) {
  fs::path dir = fs::path(DIZGI_TEST_BINARY_DIR) / "layout_images_huge";
  fs::create_directories(dir);
  GdkPixbuf* pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, 64, 16);
  gdk_pixbuf_fill(pixbuf, 0x336699ff);
  gdk_pixbuf_save(pixbuf, (dir / "genis.jpg").c_str(), "jpeg", nullptr, "quality", "85", nullptr);
  g_object_unref(pixbuf);
  // Rewrite the frame header (SOF0: FF C0, length, precision, height, width) to 40000 px wide.
  std::string bytes;
  {
    std::ifstream in(dir / "genis.jpg", std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::size_t sof = bytes.find("\xFF\xC0");
  ASSERT_NE(sof, std::string::npos);
  bytes[sof + 7] = static_cast<char>(40000 >> 8);
  bytes[sof + 8] = static_cast<char>(40000 & 0xff);
  std::ofstream(dir / "genis.jpg", std::ios::binary) << bytes;

  doc::Document d;
  doc::Section body;
  body.blocks.push_back(image("genis.jpg", "60mm"));
  d.sections.push_back(body);
  DiagnosticSink sink;
  compose::RenderRequest request;
  request.output = dir / "genis.pdf";
  request.base_dir = dir;
  compose::render_book(d, layout::default_template(), request, sink);
  bool warned = false;
  for (const Diagnostic& diagnostic : sink.diagnostics()) {
    if (diagnostic.code == "layout.image-too-large") {
      warned = true;
      EXPECT_NE(diagnostic.message.find("40000x16 pixels"), std::string::npos) << diagnostic.message;
    }
  }
  EXPECT_TRUE(warned);
  EXPECT_TRUE(fs::exists(request.output));
  std::string text = run("pdftotext '" + request.output.string() + "' - 2>&1");
  EXPECT_NE(text.find("görsel yok"), std::string::npos) << text;
}

}  // namespace
