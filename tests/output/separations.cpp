#include "separations.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace dizgi::testing {

namespace {

// The hermetic environment of every dizgi test, set before any test runs (ctest passes only
// one variable to a discovered test): dizgi's own fonts, no user plugins, a locale whose
// decimal separator is not the one PDFs are written with.
const bool environment_set = [] {
  setenv("FONTCONFIG_FILE", DIZGI_TEST_SOURCE_DIR "/../fonts/fonts.conf", 1);
  setenv("DIZGI_PLUGIN_PATH", "", 1);
  setenv("LC_ALL", "C.UTF-8", 1);
  return true;
}();

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A little-endian or big-endian baseline TIFF, uncompressed, 8-bit grey: enough for tiffsep's
// plates written with -sCompression=none.
class Tiff {
 public:
  explicit Tiff(std::string bytes) : b_(std::move(bytes)) {}

  bool read(int& width, int& height, std::vector<uint8_t>& ink) const {
    if (b_.size() < 8) return false;
    const bool little = b_[0] == 'I';
    const auto u16 = [&](std::size_t at) -> uint32_t {
      if (at + 2 > b_.size()) return 0;
      const auto lo = static_cast<uint8_t>(b_[at]), hi = static_cast<uint8_t>(b_[at + 1]);
      return little ? (lo | (hi << 8)) : (hi | (lo << 8));
    };
    const auto u32 = [&](std::size_t at) -> uint32_t {
      return little ? (u16(at) | (u16(at + 2) << 16)) : ((u16(at) << 16) | u16(at + 2));
    };
    const std::size_t ifd = u32(4);
    const uint32_t entries = u16(ifd);
    uint32_t photometric = 1, bits = 8, compression = 1;
    std::vector<uint32_t> offsets, counts;
    width = height = 0;
    for (uint32_t i = 0; i < entries; ++i) {
      const std::size_t e = ifd + 2 + i * 12;
      const uint32_t tag = u16(e), type = u16(e + 2), count = u32(e + 4);
      const auto value = [&](uint32_t index) -> uint32_t {
        const uint32_t size = type == 3 ? 2 : 4;
        const std::size_t base = count * size <= 4 ? e + 8 : u32(e + 8);
        return type == 3 ? u16(base + index * 2) : u32(base + index * 4);
      };
      if (tag == 256) width = static_cast<int>(value(0));
      if (tag == 257) height = static_cast<int>(value(0));
      if (tag == 258) bits = value(0);
      if (tag == 259) compression = value(0);
      if (tag == 262) photometric = value(0);
      if (tag == 273) for (uint32_t k = 0; k < count; ++k) offsets.push_back(value(k));
      if (tag == 279) for (uint32_t k = 0; k < count; ++k) counts.push_back(value(k));
    }
    if (bits != 8 || compression != 1 || width <= 0 || height <= 0 || offsets.size() != counts.size()) return false;
    ink.clear();
    for (std::size_t s = 0; s < offsets.size(); ++s) {
      if (offsets[s] + counts[s] > b_.size()) return false;
      ink.insert(ink.end(), b_.begin() + offsets[s], b_.begin() + offsets[s] + counts[s]);
    }
    if (ink.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height)) return false;
    // BlackIsZero: 0 is solid ink; WhiteIsZero: 0 is no ink.
    if (photometric == 1) {
      for (uint8_t& v : ink) v = static_cast<uint8_t>(255 - v);
    }
    return true;
  }

 private:
  std::string b_;
};

}  // namespace

Result run(const std::string& command) {
  Result result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  while (fgets(buffer.data(), buffer.size(), pipe)) result.output += buffer.data();
  const int raw = pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  return result;
}

Plates separate(const std::filesystem::path& pdf, int page, int dpi, const std::filesystem::path& work_dir) {
  std::filesystem::create_directories(work_dir);
  const std::filesystem::path base = work_dir / ("sep-p" + std::to_string(page) + ".tif");
  const std::string p = std::to_string(page);
  Result gs = run("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=tiffsep -sCompression=none -r" + std::to_string(dpi) +
                  " -dFirstPage=" + p + " -dLastPage=" + p + " -sOutputFile='" + base.string() + "' '" + pdf.string() + "'");
  Plates plates;
  if (gs.status != 0) {
    ADD_FAILURE() << "ghostscript failed: " << gs.output;
    return plates;
  }
  const std::string stem = (work_dir / ("sep-p" + std::to_string(page))).string();
  const std::array<std::pair<const char*, std::vector<uint8_t>*>, 4> plate_files = {{
      {"Cyan", &plates.c}, {"Magenta", &plates.m}, {"Yellow", &plates.y}, {"Black", &plates.k}}};
  for (const auto& [ink, data] : plate_files) {
    int w = 0, h = 0;
    if (!Tiff(slurp(stem + "(" + ink + ").tif")).read(w, h, *data)) {
      ADD_FAILURE() << "cannot read the " << ink << " plate of page " << page;
      return Plates{};
    }
    plates.width = w;
    plates.height = h;
  }
  return plates;
}

}  // namespace dizgi::testing
