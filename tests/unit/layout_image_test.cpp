// Images: PNG, JPEG and SVG are placed with their effective resolution recorded (for preflight);
// the JPEG goes into the PDF as it is (DCT); a missing image is a diagnostic and a visible
// placeholder, never a crash.
#include "compose/render_book.hpp"
#include "paginate/paginate.hpp"
#include "layout/template.hpp"
#include "output/profile.hpp"
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

// Each test writes its own folder: CTest runs the tests of this file side by side, and one
// test rewriting the images while another renders them made the PDF lose its pictures.
fs::path make_images(const std::string& name) {
  fs::path dir = fs::path(DIZGI_TEST_BINARY_DIR) / ("layout_images_" + name);
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
  fs::path dir = make_images("placed");
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

// The output profile decides what happens to images: the web profile downsamples what is placed
// above 150 ppi (the JPEG stays a JPEG), the print profile keeps every pixel and tags RGB
// images with an ICC-based sRGB colour space (PDF/X-4), which pdfimages reports as "icc".
TEST(LayoutImages, WebDownsamplesAbove150PpiAndPrintKeepsPixelsAsIccBased) {
  fs::path dir = make_images("profiles");
  doc::Document d;
  doc::Section body;
  body.blocks.push_back(image("mavi.png", "50.8mm"));  // 300 px at 150 ppi: kept
  body.blocks.push_back(image("foto.jpg", "60mm"));    // 600 px over 60 mm: 254 ppi
  d.sections.push_back(body);
  DiagnosticSink sink;
  const layout::Template style = layout::default_template();  // outlives the renderer
  compose::BookRenderer renderer(d, style, sink);
  const auto images_of = [&](const char* profile) {
    compose::RenderRequest request;
    request.profile = output::load_profile(profile);
    request.output = dir / (std::string("images-") + profile + ".pdf");
    request.base_dir = dir;
    renderer.render(request);
    return run("pdfimages -list '" + request.output.string() + "' 2>&1");
  };
  const std::string web_list = images_of("web");
  EXPECT_NE(web_list.find(" 355   237 "), std::string::npos) << web_list;  // 600x400 at 150 ppi
  EXPECT_NE(web_list.find("jpeg"), std::string::npos) << web_list;
  EXPECT_NE(web_list.find(" 300   200 "), std::string::npos) << web_list;  // the PNG as it was
  const std::string print_list = images_of("print");
  EXPECT_NE(print_list.find(" 600   400 "), std::string::npos) << print_list;  // every pixel kept
  EXPECT_EQ(print_list.find(" rgb "), std::string::npos) << print_list;
  EXPECT_NE(print_list.find(" icc "), std::string::npos) << print_list;
}

}  // namespace

namespace {

// An image-heavy book: the web PDF is at most 40 % of the print PDF's size (issue 12), because
// the web profile downsamples photos to 150 ppi while print keeps every pixel.
TEST(LayoutImages, ImageHeavyWebPdfIsAtMostFortyPercentOfPrint) {
  fs::path dir = fs::path(DIZGI_TEST_BINARY_DIR) / "layout_images_heavy";
  fs::create_directories(dir);
  // A 2000 x 1500 photo-like JPEG (a smooth gradient with fine noise), placed 80 mm wide.
  GdkPixbuf* pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, 2000, 1500);
  guchar* pixels = gdk_pixbuf_get_pixels(pixbuf);
  const int stride = gdk_pixbuf_get_rowstride(pixbuf);
  unsigned seed = 12345;
  for (int y = 0; y < 1500; ++y) {
    for (int x = 0; x < 2000; ++x) {
      seed = seed * 1103515245u + 12345u;
      const int noise = static_cast<int>((seed >> 16) % 32);
      guchar* p = pixels + y * stride + x * 3;
      p[0] = static_cast<guchar>((x * 200 / 2000 + noise) & 0xff);
      p[1] = static_cast<guchar>((y * 200 / 1500 + noise) & 0xff);
      p[2] = static_cast<guchar>(((x + y) * 100 / 3500 + noise) & 0xff);
    }
  }
  gdk_pixbuf_save(pixbuf, (dir / "foto.jpg").c_str(), "jpeg", nullptr, "quality", "90", nullptr);
  g_object_unref(pixbuf);
  doc::Document d;
  doc::Section body;
  for (int i = 0; i < 4; ++i) body.blocks.push_back(image("foto.jpg", "80mm"));
  d.sections.push_back(body);
  DiagnosticSink sink;
  const layout::Template style = layout::default_template();
  compose::BookRenderer renderer(d, style, sink);
  const auto size_of = [&](const char* profile) {
    compose::RenderRequest request;
    request.profile = output::load_profile(profile);
    request.output = dir / (std::string("heavy-") + profile + ".pdf");
    request.base_dir = dir;
    renderer.render(request);
    return fs::file_size(request.output);
  };
  const auto print = size_of("print");
  const auto web = size_of("web");
  EXPECT_LE(static_cast<double>(web), 0.4 * static_cast<double>(print)) << "web " << web << ", print " << print;
}

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

namespace {

// A designer's placeholder (props "placeholder", "height"): a framed box of the picture's size
// with its label, drawn and tagged as an artifact (not a figure without a description), with
// no diagnostic of the engine's — the layout that asks for it warns in its own terms.
TEST(LayoutImages, PlaceholderPropIsAFramedArtifactBoxOfTheGivenSize) {
  doc::Document d;
  doc::Section body;
  doc::Image box = image("", "35mm");
  box.props["placeholder"] = "Fotoğraf";
  box.props["height"] = "45mm";
  body.blocks.push_back(box);
  d.sections.push_back(body);
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  auto book = paginate::lay_out(d, layout::default_template(), shaper, sink, paginate::Options{});
  const layout::Element* placed = nullptr;
  for (const auto& page : book->pages)
    for (const auto& p : page.content)
      if (!p.element->paths.empty()) placed = p.element;
  ASSERT_NE(placed, nullptr);
  EXPECT_EQ(placed->role, layout::StructRole::artifact);
  EXPECT_TRUE(placed->pictures.empty());
  EXPECT_NEAR(placed->height, layout::mm_to_pt(45), 0.01);
  ASSERT_FALSE(placed->rects.empty());
  EXPECT_NEAR(placed->rects.front().w, layout::mm_to_pt(35), 0.01);
  ASSERT_EQ(placed->runs.size(), 1u);
  EXPECT_EQ(placed->runs.front().shaped->text, "Fotoğraf");
  EXPECT_TRUE(sink.diagnostics().empty());
}

}  // namespace
