// The overlap and containment check of chart text, read back from the PDF: every word
// `pdftotext -bbox` finds inside a chart's band of the page must lie inside the chart's frame
// and must not intersect any other word of the chart. Frames come from the laid-out pages (a
// chart is a figure element without pictures), so the check needs the book and its PDF written
// with render::write_pdf's default options (no bleed, no pages dropped).
#pragma once

#include "layout/page_model.hpp"

#include <cstdio>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace dizgi::testing {

struct ChartFrame {
  int page = 0;  // 0-based
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // points from the page's top left
  std::string caption;
};

// The frames of the charts on the pages of `book`, in PDF page space.
inline std::vector<ChartFrame> chart_frames(const layout::LaidOutBook& book) {
  std::vector<ChartFrame> frames;
  const layout::PageMaster& p = book.style.page;
  const double mm = 72.0 / 25.4;
  for (const layout::Page& page : book.pages) {
    if (page.full_page) continue;
    double left = (page.recto || !p.facing ? p.inner_mm : p.outer_mm) * mm;
    double width = (p.width_mm - p.inner_mm - p.outer_mm) * mm;
    for (const layout::Placed& placed : page.content) {
      const layout::Element& e = *placed.element;
      if (e.role != layout::StructRole::figure || !e.pictures.empty() || e.runs.empty()) continue;
      double x = left + placed.x, y = p.top_mm * mm + placed.y;
      frames.push_back(ChartFrame{page.index, x, y, x + width, y + e.height, e.alt_text.substr(0, 120)});
    }
  }
  return frames;
}

struct Word {
  int page = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string text;
};

inline std::vector<Word> pdf_words(const std::filesystem::path& pdf) {
  std::string command = "pdftotext -bbox -enc UTF-8 '" + pdf.string() + "' - 2>/dev/null";
  std::FILE* pipe = popen(command.c_str(), "r");
  std::string html;
  if (pipe) {
    char buffer[65536];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) html.append(buffer, n);
    pclose(pipe);
  }
  std::vector<Word> words;
  static const std::regex token(
      R"re(<page |<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
  int page = -1;
  for (std::sregex_iterator it(html.begin(), html.end(), token), end; it != end; ++it) {
    const std::smatch& m = *it;
    if (!m[1].matched) {
      ++page;
      continue;
    }
    words.push_back(Word{page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), m[5]});
  }
  return words;
}

// "" when every chart's text is apart and inside its frame; else one line per problem. Also a
// problem: a chart without any text read back (so the check cannot pass by reading nothing).
inline std::string check_chart_text(const std::filesystem::path& pdf, const std::vector<ChartFrame>& frames) {
  const double slack = 0.75;  // points: rounding of the reader's boxes
  std::vector<Word> words = pdf_words(pdf);
  std::ostringstream problems;
  for (const ChartFrame& f : frames) {
    std::vector<const Word*> inside;
    for (const Word& w : words) {
      double mid = (w.y0 + w.y1) / 2;
      if (w.page == f.page && mid >= f.y0 && mid <= f.y1) inside.push_back(&w);
    }
    if (inside.empty()) problems << "page " << f.page + 1 << ": no text read back from chart '" << f.caption << "'\n";
    for (const Word* w : inside) {
      if (w->x0 < f.x0 - slack || w->x1 > f.x1 + slack || w->y0 < f.y0 - slack || w->y1 > f.y1 + slack)
        problems << "page " << f.page + 1 << ": '" << w->text << "' leaves the frame of chart '" << f.caption << "'\n";
    }
    for (std::size_t i = 0; i < inside.size(); ++i)
      for (std::size_t j = i + 1; j < inside.size(); ++j) {
        const Word& a = *inside[i];
        const Word& b = *inside[j];
        bool apart = a.x1 <= b.x0 + slack || b.x1 <= a.x0 + slack || a.y1 <= b.y0 + slack || b.y1 <= a.y0 + slack;
        if (!apart)
          problems << "page " << f.page + 1 << ": '" << a.text << "' overlaps '" << b.text << "' in chart '" << f.caption
                   << "'\n";
      }
  }
  return problems.str();
}

}  // namespace dizgi::testing
