// Turkish hyphenation: the golden case list, byte offsets, and `dizgi hyphenate` end to end.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/hyphenate.hpp"

namespace {

namespace fs = std::filesystem;
using dizgi::text::hyphenate_display;
using dizgi::text::hyphenation_points;

std::string unescape(const std::string& input) {
  std::string out;
  const std::string escape = "\\u00AD";
  for (std::size_t i = 0; i < input.size();) {
    if (input.compare(i, escape.size(), escape) == 0) {
      out += "\xC2\xAD";
      i += escape.size();
    } else {
      out += input[i++];
    }
  }
  return out;
}

std::string run_command(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return output;
  std::array<char, 4096> buffer{};
  std::size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    output.append(buffer.data(), got);
  pclose(pipe);
  return output;
}

}  // namespace

// Intent: every case of tests/golden/text/hyphenation/cases.txt hyphenates as listed; a
// changed rule shows up as a reviewed diff of the .actual file.
TEST(TextHyphenate, GoldenCases) {
  const fs::path golden = fs::path(DIZGI_TEST_SOURCE_DIR) / "golden/text/hyphenation/cases.txt";
  std::ifstream in(golden);
  ASSERT_TRUE(in) << "missing " << golden;
  std::ostringstream actual_file;
  std::vector<std::string> failures;
  std::size_t cases = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') {
      actual_file << line << "\n";
      continue;
    }
    std::istringstream fields(line);
    std::string input;
    std::string expected;
    fields >> input >> expected;
    const std::string actual = hyphenate_display(unescape(input));
    actual_file << input << " " << actual << "\n";
    ++cases;
    if (actual != expected)
      failures.push_back(input + ": expected " + expected + ", got " + actual);
  }
  ASSERT_GT(cases, 30U);
  const fs::path actual_path = golden.string() + ".actual";
  if (failures.empty()) {
    fs::remove(actual_path);
    return;
  }
  const char* update = std::getenv("DIZGI_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(golden) << actual_file.str();
    fs::remove(actual_path);
    return;
  }
  std::ofstream(actual_path) << actual_file.str();
  std::string report;
  for (const std::string& failure : failures) report += "\n  " + failure;
  ADD_FAILURE() << failures.size() << " hyphenation cases differ (see " << actual_path
                << "):" << report;
}

TEST(TextHyphenate, PointsAreByteOffsetsIntoTheWordAsGiven) {
  // "kâ-ğıt": the break lies after "kâ", which is 3 bytes long.
  EXPECT_EQ(hyphenation_points("kâğıt"), (std::vector<std::size_t>{3}));
  // A soft hyphen's own offset is the break point.
  EXPECT_EQ(hyphenation_points("bele\xC2\xAD"
                               "diye"),
            (std::vector<std::size_t>{4}));
}

TEST(TextHyphenate, MinimaAreHonoured) {
  EXPECT_EQ(hyphenate_display("belediye", {3, 3}), "bele-diye");
  EXPECT_EQ(hyphenate_display("ekonomi", {1, 1}), "e-ko-no-mi");
}

TEST(TextHyphenate, CombiningDotAboveStaysWithItsLetter) {
  // "İ" written as I + U+0307 (what a non-Turkish lowercasing leaves behind).
  EXPECT_EQ(hyphenate_display("i\xCC\x87stanbul"), "i\xCC\x87s-tan-bul");
}

TEST(TextHyphenate, InvalidUtf8AndEmptyInputAreHarmless) {
  EXPECT_TRUE(hyphenation_points("").empty());
  EXPECT_EQ(hyphenate_display(""), "");
  // A stray continuation byte splits the word into two runs, each hyphenated on its own.
  EXPECT_EQ(hyphenate_display("bele\x80"
                              "diye"),
            "be-le\x80"
            "di-ye");
  EXPECT_EQ(hyphenate_display("\xC3"), "\xC3");
}

TEST(TextHyphenateCli, HyphenatesArgumentsAndStdin) {
  const std::string cli = DIZGI_CLI_PATH;
  EXPECT_EQ(run_command("'" + cli + "' hyphenate strateji İzmir’in PG1.1.1"),
            "stra-te-ji\nİz-mir’in\nPG1.1.1\n");
  EXPECT_EQ(run_command("printf 'belediye\\nİSTANBUL\\n' | '" + cli + "' hyphenate"),
            "be-le-di-ye\nİS-TAN-BUL\n");
  EXPECT_EQ(run_command("'" + cli + "' hyphenate --left-min 3 --right-min 3 belediye"),
            "bele-diye\n");
  EXPECT_EQ(
      run_command("'" + cli + "' hyphenate --left-min x a 2>&1; echo \"exit=$?\""),
      "dizgi: hyphenate: --left-min needs a number from 1 to 20 (see 'dizgi --help')\nexit=2\n");
  EXPECT_EQ(run_command("'" + cli + "' hyphenate --bogus 2>&1; echo \"exit=$?\""),
            "dizgi: hyphenate: unknown option '--bogus' (see 'dizgi --help')\nexit=2\n");
}
