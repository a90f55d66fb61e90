#include "preflight/profile.hpp"

#include <dizgi/diagnostics.hpp>

#include "util/atomic_file.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <memory>
#include <sstream>

namespace dizgi::preflight {

namespace {

Location at(const std::string& source, long line) {
  Location location;
  location.file = source;
  location.line = line > 0 ? static_cast<uint32_t>(line) : 0;
  return location;
}

std::string attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return {};
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return text;
}

bool has_attribute(xmlNode* node, const char* name) {
  return xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

std::string element_name(xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "error") return Severity::error;
  if (text == "warning") return Severity::warning;
  if (text == "info") return Severity::info;
  if (text == "off") return Severity::invalid;
  return std::nullopt;
}

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

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

Profile parse_profile(std::string_view xml, const std::string& source) {
  // No network, no entity substitution, no DTD loading: a profile is plain data.
  std::unique_ptr<xmlDoc, DocDeleter> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) {
    const xmlError* error = xmlGetLastError();
    std::string message = error != nullptr && error->message != nullptr
                              ? std::string(error->message) : std::string("malformed XML");
    while (!message.empty() && (message.back() == '\n' || message.back() == '.')) {
      message.pop_back();
    }
    throw Error(ErrorCode::usage, at(source, error != nullptr ? error->line : 0),
                "cannot read preflight profile: " + message);
  }
  if (doc->intSubset != nullptr || doc->extSubset != nullptr) {
    throw Error(ErrorCode::usage, at(source, doc->intSubset != nullptr ? xmlGetLineNo(reinterpret_cast<xmlNode*>(doc->intSubset)) : 0),
                "a preflight profile must not have a DOCTYPE", "profiles are plain data: remove the <!DOCTYPE ...> line");
  }
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr || element_name(root) != "preflight-profile") {
    throw Error(ErrorCode::usage, at(source, root != nullptr ? xmlGetLineNo(root) : 0),
                "not a preflight profile: the root element must be <preflight-profile>");
  }
  Profile profile;
  profile.source = source;
  profile.name = attribute(root, "name");
  const std::string intent = attribute(root, "intent");
  if (intent == "print") profile.intent = Intent::print;
  else if (intent == "web") profile.intent = Intent::web;
  else {
    throw Error(ErrorCode::usage, at(source, xmlGetLineNo(root)),
                "profile intent must be 'print' or 'web', not '" + intent + "'");
  }
  if (has_attribute(root, "binding")) profile.binding = attribute(root, "binding");
  std::istringstream aliases(attribute(root, "alias"));  // space-separated
  for (std::string alias; aliases >> alias;) profile.aliases.push_back(alias);
  if (!profile.binding.empty() && profile.binding != "saddle-stitch" &&
      profile.binding != "perfect" && profile.binding != "signatures") {
    throw Error(ErrorCode::usage, at(source, xmlGetLineNo(root)),
                "unknown binding '" + profile.binding + "'", "use saddle-stitch, perfect or signatures");
  }
  const auto& defaults = default_params();
  for (xmlNode* node = root->children; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    const std::string name = element_name(node);
    const long line = xmlGetLineNo(node);
    if (name == "description") continue;
    if (name == "param") {
      const std::string key = attribute(node, "name");
      const std::string text = attribute(node, "value");
      if (defaults.find(key) == defaults.end()) {
        throw Error(ErrorCode::usage, at(source, line), "unknown profile parameter '" + key + "'");
      }
      double value = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
          value < 0) {
        throw Error(ErrorCode::usage, at(source, line),
                    "parameter '" + key + "' needs a non-negative number, not '" + text + "'");
      }
      profile.params[key] = value;
    } else if (name == "check") {
      const std::string id = attribute(node, "id");
      bool known = false;
      for (const CheckInfo& check : known_checks()) known = known || id == check.id;
      if (!known) {
        throw Error(ErrorCode::usage, at(source, line), "unknown check '" + id + "'",
                    "see docs/preflight.md for the list of checks");
      }
      const auto severity = parse_severity(attribute(node, "severity"));
      if (!severity) {
        throw Error(ErrorCode::usage, at(source, line),
                    "check '" + id + "' needs severity error, warning, info or off");
      }
      profile.checks[id] = *severity;
    } else {
      throw Error(ErrorCode::usage, at(source, line), "unknown element <" + name + ">",
                  "a profile holds <description>, <param> and <check> elements");
    }
  }
  return profile;
}

Profile load_profile(const std::string& name_or_path) {
  // A built-in profile by its name or one of its aliases (alias="print" in print-sheetfed.xml).
  for (std::size_t i = 0; i < embedded_profile_count; ++i) {
    Profile profile = parse_profile(embedded_profiles[i].xml, std::string("<built-in ") + embedded_profiles[i].name + ">");
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
