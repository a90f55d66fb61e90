// The files of golden tests (STYLE.md §2.5, docs/testing.md): a text output or a page image
// compared with its expected file. On a mismatch the actual output is written beside the
// expected file (*.actual, *.actual.png); DIZGI_UPDATE_GOLDEN=1 writes the expected files
// instead, for review. Header-only, for the test programs.
#pragma once

#include "png_diff.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace dizgi::testing {

namespace fs = std::filesystem;

inline bool updating() {
  const char* value = std::getenv("DIZGI_UPDATE_GOLDEN");
  return value && std::string(value) == "1";
}

inline std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void write_text(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// A short unified-diff-like summary: changed lines with their numbers (LCS over lines).
inline std::string diff_summary(const std::string& expected, const std::string& actual, std::size_t limit = 40) {
  auto a = lines_of(expected), b = lines_of(actual);
  std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::ostringstream out;
  std::size_t i = 0, j = 0, shown = 0, changes = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      ++i;
      ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      if (shown++ < limit) out << "-" << i + 1 << ": " << a[i] << '\n';
      ++changes;
      ++i;
    } else {
      if (shown++ < limit) out << "+" << j + 1 << ": " << b[j] << '\n';
      ++changes;
      ++j;
    }
  }
  if (shown > limit) out << "... " << shown - limit << " more changed line(s)\n";
  return "--- expected\n+++ actual\n" + out.str() + std::to_string(changes) + " line(s) differ\n";
}

// Compares a text output with its expected file; on a mismatch writes `<file>.actual`.
inline void check_text(const fs::path& expected_file, const std::string& actual) {
  fs::path actual_file = expected_file;
  actual_file += ".actual";
  if (updating()) {
    write_text(expected_file, actual);
    fs::remove(actual_file);
    return;
  }
  if (!fs::exists(expected_file)) {
    write_text(actual_file, actual);
    ADD_FAILURE() << expected_file << " is missing; the output is in " << actual_file
                  << " (review it, then run with DIZGI_UPDATE_GOLDEN=1)";
    return;
  }
  std::string expected = read_text(expected_file);
  if (expected == actual) {
    fs::remove(actual_file);
    return;
  }
  write_text(actual_file, actual);
  ADD_FAILURE() << expected_file.filename().string() << " differs; actual written to " << actual_file << "\n"
                << diff_summary(expected, actual);
}

inline int tolerance_of(const fs::path& dir) {
  fs::path file = dir / "tolerance";
  if (!fs::exists(file)) return 1;
  std::istringstream in(read_text(file));
  int value = 1;
  in >> value;
  return value;
}

// Compares the rendered page `rendered` with `expected` (per-channel `tolerance`); on a mismatch
// writes `<expected>.actual.png` beside it. Returns false when there is no reference to keep.
inline bool check_png(const fs::path& expected, const fs::path& rendered, int tolerance) {
  fs::path actual = expected;
  actual.replace_extension(".actual.png");
  if (updating()) {
    fs::copy_file(rendered, expected, fs::copy_options::overwrite_existing);
    fs::remove(actual);
  } else if (!fs::exists(expected)) {
    fs::copy_file(rendered, actual, fs::copy_options::overwrite_existing);
    ADD_FAILURE() << expected << " is missing; the rendering is in " << actual;
    return false;
  } else {
    PngDiff diff = compare_png(expected, rendered, tolerance);
    if (diff.matches()) {
      fs::remove(actual);
    } else {
      fs::copy_file(rendered, actual, fs::copy_options::overwrite_existing);
      ADD_FAILURE() << expected.filename().string() << ": " << diff.summary() << " (tolerance " << tolerance
                    << "); actual written to " << actual;
    }
  }
  return true;
}

}  // namespace dizgi::testing
