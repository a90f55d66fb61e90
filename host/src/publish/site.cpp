#include "publish/site.hpp"

#include "util/xml.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/format.hpp>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageLabelDocumentHelper.hh>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <map>
#include <sstream>

namespace dizgi::publish {

namespace fs = std::filesystem;

namespace {

using xml::escape;

// A relative path as a URL: '/' separators, every byte outside the unreserved set escaped
// (Turkish letters in file names included).
std::string url_of(const fs::path& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path.generic_string()) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// The printed page number of a page label dictionary (/S style, /P prefix, /St number).
std::string label_text(QPDFObjectHandle label) {
  if (!label.isDictionary()) return {};
  std::string prefix = label.getKey("/P").isString() ? label.getKey("/P").getUTF8Value() : std::string();
  const long long number = label.getKey("/St").isInteger() ? label.getKey("/St").getIntValue() : 1;
  const std::string style = label.getKey("/S").isName() ? label.getKey("/S").getName() : std::string();
  std::string digits;
  if (style == "/D") {
    digits = std::to_string(number);
  } else if (style == "/R" || style == "/r") {
    digits = format_roman(static_cast<int>(number));
    if (style == "/r")
      std::transform(digits.begin(), digits.end(), digits.begin(), [](unsigned char c) { return std::tolower(c); });
  } else if (style == "/A" || style == "/a") {
    // PDF letters: A..Z, then AA..ZZ (the Latin alphabet, as viewers show them).
    const long long n = std::max(1LL, number);
    digits = std::string(static_cast<std::size_t>((n - 1) / 26 + 1), static_cast<char>('A' + (n - 1) % 26));
    if (style == "/a")
      std::transform(digits.begin(), digits.end(), digits.begin(), [](unsigned char c) { return std::tolower(c); });
  }
  return prefix + digits;
}

}  // namespace

PdfFacts read_pdf(const fs::path& pdf) {
  PdfFacts facts;
  try {
    QPDF qpdf;
    qpdf.setSuppressWarnings(true);
    qpdf.processFile(pdf.string().c_str());
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(qpdf).getAllPages();
    facts.page_count = static_cast<int>(pages.size());
    std::map<QPDFObjGen, int> page_number;
    for (std::size_t i = 0; i < pages.size(); ++i)
      page_number[pages[i].getObjectHandle().getObjGen()] = static_cast<int>(i) + 1;
    QPDFObjectHandle info = qpdf.getTrailer().getKey("/Info");
    if (info.isDictionary() && info.getKey("/Title").isString()) facts.title = info.getKey("/Title").getUTF8Value();
    QPDFPageLabelDocumentHelper labels(qpdf);
    QPDFOutlineDocumentHelper outlines(qpdf);
    // Depth-first, bounded: a hostile outline may be deep or wide.
    std::function<void(std::vector<QPDFOutlineObjectHelper>, int)> walk = [&](std::vector<QPDFOutlineObjectHelper> items,
                                                                              int level) {
      if (level > 6) return;
      for (QPDFOutlineObjectHelper& item : items) {
        if (facts.contents.size() >= 2000) return;
        TocEntry entry;
        entry.level = level;
        entry.title = item.getTitle();
        QPDFObjectHandle page = item.getDestPage();
        if (!page.isNull()) {
          auto it = page_number.find(page.getObjGen());
          if (it != page_number.end()) {
            entry.page = it->second;
            if (labels.hasPageLabels()) entry.label = label_text(labels.getLabelForPage(it->second - 1));
          }
        }
        facts.contents.push_back(std::move(entry));
        walk(item.getKids(), level + 1);
      }
    };
    walk(outlines.getTopLevelOutlines(), 1);
  } catch (const std::exception& error) {
    throw Error(ErrorCode::pdf, Location{pdf.string()}, std::string("the PDF could not be read: ") + error.what());
  }
  return facts;
}

std::string file_size_tr(std::uintmax_t bytes) {
  if (bytes < 1000 * 1000) {
    const std::uintmax_t kb = std::max<std::uintmax_t>(1, (bytes + 500) / 1000);
    return format_integer_tr(static_cast<int64_t>(kb)) + " kB";
  }
  // Tenths of a megabyte, rounded half up, written with a decimal comma.
  const std::uintmax_t tenths = (bytes + 50'000) / 100'000;
  const Decimal value = *Decimal::parse(std::to_string(tenths / 10) + "." + std::to_string(tenths % 10));
  return format_decimal_tr(value, 1) + " MB";
}

std::string index_html(const std::vector<Book>& books, const SiteOptions& options) {
  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"tr\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    << "<title>" << escape(options.title) << "</title>\n"
    << "<style>\n"
       "body{font-family:\"Linux Biolinum O\",\"DejaVu Sans\",sans-serif;margin:0;color:#1a1a1a;background:#fafafa;"
       "line-height:1.45}\n"
       "header,main,footer{max-width:62rem;margin:0 auto;padding:1rem 1.25rem}\n"
       "header{border-bottom:3px solid #00467f}\n"
       "h1{font-size:1.9rem;margin:.5rem 0}\n"
       "article{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:1.25rem;padding:1.5rem 0;"
       "border-bottom:1px solid #d0d0d0}\n"
       "@media (max-width:40rem){article{grid-template-columns:1fr}}\n"
       "article h2{margin:0 0 .5rem;font-size:1.35rem}\n"
       "article h3{font-size:1.05rem;margin:1rem 0 .25rem}\n"
       ".cover img{width:100%;height:auto;border:1px solid #bbb;box-shadow:0 1px 4px rgba(0,0,0,.2)}\n"
       "dl{display:grid;grid-template-columns:auto 1fr;gap:.15rem .75rem;margin:0 0 .75rem}\n"
       "dt{font-weight:bold}dd{margin:0}\n"
       "a{color:#00467f}a:focus{outline:3px solid #f2a900;outline-offset:2px}\n"
       ".download{display:inline-block;padding:.4rem .8rem;background:#00467f;color:#fff;text-decoration:none;"
       "border-radius:3px}\n"
       "ol.toc,ol.toc ol{list-style:none;padding-left:1.1rem;margin:0}ol.toc{padding-left:0;max-width:36rem}\n"
       "ol.toc li{display:flex;flex-wrap:wrap;justify-content:space-between;column-gap:.5rem}\n"
       "ol.toc li>ol{flex-basis:100%}\n"
       ".pages ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}\n"
       ".pages img{width:6rem;height:auto;border:1px solid #bbb}\n"
       "footer{color:#555;font-size:.9rem}\n"
       "</style>\n</head>\n<body>\n";
  h << "<header>\n<h1>" << escape(options.title) << "</h1>\n";
  h << "<p>" << books.size() << " yayın, PDF biçiminde.";
  if (options.updated.year > 0) h << " Güncelleme: " << escape(format_date_tr(options.updated, true)) << ".";
  h << "</p>\n</header>\n<main>\n";
  int n = 0;
  for (const Book& book : books) {
    ++n;
    const std::string id = "kitap-" + std::to_string(n);
    const std::string pdf = url_of(book.pdf);
    h << "<article aria-labelledby=\"" << id << "\">\n";
    h << "<div class=\"cover\">";
    if (!book.cover.empty()) {
      // The cover is a link to the PDF; the link's text is the image's alternative text.
      h << "<a href=\"" << pdf << "\"><img src=\"" << url_of(book.cover) << "\" alt=\"" << escape(book.title)
        << " (PDF, kapak)\"></a>";
    }
    h << "</div>\n<div>\n";
    h << "<h2 id=\"" << id << "\">" << escape(book.title) << "</h2>\n<dl>\n";
    if (book.year > 0) h << "<dt>Yıl</dt><dd>" << book.year << "</dd>\n";
    h << "<dt>Sayfa</dt><dd>" << format_integer_tr(book.page_count) << "</dd>\n";
    h << "<dt>Dosya</dt><dd>PDF, " << escape(file_size_tr(book.bytes)) << "</dd>\n</dl>\n";
    h << "<p><a class=\"download\" href=\"" << pdf << "\">" << escape(book.title) << " (PDF, "
      << escape(file_size_tr(book.bytes)) << ")</a></p>\n";
    if (!book.contents.empty()) {
      h << "<nav aria-labelledby=\"" << id << "-icindekiler\">\n<h3 id=\"" << id << "-icindekiler\">İçindekiler</h3>\n";
      // Nested lists from the outline levels.
      int depth = 0;
      for (const TocEntry& entry : book.contents) {
        // A level may only go one deeper than the previous entry: a list holds list items only.
        const int level = std::clamp(entry.level, 1, depth + 1);
        if (level > depth) {
          h << (depth == 0 ? "<ol class=\"toc\">\n" : "\n<ol>\n");
          ++depth;
        } else {
          h << "</li>\n";
          while (depth > level) {
            h << "</ol></li>\n";
            --depth;
          }
        }
        h << "<li>";
        if (entry.page > 0) {
          h << "<a href=\"" << pdf << "#page=" << entry.page << "\">" << escape(entry.title) << "</a>";
          h << "<span>" << escape(entry.label.empty() ? std::to_string(entry.page) : entry.label) << "</span>";
        } else {
          h << escape(entry.title);
        }
      }
      h << "</li>\n";
      while (depth > 1) {
        h << "</ol></li>\n";
        --depth;
      }
      h << "</ol>\n</nav>\n";
    }
    if (!book.pages.empty()) {
      h << "<details class=\"pages\">\n<summary>Sayfalar (" << book.pages.size() << ")</summary>\n<ul>\n";
      for (std::size_t i = 0; i < book.pages.size(); ++i) {
        h << "<li><a href=\"" << pdf << "#page=" << (i + 1) << "\"><img src=\"" << url_of(book.pages[i])
          << "\" alt=\"Sayfa " << (i + 1) << "\" loading=\"lazy\"></a></li>\n";
      }
      h << "</ul>\n</details>\n";
    }
    h << "</div>\n</article>\n";
  }
  h << "</main>\n<footer>\n<p>Bu sayfa ve PDF dosyaları dizgi ile hazırlandı.</p>\n</footer>\n</body>\n</html>\n";
  return h.str();
}

std::string sitemap_xml(const std::vector<Book>& books, const SiteOptions& options) {
  std::string base = options.base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  char day[16] = "";
  if (options.updated.year > 0)
    std::snprintf(day, sizeof day, "%04d-%02d-%02d", options.updated.year, options.updated.month, options.updated.day);
  std::ostringstream x;
  x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    << "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  auto url = [&](const std::string& location) {
    x << "  <url><loc>" << escape(base + location) << "</loc>";
    if (day[0] != '\0') x << "<lastmod>" << day << "</lastmod>";
    x << "</url>\n";
  };
  url("index.html");
  for (const Book& book : books) url(url_of(book.pdf));
  x << "</urlset>\n";
  return x.str();
}

}  // namespace dizgi::publish
