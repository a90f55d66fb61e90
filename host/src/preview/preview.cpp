#include "preview/preview.hpp"

#include "job/job.hpp"
#include "layout/template.hpp"
#include "render/pdf.hpp"

#include <dizgi/diagnostics.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace dizgi::preview {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// FNV-1a over what a page draws. Glyph runs point into the session's font cache, whose entries
// never move, so the same text shaped the same way hashes the same in every build.
struct Hasher {
  std::uint64_t value = 1469598103934665603ull;
  void bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) value = (value ^ p[i]) * 1099511628211ull;
  }
  template <typename T>
  void add(const T& scalar) {
    bytes(&scalar, sizeof scalar);
  }
  void add(const std::string& text) {
    add(text.size());
    bytes(text.data(), text.size());
  }
  void colour(const layout::Color& c) {
    add(c.r);
    add(c.g);
    add(c.b);
  }
};

void hash_element(Hasher& h, const layout::Placed& placed) {
  const layout::Element& e = *placed.element;
  h.add(placed.x);
  h.add(placed.y);
  h.add(e.height);
  for (const layout::Run& run : e.runs) {
    h.add(reinterpret_cast<std::uintptr_t>(run.shaped));
    h.add(run.x);
    h.add(run.baseline);
    h.colour(run.color);
  }
  for (const layout::Rect& r : e.rects) {
    h.add(r.x), h.add(r.y), h.add(r.w), h.add(r.h);
    h.colour(r.fill);
  }
  for (const layout::Rule& r : e.rules) {
    h.add(r.x0), h.add(r.y0), h.add(r.x1), h.add(r.y1), h.add(r.width_pt);
    h.colour(r.color);
  }
  for (const layout::Picture& p : e.pictures) {
    h.add(p.x), h.add(p.y), h.add(p.w), h.add(p.h);
    h.add(p.path);
  }
  for (const layout::FieldWidget& f : e.fields) {
    h.add(f.x), h.add(f.y), h.add(f.w), h.add(f.h);
    h.add(f.value);
  }
}

std::uint64_t signature(const layout::Page& page) {
  Hasher h;
  h.add(page.label);
  h.add(page.recto);
  h.add(page.full_page);
  h.add(page.footnote_height);
  for (const auto* list : {&page.content, &page.footnotes, &page.furniture}) {
    h.add(list->size());
    for (const layout::Placed& placed : *list) hash_element(h, placed);
  }
  return h.value;
}

// A page as PNG bytes: drawn into a private temporary file (the renderer writes files), read
// back and removed at once.
std::string png_of(const layout::LaidOutBook& book, int page, double dpi) {
  std::string pattern = (fs::temp_directory_path() / "dizgi-preview-XXXXXX").string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw Error(ErrorCode::io, Location{pattern}, std::string("cannot create a temporary file: ") + std::strerror(errno));
  ::close(fd);
  const fs::path file = pattern;
  struct Remove {
    fs::path file;
    ~Remove() {
      std::error_code ignored;
      fs::remove(file, ignored);
    }
  } remove{file};
  render::write_png(book, page, dpi, file);
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    default: return "info";
  }
}

using Stamps = std::map<fs::path, std::pair<fs::file_time_type, std::uintmax_t>>;

// The files of the book's folder (hidden folders and the PDFs and PNGs dizgi writes left out,
// at most 5000) and the template: what a change is looked for in.
Stamps stamps_of(const fs::path& dir, const fs::path& template_file) {
  Stamps stamps;
  std::error_code ec;
  auto stamp = [&](const fs::path& file) {
    std::error_code e1, e2;
    auto time = fs::last_write_time(file, e1);
    auto size = fs::file_size(file, e2);
    if (!e1 && !e2) stamps[file] = {time, size};
  };
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& path = it->path();
    const std::string name = path.filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    const std::string ext = path.extension().string();
    if (ext == ".pdf" || ext == ".png") continue;
    stamp(path);
    if (stamps.size() >= 5000) break;
  }
  if (!template_file.empty()) stamp(template_file);
  return stamps;
}

}  // namespace

struct Preview::State {
  fs::path book;
  Options options;
  job::Session session;
  std::unique_ptr<job::BookData> data;
  Stamps stamps;
  std::set<fs::path> light;  // the texts and the template: a change there keeps the dataset
  int generation = 0;
};

Preview::Preview(fs::path book, Options options) : state_(std::make_unique<State>()) {
  state_->book = fs::absolute(std::move(book));
  state_->options = options;
}

Preview::~Preview() = default;

std::shared_ptr<const Snapshot> Preview::snapshot() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return snapshot_;
}

void Preview::rebuild() {
  State& s = *state_;
  const Clock::time_point started = Clock::now();
  std::shared_ptr<const Snapshot> previous = snapshot();
  auto next = std::make_shared<Snapshot>();
  if (previous) *next = *previous;
  next->generation = ++s.generation;
  next->diagnostics.clear();
  next->pages_drawn = 0;
  next->render_ms = 0;
  next->data_reloaded = false;
  DiagnosticSink sink;
  std::map<std::string, std::pair<int, layout::Placed>> placed_by_origin;
  std::unique_ptr<job::LaidOut> laid;
  // What changed since the last look decides whether the data is read again.
  const fs::path dir = s.book.parent_path();
  Stamps now = stamps_of(dir, s.data ? s.data->project.template_file : fs::path());
  bool only_light = s.data != nullptr;
  for (const auto& [file, stamp] : now) {
    auto it = s.stamps.find(file);
    if (it != s.stamps.end() && it->second == stamp) continue;
    if (!s.light.count(file)) only_light = false;
  }
  for (const auto& [file, stamp] : s.stamps)
    if (!now.count(file)) only_light = false;
  s.stamps = std::move(now);
  try {
    if (only_light) {
      // Texts or the template: the project file again (it reads the texts), the same dataset.
      s.data->project = job::load_project(s.book, s.options.allow_outside);
    } else {
      job::DataRequest request;
      request.allow_outside = s.options.allow_outside;
      s.data.reset();
      auto data = std::make_unique<job::BookData>(s.session.load_data(s.book, request, sink));
      s.session.check_data(*data, false, sink);
      s.data = std::move(data);
      next->data_reloaded = true;
    }
    s.light.clear();
    s.light.insert(s.data->project.template_file);
    // The template may lie outside the book's folder: watched from the first build on.
    if (!s.data->project.template_file.empty() && !s.stamps.count(s.data->project.template_file)) {
      Stamps with_template = stamps_of(fs::path(), s.data->project.template_file);
      s.stamps.insert(with_template.begin(), with_template.end());
    }
    for (const auto& [id, file] : s.data->project.text_files) s.light.insert(s.data->project.dir / file);
    laid = s.session.lay_out(*s.data, sink);
    next->layout_ms = ms_since(started);
    const layout::LaidOutBook& book = *laid->book;
    if (book.pages.empty()) throw Error(ErrorCode::layout, Location{s.book.string()}, "the book has no pages");
    const Clock::time_point drawing = Clock::now();
    std::vector<PageImage> pages;
    pages.reserve(book.pages.size());
    const double scale = s.options.dpi / 72.0;
    const layout::PageMaster& master = book.style.page;
    for (std::size_t i = 0; i < book.pages.size(); ++i) {
      const layout::Page& page = book.pages[i];
      PageImage image;
      image.signature = signature(page);
      image.label = page.label;
      image.recto = page.recto;
      image.width_px = static_cast<int>(layout::mm_to_pt(master.width_mm) * scale + 0.5);
      image.height_px = static_cast<int>(layout::mm_to_pt(master.height_mm) * scale + 0.5);
      if (previous && i < previous->pages.size() && previous->pages[i].signature == image.signature) {
        image.png = previous->pages[i].png;
      } else {
        image.png = std::make_shared<const std::string>(png_of(book, static_cast<int>(i), s.options.dpi));
        ++next->pages_drawn;
      }
      pages.push_back(std::move(image));
      for (const auto* list : {&page.content, &page.furniture}) {
        for (const layout::Placed& placed : *list) {
          if (!placed.element->origin.empty())
            placed_by_origin.emplace(placed.element->origin, std::make_pair(static_cast<int>(i), placed));
        }
      }
    }
    next->render_ms = ms_since(drawing);
    next->pages = std::move(pages);
    next->ok = true;
    next->error.clear();
    next->good_generation = next->generation;
    next->title = laid->document.metadata.title;
    next->facing = master.facing;
    // Each diagnostic with the page and box of the block it names.
    for (const Diagnostic& d : sink.diagnostics()) {
      Marker m;
      m.severity = severity_name(d.severity);
      m.code = d.code;
      m.text = format(d);
      auto it = placed_by_origin.find(to_string(d.location));
      if (it != placed_by_origin.end()) {
        const auto& [page_index, placed] = it->second;
        const layout::Page& page = book.pages[static_cast<std::size_t>(page_index)];
        const double page_w = layout::mm_to_pt(master.width_mm), page_h = layout::mm_to_pt(master.height_mm);
        double left = 0, top = 0, width = page_w;
        if (!page.full_page) {
          left = layout::mm_to_pt(page.recto || !master.facing ? master.inner_mm : master.outer_mm);
          top = layout::mm_to_pt(master.top_mm);
          width = page_w - layout::mm_to_pt(master.inner_mm + master.outer_mm);
        }
        m.page = page_index;
        m.x = (left + placed.x) / page_w;
        m.y = (top + placed.y) / page_h;
        m.w = std::max(0.0, width - placed.x) / page_w;
        m.h = std::max(placed.element->height, 4.0) / page_h;
      }
      next->diagnostics.push_back(std::move(m));
    }
  } catch (const Error& error) {
    next->ok = false;
    next->error = error.what();
    for (const Diagnostic& d : sink.diagnostics()) next->diagnostics.push_back({severity_name(d.severity), d.code, format(d)});
  } catch (const std::exception& error) {
    next->ok = false;
    next->error = std::string("dizgi: error: ") + error.what();
  }
  if (!next->ok) next->layout_ms = ms_since(started);
  std::lock_guard<std::mutex> lock(mutex_);
  snapshot_ = std::move(next);
}

void Preview::run(const std::atomic<bool>& stop) {
  rebuild();
  while (!stop.load()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(state_->options.poll_ms));
    const fs::path template_file = state_->data ? state_->data->project.template_file : fs::path();
    if (stamps_of(state_->book.parent_path(), template_file) != state_->stamps) rebuild();
  }
}

}  // namespace dizgi::preview
