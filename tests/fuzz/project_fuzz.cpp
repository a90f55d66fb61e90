// Fuzzes the book.xml loader: XML parsing with the safety settings, the schema check, and the
// loader's own value and path checks. Any input must end in a project or a dizgi::Error —
// never a crash, a hang, another exception, or a read outside the (empty) project folder.
#include "project/project.hpp"

#include <dizgi/diagnostics.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace {

// An empty folder to stand for the project: relative paths in the input resolve there and
// find nothing; paths leaving it are refused.
const std::filesystem::path& project_dir() {
  static const std::filesystem::path dir = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "dizgi-fuzz-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    return std::filesystem::path(pattern);
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    dizgi::project::parse_project(text, project_dir() / "book.xml");
  } catch (const dizgi::Error&) {
    // expected for almost every input
  }
  return 0;
}
