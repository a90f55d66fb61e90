#include <dizgi/sdk/files.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace dizgi {

namespace fs = std::filesystem;

namespace {

// Symbolic links resolved as far as the path exists; the rest normalised.
fs::path resolved(const fs::path& path) {
  std::error_code ec;
  fs::path result = fs::weakly_canonical(path, ec);
  return ec ? path.lexically_normal() : result;
}

bool is_inside(const fs::path& path, const fs::path& folder) {
  fs::path relative = path.lexically_relative(folder);
  if (relative.empty()) return false;
  auto first = relative.begin();
  return first == relative.end() || (*first != ".." && *first != ".");
}

std::string size_text(std::size_t bytes) {
  if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0) {
    return std::to_string(bytes >> 20) + " MiB";
  }
  return std::to_string(bytes) + " bytes";
}

}  // namespace

ProjectFile resolve_project_path(const fs::path& project_dir, const std::string& value, const Location& origin,
                                 bool allow_outside) {
  if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw Error(ErrorCode::project, origin, "empty path", "name a file relative to the book's folder");
  }
  if (value.find('\0') != std::string::npos) {
    throw Error(ErrorCode::project, origin, "a path holds a NUL character", "name a file relative to the book's folder");
  }
  fs::path written(value);
  fs::path folder = resolved(fs::absolute(project_dir.empty() ? fs::path(".") : project_dir));
  ProjectFile file;
  file.display = value;
  file.path = resolved(written.is_absolute() ? written : folder / written);
  file.inside = is_inside(file.path, folder);
  if (!file.inside && !allow_outside) {
    throw Error(ErrorCode::project, origin, "path '" + value + "' leaves the project folder",
                "keep data, texts and templates inside the book's folder, or allow it with "
                "--allow-outside");
  }
  return file;
}

ProjectFile resolve_project_path(const DataSourceContext& context, const std::string& value) {
  // Without a project folder (a plugin driven by a test or a fuzzer) there is nothing to confine to.
  bool no_project = context.base_dir.empty();
  return resolve_project_path(fs::path(context.base_dir), value, context.origin, context.allow_outside || no_project);
}

ProjectFile resolve_project_path(const LayoutContext& context, const std::string& value) {
  bool no_project = context.base_dir.empty();
  Location origin{context.base_dir, 0, 0, "a <layout> parameter"};
  return resolve_project_path(fs::path(context.base_dir), value, origin, context.allow_outside != 0 || no_project);
}

std::string read_project_file(const ProjectFile& file, std::size_t max_bytes, const Location& origin) {
  auto fail = [&](const std::string& why, const std::string& hint) {
    throw Error(ErrorCode::io, origin, "cannot read '" + file.display + "': " + why, hint);
  };
  int fd = ::open(file.path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) fail(std::strerror(errno), "check the path (relative to the book's folder)");
  struct stat info = {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    fail("not a regular file", "name an ordinary file, not a folder, pipe or device");
  }
  if (static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    ::close(fd);
    fail("the file is too large (" + std::to_string(info.st_size) + " bytes)",
         "the limit for this file is " + size_text(max_bytes));
  }
  // Regular files never block; clear O_NONBLOCK anyway so a short read means end of file.
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::string content;
  content.resize(static_cast<std::size_t>(info.st_size));
  std::size_t used = 0;
  while (true) {
    if (used == content.size()) {
      if (content.size() > max_bytes) break;  // the file grew while being read
      content.resize(std::min(max_bytes + 1, content.size() + 65536));
    }
    ssize_t got = ::read(fd, content.data() + used, content.size() - used);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      int saved = errno;
      ::close(fd);
      fail(std::strerror(saved), "check the file's permissions");
    }
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  ::close(fd);
  content.resize(used);
  if (used > max_bytes) {
    fail("the file is too large", "the limit for this file is " + size_text(max_bytes));
  }
  return content;
}

}  // namespace dizgi
