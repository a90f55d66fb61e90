// `dizgi batch` end to end: the Birim reports of the sample (<batch> over every spending unit),
// a failing book among good ones, the line per book and the summary, shards that cover every
// book exactly once, and -j 2 writing the same PDFs as -j 1.
#include "cli_run.hpp"

#include <gtest/gtest.h>

#include <array>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

using dizgi::test::Result;
using dizgi::test::run;
using dizgi::test::slurp;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

const fs::path samples = fs::path(DIZGI_TEST_SOURCE_DIR) / ".." / "samples" / "kuzeykent";
const std::string dizgi = "'" DIZGI_CLI_PATH "'";

// The book lines of `dizgi batch --list` (all but the count at the end).
std::vector<std::string> listed(const std::string& arguments) {
  Result r = run(dizgi + " batch " + arguments + " --list");
  EXPECT_EQ(r.status, 0) << r.output;
  std::vector<std::string> lines = lines_of(r.output);
  if (!lines.empty()) lines.pop_back();
  return lines;
}

class CliBatch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // One folder per process: ctest runs these tests in parallel, one process each.
    root_ = fs::path(DIZGI_TEST_BINARY_DIR) / ("cli_batch-" + std::to_string(getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
    // A book that fails in its layout: a unit the data has not.
    std::ofstream(root_ / "bozuk.xml")
        << "<book><meta><title>Bozuk</title><year>2025</year></meta>\n"
           "<layout plugin=\"faaliyet-raporu\"><param name=\"yil\" value=\"2025\"/>"
           "<param name=\"birim\" value=\"99.99.99.99\"/></layout>\n"
           "<data><source name=\"ana\" plugin=\"sqlite\" file=\""
        << (samples / "data" / "kuzeykent.sql").string()
        << "\"/></data>\n<outputs><output profile=\"web\" file=\"bozuk-web.pdf\"/></outputs></book>\n";
    // Books 1, 12 and 23 of the list: the broken book and two Birim reports.
    const std::string books = "'" + (root_ / "bozuk.xml").string() + "' '" + (samples / "birim-2025.xml").string() +
                              "' --allow-outside --shard 1/11 --profile web --no-preview";
    // The PDFs carry their creation time: one fixed time for both runs.
    const std::string fixed_time = "SOURCE_DATE_EPOCH=1764720000 ";
    one_ = run(fixed_time + dizgi + " batch " + books + " -j 1 -o '" + (root_ / "j1").string() + "'");
    two_ = run(fixed_time + dizgi + " batch " + books + " -j 2 -o '" + (root_ / "j2").string() + "'");
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  static fs::path root_;
  static Result one_, two_;
};

fs::path CliBatch::root_;
Result CliBatch::one_, CliBatch::two_;

TEST_F(CliBatch, ListsOneBirimReportPerSpendingUnit) {
  std::vector<std::string> books = listed("'" + (samples / "birim-2025.xml").string() + "'");
  ASSERT_EQ(books.size(), 32u);
  EXPECT_NE(books[0].find("birim-2025.xml ozel-kalem (46.01.34.01, Özel Kalem): kuzeykent-birim-ozel-kalem-2025-print.pdf "
                          "kuzeykent-birim-ozel-kalem-2025-web.pdf"),
            std::string::npos)
      << books[0];
  std::set<std::string> unique(books.begin(), books.end());
  EXPECT_EQ(unique.size(), books.size());
  bool fen = false;
  for (const std::string& line : books) fen = fen || line.find("kuzeykent-birim-fen-isleri-2025-web.pdf") != std::string::npos;
  EXPECT_TRUE(fen);
}

TEST_F(CliBatch, ShardsCoverEveryBookExactlyOnce) {
  const std::string files =
      "'" + (samples / "faaliyet-2025.xml").string() + "' '" + (samples / "birim-2025.xml").string() + "'";
  const std::vector<std::string> all = listed(files);
  ASSERT_EQ(all.size(), 33u);
  for (int n : {2, 5}) {
    std::map<std::string, int> seen;
    for (int i = 1; i <= n; ++i) {
      for (const std::string& line : listed(files + " --shard " + std::to_string(i) + "/" + std::to_string(n)))
        ++seen[line];
    }
    EXPECT_EQ(seen.size(), all.size()) << n << " shards";
    for (const std::string& line : all) EXPECT_EQ(seen[line], 1) << n << " shards: " << line;
  }
  Result bad = run(dizgi + " batch " + files + " --shard 3/2 --list");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.output.find("--shard needs I/N"), std::string::npos) << bad.output;
}

TEST_F(CliBatch, AFailingBookDoesNotStopTheOthers) {
  EXPECT_EQ(one_.status, 2) << one_.output;
  // A line per book, then the summary naming the failed book and its reason.
  EXPECT_NE(one_.output.find("[1/3] FAILED  bozuk.xml: "), std::string::npos) << one_.output;
  EXPECT_NE(one_.output.find("no unit '99.99.99.99' in table 'birim'"), std::string::npos) << one_.output;
  EXPECT_NE(one_.output.find("[2/3] ok      birim-2025.xml "), std::string::npos) << one_.output;
  EXPECT_NE(one_.output.find("[3/3] ok      birim-2025.xml "), std::string::npos) << one_.output;
  EXPECT_NE(one_.output.find("shard 1/11: 3 books, 2 PDFs, "), std::string::npos) << one_.output;
  EXPECT_NE(one_.output.find("(1 at a time): 2 built, 1 failed; preflight errors: 0"), std::string::npos) << one_.output;
  EXPECT_NE(one_.output.find("\n  bozuk.xml: "), std::string::npos) << one_.output;
  EXPECT_EQ(one_.output.find("\033["), std::string::npos) << "no terminal codes when not on a terminal";
  // Books 12 and 23 of the list are units 11 and 22 of the batch.
  EXPECT_TRUE(fs::exists(root_ / "j1" / "kuzeykent-birim-yazi-isleri-2025-web.pdf"));
  EXPECT_TRUE(fs::exists(root_ / "j1" / "kuzeykent-birim-saglik-2025-web.pdf"));
  EXPECT_FALSE(fs::exists(root_ / "j1" / "bozuk-web.pdf"));
  for (const auto& entry : fs::directory_iterator(root_ / "j1"))
    EXPECT_NE(entry.path().filename().string()[0], '.') << "temporary file left behind: " << entry.path();
}

TEST_F(CliBatch, TwoWorkersWriteTheSamePdfsAsOne) {
  EXPECT_EQ(two_.status, 2) << two_.output;
  EXPECT_NE(two_.output.find("(2 at a time): 2 built, 1 failed"), std::string::npos) << two_.output;
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(root_ / "j1")) names.insert(entry.path().filename().string());
  std::set<std::string> names_two;
  for (const auto& entry : fs::directory_iterator(root_ / "j2")) names_two.insert(entry.path().filename().string());
  EXPECT_EQ(names, names_two);
  ASSERT_EQ(names.size(), 2u);
  for (const std::string& name : names) {
    EXPECT_TRUE(slurp(root_ / "j1" / name) == slurp(root_ / "j2" / name)) << name << " differs between -j 1 and -j 2";
  }
}

TEST_F(CliBatch, TerminalShowsWhatIsBeingBuilt) {
  // script(1) gives the command a terminal.
  const std::string command = dizgi + " batch '" + (root_ / "bozuk.xml").string() + "' --allow-outside -o '" +
                              (root_ / "tty").string() + "'";
  Result r = run("script -qec \"" + command + "\" /dev/null");
  EXPECT_NE(r.output.find("building: bozuk.xml"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("\r\033[K"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("1 book, 0 PDFs, 0 pages"), std::string::npos) << r.output;
}

// A book whose worker process dies (the fixture layout aborts or raises SIGSEGV while
// composing): the other books are built, the dead ones fail with the signal named, nothing of
// theirs is left in the output folder, and the exit status says that books failed.
TEST_F(CliBatch, ACrashedWorkerFailsOnlyItsBook) {
  const fs::path dir = root_ / "kaza";
  fs::create_directories(dir);
  const auto book = [&](const std::string& name, const std::string& crash) {
    std::ofstream(dir / (name + ".xml"))
        << "<book><meta><title>" << name << "</title><year>2025</year></meta>\n"
        << "<layout plugin=\"fixture-crashes\"><param name=\"crash\" value=\"" << crash << "\"/></layout>\n"
        << "<outputs><output profile=\"web\" file=\"" << name << "-web.pdf\"/></outputs></book>\n";
    return "'" + (dir / (name + ".xml")).string() + "'";
  };
  const std::string books = book("bir", "no") + " " + book("iki", "abort") + " " + book("uc", "no") + " " +
                            book("dort", "segv") + " " + book("bes", "no");
  // Under AddressSanitizer its runtime owns SIGSEGV (and the workers then leave that signal to
  // it); handle_segv=0 gives the workers the default action an ordinary build starts with.
  const std::string plugins = "DIZGI_PLUGIN_PATH='" DIZGI_CRASH_PLUGIN_DIR "' ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}handle_segv=0\" ";
  for (const char* jobs : {"1", "2"}) {
    const fs::path out = dir / ("out-" + std::string(jobs));
    Result r = run(plugins + dizgi + " batch " + books + " --no-preview -j " + jobs + " -o '" + out.string() + "'");
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("FAILED  iki.xml: "), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("building iki.xml crashed (signal " + std::to_string(SIGABRT) + ", Aborted)"), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("building dort.xml crashed (signal " + std::to_string(SIGSEGV) + ", Segmentation fault)"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find(": 3 built, 2 failed"), std::string::npos) << r.output;
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(out)) names.insert(entry.path().filename().string());
    EXPECT_EQ(names, (std::set<std::string>{"bes-web.pdf", "bir-web.pdf", "uc-web.pdf"})) << "-j " << jobs;
  }
}

TEST_F(CliBatch, HelpAndUsageErrors) {
  Result help = run(dizgi + " batch --help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.output.find("--shard I/N"), std::string::npos) << help.output;
  EXPECT_NE(help.output.find("docs/batch.md"), std::string::npos) << help.output;
  Result none = run(dizgi + " batch");
  EXPECT_EQ(none.status, 2);
  EXPECT_NE(none.output.find("no book file given"), std::string::npos) << none.output;
}

}  // namespace
