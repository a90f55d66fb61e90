// Counters: heading numbers, table/chart/figure labels ("Tablo 3.2") and anchor ids, counted
// over the whole document before layout, so that cross references and generated lists can be
// resolved on every pass.
#pragma once

#include "layout/template.hpp"

#include <dizgi/model/document.hpp>

#include <map>
#include <string>
#include <vector>

namespace dizgi::paginate {

struct ListEntry {
  int level = 1;
  std::string text;
  std::string id;
};

struct Counters {
  std::vector<ListEntry> contents;
  std::vector<ListEntry> tables;
  std::vector<ListEntry> charts;
  std::vector<ListEntry> figures;
  std::map<const void*, std::string> ids;       // block -> anchor id
  std::map<const void*, std::string> captions;  // block -> "Tablo 3: ..."
  std::map<const void*, std::string> numbers;   // heading -> number from the template
  std::map<std::string, std::string> labels;    // anchor id -> "Tablo 3.2", "III-A"
  bool needs_pages = false;                     // a TOC, a list or a page reference exists
};

// Counts the document's headings, tables, charts and captioned figures.
Counters count(const doc::Document& document, const layout::Template& style);

}  // namespace dizgi::paginate
