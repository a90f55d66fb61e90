// `dizgi build` end to end on the sample book: the foundation's "done when" list — every font
// embedded, the Turkish text intact, qpdf --check clean, page boxes for print — and the rule
// that a failed build leaves the previous PDF untouched.
#include "cli_run.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <locale>
#include <memory>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

using dizgi::test::Result;
using dizgi::test::run;
using dizgi::test::slurp;

const fs::path sample_book = fs::path(DIZGI_TEST_SOURCE_DIR) / ".." / "samples" / "kuzeykent" / "faaliyet-2025.xml";

class CliBuild : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // One folder per process: ctest runs these tests in parallel, one process each.
    out_ = fs::path(DIZGI_TEST_BINARY_DIR) / ("cli_build-" + std::to_string(getpid()));
    fs::remove_all(out_);
    build_ = run("'" DIZGI_CLI_PATH "' build '" + sample_book.string() + "' -o '" + out_.string() + "' --quiet");
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(out_, ec);
  }
  static fs::path out_;
  static Result build_;
};

fs::path CliBuild::out_;
Result CliBuild::build_;

TEST_F(CliBuild, WritesPrintAndWebPdfsAndPreflightsThem) {
  ASSERT_EQ(build_.status, 0) << build_.output;
  EXPECT_TRUE(fs::exists(out_ / "kuzeykent-faaliyet-2025-print.pdf"));
  EXPECT_TRUE(fs::exists(out_ / "kuzeykent-faaliyet-2025-web.pdf"));
  EXPECT_TRUE(fs::exists(out_ / "kuzeykent-faaliyet-2025-web.png"));  // cover thumbnail
  EXPECT_NE(build_.output.find("preflight (print"), std::string::npos) << build_.output;
  EXPECT_NE(build_.output.find("preflight (web)"), std::string::npos) << build_.output;
  for (const auto& entry : fs::directory_iterator(out_)) {
    EXPECT_NE(entry.path().filename().string()[0], '.') << "temporary file left behind: " << entry.path();
  }
}

TEST_F(CliBuild, EveryFontIsAnEmbeddedSubset) {
  for (const char* name : {"kuzeykent-faaliyet-2025-print.pdf", "kuzeykent-faaliyet-2025-web.pdf"}) {
    Result fonts = run("pdffonts '" + (out_ / name).string() + "'");
    ASSERT_EQ(fonts.status, 0) << fonts.output;
    std::istringstream lines(fonts.output);
    std::string line;
    int count = 0;
    while (std::getline(lines, line)) {
      if (line.rfind("name", 0) == 0 || line.rfind("---", 0) == 0 || line.empty()) continue;
      ++count;
      // Columns: name type encoding emb sub uni ...: embedded, subset (with its 6-letter tag)
      // and with a ToUnicode map, in print and web alike.
      EXPECT_NE(line.find(" yes yes yes "), std::string::npos) << "not an embedded subset: " << line;
      EXPECT_EQ(line.find('+'), 6u) << line;
    }
    EXPECT_GT(count, 1);
  }
}

TEST_F(CliBuild, TurkishTextComesBackIntact) {
  Result text = run("pdftotext -enc UTF-8 '" + (out_ / "kuzeykent-faaliyet-2025-web.pdf").string() + "' -");
  ASSERT_EQ(text.status, 0);
  for (const char* word : {"İÇİNDEKİLER", "Büyükşehir", "ğ", "ı", "ş", "ç", "ö", "ü", "Ç", "Ş", "Ö", "Ü", "Ğ",
                           "GENEL BİLGİLER", "İç Kontrol Güvence Beyanı"}) {
    EXPECT_NE(text.output.find(word), std::string::npos) << "missing: " << word;
  }
}

TEST_F(CliBuild, QpdfFindsNoErrorsAndPrintHasTrimAndBleedBoxes) {
  for (const char* name : {"kuzeykent-faaliyet-2025-print.pdf", "kuzeykent-faaliyet-2025-web.pdf"}) {
    Result check = run("qpdf --check '" + (out_ / name).string() + "'");
    EXPECT_EQ(check.status, 0) << check.output;
    EXPECT_NE(check.output.find("No syntax or stream encoding errors"), std::string::npos) << check.output;
  }
  Result boxes = run("pdfinfo -box '" + (out_ / "kuzeykent-faaliyet-2025-print.pdf").string() + "'");
  EXPECT_NE(boxes.output.find("TrimBox:"), std::string::npos);
  // 3 mm (8.50 pt) bleed on each side of A4: the bleed box is 6 mm larger than the trim box.
  std::istringstream lines(boxes.output);
  lines.imbue(std::locale::classic());
  std::string line;
  double bleed[4] = {}, trim[4] = {};
  while (std::getline(lines, line)) {
    double* target = line.rfind("BleedBox:", 0) == 0 ? bleed : line.rfind("TrimBox:", 0) == 0 ? trim : nullptr;
    if (!target) continue;
    std::istringstream numbers(line.substr(line.find(':') + 1));
    numbers.imbue(std::locale::classic());
    numbers >> target[0] >> target[1] >> target[2] >> target[3];
  }
  EXPECT_NEAR(trim[0] - bleed[0], 8.50, 0.01) << boxes.output;
  EXPECT_NEAR(bleed[2] - trim[2], 8.50, 0.01) << boxes.output;
  Result info = run("pdfinfo '" + (out_ / "kuzeykent-faaliyet-2025-web.pdf").string() + "'");
  EXPECT_NE(info.output.find("Optimized:       yes"), std::string::npos);
  EXPECT_NE(info.output.find("Title:           2025 Yılı İdare Faaliyet Raporu"), std::string::npos) << info.output;
}

TEST_F(CliBuild, FailedBuildLeavesThePreviousPdfUntouched) {
  ASSERT_EQ(build_.status, 0);
  // A copy of the project whose data file is corrupt.
  fs::path project = fs::path(DIZGI_TEST_BINARY_DIR) / ("cli_build_broken-" + std::to_string(getpid()));
  fs::remove_all(project);
  fs::copy(sample_book.parent_path(), project, fs::copy_options::recursive);
  {
    std::ofstream data(project / "data" / "kuzeykent.sql", std::ios::trunc);
    data << "CREATE TABLE idare (id INTEGER;\nINSERT INTO nowhere VALUES (1);\n";
  }
  fs::path pdf = out_ / "kuzeykent-faaliyet-2025-web.pdf";
  std::string before = slurp(pdf);
  Result broken = run("'" DIZGI_CLI_PATH "' build '" + (project / "faaliyet-2025.xml").string() + "' -o '" +
                      out_.string() + "' --quiet");
  EXPECT_EQ(broken.status, 2) << broken.output;
  EXPECT_NE(broken.output.find("kuzeykent.sql"), std::string::npos) << broken.output;
  EXPECT_EQ(slurp(pdf), before);
  for (const auto& entry : fs::directory_iterator(out_)) {
    EXPECT_NE(entry.path().filename().string()[0], '.') << "temporary file left behind: " << entry.path();
  }
  fs::remove_all(project);
}

TEST_F(CliBuild, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run("'" DIZGI_CLI_PATH "' build").status, 2);
  EXPECT_EQ(run("'" DIZGI_CLI_PATH "' build '" + sample_book.string() + "' --profile press").status, 2);
  Result missing = run("'" DIZGI_CLI_PATH "' build /nonexistent/book.xml");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.output.find("/nonexistent/book.xml"), std::string::npos) << missing.output;
}

}  // namespace
