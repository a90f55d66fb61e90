// The web PDF (output profile web) and the build's profile options, checked with outside
// tools: linearized (qpdf --check-linearization), XMP, /Lang and DisplayDocTitle, the sRGB
// output intent, tagged with every text run in the structure tree or an artifact, cover and
// page thumbnails at the width asked for, and a profile file the book has no output for.
#include "separations.hpp"
#include "tagged_check.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using dizgi::testing::Result;
using dizgi::testing::run;

const fs::path sample_book = fs::path(DIZGI_TEST_SOURCE_DIR) / ".." / "samples" / "kuzeykent" / "faaliyet-2025.xml";

class WebBook : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = fs::path(DIZGI_TEST_BINARY_DIR) / ("web-book-" + std::to_string(getpid()));
    fs::remove_all(out_);
    build_ = run("'" DIZGI_CLI_PATH "' build '" + sample_book.string() + "' -o '" + out_.string() +
                 "' --profile web --thumbnails 120:all --quiet");
    pdf_ = out_ / "kuzeykent-faaliyet-2025-web.pdf";
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(out_, ec);
  }
  static fs::path out_, pdf_;
  static Result build_;
};
fs::path WebBook::out_, WebBook::pdf_;
Result WebBook::build_;

TEST_F(WebBook, IsLinearizedWithObjectStreams) {
  ASSERT_EQ(build_.status, 0) << build_.output;
  Result check = run("qpdf --check-linearization '" + pdf_.string() + "'");
  EXPECT_EQ(check.status, 0) << check.output;
  EXPECT_NE(check.output.find("no linearization errors"), std::string::npos) << check.output;
  std::ifstream in(pdf_, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  EXPECT_NE(bytes.str().find("/Type /ObjStm"), std::string::npos);  // object streams
}

TEST_F(WebBook, LeavesOutTheBlankVersosOfPrint) {
  // The İdare and Birim reports have no blank page left (their imprints stand on the backs of
  // their covers); the progress report has the blank back of its cover before a recto opener,
  // which the web file leaves out.
  const fs::path progress = sample_book.parent_path() / "ilerleme-2025-06.xml";
  Result build = run("'" DIZGI_CLI_PATH "' build '" + progress.string() + "' -o '" + (out_ / "ilerleme").string() +
                     "' --profile web --no-preview");
  ASSERT_EQ(build.status, 0) << build.output;
  EXPECT_NE(build.output.find("(web; 1 blank page left out)"), std::string::npos) << build.output;
  for (const fs::path& pdf : {pdf_, out_ / "ilerleme" / "kuzeykent-ilerleme-2025-06-web.pdf"}) {
    Result preflight = run("'" DIZGI_CLI_PATH "' preflight '" + pdf.string() + "' --profile web --json");
    EXPECT_EQ(preflight.output.find("geometry.blank-page"), std::string::npos) << preflight.output;
  }
}

TEST_F(WebBook, QpdfAndGhostscriptFindNothingToSay) {
  Result check = run("qpdf --check '" + pdf_.string() + "'");
  EXPECT_EQ(check.status, 0) << check.output;
  Result gs = run("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage '" + pdf_.string() + "'");
  EXPECT_EQ(gs.status, 0);
  EXPECT_EQ(gs.output, "");
}

TEST_F(WebBook, HasXmpLanguageAndShowsItsTitle) {
  Result qdf = run("qpdf --qdf --object-streams=disable '" + pdf_.string() + "' -");
  EXPECT_NE(qdf.output.find("/Lang (tr-TR)"), std::string::npos);
  EXPECT_NE(qdf.output.find("/DisplayDocTitle true"), std::string::npos);
  EXPECT_NE(qdf.output.find("<xmpMM:DocumentID>uuid:"), std::string::npos);
  EXPECT_NE(qdf.output.find("<rdf:li xml:lang=\"x-default\">2025 Yılı İdare Faaliyet Raporu</rdf:li>"), std::string::npos);
  EXPECT_EQ(qdf.output.find("pdfxid"), std::string::npos);  // not a PDF/X file
  EXPECT_EQ(qdf.output.find("/GTS_PDFX"), std::string::npos);
  // The colours are sRGB, and the output intent says so.
  EXPECT_NE(qdf.output.find("/S /GTS_PDFA1"), std::string::npos);
  EXPECT_NE(qdf.output.find("/OutputConditionIdentifier (sRGB IEC61966-2.1)"), std::string::npos);
  EXPECT_NE(qdf.output.find("/N 3"), std::string::npos);
}

TEST_F(WebBook, IsTaggedWithEveryTextRunInTheTreeOrAnArtifact) {
  EXPECT_TRUE(dizgi::testing::pdfinfo_says_tagged(pdf_));
  const dizgi::testing::TextMarking marking = dizgi::testing::text_marking(pdf_);
  EXPECT_EQ(marking.unmarked, 0) << marking.first_problem;
  EXPECT_EQ(marking.orphans, 0) << marking.first_problem;
  EXPECT_GT(marking.tagged, 1000);
  EXPECT_GT(marking.artifacts, 20) << "running heads and folios";
  // The book's contents page is a TOC whose entries link to their chapters.
  Result tree = run("pdfinfo -struct '" + pdf_.string() + "'");
  for (const char* role : {"TOC", "TOCI", "Link", "H1", "H2", "Table", "TH", "Figure", "Caption", "Note", "L", "LI"}) {
    EXPECT_TRUE(std::regex_search(tree.output, std::regex(std::string("\n +") + role + "[ :\n]"))) << role;
  }
}

TEST_F(WebBook, ThumbnailsHaveTheWidthAskedForAndOnePerPage) {
  Result cover = run("file '" + (out_ / "kuzeykent-faaliyet-2025-web.png").string() + "'");
  EXPECT_NE(cover.output.find("PNG image data, 120 x"), std::string::npos) << cover.output;
  Result first = run("file '" + (out_ / "kuzeykent-faaliyet-2025-web-p001.png").string() + "'");
  EXPECT_NE(first.output.find("PNG image data, 120 x"), std::string::npos) << first.output;
  Result info = run("pdfinfo '" + pdf_.string() + "'");
  const std::size_t at = info.output.find("Pages:");
  ASSERT_NE(at, std::string::npos) << info.output;
  const int pages = std::atoi(info.output.c_str() + at + 6);
  int pngs = 0;
  for (const auto& entry : fs::directory_iterator(out_)) {
    if (entry.path().filename().string().find("-web-p") != std::string::npos) ++pngs;
  }
  EXPECT_EQ(pngs, pages);
}

TEST(BuildProfiles, AProfileFileTheBookDoesNotNameGetsItsOwnOutput) {
  // A user's copy of the print profile with another name and a saddle-stitch binding.
  const fs::path out = fs::path(DIZGI_TEST_BINARY_DIR) / ("profile-file-" + std::to_string(getpid()));
  fs::remove_all(out);
  fs::create_directories(out);
  std::ifstream in(fs::path(DIZGI_TEST_SOURCE_DIR) / ".." / "profiles" / "print-pdfx4.xml");
  std::stringstream text;
  text << in.rdbuf();
  std::string xml = text.str();
  const auto replace = [&xml](const std::string& from, const std::string& to) {
    const std::size_t at = xml.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    xml.replace(at, from.size(), to);
  };
  replace("name=\"print-pdfx4\" alias=\"print\"", "name=\"matbaa\"");
  replace("binding=\"perfect\"", "binding=\"saddle-stitch\"");
  std::ofstream(out / "matbaa.xml") << xml;
  Result build = run("'" DIZGI_CLI_PATH "' build '" + sample_book.string() + "' -o '" + out.string() +
                     "' --profile '" + (out / "matbaa.xml").string() + "' --quiet");
  EXPECT_EQ(build.status, 0) << build.output;
  EXPECT_TRUE(fs::exists(out / "faaliyet-2025-matbaa.pdf")) << build.output;
  // Saddle stitching takes sheets of four pages: the count is padded to a multiple of 4 (the
  // line names the padding only when the book needed some, which depends on its length).
  const std::size_t counted = build.output.find(" pages (");
  ASSERT_NE(counted, std::string::npos) << build.output;
  const std::size_t digits = build.output.rfind(' ', counted - 1) + 1;
  const int pages = std::stoi(build.output.substr(digits, counted - digits));
  EXPECT_EQ(pages % 4, 0) << build.output;
  // The padding goes before the back cover, which stays the last page of the last signature.
  Result last = run("pdftotext -f " + std::to_string(pages) + " -l " + std::to_string(pages) + " '" +
                    (out / "faaliyet-2025-matbaa.pdf").string() + "' -");
  EXPECT_NE(last.output.find("bilgi@kuzeykent.bel.tr"), std::string::npos) << last.output;
  EXPECT_NE(build.output.find("preflight (print-sheetfed): 0 errors"), std::string::npos) << build.output;
  Result unknown = run("'" DIZGI_CLI_PATH "' build '" + sample_book.string() + "' -o '" + out.string() +
                       "' --profile prnt --quiet");
  EXPECT_EQ(unknown.status, 2) << unknown.output;
  EXPECT_NE(unknown.output.find("no such output profile"), std::string::npos) << unknown.output;
  std::error_code ec;
  fs::remove_all(out, ec);
}

}  // namespace
