#include "preflight/scan.hpp"

#include "util/text.hpp"

#include <Gfx.h>
#include <GfxFont.h>
#include <GfxState.h>
#include <Object.h>
#include <Stream.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <locale>
#include <sstream>
#include <string_view>

namespace dizgi::preflight {

void Box::add(const Box& other) {
  if (other.empty()) return;
  if (empty()) {
    *this = other;
    return;
  }
  x0 = std::min(x0, other.x0);
  y0 = std::min(y0, other.y0);
  x1 = std::max(x1, other.x1);
  y1 = std::max(y1, other.y1);
}

Box Box::intersect(const Box& other) const {
  return Box{std::max(x0, other.x0), std::max(y0, other.y0), std::min(x1, other.x1),
             std::min(y1, other.y1)};
}

namespace {



void add_named_ink(Inks& inks, std::string_view name, double tint, double min_ink) {
  if (name == "Cyan") inks.c = std::max(inks.c, tint);
  else if (name == "Magenta") inks.m = std::max(inks.m, tint);
  else if (name == "Yellow") inks.y = std::max(inks.y, tint);
  else if (name == "Black") inks.k = std::max(inks.k, tint);
  else if (name == "None") return;
  else if (name == "All") {
    inks.c = inks.m = inks.y = inks.k = std::max(inks.k, tint);
  } else if (tint > min_ink) {
    ++inks.spots;
  }
}

Inks inks_of(GfxColorSpace* space, const GfxColor* colour, double min_ink, int depth = 0) {
  Inks inks;
  if (space == nullptr || colour == nullptr || depth > 4) return inks;
  const auto value = [&](int i) { return colToDbl(colour->c[i]); };
  const GfxColorSpaceMode mode = space->getMode();
  const int n = space->getNComps();
  if (mode == csIndexed) {
    auto* indexed = static_cast<GfxIndexedColorSpace*>(space);
    GfxColorSpace* base_space = indexed->getBase();
    const unsigned char* lookup = indexed->getLookup();
    if (base_space == nullptr || lookup == nullptr) return inks;
    const int base_n = std::min(base_space->getNComps(), gfxColorMaxComps);
    const int index = std::clamp(static_cast<int>(value(0) + 0.5), 0, indexed->getIndexHigh());
    GfxColor base;
    for (int i = 0; i < base_n; ++i) base.c[i] = dblToCol(lookup[index * base_n + i] / 255.0);
    return inks_of(base_space, &base, min_ink, depth + 1);
  }
  if (mode == csDeviceGray || mode == csCalGray || (mode == csICCBased && n == 1)) {
    inks.known = true;
    inks.k = 1 - value(0);
    inks.white = value(0) >= 0.999;
  } else if (mode == csDeviceCMYK || (mode == csICCBased && n == 4)) {
    inks.known = true;
    inks.c = value(0);
    inks.m = value(1);
    inks.y = value(2);
    inks.k = value(3);
    inks.white = inks.c + inks.m + inks.y + inks.k <= 0.001;
  } else if (mode == csDeviceRGB || mode == csCalRGB || (mode == csICCBased && n == 3)) {
    inks.white = value(0) >= 0.999 && value(1) >= 0.999 && value(2) >= 0.999;
  } else if (mode == csSeparation) {
    auto* separation = static_cast<GfxSeparationColorSpace*>(space);
    inks.known = true;
    const GooString* name = separation->getName();
    add_named_ink(inks, name != nullptr ? name->toStr() : std::string(), value(0), min_ink);
    inks.white = value(0) <= 0.001;
  } else if (mode == csDeviceN) {
    auto* devicen = static_cast<GfxDeviceNColorSpace*>(space);
    inks.known = true;
    double total = 0;
    for (int i = 0; i < n && i < gfxColorMaxComps; ++i) {
      add_named_ink(inks, devicen->getColorantName(i), value(i), min_ink);
      total += value(i);
    }
    inks.white = total <= 0.001;
  }
  return inks;
}

int process_ink_count(const Inks& inks, double min_ink) {
  return (inks.c > min_ink) + (inks.m > min_ink) + (inks.y > min_ink) + (inks.k > min_ink) +
         inks.spots;
}

// Registers spot colour names (Separation and DeviceN colorants other than process inks).
void note_spots(GfxColorSpace* space, DocumentState& document, int page, int depth = 0) {
  if (space == nullptr || depth > 4) return;
  const auto note = [&](const std::string& name) {
    if (name.empty() || name == "All" || name == "None" || name == "Cyan" ||
        name == "Magenta" || name == "Yellow" || name == "Black") {
      return;
    }
    document.spot_first_page.emplace(name, page);
  };
  switch (space->getMode()) {
    case csSeparation: {
      const GooString* name = static_cast<GfxSeparationColorSpace*>(space)->getName();
      if (name != nullptr) note(name->toStr());
      break;
    }
    case csDeviceN: {
      auto* devicen = static_cast<GfxDeviceNColorSpace*>(space);
      for (int i = 0; i < devicen->getNComps(); ++i) note(devicen->getColorantName(i));
      break;
    }
    case csIndexed:
      note_spots(static_cast<GfxIndexedColorSpace*>(space)->getBase(), document, page, depth + 1);
      break;
    default:
      break;
  }
}


SpaceClass classify(GfxColorSpace* space, int depth = 0) {
  SpaceClass result;
  if (space == nullptr || depth > 4) return result;
  switch (space->getMode()) {
    case csDeviceGray:
    case csCalGray: result.family = SpaceFamily::gray; break;
    case csDeviceRGB:
    case csCalRGB: result.family = SpaceFamily::rgb; break;
    case csDeviceCMYK: result.family = SpaceFamily::cmyk; break;
    case csLab: result.family = SpaceFamily::lab; break;
    case csICCBased: {
      const int n = space->getNComps();
      result.icc = true;
      result.family = n == 1 ? SpaceFamily::gray : n == 3 ? SpaceFamily::rgb
                      : n == 4 ? SpaceFamily::cmyk : SpaceFamily::other;
      break;
    }
    case csIndexed: return classify(static_cast<GfxIndexedColorSpace*>(space)->getBase(), depth + 1);
    case csSeparation:
    case csDeviceN: result.family = SpaceFamily::spot; break;
    default: result.family = SpaceFamily::other; break;
  }
  return result;
}

std::string font_key(const GfxFont& font) {
  const Ref* ref = font.getID();
  std::string key = font.getName() ? *font.getName() : std::string("(unnamed)");
  if (ref != nullptr) key += "#" + std::to_string(ref->num) + "." + std::to_string(ref->gen);
  return key;
}

std::string font_display_name(const GfxFont& font) {
  std::string name = font.getName() ? *font.getName() : std::string("(unnamed)");
  // Strip a subset prefix "ABCDEF+".
  if (name.size() > 7 && name[6] == '+' &&
      std::all_of(name.begin(), name.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; })) {
    name.erase(0, 7);
  }
  return name;
}

bool contains_icase(std::string_view text, std::string_view word) {
  auto it = std::search(text.begin(), text.end(), word.begin(), word.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
  return it != text.end();
}

// True when a Type 3 font's glyph procedures draw images (inline BI or an XObject Do).
bool type3_draws_bitmaps(GfxFont& font) {
  auto& simple = static_cast<Gfx8BitFont&>(font);
  Dict* procs = simple.getCharProcs();
  if (procs == nullptr) return false;
  const int count = std::min(procs->getLength(), 512);
  for (int i = 0; i < count; ++i) {
    Object proc = procs->getVal(i);
    if (!proc.isStream()) continue;
    proc.streamReset();
    std::string text;
    int c;
    while (text.size() < 65536 && (c = proc.streamGetChar()) != EOF) {
      text.push_back(static_cast<char>(c));
    }
    proc.streamClose();
    // Look for the operators as tokens.
    for (std::size_t pos = 0; pos + 1 < text.size(); ++pos) {
      const bool before = pos == 0 || std::isspace(static_cast<unsigned char>(text[pos - 1]));
      const bool after = pos + 2 >= text.size() ||
                         std::isspace(static_cast<unsigned char>(text[pos + 2])) ||
                         text[pos + 2] == '/';
      if (!before || !after) continue;
      if ((text[pos] == 'B' && text[pos + 1] == 'I') || (text[pos] == 'D' && text[pos + 1] == 'o')) {
        return true;
      }
    }
  }
  return false;
}

Box transform_box(GfxState* state, double x0, double y0, double x1, double y1) {
  double xs[4], ys[4];
  state->transform(x0, y0, &xs[0], &ys[0]);
  state->transform(x1, y0, &xs[1], &ys[1]);
  state->transform(x0, y1, &xs[2], &ys[2]);
  state->transform(x1, y1, &xs[3], &ys[3]);
  return Box{*std::min_element(xs, xs + 4), *std::min_element(ys, ys + 4),
             *std::max_element(xs, xs + 4), *std::max_element(ys, ys + 4)};
}

}  // namespace

PageScanner::PageScanner(const Profile& profile, DocumentState& document)
    : profile_(profile), document_(document) {}

void PageScanner::begin_page(int page_number) {
  page_ = page_number;
  last_font_ = nullptr;  // font objects may be freed between pages
  marks_.clear();
  hits_.clear();
  run_ = TextRun{};
}

void PageScanner::finish_page() { flush_text(); }

void PageScanner::hit(const std::string& id, const Box& box, const std::string& message,
                      double worst) {
  if (!profile_.level(id)) return;
  Hit& entry = hits_[id];
  if (entry.count == 0) {
    entry.message = message;
    entry.worst = worst;
  }
  ++entry.count;
  entry.box.add(box);
}

Box PageScanner::clip_box(GfxState* state) const {
  // Inside a pattern cell the clip is the cell's, walked at the pattern's origin: no limit.
  if (pattern_depth_ > 0) return Box{-1e9, -1e9, 1e9, 1e9};
  Box box;
  state->getClipBBox(&box.x0, &box.y0, &box.x1, &box.y1);
  return box;
}

void PageScanner::check_space(GfxColorSpace* space, const Box& box, const char* what) {
  note_spots(space, document_, page_);
  check_space_class(classify(space), box, what);
}

void PageScanner::check_space_class(const SpaceClass& cls, const Box& box, const char* what) {
  if (profile_.intent != Intent::print) return;
  const bool allowed_by_x4 = cls.icc && document_.pdfx4;
  if (cls.family == SpaceFamily::rgb && !allowed_by_x4) {
    hit("colour.rgb", box, std::string("RGB ") + what + " in a CMYK job");
  } else if (cls.family == SpaceFamily::lab) {
    hit("colour.lab", box, std::string("Lab ") + what + " in a CMYK job");
  }
}

void PageScanner::paint_path(GfxState* state, bool stroke) {
  const GfxPath* path = state->getPath();
  if (path == nullptr || path->getNumSubpaths() == 0) return;
  Box box;
  bool first = true;
  for (int i = 0; i < path->getNumSubpaths(); ++i) {
    const GfxSubpath* sub = path->getSubpath(i);
    for (int j = 0; j < sub->getNumPoints(); ++j) {
      double x, y;
      state->transform(sub->getX(j), sub->getY(j), &x, &y);
      if (first) {
        box = Box{x, y, x, y};
        first = false;
      } else {
        box.x0 = std::min(box.x0, x);
        box.y0 = std::min(box.y0, y);
        box.x1 = std::max(box.x1, x);
        box.y1 = std::max(box.y1, y);
      }
    }
  }
  if (stroke) {
    const double half = state->getTransformedLineWidth() / 2;
    box.x0 -= half;
    box.y0 -= half;
    box.x1 += half;
    box.y1 += half;
  }
  // A straight line has a zero-height box; give it a sliver so it is not "empty".
  if (box.x1 - box.x0 < 0.01) box.x1 = box.x0 + 0.01;
  if (box.y1 - box.y0 < 0.01) box.y1 = box.y0 + 0.01;
  box = box.intersect(clip_box(state));
  if (box.empty()) return;

  GfxColorSpace* space = stroke ? state->getStrokeColorSpace() : state->getFillColorSpace();
  const GfxColor* colour = stroke ? state->getStrokeColor() : state->getFillColor();
  const bool overprint = stroke ? state->getStrokeOverprint() : state->getFillOverprint();
  const double min_ink = profile_.param("ink-min-percent") / 100;
  if (space != nullptr && space->getMode() != csPattern) {
    check_space(space, box, stroke ? "stroke" : "fill");
    const Inks inks = inks_of(space, colour, min_ink);
    if (inks.white && overprint) {
      hit("colour.white-overprint", box,
          std::string("white ") + (stroke ? "stroke" : "fill") + " set to overprint: it will disappear in print");
    }
    if (inks.white) return;  // paints no ink: neither content nor blank-page evidence
  }
  if (stroke) {
    const double width = state->getTransformedLineWidth();
    const double minimum = profile_.param("hairline-pt");
    if (width < minimum) {
      hit("lines.hairline", box,
          "line width " + util::format_fixed(width, 3) + " pt is below " + util::format_fixed(minimum, 2) +
              " pt after scaling",
          width);
    }
  }
  marks_.push_back(Mark{stroke ? Mark::Kind::stroke : Mark::Kind::fill, box});
}

bool PageScanner::tilingPatternFill(GfxState* state, Gfx* gfx, Catalog*, GfxTilingPattern* tPat,
                                    const double* mat, int, int, int, int, double, double) {
  // One cell, at the place Gfx's own tiling would draw the first one: its colours, fonts and
  // lines are checked once. The area the pattern paints is the current clip.
  if (pattern_depth_ < 4) {
    ++pattern_depth_;
    const std::size_t kept = marks_.size();
    gfx->drawForm(tPat->getContentStream(), tPat->getResDict(), mat, tPat->getBBox());
    marks_.resize(kept);  // the cell's own marks are not where the pattern shows
    --pattern_depth_;
  }
  const Box box = clip_box(state);
  if (!box.empty()) marks_.push_back(Mark{Mark::Kind::fill, box});
  return true;
}

void PageScanner::stroke(GfxState* state) { paint_path(state, true); }
void PageScanner::fill(GfxState* state) { paint_path(state, false); }
void PageScanner::eoFill(GfxState* state) { paint_path(state, false); }

namespace {

bool shading_fill(GfxState* state, GfxShading* shading, std::vector<Mark>& marks) {
  (void)shading;
  Box box;
  state->getClipBBox(&box.x0, &box.y0, &box.x1, &box.y1);
  if (!box.empty()) marks.push_back(Mark{Mark::Kind::shading, box});
  return true;
}

}  // namespace

bool PageScanner::functionShadedFill(GfxState* state, GfxFunctionShading* shading) {
  Box box = clip_box(state);
  check_space(shading->getColorSpace(), box, "shading");
  return shading_fill(state, shading, marks_);
}

bool PageScanner::axialShadedFill(GfxState* state, GfxAxialShading* shading, double, double) {
  check_space(shading->getColorSpace(), clip_box(state), "shading");
  return shading_fill(state, shading, marks_);
}

bool PageScanner::radialShadedFill(GfxState* state, GfxRadialShading* shading, double, double) {
  check_space(shading->getColorSpace(), clip_box(state), "shading");
  return shading_fill(state, shading, marks_);
}

bool PageScanner::gouraudTriangleShadedFill(GfxState* state, GfxGouraudTriangleShading* shading) {
  check_space(shading->getColorSpace(), clip_box(state), "shading");
  return shading_fill(state, shading, marks_);
}

bool PageScanner::patchMeshShadedFill(GfxState* state, GfxPatchMeshShading* shading) {
  check_space(shading->getColorSpace(), clip_box(state), "shading");
  return shading_fill(state, shading, marks_);
}

void PageScanner::check_font(GfxState* state, const Box& box) {
  const std::shared_ptr<GfxFont>& font = state->getFont();
  if (!font) return;
  // Same font object as the previous glyph (the pointer alone could be reused by a font
  // loaded later, so its object reference must match too).
  const Ref* ref = font->getID();
  const Ref id = ref != nullptr ? *ref : Ref::INVALID();
  if (font.get() == last_font_ && id == last_font_ref_) return;
  last_font_ = font.get();
  last_font_ref_ = id;
  const std::string key = font_key(*font);
  if (!document_.fonts_seen.insert(key).second) return;
  const std::string name = font_display_name(*font);
  DocumentState::FontUse use{page_, box, name, false};
  if (font->getType() == fontType3) {
    document_.fonts_type3.emplace(key, use);
    if (type3_draws_bitmaps(*font)) document_.fonts_type3_bitmap.emplace(key, use);
    return;
  }
  Ref embedded;
  if (!font->getEmbeddedFontID(&embedded)) document_.fonts_not_embedded.emplace(key, use);
  if (contains_icase(name, "courier")) document_.fonts_courier.emplace(key, use);
}

void PageScanner::drawChar(GfxState* state, double x, double y, double dx, double dy, double,
                           double, CharCode code, int, const Unicode*, int) {
  const std::shared_ptr<GfxFont>& font = state->getFont();
  const int render = state->getRender() & 7;
  // Glyph box: advance along the baseline, from 0.25 em below to 0.85 em above it.
  const double* tm = state->getTextMat();
  const double size = state->getFontSize();
  const double ux = tm[2] * size, uy = tm[3] * size;
  double px[4], py[4];
  state->transform(x - 0.25 * ux, y - 0.25 * uy, &px[0], &py[0]);
  state->transform(x + dx - 0.25 * ux, y + dy - 0.25 * uy, &px[1], &py[1]);
  state->transform(x + 0.85 * ux, y + 0.85 * uy, &px[2], &py[2]);
  state->transform(x + dx + 0.85 * ux, y + dy + 0.85 * uy, &px[3], &py[3]);
  Box box{*std::min_element(px, px + 4), *std::min_element(py, py + 4),
          *std::max_element(px, px + 4), *std::max_element(py, py + 4)};
  if (box.x1 - box.x0 < 0.01) box.x1 = box.x0 + 0.01;
  box = box.intersect(clip_box(state));

  if (font && render != 3) {
    check_font(state, box);
    // Missing glyphs: CID 0 / GID 0 in CID fonts, ".notdef" names in simple fonts.
    bool notdef = false;
    if (font->isCIDFont()) {
      auto* cid_font = static_cast<GfxCIDFont*>(font.get());
      unsigned int gid = code;
      if (cid_font->getCIDToGID() != nullptr) {
        gid = code < cid_font->getCIDToGIDLen() ? static_cast<unsigned int>(cid_font->getCIDToGID()[code]) : 0;
      }
      notdef = gid == 0;
    } else if (font->getType() != fontType3 && !font->isSymbolic() && code < 256) {
      const char* glyph = static_cast<Gfx8BitFont*>(font.get())->getCharName(static_cast<int>(code));
      notdef = glyph != nullptr && std::string_view(glyph) == ".notdef";
    }
    if (notdef) {
      hit("fonts.notdef", box, "font '" + font_display_name(*font) + "' draws .notdef (a missing glyph)");
    }
  }
  if (render == 3 || render == 7 || box.empty()) return;

  const bool fills = render == 0 || render == 2 || render == 4 || render == 6;
  GfxColorSpace* space = fills ? state->getFillColorSpace() : state->getStrokeColorSpace();
  const GfxColor* colour = fills ? state->getFillColor() : state->getStrokeColor();
  const bool overprint = fills ? state->getFillOverprint() : state->getStrokeOverprint();
  const double size_pt = state->getTransformedFontSize();
  const int ncomps = space != nullptr ? std::min(space->getNComps(), 8) : 0;
  const int mode = space != nullptr ? static_cast<int>(space->getMode()) : -1;
  bool same = run_.active && run_.font == font.get() && std::abs(run_.size_pt - size_pt) < 0.01 &&
              run_.render == render && run_.overprint == overprint && run_.mode == mode &&
              run_.ncomps == ncomps;
  for (int i = 0; same && i < ncomps; ++i) same = run_.colour[i] == colToDbl(colour->c[i]);
  if (!same) {
    flush_text();
    run_.active = true;
    run_.font = font.get();
    run_.size_pt = size_pt;
    run_.render = render;
    run_.overprint = overprint;
    run_.mode = mode;
    run_.ncomps = ncomps;
    // Everything that needs the colour space is taken now: Gfx may replace it before the run
    // is flushed.
    if (space != nullptr && mode != csPattern) {
      note_spots(space, document_, page_);
      run_.space_class = classify(space);
      run_.inks = inks_of(space, colour, profile_.param("ink-min-percent") / 100);
    } else {
      run_.space_class = SpaceClass{};
      run_.inks = Inks{};
    }
    for (int i = 0; i < ncomps; ++i) run_.colour[i] = colToDbl(colour->c[i]);
    run_.box = Box{};
    run_.chars = 0;
  }
  run_.box.add(box);
  ++run_.chars;
}

void PageScanner::endTextObject(GfxState*) { flush_text(); }

void PageScanner::flush_text() {
  if (!run_.active) return;
  run_.active = false;
  const Box box = run_.box;
  if (box.empty()) return;
  if (run_.size_pt > 0 && run_.size_pt < profile_.param("min-text-pt") && run_.render != 3) {
    hit("fonts.size-below-minimum", box,
        util::format_fixed(run_.size_pt, 1) + " pt text (minimum " + util::format_fixed(profile_.param("min-text-pt"), 1) +
            " pt)", run_.size_pt);
  }
  if (run_.mode >= 0 && run_.mode != csPattern) {
    check_space_class(run_.space_class, box, "text");
    const double min_ink = profile_.param("ink-min-percent") / 100;
    const Inks& inks = run_.inks;
    const std::string size = util::format_fixed(run_.size_pt, 1) + " pt";
    if (inks.white && run_.overprint) {
      hit("colour.white-overprint", box, "white text (" + size + ") set to overprint: it will disappear in print");
    }
    if (inks.known && profile_.intent == Intent::print) {
      const double black = profile_.param("black-k-percent") / 100;
      const int inks_used = process_ink_count(inks, min_ink);
      const bool is_black = inks.k >= black;
      const bool rich = is_black && (inks.c > min_ink || inks.m > min_ink || inks.y > min_ink);
      if (rich) {
        hit("colour.rich-black-text", box,
            "rich black text (" + size + ", C" + util::format_fixed(inks.c * 100, 0) + " M" +
                util::format_fixed(inks.m * 100, 0) + " Y" + util::format_fixed(inks.y * 100, 0) + " K" +
                util::format_fixed(inks.k * 100, 0) + ")", run_.size_pt);
      }
      if (run_.size_pt < profile_.param("small-text-pt") && inks_used >= 2) {
        hit("colour.small-text-multi-ink", box,
            size + " text printed with " + std::to_string(inks_used) + " inks (registration risk)",
            run_.size_pt);
      }
      if (is_black && !rich && inks.spots == 0 && !run_.overprint &&
          run_.size_pt < profile_.param("black-text-overprint-pt")) {
        hit("colour.black-text-knockout", box,
            "black " + size + " text knocks out instead of overprinting", run_.size_pt);
      }
    }
  }
  marks_.push_back(Mark{Mark::Kind::text, box});
}

void PageScanner::check_image(GfxState* state, Stream* str, int width, int height,
                              GfxColorSpace* space, int bits, bool mask) {
  flush_text();
  const double* m = state->getCTM();
  const Box box = transform_box(state, 0, 0, 1, 1).intersect(clip_box(state));
  if (box.empty()) return;
  marks_.push_back(Mark{Mark::Kind::image, box});
  const double width_pt = std::hypot(m[0], m[1]);
  const double height_pt = std::hypot(m[2], m[3]);
  const bool one_bit = mask || (bits == 1 && (space == nullptr || space->getNComps() == 1));
  // Resolution: tiny images (rules, 1x1 colour swatches) carry no detail worth checking.
  if (width_pt > 0.5 && height_pt > 0.5 && (width >= 16 || height >= 16)) {
    const double ppi = std::min(width / (width_pt / 72), height / (height_pt / 72));
    const double error_below = profile_.param(one_bit ? "image-ppi-error-1bit" : "image-ppi-error");
    const double warning_below = profile_.param(one_bit ? "image-ppi-warning-1bit" : "image-ppi-warning");
    const std::string kind = one_bit ? "1-bit image" : "image";
    const std::string what = kind + " " + std::to_string(width) + "x" + std::to_string(height) +
                             " px at " + util::format_fixed(ppi, 0) + " ppi";
    if (ppi < error_below) {
      hit("images.resolution-low", box, what + " (minimum " + util::format_fixed(error_below, 0) + ")", ppi);
    } else if (ppi < warning_below) {
      hit("images.resolution-marginal", box, what + " (recommended " + util::format_fixed(warning_below, 0) + ")", ppi);
    }
    if (ppi >= profile_.param("image-ppi-max")) {
      hit("images.resolution-excessive", box,
          what + " (" + util::format_fixed(profile_.param("image-ppi-max"), 0) + " ppi or more: a larger file than needed)", ppi);
    }
  }
  if (space != nullptr) {
    note_spots(space, document_, page_);
    const SpaceClass cls = classify(space);
    if (profile_.intent == Intent::print && cls.family == SpaceFamily::rgb &&
        !(cls.icc && document_.pdfx4)) {
      hit("images.rgb", box, "RGB image " + std::to_string(width) + "x" + std::to_string(height) + " px in a CMYK job");
    } else if (profile_.intent == Intent::print && cls.family == SpaceFamily::lab) {
      hit("colour.lab", box, "Lab image in a CMYK job");
    }
  }
  if (bits == 16) hit("images.16-bit", box, "image with 16 bits per component");
  int depth = 0;
  for (Stream* s = str; s != nullptr && depth < 8; s = s->getNextStream(), ++depth) {
    if (s->getKind() == strJPX) hit("images.jpeg2000", box, "JPEG 2000 image: some RIPs reject it");
    if (s->getKind() == strJBIG2) hit("images.jbig2", box, "JBIG2 image: some RIPs reject it");
  }
}

void PageScanner::drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height,
                                bool invert, bool interpolate, bool inlineImg) {
  check_image(state, str, width, height, nullptr, 1, true);
  OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inlineImg);
}

void PageScanner::drawImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                            GfxImageColorMap* colorMap, bool interpolate, const int* maskColors,
                            bool inlineImg) {
  check_image(state, str, width, height, colorMap->getColorSpace(), colorMap->getBits(), false);
  OutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);
}

void PageScanner::drawMaskedImage(GfxState* state, Object* ref, Stream* str, int width,
                                  int height, GfxImageColorMap* colorMap, bool interpolate,
                                  Stream* maskStr, int maskWidth, int maskHeight, bool maskInvert,
                                  bool maskInterpolate) {
  check_image(state, str, width, height, colorMap->getColorSpace(), colorMap->getBits(), false);
  OutputDev::drawMaskedImage(state, ref, str, width, height, colorMap, interpolate, maskStr,
                             maskWidth, maskHeight, maskInvert, maskInterpolate);
}

void PageScanner::drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int width,
                                      int height, GfxImageColorMap* colorMap, bool interpolate,
                                      Stream* maskStr, int maskWidth, int maskHeight,
                                      GfxImageColorMap* maskColorMap, bool maskInterpolate) {
  check_image(state, str, width, height, colorMap->getColorSpace(), colorMap->getBits(), false);
  OutputDev::drawSoftMaskedImage(state, ref, str, width, height, colorMap, interpolate, maskStr,
                                 maskWidth, maskHeight, maskColorMap, maskInterpolate);
}

}  // namespace dizgi::preflight
