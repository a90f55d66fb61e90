#include "test_support.hpp"

#include <fstream>
#include <sstream>
#include <random>

namespace dizgi::test {

TempDir::TempDir() {
  std::random_device device;
  auto base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = base / ("dizgi-data-test-" + std::to_string(device()));
    if (std::filesystem::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary folder");
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
  auto file = path_ / name;
  std::ofstream out(file, std::ios::binary);
  out << content;
  return file.string();
}

const data::Schema& fixture_schema() {
  static const data::Schema schema = [] {
    std::ifstream in(DIZGI_TEST_SOURCE_DIR "/data/sample/schema.sql", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return data::Schema::parse_sql(text.str(), "schema.sql");
  }();
  return schema;
}

}  // namespace dizgi::test
