#include "output/profile.hpp"

#include <dizgi/diagnostics.hpp>

#include "layout/template.hpp"
#include "util/atomic_file.hpp"
#include "util/xml.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

namespace dizgi::output {

namespace fs = std::filesystem;

namespace {

// The attributes each element may carry; anything else is a typo worth an error.
const std::map<std::string, std::vector<std::string>, std::less<>>& allowed_attributes() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> allowed = {
      {"output-profile", {"name", "intent", "standard", "alias"}},
      {"description", {}},
      {"page", {"bleed", "binding", "blank-pages", "landscape-pages"}},
      {"marks", {"crop", "registration", "colour-bar", "slug", "offset", "length", "line-width"}},
      {"colour", {"model", "output-icc", "condition", "condition-info", "registry", "black-overprint"}},
      {"structure", {"tagged", "linearize", "object-streams", "outline", "links", "thumbnail", "form-fields"}},
      {"images", {"max-ppi"}},
      {"preflight", {"profile", "min-text"}},
  };
  return allowed;
}

class Reader {
 public:
  explicit Reader(const xml::Document& doc) : doc_(doc) {}

  void check_attributes(const xmlNode* node) const {
    const auto& allowed = allowed_attributes();
    const auto entry = allowed.find(xml::name(node));
    if (entry == allowed.end()) {
      std::vector<std::string> names;
      for (const auto& [name, attributes] : allowed) {
        if (name != "output-profile") names.push_back(name);
      }
      std::string hint = "an output profile holds " + xml::quoted_list(names, "and");
      if (auto guess = xml::closest(xml::name(node), names)) hint = "did you mean '" + *guess + "'? " + hint;
      doc_.fail(node, "unknown element '" + std::string(xml::name(node)) + "' in an output profile", hint);
    }
    for (const auto& [name, value] : xml::attributes(node)) {
      if (std::find(entry->second.begin(), entry->second.end(), name) != entry->second.end()) continue;
      std::string hint = entry->second.empty() ? std::string("it takes no attributes")
                                               : "allowed: " + xml::quoted_list(entry->second, "and");
      if (auto guess = xml::closest(name, entry->second)) hint = "did you mean '" + *guess + "'? " + hint;
      doc_.fail_at(node, name, "unknown attribute '" + name + "' on '" + std::string(xml::name(node)) + "'", hint);
    }
  }

  bool flag(const xmlNode* node, const char* name, bool fallback) const {
    auto text = xml::attribute(node, name);
    if (!text) return fallback;
    if (*text == "true") return true;
    if (*text == "false") return false;
    doc_.fail_at(node, name, std::string("attribute '") + name + "' must be true or false, not '" + *text + "'");
  }

  double length_pt(const xmlNode* node, const char* name, double fallback) const {
    auto text = xml::attribute(node, name);
    if (!text) return fallback;
    double value = -1;
    try {
      value = layout::parse_length_pt(*text);
    } catch (const std::exception&) {
    }
    if (!(value >= 0)) {
      doc_.fail_at(node, name, std::string("attribute '") + name + "' is not a length: '" + *text + "'",
                   "write a number with a unit: 3mm, 8.5pt");
    }
    return value;
  }

  std::string text(const xmlNode* node, const char* name, const std::string& fallback) const {
    auto value = xml::attribute(node, name);
    return value ? *value : fallback;
  }

  [[noreturn]] void fail_at(const xmlNode* node, const char* name, std::string message, std::string hint = {}) const {
    doc_.fail_at(node, name, std::move(message), std::move(hint));
  }

 private:
  const xml::Document& doc_;
};

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : text + " ") {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == ',') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += ch;
    }
  }
  return words;
}

void read_element(const Reader& r, const xmlNode* node, OutputProfile& p) {
  const std::string_view name = xml::name(node);
  if (name == "description") {
    p.description = xml::text(node);
  } else if (name == "page") {
    p.bleed_pt = r.length_pt(node, "bleed", p.bleed_pt);
    const std::string binding = r.text(node, "binding", "none");
    if (binding == "none") p.binding = Binding::none;
    else if (binding == "perfect") p.binding = Binding::perfect;
    else if (binding == "saddle-stitch") p.binding = Binding::saddle_stitch;
    else if (binding == "signatures") p.binding = Binding::signatures;
    else r.fail_at(node, "binding", "unknown binding '" + binding + "'", "use none, perfect, saddle-stitch or signatures");
    const std::string blank = r.text(node, "blank-pages", "keep");
    if (blank == "keep") p.drop_blank_pages = false;
    else if (blank == "leave-out") p.drop_blank_pages = true;
    else r.fail_at(node, "blank-pages", "blank-pages must be keep or leave-out, not '" + blank + "'");
    const std::string landscape = r.text(node, "landscape-pages", "as-printed");
    if (landscape == "as-printed") p.show_landscape_upright = false;
    else if (landscape == "upright") p.show_landscape_upright = true;
    else r.fail_at(node, "landscape-pages", "landscape-pages must be as-printed or upright, not '" + landscape + "'");
  } else if (name == "marks") {
    p.marks.crop = r.flag(node, "crop", false);
    p.marks.registration = r.flag(node, "registration", false);
    p.marks.colour_bar = r.flag(node, "colour-bar", false);
    p.marks.slug = r.flag(node, "slug", false);
    p.marks.offset_pt = r.length_pt(node, "offset", p.marks.offset_pt);
    p.marks.length_pt = r.length_pt(node, "length", p.marks.length_pt);
    p.marks.line_width_pt = r.length_pt(node, "line-width", p.marks.line_width_pt);
  } else if (name == "colour") {
    const std::string model = r.text(node, "model", "rgb");
    if (model == "rgb") p.colour.model = ColourModel::rgb;
    else if (model == "cmyk") p.colour.model = ColourModel::cmyk;
    else r.fail_at(node, "model", "unknown colour model '" + model + "'", "use rgb or cmyk");
    p.colour.output_icc = r.text(node, "output-icc", p.colour.output_icc);
    p.colour.condition = r.text(node, "condition", p.colour.condition);
    p.colour.condition_info = r.text(node, "condition-info", p.colour.condition_info);
    p.colour.registry = r.text(node, "registry", p.colour.registry);
    p.colour.black_overprint = r.flag(node, "black-overprint", p.colour.black_overprint);
    if (p.colour.model == ColourModel::cmyk && p.colour.output_icc.empty()) {
      r.fail_at(node, "model", "a cmyk profile needs an output ICC profile", "add output-icc=\"FOGRA39L_coated.icc\"");
    }
    if (p.colour.output_icc == "sRGB") {  // built in (lcms2 makes it), no file needed
      if (p.colour.model == ColourModel::cmyk) {
        r.fail_at(node, "output-icc", "sRGB is an RGB profile; a cmyk profile needs a CMYK one",
                  "use model=\"rgb\", or output-icc=\"FOGRA39L_coated.icc\"");
      }
      if (p.colour.condition.empty()) p.colour.condition = "sRGB IEC61966-2.1";
    }
  } else if (name == "structure") {
    p.tagged = r.flag(node, "tagged", p.tagged);
    p.linearize = r.flag(node, "linearize", p.linearize);
    p.object_streams = r.flag(node, "object-streams", p.object_streams);
    p.outline = r.flag(node, "outline", p.outline);
    p.links = r.flag(node, "links", p.links);
    p.thumbnail = r.flag(node, "thumbnail", p.thumbnail);
    p.form_fields = r.flag(node, "form-fields", p.form_fields);
    if (p.form_fields && p.intent == Intent::print) {
      r.fail_at(node, "form-fields", "a print profile cannot have form fields: print output is flattened",
                "remove form-fields, or use intent=\"web\"");
    }
  } else if (name == "images") {
    const std::string text = r.text(node, "max-ppi", "0");
    char* end = nullptr;
    p.image_ppi = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || p.image_ppi < 0) {
      r.fail_at(node, "max-ppi", "attribute 'max-ppi' needs a non-negative number, not '" + text + "'");
    }
  } else if (name == "preflight") {
    p.preflight = r.text(node, "profile", p.preflight);
    p.min_text_pt = r.length_pt(node, "min-text", p.min_text_pt);
  }
}

const fs::path& installed_prefix() {
  static const fs::path prefix = [] {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path().parent_path();
  }();
  return prefix;
}

}  // namespace

int OutputProfile::page_multiple() const {
  switch (binding) {
    case Binding::perfect: return 2;
    case Binding::saddle_stitch: return 4;
    case Binding::signatures: return 16;
    default: return 1;
  }
}

std::string OutputProfile::binding_name() const {
  switch (binding) {
    case Binding::perfect: return "perfect";
    case Binding::saddle_stitch: return "saddle-stitch";
    case Binding::signatures: return "signatures";
    default: return {};
  }
}

OutputProfile parse_profile(std::string_view text, const std::string& source) {
  xml::ParseOptions options;
  options.error_code = ErrorCode::usage;
  xml::Document doc = xml::parse_memory(text, source, options);
  xmlNode* root = doc.root();
  if (root == nullptr || !xml::is_element(root, "output-profile")) {
    doc.fail(root, "not an output profile: the root element must be <output-profile>");
  }
  Reader r(doc);
  r.check_attributes(root);
  OutputProfile p;
  p.source = source;
  p.name = r.text(root, "name", "");
  if (p.name.empty()) doc.fail(root, "an output profile needs a name", "add name=\"my-print\"");
  const std::string intent = r.text(root, "intent", "");
  if (intent == "print") p.intent = Intent::print;
  else if (intent == "web") p.intent = Intent::web;
  else r.fail_at(root, "intent", "profile intent must be 'print' or 'web', not '" + intent + "'");
  p.standard = r.text(root, "standard", "");
  if (!p.standard.empty() && p.standard != "PDF/X-4") {
    r.fail_at(root, "standard", "unknown standard '" + p.standard + "'", "dizgi writes PDF/X-4 or no standard");
  }
  p.aliases = split_words(r.text(root, "alias", ""));
  // Print defaults; a web profile states what it wants.
  if (p.intent == Intent::print) {
    p.bleed_pt = layout::mm_to_pt(3);
    p.binding = Binding::perfect;
    p.preflight = "print";
    p.links = false;
  } else {
    p.preflight = "web";
  }
  std::set<std::string> seen;
  for (xmlNode* node : xml::elements(root)) {
    r.check_attributes(node);
    if (!seen.insert(std::string(xml::name(node))).second) {
      doc.fail(node, "'" + std::string(xml::name(node)) + "' is given twice", "keep one");
    }
    read_element(r, node, p);
  }
  if (p.is_pdfx4() && p.colour.model != ColourModel::cmyk) {
    r.fail_at(root, "standard", "PDF/X-4 here needs a <colour model=\"cmyk\" output-icc=\"...\"/>");
  }
  if (p.marks.any() && p.marks.offset_pt < p.bleed_pt) {
    p.marks.offset_pt = p.bleed_pt;  // marks never reach into the bleed
  }
  return p;
}

bool is_builtin(const std::string& name) {
  for (std::size_t i = 0; i < embedded_profile_count; ++i) {
    if (name == embedded_profiles[i].name) return true;
  }
  for (std::size_t i = 0; i < embedded_profile_count; ++i) {
    OutputProfile p = parse_profile(embedded_profiles[i].text, "<built-in>");
    if (std::find(p.aliases.begin(), p.aliases.end(), name) != p.aliases.end()) return true;
  }
  return false;
}

std::vector<std::string> builtin_names() {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < embedded_profile_count; ++i) {
    OutputProfile p = parse_profile(embedded_profiles[i].text, "<built-in>");
    for (const std::string& alias : p.aliases) names.push_back(alias);
    names.push_back(embedded_profiles[i].name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

OutputProfile load_profile(const std::string& name_or_path, const fs::path& base_dir) {
  for (std::size_t i = 0; i < embedded_profile_count; ++i) {
    OutputProfile p = parse_profile(embedded_profiles[i].text, std::string("<built-in ") + embedded_profiles[i].name + ">");
    if (name_or_path == embedded_profiles[i].name ||
        std::find(p.aliases.begin(), p.aliases.end(), name_or_path) != p.aliases.end()) {
      return p;
    }
  }
  std::error_code ec;
  fs::path path = name_or_path;
  if (path.is_relative() && !base_dir.empty() && fs::is_regular_file(base_dir / path, ec)) path = base_dir / path;
  if (!fs::is_regular_file(path, ec)) {
    Location location;
    location.file = name_or_path;
    throw Error(ErrorCode::usage, location, "no such output profile",
                "give a profile file or one of: " + xml::quoted_list(builtin_names()));
  }
  OutputProfile p = parse_profile(util::read_file(path), path.string());
  return p;
}

fs::path find_icc(const OutputProfile& profile) {
  const std::string& name = profile.colour.output_icc;
  std::error_code ec;
  fs::path given(name);
  if (given.is_absolute()) {
    if (fs::is_regular_file(given, ec)) return given;
  } else {
    std::vector<fs::path> dirs;
    if (profile.source.rfind("<built-in", 0) != 0) dirs.push_back(fs::path(profile.source).parent_path());
    if (const char* env = std::getenv("DIZGI_ICC_PATH")) {
      for (const std::string& dir : split_words(std::string(env))) {
        std::string rest = dir;
        std::size_t colon = 0;
        while ((colon = rest.find(':')) != std::string::npos) {
          dirs.emplace_back(rest.substr(0, colon));
          rest = rest.substr(colon + 1);
        }
        if (!rest.empty()) dirs.emplace_back(rest);
      }
    }
#ifdef DIZGI_INSTALL_DATA_SUBDIR
    if (!installed_prefix().empty()) dirs.push_back(installed_prefix() / DIZGI_INSTALL_DATA_SUBDIR / "icc");
#endif
#ifdef DIZGI_ICC_DIRS
    for (const std::string& dir : split_words(DIZGI_ICC_DIRS)) dirs.emplace_back(dir);
#endif
    for (const fs::path& dir : dirs) {
      if (fs::is_regular_file(dir / given, ec)) return dir / given;
    }
  }
  Location location;
  location.file = profile.source;
  throw Error(ErrorCode::usage, location, "output ICC profile '" + name + "' not found",
              "install the Debian package that ships it (scripts/install-deps.sh) or set DIZGI_ICC_PATH");
}

}  // namespace dizgi::output
