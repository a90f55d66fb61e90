#include "render/pdf.hpp"

#include "image/image.hpp"
#include "render/marks.hpp"
#include "util/parallel.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/version.hpp>

#include <cairo-pdf.h>
#include <hb.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <fcntl.h>
#include <unistd.h>
#include <string>
#include <vector>

namespace dizgi::render {

namespace {

using layout::mm_to_pt;

// Cairo writes through this, so a failed write keeps its cause (errno) for the message.
struct FileWriter {
  std::FILE* file = nullptr;
  int error_number = 0;
};

cairo_status_t write_to_file(void* closure, const unsigned char* data, unsigned int length) {
  auto* writer = static_cast<FileWriter*>(closure);
  if (std::fwrite(data, 1, length, writer->file) != length) {
    writer->error_number = errno != 0 ? errno : EIO;
    return CAIRO_STATUS_WRITE_ERROR;
  }
  return CAIRO_STATUS_SUCCESS;
}

// Closes the file and throws Error(ErrorCode::io) naming `file` with the real cause when
// Cairo (`status`) or the close failed.
void close_checked(FileWriter& writer, cairo_status_t status, const std::filesystem::path& file,
                   const char* what) {
  bool closed = std::fclose(writer.file) == 0;
  int close_error = errno;
  writer.file = nullptr;
  // Cairo does not always pass a failed write on to the surface status: the writer's errno is
  // the authority.
  if (status == CAIRO_STATUS_WRITE_ERROR || writer.error_number != 0 || !closed) {
    int cause = writer.error_number != 0 ? writer.error_number : close_error;
    throw Error(ErrorCode::io, Location{file.string()},
                std::string("cannot write ") + what + ": " + std::strerror(cause),
                "free space or fix the output folder and retry");
  }
  if (status != CAIRO_STATUS_SUCCESS) {
    throw Error(ErrorCode::render, Location{file.string()},
                std::string("cannot write ") + what + ": " + cairo_status_to_string(status));
  }
}

// Opens `file` (a temporary file made by the caller) for writing; never through a link.
std::FILE* open_for_cairo(const std::filesystem::path& file, const char* what) {
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
  std::FILE* out = fd >= 0 ? ::fdopen(fd, "wb") : nullptr;
  if (!out) {
    if (fd >= 0) ::close(fd);
    throw Error(ErrorCode::io, Location{file.string()}, std::string("cannot write ") + what + ": " + std::strerror(errno));
  }
  return out;
}

void set_color(cairo_t* cr, const layout::Color& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

// Through Pango, piece by piece. A run with font expansion is drawn in a horizontally scaled
// space (letter-spacing is left out here: only pieces Pango must draw itself come this way).
void draw_run(cairo_t* cr, const layout::Run& run, double ox, double oy) {
  if (!run.shaped) return;
  set_color(cr, run.color);
  const bool scaled = run.x_scale != 1;
  if (scaled) {
    cairo_save(cr);
    cairo_translate(cr, ox + run.x, 0);
    cairo_scale(cr, run.x_scale, 1);
  }
  double x = scaled ? 0 : ox + run.x;
  for (const text::ShapedPiece& piece : run.shaped->pieces) {
    cairo_move_to(cr, x, oy + run.baseline);
    if (piece.owns_item) {
      pango_cairo_show_glyph_item(cr, run.shaped->text.c_str(), const_cast<PangoGlyphItem*>(&piece.glyph_item));
    } else {  // a figure: its font's shared item, given the figure's extent (ASCII: bytes are characters)
      PangoGlyphItem own = piece.glyph_item;
      own.item = pango_item_copy(piece.glyph_item.item);
      own.item->offset = piece.offset;
      own.item->length = piece.length;
      own.item->num_chars = piece.length;
      pango_cairo_show_glyph_item(cr, run.shaped->text.c_str(), &own);
      pango_item_free(own.item);
    }
    x += piece.width_pt;
  }
  if (scaled) cairo_restore(cr);
}

// Characters (code points) in bytes [begin, end) of `text`: letter-spacing goes after each.
int characters(const std::string& text, int begin, int end) {
  int count = 0;
  for (int i = begin; i < end; ++i) count += (static_cast<unsigned char>(text[static_cast<std::size_t>(i)]) & 0xC0) != 0x80;
  return count;
}

// Consecutive runs of one line in one font and colour are drawn as a single glyph show: each
// show is an operation that Cairo records, analyses (with region arithmetic) and writes, so one
// per word fragment made rendering the slowest stage. Glyph positions are computed exactly as
// pango_cairo_show_glyph_item computes them, and the text/cluster mapping is kept, so the page
// and its extracted text are unchanged. Pieces Pango must draw itself (missing-glyph boxes,
// empty glyphs, right-to-left items) still go through Pango.
class GlyphBatch {
 public:
  explicit GlyphBatch(cairo_t* cr) : cr_(cr) {}
  ~GlyphBatch() { flush(); }
  GlyphBatch(const GlyphBatch&) = delete;
  GlyphBatch& operator=(const GlyphBatch&) = delete;

  // Adds the run when it can be batched; false means the caller draws it through Pango.
  bool add(const layout::Run& run, double ox, double oy) {
    for (const text::ShapedPiece& piece : run.shaped->pieces) {
      if (!piece.plain) return false;
    }
    double x = ox + run.x;
    double y = oy + run.baseline;
    for (const text::ShapedPiece& piece : run.shaped->pieces) {
      PangoFont* font = piece.font;
      if (count_ > 0 && (font != font_ || y != y_ || !same(run.color) || run.x_scale != x_scale_)) flush();
      if (count_ == 0) {
        font_ = font;
        y_ = y;
        color_ = run.color;
        x_scale_ = run.x_scale;
      }
      append(run, piece, x, y);
      x += piece.width_pt * run.x_scale;
      if (run.letter_space_pt != 0)
        x += run.letter_space_pt * characters(run.shaped->text, piece.offset, piece.offset + piece.length);
    }
    return true;
  }

  // A space glyph at `x`, after the glyphs added so far and in their font: the break between
  // two words the layout set apart becomes a character, for text extraction and screen
  // readers. It draws nothing.
  void space(double x) {
    if (count_ == 0) return;
    hb_codepoint_t glyph = 0;
    hb_font_t* font = pango_font_get_hb_font(font_);
    if (!font || !hb_font_get_nominal_glyph(font, ' ', &glyph)) return;
    glyphs_.push_back(cairo_glyph_t{glyph, x, y_});
    clusters_.push_back(cairo_text_cluster_t{1, 1});
    text_ += ' ';
    ++count_;
  }

  void flush() {
    if (count_ == 0) return;
    cairo_set_source_rgb(cr_, color_.r, color_.g, color_.b);
    cairo_set_scaled_font(cr_, pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font_)));
    if (x_scale_ != 1) {  // font expansion: the font matrix is scaled, the positions are set
      cairo_matrix_t matrix;
      cairo_get_font_matrix(cr_, &matrix);
      cairo_matrix_scale(&matrix, x_scale_, 1);
      cairo_set_font_matrix(cr_, &matrix);
    }
    cairo_show_text_glyphs(cr_, text_.data(), static_cast<int>(text_.size()), glyphs_.data(), count_,
                           clusters_.data(), static_cast<int>(clusters_.size()), cairo_text_cluster_flags_t(0));
    text_.clear();
    glyphs_.clear();
    clusters_.clear();
    count_ = 0;
  }

 private:
  bool same(const layout::Color& c) const { return c.r == color_.r && c.g == color_.g && c.b == color_.b; }

  // Glyph positions are scaled with the run; letter-spacing adds its space after every character
  // before the glyph's cluster (the run's first character starts at `base_x`).
  void append(const layout::Run& run, const text::ShapedPiece& piece, double base_x, double base_y) {
    const std::string& text = run.shaped->text;
    const PangoGlyphString* glyphs = piece.glyph_item.glyphs;
    int x_position = 0;
    for (int i = 0; i < glyphs->num_glyphs; ++i) {
      const PangoGlyphInfo& gi = glyphs->glyphs[i];
      cairo_glyph_t glyph;
      glyph.index = gi.glyph;
      glyph.x = base_x + run.x_scale * static_cast<double>(x_position + gi.geometry.x_offset) / PANGO_SCALE;
      if (run.letter_space_pt != 0)
        glyph.x += run.letter_space_pt * characters(text, piece.offset, piece.offset + glyphs->log_clusters[i]);
      glyph.y = gi.geometry.y_offset == 0 ? base_y : base_y + static_cast<double>(gi.geometry.y_offset) / PANGO_SCALE;
      glyphs_.push_back(glyph);
      x_position += gi.geometry.width;
    }
    // Clusters in logical order: glyphs sharing a log_clusters value form one cluster.
    int i = 0;
    while (i < glyphs->num_glyphs) {
      int start = glyphs->log_clusters[i];
      int j = i;
      while (j < glyphs->num_glyphs && glyphs->log_clusters[j] == start) ++j;
      int end = j < glyphs->num_glyphs ? glyphs->log_clusters[j] : piece.length;
      clusters_.push_back(cairo_text_cluster_t{end - start, j - i});
      i = j;
    }
    text_.append(text, static_cast<std::size_t>(piece.offset), static_cast<std::size_t>(piece.length));
    count_ += glyphs->num_glyphs;
  }

  cairo_t* cr_;
  PangoFont* font_ = nullptr;
  double y_ = 0;
  double x_scale_ = 1;
  layout::Color color_;
  std::string text_;
  std::vector<cairo_glyph_t> glyphs_;
  std::vector<cairo_text_cluster_t> clusters_;
  int count_ = 0;
};

struct Navigation {
  PageGeometry* geometry = nullptr;
  int page = 0;
  double image_ppi = 0;  // images above this resolution are downsampled (0: never)
  Tagger* tags = nullptr;  // tagged PDF: marks content and records its structure
  bool form_fields = false;  // widgets become AcroForm fields: their values are not drawn
  // A landscape page's content is drawn in a turned frame: a point (x, y) of the frame lies at
  // (turn_x + y, turn_y - x) on the page (turn_x, turn_y: the text area's bottom left corner).
  bool turned = false;
  double turn_x = 0, turn_y = 0;
  double turn_top = 0;  // the text area's top on the page
  std::pair<double, double> on_page(double x, double y) const {
    if (!turned) return {x, y};
    return {turn_x + y, turn_y - x};
  }
};

// How far a box reaching the trim edge goes on into the bleed on each side (0 where it does not
// reach the edge), so that a slightly inaccurate cut leaves no white line.
struct BleedReach {
  double left = 0, top = 0, right = 0, bottom = 0;
  bool any() const { return left > 0 || top > 0 || right > 0 || bottom > 0; }
};

BleedReach bleed_reach(double x, double y, double w, double h, const Navigation* nav) {
  BleedReach reach;
  if (!nav || nav->geometry->bleed_pt <= 0 || nav->turned) return reach;  // a turned text area is inside the page
  const PageGeometry& g = *nav->geometry;
  const double touch = 0.5;
  const double tx0 = g.trim_x_pt, ty0 = g.trim_y_pt, tx1 = tx0 + g.trim_w_pt, ty1 = ty0 + g.trim_h_pt;
  const double b = g.bleed_pt;
  if (x <= tx0 + touch && x + w > tx0) reach.left = std::max(0.0, x - (tx0 - b));
  if (y <= ty0 + touch && y + h > ty0) reach.top = std::max(0.0, y - (ty0 - b));
  if (x + w >= tx1 - touch && x < tx1) reach.right = std::max(0.0, tx1 + b - (x + w));
  if (y + h >= ty1 - touch && y < ty1) reach.bottom = std::max(0.0, ty1 + b - (y + h));
  return reach;
}

// A picture that reaches the trim edge is enlarged, its proportions kept, until it covers the
// bleed beyond that edge, and clipped there; edges inside the page stay where they were.
void draw_picture(cairo_t* cr, const layout::Picture& p, double ox, double oy, const Navigation* nav) {
  const double max_ppi = nav ? nav->image_ppi : 0;
  const double x = ox + p.x, y = oy + p.y;
  const BleedReach reach = bleed_reach(x, y, p.w, p.h, nav);
  if (!reach.any() || p.w <= 0 || p.h <= 0) {
    image::draw(cr, p.path, x, y, p.w, p.h, max_ppi);
    return;
  }
  const double scale = std::max((p.w + reach.left + reach.right) / p.w, (p.h + reach.top + reach.bottom) / p.h);
  const double w = p.w * scale, h = p.h * scale;
  // Grow away from the edges that stay: from the inner edge, or from the middle when both or
  // neither of an axis's edges reach the trim.
  const auto place = [](double start, double length, double grown, double before, double after) {
    if (before > 0 && after <= 0) return start + length - grown;
    if (after > 0 && before <= 0) return start;
    return start - (grown - length) / 2;
  };
  cairo_save(cr);
  cairo_rectangle(cr, x - reach.left, y - reach.top, p.w + reach.left + reach.right, p.h + reach.top + reach.bottom);
  cairo_clip(cr);
  image::draw(cr, p.path, place(x, p.w, w, reach.left, reach.right), place(y, p.h, h, reach.top, reach.bottom), w, h,
              max_ppi);
  cairo_restore(cr);
}

// A background that reaches the trim edge goes on into the bleed.
void fill_rect(cairo_t* cr, double x, double y, double w, double h, const Navigation* nav) {
  const BleedReach reach = bleed_reach(x, y, w, h, nav);
  x -= reach.left;
  y -= reach.top;
  w += reach.left + reach.right;
  h += reach.top + reach.bottom;
  // A rectangle over the whole sheet (a cover's background in a profile without bleed) stops
  // 0.01 pt inside it: Cairo turns a fill that covers its surface into a paint, which Cairo
  // 1.16's tagged PDF output rejects as a tag nesting error.
  if (nav && x <= 0 && y <= 0 && x + w >= nav->geometry->media_w_pt && y + h >= nav->geometry->media_h_pt) {
    constexpr double inset = 0.01;
    x = inset;
    y = inset;
    w = nav->geometry->media_w_pt - 2 * inset;
    h = nav->geometry->media_h_pt - 2 * inset;
  }
  cairo_rectangle(cr, x, y, w, h);
  cairo_fill(cr);
}

// A vector path of a chart: filled first, then stroked, in the template's colours.
void draw_path(cairo_t* cr, const layout::Path& path, double ox, double oy) {
  cairo_save(cr);
  cairo_new_path(cr);
  for (const layout::PathSegment& s : path.segments) {
    switch (s.kind) {
      case layout::PathSegment::Kind::move: cairo_move_to(cr, ox + s.x, oy + s.y); break;
      case layout::PathSegment::Kind::line: cairo_line_to(cr, ox + s.x, oy + s.y); break;
      case layout::PathSegment::Kind::arc: cairo_arc(cr, ox + s.x, oy + s.y, s.r, s.a0, s.a1); break;
      case layout::PathSegment::Kind::close: cairo_close_path(cr); break;
      case layout::PathSegment::Kind::invalid: break;
    }
  }
  if (path.filled) {
    set_color(cr, path.fill);
    if (path.stroke_pt > 0) cairo_fill_preserve(cr); else cairo_fill(cr);
  }
  if (path.stroke_pt > 0) {
    set_color(cr, path.stroke);
    cairo_set_line_width(cr, path.stroke_pt);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
  }
  cairo_new_path(cr);
  cairo_restore(cr);
}

// Whether a space character belongs between two runs drawn one after the other: a gap on the
// same line (a raised footnote mark counts as the same line), or a new line of the same cell
// after a line that does not end with a hyphen.
bool word_break_between(const layout::Run& previous, const layout::Run& run) {
  const std::string& before = previous.shaped->text;
  const std::string& after = run.shaped->text;
  if (before.empty() || after.empty() || before.back() == ' ' || after.front() == ' ') return false;
  const double em = std::max(previous.shaped->font.size_pt, run.shaped->font.size_pt);
  const double end = previous.x + previous.shaped->width_pt;
  if (std::abs(run.baseline - previous.baseline) < 0.7 * em) return run.x > end + 0.5;
  return before.back() != '-';
}

// Draws the runs listed, batching what can be batched. With `word_spaces` (tagged output) the
// breaks between words and the end of a line that is not hyphenated get a space character.
void draw_runs(cairo_t* cr, const layout::Element& e, const std::vector<std::size_t>& runs, double ox, double oy,
               bool word_spaces) {
  // A long table's fragments are spread over the heap (hundreds of thousands of figures), and
  // each run leads through its fragment and piece to its glyphs: dependent cache misses. Asking
  // for one level for all the element's runs before the next lets the misses overlap.
  const auto each_piece = [&](const auto& ask) {
    for (std::size_t i : runs) {
      if (!e.runs[i].shaped) continue;
      for (const text::ShapedPiece& piece : e.runs[i].shaped->pieces) ask(piece);
    }
  };
  for (std::size_t i : runs) {
    if (e.runs[i].shaped) __builtin_prefetch(&e.runs[i].shaped->pieces);
  }
  each_piece([](const text::ShapedPiece& piece) { __builtin_prefetch(piece.glyph_item.glyphs); });
  each_piece([](const text::ShapedPiece& piece) {
    __builtin_prefetch(piece.glyph_item.glyphs->glyphs);
    __builtin_prefetch(piece.glyph_item.glyphs->log_clusters);
  });
  GlyphBatch batch(cr);
  const layout::Run* previous = nullptr;
  // Where a run's last glyph ends: scaled by font expansion, letter-spaced between its characters.
  const auto end_of = [](const layout::Run& run) {
    const int count = characters(run.shaped->text, 0, static_cast<int>(run.shaped->text.size()));
    return run.x + run.shaped->width_pt * run.x_scale + run.letter_space_pt * (count > 0 ? count - 1 : 0);
  };
  for (std::size_t i : runs) {
    const layout::Run& run = e.runs[i];
    if (!run.shaped) continue;
    if (word_spaces && previous && word_break_between(*previous, run)) batch.space(ox + end_of(*previous));
    previous = &run;
    if (batch.add(run, ox, oy)) continue;
    batch.flush();
    draw_run(cr, run, ox, oy);
  }
  const bool open_end = previous && !previous->shaped->text.empty() && previous->shaped->text.back() != ' ';
  if (word_spaces && open_end && !e.ends_with_hyphen) batch.space(ox + end_of(*previous));
}

// With form fields, an element with widgets is drawn without the values they show themselves
// (a prefilled figure, a tick, a print hint), and the widgets are recorded for the post-processor.
void draw_element_content(cairo_t* cr, const layout::Element& e, double ox, double oy, Navigation* nav);

void draw_element(cairo_t* cr, const layout::Element& e, double ox, double oy, Navigation* nav) {
  if (!nav || !nav->form_fields || e.fields.empty()) return draw_element_content(cr, e, ox, oy, nav);
  layout::Element bare = e;
  for (const layout::FieldWidget& f : e.fields) {
    for (std::size_t i : f.value_runs) bare.runs.at(i).shaped = nullptr;
    for (std::size_t i : f.value_paths) bare.paths.at(i).segments.clear();
    FieldRecord record;
    record.page = nav->page;
    const double top = nav->geometry->media_h_pt - (oy + f.y);
    record.x0 = ox + f.x;
    record.y0 = top - f.h;
    record.x1 = ox + f.x + f.w;
    record.y1 = top;
    record.widget = f;
    record.widget.value_runs.clear();
    record.widget.value_paths.clear();
    nav->geometry->fields.push_back(std::move(record));
  }
  draw_element_content(cr, bare, ox, oy, nav);
}

void draw_element_content(cairo_t* cr, const layout::Element& e, double ox, double oy, Navigation* nav) {
  Tagger* tags = nav ? nav->tags : nullptr;
  const bool figure = tags && tags->begin_figure(e);  // a figure is marked whole
  for (const layout::Rect& r : e.rects) {
    set_color(cr, r.fill);
    fill_rect(cr, ox + r.x, oy + r.y, r.w, r.h, nav);
  }
  for (const layout::Rule& r : e.rules) {
    set_color(cr, r.color);
    cairo_set_line_width(cr, r.width_pt);
    cairo_move_to(cr, ox + r.x0, oy + r.y0);
    cairo_line_to(cr, ox + r.x1, oy + r.y1);
    cairo_stroke(cr);
  }
  for (const layout::Path& path : e.paths) draw_path(cr, path, ox, oy);
  for (const layout::Picture& p : e.pictures) draw_picture(cr, p, ox, oy, nav);
  if (!nav) {  // PNG previews: few pages, drawn by Pango as before (but spaced runs as in the PDF)
    for (const layout::Run& run : e.runs) {
      if (run.shaped && run.letter_space_pt != 0 && GlyphBatch(cr).add(run, ox, oy)) continue;
      draw_run(cr, run, ox, oy);
    }
  } else if (tags && !figure) {  // each piece of text marked as its structure element
    // draw_element has recorded the element's widgets last, when they become fields.
    const int first_field = nav->form_fields && !e.fields.empty()
                                ? static_cast<int>(nav->geometry->fields.size() - e.fields.size())
                                : -1;
    for (const Tagger::Piece& piece : tags->pieces(e, nav->geometry->links.size(), first_field)) {
      tags->begin(piece);
      draw_runs(cr, e, piece.runs, ox, oy, true);
      tags->end(piece);
    }
  } else {
    std::vector<std::size_t> all(e.runs.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    draw_runs(cr, e, all, ox, oy, tags != nullptr);
  }
  if (figure) tags->end_figure();
  if (!nav) return;
  for (const std::string& anchor : e.anchors) {
    // On a turned page: the element's left edge on the page, from the text area's top.
    const auto [x, y] = nav->on_page(ox, oy);
    nav->geometry->destinations.emplace(
        anchor, DestinationRecord{nav->page, x, nav->geometry->media_h_pt - (nav->turned ? nav->turn_top : y)});
  }
  for (const layout::LinkArea& link : e.links) {
    const auto [ax, ay] = nav->on_page(ox + link.x, oy + link.y);
    const auto [bx, by] = nav->on_page(ox + link.x + link.w, oy + link.y + link.h);
    const double h = nav->geometry->media_h_pt;
    nav->geometry->links.push_back(LinkRecord{nav->page, std::min(ax, bx), h - std::max(ay, by), std::max(ax, bx),
                                              h - std::min(ay, by), link.target});
  }
}

void draw_page(cairo_t* cr, const layout::LaidOutBook& book, const layout::Page& page, double bleed, Navigation* tags) {
  const layout::PageMaster& p = book.style.page;
  double trim_x = bleed, trim_y = bleed;
  if (page.full_page) {
    for (const layout::Placed& placed : page.content) draw_element(cr, *placed.element, trim_x, trim_y, tags);
    return;
  }
  double left = mm_to_pt(page.recto || !p.facing ? p.inner_mm : p.outer_mm);
  double ox = trim_x + left, oy = trim_y + mm_to_pt(p.top_mm);
  double area_h = mm_to_pt(p.height_mm - p.top_mm - p.bottom_mm);
  cairo_save(cr);
  if (page.landscape) {
    // The text area turned a quarter turn against the clock: the frame's top is the area's left
    // edge, its lines read from bottom to top, and it is as high as the area is wide.
    cairo_translate(cr, ox, oy + area_h);
    cairo_rotate(cr, -M_PI / 2);
    if (tags) {
      tags->turned = true;
      tags->turn_x = ox;
      tags->turn_y = oy + area_h;
      tags->turn_top = oy;
    }
    area_h = mm_to_pt(p.width_mm - p.inner_mm - p.outer_mm);
    ox = oy = 0;
  }
  for (const layout::Placed& placed : page.content)
    draw_element(cr, *placed.element, ox + placed.x, oy + placed.y, tags);
  if (!page.footnotes.empty()) {
    double fy = oy + area_h - page.footnote_height;
    set_color(cr, book.style.color("cizgi"));
    cairo_set_line_width(cr, 0.4);
    cairo_move_to(cr, ox, fy + 6);
    cairo_line_to(cr, ox + mm_to_pt(40), fy + 6);
    cairo_stroke(cr);
    for (const layout::Placed& placed : page.footnotes) draw_element(cr, *placed.element, ox, fy + placed.y, tags);
  }
  cairo_restore(cr);
  if (tags) tags->turned = false;
  for (const layout::Placed& placed : page.furniture) draw_element(cr, *placed.element, trim_x, trim_y, tags);
}

std::string creation_date() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) now = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace

PdfOptions PdfOptions::from(const output::OutputProfile& profile) {
  PdfOptions options;
  options.bleed_pt = profile.bleed_pt;
  options.marks = profile.marks;
  options.margin_pt = media_margin_pt(profile);
  options.page_multiple = profile.page_multiple();
  options.drop_blank_pages = profile.drop_blank_pages;
  options.image_ppi = profile.image_ppi;
  options.tagged = profile.tagged;
  options.form_fields = profile.form_fields;
  return options;
}

namespace {

// One page of the PDF: a page of the book, or (page == nullptr) a blank page added for the binding.
struct Sheet {
  const layout::Page* page = nullptr;
  std::string label;
};

// The pages in the order they are written: blank pages of the layout left out when the profile
// drops them, and blank pages up to the binding's multiple (they carry the marks, nothing else)
// at the end, or before the back cover, which stays the last page of the last signature.
std::vector<Sheet> sheets_of(const layout::LaidOutBook& book, const PdfOptions& options, PageGeometry& g) {
  std::vector<Sheet> sheets;
  const int multiple = std::max(options.page_multiple, 1);
  int to_write = 0;
  for (const layout::Page& page : book.pages) to_write += options.drop_blank_pages && page.blank ? 0 : 1;
  g.blank_pages_added = (multiple - to_write % multiple) % multiple;
  const auto pad = [&]() {
    for (int i = 0; i < g.blank_pages_added; ++i) sheets.push_back({nullptr, std::to_string(sheets.size() + 1)});
  };
  const bool back_cover_last = !book.pages.empty() && book.pages.back().back_cover;
  for (const layout::Page& page : book.pages) {
    if (options.drop_blank_pages && page.blank) {
      ++g.blank_pages_dropped;
      continue;
    }
    if (back_cover_last && &page == &book.pages.back()) pad();
    sheets.push_back({&page, page.label});
  }
  if (!back_cover_last) pad();
  return sheets;
}

// Whether the sheets can be written by several threads, each into a PDF of its own: Pango's
// fonts make their Cairo and HarfBuzz fonts on first use, so every font is made here, before
// the threads start. Text that Pango must draw itself (missing-glyph boxes) keeps the book on
// one thread.
bool prepare_fonts_for_threads(const std::vector<Sheet>& sheets) {
  std::vector<PangoFont*> fonts;
  const auto visit = [&](const std::vector<layout::Placed>& placed) {
    for (const layout::Placed& p : placed) {
      for (const layout::Run& run : p.element->runs) {
        if (!run.shaped) continue;
        for (const text::ShapedPiece& piece : run.shaped->pieces) {
          if (!piece.plain) return false;
          PangoFont* font = piece.font;
          if (fonts.empty() || fonts.back() != font) {
            if (std::find(fonts.begin(), fonts.end(), font) == fonts.end()) fonts.push_back(font);
          }
        }
      }
    }
    return true;
  };
  for (const Sheet& sheet : sheets) {
    if (!sheet.page) continue;
    if (!visit(sheet.page->content) || !visit(sheet.page->footnotes) || !visit(sheet.page->furniture)) return false;
  }
  for (PangoFont* font : fonts) {
    pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
    pango_font_get_hb_font(font);
  }
  return true;
}

// A Cairo PDF surface on a file, with the document's metadata.
class PdfFile {
 public:
  PdfFile(const std::filesystem::path& file, const PageGeometry& g, const doc::Metadata& metadata,
          const std::string& date)
      : file_(file), writer_{open_for_cairo(file, "PDF")} {
    surface_ = cairo_pdf_surface_create_for_stream(write_to_file, &writer_, g.media_w_pt, g.media_h_pt);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
      cairo_status_t status = cairo_surface_status(surface_);
      cairo_surface_destroy(surface_);
      surface_ = nullptr;
      close_checked(writer_, status, file, "PDF");
    }
    cairo_pdf_surface_restrict_to_version(surface_, CAIRO_PDF_VERSION_1_5);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, metadata.title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, metadata.author.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_SUBJECT, metadata.subject.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "dizgi " DIZGI_VERSION_STRING);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cr_ = cairo_create(surface_);
  }
  ~PdfFile() {
    if (cr_) cairo_destroy(cr_);
    if (surface_) cairo_surface_destroy(surface_);
    if (writer_.file) std::fclose(writer_.file);
  }
  PdfFile(const PdfFile&) = delete;
  PdfFile& operator=(const PdfFile&) = delete;
  cairo_surface_t* surface() const { return surface_; }
  cairo_t* cr() const { return cr_; }
  // Finishes the file; throws naming it when Cairo or the file failed.
  void close() {
    cairo_destroy(cr_);
    cr_ = nullptr;
    cairo_surface_finish(surface_);
    cairo_status_t status = cairo_surface_status(surface_);
    cairo_surface_destroy(surface_);
    surface_ = nullptr;
    close_checked(writer_, status, file_, "PDF");
  }

 private:
  std::filesystem::path file_;
  FileWriter writer_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
};

// Writes sheets [begin, end) into `pdf`; links, destinations and widgets are recorded in `g`
// with their page's place in the whole document.
void write_sheets(PdfFile& pdf, const layout::LaidOutBook& book, const std::vector<Sheet>& sheets, std::size_t begin,
                  std::size_t end, double margin, const std::string& day, const PdfOptions& options, PageGeometry& g) {
  cairo_t* cr = pdf.cr();
  std::unique_ptr<Tagger> tags;
  if (options.tagged) tags = std::make_unique<Tagger>(cr, g.structure);
  for (std::size_t i = begin; i < end; ++i) {
    const Sheet& sheet = sheets[i];
    const int count = static_cast<int>(i);
    if (sheet.page) {
      Navigation nav{&g, count, options.image_ppi, tags.get(), options.form_fields};
      if (tags) tags->set_page(count);
      if (sheet.page->landscape) g.landscape_pages.push_back(count);
      draw_page(cr, book, *sheet.page, margin, &nav);
    }
    std::string slug = (options.slug.empty() ? std::string() : options.slug + "  ·  ") + day + "  ·  " + sheet.label;
    draw_marks(cr, options.marks, options.bleed_pt, g.trim_x_pt, g.trim_y_pt, g.trim_w_pt, g.trim_h_pt, slug);
    cairo_show_page(cr);
  }
}

}  // namespace

PageGeometry write_pdf(const layout::LaidOutBook& book, const doc::Metadata& metadata,
                       const std::filesystem::path& file, const PdfOptions& options) {
  const layout::PageMaster& p = book.style.page;
  PageGeometry g;
  const double margin = std::max(options.margin_pt, options.bleed_pt);
  g.bleed_pt = options.bleed_pt;
  g.trim_w_pt = mm_to_pt(p.width_mm);
  g.trim_h_pt = mm_to_pt(p.height_mm);
  g.media_w_pt = g.trim_w_pt + 2 * margin;
  g.media_h_pt = g.trim_h_pt + 2 * margin;
  g.trim_x_pt = margin;
  g.trim_y_pt = margin;
  const std::vector<Sheet> sheets = sheets_of(book, options, g);
  g.pages = static_cast<int>(sheets.size());
  for (const Sheet& sheet : sheets) g.page_labels.push_back(sheet.label);
  const std::string date = creation_date();
  const std::string day = date.substr(0, 10);

  // A long book is cut into as many parts as there are files for them, each at least
  // kPagesPerPart pages, written side by side; the post-processor joins them. Tagged and form
  // profiles record one structure and one tab order, and stay on one thread.
  std::size_t parts = 1 + options.part_files.size();
  parts = std::min(parts, std::max<std::size_t>(1, sheets.size() / kPagesPerPart));
  if (options.tagged || options.form_fields || (parts > 1 && !prepare_fonts_for_threads(sheets))) parts = 1;
  g.parts = static_cast<int>(parts);

  // Cairo 1.16 has no setting for stream compression; a surface made while CAIRO_DEBUG_PDF is
  // set writes its streams plain. Set while the surfaces are made, and only when nobody set it.
  std::vector<std::unique_ptr<PdfFile>> files;
  {
    const bool plain = !options.compress_streams && std::getenv("CAIRO_DEBUG_PDF") == nullptr;
    if (plain) ::setenv("CAIRO_DEBUG_PDF", "1", 0);
    try {
      for (std::size_t k = 0; k < parts; ++k)
        files.push_back(std::make_unique<PdfFile>(k == 0 ? file : options.part_files[k - 1], g, metadata, date));
    } catch (...) {
      if (plain) ::unsetenv("CAIRO_DEBUG_PDF");
      throw;
    }
    if (plain) ::unsetenv("CAIRO_DEBUG_PDF");
  }
  std::vector<PageGeometry> found(parts, g);  // each part records its navigation apart
  const auto write_part = [&](std::size_t k) {
    const std::size_t begin = sheets.size() * k / parts, end = sheets.size() * (k + 1) / parts;
    write_sheets(*files[k], book, sheets, begin, end, margin, day, options, found[k]);
    files[k]->close();
  };
  util::run_each(parts, write_part);
  g = std::move(found[0]);
  for (std::size_t k = 1; k < parts; ++k) {
    PageGeometry& part = found[k];
    g.links.insert(g.links.end(), part.links.begin(), part.links.end());
    g.destinations.insert(part.destinations.begin(), part.destinations.end());
    g.landscape_pages.insert(g.landscape_pages.end(), part.landscape_pages.begin(), part.landscape_pages.end());
  }
  for (const layout::OutlineEntry& entry : book.outline) g.outline.push_back({entry.level, entry.title, entry.id});
  return g;
}

void write_png(const layout::LaidOutBook& book, int page, double dpi, const std::filesystem::path& file) {
  const layout::PageMaster& p = book.style.page;
  double scale = dpi / 72.0;
  int w = static_cast<int>(mm_to_pt(p.width_mm) * scale + 0.5);
  int h = static_cast<int>(mm_to_pt(p.height_mm) * scale + 0.5);
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    std::string why = cairo_status_to_string(cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    throw Error(ErrorCode::render, Location{file.string()}, "cannot render the page as PNG: " + why,
                "check the page size of the template");
  }
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  draw_page(cr, book, book.pages.at(static_cast<std::size_t>(page)), 0, nullptr);
  cairo_destroy(cr);
  FileWriter writer{open_for_cairo(file, "PNG")};
  cairo_status_t status = cairo_surface_write_to_png_stream(surface, write_to_file, &writer);
  cairo_surface_destroy(surface);
  close_checked(writer, status, file, "PNG");
}

}  // namespace dizgi::render
