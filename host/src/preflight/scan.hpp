// The page walker of preflight: a Poppler OutputDev that Gfx drives through a page's content.
// It records what each painting operator did (text runs, paths, images, shadings) with its
// colour, overprint state and device bounding box, and the per-object checks that need the
// graphics state (fonts, image resolution, colour spaces, line widths, overprint).
#pragma once

#include "preflight/profile.hpp"

#include <Object.h>
#include <OutputDev.h>

#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

class GfxColorSpace;
class GfxFont;
struct GfxColor;

namespace dizgi::preflight {

// A rectangle in page space: points from the MediaBox's lower left.
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  void add(const Box& other);
  Box intersect(const Box& other) const;
};

// The process inks (0..1) and spot inks a colour puts on paper, when the colour space says so.
struct Inks {
  bool known = false;  // false for RGB, Lab, patterns: no ink values to speak of
  double c = 0, m = 0, y = 0, k = 0;
  int spots = 0;
  bool white = false;  // paints "no ink" (CMYK 0, gray 1, RGB 1 1 1, tint 0)
};

enum class SpaceFamily { invalid = 0, other, gray, rgb, cmyk, lab, spot };

struct SpaceClass {
  SpaceFamily family = SpaceFamily::invalid;
  bool icc = false;
};

// One painted object, kept for the page-level geometry checks.
struct Mark {
  enum class Kind { invalid = 0, text, fill, stroke, image, shading };
  Kind kind = Kind::invalid;
  Box box;
};

// Findings of one check on one page are folded into one entry: how many objects, their union,
// and the message of the worst one.
struct Hit {
  int count = 0;
  Box box;
  std::string message;
  double worst = 0;
};

// What the walker learns about the document as a whole (fonts, spot colours).
struct DocumentState {
  struct FontUse {
    int first_page = 0;
    Box first_box;
    std::string name;
    bool reported_type3 = false;
  };
  std::map<std::string, FontUse> fonts_not_embedded;  // by font name
  std::map<std::string, FontUse> fonts_courier;
  std::map<std::string, FontUse> fonts_type3_bitmap;
  std::map<std::string, FontUse> fonts_type3;  // every Type 3 font, bitmap or not
  std::set<std::string> fonts_seen;  // font object keys already classified
  std::map<std::string, int> spot_first_page;  // spot colour name -> first page
  bool pdfx4 = false;
};

class PageScanner : public OutputDev {
 public:
  PageScanner(const Profile& profile, DocumentState& document);

  // Prepares for page `page_number` (1-based); results are in marks() and hits().
  void begin_page(int page_number);
  void finish_page();  // flushes the text run in progress
  const std::vector<Mark>& marks() const { return marks_; }
  std::map<std::string, Hit>& hits() { return hits_; }

  // OutputDev
  bool upsideDown() override { return false; }
  bool useDrawChar() override { return true; }
  bool interpretType3Chars() override { return false; }
  bool needNonText() override { return true; }
  bool useShadedFills(int type) override { return type >= 1 && type <= 7; }
  // Tiling patterns are walked one cell at a time, never tiled out: a pattern with a tiny
  // step over a large area would otherwise draw millions of cells.
  bool useTilingPatternFill() override { return true; }
  bool tilingPatternFill(GfxState* state, Gfx* gfx, Catalog* cat, GfxTilingPattern* tPat,
                         const double* mat, int x0, int y0, int x1, int y1, double xStep,
                         double yStep) override;
  void endTextObject(GfxState* state) override;
  void stroke(GfxState* state) override;
  void fill(GfxState* state) override;
  void eoFill(GfxState* state) override;
  bool functionShadedFill(GfxState* state, GfxFunctionShading* shading) override;
  bool axialShadedFill(GfxState* state, GfxAxialShading* shading, double tMin,
                       double tMax) override;
  bool radialShadedFill(GfxState* state, GfxRadialShading* shading, double sMin,
                        double sMax) override;
  bool gouraudTriangleShadedFill(GfxState* state, GfxGouraudTriangleShading* shading) override;
  bool patchMeshShadedFill(GfxState* state, GfxPatchMeshShading* shading) override;
  void drawChar(GfxState* state, double x, double y, double dx, double dy, double originX,
                double originY, CharCode code, int nBytes, const Unicode* u, int uLen) override;
  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height,
                     bool invert, bool interpolate, bool inlineImg) override;
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                 GfxImageColorMap* colorMap, bool interpolate, const int* maskColors,
                 bool inlineImg) override;
  void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                       GfxImageColorMap* colorMap, bool interpolate, Stream* maskStr,
                       int maskWidth, int maskHeight, bool maskInvert,
                       bool maskInterpolate) override;
  void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                           GfxImageColorMap* colorMap, bool interpolate, Stream* maskStr,
                           int maskWidth, int maskHeight, GfxImageColorMap* maskColorMap,
                           bool maskInterpolate) override;

 private:
  struct TextRun {
    bool active = false;
    const GfxFont* font = nullptr;
    double size_pt = 0;
    int render = 0;
    bool overprint = false;
    int mode = -1;  // GfxColorSpaceMode, -1 when there is no colour space
    SpaceClass space_class;
    Inks inks;
    std::array<double, 8> colour{};
    int ncomps = 0;
    Box box;
    int chars = 0;
  };

  void hit(const std::string& id, const Box& box, const std::string& message, double worst = 0);
  void paint_path(GfxState* state, bool stroke);
  void check_space(GfxColorSpace* space, const Box& box, const char* what);
  void check_space_class(const SpaceClass& cls, const Box& box, const char* what);
  void check_font(GfxState* state, const Box& box);
  void check_image(GfxState* state, Stream* str, int width, int height, GfxColorSpace* space,
                   int bits, bool mask);
  void flush_text();
  Box clip_box(GfxState* state) const;

  const Profile& profile_;
  DocumentState& document_;
  int page_ = 0;
  std::vector<Mark> marks_;
  std::map<std::string, Hit> hits_;
  TextRun run_;
  int pattern_depth_ = 0;
  const GfxFont* last_font_ = nullptr;  // the font check already ran for this one
  Ref last_font_ref_ = Ref::INVALID();
};

}  // namespace dizgi::preflight
