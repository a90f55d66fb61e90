// `dizgi new-layout` and `dizgi pages`: the skeleton is written whole with the layout's name in
// every place that needs it, its sample book, template and data load as the build reads them,
// and the pages command prints the dump one page at a time. (Building the skeleton against an
// installed SDK and building its book: tests/install/new_layout.sh.)
#include "cli_run.hpp"
#include "job/job.hpp"
#include "layout/template.hpp"
#include "scaffold/scaffold.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/version.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace {

using namespace dizgi;
namespace fs = std::filesystem;
using dizgi::test::run;
using dizgi::test::slurp;

fs::path fresh(const std::string& name) {
  fs::path dir = fs::path(DIZGI_TEST_BINARY_DIR) / ("scaffold-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

TEST(Scaffold, LayoutNamesAreIdsThatCanBeFileAndCMakeNames) {
  EXPECT_EQ(scaffold::check_layout_name("ilerleme-raporu"), "");
  EXPECT_EQ(scaffold::check_layout_name("rapor2"), "");
  for (const char* bad : {"", "r", "Rapor", "2rapor", "rapor-", "ilerleme_raporu", "ilerleme raporu", "çizelge",
                          "../rapor"})
    EXPECT_NE(scaffold::check_layout_name(bad), "") << bad;
}

TEST(Scaffold, SkeletonIsWrittenWithTheNameInEveryPlace) {
  const fs::path dir = fresh("written");
  const auto files = scaffold::write_layout_skeleton("ornek-rapor", dir);
  ASSERT_EQ(files.size(), scaffold::layout_skeleton_count);
  for (const char* expected : {"CMakeLists.txt", "src/layout.cpp", "book.xml", "template.xml", "data/harcama.csv",
                               "data/columns.txt", "texts/giris.md", "README.md"})
    EXPECT_TRUE(fs::is_regular_file(dir / expected)) << expected;
  for (const auto& file : files) EXPECT_EQ(slurp(dir / file).find('@'), std::string::npos) << file;
  const std::string cmake = slurp(dir / "CMakeLists.txt");
  EXPECT_NE(cmake.find("project(ornek_rapor "), std::string::npos) << cmake;
  EXPECT_NE(cmake.find("find_package(dizgi " DIZGI_VERSION_STRING " REQUIRED)"), std::string::npos) << cmake;
  EXPECT_NE(cmake.find("dizgi_add_plugin(ornek-rapor SOURCES src/layout.cpp)"), std::string::npos) << cmake;
  const std::string source = slurp(dir / "src/layout.cpp");
  EXPECT_NE(source.find("DIZGI_PLUGIN(\"ornek-rapor\", \"layout\""), std::string::npos);
  EXPECT_NE(source.find("info.id = \"ornek-rapor\";"), std::string::npos);
  EXPECT_NE(slurp(dir / "book.xml").find("<layout plugin=\"ornek-rapor\">"), std::string::npos);
  fs::remove_all(dir);
}

TEST(Scaffold, AFolderInTheWayIsRefusedAndLeftAlone) {
  const fs::path dir = fresh("in-the-way");
  fs::create_directories(dir);
  std::ofstream(dir / "notlar.txt") << "benim";
  try {
    scaffold::write_layout_skeleton("ornek-rapor", dir);
    FAIL() << "a non-empty folder was written into";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::usage);
    EXPECT_NE(std::string(e.what()).find("not empty"), std::string::npos) << e.what();
  }
  EXPECT_EQ(slurp(dir / "notlar.txt"), "benim");
  EXPECT_FALSE(fs::exists(dir / "book.xml"));
  fs::remove_all(dir);
}

TEST(Scaffold, TheSampleBookItsTemplateAndItsDataLoadAsTheBuildReadsThem) {
  const fs::path dir = fresh("loads");
  scaffold::write_layout_skeleton("ornek-rapor", dir);
  DiagnosticSink sink;
  const layout::Template style = layout::load_template(dir / "template.xml");
  EXPECT_EQ(style.color("ana"), layout::Color::from_cmyk(90, 45, 0, 10));
  job::Session session;
  job::BookData data = session.load_data(dir / "book.xml", job::DataRequest{}, sink);
  EXPECT_EQ(data.project.layout, "ornek-rapor");
  EXPECT_EQ(data.project.texts.count("giris"), 1u);
  const Table& table = data.dataset.table("harcama");
  ASSERT_EQ(table.row_count(), 6u);
  EXPECT_EQ(std::get<std::string>(table.at(0, "birim")), "Fen İşleri");
  EXPECT_EQ(std::get<Decimal>(table.at(0, "odenek")), (Decimal{18425000000, 2}));
  EXPECT_TRUE(is_null(table.at(4, "harcama")));  // an empty cell is null, not 0
  EXPECT_EQ(sink.count(Severity::error), 0u);
  fs::remove_all(dir);
}

TEST(Scaffold, NewLayoutCommandWritesTheSkeletonOrSaysWhyNot) {
  const fs::path dir = fresh("cli");
  const auto ok = run("'" DIZGI_CLI_PATH "' new-layout ornek-rapor -o '" + dir.string() + "'");
  EXPECT_EQ(ok.status, 0) << ok.output;
  EXPECT_NE(ok.output.find("wrote layout 'ornek-rapor'"), std::string::npos) << ok.output;
  EXPECT_TRUE(fs::exists(dir / "src/layout.cpp"));
  const auto again = run("'" DIZGI_CLI_PATH "' new-layout ornek-rapor -o '" + dir.string() + "'");
  EXPECT_EQ(again.status, 2) << again.output;
  EXPECT_NE(again.output.find("not empty"), std::string::npos) << again.output;
  const auto bad = run("'" DIZGI_CLI_PATH "' new-layout 'Örnek Rapor' -o '" + dir.string() + "-bad'");
  EXPECT_EQ(bad.status, 2) << bad.output;
  EXPECT_NE(bad.output.find("is not a layout name"), std::string::npos) << bad.output;
  EXPECT_EQ(std::count(bad.output.begin(), bad.output.end(), '\n'), 1) << bad.output;
  EXPECT_FALSE(fs::exists(dir.string() + "-bad"));
  fs::remove_all(dir);
}

TEST(Scaffold, PagesCommandPrintsTheDumpOfOnePage) {
  const std::string book = std::string(DIZGI_TEST_SOURCE_DIR) + "/../samples/kuzeykent/faaliyet-2025.xml";
  const auto page = run("{ '" DIZGI_CLI_PATH "' pages '" + book + "' --page 3 2>/dev/null; }");  // stdout only
  ASSERT_EQ(page.status, 0) << page.output;
  EXPECT_EQ(page.output.rfind("book pages=", 0), 0u) << page.output.substr(0, 200);
  EXPECT_NE(page.output.find("\npage 3 label="), std::string::npos) << page.output.substr(0, 400);
  EXPECT_EQ(page.output.find("\npage 2 "), std::string::npos);
  EXPECT_EQ(page.output.find("\npage 4 "), std::string::npos);
  EXPECT_NE(page.output.find("    | "), std::string::npos);  // words with their positions
  const auto past = run("'" DIZGI_CLI_PATH "' pages '" + book + "' --page 999");
  EXPECT_EQ(past.status, 2);
  EXPECT_NE(past.output.find("no page 999"), std::string::npos) << past.output;
}

}  // namespace
