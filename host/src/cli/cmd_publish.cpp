// dizgi publish BOOK.xml|FILE.pdf ... -o SITE [--title TEXT] [--base-url URL] [--pages]
//
// Builds the web PDFs of the books through the job API (or takes PDFs already built) and writes
// the static site folder of publish/site.hpp: SITE/index.html, SITE/sitemap.xml and SITE/pdf/.
#include "cli/command.hpp"
#include "cli/print.hpp"
#include "job/job.hpp"
#include "publish/site.hpp"
#include "util/atomic_file.hpp"

#include <dizgi/diagnostics.hpp>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <set>

namespace {

namespace fs = std::filesystem;
using namespace dizgi;

void write_text(const fs::path& file, const std::string& text) {
  util::AtomicFile out(file);
  if (std::fwrite(text.data(), 1, text.size(), out.stream()) != text.size()) out.fail(errno);
  out.commit();
}

// Copies a PDF (or a thumbnail) into the site; the copy is complete or absent.
void copy_into_site(const fs::path& from, const fs::path& to) {
  std::FILE* in = std::fopen(from.c_str(), "rb");
  if (in == nullptr) throw Error(ErrorCode::io, Location{from.string()}, "cannot be read");
  util::AtomicFile out(to);
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
    if (std::fwrite(buffer, 1, n, out.stream()) != n) {
      std::fclose(in);
      out.fail(errno);
    }
  }
  const bool failed = std::ferror(in) != 0;
  std::fclose(in);
  if (failed) throw Error(ErrorCode::io, Location{from.string()}, "could not be read to the end");
  out.commit();
}

// The day the site is made: SOURCE_DATE_EPOCH when set (reproducible sites), else today.
Date today() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    long long seconds = 0;
    const char* end = epoch + std::char_traits<char>::length(epoch);
    if (std::from_chars(epoch, end, seconds).ec == std::errc()) now = static_cast<std::time_t>(seconds);
  }
  std::tm parts{};
  gmtime_r(&now, &parts);
  return Date{parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday};
}

// The thumbnails dizgi build wrote beside `pdf`: NAME.png and NAME-p001.png, ...
void take_thumbnails(const fs::path& pdf, const fs::path& site_pdf_dir, publish::Book& book) {
  fs::path cover = pdf;
  cover.replace_extension(".png");
  if (fs::is_regular_file(cover)) {
    copy_into_site(cover, site_pdf_dir / cover.filename());
    book.cover = fs::path("pdf") / cover.filename();
  }
  for (int page = 1; page <= 100000; ++page) {
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "-p%03d.png", page);
    const fs::path thumb = pdf.parent_path() / (pdf.stem().string() + suffix);
    if (!fs::is_regular_file(thumb)) break;
    copy_into_site(thumb, site_pdf_dir / thumb.filename());
    book.pages.push_back(fs::path("pdf") / thumb.filename());
  }
}

int run(const std::vector<std::string>& args) {
  fs::path site;
  publish::SiteOptions site_options;
  std::vector<fs::path> inputs;
  int width = 320;
  bool pages = false, quiet = false, strict = false;
  std::string profile = "web";
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if ((a == "-o" || a == "--output") && i + 1 < args.size()) site = args[++i];
    else if (a == "--title" && i + 1 < args.size()) site_options.title = args[++i];
    else if (a == "--base-url" && i + 1 < args.size()) site_options.base_url = args[++i];
    else if (a == "--profile" && i + 1 < args.size()) profile = args[++i];
    else if (a == "--pages") pages = true;
    else if (a == "--strict") strict = true;
    else if (a == "--quiet" || a == "-q") quiet = true;
    else if (a == "--thumbnail-width" && i + 1 < args.size()) {
      const std::string& value = args[++i];
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), width);
      if (ec != std::errc() || end != value.data() + value.size() || width < 16 || width > 4000)
        return cli::usage_error("publish: --thumbnail-width needs a width in pixels (16 to 4000)");
    } else if (!a.empty() && a[0] == '-') return cli::usage_error("publish: unknown option '" + a + "'");
    else inputs.emplace_back(a);
  }
  if (inputs.empty()) return cli::usage_error("publish: no book file or PDF given");
  if (site.empty()) return cli::usage_error("publish: no site folder given (-o SITE)");
  if (!site_options.base_url.empty() && site_options.base_url.rfind("https://", 0) != 0 &&
      site_options.base_url.rfind("http://", 0) != 0)
    return cli::usage_error("publish: --base-url must start with https:// or http://");
  site_options.updated = today();

  const fs::path pdf_dir = site / "pdf";
  std::error_code ec;
  fs::create_directories(pdf_dir, ec);
  if (ec) {
    std::cerr << format(Diagnostic{Severity::error, "io.output", Location{pdf_dir.string()},
                                   "the site folder cannot be created: " + ec.message(), ""})
              << "\n";
    return cli::exit_usage;
  }

  std::vector<publish::Book> books;
  std::set<fs::path> names;
  int exit_code = 0;
  std::unique_ptr<job::Session> session;  // made once, for the first book file
  for (const fs::path& input : inputs) {
    try {
      std::vector<fs::path> pdfs;  // the input's PDFs, where they are now
      int32_t year = 0;
      std::string title;
      if (input.extension() == ".pdf") {
        if (!fs::is_regular_file(input)) throw Error(ErrorCode::io, Location{input.string()}, "no such PDF file");
        copy_into_site(input, pdf_dir / input.filename());
        pdfs.push_back(input);
      } else {
        if (!session) session = std::make_unique<job::Session>();
        job::BuildOptions options;
        options.book = input;
        options.out_dir = pdf_dir;
        options.out_dir_given = true;
        options.profiles = {profile};
        options.strict = strict;
        options.thumbnail_width_px = width;
        options.thumbnail_every_page = pages;
        job::BuildResult result = session->build(options, [&](const std::string& step) {
          if (!quiet && cli::is_terminal_stderr()) std::cerr << "dizgi: " << step << "\n";
        });
        cli::print_diagnostics(result.diagnostics, std::cerr, {quiet, 5});
        exit_code = std::max(exit_code, result.exit_code());
        if (result.outcome == job::Outcome::input_error) continue;
        year = result.metadata.year;
        title = result.metadata.title;
        for (const job::OutputResult& output : result.outputs) pdfs.push_back(output.file);
      }
      for (const fs::path& pdf : pdfs) {
        if (!names.insert(pdf.filename()).second)
          throw Error(ErrorCode::usage, Location{pdf.string()}, "a second PDF named '" + pdf.filename().string() + "'",
                      "give each book its own output file name");
        const publish::PdfFacts facts = publish::read_pdf(pdf_dir / pdf.filename());
        publish::Book book;
        book.title = !facts.title.empty() ? facts.title : !title.empty() ? title : pdf.stem().string();
        book.year = year;
        book.pdf = fs::path("pdf") / pdf.filename();
        book.page_count = facts.page_count;
        book.bytes = fs::file_size(pdf_dir / pdf.filename());
        book.contents = facts.contents;
        if (input.extension() == ".pdf") {
          take_thumbnails(input, pdf_dir, book);
        } else {
          take_thumbnails(pdf_dir / pdf.filename(), pdf_dir, book);
        }
        if (!quiet) std::cout << "published " << book.pdf.string() << ": " << book.page_count << " pages\n";
        books.push_back(std::move(book));
      }
    } catch (const Error& error) {
      std::cerr << error.what() << "\n";
      exit_code = cli::exit_usage;
    }
  }
  if (books.empty()) {
    std::cerr << "dizgi: error: nothing to publish (hint: every book failed; see above)\n";
    return cli::exit_usage;
  }
  try {
    write_text(site / "index.html", publish::index_html(books, site_options));
    if (!quiet) std::cout << "wrote " << (site / "index.html").string() << ": " << books.size() << " books\n";
    if (!site_options.base_url.empty()) {
      write_text(site / "sitemap.xml", publish::sitemap_xml(books, site_options));
      if (!quiet) std::cout << "wrote " << (site / "sitemap.xml").string() << "\n";
    } else if (!quiet) {
      std::cout << "no sitemap: give --base-url (the address the folder will have) to write one\n";
    }
  } catch (const Error& error) {
    std::cerr << error.what() << "\n";
    return cli::exit_usage;
  }
  return exit_code;
}

}  // namespace

DIZGI_COMMAND("publish", "write a static website folder of the books' web PDFs",
              "usage: dizgi publish BOOK.xml|FILE.pdf ... -o SITE [--title TEXT] [--base-url URL]\n"
              "                     [--pages] [--thumbnail-width PX] [--profile NAME] [--strict] [--quiet]\n\n"
              "Builds the web PDF of every book file given (or takes PDFs already built, with the\n"
              "thumbnails 'dizgi build --thumbnails' wrote beside them) and writes a folder to copy\n"
              "to a website: SITE/index.html, an accessible Turkish page with each book's cover,\n"
              "title, year, page count, file size, a link to its PDF and its table of contents (from\n"
              "the PDF's bookmarks, each entry opening its page); SITE/pdf/ with the PDFs and the\n"
              "thumbnails; SITE/sitemap.xml when --base-url is given. No external assets, no script.\n\n"
              "  -o, --output SITE       the site folder (created when missing)\n"
              "  --title TEXT            the page's heading (default: Yayınlar)\n"
              "  --base-url URL          the address the folder will have, for the sitemap\n"
              "  --pages                 also a thumbnail of every page, linked to its page\n"
              "  --thumbnail-width PX    thumbnail width in pixels (default 320)\n"
              "  --profile NAME          the output profile to publish (default: web)\n"
              "  --strict                validation warnings and preflight errors fail (exit 1)\n"
              "  -q, --quiet             no progress, no notes\n\n"
              "SOURCE_DATE_EPOCH, when set, is the date the page shows (reproducible sites).\n"
              "exit codes: 0 success, 1 checks failed (--strict), 2 usage or input error\n",
              run);
