#include "text/shaper.hpp"

#include <pango/pangofc-fontmap.h>

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>

namespace dizgi::text {

namespace {

constexpr std::string_view kFigureCharacters = "0123456789.,-+%()";

void free_pieces(Shaped& shaped) {
  for (ShapedPiece& piece : shaped.pieces) {
    if (piece.owns_item) pango_item_free(piece.glyph_item.item);
    pango_glyph_string_free(piece.glyph_item.glyphs);
  }
  shaped.pieces.clear();
}

// Fills in what the renderer reads from a piece, once its glyphs are final.
void describe(ShapedPiece& piece) {
  const PangoItem* item = piece.glyph_item.item;
  const PangoGlyphString* glyphs = piece.glyph_item.glyphs;
  piece.font = item->analysis.font;
  if (piece.owns_item) {
    piece.offset = item->offset;
    piece.length = item->length;
  }
  piece.plain = piece.font && !(item->analysis.level & 1) && glyphs->num_glyphs > 0;
  for (int i = 0; piece.plain && i < glyphs->num_glyphs; ++i) {
    const PangoGlyph g = glyphs->glyphs[i].glyph;
    piece.plain = g != PANGO_GLYPH_EMPTY && !(g & PANGO_GLYPH_UNKNOWN_FLAG);
  }
}

void append_double(std::string& out, double value) {
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);  // locale-free, shortest form
  out.append(buffer, result.ptr);
}

}  // namespace

bool is_figure_text(std::string_view text) {
  if (text.empty() || text.find("..") != std::string_view::npos) return false;  // no run of stops: "…" ligatures
  for (char c : text) {
    if (kFigureCharacters.find(c) == std::string_view::npos) return false;
  }
  return true;
}

// Built by hand rather than with a stream: it is made for every fragment shaped.
std::string font_key_string(const FontKey& font) {
  std::string out;
  out.reserve(font.family.size() + 24);
  out += font.family;
  out += '|';
  out += font.bold ? '1' : '0';
  out += font.italic ? '1' : '0';
  out += font.small_caps ? '1' : '0';
  out += '|';
  append_double(out, font.size_pt);
  out += '|';
  append_double(out, font.tracking_em);
  return out;
}

Shaper::Shaper(DiagnosticSink* sink) : sink_(sink) {
  font_map_ = pango_cairo_font_map_new();
  // Metrics in points: 72 dpi makes one Pango unit-scaled pixel one point.
  pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(font_map_), 72.0);
  context_pango_ = pango_font_map_create_context(font_map_);
  pango_context_set_language(context_pango_, pango_language_from_string("tr"));
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_pango_, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context_pango_, FALSE);
}

Shaper::~Shaper() {
  for (auto& [font, fragments] : cache_) {
    for (auto& [key, shaped] : fragments) free_pieces(*shaped);
  }
  for (auto& [key, figures] : figures_) {
    if (figures.item) pango_item_free(figures.item);
  }
  for (auto& [key, desc] : descriptions_) pango_font_description_free(desc);
  g_object_unref(context_pango_);
  g_object_unref(font_map_);
}

PangoFontDescription* Shaper::description(const FontKey& font) {
  std::string key = font_key_string(font);
  auto it = descriptions_.find(key);
  if (it != descriptions_.end()) return it->second;
  PangoFontDescription* desc = pango_font_description_new();
  pango_font_description_set_family(desc, font.family.c_str());
  pango_font_description_set_weight(desc, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(desc, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_absolute_size(desc, font.size_pt * PANGO_SCALE);
  descriptions_[key] = desc;
  return desc;
}

Shaper::FragmentMap& Shaper::fragments_of(const FontKey& font) {
  if (!last_fragments_ || !(font == last_font_)) {
    last_font_key_ = font_key_string(font);
    last_fragments_ = &cache_[last_font_key_];
    last_font_ = font;
  }
  return *last_fragments_;
}

const Shaped& Shaper::shape(std::string_view text, const FontKey& font) {
  FragmentMap& fragments = fragments_of(font);
  auto found = fragments.find(text);
  if (found != fragments.end()) return *found->second;
  std::unique_ptr<Shaped> shaped;
  if (figure_path_ && is_figure_text(text)) {
    const FigureGlyphs& figures = figure_glyphs(font, last_font_key_);
    if (figures.usable) shaped = shape_figure(text, font, figures);
  }
  if (!shaped) shaped = shape_with_pango(text, font);
  const Shaped& result = *shaped;
  fragments.emplace(std::string_view(result.text), std::move(shaped));
  return result;
}

double Shaper::width(std::string_view text, const FontKey& font) {
  if (!figure_path_ || !is_figure_text(text)) return shape(text, font).width_pt;
  fragments_of(font);  // the font's key
  const FigureGlyphs& figures = figure_glyphs(font, last_font_key_);
  if (!figures.usable) return shape(text, font).width_pt;
  int units = 0;  // summed as shape_figure sums them, so that both give the same width
  for (std::size_t i = 0; i < text.size(); ++i) units += figures.advance(text, i);
  return units / static_cast<double>(PANGO_SCALE);
}

const Shaper::FigureGlyphs& Shaper::figure_glyphs(const FontKey& font, const std::string& key) {
  auto [at, added] = figures_.try_emplace(key);
  FigureGlyphs& figures = at->second;
  if (!added) return figures;
  // Each character alone: one glyph of the font asked for, not moved off its origin.
  PangoFont* used = nullptr;
  for (char c : kFigureCharacters) {
    std::unique_ptr<Shaped> one = shape_with_pango(std::string_view(&c, 1), font);
    const bool single = one->pieces.size() == 1 && one->pieces[0].glyph_item.glyphs->num_glyphs == 1 &&
                        one->missing.empty() && one->fallbacks.empty();
    if (single) {
      const PangoGlyphInfo& g = one->pieces[0].glyph_item.glyphs->glyphs[0];
      PangoFont* f = one->pieces[0].glyph_item.item->analysis.font;
      if (g.geometry.x_offset == 0 && g.geometry.y_offset == 0 && (used == nullptr || f == used)) {
        used = f;
        const auto index = static_cast<unsigned char>(c);
        figures.glyph[index] = g.glyph;
        figures.width[index] = g.geometry.width;
        if (!figures.item) figures.item = pango_item_copy(one->pieces[0].glyph_item.item);
        free_pieces(*one);
        continue;
      }
    }
    free_pieces(*one);
    return figures;  // not usable
  }
  // Every pair: the same two glyphs as alone, not moved off their origins; the first one's
  // advance may change (pair kerning, as in "-)"), and that change is kept.
  for (char a : kFigureCharacters) {
    for (char b : kFigureCharacters) {
      const char pair[2] = {a, b};
      if (!is_figure_text(std::string_view(pair, 2))) continue;
      std::unique_ptr<Shaped> two = shape_with_pango(std::string_view(pair, 2), font);
      bool same = two->pieces.size() == 1 && two->pieces[0].glyph_item.glyphs->num_glyphs == 2;
      for (int i = 0; same && i < 2; ++i) {
        const PangoGlyphInfo& g = two->pieces[0].glyph_item.glyphs->glyphs[i];
        const auto index = static_cast<unsigned char>(pair[i]);
        same = g.glyph == figures.glyph[index] && (i == 0 || g.geometry.width == figures.width[index]) &&
               g.geometry.x_offset == 0 && g.geometry.y_offset == 0 &&
               two->pieces[0].glyph_item.glyphs->log_clusters[i] == i;
      }
      if (same) {
        const auto first = static_cast<unsigned char>(a), second = static_cast<unsigned char>(b);
        figures.kern[first][second] = two->pieces[0].glyph_item.glyphs->glyphs[0].geometry.width - figures.width[first];
      }
      free_pieces(*two);
      if (!same) return figures;
    }
  }
  // Longer figures as a check that nothing looks further than a pair (contextual kerning).
  for (std::string_view sample : {"(1.234.567,89)", "-4,2", "%45,2", "+12,5", "(-)", "100,0", "-1.000.000,00"}) {
    std::unique_ptr<Shaped> pango = shape_with_pango(sample, font);
    std::unique_ptr<Shaped> built = shape_figure(sample, font, figures);
    bool same = pango->pieces.size() == 1 &&
                pango->pieces[0].glyph_item.glyphs->num_glyphs == built->pieces[0].glyph_item.glyphs->num_glyphs;
    for (int i = 0; same && i < pango->pieces[0].glyph_item.glyphs->num_glyphs; ++i) {
      const PangoGlyphInfo& p = pango->pieces[0].glyph_item.glyphs->glyphs[i];
      const PangoGlyphInfo& q = built->pieces[0].glyph_item.glyphs->glyphs[i];
      same = p.glyph == q.glyph && p.geometry.width == q.geometry.width && p.geometry.x_offset == 0 &&
             p.geometry.y_offset == 0;
    }
    free_pieces(*pango);
    free_pieces(*built);
    if (!same) return figures;
  }
  figures.usable = true;
  return figures;
}

std::unique_ptr<Shaped> Shaper::shape_figure(std::string_view text, const FontKey& font, const FigureGlyphs& figures) {
  auto shaped = std::make_unique<Shaped>();
  shaped->text = std::string(text);
  shaped->font = font;
  ShapedPiece piece;
  piece.glyph_item.item = figures.item;  // shared: a long table has hundreds of thousands of figures
  piece.owns_item = false;
  piece.offset = 0;
  piece.length = static_cast<int>(text.size());
  // Exactly as many glyphs as characters (pango_glyph_string_set_size rounds up to a power of
  // two); pango_glyph_string_free frees these as its own.
  PangoGlyphString* glyphs = pango_glyph_string_new();
  const int count = static_cast<int>(text.size());
  glyphs->glyphs = g_new0(PangoGlyphInfo, count);
  glyphs->log_clusters = g_new(gint, count);
  glyphs->num_glyphs = glyphs->space = count;
  int width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto index = static_cast<unsigned char>(text[i]);
    PangoGlyphInfo& g = glyphs->glyphs[i];
    g.glyph = figures.glyph[index];
    g.geometry.width = figures.advance(text, i);
    g.geometry.x_offset = 0;
    g.geometry.y_offset = 0;
    g.attr.is_cluster_start = 1;
    glyphs->log_clusters[i] = static_cast<int>(i);
    width += g.geometry.width;
  }
  piece.glyph_item.glyphs = glyphs;
  piece.width_pt = width / static_cast<double>(PANGO_SCALE);
  describe(piece);
  shaped->width_pt = piece.width_pt;
  shaped->pieces.push_back(piece);
  return shaped;
}

std::unique_ptr<Shaped> Shaper::shape_with_pango(std::string_view text, const FontKey& font) {
  auto shaped = std::make_unique<Shaped>();
  shaped->text = std::string(text);
  shaped->font = font;
  PangoAttrList* attrs = pango_attr_list_new();
  pango_attr_list_insert(attrs, pango_attr_font_desc_new(description(font)));
  if (font.small_caps) pango_attr_list_insert(attrs, pango_attr_font_features_new("smcp"));
  GList* items = pango_itemize(context_pango_, shaped->text.c_str(), 0,
                               static_cast<int>(shaped->text.size()), attrs, nullptr);
  pango_attr_list_unref(attrs);
  double tracking_pt = font.tracking_em * font.size_pt;
  for (GList* l = items; l; l = l->next) {
    auto* item = static_cast<PangoItem*>(l->data);
    PangoGlyphString* glyphs = pango_glyph_string_new();
    pango_shape_full(shaped->text.c_str() + item->offset, item->length, shaped->text.c_str(),
                     static_cast<int>(shaped->text.size()), &item->analysis, glyphs);
    if (tracking_pt != 0) {
      for (int i = 0; i < glyphs->num_glyphs; ++i)
        glyphs->glyphs[i].geometry.width += static_cast<int>(tracking_pt * PANGO_SCALE);
    }
    // Missing glyphs and font fallback are reported once per font and character.
    auto [named, added] = family_names_.try_emplace(item->analysis.font);
    if (added) {
      PangoFontDescription* used = pango_font_describe(item->analysis.font);
      const char* used_family = pango_font_description_get_family(used);
      named->second = used_family ? used_family : "?";
      pango_font_description_free(used);
    }
    const std::string& used_name = named->second;
    for (int i = 0; i < glyphs->num_glyphs; ++i) {
      const char* at = shaped->text.c_str() + item->offset + glyphs->log_clusters[i];
      gunichar ch = g_utf8_get_char(at);
      const bool unknown = glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG;
      const bool fallback = !unknown && used_name != font.family && ch > 0x20;
      if (!unknown && !fallback) continue;
      char utf8[8] = {0};
      g_unichar_to_utf8(ch, utf8);
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", ch);
      if (unknown) {
        shaped->missing.push_back("font '" + used_name + "' has no glyph for '" + utf8 + "' (" + code + ")");
      } else {
        std::string character = "'";
        character += utf8;
        character += "' (";
        character += code;
        character += ")";
        shaped->fallbacks.push_back(Fallback{std::move(character), used_name});
      }
    }
    ShapedPiece piece;
    piece.glyph_item.item = item;
    piece.glyph_item.glyphs = glyphs;
    piece.width_pt = pango_glyph_string_get_width(glyphs) / static_cast<double>(PANGO_SCALE);
    describe(piece);
    shaped->width_pt += piece.width_pt;
    shaped->pieces.push_back(piece);
  }
  g_list_free(items);
  return shaped;
}

void Shaper::add_font_dir(const std::filesystem::path& dir) {
  // A configuration of this Shaper's own: the process-wide one stays as it was, so another
  // book built in the same process never sees these fonts.
  FcConfig* config = FcInitLoadConfigAndFonts();
  if (config == nullptr || !FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(dir.c_str()))) {
    if (config != nullptr) FcConfigDestroy(config);
    throw Error(ErrorCode::io, Location{dir.string()}, "cannot read the fonts in this folder",
                "check that it holds readable .otf or .ttf files");
  }
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map_), config);
  FcConfigDestroy(config);  // the font map keeps its own reference
  pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(font_map_));
  font_dir_ = dir;
}

std::unique_ptr<Shaper> Shaper::sibling(DiagnosticSink* sink) const {
  auto other = std::make_unique<Shaper>(sink);
  if (!font_dir_.empty()) other->add_font_dir(font_dir_);
  other->figure_path_ = figure_path_;
  return other;
}

std::vector<std::string> Shaper::families() {
  PangoFontFamily** list = nullptr;
  int count = 0;
  pango_font_map_list_families(font_map_, &list, &count);
  std::vector<std::string> names;
  for (int i = 0; i < count; ++i) names.emplace_back(pango_font_family_get_name(list[i]));
  g_free(list);
  std::sort(names.begin(), names.end());
  return names;
}

bool Shaper::has_family(std::string_view family) {
  auto lower = [](std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  std::string wanted = lower(family);
  for (const std::string& name : families()) {
    if (lower(name) == wanted) return true;
  }
  return false;
}

const FontMetrics& Shaper::metrics(const FontKey& font) {
  std::string key = font_key_string(font);
  auto it = metrics_.find(key);
  if (it != metrics_.end()) return it->second;
  FontMetrics m;
  PangoFontMetrics* pm = pango_context_get_metrics(context_pango_, description(font),
                                                   pango_language_from_string("tr"));
  m.ascent_pt = pango_font_metrics_get_ascent(pm) / static_cast<double>(PANGO_SCALE);
  m.descent_pt = pango_font_metrics_get_descent(pm) / static_cast<double>(PANGO_SCALE);
  pango_font_metrics_unref(pm);
  FontKey plain = font;
  plain.tracking_em = 0;
  m.space_pt = shape(" ", plain).width_pt;
  m.hyphen_pt = shape("-", plain).width_pt;
  m.x_height_pt = shape("x", plain).width_pt;
  return metrics_.emplace(key, m).first->second;
}

}  // namespace dizgi::text
