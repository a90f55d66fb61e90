// The publish folder for the web team: the web PDFs of one or many books, their cover (and
// optionally page) thumbnails, an accessible Turkish index page and a sitemap — static files to
// copy to the municipality's website, with no external assets and no script needed to read them.
// `dizgi publish` builds the books through the build API and hands the results here
// (docs/publishing.md).
#pragma once

#include <dizgi/model/value.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace dizgi::publish {

// One entry of a book's table of contents, read from the PDF's outline.
struct TocEntry {
  int level = 1;      // 1 for a top-level bookmark
  std::string title;
  int page = 0;       // 1-based PDF page the bookmark opens, 0 if it has none
  std::string label;  // the printed page number (the page label), or "" when the PDF has none
};

// What the index page says about one PDF. Paths are relative to the site folder.
struct Book {
  std::string title;
  int32_t year = 0;  // 0: not shown
  std::filesystem::path pdf;
  std::filesystem::path cover;               // the cover thumbnail, or empty
  std::vector<std::filesystem::path> pages;  // page thumbnails, in page order (optional)
  int page_count = 0;
  std::uintmax_t bytes = 0;
  std::vector<TocEntry> contents;
};

// Facts read from a PDF (qpdf): page count, the Info title, the outline with the page each
// bookmark opens and its printed label. Throws dizgi::Error naming the file if it cannot be read.
struct PdfFacts {
  std::string title;
  int page_count = 0;
  std::vector<TocEntry> contents;
};
PdfFacts read_pdf(const std::filesystem::path& pdf);

struct SiteOptions {
  std::string title = "Yayınlar";  // the page's heading and <title>
  std::string base_url;             // "https://…/yayinlar/": the sitemap needs absolute URLs
  Date updated;                     // shown as "Güncelleme: 3 Aralık 2026" and in the sitemap
};

// "1,2 MB", "840 kB": a file size the Turkish way.
std::string file_size_tr(std::uintmax_t bytes);

// The index page (HTML5, lang="tr"), the books in the order given.
std::string index_html(const std::vector<Book>& books, const SiteOptions& options);

// The sitemap (sitemaps.org 0.9): the index page and every PDF, absolute under `base_url`.
std::string sitemap_xml(const std::vector<Book>& books, const SiteOptions& options);

}  // namespace dizgi::publish
