#include "preview/server.hpp"

#include "util/json.hpp"

#include <httplib.h>

#include <charconv>
#include <sstream>

namespace dizgi::preview {

std::string status_json(const Snapshot& s) {
  using util::json_escape;  // writes the quotes too
  auto flag = [](bool b) { return b ? "true" : "false"; };
  std::ostringstream j;
  j << "{\"generation\":" << s.generation << ",\"good_generation\":" << s.good_generation
    << ",\"ok\":" << flag(s.ok) << ",\"error\":" << json_escape(s.error) << ",\"title\":" << json_escape(s.title)
    << ",\"facing\":" << flag(s.facing) << ",\"layout_ms\":" << util::json_number(s.layout_ms, 1)
    << ",\"render_ms\":" << util::json_number(s.render_ms, 1) << ",\"pages_drawn\":" << s.pages_drawn
    << ",\"data_reloaded\":" << flag(s.data_reloaded) << ",\"pages\":[";
  for (std::size_t i = 0; i < s.pages.size(); ++i) {
    const PageImage& p = s.pages[i];
    if (i > 0) j << ",";
    j << "{\"label\":" << json_escape(p.label) << ",\"recto\":" << flag(p.recto) << ",\"width\":" << p.width_px
      << ",\"height\":" << p.height_px << ",\"signature\":\"" << std::hex << p.signature << std::dec << "\"}";
  }
  j << "],\"diagnostics\":[";
  for (std::size_t i = 0; i < s.diagnostics.size(); ++i) {
    const Marker& m = s.diagnostics[i];
    if (i > 0) j << ",";
    j << "{\"severity\":\"" << m.severity << "\",\"code\":" << json_escape(m.code) << ",\"text\":"
      << json_escape(m.text) << ",\"page\":" << m.page << ",\"box\":[" << util::json_number(m.x, 4) << ","
      << util::json_number(m.y, 4) << "," << util::json_number(m.w, 4) << "," << util::json_number(m.h, 4) << "]}";
  }
  j << "]}";
  return j.str();
}

struct Server::Impl {
  explicit Impl(const Preview& p) : preview(p) {}
  const Preview& preview;
  httplib::Server http;
};

Server::Server(const Preview& preview) : impl_(std::make_unique<Impl>(preview)) {
  httplib::Server& http = impl_->http;
  const Preview* source = &preview;
  http.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(page_html(), "text/html; charset=utf-8");
    res.set_header("Cache-Control", "no-store");
  });
  http.Get("/api/status", [source](const httplib::Request&, httplib::Response& res) {
    std::shared_ptr<const Snapshot> s = source->snapshot();
    res.set_content(s ? status_json(*s) : std::string("{\"generation\":0}"), "application/json");
    res.set_header("Cache-Control", "no-store");
  });
  http.Get(R"(/page/(\d+)\.png)", [source](const httplib::Request& req, httplib::Response& res) {
    std::shared_ptr<const Snapshot> s = source->snapshot();
    const std::string number = req.matches[1];
    std::size_t index = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), index);
    if (!s || ec != std::errc() || index >= s->pages.size() || !s->pages[index].png) {
      res.status = 404;
      res.set_content("no such page", "text/plain");
      return;
    }
    // The address carries the page's signature (?v=...): a changed page is a new address.
    res.set_content(*s->pages[index].png, "image/png");
    res.set_header("Cache-Control", "max-age=3600");
  });
  // The page, the JSON and the images: nothing else is served.
  http.set_keep_alive_max_count(100);
}

Server::~Server() = default;

int Server::bind(const std::string& host, int port) {
  if (port == 0) return impl_->http.bind_to_any_port(host.c_str());
  return impl_->http.bind_to_port(host.c_str(), port) ? port : -1;
}

void Server::serve() { impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

}  // namespace dizgi::preview
