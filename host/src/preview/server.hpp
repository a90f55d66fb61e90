// The preview's local web server (cpp-httplib): the page (spreads and diagnostics), the state as
// JSON and the page images, all from the Preview's latest snapshot.
//   GET /                 the page (page.cpp; Turkish, no external asset)
//   GET /api/status       generation, error, pages (label, size, signature), diagnostics
//   GET /page/N.png       page N (0-based) of the last good build
#pragma once

#include "preview/preview.hpp"

#include <string>

namespace dizgi::preview {

// The page the browser shows.
const std::string& page_html();

// The snapshot as the JSON /api/status answers.
std::string status_json(const Snapshot& snapshot);

class Server {
 public:
  explicit Server(const Preview& preview);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  // Binds `host` at `port` (0: a free port); returns the port, or -1 when it cannot bind.
  int bind(const std::string& host, int port);
  // Serves until stop() (blocks; run it on a thread of its own).
  void serve();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dizgi::preview
