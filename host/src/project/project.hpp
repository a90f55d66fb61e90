// The book project file (book.xml): parsed with libxml2 (no network, no external entities,
// bounded entity expansion), validated against schemas/book.rng; every error carries
// file:line:col and a hint. Relative paths resolve against the book's folder; paths that leave
// the project folder are refused unless ProjectOptions::allow_outside.
#pragma once

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/document.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dizgi::project {

struct SourceSpec {
  std::string name;    // <source name="...">
  std::string plugin;  // <source plugin="sqlite">
  std::map<std::string, std::string> params;  // attributes other than name/plugin, plus <param>
  Location origin;
};

struct OutputSpec {
  std::string profile;  // an output profile: a built-in name or alias, or a profile file
  std::string file;     // file name relative to the output folder, e.g. "faaliyet-2025-print.pdf"
};

// <batch>: the book is a series of books that differ in one layout parameter, one book per row
// of a data table (docs/batch.md). Output file names carry {name} or {value}.
struct BatchSpec {
  std::string param;         // the layout parameter that varies, e.g. "birim"
  std::string table;         // the data table whose rows are the books, e.g. "birim"
  std::string value_column;  // the parameter's value in each row, e.g. "kod"
  std::string name_column;   // {name} in output file names (as a file-name slug); empty: the value
  std::string where_column;  // a boolean column: only rows where it is true; empty: every row
  Location origin;           // the <batch> element
};

struct Project {
  std::filesystem::path file;  // absolute path of book.xml
  std::filesystem::path dir;   // its folder (the project folder)
  doc::Metadata metadata;      // title, author, subject, keywords, year, language
  std::string layout;          // layout plugin id
  std::map<std::string, std::string> layout_params;
  std::filesystem::path template_file;  // resolved template.xml
  std::vector<SourceSpec> sources;
  std::map<std::string, std::string> texts;  // narrative texts by id (file contents or inline)
  std::map<std::string, std::string> text_files;  // the file (as the user names it) of each text
  std::vector<OutputSpec> outputs;
  std::optional<BatchSpec> batch;
  bool allow_outside = false;  // ProjectOptions::allow_outside, passed on to the data sources
};

struct ProjectOptions {
  bool allow_outside = false;
  // Folders searched for a template named by id (<template name="kurumsal"/>), after the
  // project folder: the source tree's layouts/ and the installed share/dizgi/layouts.
  std::vector<std::filesystem::path> template_dirs;
};

// Throws Error(ErrorCode::project) with file:line:col for malformed or invalid files, and
// Error(ErrorCode::io) when the book file itself is missing or unreadable. The format and every
// error are described in docs/book-xml.md.
Project load_project(const std::filesystem::path& file, const ProjectOptions& options = {});

// Like load_project, but parses `xml` as the content of `file` (which need not exist; relative
// paths still resolve against its folder). Used by the fuzzer and by tests.
Project parse_project(std::string_view xml, const std::filesystem::path& file,
                      const ProjectOptions& options = {});

// The default template folders, in lookup order: the source tree's layouts/ when running from
// the build tree, then <prefix>/share/dizgi/layouts beside the running executable.
std::vector<std::filesystem::path> default_template_dirs();

// Resolves `relative` against the project folder; throws Error(ErrorCode::project) when the
// result escapes it and !allow_outside. `origin` is where the path was written.
std::filesystem::path resolve_path(const Project& project, const std::string& relative,
                                   const Location& origin, bool allow_outside);

}  // namespace dizgi::project
