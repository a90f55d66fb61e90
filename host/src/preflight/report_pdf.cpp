#include "preflight/report_pdf.hpp"

#include <dizgi/diagnostics.hpp>

#include "preflight/ink.hpp"
#include "util/atomic_file.hpp"

#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <SplashOutputDev.h>
#include <splash/SplashBitmap.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <chrono>
#include <locale>
#include <map>
#include <memory>
#include <sstream>

namespace dizgi::preflight {

namespace {

constexpr double page_width = 595.28;   // A4, points
constexpr double page_height = 841.89;
constexpr double margin = 40;
constexpr double line_height = 12;

std::string decimal(double value) {
  std::ostringstream os;
  os.imbue(std::locale::classic());
  os.setf(std::ios::fixed);
  os.precision(1);
  os << value;
  return os.str();
}

void set_severity_colour(cairo_t* cr, Severity severity) {
  if (severity == Severity::error) cairo_set_source_rgb(cr, 0.85, 0, 0);
  else if (severity == Severity::warning) cairo_set_source_rgb(cr, 0.8, 0.45, 0);
  else cairo_set_source_rgb(cr, 0.2, 0.3, 0.6);
}

// Writes lines of text, starting new report pages as needed; returns the y after the last line.
class TextWriter {
 public:
  TextWriter(cairo_t* cr, double y) : cr_(cr), y_(y) {}
  void line(const std::string& text, double size = 9, bool bold = false) {
    if (y_ + line_height > page_height - margin) {
      cairo_show_page(cr_);
      y_ = margin;
    }
    cairo_select_font_face(cr_, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr_, size);
    cairo_move_to(cr_, margin, y_ + size);
    // Long messages are cut at the right margin by a simple character budget.
    std::string shown = text;
    const std::size_t budget = static_cast<std::size_t>((page_width - 2 * margin) / (size * 0.5));
    if (shown.size() > budget) shown = shown.substr(0, budget - 3) + "...";
    cairo_show_text(cr_, shown.c_str());
    y_ += std::max(line_height, size + 4);
  }
  void skip(double dy) { y_ += dy; }

 private:
  cairo_t* cr_;
  double y_;
};

std::string finding_line(int index, const Finding& finding) {
  std::string text = std::to_string(index) + ". " + to_string(finding.severity) + " " + finding.id +
                     ": " + finding.message;
  if (finding.bbox_mm) {
    const auto& b = *finding.bbox_mm;
    text += " [" + decimal(b[0]) + ", " + decimal(b[1]) + " - " + decimal(b[2]) + ", " + decimal(b[3]) + " mm]";
  }
  return text;
}

}  // namespace

namespace {

// Thumbnails share the check's time limit: Poppler asks between operators whether to stop.
struct ReportDeadline {
  std::chrono::steady_clock::time_point until;
  bool passed = false;
};

bool report_late(void* data) {
  auto* deadline = static_cast<ReportDeadline*>(data);
  if (!deadline->passed && std::chrono::steady_clock::now() > deadline->until) deadline->passed = true;
  return deadline->passed;
}

}  // namespace

void write_report_pdf(const std::filesystem::path& pdf, const Report& report,
                      const std::filesystem::path& output, double timeout_seconds) {
  ReportDeadline deadline;
  deadline.until = std::chrono::steady_clock::now() +
                   std::chrono::milliseconds(static_cast<long long>(std::max(timeout_seconds, 0.0) * 1000));
  util::AtomicFile file(output);
  cairo_surface_t* surface =
      cairo_pdf_surface_create(file.temp_path().c_str(), page_width, page_height);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    Location location;
    location.file = output.string();
    throw Error(ErrorCode::io, location, "cannot write the preflight report");
  }
  cairo_t* cr = cairo_create(surface);

  // Summary page.
  {
    TextWriter text(cr, margin);
    cairo_set_source_rgb(cr, 0, 0, 0);
    text.line("Preflight report", 18, true);
    text.line(report.file, 10);
    text.line("profile " + report.profile + ", " + std::to_string(report.pages) + " pages", 10);
    text.line(std::to_string(report.errors()) + " errors, " + std::to_string(report.warnings()) +
                  " warnings, " + std::to_string(report.infos()) + " info: " +
                  (report.could_not_check ? "NOT CHECKED" : report.errors() > 0 ? "FAIL" : "PASS"),
              12, true);
    text.skip(8);
    text.line("Document", 11, true);
    int index = 0;
    for (const Finding& finding : report.findings) {
      if (finding.page) continue;
      set_severity_colour(cr, finding.severity);
      text.line(finding_line(++index, finding));
    }
    if (index == 0) text.line("no document-level findings");
    cairo_show_page(cr);
  }

  // Pages with findings.
  std::map<int, std::vector<const Finding*>> by_page;
  for (const Finding& finding : report.findings) {
    if (finding.page) by_page[*finding.page].push_back(&finding);
  }
  std::unique_ptr<PDFDoc> doc;
  if (!by_page.empty() && !report.could_not_check) {
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    doc = std::make_unique<PDFDoc>(std::make_unique<GooString>(pdf.string()));
    if (!doc->isOk()) doc.reset();
  }
  std::unique_ptr<BoundedSplashOutputDev> splash;
  if (doc) {
    SplashColor paper;
    paper[0] = paper[1] = paper[2] = 255;
    paper[3] = 0;
    splash = std::make_unique<BoundedSplashOutputDev>(splashModeXBGR8, 4, false, paper);
    splash->startDoc(doc.get());
  }
  for (const auto& [number, findings] : by_page) {
    TextWriter header(cr, margin);
    cairo_set_source_rgb(cr, 0, 0, 0);
    header.line("Page " + std::to_string(number), 14, true);
    double list_y = margin + 30;
    Page* page = doc && number <= doc->getNumPages() ? doc->getPage(number) : nullptr;
    if (page != nullptr && report_late(&deadline)) {
      header.line("thumbnail not drawn: the time limit (--timeout) passed", 9);
      page = nullptr;
    }
    if (page != nullptr) {
      const PDFRectangle* media = page->getMediaBox();
      const double width_pt = media->x2 - media->x1, height_pt = media->y2 - media->y1;
      const double box_w = page_width - 2 * margin, box_h = page_height * 0.55;
      const double scale = std::min(box_w / width_pt, box_h / height_pt);
      const double dpi = std::clamp(72 * scale * 1.5, 10.0, 150.0);
      const int rotate = (360 - page->getRotate()) % 360;
      doc->displayPageSlice(splash.get(), number, dpi, dpi, rotate, true, false, true, -1, -1, -1, -1,
                            report_late, &deadline);
      SplashBitmap* bitmap = splash->getBitmap();
      const double x0 = margin, y0 = margin + 30;
      if (bitmap != nullptr && bitmap->getWidth() > 0) {
        cairo_surface_t* image = cairo_image_surface_create_for_data(
            bitmap->getDataPtr(), CAIRO_FORMAT_RGB24, bitmap->getWidth(), bitmap->getHeight(),
            bitmap->getRowSize());
        cairo_save(cr);
        cairo_translate(cr, x0, y0);
        const double image_scale = width_pt * scale / bitmap->getWidth();
        cairo_scale(cr, image_scale, image_scale);
        cairo_set_source_surface(cr, image, 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
        cairo_surface_destroy(image);
      }
      cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
      cairo_set_line_width(cr, 0.5);
      cairo_rectangle(cr, x0, y0, width_pt * scale, height_pt * scale);
      cairo_stroke(cr);
      // Outline each finding in red and number it.
      int index = 0;
      for (const Finding* finding : findings) {
        ++index;
        if (!finding->bbox_mm) continue;
        const auto& b = *finding->bbox_mm;
        const double k = 72 / 25.4 * scale;
        const double rx = x0 + b[0] * k, ry = y0 + (height_pt * scale - b[3] * k);
        const double rw = std::max((b[2] - b[0]) * k, 2.0), rh = std::max((b[3] - b[1]) * k, 2.0);
        cairo_set_source_rgb(cr, 0.9, 0, 0);
        cairo_set_line_width(cr, 1);
        cairo_rectangle(cr, rx, ry, rw, rh);
        cairo_stroke(cr);
        cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
        cairo_set_font_size(cr, 8);
        cairo_move_to(cr, rx + 1, ry - 2 < y0 + 8 ? ry + 9 : ry - 2);
        cairo_show_text(cr, std::to_string(index).c_str());
      }
      list_y = y0 + height_pt * scale + 16;
    }
    TextWriter list(cr, list_y);
    int index = 0;
    for (const Finding* finding : findings) {
      set_severity_colour(cr, finding->severity);
      list.line(finding_line(++index, *finding));
    }
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    Location location;
    location.file = output.string();
    throw Error(ErrorCode::io, location, std::string("cannot write the preflight report: ") +
                                             cairo_status_to_string(status));
  }
  file.commit();
}

}  // namespace dizgi::preflight
