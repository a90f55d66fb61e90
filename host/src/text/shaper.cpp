#include "text/shaper.hpp"

#include <pango/pangofc-fontmap.h>

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>

namespace dizgi::text {

namespace {

void append_double(std::string& out, double value) {
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);  // locale-free, shortest form
  out.append(buffer, result.ptr);
}

}  // namespace

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
    for (auto& [key, shaped] : fragments) {
      for (ShapedPiece& piece : shaped->pieces) {
        pango_item_free(piece.glyph_item.item);
        pango_glyph_string_free(piece.glyph_item.glyphs);
      }
    }
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

const Shaped& Shaper::shape(std::string_view text, const FontKey& font) {
  if (!last_fragments_ || !(font == last_font_)) {
    last_font_key_ = font_key_string(font);
    last_fragments_ = &cache_[last_font_key_];
    last_font_ = font;
  }
  FragmentMap& fragments = *last_fragments_;
  auto found = fragments.find(text);
  if (found != fragments.end()) return *found->second;

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
    PangoFontDescription* used = pango_font_describe(item->analysis.font);
    const char* used_family = pango_font_description_get_family(used);
    std::string used_name = used_family ? used_family : "?";
    pango_font_description_free(used);
    for (int i = 0; i < glyphs->num_glyphs; ++i) {
      const char* at = shaped->text.c_str() + item->offset + glyphs->log_clusters[i];
      gunichar ch = g_utf8_get_char(at);
      char utf8[8] = {0};
      g_unichar_to_utf8(ch, utf8);
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", ch);
      if (glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) {
        shaped->missing.push_back("font '" + used_name + "' has no glyph for '" + utf8 + "' (" + code + ")");
      } else if (used_name != font.family && ch > 0x20) {
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
    shaped->width_pt += piece.width_pt;
    shaped->pieces.push_back(piece);
  }
  g_list_free(items);
  const Shaped& result = *shaped;
  fragments.emplace(result.text, std::move(shaped));
  return result;
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
