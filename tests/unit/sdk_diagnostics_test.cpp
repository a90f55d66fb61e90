// Diagnostics are one line, bounded and safe on a terminal (issue 16): error lines quoted 30 MB
// of a CSV header and passed terminal escape sequences from data files to the terminal.
#include <dizgi/diagnostics.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

using dizgi::Diagnostic;
using dizgi::Severity;

std::string formatted(const std::string& message) {
  return dizgi::format(Diagnostic{Severity::error, "x", {"veri.csv", 1, 0, {}}, message, {}});
}

TEST(SdkDiagnostics, ControlCharactersAreShownNotSent) {
  std::string line = formatted("unknown column '\x1b[31mkirmizi\x1b[0m' and \xc2\x9b" "2J\x07");
  EXPECT_EQ(line, "veri.csv:1: error: unknown column '\\x1b[31mkirmizi\\x1b[0m' and \\x9b2J\\x07");
}

TEST(SdkDiagnostics, LineBreaksBecomeSpacesAndTurkishStaysIntact) {
  EXPECT_EQ(formatted("satır\nçok\tuzun"), "veri.csv:1: error: satır çok uzun");
}

TEST(SdkDiagnostics, HugeQuotesAreCutAtACharacterBoundary) {
  std::string header(30u << 20, 'a');
  header.replace(1990, 2, "ğ");
  std::string line = formatted("unknown column '" + header + "'");
  EXPECT_LT(line.size(), 2100u);
  EXPECT_NE(line.find("more bytes)"), std::string::npos);
  dizgi::Error error(dizgi::ErrorCode::data, {"veri.csv", 1, 0, {}}, "unknown column '" + header + "'");
  EXPECT_LT(std::string(error.what()).size(), 2100u);
  // No broken UTF-8 at the cut: every lead byte is followed by its continuation bytes.
  for (std::size_t i = 0; i < line.size(); ++i) {
    auto c = static_cast<unsigned char>(line[i]);
    if (c >= 0xc0) {
      ASSERT_LT(i + 1, line.size());
      EXPECT_EQ(static_cast<unsigned char>(line[i + 1]) & 0xc0, 0x80);
    }
  }
}

}  // namespace
