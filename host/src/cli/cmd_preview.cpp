// dizgi preview BOOK.xml [--port N] [--host ADDRESS] [--dpi N]
//
// Starts the live preview (preview/preview.hpp) and its local web server (preview/server.hpp),
// prints the address and serves until interrupted. Opens no browser by itself.
#ifdef DIZGI_HAVE_PREVIEW
#include "cli/command.hpp"
#include "preview/preview.hpp"
#include "preview/server.hpp"

#include <atomic>
#include <charconv>
#include <csignal>
#include <iostream>
#include <thread>

namespace {

std::atomic<bool> stop_requested{false};

extern "C" void request_stop(int) { stop_requested.store(true); }

bool parse_int(const std::string& text, int low, int high, int& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && out >= low && out <= high;
}

int run(const std::vector<std::string>& args) {
  std::string book, host = "127.0.0.1";
  int port = 0, dpi = 96;
  dizgi::preview::Options options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--port" && i + 1 < args.size()) {
      if (!parse_int(args[++i], 0, 65535, port)) return dizgi::cli::usage_error("preview: --port needs 0 to 65535");
    } else if (a == "--host" && i + 1 < args.size()) {
      host = args[++i];
    } else if (a == "--dpi" && i + 1 < args.size()) {
      if (!parse_int(args[++i], 36, 300, dpi)) return dizgi::cli::usage_error("preview: --dpi needs 36 to 300");
    } else if (a == "--allow-outside") {
      options.allow_outside = true;
    } else if (!a.empty() && a[0] == '-') {
      return dizgi::cli::usage_error("preview: unknown option '" + a + "'");
    } else if (book.empty()) {
      book = a;
    } else {
      return dizgi::cli::usage_error("preview: more than one book file given");
    }
  }
  if (book.empty()) return dizgi::cli::usage_error("preview: no book file given");
  options.dpi = dpi;

  dizgi::preview::Preview preview(book, options);
  dizgi::preview::Server server(preview);
  const int bound = server.bind(host, port);
  if (bound <= 0) {
    std::cerr << "dizgi: error: preview cannot listen on " << host << ":" << port
              << " (hint: the port is taken or the address is not this machine's; try --port 0)\n";
    return dizgi::cli::exit_usage;
  }
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  std::thread serving([&] { server.serve(); });
  std::cout << "dizgi preview: http://" << host << ":" << bound << "/ (Ctrl-C stops)" << std::endl;
  preview.run(stop_requested);  // builds on this thread: the font cache is single-threaded
  server.stop();
  serving.join();
  return dizgi::cli::exit_ok;
}

}  // namespace

DIZGI_COMMAND("preview", "show a book in the browser, laid out again on every change",
              "usage: dizgi preview BOOK.xml [--port N] [--host ADDRESS] [--dpi N] [--allow-outside]\n\n"
              "Lays the book out, starts a local web server and prints its address; open it in a\n"
              "browser. The page shows the book as spreads at a chosen zoom with the warnings and\n"
              "errors beside it (a click shows the block on its page). book.xml, the template, the\n"
              "texts, the data files and the fonts folder are watched: a change lays the book out\n"
              "again (the data is read again only when a data file or book.xml changed) and the page\n"
              "follows by itself. A build that fails keeps the last good pages and shows the error.\n\n"
              "  --port N          the port (default 0: a free one)\n"
              "  --host ADDRESS    the address to listen on (default 127.0.0.1: this machine only)\n"
              "  --dpi N           the page images' resolution (default 96)\n"
              "  --allow-outside   allow paths that leave the book's folder\n\n"
              "Stops on Ctrl-C (exit 0). Exit 2 when the address cannot be used.\n",
              run);
#endif
