// Output profiles: the shipped XML files, the "print" alias, user copies with their own ICC
// profile, and the errors a mistyped profile gets (file:line:col and a hint).
#include "output/profile.hpp"

#include <dizgi/diagnostics.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
namespace out = dizgi::output;

TEST(OutputProfile, PrintIsAnAliasOfPdfx4WithBleedMarksAndCmyk) {
  const out::OutputProfile print = out::load_profile("print");
  EXPECT_EQ(print.name, "print-pdfx4");
  EXPECT_EQ(print.intent, out::Intent::print);
  EXPECT_TRUE(print.is_pdfx4());
  EXPECT_NEAR(print.bleed_pt, 3 * 72 / 25.4, 1e-6);
  EXPECT_TRUE(print.marks.crop && print.marks.registration && print.marks.colour_bar && print.marks.slug);
  EXPECT_GE(print.marks.offset_pt, print.bleed_pt);  // marks stay out of the bleed
  EXPECT_EQ(print.colour.model, out::ColourModel::cmyk);
  EXPECT_EQ(print.colour.condition, "FOGRA39");
  EXPECT_EQ(print.page_multiple(), 2);
  EXPECT_EQ(print.preflight, "print-sheetfed");
  EXPECT_FALSE(print.links);  // no annotations in the trim of a print PDF
  EXPECT_DOUBLE_EQ(print.min_text_pt, 5);
}

TEST(OutputProfile, WebIsLinearizedRgbWithThumbnail) {
  const out::OutputProfile web = out::load_profile("web");
  EXPECT_EQ(web.intent, out::Intent::web);
  EXPECT_EQ(web.colour.model, out::ColourModel::rgb);
  EXPECT_TRUE(web.linearize && web.object_streams && web.outline && web.links && web.thumbnail);
  EXPECT_DOUBLE_EQ(web.bleed_pt, 0);
  EXPECT_EQ(web.page_multiple(), 1);
  EXPECT_EQ(web.preflight, "web");
  EXPECT_TRUE(web.form_fields);  // form blocks become a fillable AcroForm
  EXPECT_FALSE(out::load_profile("print").form_fields);  // print is flattened
}

TEST(OutputProfile, NewspaperExampleIsSaddleStitched) {
  const out::OutputProfile paper = out::load_profile("print-newspaper");
  EXPECT_EQ(paper.binding, out::Binding::saddle_stitch);
  EXPECT_EQ(paper.page_multiple(), 4);
  EXPECT_EQ(paper.binding_name(), "saddle-stitch");
  EXPECT_EQ(paper.preflight, "print-newspaper");
}

TEST(OutputProfile, EveryBuiltInOutputIccIsFound) {
  // The build found the Debian-packaged ICC profiles the shipped profiles name.
  for (const std::string& name : out::builtin_names()) {
    const out::OutputProfile profile = out::load_profile(name);
    if (profile.colour.model != out::ColourModel::cmyk) continue;
    const fs::path icc = out::find_icc(profile);
    EXPECT_TRUE(fs::is_regular_file(icc)) << name;
  }
}

TEST(OutputProfile, UnknownAttributePointsAtItsPlaceWithAHint) {
  const std::string xml =
      "<output-profile name=\"x\" intent=\"print\">\n"
      "  <page bleed=\"3mm\" bindng=\"perfect\"/>\n"
      "</output-profile>\n";
  try {
    out::parse_profile(xml, "mine.xml");
    FAIL() << "accepted an unknown attribute";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.code(), dizgi::ErrorCode::usage);
    EXPECT_EQ(error.location().file, "mine.xml");
    EXPECT_EQ(error.location().line, 2u);
    EXPECT_EQ(error.message(), "unknown attribute 'bindng' on 'page'");
    EXPECT_NE(error.hint().find("did you mean 'binding'?"), std::string::npos) << error.hint();
  }
}

TEST(OutputProfile, BadValuesAreErrors) {
  const auto error_of = [](const std::string& xml) -> std::string {
    try {
      out::parse_profile(xml, "mine.xml");
    } catch (const dizgi::Error& error) {
      return error.message();
    }
    return "no error";
  };
  EXPECT_EQ(error_of("<output-profile name=\"x\" intent=\"print\"><structure form-fields=\"true\"/></output-profile>"),
            "a print profile cannot have form fields: print output is flattened");
  EXPECT_EQ(error_of("<output-profile name=\"x\" intent=\"screen\"/>"),
            "profile intent must be 'print' or 'web', not 'screen'");
  EXPECT_EQ(error_of("<output-profile name=\"x\" intent=\"print\"><page bleed=\"three\"/></output-profile>"),
            "attribute 'bleed' is not a length: 'three'");
  EXPECT_EQ(error_of("<output-profile name=\"x\" intent=\"print\"><page binding=\"spiral\"/></output-profile>"),
            "unknown binding 'spiral'");
  EXPECT_EQ(error_of("<output-profile name=\"x\" intent=\"print\" standard=\"PDF/X-4\"/>"),
            "PDF/X-4 here needs a <colour model=\"cmyk\" output-icc=\"...\"/>");
  EXPECT_EQ(error_of("<output-profile name=\"x\" intent=\"print\"><marks crop=\"yes\"/></output-profile>"),
            "attribute 'crop' must be true or false, not 'yes'");
}

TEST(OutputProfile, UnknownNameListsTheBuiltIns) {
  try {
    out::load_profile("prnt");
    FAIL() << "accepted an unknown profile";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.code(), dizgi::ErrorCode::usage);
    EXPECT_EQ(error.message(), "no such output profile");
    EXPECT_NE(error.hint().find("'print-pdfx4'"), std::string::npos) << error.hint();
  }
}

TEST(OutputProfile, UserCopyFindsItsIccBesideItAndAMissingIccIsNamed) {
  const fs::path dir = fs::path(DIZGI_TEST_BINARY_DIR) / ("profile-copy-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const out::OutputProfile builtin = out::load_profile("print");
  fs::copy_file(out::find_icc(builtin), dir / "matbaa.icc", fs::copy_options::overwrite_existing);
  std::ofstream(dir / "matbaa.xml") << "<output-profile name=\"matbaa\" intent=\"print\" standard=\"PDF/X-4\">\n"
                                       "  <page bleed=\"5mm\" binding=\"signatures\"/>\n"
                                       "  <colour model=\"cmyk\" output-icc=\"matbaa.icc\" condition=\"FOGRA39\"/>\n"
                                       "</output-profile>\n";
  const out::OutputProfile copy = out::load_profile("matbaa.xml", dir);
  EXPECT_EQ(copy.name, "matbaa");
  EXPECT_EQ(copy.page_multiple(), 16);
  EXPECT_NEAR(copy.bleed_pt, 5 * 72 / 25.4, 1e-6);
  EXPECT_EQ(out::find_icc(copy), dir / "matbaa.icc");
  fs::remove(dir / "matbaa.icc");
  try {
    out::find_icc(copy);
    FAIL() << "found a deleted ICC profile";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.message(), "output ICC profile 'matbaa.icc' not found");
  }
  fs::remove_all(dir);
}

}  // namespace
