// The page engine: turns a doc::Document into positioned pages, using the template for how it
// looks. Paragraphs are shaped (text/shaper) and broken into lines by the total-fit breaker
// (text/linebreak) with Turkish hyphenation; pagination places the resulting elements on page
// masters with keep rules, widows/orphans, footnotes, running heads and folios; generated lists
// (TOC, tables, charts) are resolved by bounded re-runs until page numbers are stable.
#pragma once

#include "layout/template.hpp"
#include "text/shaper.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/document.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace dizgi::layout {

// Drawables, in points, relative to the top-left of the element that holds them.
struct Run {
  const text::Shaped* shaped = nullptr;
  double x = 0, baseline = 0;
  Color color;
};
struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
  Color fill;
};
struct Rule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width_pt = 0.5;
  Color color;
};
struct LinkArea {
  double x = 0, y = 0, w = 0, h = 0;
  std::string target;  // "#anchor" or a URI
};
struct Picture {
  double x = 0, y = 0, w = 0, h = 0;
  std::string path;  // PNG or SVG file
  double effective_ppi = 0;
};

enum class BreakBefore { none = 0, page, recto };

struct Element {
  double height = 0;
  double space_before = 0;  // dropped at the top of a page
  bool keep_with_next = false;
  BreakBefore break_before = BreakBefore::none;
  bool full_page = false;      // a cover: a page of its own, no furniture, drawn from the trim
  bool suppress_furniture = false;  // chapter opener: no running head or folio on its page
  doc::Matter matter = doc::Matter::body;
  bool ends_with_hyphen = false;
  int float_group = 0;  // nonzero: a figure or table (with its caption) that may move down to the next page
  std::vector<std::string> loose;  // lines set outside the spacing limits (reported with their page)

  std::vector<Run> runs;
  std::vector<Rect> rects;
  std::vector<Rule> rules;
  std::vector<LinkArea> links;
  std::vector<Picture> pictures;
  std::vector<std::string> anchors;  // destinations at the element's top

  // Heading data for outlines, running heads and the TOC (level 0 = not a heading).
  int heading_level = 0;
  std::string heading_text;
  std::string heading_id;
  bool heading_in_outline = true;

  std::vector<std::shared_ptr<Element>> footnotes;  // footnote lines referenced here
  std::shared_ptr<std::vector<Element>> repeat_header;  // table header to repeat after a break
};

struct Placed {
  const Element* element = nullptr;
  double y = 0;  // top, from the top of the text area
  double x = 0;  // left, from the left of the text area (the column's offset)
};

struct Page {
  int index = 0;        // 0-based physical page
  std::string label;    // page label: "iii", "12"
  bool recto = true;
  bool blank = false;
  bool full_page = false;
  bool show_furniture = true;
  doc::Matter matter = doc::Matter::body;
  std::vector<Placed> content;
  std::vector<Placed> footnotes;  // y from the top of the footnote area
  std::vector<Placed> furniture;  // running head and folio: y from the trim top, x from trim left
  double footnote_height = 0;
  std::string running_head;
};

struct OutlineEntry {
  int level = 1;
  std::string title;
  std::string id;
  int page = 0;
};

struct LaidOutBook {
  Template style;
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  std::vector<std::unique_ptr<Element>> storage;  // elements the pages point into
  std::vector<std::vector<Element>> element_lists;
  int passes = 0;
};

struct EngineOptions {
  std::filesystem::path base_dir;  // images are resolved against it
  int max_passes = 4;
};

// Lays out a document. Never throws for content problems (missing image, missing glyph, loose
// line): they become diagnostics in `sink` and visible placeholders.
std::unique_ptr<LaidOutBook> lay_out(const doc::Document& document, const Template& style,
                                     text::Shaper& shaper, DiagnosticSink& sink,
                                     const EngineOptions& options = {});

// Turkish-aware uppercase ("İçindekiler" -> "İÇİNDEKİLER").
std::string upper_tr(const std::string& text);

// Roman page labels: 4 -> "iv".
std::string roman(int number);

}  // namespace dizgi::layout
