// The pages of the sample İdare Faaliyet Raporu and of one Birim report as a book designer
// checks them: the front cover first with the imprint on its back, no blank page but those
// print needs (a verso before a part that opens a recto, a recto before the back cover), the
// lists on new pages, the "Rakamlarla" key figures as a spread (verso, then the recto facing
// it), the back cover last on a verso; the web PDF leaves the blank pages out.
#include "cli_run.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;

using dizgi::test::Result;
using dizgi::test::run;

const fs::path samples = fs::path(DIZGI_TEST_SOURCE_DIR) / ".." / "samples" / "kuzeykent";
const std::string dizgi = "'" DIZGI_CLI_PATH "'";

struct Page {
  int number = 0;
  bool recto = false, blank = false, full_page = false;
  std::string head;                // the page line of `dizgi pages`
  std::vector<std::string> lines;  // its elements
  bool has(const std::string& text) const {
    for (const std::string& line : lines)
      if (line.find(text) != std::string::npos) return true;
    return false;
  }
};

std::vector<Page> pages_of(const fs::path& book) {
  Result r = run(dizgi + " pages '" + book.string() + "'");
  EXPECT_EQ(r.status, 0) << r.output.substr(0, 2000);
  std::vector<Page> pages;
  std::istringstream in(r.output);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("page ", 0) == 0) {
      Page page;
      page.number = std::atoi(line.c_str() + 5);
      page.head = line;
      page.recto = line.find(" recto ") != std::string::npos;
      page.blank = line.find(" blank") != std::string::npos;
      page.full_page = line.find(" full-page") != std::string::npos;
      pages.push_back(std::move(page));
    } else if (!pages.empty() && line.rfind("  y=", 0) == 0) {
      pages.back().lines.push_back(line);
    }
  }
  return pages;
}

// The blank pages print needs, and no other: a verso before a page that opens with a recto
// opener (a part, the foreword), or a recto before the back cover (which stays on a verso).
void expect_only_needed_blanks(const std::vector<Page>& pages) {
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (!pages[i].blank) continue;
    ASSERT_LT(i + 1, pages.size()) << "a blank last page";
    ASSERT_FALSE(pages[i + 1].lines.empty()) << pages[i + 1].head;
    const std::string& next = pages[i + 1].lines.front();
    if (pages[i].recto) {
      EXPECT_NE(next.find("back-cover"), std::string::npos) << "blank recto " << pages[i].number << " before " << next;
    } else {
      EXPECT_NE(next.find("break=recto"), std::string::npos) << "blank page " << pages[i].number << " before " << next;
    }
  }
}

void expect_covers(const std::vector<Page>& pages) {
  ASSERT_GE(pages.size(), 4u);
  EXPECT_TRUE(pages.front().full_page);
  EXPECT_TRUE(pages.front().has("anchor=kapak")) << pages.front().head;
  EXPECT_TRUE(pages.back().full_page);
  EXPECT_TRUE(pages.back().has("back-cover")) << pages.back().head;
  EXPECT_FALSE(pages.back().recto) << "the back cover is a verso: " << pages.back().head;
}

int blanks(const std::vector<Page>& pages) {
  int n = 0;
  for (const Page& page : pages) n += page.blank ? 1 : 0;
  return n;
}

int pdf_pages(const fs::path& pdf) {
  Result info = run("pdfinfo '" + pdf.string() + "'");
  const std::size_t at = info.output.find("Pages:");
  return at == std::string::npos ? -1 : std::atoi(info.output.c_str() + at + 6);
}

TEST(FaaliyetPages, IdareReportHasOnlyTheBlankPagesPrintNeeds) {
  const std::vector<Page> pages = pages_of(samples / "faaliyet-2025.xml");
  expect_covers(pages);
  expect_only_needed_blanks(pages);
  // The imprint on the back of the cover; the foreword on the recto after it.
  EXPECT_TRUE(pages[1].has("heading=2 \"Künye\"")) << pages[1].head;
  EXPECT_TRUE(pages[2].has("\"Başkan Sunuşu\"")) << pages[2].head;
  // The lists and Kısaltmalar open a new page, none of them after a blank one.
  for (const char* title : {"\"İçindekiler\"", "\"Tablolar Listesi\"", "\"Grafikler Listesi\"", "\"Kısaltmalar\""}) {
    bool found = false;
    for (std::size_t i = 1; i < pages.size(); ++i) {
      if (!pages[i].has(title)) continue;
      found = true;
      EXPECT_FALSE(pages[i - 1].blank) << title << " on page " << pages[i].number << " after a blank page";
    }
    EXPECT_TRUE(found) << title;
  }
  // The key figures: a spread, the verso with the title and the recto facing it.
  bool spread = false;
  for (std::size_t i = 0; i + 1 < pages.size(); ++i) {
    if (!pages[i].has("\"2025 Yılı Rakamlarla\"")) continue;
    spread = true;
    EXPECT_FALSE(pages[i].recto) << pages[i].head;
    EXPECT_TRUE(pages[i + 1].recto) << pages[i + 1].head;
    EXPECT_TRUE(pages[i].has("anchor=grafik-rakamlar-mali"));
    EXPECT_TRUE(pages[i + 1].has("\"Kaynaklar ve Performans\""));
    EXPECT_TRUE(pages[i + 1].has("anchor=grafik-rakamlar-performans"));
  }
  EXPECT_TRUE(spread);
  // The front matter ends on a verso, so part I opens the recto after it: no blank page at all.
  EXPECT_EQ(blanks(pages), 0);
  // The annexes follow part V on a new page; the back cover comes right after them.
  ASSERT_GE(pages.size(), 3u);
  EXPECT_TRUE(pages[pages.size() - 2].has("heading=2 \"Ek 2:")) << pages[pages.size() - 2].head;

  // The web PDF leaves blank pages out; the print PDF (perfect binding) keeps them.
  const fs::path out = fs::path(DIZGI_TEST_BINARY_DIR) / ("faaliyet-pages-" + std::to_string(getpid()));
  fs::remove_all(out);
  Result build = run(dizgi + " build '" + (samples / "faaliyet-2025.xml").string() + "' -o '" + out.string() +
                     "' --no-preflight --no-preview --quiet");
  ASSERT_EQ(build.status, 0) << build.output;
  EXPECT_EQ(pdf_pages(out / "kuzeykent-faaliyet-2025-web.pdf"), static_cast<int>(pages.size()) - blanks(pages));
  const int print = pdf_pages(out / "kuzeykent-faaliyet-2025-print.pdf");
  EXPECT_EQ(print, static_cast<int>(pages.size()));
  EXPECT_EQ(print % 2, 0);
  // The back cover is the PDF's last page: its contact lines.
  Result last = run("pdftotext -f " + std::to_string(print) + " -l " + std::to_string(print) + " '" +
                    (out / "kuzeykent-faaliyet-2025-print.pdf").string() + "' -");
  EXPECT_NE(last.output.find("bilgi@kuzeykent.bel.tr"), std::string::npos) << last.output;
  std::error_code ec;
  fs::remove_all(out, ec);
}

TEST(FaaliyetPages, BirimReportHasOnlyTheBlankPagesPrintNeeds) {
  const std::vector<Page> pages = pages_of(samples / "birim-2025.xml");
  expect_covers(pages);
  expect_only_needed_blanks(pages);
  // The back of the cover before the Sunuş, a recto, holds the imprint (prepared by the unit),
  // as the İdare report's does; the statement follows part V on its page, so the back cover
  // needs no blank page before it: no blank page at all.
  EXPECT_EQ(blanks(pages), 0);
  EXPECT_TRUE(pages[1].has("heading=2 \"Künye\"")) << pages[1].head;
  EXPECT_TRUE(pages[pages.size() - 2].has("\"EKLER\"")) << pages[pages.size() - 2].head;
}

}  // namespace
