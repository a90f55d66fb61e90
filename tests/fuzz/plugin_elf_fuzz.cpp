// Fuzzes the loader's ELF reading (issue 16): elf_problem must answer for any bytes without
// reading outside them, and an image it accepts must be safe for Boost.DLL's library_info,
// which the loader calls next (it is run here on the accepted image, from a file).
#include "plugin/elf_check.hpp"

// Boost.DLL 1.74's pe_info.hpp uses std::vector without including it.
#include <vector>

#include <boost/dll/library_info.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view image(reinterpret_cast<const char*>(data), size);
  if (dizgi::plugin::elf_problem(image)) return 0;
  static const std::string path = [] {
    std::string name = "/tmp/dizgi-elf-fuzz-" + std::to_string(::getpid()) + ".so";
    std::atexit([] { std::remove(("/tmp/dizgi-elf-fuzz-" + std::to_string(::getpid()) + ".so").c_str()); });
    return name;
  }();
  if (std::FILE* out = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, out);
    std::fclose(out);
    try {
      boost::dll::library_info info(path);
      (void)info.symbols("dizgi");
      (void)info.sections();
    } catch (const std::exception&) {
    }
  }
  return 0;
}
