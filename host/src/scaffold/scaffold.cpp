#include "scaffold/scaffold.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/version.hpp>

#include <fstream>
#include <system_error>

namespace dizgi::scaffold {

namespace fs = std::filesystem;

std::string check_layout_name(const std::string& name) {
  if (name.size() < 2 || name.size() > 40) return "a layout name has 2 to 40 characters";
  if (name.front() < 'a' || name.front() > 'z') return "a layout name starts with a letter a-z";
  if (name.back() == '-') return "a layout name does not end with '-'";
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
      return "a layout name uses only a-z, 0-9 and '-' (it becomes a file and a CMake name)";
  }
  return {};
}

std::string fill(const std::string& text, const std::string& name) {
  std::string ident = name;
  for (char& c : ident)
    if (c == '-') c = '_';
  const std::pair<std::string, std::string> values[] = {
      {"@NAME@", name}, {"@IDENT@", ident}, {"@DIZGI_VERSION@", DIZGI_VERSION_STRING}};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    bool replaced = false;
    for (const auto& [key, value] : values) {
      if (text.compare(i, key.size(), key) == 0) {
        out += value;
        i += key.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

std::vector<fs::path> write_layout_skeleton(const std::string& name, const fs::path& folder) {
  const Location at{folder.string(), 0, 0};
  if (std::string why = check_layout_name(name); !why.empty())
    throw Error(ErrorCode::usage, Location{}, "'" + name + "' is not a layout name: " + why,
                "for example: dizgi new-layout ilerleme-raporu");
  std::error_code ec;
  const bool existed = fs::exists(folder, ec);
  if (existed && !(fs::is_directory(folder, ec) && fs::is_empty(folder, ec)))
    throw Error(ErrorCode::usage, at, "the folder exists and is not empty",
                "choose a new folder with -o, or remove this one");
  std::vector<fs::path> written;
  try {
    for (std::size_t i = 0; i < layout_skeleton_count; ++i) {
      const fs::path relative = fs::path(layout_skeleton[i].name);
      const fs::path target = folder / relative;
      fs::create_directories(target.parent_path());
      std::ofstream out(target, std::ios::binary | std::ios::trunc);
      out << fill(layout_skeleton[i].text, name);
      out.close();
      if (!out) throw Error(ErrorCode::io, Location{target.string(), 0, 0}, "cannot write the file");
      written.push_back(relative);
    }
  } catch (const fs::filesystem_error& e) {
    if (!existed) fs::remove_all(folder, ec);
    throw Error(ErrorCode::io, at, std::string("cannot write the skeleton: ") + e.code().message());
  } catch (...) {
    if (!existed) fs::remove_all(folder, ec);
    throw;
  }
  return written;
}

}  // namespace dizgi::scaffold
