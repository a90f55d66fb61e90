// JSON text helpers shared by the machine-readable reports (preflight --json, ...).
#pragma once

#include <string>
#include <string_view>

namespace dizgi::util {

// Returns `text` as a quoted JSON string: quotes, backslashes and control characters are
// escaped, other bytes (UTF-8) pass through unchanged. Invalid UTF-8 bytes are replaced by
// U+FFFD so the output is always valid JSON.
std::string json_escape(std::string_view text);

// Formats a number with the classic locale ("12.5", never "12,5"); non-finite values become
// null, which JSON can represent.
std::string json_number(double value, int precision = 2);

}  // namespace dizgi::util
