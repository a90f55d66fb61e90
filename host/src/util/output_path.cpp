#include "util/output_path.hpp"

#include <dizgi/diagnostics.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <sys/stat.h>

namespace dizgi::util {

namespace fs = std::filesystem;

namespace {

bool is_link(const fs::path& path) {
  struct stat status = {};
  return ::lstat(path.c_str(), &status) == 0 && S_ISLNK(status.st_mode);
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

void check_output_target(const fs::path& out_dir, const fs::path& file, bool out_dir_given) {
  const fs::path target = out_dir / file;
  auto refuse = [&](const std::string& message, const std::string& hint) {
    throw Error(ErrorCode::usage, Location{target.string()}, message, hint);
  };
  std::string extension = lower(file.extension().string());
  if ((extension != ".pdf" && extension != ".png") || file.stem().empty() || file.stem() == ".") {
    refuse("dizgi writes only .pdf files (and .png thumbnails)", "name the output e.g. file=\"rapor.pdf\"");
  }
  if (file.is_absolute() || std::any_of(file.begin(), file.end(), [](const fs::path& p) { return p == ".."; })) {
    refuse("the output leaves the output folder", "name a file inside the output folder");
  }
  // The output folder itself, as written, when it is dizgi's default (not chosen by the user).
  if (!out_dir_given) {
    fs::path prefix;
    for (const fs::path& part : out_dir) {
      prefix /= part;
      if (is_link(prefix)) {
        refuse("the output folder '" + prefix.string() + "' is a symbolic link",
               "name the output folder with -o if the link is meant");
      }
    }
  }
  // Sub-folders named by the book, and the target itself.
  fs::path prefix = out_dir;
  for (const fs::path& part : file) {
    prefix /= part;
    if (is_link(prefix)) {
      refuse("'" + prefix.string() + "' is a symbolic link; dizgi does not write through links",
             "remove the link, or name a real folder with -o");
    }
  }
  struct stat status = {};
  if (::lstat(target.c_str(), &status) == 0 && !S_ISREG(status.st_mode)) {
    refuse("the output exists and is not a regular file", "remove it or choose another name");
  }
}

}  // namespace dizgi::util
