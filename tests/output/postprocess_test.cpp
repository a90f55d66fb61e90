// Post-processing steps on small PDFs made with qpdf: the colour rewrite keeps the overprint
// state with the graphics state (q/Q), leaves what is not a colour alone (an operator spelled in
// a string included), maps greys to K and other RGB through lcms2; XMP dates follow the Info
// dates; drawing outside marked content becomes an artifact without breaking q/Q, text objects
// or paths.
#include "output/colour_map.hpp"
#include "output/profile.hpp"
#include "postprocess/colour.hpp"
#include "postprocess/tags.hpp"
#include "postprocess/xmp.hpp"
#include "util/atomic_file.hpp"

#include <gtest/gtest.h>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <locale>
#include <memory>
#include <sstream>
#include <string>

namespace {

namespace out = dizgi::output;
namespace pp = dizgi::postprocess;

// A one-page PDF with `content`, post-processed to CMYK; returns the rewritten content.
std::string rewrite(const std::string& content, const out::ColourMap& colours) {
  QPDF pdf;
  pdf.emptyPDF();
  QPDFObjectHandle page = QPDFObjectHandle::parse("<< /Type /Page /MediaBox [0 0 100 100] /Resources << >> >>");
  page.replaceKey("/Contents", pdf.newStream(content));
  QPDFPageDocumentHelper(pdf).addPage(QPDFPageObjectHelper(pdf.makeIndirectObject(page)), false);
  pp::ColourOptions options;
  options.colours = &colours;
  options.output_icc = dizgi::util::read_file(out::find_icc(out::load_profile("print")));
  pp::convert_to_cmyk(pdf, options);
  std::shared_ptr<Buffer> data =
      QPDFPageDocumentHelper(pdf).getAllPages().front().getObjectHandle().getKey("/Contents").getStreamData();
  return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

out::ColourMap black_only() {
  out::ColourMap map;
  map.add(0, 0, 0, out::ProcessColour{0, 0, 0, 100});
  return map;
}

TEST(PostprocessColour, OverprintFollowsQAndQ) {
  // Black inside q ... Q overprints; the white after Q must not (it would vanish on press).
  const std::string result = rewrite("q 0 0 0 rg 0 0 10 10 re f Q 1 1 1 rg 0 0 5 5 re f\n", black_only());
  EXPECT_NE(result.find("/DzOP01 gs 0 0 0 1 k"), std::string::npos) << result;
  EXPECT_NE(result.find("/DzOP00 gs 0 0 0 0 k"), std::string::npos) << result;
  EXPECT_EQ(result.find(" rg"), std::string::npos) << result;
}

TEST(PostprocessColour, StrokeAndFillOverprintAreKeptApart) {
  // A black stroke after a white fill: the fill's knockout stays (state 10, not 11).
  const std::string result = rewrite("1 1 1 rg 0 0 0 RG 0 0 m 10 10 l S 0 0 5 5 re f\n", black_only());
  EXPECT_NE(result.find("/DzOP10 gs 0 0 0 1 K"), std::string::npos) << result;
}

TEST(PostprocessColour, GreysAreKOnlyOtherRgbGoesThroughTheIccProfile) {
  const std::string result = rewrite("0.5 g 0 0 5 5 re f 0.25 0.25 0.25 RG 0 0 m 5 5 l S 1 0 0 rg 0 0 5 5 re f\n",
                                     black_only());
  EXPECT_NE(result.find("0 0 0 0.5 k"), std::string::npos) << result;
  EXPECT_NE(result.find("0 0 0 0.75 K"), std::string::npos) << result;
  // Pure red through FOGRA39: no cyan, strong magenta and yellow.
  const std::size_t red = result.rfind("gs ");
  ASSERT_NE(red, std::string::npos) << result;
  std::istringstream inks(result.substr(red + 3));
  inks.imbue(std::locale::classic());
  double c = 1, m = 0, y = 0, k = 1;
  inks >> c >> m >> y >> k;
  EXPECT_LT(c, 0.05) << result;
  EXPECT_GT(m, 0.8) << result;
  EXPECT_GT(y, 0.8) << result;
}

TEST(PostprocessColour, WhatIsNotAColourIsLeftAlone) {
  const std::string content = "BT /F1 12 Tf (rg) Tj ET 0.1 0.2 0.3 0.4 k 0 0 5 5 re f /Pattern cs /P1 scn\n";
  const std::string result = rewrite(content, black_only());
  EXPECT_EQ(result, content);
}

TEST(PostprocessColour, ColoursAtTheStartAfterStringsAndOverLinesAreEachRewrittenOnce) {
  // A colour as the stream's first operator, one after a string that spells an operator, and
  // operands split over lines: each becomes one CMYK setting; the string stays as it was.
  const std::string result =
      rewrite("0.5 g BT /F1 9 Tf (0 0 0 rg) Tj ET\n0.25\n0.25 0.25 RG 0 0 m 5 5 l S\n", black_only());
  EXPECT_EQ(result.rfind(" /DzOP00 gs 0 0 0 0.5 k", 0), 0u) << result;
  EXPECT_NE(result.find("(0 0 0 rg) Tj"), std::string::npos) << result;
  EXPECT_NE(result.find("/DzOP00 gs 0 0 0 0.75 K 0 0 m"), std::string::npos) << result;
  EXPECT_EQ(result.find(" RG"), std::string::npos) << result;
  EXPECT_EQ(result.find(" g "), std::string::npos) << result;
}

TEST(PostprocessXmp, DatesFollowTheInfoDictionary) {
  EXPECT_EQ(pp::xmp_date("D:20261203092137Z"), "2026-12-03T09:21:37Z");
  EXPECT_EQ(pp::xmp_date("D:20261203092137+03'00'"), "2026-12-03T09:21:37+03:00");
  EXPECT_EQ(pp::xmp_date("D:20261203092137"), "2026-12-03T09:21:37Z");
  EXPECT_EQ(pp::xmp_date("D:2026"), "");
  EXPECT_EQ(pp::xmp_date("yesterday"), "");
}

TEST(PostprocessTags, UnmarkedDrawingBecomesAnArtifactBetweenStateChanges) {
  // A background, a tagged line of text, a rule inside q/Q, a folio.
  const std::string content =
      "0.9 g 0 0 50 50 re f\n"
      "/P <</MCID 0>> BDC BT /F1 9 Tf 10 10 Td (Metin) Tj ET EMC\n"
      "q 0.5 w 0 0 m 50 0 l S Q\n"
      "BT /F1 8 Tf 40 2 Td (12) Tj ET\n";
  const std::string expected =
      "0.9 g\n/Artifact BMC\n 0 0 50 50 re f\nEMC\n\n"
      "/P <</MCID 0>> BDC BT /F1 9 Tf 10 10 Td (Metin) Tj ET EMC\n"
      "q 0.5 w\n/Artifact BMC\n 0 0 m 50 0 l S\nEMC\n Q\n"
      "/Artifact BMC\n\nBT /F1 8 Tf 40 2 Td (12) Tj ET\n\nEMC\n";
  EXPECT_EQ(pp::mark_artifacts(content), expected);
}

TEST(PostprocessTags, OperatorsInsideStringsCommentsAndImageDataAreNotOperators) {
  // "BT", "re" and "Q" inside a literal string (with an escaped and a nested parenthesis), a
  // hexadecimal string, a comment, a dictionary and inline image data are not drawing.
  const std::string content =
      "/P <</MCID 0 /Alt (a \\) BT (re) Q)>> BDC BT /F1 9 Tf [<0051> -20 (BT\\(x)] TJ ET EMC % BT re Q\n"
      "q BI /W 2 /H 1 /BPC 8 /CS /G ID \x01 EI\x02\n EI Q\n";
  const std::string expected =
      "/P <</MCID 0 /Alt (a \\) BT (re) Q)>> BDC BT /F1 9 Tf [<0051> -20 (BT\\(x)] TJ ET EMC % BT re Q\n"
      "q\n/Artifact BMC\n BI /W 2 /H 1 /BPC 8 /CS /G ID \x01 EI\x02\n EI\nEMC\n Q\n";
  EXPECT_EQ(pp::mark_artifacts(content), expected);
}

TEST(PostprocessTags, TheMarkedContentIdentifiersAreCollectedInDrawingOrder) {
  const std::string content =
      "/P <</MCID 0>> BDC BT (a) Tj ET EMC 0 0 5 5 re f /TD <</MCID 2>> BDC BT (b) Tj ET EMC\n"
      "/Artifact BMC BT (c) Tj ET EMC /Span << /MCID 1 >> BDC BT (d) Tj ET EMC\n";
  std::vector<int> mcids;
  pp::mark_artifacts(content, &mcids);
  EXPECT_EQ(mcids, (std::vector<int>{0, 2, 1}));
}

TEST(PostprocessTags, MarkedContentIsLeftAsItIs) {
  const std::string content = "/Span <</MCID 3>> BDC q 1 0 0 1 5 5 cm /Im0 Do Q EMC\n/Artifact BMC BT (x) Tj ET EMC\n";
  EXPECT_EQ(pp::mark_artifacts(content), content);
}

}  // namespace
