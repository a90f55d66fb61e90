// The build API (host/src/job): one Session — one plugin host, one font cache — builds several
// books in one process and returns outputs and diagnostics as values; and the sample book prints
// the figures the data stage derives, rounded once for display (issue 8: the layout used to
// recompute them, rounding each indicator rate to two digits before weighting, and printed
// hedef H1.2 as %86,37 and amaç A1 as %86,66).
#include "job/job.hpp"

#include "plugin/host.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

const fs::path sample_book = fs::path(DIZGI_TEST_SOURCE_DIR) / ".." / "samples" / "kuzeykent" / "faaliyet-2025.xml";

std::string pdf_text(const fs::path& pdf) {
  std::string text;
  FILE* pipe = popen(("pdftotext -enc UTF-8 '" + pdf.string() + "' - 2>&1").c_str(), "r");
  if (!pipe) return text;
  std::array<char, 4096> buffer{};
  while (fgets(buffer.data(), buffer.size(), pipe)) text += buffer.data();
  pclose(pipe);
  return text;
}

bool has_error(const dizgi::job::BuildResult& result) {
  for (const dizgi::Diagnostic& d : result.diagnostics) {
    if (d.severity == dizgi::Severity::error) return true;
  }
  return false;
}

TEST(JobSession, BuildsTwoBooksWithOnePluginHostAndOneFontCache) {
  const fs::path root = fs::path(DIZGI_TEST_BINARY_DIR) / ("job_session-" + std::to_string(getpid()));
  fs::remove_all(root);
  dizgi::job::Session session;
  ASSERT_EQ(session.plugin_loads(), 1);
  const std::size_t plugins = session.plugins().plugins().size();
  ASSERT_GT(plugins, 0u);

  dizgi::job::BuildResult results[2];
  for (int book = 0; book < 2; ++book) {
    dizgi::job::BuildOptions options;
    options.book = sample_book;
    options.out_dir = root / ("book-" + std::to_string(book));
    options.profiles = {"web"};
    options.preflight = book == 0;  // the second book without preflight: the options are per book
    options.preview = false;
    results[book] = session.build(options);
    ASSERT_EQ(results[book].outcome, dizgi::job::Outcome::ok) << (results[book].diagnostics.empty()
                                                                       ? std::string()
                                                                       : format(results[book].diagnostics.back()));
    EXPECT_FALSE(has_error(results[book]));
    ASSERT_EQ(results[book].outputs.size(), 1u);
  }
  // The plugins were loaded once and serve both books; both books were shaped with one cache.
  EXPECT_EQ(session.plugin_loads(), 1);
  EXPECT_EQ(session.plugins().plugins().size(), plugins);
  EXPECT_EQ(session.books_shaped(), 2);

  const dizgi::job::OutputResult& first = results[0].outputs[0];
  const dizgi::job::OutputResult& second = results[1].outputs[0];
  EXPECT_EQ(first.file, root / "book-0" / "kuzeykent-faaliyet-2025-web.pdf");
  EXPECT_EQ(second.file, root / "book-1" / "kuzeykent-faaliyet-2025-web.pdf");
  EXPECT_TRUE(fs::exists(first.file));
  EXPECT_TRUE(fs::exists(second.file));
  EXPECT_GT(first.pages, 10);
  EXPECT_EQ(first.pages, second.pages);  // a warm font cache sets the same book the same way
  EXPECT_TRUE(first.preflighted);
  EXPECT_EQ(first.preflight_errors, 0u);
  EXPECT_FALSE(second.preflighted);
  EXPECT_EQ(pdf_text(first.file), pdf_text(second.file));
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    EXPECT_NE(entry.path().filename().string()[0], '.') << "temporary file left behind: " << entry.path();
  }
  fs::remove_all(root);
}

TEST(JobSession, SampleBookPrintsTheDerivedLevelsUnrounded) {
  const fs::path root = fs::path(DIZGI_TEST_BINARY_DIR) / ("job_levels-" + std::to_string(getpid()));
  fs::remove_all(root);
  dizgi::job::Session session;
  dizgi::job::BuildOptions options;
  options.book = sample_book;
  options.out_dir = root;
  options.profiles = {"web"};
  options.preflight = false;
  options.preview = false;
  dizgi::job::BuildResult result = session.build(options);
  ASSERT_EQ(result.exit_code(), 0);
  ASSERT_EQ(result.outputs.size(), 1u);
  const std::string text = pdf_text(result.outputs[0].file);
  // hedef_sonuc H1.2 = 86,3636…, amac_sonuc A1 = 86,6545…; each rounded once, for display.
  EXPECT_NE(text.find("%86,36"), std::string::npos);
  EXPECT_EQ(text.find("%86,37"), std::string::npos);
  // The aim level is printed in the goal table, under a "(%)" header: no "%" in the cell.
  EXPECT_NE(text.find("86,65"), std::string::npos);
  EXPECT_EQ(text.find("86,66"), std::string::npos);
  fs::remove_all(root);
}

TEST(JobSession, WrongBookIsAnInputErrorWithItsDiagnostic) {
  dizgi::job::Session session;
  dizgi::job::BuildOptions options;
  options.book = "/nonexistent/book.xml";
  options.out_dir = fs::path(DIZGI_TEST_BINARY_DIR) / ("job_wrong-" + std::to_string(getpid()));
  dizgi::job::BuildResult result = session.build(options);
  EXPECT_EQ(result.outcome, dizgi::job::Outcome::input_error);
  EXPECT_EQ(result.exit_code(), 2);
  EXPECT_TRUE(result.outputs.empty());
  ASSERT_FALSE(result.diagnostics.empty());
  EXPECT_EQ(result.diagnostics.back().severity, dizgi::Severity::error);
  EXPECT_EQ(result.diagnostics.back().location.file, "/nonexistent/book.xml");
}

TEST(JobSession, DataStepGivesTheDerivedTablesOfTheBooksYear) {
  dizgi::job::Session session;
  dizgi::DiagnosticSink sink;
  dizgi::job::BookData data = session.load_data(sample_book, {}, sink);
  EXPECT_EQ(data.year, 2025);
  for (const char* table : {"gosterge_sonuc", "hedef_sonuc", "amac_sonuc", "butce_gider_ozet", "butce_gelir_ozet"}) {
    EXPECT_NE(data.dataset.find(table), nullptr) << table;
  }
}

}  // namespace
