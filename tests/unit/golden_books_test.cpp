// Golden pages of the sample books (docs/testing.md): each folder of tests/golden/books/ names a
// book under samples/ and a block of it (a table or chart id); the runner lays the book out
// through the build API, finds the page the block starts on and compares
//   expected.dump   the text dump of that page (layout/dump.hpp),
//   expected.png    that page rasterized at the case's dpi (per-channel tolerance, file `tolerance`).
// So the pages a designer and an auditor look at first — a Hedef Kartı, the GZFT quadrants, the
// stakeholder matrix, the Gantt programme, the cost table, Tablo 1 and Tablo 4 — are pinned as the
// layouts compose them from the sample data, not as hand-written inputs.
// case.xml: <!-- intent: ... --> <page book="kuzeykent/stratejik-plan-2025.xml" block="grafik-gzft" dpi="40"/>
#include "job/job.hpp"
#include "layout/dump.hpp"
#include "render/pdf.hpp"

#include "../tools/golden_files.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace dizgi;
using dizgi::testing::check_png;
using dizgi::testing::check_text;
using dizgi::testing::read_text;

fs::path cases_dir() { return fs::path(DIZGI_TEST_SOURCE_DIR) / "golden" / "books"; }

std::vector<std::string> discover() {
  std::vector<std::string> names;
  if (!fs::exists(cases_dir())) return names;
  for (const auto& entry : fs::directory_iterator(cases_dir()))
    if (fs::exists(entry.path() / "case.xml")) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string attribute(const std::string& text, const std::string& name) {
  std::smatch m;
  if (std::regex_search(text, m, std::regex("\\b" + name + "=\"([^\"]*)\""))) return m[1];
  return {};
}

class GoldenBook : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenBook, Page) {
  const fs::path dir = cases_dir() / GetParam();
  const std::string spec = read_text(dir / "case.xml");
  ASSERT_EQ(spec.rfind("<!-- intent:", 0), 0u) << "case.xml must open with an intent comment";
  const std::string book = attribute(spec, "book"), block = attribute(spec, "block");
  const double dpi = std::stod(attribute(spec, "dpi").empty() ? "36" : attribute(spec, "dpi"));
  ASSERT_FALSE(book.empty() || block.empty()) << "case.xml names a book and a block";

  job::Session session;
  DiagnosticSink sink;
  const job::BookData data = session.load_data(fs::path(DIZGI_TEST_SOURCE_DIR) / ".." / "samples" / book, {}, sink);
  auto laid_out = session.lay_out(data, sink);
  ASSERT_TRUE(laid_out && laid_out->book);
  const layout::LaidOutBook& pages = *laid_out->book;
  int found = -1;
  for (const layout::Page& page : pages.pages) {
    for (const layout::Placed& placed : page.content) {
      const auto& anchors = placed.element->anchors;
      if (std::find(anchors.begin(), anchors.end(), block) != anchors.end()) found = page.index;
    }
    if (found >= 0) break;
  }
  ASSERT_GE(found, 0) << "no page of " << book << " starts block '" << block << "'";

  // The dump of that one page: a book of it, pointing into the laid-out book's elements.
  layout::LaidOutBook one;
  one.style = pages.style;
  one.pages.push_back(pages.pages[static_cast<std::size_t>(found)]);
  check_text(dir / "expected.dump", layout::dump(one));

  const fs::path scratch = fs::path(DIZGI_TEST_BINARY_DIR) / "golden" / "books" / GetParam();
  fs::create_directories(scratch);
  const fs::path rendered = scratch / "page.png";
  render::write_png(pages, found, dpi, rendered);
  const fs::path expected = dir / "expected.png";
  if (check_png(expected, rendered, dizgi::testing::tolerance_of(dir)))
    EXPECT_LE(fs::file_size(expected), 20u * 1024u) << expected << " is too large for a reference";
}

std::string case_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param) name.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Books, GoldenBook, ::testing::ValuesIn(discover()), case_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenBook);

}  // namespace
