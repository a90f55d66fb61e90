// dizgi preview: a book kept laid out while a designer edits it. A Preview watches the book's
// files (book.xml, the template, the texts, the data files, the fonts folder), lays the book out
// again through the build API when one changes — reusing the dataset when only texts or the
// template changed, and the page images of pages that did not change — and publishes each
// result as an immutable Snapshot the web server (preview/server.cpp) hands to the browser.
// A failed build keeps the last good pages and carries the error.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace dizgi::preview {

struct PageImage {
  std::shared_ptr<const std::string> png;  // shared with the next snapshot when unchanged
  int width_px = 0, height_px = 0;
  std::string label;  // the printed page number
  bool recto = true;
  std::uint64_t signature = 0;  // what was drawn: equal signatures, equal pictures
};

// A diagnostic with the page and the box (fractions of the page) of the block it names.
struct Marker {
  std::string severity;  // "error", "warning", "info"
  std::string code;
  std::string text;      // the one line dizgi prints
  int page = -1;         // 0-based, -1 when it names no placed block
  double x = 0, y = 0, w = 0, h = 0;
};

struct Snapshot {
  int generation = 0;      // 1 for the first build; grows with every build, good or failed
  int good_generation = 0;  // the build the pages come from
  bool ok = false;          // the last build succeeded
  std::string error;        // why it did not
  std::string title;
  bool facing = true;       // pages shown as spreads
  std::vector<PageImage> pages;
  std::vector<Marker> diagnostics;
  double layout_ms = 0;    // the last build: data (when needed), compose and layout
  double render_ms = 0;    // drawing the pages that changed
  int pages_drawn = 0;     // how many pages the last build drew again
  bool data_reloaded = false;
};

struct Options {
  double dpi = 96;              // the page images' resolution
  int poll_ms = 250;            // how often the files are looked at
  bool allow_outside = false;
};

class Preview {
 public:
  Preview(std::filesystem::path book, Options options);
  ~Preview();
  Preview(const Preview&) = delete;
  Preview& operator=(const Preview&) = delete;

  // Builds once (so that a snapshot exists), then watches and rebuilds until `stop` is set.
  // Runs on the calling thread: the font cache is single-threaded (DESIGN.md).
  void run(const std::atomic<bool>& stop);
  // Builds now (used by run, and by tests).
  void rebuild();
  // The latest snapshot (never null after the first rebuild); safe from any thread.
  std::shared_ptr<const Snapshot> snapshot() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
  mutable std::mutex mutex_;
  std::shared_ptr<const Snapshot> snapshot_;
};

}  // namespace dizgi::preview
