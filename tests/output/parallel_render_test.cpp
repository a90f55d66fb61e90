// A long untagged book is written by several threads, each into a PDF of its own, and the
// post-processor joins the parts (render/pdf.cpp, postprocess/finish.cpp). The joined PDF must
// be the one-thread PDF in everything a reader sees: the same pages, text, page labels, outline
// and links (a link in the first part pointing into the second), compressed contents and, to
// print, CMYK colours on every page; and it must pass preflight.
// DIZGI_RENDER_THREADS=1 gives the one-thread PDF to compare with.
#include "separations.hpp"

#include <gtest/gtest.h>

#include <qpdf/Pl_Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageLabelDocumentHelper.hh>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using dizgi::testing::Result;
using dizgi::testing::run;

// What a reader of the PDF sees, apart from the text.
struct Seen {
  int pages = 0;
  std::vector<std::string> labels;                   // the label of every page
  std::vector<std::string> outline;                  // titles with their target page, in order
  std::vector<std::pair<int, int>> links;            // page of the link, page it goes to
  std::set<std::pair<std::string, int>> font_objects;  // BaseFont and object number
  int plain_contents = 0;  // page content streams written uncompressed
  int rgb_pages = 0;       // pages whose content sets an RGB colour (rg, RG)
};

std::string label_of(QPDFPageLabelDocumentHelper& labels, long long index) {
  QPDFObjectHandle label = labels.getLabelForPage(index);
  if (label.isNull()) return std::to_string(index + 1);
  std::string prefix = label.getKey("/P").isString() ? label.getKey("/P").getUTF8Value() : "";
  const long long start = label.getKey("/St").isInteger() ? label.getKey("/St").getIntValue() : 1;
  const std::string style = label.getKey("/S").isName() ? label.getKey("/S").getName() : "";
  if (style.empty()) return prefix;
  return style == "/D" ? prefix + std::to_string(start) : prefix + "(" + style + ")";
}

Seen look_at(const fs::path& file) {
  Seen seen;
  QPDF pdf;
  pdf.processFile(file.c_str());
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
  seen.pages = static_cast<int>(pages.size());
  std::map<QPDFObjGen, int> index;
  for (std::size_t i = 0; i < pages.size(); ++i) index[pages[i].getObjectHandle().getObjGen()] = static_cast<int>(i);
  QPDFPageLabelDocumentHelper labels(pdf);
  for (std::size_t i = 0; i < pages.size(); ++i) seen.labels.push_back(label_of(labels, static_cast<long long>(i)));
  const auto target = [&](QPDFObjectHandle dest) {
    if (dest.isArray() && dest.getArrayNItems() > 0) {
      auto at = index.find(dest.getArrayItem(0).getObjGen());
      if (at != index.end()) return at->second;
    }
    return -1;
  };
  QPDFOutlineDocumentHelper outlines(pdf);
  std::vector<QPDFOutlineObjectHelper> todo = outlines.getTopLevelOutlines();
  while (!todo.empty()) {
    QPDFOutlineObjectHelper item = todo.front();
    todo.erase(todo.begin());
    seen.outline.push_back(item.getTitle() + " -> " + std::to_string(target(item.getDest())));
    std::vector<QPDFOutlineObjectHelper> kids = item.getKids();
    todo.insert(todo.begin(), kids.begin(), kids.end());
  }
  for (std::size_t i = 0; i < pages.size(); ++i) {
    QPDFObjectHandle page = pages[i].getObjectHandle();
    QPDFObjectHandle annots = page.getKey("/Annots");
    for (int a = 0; annots.isArray() && a < annots.getArrayNItems(); ++a) {
      QPDFObjectHandle annot = annots.getArrayItem(a);
      QPDFObjectHandle dest = annot.getKey("/Dest");
      if (!dest.isArray() && annot.getKey("/A").isDictionary()) dest = annot.getKey("/A").getKey("/D");
      seen.links.emplace_back(static_cast<int>(i), target(dest));
    }
    for (QPDFObjectHandle& stream : pages[i].getPageContents())
      if (!stream.getDict().getKey("/Filter").isName()) ++seen.plain_contents;
    Pl_Buffer buffer("contents");
    pages[i].pipeContents(&buffer);
    std::unique_ptr<Buffer> data(buffer.getBuffer());
    std::istringstream content(std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()));
    for (std::string token; content >> token;) {
      if (token == "rg" || token == "RG") {
        ++seen.rgb_pages;
        break;
      }
    }
    QPDFObjectHandle fonts = page.getKey("/Resources").getKey("/Font");
    if (!fonts.isDictionary()) continue;
    for (const std::string& key : fonts.getKeys()) {
      QPDFObjectHandle font = fonts.getKey(key);
      seen.font_objects.emplace(font.getKey("/BaseFont").getName(), font.getObjectID());
    }
  }
  return seen;
}

// One test, as each test runs in a process of its own and the two builds take seconds.
TEST(ParallelRender, TheJoinedPdfIsTheOneThreadPdf) {
  const fs::path dir = fs::path(DIZGI_TEST_BINARY_DIR) / ("parallel-render-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  // About 250 pages of prose with a contents list at the front (roman folios, links to every
  // chapter), to print and to an untagged copy of the web profile (links and outline kept).
  std::ofstream(dir / "book.xml") << R"(<?xml version="1.0" encoding="UTF-8"?>
<book>
  <meta><title>Uzun Kitap</title><author>dizgi</author><year>2025</year><language>tr-TR</language></meta>
  <layout plugin="bench-kitap"><param name="chapters" value="42"/></layout>
  <template name="kurumsal"/>
  <outputs><output profile="print" file="kitap-print.pdf"/><output profile="web-untagged.xml" file="kitap-web.pdf"/></outputs>
</book>
)";
  std::ifstream web(DIZGI_TEST_SOURCE_DIR "/../profiles/web.xml");
  std::string profile((std::istreambuf_iterator<char>(web)), std::istreambuf_iterator<char>());
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"tagged=\"true\"", "tagged=\"false\""},
                                 {"form-fields=\"true\"", "form-fields=\"false\""},
                                 {"name=\"web\"", "name=\"web-untagged\""}}) {
    const std::size_t at = profile.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    profile.replace(at, from.size(), to);
  }
  std::ofstream(dir / "web-untagged.xml") << profile;
  for (const char* threads : {"1", "2"}) {
    Result build = run("DIZGI_RENDER_THREADS=" + std::string(threads) + " '" DIZGI_CLI_PATH "' build '" +
                       (dir / "book.xml").string() + "' -o '" + (dir / threads).string() + "' --no-preview");
    EXPECT_EQ(build.status, 0) << threads << " thread(s): " << build.output;
    EXPECT_NE(build.output.find("preflight (print-sheetfed): 0 errors"), std::string::npos) << build.output;
    EXPECT_NE(build.output.find("preflight (web): 0 errors"), std::string::npos) << build.output;
    // No part is left behind in the output folder.
    for (const auto& entry : fs::directory_iterator(dir / threads)) {
      const std::string file = entry.path().filename().string();
      EXPECT_TRUE(file == "kitap-print.pdf" || file == "kitap-web.pdf") << "left in the output folder: " << file;
    }
  }
  for (const char* name : {"kitap-print.pdf", "kitap-web.pdf"}) {
    SCOPED_TRACE(name);
    const Seen one = look_at(dir / "1" / name), two = look_at(dir / "2" / name);
    // Each part embeds the subsets it uses: the joined PDF has more font objects, under the
    // same font names, than the one-thread PDF.
    std::set<std::string> names_one, names_two;
    for (const auto& font : one.font_objects) names_one.insert(font.first.substr(font.first.find('+') + 1));
    for (const auto& font : two.font_objects) names_two.insert(font.first.substr(font.first.find('+') + 1));
    EXPECT_GT(two.font_objects.size(), one.font_objects.size());
    EXPECT_EQ(names_one, names_two);
    // What a reader sees is the same.
    EXPECT_GE(one.pages, 200);
    EXPECT_EQ(one.pages, two.pages);
    EXPECT_EQ(one.labels, two.labels);
    EXPECT_EQ(one.labels.front(), "i");  // the roman front matter survives the join
    EXPECT_EQ(one.outline, two.outline);
    EXPECT_EQ(one.links, two.links);
    // The parts' contents are compressed (on their own threads) as the one file's are, and
    // the print PDF's colours are converted in every part.
    EXPECT_EQ(one.plain_contents, 0);
    EXPECT_EQ(two.plain_contents, 0);
    if (std::string(name) == "kitap-print.pdf") {
      EXPECT_EQ(one.rgb_pages, 0);
      EXPECT_EQ(two.rgb_pages, 0);
    } else {
      EXPECT_EQ(two.rgb_pages, one.rgb_pages);
      EXPECT_GT(two.rgb_pages, one.pages / 2);  // the web PDF stays RGB
    }
    Result text_one = run("pdftotext -layout '" + (dir / "1" / name).string() + "' -");
    Result text_two = run("pdftotext -layout '" + (dir / "2" / name).string() + "' -");
    ASSERT_EQ(text_one.status, 0) << text_one.output;
    EXPECT_GT(text_one.output.size(), 100000u);
    EXPECT_TRUE(text_one.output == text_two.output) << "the text differs";
  }
  const Seen joined = look_at(dir / "2" / "kitap-web.pdf");
  ASSERT_FALSE(joined.links.empty());
  ASSERT_FALSE(joined.outline.empty());
  // The contents list is in the first part; its last link points into the second.
  EXPECT_GT(joined.links.back().second, joined.pages / 2);
  for (const auto& [page, to] : joined.links) EXPECT_GE(to, 0) << "a link on page " << page << " goes nowhere";
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
