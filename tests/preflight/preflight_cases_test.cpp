// Preflight against generated PDFs: each case carries exactly one defect (hand-written PDF
// objects, or a file made by Ghostscript, qpdf or cairo) and must be found with the right id,
// page and severity; the clean controls must give no finding at all.
#include "pdf_builder.hpp"

#include "postprocess/colour.hpp"
#include "preflight/preflight.hpp"
#include "preflight/report_pdf.hpp"

#include <gtest/gtest.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <lcms2.h>

#include <goo/GooString.h>
#include <PDFDoc.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace fs = std::filesystem;
using dizgi::preflight::Finding;
using dizgi::preflight::Options;
using dizgi::preflight::Report;
using dizgi::preflight::Severity;
using dizgi::preflight::testing::PdfBuilder;

// Fontconfig keeps caches it never frees; LeakSanitizer (asan preset) must not blame them on
// dizgi. Full stacks are needed so the library frames are seen.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
extern "C" const char* __lsan_default_options() { return "fast_unwind_on_malloc=0"; }

namespace {

// Tests see only the fonts of the hermetic fontconfig file, set before cairo loads fontconfig.
const bool hermetic_fonts = [] {
  setenv("FONTCONFIG_FILE", DIZGI_SOURCE_DIR "/fonts/fonts.conf", 1);
  return true;
}();

// A4 trim with 3 mm bleed and a 10 mm slug, in points.
constexpr const char* media_box = "[0 0 651.969 898.583]";
constexpr const char* trim_box = "[28.3465 28.3465 623.622 870.236]";
constexpr const char* bleed_box = "[19.8425 19.8425 632.126 878.740]";
constexpr const char* font_path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

fs::path work_dir() {
  fs::path dir = fs::path(DIZGI_TEST_BINARY_DIR) / "preflight-cases";
  fs::create_directories(dir);
  return dir;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_bytes(const fs::path& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out << data;
}

bool have_tool(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

struct PageSpec {
  bool default_content = true;  // background into the bleed, K-only overprinting text, line, image
  std::string content;          // appended after the default content
  std::string boxes = std::string("/MediaBox ") + media_box + " /TrimBox " + trim_box + " /BleedBox " + bleed_box;
  std::string extra;            // more page dictionary entries
  std::string xobjects;         // more /XObject entries
  std::string colour_spaces;    // /ColorSpace entries
  std::string fonts;            // more /Font entries
  std::string patterns;         // /Pattern entries
};

struct DocSpec {
  std::vector<PageSpec> pages = std::vector<PageSpec>(1);
  std::string info = "/Title (Preflight control) /GTS_PDFXVersion (PDF/X-4) /Trapped /False";
  int output_intent_components = 4;  // 0: no output intent
  std::string catalog_extra;
  std::map<int, std::string> objects;  // extra objects, numbers 20..99
};

// An ICC profile header is all preflight reads: device class, colour space, signature.
std::string icc_header(int components) {
  std::string header(128, '\0');
  header.replace(12, 4, "prtr");
  header.replace(16, 4, components == 4 ? "CMYK" : "RGB ");
  header.replace(20, 4, "Lab ");
  header.replace(36, 4, "acsp");
  return header;
}

std::string cmyk_image(int size) {
  std::string data(static_cast<std::size_t>(size) * size * 4, '\0');
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>(40 + (i * 7) % 40);
  return data;
}

std::string build(const DocSpec& spec) {
  PdfBuilder pdf;
  std::string kids;
  for (std::size_t i = 0; i < spec.pages.size(); ++i) kids += std::to_string(100 + i) + " 0 R ";
  std::string catalog = "<< /Type /Catalog /Pages 2 0 R";
  if (spec.output_intent_components > 0) {
    catalog += " /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (FOGRA39)"
               " /RegistryName (http://www.color.org) /DestOutputProfile 8 0 R >>]";
    pdf.set(8, PdfBuilder::stream("/N " + std::to_string(spec.output_intent_components),
                                  icc_header(spec.output_intent_components)));
  }
  pdf.set(1, catalog + " " + spec.catalog_extra + " >>");
  pdf.set(2, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(spec.pages.size()) + " >>");
  pdf.set(3, "<< " + spec.info + " >>");
  pdf.set(4, "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+DejaVuSans /Encoding /Identity-H"
             " /DescendantFonts [5 0 R] >>");
  pdf.set(5, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+DejaVuSans"
             " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
             " /FontDescriptor 6 0 R /CIDToGIDMap /Identity /DW 600 >>");
  pdf.set(6, "<< /Type /FontDescriptor /FontName /ABCDEF+DejaVuSans /Flags 32"
             " /FontBBox [-1021 -463 1793 1232] /ItalicAngle 0 /Ascent 928 /Descent -236"
             " /CapHeight 729 /StemV 80 /FontFile2 7 0 R >>");
  const std::string font = read_bytes(font_path);
  pdf.set(7, PdfBuilder::stream("/Length1 " + std::to_string(font.size()), font));
  // 125 x 125 px placed at 36 pt: 250 ppi.
  pdf.set(9, PdfBuilder::stream("/Type /XObject /Subtype /Image /Width 125 /Height 125"
                                " /ColorSpace /DeviceCMYK /BitsPerComponent 8", cmyk_image(125)));
  pdf.set(10, "<< /Type /ExtGState /OP true /op true /OPM 1 >>");
  pdf.set(11, "<< /Type /ExtGState /OP false /op false >>");
  for (const auto& [number, body] : spec.objects) pdf.set(number, body);
  for (std::size_t i = 0; i < spec.pages.size(); ++i) {
    const PageSpec& page = spec.pages[i];
    std::string content;
    if (page.default_content) {
      content =
          "q 0.2 0.2 0.2 0.2 k 19.8425 19.8425 612.2835 858.8976 re f Q\n"
          "q /GS1 gs 0 0 0 1 k BT /F1 10 Tf 1 0 0 1 170 400 Tm <0024002500260027> Tj ET Q\n"
          "q 0 0 0 1 K 1 w 170 300 m 400 300 l S Q\n"
          "q 36 0 0 36 170 500 cm /Im1 Do Q\n";
    }
    content += page.content;
    const int number = static_cast<int>(100 + i), content_number = static_cast<int>(200 + i);
    pdf.set(content_number, PdfBuilder::stream("", content));
    pdf.set(number, "<< /Type /Page /Parent 2 0 R " + page.boxes + " " + page.extra +
                        " /Resources << /Font << /F1 4 0 R " + page.fonts + " >>"
                        " /ExtGState << /GS1 10 0 R /GS0 11 0 R >>"
                        " /XObject << /Im1 9 0 R " + page.xobjects + " >>"
                        " /ColorSpace << " + page.colour_spaces + " >>"
                        " /Pattern << " + page.patterns + " >> >>"
                        " /Contents " + std::to_string(content_number) + " 0 R >>");
  }
  return pdf.build(1, 3);
}

fs::path write_case(const std::string& name, const DocSpec& spec) {
  const fs::path path = work_dir() / (name + ".pdf");
  write_bytes(path, build(spec));
  return path;
}

Report check(const fs::path& path, const std::string& profile = "print", bool ink = true,
             const std::string& binding = "") {
  Options options;
  options.profile = profile;
  options.ink_coverage = ink;
  options.binding = binding;
  return dizgi::preflight::check_file(path, options);
}

std::string dump(const Report& report) {
  std::ostringstream out;
  dizgi::preflight::print_text(report, out);
  return out.str();
}

// The report holds `id` with `severity` on `page`, and nothing else (a check may fire more than
// once, e.g. on the document and on a page, so further findings of the same id are allowed;
// `also` names informational checks that come with this one, e.g. each spot colour listed).
void expect_only(const Report& report, const std::string& id, Severity severity,
                 std::optional<int> page, bool allow_syntax_info = false,
                 const std::vector<std::string>& also = {}) {
  bool found = false;
  for (const Finding& finding : report.findings) {
    if (finding.id == id) {
      if (finding.severity == severity && finding.page == page) found = true;
      continue;
    }
    if (allow_syntax_info && finding.id == "input.syntax-errors") continue;
    if (std::find(also.begin(), also.end(), finding.id) != also.end()) continue;
    ADD_FAILURE() << "unexpected finding " << finding.id << "\n" << dump(report);
  }
  EXPECT_TRUE(found) << "missing " << id << " (" << to_string(severity) << ", page "
                     << (page ? std::to_string(*page) : std::string("null")) << ")\n"
                     << dump(report);
}

void expect_clean(const Report& report) {
  EXPECT_TRUE(report.findings.empty()) << dump(report);
  EXPECT_EQ(dizgi::preflight::exit_code(report), 0);
}

const Finding* find(const Report& report, const std::string& id) {
  for (const Finding& finding : report.findings) {
    if (finding.id == id) return &finding;
  }
  return nullptr;
}

// A profile that runs only the content checks: for files from tools that cannot write PDF/X
// (cairo, Ghostscript without a PDF/X set-up), whose boxes and colour are not under test.
fs::path content_profile() {
  const fs::path path = work_dir() / "content-only.xml";
  write_bytes(path, R"(<?xml version="1.0"?>
<preflight-profile name="content-only" intent="print">
  <check id="fonts.not-embedded" severity="error"/>
  <check id="fonts.type3-bitmap" severity="error"/>
  <check id="fonts.courier" severity="error"/>
  <check id="fonts.notdef" severity="error"/>
  <check id="images.resolution-low" severity="error"/>
  <check id="images.resolution-marginal" severity="warning"/>
  <check id="images.16-bit" severity="warning"/>
  <check id="lines.hairline" severity="warning"/>
  <check id="colour.tac" severity="error"/>
</preflight-profile>
)");
  return path;
}

// ---------------------------------------------------------------------------------------------
// Controls

TEST(Controls, HandWrittenPdfX4PassesPrint) {
  const Report report = check(write_case("control-print", DocSpec{}));
  expect_clean(report);
  EXPECT_EQ(report.pages, 1);
  EXPECT_EQ(report.profile, "print-sheetfed");
}

TEST(Controls, HandWrittenPassesNewspaper) {
  // The background and image stay under the newspaper's 240 % too; check with ink coverage.
  expect_clean(check(write_case("control-newspaper", DocSpec{}), "print-newspaper"));
}

TEST(Controls, FourPagesPassSaddleStitch) {
  DocSpec spec;
  spec.pages.resize(4);
  const fs::path path = write_case("control-four-pages", spec);
  expect_clean(check(path, "print", false, "saddle-stitch"));
}

DocSpec web_spec() {
  DocSpec spec;
  spec.info = "/Title (Faaliyet Raporu 2025)";
  spec.output_intent_components = 0;
  spec.catalog_extra = "/Lang (tr-TR) /MarkInfo << /Marked true >> /StructTreeRoot 30 0 R /Outlines 31 0 R";
  spec.objects[30] = "<< /Type /StructTreeRoot >>";
  spec.objects[31] = "<< /Type /Outlines /First 32 0 R /Last 32 0 R /Count 1 >>";
  spec.objects[32] = "<< /Title (Giris) /Parent 31 0 R /Dest [100 0 R /Fit] >>";
  return spec;
}

fs::path linearized(const std::string& name, const DocSpec& spec) {
  const fs::path raw = write_case(name + "-raw", spec);
  const fs::path out = work_dir() / (name + ".pdf");
  const std::string command = "qpdf --linearize '" + raw.string() + "' '" + out.string() + "'";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  return out;
}

TEST(Controls, LinearizedTaggedPdfPassesWeb) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf not installed";
  expect_clean(check(linearized("control-web", web_spec()), "web"));
}

void draw_with_cairo(const fs::path& path, double line_width, int image_px) {
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), 420, 595);
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 11);
  cairo_move_to(cr, 60, 100);
  cairo_show_text(cr, "Stratejik Plan: ğüşıöç İĞÜŞÖÇ");
  cairo_set_line_width(cr, line_width);
  cairo_move_to(cr, 60, 200);
  cairo_line_to(cr, 300, 200);
  cairo_stroke(cr);
  cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, image_px, image_px);
  cairo_t* icr = cairo_create(image);
  cairo_set_source_rgb(icr, 0.2, 0.5, 0.7);
  cairo_paint(icr);
  cairo_set_source_rgb(icr, 0.9, 0.1, 0.1);
  cairo_arc(icr, image_px / 2.0, image_px / 2.0, image_px / 3.0, 0, 6.283);
  cairo_fill(icr);
  cairo_destroy(icr);
  cairo_save(cr);
  cairo_translate(cr, 60, 300);
  cairo_scale(cr, 72.0 / image_px, 72.0 / image_px);  // one inch
  cairo_set_source_surface(cr, image, 0, 0);
  cairo_paint(cr);
  cairo_restore(cr);
  cairo_surface_destroy(image);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
}

TEST(Controls, CairoPdfPassesContentChecks) {
  const fs::path path = work_dir() / "control-cairo.pdf";
  draw_with_cairo(path, 1.0, 300);
  expect_clean(check(path, content_profile().string()));
}

TEST(Controls, GhostscriptPdfWithEmbeddedFontPassesContentChecks) {
  if (!have_tool("gs")) GTEST_SKIP() << "ghostscript not installed";
  const fs::path ps = work_dir() / "control-gs.ps";
  write_bytes(ps, "%!PS\n/NimbusSans-Regular findfont 12 scalefont setfont\n"
                  "72 700 moveto (Preflight) show\n2 setlinewidth 72 600 moveto 300 600 lineto stroke\nshowpage\n");
  const fs::path pdf = work_dir() / "control-gs.pdf";
  const std::string command = "gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -dEmbedAllFonts=true -sOutputFile='" +
                              pdf.string() + "' '" + ps.string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0);
  expect_clean(check(pdf, content_profile().string()));
}

// ---------------------------------------------------------------------------------------------
// Fonts

TEST(Fonts, NotEmbeddedFromGhostscript) {
  if (!have_tool("gs")) GTEST_SKIP() << "ghostscript not installed";
  const fs::path ps = work_dir() / "fonts-not-embedded.ps";
  write_bytes(ps, "%!PS\n/Helvetica findfont 12 scalefont setfont\n72 700 moveto (Preflight) show\nshowpage\n");
  const fs::path pdf = work_dir() / "fonts-not-embedded-gs.pdf";
  const std::string command = "gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -dEmbedAllFonts=false -sOutputFile='" +
                              pdf.string() + "' '" + ps.string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0);
  expect_only(check(pdf, content_profile().string()), "fonts.not-embedded", Severity::error, 1);
}

TEST(Fonts, NotEmbeddedHandWritten) {
  DocSpec spec;
  spec.pages[0].fonts = "/F2 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  spec.pages[0].content = "q /GS1 gs 0 0 0 1 k BT /F2 10 Tf 1 0 0 1 170 450 Tm (Preflight) Tj ET Q\n";
  const Report report = check(write_case("fonts-not-embedded", spec));
  expect_only(report, "fonts.not-embedded", Severity::error, 1);
  const Finding* finding = find(report, "fonts.not-embedded");
  ASSERT_NE(finding, nullptr);
  ASSERT_TRUE(finding->bbox_mm);
  EXPECT_NEAR((*finding->bbox_mm)[0], 170 * 25.4 / 72, 0.5);  // at the text, from the media's lower left
}

TEST(Fonts, CourierSubstitute) {
  DocSpec spec;
  spec.objects[20] = "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Courier /Encoding /Identity-H /DescendantFonts [5 0 R] >>";
  spec.pages[0].fonts = "/F2 20 0 R";
  spec.pages[0].content = "q /GS1 gs 0 0 0 1 k BT /F2 10 Tf 1 0 0 1 170 450 Tm <00240025> Tj ET Q\n";
  expect_only(check(write_case("fonts-courier", spec)), "fonts.courier", Severity::error, 1);
}

TEST(Fonts, NotdefGlyph) {
  DocSpec spec;
  spec.pages[0].content = "q /GS1 gs 0 0 0 1 k BT /F1 10 Tf 1 0 0 1 170 450 Tm <00240000> Tj ET Q\n";
  expect_only(check(write_case("fonts-notdef", spec)), "fonts.notdef", Severity::error, 1);
}

// A page set in a Type 3 font whose one glyph ('A') is drawn by `glyph`.
DocSpec type3_spec(const std::string& glyph) {
  DocSpec spec;
  spec.objects[21] = PdfBuilder::stream("", glyph);
  spec.objects[20] = "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0]"
                     " /CharProcs << /g 21 0 R >> /Encoding << /Type /Encoding /Differences [65 /g] >>"
                     " /FirstChar 65 /LastChar 65 /Widths [1000] /Resources << >> >>";
  spec.pages[0].fonts = "/T3 20 0 R";
  spec.pages[0].content = "q /GS1 gs 0 0 0 1 k BT /T3 10 Tf 1 0 0 1 170 450 Tm (AAA) Tj ET Q\n";
  return spec;
}

TEST(Fonts, Type3Bitmap) {
  std::string glyph = "1000 0 0 0 1000 1000 d1\nq 1000 0 0 1000 0 0 cm BI /W 8 /H 8 /IM true /BPC 1 ID ";
  glyph += std::string("\xAA\x55\xAA\x55\xAA\x55\xAA\x55", 8);
  glyph += "\nEI Q";
  const DocSpec spec = type3_spec(glyph);
  expect_only(check(write_case("fonts-type3-bitmap", spec)), "fonts.type3-bitmap", Severity::error, 1, false,
              {"fonts.type3"});
}

TEST(Fonts, Type3IsNotedEvenWhenItDrawsVectors) {
  const DocSpec spec = type3_spec("1000 0 0 0 1000 1000 d1\n0 0 1000 1000 re f");
  expect_only(check(write_case("fonts-type3-vector", spec)), "fonts.type3", Severity::info, 1);
}

TEST(Fonts, TextBelowTheMinimumSize) {
  DocSpec spec;
  spec.pages[0].content = "q /GS1 gs 0 0 0 1 k BT /F1 4 Tf 1 0 0 1 170 450 Tm <00240025> Tj ET Q\n";
  expect_only(check(write_case("fonts-below-minimum", spec)), "fonts.size-below-minimum", Severity::warning, 1);
  // The profile's minimum can be raised for one run (an output profile's min-text does this).
  spec.pages[0].content = "q /GS1 gs 0 0 0 1 k BT /F1 6 Tf 1 0 0 1 170 450 Tm <00240025> Tj ET Q\n";
  const fs::path six = write_case("fonts-six-points", spec);
  expect_clean(check(six));
  Options options;
  options.profile = "print";
  options.min_text_pt = 7;
  expect_only(dizgi::preflight::check_file(six, options), "fonts.size-below-minimum", Severity::warning, 1);
}

// ---------------------------------------------------------------------------------------------
// Images

DocSpec with_image(const std::string& dict, const std::string& data, double size_pt) {
  DocSpec spec;
  spec.objects[22] = PdfBuilder::stream(dict, data);
  spec.pages[0].xobjects = "/Im2 22 0 R";
  std::ostringstream content;
  content.imbue(std::locale::classic());
  content << "q " << size_pt << " 0 0 " << size_pt << " 300 500 cm /Im2 Do Q\n";
  spec.pages[0].content = content.str();
  return spec;
}

TEST(Images, LowResolution) {
  // 32 px over one inch: 32 ppi, below the 149 ppi error threshold.
  const Report report = check(write_case("images-resolution-low",
      with_image("/Type /XObject /Subtype /Image /Width 32 /Height 32 /ColorSpace /DeviceCMYK /BitsPerComponent 8",
                 cmyk_image(32), 72)));
  expect_only(report, "images.resolution-low", Severity::error, 1);
  const Finding* finding = find(report, "images.resolution-low");
  ASSERT_NE(finding, nullptr);
  ASSERT_TRUE(finding->bbox_mm);
  EXPECT_NEAR((*finding->bbox_mm)[0], 300 * 25.4 / 72, 0.1);
  EXPECT_NEAR((*finding->bbox_mm)[3], 572 * 25.4 / 72, 0.1);
}

TEST(Images, MarginalResolution) {
  // 50 px over a quarter inch... 200 ppi: between 149 and 224.
  expect_only(check(write_case("images-resolution-marginal",
      with_image("/Type /XObject /Subtype /Image /Width 50 /Height 50 /ColorSpace /DeviceCMYK /BitsPerComponent 8",
                 cmyk_image(50), 18))), "images.resolution-marginal", Severity::warning, 1);
}

TEST(Images, LowResolutionOneBit) {
  // 1-bit: 400 ppi is plenty for a photo but below 549 for line art.
  expect_only(check(write_case("images-resolution-1bit",
      with_image("/Type /XObject /Subtype /Image /Width 100 /Height 100 /ImageMask true /BitsPerComponent 1",
                 std::string(13 * 100, '\x55'), 18))), "images.resolution-low", Severity::error, 1);
}

TEST(Images, ExcessiveResolutionOnWeb) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf not installed";
  DocSpec spec = web_spec();
  spec.objects[22] = PdfBuilder::stream("/Type /XObject /Subtype /Image /Width 125 /Height 125 /ColorSpace /DeviceCMYK /BitsPerComponent 8",
                                        cmyk_image(125));
  spec.pages[0].xobjects = "/Im2 22 0 R";
  spec.pages[0].content = "q 9 0 0 9 300 500 cm /Im2 Do Q\n";  // 1000 ppi
  expect_only(check(linearized("images-excessive-web", spec), "web"), "images.resolution-excessive",
              Severity::warning, 1);
  // The threshold is inclusive: exactly image-ppi-max (600 ppi) is already excessive.
  spec.pages[0].content = "q 15 0 0 15 300 500 cm /Im2 Do Q\n";  // 125 px over 15 pt: 600 ppi
  expect_only(check(linearized("images-excessive-web-600", spec), "web"), "images.resolution-excessive",
              Severity::warning, 1);
}

TEST(Images, RgbInCmykJob) {
  std::string rgb(100 * 100 * 3, '\x80');
  expect_only(check(write_case("images-rgb",
      with_image("/Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceRGB /BitsPerComponent 8",
                 rgb, 24))), "images.rgb", Severity::error, 1);
}

TEST(Images, SixteenBit) {
  std::string data(64 * 64 * 8, '\x20');
  expect_only(check(write_case("images-16-bit",
      with_image("/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceCMYK /BitsPerComponent 16",
                 data, 18))), "images.16-bit", Severity::warning, 1);
}

TEST(Images, Jpeg2000) {
  // The stream is not a real JPEG 2000 codestream: the check reads the filter, not the pixels,
  // so ink coverage (which would decode it) is off and Poppler's decode complaints are allowed.
  expect_only(check(write_case("images-jpeg2000",
      with_image("/Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceCMYK /BitsPerComponent 8 /Filter /JPXDecode",
                 std::string(64, '\0'), 24)), "print", false), "images.jpeg2000", Severity::warning, 1, true);
}

TEST(Images, Jbig2) {
  expect_only(check(write_case("images-jbig2",
      with_image("/Type /XObject /Subtype /Image /Width 1000 /Height 1000 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode",
                 std::string(64, '\0'), 72)), "print", false), "images.jbig2", Severity::warning, 1, true);
}

// ---------------------------------------------------------------------------------------------
// Colour

DocSpec with_content(const std::string& content) {
  DocSpec spec;
  spec.pages[0].content = content;
  return spec;
}

TEST(Colour, RgbVector) {
  expect_only(check(write_case("colour-rgb", with_content("q 1 0 0 rg 300 600 40 40 re f Q\n"))),
              "colour.rgb", Severity::error, 1);
}

TEST(Colour, LabVector) {
  DocSpec spec = with_content("q /Lab1 cs 50 20 20 scn 300 600 40 40 re f Q\n");
  spec.pages[0].colour_spaces = "/Lab1 [/Lab << /WhitePoint [0.9505 1 1.089] /Range [-100 100 -100 100] >>]";
  expect_only(check(write_case("colour-lab", spec)), "colour.lab", Severity::error, 1);
}

// A real sRGB ICC profile, written by lcms2 at test time.
using dizgi::postprocess::srgb_icc;

TEST(Colour, IccRgbIsAllowedUnderPdfX4) {
  DocSpec spec = with_content("q /RGB1 cs 1 0 0 scn 300 600 40 40 re f Q\n");
  spec.objects[28] = PdfBuilder::stream("/N 3 /Alternate /DeviceRGB", srgb_icc());
  spec.pages[0].colour_spaces = "/RGB1 [/ICCBased 28 0 R]";
  expect_clean(check(write_case("colour-icc-rgb-x4", spec)));
}

TEST(Colour, IccRgbIsRgbWithoutPdfX4) {
  DocSpec spec = with_content("q /RGB1 cs 1 0 0 scn 300 600 40 40 re f Q\n");
  spec.objects[28] = PdfBuilder::stream("/N 3 /Alternate /DeviceRGB", srgb_icc());
  spec.pages[0].colour_spaces = "/RGB1 [/ICCBased 28 0 R]";
  spec.info = "/Title (PDF/X-3) /GTS_PDFXVersion (PDF/X-3:2003)";
  expect_only(check(write_case("colour-icc-rgb-x3", spec)), "colour.rgb", Severity::error, 1);
}

TEST(Colour, RgbInsideATilingPatternWithATinyStep) {
  // 0.01 pt cells over 100 x 100 pt: 10^8 cells if tiled out; the walker checks one.
  DocSpec spec = with_content("q /Pattern cs /P1 scn 300 600 100 100 re f Q\n");
  spec.objects[29] = PdfBuilder::stream("/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1"
                                        " /BBox [0 0 0.01 0.01] /XStep 0.01 /YStep 0.01 /Resources << >>",
                                        "1 0 0 rg 0 0 0.005 0.005 re f");
  spec.pages[0].patterns = "/P1 29 0 R";
  const auto start = std::chrono::steady_clock::now();
  const Report report = check(write_case("colour-rgb-in-pattern", spec));
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 10);
  expect_only(report, "colour.rgb", Severity::error, 1);
}

std::string separation(const std::string& name) {
  return "[/Separation /" + name + " /DeviceCMYK << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 0.9 0.8 0] /N 1 >>]";
}

TEST(Colour, TooManySpots) {
  DocSpec spec = with_content("q /S1 cs 1 scn 300 600 20 20 re f /S2 cs 1 scn 330 600 20 20 re f /S3 cs 1 scn 360 600 20 20 re f Q\n");
  spec.pages[0].colour_spaces = "/S1 " + separation("Gold") + " /S2 " + separation("Silver") + " /S3 " + separation("Varnish");
  expect_only(check(write_case("colour-spot-count", spec)), "colour.spot-count", Severity::warning, std::nullopt,
              false, {"colour.spot-colour"});
}

TEST(Colour, NearDuplicateSpotNames) {
  DocSpec spec = with_content("q /S1 cs 1 scn 300 600 20 20 re f /S2 cs 1 scn 330 600 20 20 re f Q\n");
  spec.pages[0].colour_spaces = "/S1 " + separation("PANTONE#20185#20C") + " /S2 " + separation("Pantone#20185#20C");
  expect_only(check(write_case("colour-spot-near-duplicate", spec)), "colour.spot-near-duplicate",
              Severity::warning, 1, false, {"colour.spot-colour"});
}

TEST(Colour, EverySpotIsListedEvenWhenAllowed) {
  // One spot colour, within the sheetfed profile's spot-max of 2: listed as info, nothing else.
  DocSpec spec = with_content("q /S1 cs 1 scn 300 600 20 20 re f Q\n");
  spec.pages[0].colour_spaces = "/S1 " + separation("Gold");
  const Report report = check(write_case("colour-spot-listed", spec));
  expect_only(report, "colour.spot-colour", Severity::info, 1);
  ASSERT_FALSE(report.findings.empty());
  EXPECT_NE(report.findings.front().message.find("'Gold'"), std::string::npos);
}

TEST(Colour, TotalAreaCoverage) {
  // 400 % over 20 x 20 mm, far larger than the 5 mm measuring square.
  const Report report = check(write_case("colour-tac", with_content("q 1 1 1 1 k 300 600 56.7 56.7 re f Q\n")));
  expect_only(report, "colour.tac", Severity::error, 1);
  const Finding* finding = find(report, "colour.tac");
  ASSERT_NE(finding, nullptr);
  ASSERT_TRUE(finding->bbox_mm);
  const auto& b = *finding->bbox_mm;
  // The outline covers the over-inked square (1 mm grid, windows may overhang by a pixel),
  // not the page around it.
  EXPECT_NEAR(b[0], 300 * 25.4 / 72, 2.1);
  EXPECT_NEAR(b[2], 356.7 * 25.4 / 72, 2.1);
  EXPECT_NEAR(b[1], 600 * 25.4 / 72, 2.1);
  EXPECT_NEAR(b[3], 656.7 * 25.4 / 72, 2.1);
}

TEST(Colour, TacIgnoresTinyAreas) {
  // A 1 mm square at 400 % is a speck, not an area: averaged over 5 mm it stays under 320 %.
  expect_clean(check(write_case("colour-tac-speck", with_content("q 1 1 1 1 k 300 600 2.83 2.83 re f Q\n"))));
}

TEST(Colour, SmallTextInSeveralInks) {
  expect_only(check(write_case("colour-small-text-multi-ink",
      with_content("q /GS1 gs 0.6 0.4 0 0 k BT /F1 6 Tf 1 0 0 1 170 450 Tm <00240025> Tj ET Q\n"))),
      "colour.small-text-multi-ink", Severity::warning, 1);
}

TEST(Colour, RichBlackText) {
  expect_only(check(write_case("colour-rich-black-text",
      with_content("q /GS1 gs 0.5 0.5 0.5 1 k BT /F1 10 Tf 1 0 0 1 170 450 Tm <00240025> Tj ET Q\n"))),
      "colour.rich-black-text", Severity::warning, 1);
}

TEST(Colour, WhiteOverprint) {
  expect_only(check(write_case("colour-white-overprint",
      with_content("q /GS1 gs 0 0 0 0 k 300 600 40 40 re f Q\n"))), "colour.white-overprint", Severity::error, 1);
}

TEST(Colour, BlackTextKnocksOut) {
  expect_only(check(write_case("colour-black-text-knockout",
      with_content("q /GS0 gs 0 0 0 1 k BT /F1 9 Tf 1 0 0 1 170 450 Tm <00240025> Tj ET Q\n"))),
      "colour.black-text-knockout", Severity::warning, 1);
}

// ---------------------------------------------------------------------------------------------
// Lines

TEST(Lines, HairlineAfterScaling) {
  // 1 pt in a space scaled by 0.2: 0.2 pt on paper.
  expect_only(check(write_case("lines-hairline",
      with_content("q 0.2 0 0 0.2 0 0 cm 0 0 0 1 K 1 w 900 1250 m 1900 1250 l S Q\n"))),
      "lines.hairline", Severity::warning, 1);
}

TEST(Lines, HairlineFromCairo) {
  const fs::path path = work_dir() / "lines-hairline-cairo.pdf";
  draw_with_cairo(path, 0.1, 300);
  expect_only(check(path, content_profile().string()), "lines.hairline", Severity::warning, 1);
}

TEST(Images, LowResolutionFromCairo) {
  const fs::path path = work_dir() / "images-resolution-low-cairo.pdf";
  draw_with_cairo(path, 1.0, 100);
  expect_only(check(path, content_profile().string()), "images.resolution-low", Severity::error, 1);
}

// ---------------------------------------------------------------------------------------------
// Geometry

TEST(Geometry, TrimBoxMissing) {
  DocSpec spec;
  spec.pages[0].boxes = std::string("/MediaBox ") + media_box;
  expect_only(check(write_case("geometry-trimbox-missing", spec)), "geometry.trimbox-missing", Severity::error, 1);
}

TEST(Geometry, TrimSizeDiffers) {
  DocSpec spec;
  spec.pages.resize(2);
  spec.pages[1].default_content = false;
  spec.pages[1].content = "q /GS1 gs 0 0 0 1 k BT /F1 10 Tf 1 0 0 1 170 400 Tm <00240025> Tj ET Q\n";
  spec.pages[1].boxes = std::string("/MediaBox ") + media_box + " /TrimBox [28.3465 28.3465 447.874 623.622] /BleedBox [19.8425 19.8425 456.378 632.126]";
  expect_only(check(write_case("geometry-trimbox-size-differs", spec)), "geometry.trimbox-size-differs",
              Severity::error, 2);
}

TEST(Geometry, BleedTooSmall) {
  DocSpec spec;
  spec.pages[0].boxes = std::string("/MediaBox ") + media_box + " /TrimBox " + trim_box + " /BleedBox " + trim_box;
  expect_only(check(write_case("geometry-bleed-insufficient", spec)), "geometry.bleed-insufficient",
              Severity::error, 1);
}

TEST(Geometry, TextInsideSafeZone) {
  // 2 mm from the left trim edge.
  const Report report = check(write_case("geometry-safe-zone",
      with_content("q /GS1 gs 0 0 0 1 k BT /F1 10 Tf 1 0 0 1 34.0 450 Tm <00240025> Tj ET Q\n")));
  expect_only(report, "geometry.safe-zone", Severity::warning, 1);
  const Finding* finding = find(report, "geometry.safe-zone");
  ASSERT_NE(finding, nullptr);
  ASSERT_TRUE(finding->bbox_mm);
  EXPECT_NEAR((*finding->bbox_mm)[0], 12.0, 0.2);  // 10 mm slug + 2 mm
}

TEST(Geometry, CropBoxDiffersFromMediaBox) {
  DocSpec spec;
  spec.pages[0].extra = std::string("/CropBox ") + bleed_box;
  expect_only(check(write_case("geometry-cropbox-differs", spec)), "geometry.cropbox-differs", Severity::warning, 1);
}

TEST(Geometry, Rotate) {
  DocSpec spec;
  spec.pages[0].extra = "/Rotate 90";
  expect_only(check(write_case("geometry-rotate", spec)), "geometry.rotate", Severity::warning, 1);
}

TEST(Geometry, UserUnit) {
  DocSpec spec;
  spec.pages[0].extra = "/UserUnit 2";
  expect_only(check(write_case("geometry-userunit", spec)), "geometry.userunit", Severity::error, 1);
}

TEST(Geometry, BlankPage) {
  DocSpec spec;
  spec.pages.resize(2);
  spec.pages[1].default_content = false;
  expect_only(check(write_case("geometry-blank-page", spec)), "geometry.blank-page", Severity::warning, 2);
}

TEST(Geometry, PageCountForSaddleStitch) {
  DocSpec spec;
  spec.pages.resize(3);
  const fs::path path = write_case("geometry-page-count", spec);
  expect_only(check(path, "print", false, "saddle-stitch"), "geometry.page-count", Severity::error, std::nullopt);
  expect_clean(check(path, "print", false, ""));  // no binding rule without a binding
}

// ---------------------------------------------------------------------------------------------
// Document

TEST(Document, PdfxMarkerMissing) {
  DocSpec spec;
  spec.info = "/Title (No marker)";
  expect_only(check(write_case("document-pdfx-missing", spec)), "document.pdfx-missing", Severity::error, std::nullopt);
}

TEST(Document, PdfxMarkerInXmpCounts) {
  DocSpec spec;
  spec.info = "/Title (XMP marker)";
  spec.objects[23] = PdfBuilder::stream("/Type /Metadata /Subtype /XML",
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
      "<rdf:Description rdf:about=\"\" xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">"
      "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion></rdf:Description></rdf:RDF></x:xmpmeta>");
  spec.catalog_extra = "/Metadata 23 0 R";
  expect_clean(check(write_case("document-pdfx-xmp", spec)));
}

TEST(Document, OutputIntentMissing) {
  DocSpec spec;
  spec.output_intent_components = 0;
  expect_only(check(write_case("document-output-intent-missing", spec)), "document.output-intent-missing",
              Severity::error, std::nullopt);
}

TEST(Document, OutputIntentNotCmyk) {
  DocSpec spec;
  spec.output_intent_components = 3;
  expect_only(check(write_case("document-output-intent-not-cmyk", spec)), "document.output-intent-not-cmyk",
              Severity::error, std::nullopt);
}

TEST(Document, JavaScript) {
  DocSpec spec;
  spec.objects[24] = "<< /S /JavaScript /JS (app.alert\\(1\\)) >>";
  spec.catalog_extra = "/Names << /JavaScript << /Names [(a) 24 0 R] >> >>";
  expect_only(check(write_case("document-javascript", spec)), "document.javascript", Severity::error, std::nullopt);
}

TEST(Document, OpenAction) {
  DocSpec spec;
  spec.catalog_extra = "/OpenAction << /S /GoTo /D [100 0 R /Fit] >>";
  expect_only(check(write_case("document-actions", spec)), "document.actions", Severity::warning, std::nullopt);
}

TEST(Document, PrintingAnnotationInTrim) {
  DocSpec spec;
  spec.objects[25] = "<< /Type /Annot /Subtype /Square /Rect [200 200 300 300] /F 4 /C [0 0 0] /Border [0 0 1] >>";
  spec.pages[0].extra = "/Annots [25 0 R]";
  expect_only(check(write_case("document-annotation-in-trim", spec)), "document.annotation-in-trim", Severity::error, 1);
}

TEST(Document, FormFieldInTrim) {
  DocSpec spec;
  spec.objects[26] = "<< /Type /Annot /Subtype /Widget /FT /Btn /Ff 65536 /T (ok) /Rect [200 200 300 230] /F 4"
                     " /MK << >> /AP << /N 27 0 R >> >>";
  spec.objects[27] = PdfBuilder::stream("/Type /XObject /Subtype /Form /BBox [0 0 100 30]", "");
  spec.pages[0].extra = "/Annots [26 0 R]";
  spec.catalog_extra = "/AcroForm << /Fields [26 0 R] >>";
  expect_only(check(write_case("document-form-field-in-trim", spec)), "document.form-field-in-trim", Severity::error, 1);
}

TEST(Document, EncryptedWithoutPasswordByQpdf) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf not installed";
  const fs::path clean = write_case("document-encrypted-source", DocSpec{});
  const fs::path out = work_dir() / "document-encrypted.pdf";
  const std::string command = "qpdf --encrypt '' owner 256 -- '" + clean.string() + "' '" + out.string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0);
  expect_only(check(out), "document.encrypted", Severity::error, std::nullopt);
}

TEST(Document, WebTitleLanguageTagsOutlinesLinearization) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf not installed";
  DocSpec spec = web_spec();
  spec.info = "/Producer (test)";
  expect_only(check(linearized("web-title-missing", spec), "web"), "document.title-missing", Severity::warning, std::nullopt);
  spec = web_spec();
  spec.catalog_extra = "/MarkInfo << /Marked true >> /StructTreeRoot 30 0 R /Outlines 31 0 R";
  expect_only(check(linearized("web-language-missing", spec), "web"), "document.language-missing", Severity::warning, std::nullopt);
  spec = web_spec();
  spec.catalog_extra = "/Lang (tr-TR) /Outlines 31 0 R";
  expect_only(check(linearized("web-untagged", spec), "web"), "document.untagged", Severity::warning, std::nullopt);
  spec = web_spec();
  spec.catalog_extra = "/Lang (tr-TR) /MarkInfo << /Marked true >> /StructTreeRoot 30 0 R";
  expect_only(check(linearized("web-no-outlines", spec), "web"), "document.no-outlines", Severity::warning, std::nullopt);
  expect_only(check(write_case("web-not-linearized", web_spec()), "web"), "document.not-linearized",
              Severity::warning, std::nullopt);
}

// ---------------------------------------------------------------------------------------------
// Damaged input

TEST(Damaged, EmptyFile) {
  const fs::path path = work_dir() / "damaged-empty.pdf";
  write_bytes(path, "");
  const Report report = check(path);
  expect_only(report, "input.empty", Severity::error, std::nullopt);
  EXPECT_EQ(dizgi::preflight::exit_code(report), 2);
}

TEST(Damaged, NotAPdf) {
  const fs::path path = work_dir() / "damaged-not-pdf.pdf";
  write_bytes(path, "PK\x03\x04 this is a zip file, not a PDF\n");
  const Report report = check(path);
  expect_only(report, "input.not-pdf", Severity::error, std::nullopt);
  EXPECT_EQ(dizgi::preflight::exit_code(report), 2);
}

TEST(Damaged, Truncated) {
  const std::string whole = build(DocSpec{});
  const fs::path path = work_dir() / "damaged-truncated.pdf";
  write_bytes(path, whole.substr(0, whole.size() / 2));
  const Report report = check(path, "print", false);
  bool found = false;
  for (const Finding& finding : report.findings) found = found || finding.id == "input.truncated";
  EXPECT_TRUE(found) << dump(report);
  EXPECT_NE(dizgi::preflight::exit_code(report), 0);
}

TEST(Damaged, TruncatedTailIsStillChecked) {
  // Cut before the xref table: Poppler rebuilds it from the objects, the rest is checked.
  const std::string whole = build(DocSpec{});
  const fs::path path = work_dir() / "damaged-truncated-tail.pdf";
  write_bytes(path, whole.substr(0, whole.rfind("xref\n")));
  const Report report = check(path);
  expect_only(report, "input.truncated", Severity::error, std::nullopt, true);
  EXPECT_FALSE(report.could_not_check);
  EXPECT_EQ(report.pages, 1);
  EXPECT_EQ(dizgi::preflight::exit_code(report), 1);
}

TEST(Damaged, BrokenXrefIsRepaired) {
  std::string data = build(DocSpec{});
  const std::size_t at = data.rfind("startxref\n");
  ASSERT_NE(at, std::string::npos);
  data = data.substr(0, at) + "startxref\n123\n%%EOF\n";  // points into the middle of nowhere
  const fs::path path = work_dir() / "damaged-broken-xref.pdf";
  write_bytes(path, data);
  expect_only(check(path), "input.broken-xref", Severity::warning, std::nullopt, true);
}

TEST(Damaged, PasswordByQpdf) {
  if (!have_tool("qpdf")) GTEST_SKIP() << "qpdf not installed";
  const fs::path clean = write_case("damaged-password-source", DocSpec{});
  const fs::path out = work_dir() / "damaged-password.pdf";
  const std::string command = "qpdf --encrypt secret owner 256 -- '" + clean.string() + "' '" + out.string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0);
  const Report report = check(out);
  expect_only(report, "input.password", Severity::error, std::nullopt);
  EXPECT_EQ(dizgi::preflight::exit_code(report), 2);
}

TEST(Damaged, GarbageAfterHeader) {
  const fs::path path = work_dir() / "damaged-garbage.pdf";
  std::string data = "%PDF-1.7\n";
  for (int i = 0; i < 2000; ++i) data += static_cast<char>((i * 131) % 256);
  data += "\n%%EOF\n";  // ends like a PDF, so it is not "truncated": just unreadable
  write_bytes(path, data);
  const Report report = check(path);
  expect_only(report, "input.unreadable", Severity::error, std::nullopt);
  EXPECT_TRUE(report.could_not_check);
  EXPECT_EQ(dizgi::preflight::exit_code(report), 2);
}

// ---------------------------------------------------------------------------------------------
// Visual report

TEST(Report, SummaryPageThenOnePagePerPageWithFindings) {
  DocSpec spec;
  spec.pages.resize(3);
  spec.pages[1].content = "q 0 0 0 1 K 0.1 w 170 250 m 400 250 l S Q\n";  // hairline on page 2
  const fs::path pdf = write_case("report-source", spec);
  const Report report = check(pdf);
  expect_only(report, "lines.hairline", Severity::warning, 2);
  const fs::path out = work_dir() / "report.pdf";
  fs::remove(out);
  dizgi::preflight::write_report_pdf(pdf, report, out);
  PDFDoc doc(std::make_unique<GooString>(out.string()));
  ASSERT_TRUE(doc.isOk());
  EXPECT_EQ(doc.getNumPages(), 2);  // the summary, then page 2 with its thumbnail
  // No temporary file is left beside the report.
  for (const auto& entry : fs::directory_iterator(work_dir())) {
    EXPECT_EQ(entry.path().extension().string().find("tmp"), std::string::npos) << entry.path();
  }
}

TEST(Damaged, HugeDeclaredImageIsNotRasterized) {
  // 100000 x 100000 pixels declared, 16 bytes given: ink coverage must not scale 10^10 pixels.
  DocSpec spec = with_image("/Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceGray /BitsPerComponent 8",
                            std::string(16, '\x40'), 72);
  const auto start = std::chrono::steady_clock::now();
  const Report report = check(write_case("damaged-huge-image", spec));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 10);
  EXPECT_EQ(report.errors() + report.warnings(), 0) << dump(report);
}

TEST(Damaged, TimeoutStopsTheCheck) {
  DocSpec spec;
  spec.pages.resize(20);
  Options options;
  options.timeout_seconds = 1e-9;  // already late at the first page
  const Report report = dizgi::preflight::check_file(write_case("damaged-timeout", spec), options);
  expect_only(report, "input.timeout", Severity::error, std::nullopt);
  EXPECT_EQ(dizgi::preflight::exit_code(report), 1);
}

}  // namespace
