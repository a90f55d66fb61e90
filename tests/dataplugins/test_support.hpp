// Helpers of the data-source tests: temporary folders and files, reading a table from a string.
#pragma once

#include "mapping.hpp"

#include <filesystem>
#include <string>

namespace dizgi::test {

// A fresh folder under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // Writes `content` (bytes) to `name` inside the folder and returns the full path.
  std::string write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

// The schema of the test fixtures: tests/data/sample/schema.sql read by the DDL reader, so the
// tests do not change when the project's standard schema does.
const data::Schema& fixture_schema();

}  // namespace dizgi::test
