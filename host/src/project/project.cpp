#include "project/project.hpp"

#include "output/profile.hpp"
#include "util/text.hpp"

#include "util/schemas.hpp"
#include "util/xml.hpp"

#include <dizgi/sdk/files.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

namespace dizgi::project {

namespace fs = std::filesystem;
using util::trim;

namespace {

const xml::Schema& book_schema() {
  static const xml::Schema schema(util::embedded_schema("book.rng"), "book.xml");
  return schema;
}


// Trims and turns every run of whitespace into one space (titles written over several lines).
std::string collapse(std::string_view text) {
  std::string result;
  bool space = false;
  for (char c : trim(text)) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space) result += ' ';
    space = false;
    result += c;
  }
  return result;
}

std::string ascii_lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Parameters whose value is a path: resolved against the book's folder and checked.
bool is_path_param(std::string_view name) {
  std::string lower = ascii_lower(name);
  return lower == "file" || lower == "path" || lower == "logo" || lower == "mapping" || lower == "columns" ||
         ends_with(lower, "-file") ||
         ends_with(lower, "_file") || ends_with(lower, "-path") || ends_with(lower, "_path");
}

bool names_password(std::string_view name) {
  std::string lower = ascii_lower(name);
  return lower.find("password") != std::string::npos || lower == "passwd" || lower == "pwd" ||
         lower == "pass" || lower == "sifre" || lower == "parola";
}

bool value_has_password(std::string_view value) {
  std::string lower = ascii_lower(value);
  // "password", any blanks, then "=": a conninfo string however it is spaced.
  for (std::size_t at = lower.find("password"); at != std::string::npos; at = lower.find("password", at + 1)) {
    std::size_t next = lower.find_first_not_of(" \t\r\n", at + 8);
    if (next != std::string::npos && lower[next] == '=') return true;
  }
  // A connection URI with user:secret@host.
  for (std::size_t scheme = lower.find("://"); scheme != std::string::npos;
       scheme = lower.find("://", scheme + 3)) {
    std::size_t start = scheme + 3;
    std::size_t end = lower.find_first_of("/?# \t", start);
    std::string_view authority = std::string_view(lower).substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::size_t at = authority.rfind('@');
    if (at != std::string_view::npos && authority.substr(0, at).find(':') != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// A BCP 47 language tag, loosely: "tr", "tr-TR", "en-GB", "sr-Latn-RS".
bool is_language_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 35) return false;
  std::size_t start = 0;
  for (int part = 0; start <= tag.size(); ++part) {
    std::size_t end = tag.find('-', start);
    std::string_view piece = tag.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    bool letters = std::all_of(piece.begin(), piece.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    bool alnum = std::all_of(piece.begin(), piece.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    if (part == 0 ? !(letters && piece.size() >= 2 && piece.size() <= 3)
                  : !(alnum && piece.size() >= 2 && piece.size() <= 8)) {
      return false;
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return true;
}

[[noreturn]] void refuse_password(const Location& at) {
  throw Error(ErrorCode::project, at, "never put a password in book.xml",
              "use PGPASSFILE or a libpq service file");
}

// Offset of the first byte that is not valid UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    uint32_t code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      length = 2;
      code = c & 0x1Fu;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
      code = c & 0x0Fu;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4;
      code = c & 0x07u;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      code = (code << 6) | (next & 0x3Fu);
    }
    bool overlong = (length == 2 && code < 0x80) || (length == 3 && code < 0x800) ||
                    (length == 4 && code < 0x10000);
    if (overlong || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
    i += length;
  }
  return std::string_view::npos;
}

Location position_in(const std::string& display, std::string_view text, std::size_t offset) {
  uint32_t line = 1;
  uint32_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return Location{display, line, column};
}

// Removes the indentation an inline text gets from the XML around it, and blank edge lines.
std::string dedent(std::string_view text) {
  std::vector<std::string> lines;
  std::string current;
  for (char c : text) {
    if (c == '\r') continue;
    if (c == '\n') {
      lines.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  lines.push_back(current);
  auto blank = [](const std::string& line) { return trim(line).empty(); };
  while (!lines.empty() && blank(lines.front())) lines.erase(lines.begin());
  while (!lines.empty() && blank(lines.back())) lines.pop_back();
  std::size_t indent = std::string::npos;
  for (const std::string& line : lines) {
    if (blank(line)) continue;
    std::size_t spaces = line.find_first_not_of(" \t");
    indent = std::min(indent, spaces);
  }
  std::string result;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) result += '\n';
    if (!blank(lines[i])) result += lines[i].substr(indent == std::string::npos ? 0 : indent);
  }
  return result;
}

std::string read_text_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool is_inside(const fs::path& path, const fs::path& folder) {
  fs::path relative = path.lexically_relative(folder);
  if (relative.empty()) return false;
  auto first = relative.begin();
  return first == relative.end() || *first != "..";
}

fs::path canonical_or_normal(const fs::path& path) {
  std::error_code ec;
  fs::path result = fs::weakly_canonical(path, ec);
  return ec ? path.lexically_normal() : result;
}

constexpr std::uintmax_t max_text_bytes = 16u << 20;

class Loader {
 public:
  Loader(const xml::Document& document, Project& project, const ProjectOptions& options)
      : doc_(document), project_(project), options_(options) {}

  void load() {
    const xmlNode* root = doc_.root();
    if (auto version = xml::attribute(root, "version"); version && *version != "1") {
      doc_.fail_at(root, "version", "unsupported book.xml version '" + *version + "'",
                "this dizgi reads version 1");
    }
    load_meta(xml::first_element(root, "meta"));
    load_layout(xml::first_element(root, "layout"));
    load_template(xml::first_element(root, "template"));
    if (const xmlNode* data = xml::first_element(root, "data")) load_data(data);
    if (const xmlNode* texts = xml::first_element(root, "texts")) load_texts(texts);
    if (const xmlNode* batch = xml::first_element(root, "batch")) load_batch(batch);
    load_outputs(xml::first_element(root, "outputs"));
  }

 private:
  // A path written at `element`/`attribute`, resolved and checked to exist.
  fs::path existing_path(const std::string& value, const xmlNode* element, std::string_view attribute,
                         const std::string& what) {
    Location at = doc_.at(element, attribute);
    fs::path resolved = resolve_path(project_, value, at, options_.allow_outside);
    std::error_code ec;
    if (!fs::exists(resolved, ec)) {
      throw Error(ErrorCode::project, at, what + " '" + value + "' not found",
                  "create it, or fix the path (relative to the book's folder)");
    }
    if (fs::is_directory(resolved, ec)) {
      throw Error(ErrorCode::project, at, what + " '" + value + "' is a folder, not a file",
                  "name a file");
    }
    if (!fs::is_regular_file(resolved, ec)) {
      throw Error(ErrorCode::project, at, what + " '" + value + "' is not a regular file",
                  "name an ordinary file, not a pipe or a device");
    }
    return resolved;
  }

  void load_meta(const xmlNode* meta) {
    doc::Metadata& m = project_.metadata;
    const xmlNode* title = xml::first_element(meta, "title");
    m.title = collapse(xml::text(title));
    if (m.title.empty()) doc_.fail(title, "the book has an empty title", "write it in <title>");
    m.author = collapse(xml::text(xml::first_element(meta, "author")));
    m.subject = collapse(xml::text(xml::first_element(meta, "subject")));
    m.keywords = collapse(xml::text(xml::first_element(meta, "keywords")));
    if (const xmlNode* year = xml::first_element(meta, "year")) {
      std::string value = trim(xml::text(year));
      bool digits = value.size() == 4 &&
                    std::all_of(value.begin(), value.end(),
                                [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
      int number = digits ? std::stoi(value) : 0;
      if (!digits || number < 1900 || number > 2999) {
        doc_.fail(year, "year '" + value + "' is not a four-digit year", "write e.g. <year>2025</year>");
      }
      m.year = number;
    }
    if (const xmlNode* language = xml::first_element(meta, "language")) {
      std::string value = trim(xml::text(language));
      if (!is_language_tag(value)) {
        doc_.fail(language, "language '" + value + "' is not a language tag",
                  "use a BCP 47 tag such as tr-TR or en-GB");
      }
      m.language = value;
    }
  }

  // <param name="..." value="..."/> children into `params`; refuses duplicates.
  void load_params(const xmlNode* parent, std::map<std::string, std::string>& params,
                   std::map<std::string, const xmlNode*>& where, const std::string& owner,
                   bool refuse_passwords) {
    for (const xmlNode* param : xml::elements(parent, "param")) {
      std::string name = trim(*xml::attribute(param, "name"));
      std::string value = *xml::attribute(param, "value");
      if (name.empty()) doc_.fail_at(param, "name", "empty parameter name in " + owner, "name it");
      if (refuse_passwords && (names_password(name) || value_has_password(value))) {
        refuse_password(doc_.at(param, names_password(name) ? "name" : "value"));
      }
      if (params.count(name) > 0) {
        doc_.fail_at(param, "name", "parameter '" + name + "' of " + owner + " is given twice",
                  "the first is on line " + std::to_string(doc_.at(where[name]).line));
      }
      params[name] = value;
      where[name] = param;
    }
  }

  void check_path_params(const std::map<std::string, std::string>& params,
                         const std::map<std::string, const xmlNode*>& where,
                         const std::map<std::string, bool>& from_attribute) {
    for (const auto& [name, value] : params) {
      if (!is_path_param(name) || value.empty()) continue;
      const xmlNode* element = where.at(name);
      bool attr = from_attribute.count(name) > 0 && from_attribute.at(name);
      existing_path(value, element, attr ? std::string_view(name) : std::string_view("value"),
                    "file");
    }
  }

  void load_layout(const xmlNode* layout) {
    project_.layout = trim(*xml::attribute(layout, "plugin"));
    if (project_.layout.empty()) {
      doc_.fail_at(layout, "plugin", "empty layout plugin name", "write e.g. plugin=\"faaliyet-raporu\"");
    }
    std::map<std::string, const xmlNode*> where;
    load_params(layout, project_.layout_params, where, "layout '" + project_.layout + "'", true);
    check_path_params(project_.layout_params, where, {});
  }

  void load_batch(const xmlNode* element) {
    BatchSpec batch;
    batch.origin = doc_.at(element);
    auto read = [&](const char* attribute, std::string& to, bool required) {
      std::optional<std::string> value = xml::attribute(element, attribute);
      to = value ? trim(*value) : std::string();
      if (required && to.empty())
        doc_.fail_at(element, attribute, std::string("empty ") + attribute + " in <batch>",
                     "write e.g. <batch param=\"birim\" table=\"birim\" value=\"kod\"/>");
    };
    read("param", batch.param, true);
    read("table", batch.table, true);
    read("value", batch.value_column, true);
    read("name", batch.name_column, false);
    read("where", batch.where_column, false);
    project_.batch = std::move(batch);
  }

  void load_template(const xmlNode* element) {
    template_origin_ = element != nullptr ? doc_.at(element, "name") : doc_.at(doc_.root());
    if (element == nullptr) {
      // No <template>: the layout's own template, when one is installed.
      if (auto found = find_template(project_.layout)) project_.template_file = *found;
      return;
    }
    if (auto file = xml::attribute(element, "file")) {
      project_.template_file = existing_path(*file, element, "file", "template file");
      return;
    }
    std::string name = trim(*xml::attribute(element, "name"));
    if (name.empty() || name.find_first_of("/\\") != std::string::npos || name == "." ||
        name == "..") {
      doc_.fail_at(element, "name", "template name '" + name + "' is not a plain name",
                "use file=\"...\" to name a template by path");
    }
    if (auto found = find_template(name)) {
      project_.template_file = *found;
      return;
    }
    std::vector<std::string> searched = {"templates/" + name + "/template.xml",
                                         "layouts/" + name + "/template.xml"};
    for (const fs::path& dir : options_.template_dirs) {
      searched.push_back((dir / name / "template.xml").string());
    }
    doc_.fail_at(element, "name", "template '" + name + "' not found",
              "looked in " + xml::quoted_list(searched) + "; use file=\"...\" for another place");
  }

  // The template named `name`: the project's own templates first (which, like every path of
  // the book, must not lead outside its folder), then the template folders.
  std::optional<fs::path> find_template(const std::string& name) const {
    if (name.empty()) return std::nullopt;
    fs::path folder = canonical_or_normal(project_.dir);
    for (const char* sub : {"templates", "layouts"}) {
      fs::path candidate = project_.dir / sub / name / "template.xml";
      std::error_code ec;
      if (!fs::is_regular_file(candidate, ec)) continue;
      fs::path resolved = canonical_or_normal(candidate);
      if (!options_.allow_outside && !is_inside(resolved, folder)) {
        throw Error(ErrorCode::project, template_origin_,
                    "template '" + name + "' leads outside the project folder through a link",
                    "copy the template into the book's folder, or allow it with --allow-outside");
      }
      return resolved;
    }
    for (const fs::path& dir : options_.template_dirs) {
      fs::path candidate = dir / name / "template.xml";
      std::error_code ec;
      if (fs::is_regular_file(candidate, ec)) return canonical_or_normal(candidate);
    }
    return std::nullopt;
  }

  void load_data(const xmlNode* data) {
    std::map<std::string, const xmlNode*> names;
    for (const xmlNode* element : xml::elements(data, "source")) {
      SourceSpec source;
      source.origin = doc_.at(element);
      source.name = trim(*xml::attribute(element, "name"));
      source.plugin = trim(*xml::attribute(element, "plugin"));
      if (source.name.empty()) doc_.fail_at(element, "name", "empty source name", "name it, e.g. name=\"ana\"");
      if (source.plugin.empty()) {
        doc_.fail_at(element, "plugin", "empty data-source plugin name", "write e.g. plugin=\"sqlite\"");
      }
      if (names.count(source.name) > 0) {
        doc_.fail_at(element, "name", "source '" + source.name + "' is defined twice",
                  "the first is on line " + std::to_string(doc_.at(names[source.name]).line) +
                      "; give each source its own name");
      }
      names[source.name] = element;

      std::map<std::string, const xmlNode*> where;
      std::map<std::string, bool> from_attribute;
      for (const auto& [name, value] : xml::attributes(element)) {
        if (name == "name" || name == "plugin") continue;
        if (names_password(name) || value_has_password(value)) refuse_password(doc_.at(element, name));
        source.params[name] = value;
        where[name] = element;
        from_attribute[name] = true;
      }
      for (const xmlNode* param : xml::elements(element, "param")) {
        std::string name = trim(*xml::attribute(param, "name"));
        if (from_attribute.count(name) > 0) {
          doc_.fail_at(param, "name",
                    "parameter '" + name + "' of source '" + source.name +
                        "' is given both as an attribute and as a <param>",
                    "keep one");
        }
      }
      std::map<std::string, std::string> child_params;
      load_params(element, child_params, where, "source '" + source.name + "'", true);
      source.params.insert(child_params.begin(), child_params.end());
      check_path_params(source.params, where, from_attribute);
      project_.sources.push_back(std::move(source));
    }
  }

  void load_texts(const xmlNode* texts) {
    std::map<std::string, const xmlNode*> ids;
    for (const xmlNode* element : xml::elements(texts, "text")) {
      std::string id = trim(*xml::attribute(element, "id"));
      if (id.empty()) doc_.fail_at(element, "id", "empty text id", "name it, e.g. id=\"sunus\"");
      if (ids.count(id) > 0) {
        doc_.fail_at(element, "id", "text '" + id + "' is defined twice",
                  "the first is on line " + std::to_string(doc_.at(ids[id]).line));
      }
      ids[id] = element;
      std::string inline_text = xml::text(element);
      auto file = xml::attribute(element, "file");
      if (file && !trim(inline_text).empty()) {
        doc_.fail_at(element, "file", "text '" + id + "' has both a file and inline content",
                  "keep one of them");
      }
      if (!file) {
        project_.texts[id] = dedent(inline_text);
        project_.text_files[id] = doc_.display_name();
        continue;
      }
      fs::path path = existing_path(*file, element, "file", "text file");
      std::error_code ec;
      if (auto size = fs::file_size(path, ec); !ec && size > max_text_bytes) {
        doc_.fail_at(element, "file", "text file '" + *file + "' is too large (" +
                                          std::to_string(size) + " bytes)",
                     "narrative texts are limited to " + std::to_string(max_text_bytes >> 20) +
                         " MiB; put tables into a data source");
      }
      std::string content = read_text_file(path);
      std::string display = (fs::path(doc_.display_name()).parent_path() / *file).string();
      if (content.rfind("\xEF\xBB\xBF", 0) == 0) content.erase(0, 3);
      if (std::size_t bad = invalid_utf8_at(content); bad != std::string::npos) {
        throw Error(ErrorCode::project, position_in(display, content, bad),
                    "text file is not valid UTF-8", "save it as UTF-8");
      }
      content.erase(std::remove(content.begin(), content.end(), '\r'), content.end());
      project_.texts[id] = std::move(content);
      project_.text_files[id] = display;
    }
  }

  void load_outputs(const xmlNode* outputs) {
    std::map<std::string, const xmlNode*> files;
    for (const xmlNode* element : xml::elements(outputs, "output")) {
      OutputSpec output;
      output.profile = *xml::attribute(element, "profile");
      std::error_code ec;
      if (!output::is_builtin(output.profile) && !fs::is_regular_file(project_.dir / output.profile, ec)) {
        std::vector<std::string> names = output::builtin_names();
        std::string hint = "use " + xml::quoted_list(names) + ", or the file name of an output profile";
        if (auto guess = xml::closest(output.profile, names)) hint = "did you mean '" + *guess + "'? " + hint;
        doc_.fail_at(element, "profile", "unknown output profile '" + output.profile + "'", hint);
      }
      output.file = trim(*xml::attribute(element, "file"));
      fs::path path(output.file);
      bool escapes = std::any_of(path.begin(), path.end(), [](const fs::path& part) { return part == ".."; });
      if (output.file.empty() || path.is_absolute() || escapes || !path.has_filename() ||
          path.filename() == "." || path.stem().empty()) {
        doc_.fail_at(element, "file", "output file '" + output.file + "' must be a file name inside the output folder",
                  "write e.g. file=\"faaliyet-2025-print.pdf\"");
      }
      if (ascii_lower(path.extension().string()) != ".pdf") {
        doc_.fail_at(element, "file", "output file '" + output.file + "' does not end in .pdf",
                  "dizgi writes PDF files only; write e.g. file=\"faaliyet-2025-print.pdf\"");
      }
      check_placeholders(element, output.file);
      // Compared as paths, not strings: "./x.pdf" and "x.pdf" are the same file.
      std::string key = path.lexically_normal().string();
      if (files.count(key) > 0) {
        doc_.fail_at(element, "file", "output file '" + output.file + "' is written twice",
                  "the first is on line " + std::to_string(doc_.at(files[key]).line));
      }
      files[key] = element;
      project_.outputs.push_back(std::move(output));
    }
  }

  // {name} and {value} stand for a book of a <batch>: elsewhere, and any other {...}, is an error;
  // in a batch every output names one of them, or all books would write the same file.
  void check_placeholders(const xmlNode* element, const std::string& file) {
    std::size_t named = 0;
    for (std::size_t open = file.find('{'); open != std::string::npos; open = file.find('{', open + 1)) {
      std::size_t close = file.find('}', open);
      std::string word = close == std::string::npos ? file.substr(open) : file.substr(open, close - open + 1);
      if (word != "{name}" && word != "{value}")
        doc_.fail_at(element, "file", "unknown placeholder '" + word + "' in output file '" + file + "'",
                     "a book with <batch> may use {name} and {value}");
      if (!project_.batch)
        doc_.fail_at(element, "file", "output file '" + file + "' uses " + word + " but the book has no <batch>",
                     "add a <batch> element, or write the file name out");
      ++named;
    }
    if (project_.batch && named == 0)
      doc_.fail_at(element, "file", "output file '" + file + "' is the same for every book of the <batch>",
                   "put {name} or {value} in it, e.g. file=\"birim-{name}-2025-print.pdf\"");
  }

  const xml::Document& doc_;
  Project& project_;
  const ProjectOptions& options_;
  Location template_origin_;
};

}  // namespace

fs::path resolve_path(const Project& project, const std::string& relative, const Location& origin,
                      bool allow_outside) {
  if (trim(relative).empty()) {
    throw Error(ErrorCode::project, origin, "empty path", "name a file relative to the book's folder");
  }
  return resolve_project_path(project.dir, relative, origin, allow_outside).path;
}

Project parse_project(std::string_view xml_text, const fs::path& file, const ProjectOptions& options) {
  Project project;
  std::error_code ec;
  fs::path absolute = fs::absolute(file, ec);
  project.file = (ec ? file : absolute).lexically_normal();
  project.dir = project.file.parent_path();
  project.allow_outside = options.allow_outside;
  xml::Document document = xml::parse_memory(xml_text, file.string());
  book_schema().validate(document);
  Loader(document, project, options).load();
  return project;
}

Project load_project(const fs::path& file, const ProjectOptions& options) {
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    throw Error(ErrorCode::io, Location{file.string()}, "book file not found",
                "check the path; a project is a folder with a book.xml");
  }
  if (fs::is_directory(file, ec)) {
    throw Error(ErrorCode::io, Location{file.string()}, "is a folder, not a book file",
                "name the book.xml inside it");
  }
  if (!fs::is_regular_file(file, ec)) {
    throw Error(ErrorCode::io, Location{file.string()}, "is not a regular file",
                "name a book.xml file, not a pipe or a device");
  }
  xml::ParseOptions parse_options;
  auto size = fs::file_size(file, ec);
  if (!ec && size > parse_options.max_bytes) {
    throw Error(ErrorCode::project, Location{file.string()}, "book file is too large",
                "a book.xml names its data and texts; it does not hold them");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, Location{file.string()}, "cannot read the book file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_project(buffer.str(), file, options);
}

std::vector<fs::path> default_template_dirs() {
  std::vector<fs::path> dirs;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return dirs;
  fs::path prefix = exe.parent_path().parent_path();
#ifdef DIZGI_SOURCE_DIR
  // Running from a build tree (bin/ beside CMakeCache.txt): the source tree's templates.
  if (fs::exists(prefix / "CMakeCache.txt", ec)) {
    fs::path source_layouts = fs::path(DIZGI_SOURCE_DIR) / "layouts";
    if (fs::is_directory(source_layouts, ec)) dirs.push_back(source_layouts);
  }
#endif
#ifdef DIZGI_INSTALL_DATA_SUBDIR
  fs::path installed = prefix / DIZGI_INSTALL_DATA_SUBDIR / "layouts";
#else
  fs::path installed = prefix / "share" / "dizgi" / "layouts";
#endif
  if (fs::is_directory(installed, ec)) dirs.push_back(installed);
  return dirs;
}

}  // namespace dizgi::project
