// Tiny JSON output helpers for --json modes: no parser, just correct string literals.
#pragma once

#include <string>
#include <string_view>

namespace dizgi::util {

// Returns `text` as a quoted JSON string literal: '"' and '\\' escaped, control characters as
// \n, \t, ... or \u00XX, valid UTF-8 passed through unchanged, and each byte that is not part of
// valid UTF-8 replaced by U+FFFD so the output is always valid JSON. Never throws (except
// std::bad_alloc).
std::string json_escape(std::string_view text);

}  // namespace dizgi::util
