#include "preflight/profile.hpp"

#include <dizgi/diagnostics.hpp>

#include "util/atomic_file.hpp"
#include "util/schemas.hpp"
#include "util/xml.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <algorithm>
#include <set>
#include <sstream>

namespace dizgi::preflight {

namespace {

const xml::Schema& profile_schema() {
  static const xml::Schema schema(util::embedded_schema("preflight-profile.rng"), "preflight profile");
  return schema;
}

Severity parse_severity(std::string_view text) {
  // The schema allows only these four.
  if (text == "error") return Severity::error;
  if (text == "warning") return Severity::warning;
  if (text == "info") return Severity::info;
  return Severity::invalid;  // off
}

}  // namespace

const std::vector<CheckInfo>& known_checks() {
  static const std::vector<CheckInfo> checks = {
      {"fonts.not-embedded", "a font is not embedded"},
      {"fonts.type3-bitmap", "a Type 3 font draws its glyphs as bitmaps"},
      {"fonts.type3", "a Type 3 font (any kind)"},
      {"fonts.size-below-minimum", "text smaller than the minimum size (min-text-pt)"},
      {"fonts.courier", "a font named Courier (the usual substitute for a missing font)"},
      {"fonts.notdef", "glyphs that map to .notdef (missing glyphs)"},
      {"images.resolution-low", "effective image resolution below the error threshold"},
      {"images.resolution-marginal", "effective image resolution below the warning threshold"},
      {"images.resolution-excessive", "effective image resolution above the size threshold"},
      {"images.rgb", "an RGB image in a CMYK job"},
      {"images.16-bit", "an image with 16 bits per component"},
      {"images.jpeg2000", "a JPEG 2000 (JPXDecode) image"},
      {"images.jbig2", "a JBIG2 image"},
      {"colour.rgb", "RGB vector content (fill or stroke) in a CMYK job"},
      {"colour.lab", "Lab vector content in a CMYK job"},
      {"colour.spot-count", "more spot colours than the profile allows"},
      {"colour.spot-colour", "a spot colour (each one is listed)"},
      {"colour.spot-near-duplicate", "spot colours whose names differ only in case or spacing"},
      {"colour.tac", "total area coverage above the limit over a small area"},
      {"colour.small-text-multi-ink", "small text built from several inks"},
      {"colour.rich-black-text", "black text built from black plus other inks"},
      {"colour.white-overprint", "white set to overprint (it disappears in print)"},
      {"colour.black-text-knockout", "small black text that does not overprint"},
      {"lines.hairline", "a stroke thinner than the minimum line width"},
      {"geometry.trimbox-missing", "a page without a TrimBox"},
      {"geometry.trimbox-size-differs", "a TrimBox of a different size than page 1's"},
      {"geometry.bleed-insufficient", "content touches the trim edge but the bleed is too small"},
      {"geometry.safe-zone", "text closer to the trim edge than the safe zone"},
      {"geometry.cropbox-differs", "a CropBox that differs from the MediaBox"},
      {"geometry.rotate", "a page with /Rotate"},
      {"geometry.userunit", "a page with a UserUnit other than 1"},
      {"geometry.blank-page", "a page that draws nothing"},
      {"geometry.page-count", "a page count the binding cannot take"},
      {"document.pdfx-missing", "no PDF/X version marker"},
      {"document.output-intent-missing", "no PDF/X output intent"},
      {"document.output-intent-not-cmyk", "the output intent profile is not CMYK"},
      {"document.encrypted", "the document is encrypted"},
      {"document.javascript", "the document contains JavaScript"},
      {"document.actions", "the document runs actions when opened or on page events"},
      {"document.annotation-in-trim", "a printing annotation inside the trim"},
      {"document.form-field-in-trim", "a form field inside the trim"},
      {"document.title-missing", "no document title"},
      {"document.language-missing", "no document language (/Lang)"},
      {"document.untagged", "no tagged structure"},
      {"document.not-linearized", "not linearized (fast web view)"},
      {"document.no-outlines", "no bookmarks (outlines)"},
  };
  return checks;
}

const std::map<std::string, double, std::less<>>& default_params() {
  static const std::map<std::string, double, std::less<>> params = {
      {"image-ppi-error", 149},
      {"image-ppi-warning", 224},
      {"image-ppi-error-1bit", 549},
      {"image-ppi-warning-1bit", 799},
      {"image-ppi-max", 600},
      {"tac-max-percent", 320},
      {"tac-area-mm", 5},
      {"small-text-pt", 8},
      {"min-text-pt", 5},
      {"black-text-overprint-pt", 12},
      {"black-k-percent", 95},
      {"ink-min-percent", 1},
      {"hairline-pt", 0.25},
      {"bleed-mm", 3},
      {"safe-zone-mm", 5},
      {"spot-max", 2},
      {"timeout-seconds", 60},
      {"max-pages", 20000},
  };
  return params;
}

double Profile::param(std::string_view key) const {
  if (auto it = params.find(key); it != params.end()) return it->second;
  const auto& defaults = default_params();
  if (auto it = defaults.find(key); it != defaults.end()) return it->second;
  return 0;
}

std::optional<Severity> Profile::level(std::string_view id) const {
  auto it = checks.find(id);
  if (it == checks.end() || it->second == Severity::invalid) return std::nullopt;
  return it->second;
}

Profile parse_profile(std::string_view xml_text, const std::string& source) {
  // Safe XML (no DOCTYPE entities, no network) and the profile schema: an unknown element or
  // attribute, a misspelt severity or intent is an error at its line and column.
  xml::ParseOptions options;
  options.error_code = ErrorCode::usage;
  const xml::Document document = xml::parse_memory(xml_text, source, options);
  profile_schema().validate(document);
  const xmlNode* root = document.root();
  Profile profile;
  profile.source = source;
  profile.name = xml::attribute(root, "name").value_or("");
  profile.intent = *xml::attribute(root, "intent") == "web" ? Intent::web : Intent::print;
  profile.binding = xml::attribute(root, "binding").value_or("");

  std::istringstream aliases(xml::attribute(root, "alias").value_or(""));  // space-separated
  for (std::string alias; aliases >> alias;) profile.aliases.push_back(alias);
  const auto& defaults = default_params();
  std::vector<std::string> keys;
  for (const auto& [key, value] : defaults) keys.push_back(key);
  std::vector<std::string> ids;
  for (const CheckInfo& check : known_checks()) ids.push_back(check.id);
  auto did_you_mean = [](const std::string& word, const std::vector<std::string>& candidates) {
    auto guess = xml::closest(word, candidates);
    return guess ? "did you mean '" + *guess + "'? " : std::string();
  };

  for (const xmlNode* node : xml::elements(root, "param")) {
    const std::string key = *xml::attribute(node, "name");
    const std::string text = *xml::attribute(node, "value");
    if (defaults.find(key) == defaults.end()) {
      document.fail_at(node, "name", "unknown profile parameter '" + key + "'",
                       did_you_mean(key, keys) + "see docs/preflight.md for the parameters");
    }
    if (profile.params.count(key) > 0) {
      document.fail_at(node, "name", "parameter '" + key + "' is given twice", "keep one of them");
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || value < 0) {
      document.fail_at(node, "value", "parameter '" + key + "' needs a non-negative number, not '" + text + "'",
                       "write digits with a point for decimals: value=\"3.5\"");
    }
    profile.params[key] = value;
  }
  for (const xmlNode* node : xml::elements(root, "check")) {
    const std::string id = *xml::attribute(node, "id");
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
      document.fail_at(node, "id", "unknown check '" + id + "'",
                       did_you_mean(id, ids) + "see docs/preflight.md for the list of checks");
    }
    if (profile.checks.count(id) > 0) {
      document.fail_at(node, "id", "check '" + id + "' is given twice", "keep one of them");
    }
    profile.checks[id] = parse_severity(*xml::attribute(node, "severity"));
  }
  return profile;
}

Profile load_profile(const std::string& name_or_path) {
  // A built-in profile by its name or one of its aliases (alias="print" in print-sheetfed.xml).
  for (std::size_t i = 0; i < embedded_profile_count; ++i) {
    Profile profile = parse_profile(embedded_profiles[i].text, std::string("<built-in ") + embedded_profiles[i].name + ">");
    if (name_or_path == embedded_profiles[i].name ||
        std::find(profile.aliases.begin(), profile.aliases.end(), name_or_path) != profile.aliases.end()) {
      return profile;
    }
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(name_or_path, ec)) {
    std::string names;
    for (std::size_t i = 0; i < embedded_profile_count; ++i) {
      names += (i ? ", " : "") + std::string(embedded_profiles[i].name);
    }
    Location location;
    location.file = name_or_path;
    throw Error(ErrorCode::usage, location, "no such preflight profile",
                "give a profile file or one of: print, " + names);
  }
  return parse_profile(util::read_file(name_or_path), name_or_path);
}

}  // namespace dizgi::preflight
