// Test helpers: running outside tools, and reading the plates Ghostscript's tiffsep device
// writes (one 8-bit grey TIFF per process ink), so tests can look at C, M, Y and K separately.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace dizgi::testing {

struct Result {
  int status = -1;
  std::string output;  // stdout and stderr
};

Result run(const std::string& command);

// Ink per pixel, 0 (none) to 255 (solid), for each process plate.
struct Plates {
  int width = 0, height = 0;
  std::vector<uint8_t> c, m, y, k;
  std::size_t at(int x, int y) const { return static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x); }
};

// Renders page `page` (1-based) of `pdf` with Ghostscript's tiffsep at `dpi` into `work_dir`
// and reads the four process plates. Fails the calling test (ADD_FAILURE) and returns empty
// plates when Ghostscript or the files fail.
Plates separate(const std::filesystem::path& pdf, int page, int dpi, const std::filesystem::path& work_dir);

}  // namespace dizgi::testing
