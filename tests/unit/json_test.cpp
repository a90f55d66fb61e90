// json_escape: every string dizgi prints in --json modes becomes a valid JSON literal.
#include "util/json.hpp"

#include <gtest/gtest.h>

using dizgi::util::json_escape;

TEST(JsonEscape, QuotesAndEscapesSpecialCharacters) {
  EXPECT_EQ(json_escape(""), "\"\"");
  EXPECT_EQ(json_escape("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(json_escape("1\n2\t3\r\b\f"), "\"1\\n2\\t3\\r\\b\\f\"");
  EXPECT_EQ(json_escape(std::string("\x01\x1f\x7f", 3)), "\"\\u0001\\u001f\\u007f\"");
  EXPECT_EQ(json_escape(std::string("a\0b", 3)), "\"a\\u0000b\"");
  EXPECT_EQ(json_escape("/path/to/dizgi-ok.so"), "\"/path/to/dizgi-ok.so\"");
}

TEST(JsonEscape, KeepsTurkishUtf8AsIs) {
  EXPECT_EQ(json_escape("Faaliyet Raporu — İstanbul, ığüşöç ĞÜŞİÖÇ €"),
            "\"Faaliyet Raporu — İstanbul, ığüşöç ĞÜŞİÖÇ €\"");
  EXPECT_EQ(json_escape("\xF0\x9F\x93\x96"), "\"\xF0\x9F\x93\x96\"");  // U+1F4D6
}

TEST(JsonEscape, ReplacesInvalidUtf8ByteByByte) {
  EXPECT_EQ(json_escape("a\xff" "b"), "\"a\\ufffdb\"");
  EXPECT_EQ(json_escape("\xc3"), "\"\\ufffd\"");                      // truncated
  EXPECT_EQ(json_escape("\xc0\xaf"), "\"\\ufffd\\ufffd\"");           // overlong
  EXPECT_EQ(json_escape("\xed\xa0\x80"), "\"\\ufffd\\ufffd\\ufffd\"");  // surrogate
  EXPECT_EQ(json_escape("\xf4\x90\x80\x80"), "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");  // > U+10FFFF
}
