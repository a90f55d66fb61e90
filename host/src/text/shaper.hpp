// Shaping: Pango itemizes (script, language tr, font fallback) and HarfBuzz shapes. dizgi
// shapes word fragments and caches them, then places the fragments itself (its own line
// breaker), so the same word in the same font is shaped once per book.
#pragma once

#include <dizgi/diagnostics.hpp>

#include <pango/pangocairo.h>

#include <array>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dizgi::text {

struct FontKey {
  std::string family;
  bool bold = false;
  bool italic = false;
  bool small_caps = false;
  double size_pt = 10;
  double tracking_em = 0;
  bool operator==(const FontKey&) const = default;
};

// A character set in another font than the one asked for (font fallback).
struct Fallback {
  std::string character;  // "'😀' (U+1F600)"
  std::string family;     // the family that has it
};

// One item of a shaped fragment: a run of glyphs in one font.
struct ShapedPiece {
  // Item + glyphs, owned by the Shaper. A figure's item is its font's, shared by every figure
  // in that font: its offset and length are not the piece's, `offset` and `length` are.
  PangoGlyphItem glyph_item{};
  double width_pt = 0;
  PangoFont* font = nullptr;     // the item's font
  int offset = 0, length = 0;    // the piece's bytes of Shaped::text
  bool owns_item = true;
  // Every glyph can be drawn as it is (no missing-glyph box or empty glyph) from left to right:
  // the renderer draws it without Pango.
  bool plain = false;
};

struct Shaped {
  std::string text;  // the fragment (the pieces index into it)
  FontKey font;      // what it was shaped with
  std::vector<ShapedPiece> pieces;
  double width_pt = 0;
  // Characters the chosen fonts lack ("font 'X' has no glyph for 'ğ' (U+011F)"): reported by the
  // engine with the page where the text is set.
  std::vector<std::string> missing;
  // Characters the requested family lacks but another font has: counted and reported by the
  // caller over the placed text (layout/fonts), as one warning per pair of families.
  std::vector<Fallback> fallbacks;
};

struct FontMetrics {
  double ascent_pt = 0;
  double descent_pt = 0;
  double space_pt = 0;   // width of U+0020 in this font
  double hyphen_pt = 0;  // width of '-'
  double x_height_pt = 0;
};

// Not thread-safe: one Shaper per thread. Never throws for missing glyphs or fallback: the
// fragments record them and the caller reports them with the page where the text is set.
class Shaper {
 public:
  explicit Shaper(DiagnosticSink* sink);
  ~Shaper();
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  // The returned reference stays valid for the Shaper's lifetime.
  const Shaped& shape(std::string_view text, const FontKey& font);
  // shape(text, font).width_pt; a figure the font sets without context is measured from its
  // glyphs' advances, neither shaped nor kept (column widths measure every cell of a table).
  double width(std::string_view text, const FontKey& font);
  const FontMetrics& metrics(const FontKey& font);
  // The sink of the book being set: a Shaper (its fonts and shaped fragments) may serve several
  // books one after another (job::Session); each book's font fallbacks are reported to its own
  // sink (fallbacks are recorded on the fragments and reported after layout).
  void set_sink(DiagnosticSink* sink) { sink_ = sink; }
  // Where the current text comes from, for diagnostics ("page 12", "table 'gider'").
  void set_context(std::string where) { context_ = std::move(where); }
  PangoContext* context() const { return context_pango_; }
  // Adds a folder of font files (a book's own fonts/) to the fonts this Shaper sees, as a
  // fontconfig application font folder on top of the configuration FONTCONFIG_FILE names. Call
  // it before shaping anything. Throws Error(ErrorCode::io) when fontconfig cannot read it.
  void add_font_dir(const std::filesystem::path& dir);
  // Figures go through Pango like any text when off (tests compare the two ways).
  void set_figure_path(bool on) { figure_path_ = on; }
  // A Shaper with the same fonts and settings (its own font map and cache), for another thread:
  // it sets the same text with the same glyphs at the same places.
  std::unique_ptr<Shaper> sibling(DiagnosticSink* sink) const;
  // Whether a font family of this name is installed (case-insensitive, as fontconfig matches).
  bool has_family(std::string_view family);
  // The names of the installed families, sorted.
  std::vector<std::string> families();

 private:
  PangoFontDescription* description(const FontKey& font);
  // Itemizes and shapes with Pango, not cached.
  std::unique_ptr<Shaped> shape_with_pango(std::string_view text, const FontKey& font);
  // Figures ("1.234.567,89", "%45,2", "(4,2)") are nearly all different strings: in a long
  // table most of the text. When a font sets the characters figures are written with without
  // context — each always the same glyph, its advance changed only by pair kerning (checked on
  // every pair once per font, and on longer samples) — a figure is put together from those
  // glyphs without Pango.
  struct FigureGlyphs {
    bool usable = false;
    PangoItem* item = nullptr;  // the item of a one-character figure: font and analysis
    std::array<PangoGlyph, 128> glyph{};
    std::array<int, 128> width{};
    std::array<std::array<int, 128>, 128> kern{};  // change of the first advance in a pair
    // The advance of the figure's i-th character (Pango units): its glyph's, kerned with the next.
    int advance(std::string_view text, std::size_t i) const {
      const auto index = static_cast<unsigned char>(text[i]);
      return width[index] + (i + 1 < text.size() ? kern[index][static_cast<unsigned char>(text[i + 1])] : 0);
    }
  };
  const FigureGlyphs& figure_glyphs(const FontKey& font, const std::string& key);
  std::unique_ptr<Shaped> shape_figure(std::string_view text, const FontKey& font, const FigureGlyphs& glyphs);

  DiagnosticSink* sink_;
  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_pango_ = nullptr;
  std::string context_;
  // Fragments by font, then by text; looked up with a string_view (no copy per lookup).
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
  };
  // Keyed by a view of the fragment's own text (a Shaped never moves or changes).
  using FragmentMap = std::unordered_map<std::string_view, std::unique_ptr<Shaped>, TextHash>;
  std::unordered_map<std::string, FragmentMap> cache_;
  // The fragments of a font; the last font's are at hand (consecutive fragments share one).
  FragmentMap& fragments_of(const FontKey& font);
  // The last font asked for: consecutive fragments are nearly always in the same font.
  FontKey last_font_;
  FragmentMap* last_fragments_ = nullptr;
  std::string last_font_key_;
  std::unordered_map<std::string, FontMetrics> metrics_;
  std::unordered_map<std::string, PangoFontDescription*> descriptions_;
  std::unordered_map<std::string, FigureGlyphs> figures_;  // by font key
  bool figure_path_ = true;
  std::filesystem::path font_dir_;  // the last add_font_dir (each call replaces the one before)
  // The family of each font Pango chose (fonts live as long as the font map).
  std::unordered_map<PangoFont*, std::string> family_names_;
};

// The characters a figure may be written with for the figure path of Shaper::shape: digits,
// '.', ',', '-', '+', '%', '(', ')'. Exposed for tests.
bool is_figure_text(std::string_view text);

std::string font_key_string(const FontKey& font);

}  // namespace dizgi::text
