// Preflight profiles: the shipped XML files, the "print" alias, user copies, and the errors a
// hand-edited profile gets (with the line they point at).
#include "preflight/profile.hpp"

#include <dizgi/diagnostics.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace pf = dizgi::preflight;

namespace {

TEST(PreflightProfile, PrintIsAnAliasOfSheetfed) {
  const pf::Profile profile = pf::load_profile("print");
  EXPECT_EQ(profile.name, "print-sheetfed");
  EXPECT_EQ(profile.intent, pf::Intent::print);
  EXPECT_DOUBLE_EQ(profile.param("tac-max-percent"), 320);
  EXPECT_DOUBLE_EQ(profile.param("image-ppi-error"), 149);
  EXPECT_DOUBLE_EQ(profile.param("image-ppi-warning-1bit"), 799);
  EXPECT_EQ(profile.level("colour.rgb"), pf::Severity::error);
  EXPECT_FALSE(profile.level("document.not-linearized"));  // "off" in print
}

TEST(PreflightProfile, NewspaperAndWebDiffer) {
  const pf::Profile newspaper = pf::load_profile("print-newspaper");
  EXPECT_DOUBLE_EQ(newspaper.param("tac-max-percent"), 240);
  const pf::Profile web = pf::load_profile("web");
  EXPECT_EQ(web.intent, pf::Intent::web);
  EXPECT_EQ(web.level("images.resolution-excessive"), pf::Severity::warning);
  EXPECT_EQ(web.level("document.not-linearized"), pf::Severity::warning);
  EXPECT_FALSE(web.level("colour.rgb"));
}

TEST(PreflightProfile, SheetfedProfileNamesEveryCheck) {
  // The shipped print profile is the template users copy: it lists every check.
  const pf::Profile profile = pf::load_profile("print-sheetfed");
  for (const pf::CheckInfo& check : pf::known_checks()) {
    EXPECT_TRUE(profile.checks.count(check.id)) << check.id;
  }
  for (const auto& [key, value] : pf::default_params()) {
    EXPECT_TRUE(profile.params.count(key)) << key;
  }
}

TEST(PreflightProfile, UnknownCheckPointsAtItsLine) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<preflight-profile name=\"x\" intent=\"print\">\n"
      "  <check id=\"fonts.not-embeded\" severity=\"error\"/>\n</preflight-profile>\n";
  try {
    pf::parse_profile(xml, "mine.xml");
    FAIL() << "accepted an unknown check";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.code(), dizgi::ErrorCode::usage);
    EXPECT_EQ(error.location().file, "mine.xml");
    EXPECT_EQ(error.location().line, 3u);
    EXPECT_NE(error.message().find("fonts.not-embeded"), std::string::npos);
  }
}

// A hand-edited profile's silent mistakes are errors at line:column with a hint.
dizgi::Error profile_error(const std::string& body) {
  try {
    pf::parse_profile("<preflight-profile name=\"x\" intent=\"print\">\n" + body + "\n</preflight-profile>\n", "mine.xml");
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.code(), dizgi::ErrorCode::usage);
    EXPECT_EQ(error.location().line, 2u);
    return error;
  }
  ADD_FAILURE() << "accepted: " << body;
  return dizgi::Error(dizgi::ErrorCode::internal, {}, "");
}

TEST(PreflightProfile, SchemaMistakesPointAtTheirColumn) {
  dizgi::Error unknown_attribute = profile_error(R"(<check id="colour.tac" severty="error"/>)");
  EXPECT_EQ(unknown_attribute.message(), "unknown attribute 'severty' on 'check'");
  EXPECT_EQ(unknown_attribute.location().column, 24u);
  EXPECT_EQ(unknown_attribute.hint().rfind("did you mean 'severity'?", 0), 0u) << unknown_attribute.hint();
  EXPECT_EQ(profile_error(R"(<chek id="colour.tac" severity="error"/>)").message(),
            "unknown element 'chek' in 'preflight-profile'");
  dizgi::Error severity = profile_error(R"(<check id="colour.tac" severity="eror"/>)");
  EXPECT_EQ(severity.hint(), "did you mean 'error'?");
}

TEST(PreflightProfile, MisspeltIdsSuggestTheKnownOne) {
  dizgi::Error check = profile_error(R"(<check id="fonts.not-embeded" severity="error"/>)");
  EXPECT_EQ(check.message(), "unknown check 'fonts.not-embeded'");
  EXPECT_EQ(check.hint(), "did you mean 'fonts.not-embedded'? see docs/preflight.md for the list of checks");
  EXPECT_EQ(check.location().column, 8u);
  dizgi::Error param = profile_error(R"(<param name="bleed-m" value="3"/>)");
  EXPECT_EQ(param.message(), "unknown profile parameter 'bleed-m'");
  EXPECT_EQ(param.hint(), "did you mean 'bleed-mm'? see docs/preflight.md for the parameters");
  EXPECT_EQ(profile_error(R"(<param name="bleed-mm" value="-3"/>)").message(),
            "parameter 'bleed-mm' needs a non-negative number, not '-3'");
  EXPECT_EQ(profile_error(R"(<param name="bleed-mm" value="nan"/>)").message(),
            "parameter 'bleed-mm' needs a non-negative number, not 'nan'");
}

TEST(PreflightProfile, GivenTwiceIsAnError) {
  EXPECT_EQ(profile_error("<check id=\"colour.tac\" severity=\"error\"/><check id=\"colour.tac\" severity=\"off\"/>").message(),
            "check 'colour.tac' is given twice");
}

TEST(PreflightProfile, BadNumberAndSeverityAreRejected) {
  EXPECT_THROW(pf::parse_profile("<preflight-profile name=\"x\" intent=\"print\"><param name=\"bleed-mm\" value=\"3,5\"/></preflight-profile>", "a.xml"),
               dizgi::Error);
  EXPECT_THROW(pf::parse_profile("<preflight-profile name=\"x\" intent=\"print\"><check id=\"colour.tac\" severity=\"fatal\"/></preflight-profile>", "a.xml"),
               dizgi::Error);
  EXPECT_THROW(pf::parse_profile("<preflight-profile name=\"x\" intent=\"paper\"/>", "a.xml"), dizgi::Error);
  EXPECT_THROW(pf::parse_profile("<preflight-profile name=\"x\" intent=\"print\"", "a.xml"), dizgi::Error);
}

TEST(PreflightProfile, DoctypesAndEntitiesAreRefused) {
  // No entity is ever expanded: a profile with a DOCTYPE (where entities live) is refused.
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n"
      "<preflight-profile name=\"&x;\" intent=\"print\"/>\n";
  EXPECT_THROW(pf::parse_profile(xml, "evil.xml"), dizgi::Error);
}

TEST(PreflightProfile, UserCopyLoadsFromAFile) {
  const std::filesystem::path path = std::filesystem::path(DIZGI_TEST_BINARY_DIR) / "preflight-user-profile.xml";
  std::ofstream(path) << "<?xml version=\"1.0\"?>\n<preflight-profile name=\"matbaa\" intent=\"print\" binding=\"saddle-stitch\">\n"
                         "  <param name=\"tac-max-percent\" value=\"300\"/>\n"
                         "  <check id=\"colour.tac\" severity=\"warning\"/>\n</preflight-profile>\n";
  const pf::Profile profile = pf::load_profile(path.string());
  EXPECT_EQ(profile.name, "matbaa");
  EXPECT_EQ(profile.binding, "saddle-stitch");
  EXPECT_DOUBLE_EQ(profile.param("tac-max-percent"), 300);
  EXPECT_DOUBLE_EQ(profile.param("bleed-mm"), 3);  // not set: the built-in default
  EXPECT_EQ(profile.level("colour.tac"), pf::Severity::warning);
  EXPECT_FALSE(profile.level("colour.rgb"));  // not listed: off
}

TEST(PreflightProfile, UnknownNameListsTheBuiltIns) {
  try {
    pf::load_profile("offset");
    FAIL() << "accepted an unknown profile";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.location().file, "offset");
    EXPECT_NE(error.hint().find("print-newspaper"), std::string::npos);
  }
}

}  // namespace
