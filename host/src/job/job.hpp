// The build API: what `dizgi build` and `dizgi data` (and later batch builds and a live preview)
// call. A Session holds what is expensive to set up and can serve any number of books, one after
// another: the plugin host (every plugin library found, loaded once) and the font cache (one
// text::Shaper: fontconfig's fonts and the shaped fragments). A build returns its outputs and
// its diagnostics as values; it prints nothing and picks no exit code, so the CLI only parses
// arguments and prints (docs/architecture.md, "job").
//
//   job::Session session;                       // loads the plugins once
//   job::BuildResult a = session.build({"a/book.xml", "out/a"});
//   job::BuildResult b = session.build({"b/book.xml", "out/b"});
//   for (const job::OutputResult& o : a.outputs) ...  // file, pages, preflight counts
//
// Host-internal (not part of the SDK): plugins never build books. Not thread-safe: one Session
// per thread (the Shaper is single-threaded, DESIGN.md).
#pragma once

#include "data/validate.hpp"
#include "layout/page_model.hpp"
#include "project/project.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/dataset.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace dizgi::plugin {
class Host;
}

namespace dizgi::job {

// How the data of a book is read (shared by `build` and `data`).
struct DataRequest {
  bool allow_outside = false;  // paths in book.xml may leave the book's folder
  // The reported year of the derived tables; 0: the book's (layout parameter "yil", else the
  // year of its metadata), else the latest year with year-end measurements.
  int32_t year = 0;
};

// A book's project file and its data: every <source> through its plugin, then the derived
// tables (host/src/data/derived.hpp), exactly as the build gives them to the layout.
struct BookData {
  project::Project project;
  Dataset dataset;
  int32_t year = 0;  // the reported year the derived tables were made for (0: none)
};

// The project file alone, read with the template lookup every command uses (so a book that
// builds also loads in `data`, `publish` and `preview`). Throws dizgi::Error like load_data.
project::Project load_project(const std::filesystem::path& book, bool allow_outside);

struct BuildOptions {
  std::filesystem::path book;
  std::filesystem::path out_dir = "out";
  bool out_dir_given = false;  // named by the user (-o): it may be a symbolic link
  std::vector<std::string> profiles;  // empty: every <output> of the book
  bool allow_outside = false;
  bool strict = false;     // data validation warnings and preflight errors fail the build
  bool preflight = true;
  bool preview = true;     // write a cover thumbnail PNG beside each PDF whose profile asks for one
  int thumbnail_width_px = 0;         // --thumbnails WIDTH (0: the default 48 dpi)
  bool thumbnail_every_page = false;  // --thumbnails WIDTH:all
};

// One PDF written (temporary file renamed into place once complete).
struct OutputResult {
  std::string profile;                 // the output profile, as the book or --profile names it
  std::filesystem::path file;
  std::filesystem::path preview;       // the cover thumbnail, or empty
  int pages = 0;
  int passes = 0;                      // layout passes until page numbers were stable
  int blank_pages_added = 0;           // padding to the profile's binding
  int blank_pages_dropped = 0;         // blank versos the profile leaves out
  std::string binding;                 // the profile's binding name
  bool preflighted = false;
  std::string preflight_profile;
  std::size_t preflight_errors = 0, preflight_warnings = 0, preflight_notes = 0;
};

enum class Outcome {
  invalid = 0,
  ok,             // written; warnings, if any, are in `diagnostics`
  checks_failed,  // written, but --strict found data warnings or preflight errors
  input_error     // nothing (more) written: the book, its data or a plugin is wrong
};

struct BuildResult {
  Outcome outcome = Outcome::invalid;
  std::vector<OutputResult> outputs;
  doc::Metadata metadata;  // the composed book's title, year, ... (for pages that list books)
  // In the order they arose; an error that stopped the build is the last one.
  std::vector<Diagnostic> diagnostics;
  double duration_ms = 0;
  // DESIGN.md: 0 success, 1 checks failed, 2 usage or input error.
  int exit_code() const;
};

// A book laid out for the screen (dizgi preview): the page model without PDFs. The pages point
// into the document, the template and the session's font cache: keep this object and the
// session alive while the pages are used.
struct LaidOut {
  doc::Document document;
  layout::Template style;
  std::unique_ptr<layout::LaidOutBook> book;
};

// Called with one line per step ("reading the data of book.xml") while a build runs.
using Progress = std::function<void(const std::string& step)>;

class Session {
 public:
  // Loads the plugins of the default search path (plugin::Host::default_search_paths); problems
  // with a library become warnings in load_diagnostics(), and the session goes on without it.
  // Points fontconfig at dizgi's own fonts unless FONTCONFIG_FILE is set.
  Session();
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // The project file and the data of a book. Throws dizgi::Error (the book, a source or a
  // plugin is wrong); warnings go to `sink`.
  BookData load_data(const std::filesystem::path& book, const DataRequest& request, DiagnosticSink& sink);

  // The data rules of the standard schema (weights, deviations, budget identities) for the
  // book's year; every finding goes to `sink` (with `strict`, warnings are errors). Never throws
  // for bad data. The build runs it after load_data; `dizgi data --check` runs only this.
  data::ValidateSummary check_data(const BookData& data, bool strict, DiagnosticSink& sink) const;

  // Loads, composes, lays out, renders, post-processes and preflights one book. Never throws for
  // a wrong book: the error is the last diagnostic and the outcome input_error; outputs written
  // before it stay listed. A previous PDF at an output's place is replaced only by a complete one.
  // A book with <batch> is the book of its layout parameter as written (an error without it).
  BuildResult build(const BuildOptions& options, const Progress& progress = {});

  // The same from data loaded with load_data (and checked by the caller: the data rules do not
  // run again), so that many books share one loading. `options.book` names the book in messages
  // and gives the default PDF names. For batch builds (job/batch.hpp).
  BuildResult build(const BookData& data, const BuildOptions& options, const Progress& progress = {});

  // Composes (the layout plugin) and lays out the book whose data is `data`, shaped with the
  // session's font cache; no PDF is written. Throws dizgi::Error as load_data does; content
  // problems are diagnostics in `sink`. For a live preview: load the data once, lay out again on
  // every change of a text or the template.
  std::unique_ptr<LaidOut> lay_out(const BookData& data, DiagnosticSink& sink);

  const plugin::Host& plugins() const;
  // The diagnostics of loading the plugins (once per session).
  const std::vector<Diagnostic>& load_diagnostics() const;
  // How many times the plugin folders were scanned and loaded: 1 for the session's lifetime.
  int plugin_loads() const;
  // How many books this session has laid out with its one font cache.
  int books_shaped() const;

 private:
  BuildResult guarded_build(const BuildOptions& options, const std::function<void(DiagnosticSink&, BuildResult&)>& work);
  class Members;
  std::unique_ptr<Members> m;
};

}  // namespace dizgi::job
