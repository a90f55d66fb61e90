// dizgi/sdk/files.hpp — the files a book names: one rule for the host and every plugin.
//
// Every path that comes from a book (book.xml, templates, a data source's file=, schema=,
// mapping=, columns= ...) is resolved against the project folder and must stay inside it, also
// through symbolic links, unless the user allowed it on the command line (--allow-outside).
// Such files are read only when they are regular files (never a FIFO, a device or a folder),
// and only up to a size limit, so a book can neither make dizgi block nor read without end.
// Messages about the content of a file outside the project never quote that content: callers
// check ProjectFile::inside before quoting. Since: 0.3 (SDK ABI 2.2)
#pragma once

#include <dizgi/diagnostics.hpp>
#include <dizgi/export.hpp>
#include <dizgi/sdk/datasource.hpp>
#include <dizgi/sdk/layout.hpp>

#include <cstddef>
#include <filesystem>
#include <string>

namespace dizgi {

struct ProjectFile {
  std::filesystem::path path;  // absolute, with the symbolic links of its folders resolved
  std::string display;         // how messages name it: the value as written in the book
  bool inside = true;          // false only for a path outside the project that was allowed
};

// Resolves `value` (as written in the book) against `project_dir`. Throws
// Error(ErrorCode::project) at `origin` when it is empty, or when it leaves the project folder
// (by "..", an absolute path or a symbolic link) and !allow_outside. The answer is the same
// whether or not the file exists, so a refusal tells nothing about files outside.
DIZGI_API ProjectFile resolve_project_path(const std::filesystem::path& project_dir, const std::string& value,
                                           const Location& origin, bool allow_outside);

// The same for a data source's parameter: the context's folder, origin and permission (a
// context without base_dir, as in tests, confines nothing).
DIZGI_API ProjectFile resolve_project_path(const DataSourceContext& context, const std::string& value);

// The same for a layout parameter that names a file (a logo, a photo, a file the layout reads
// itself): the book's folder and the user's permission from the context; errors name the
// parameter's value as written. The answer's `path` is absolute: put it into an Image or a
// Cover as it is. Since: ABI 2.4
DIZGI_API ProjectFile resolve_project_path(const LayoutContext& context, const std::string& value);

// Reads the whole regular file `file` of at most `max_bytes`. Never blocks: the file is opened
// non-blocking and checked with fstat before reading. Throws Error(ErrorCode::io) at `origin`
// naming `file.display` when it is missing, not a regular file, unreadable or too large.
DIZGI_API std::string read_project_file(const ProjectFile& file, std::size_t max_bytes, const Location& origin);

}  // namespace dizgi
