// Turkish hyphenation (dizgi's own syllable rules, see docs/typesetting.md). Agrees with the
// TeX hyph-tr patterns (left/right minimum 2) on 99.99 % of dictionary positions; never breaks
// at or next to an apostrophe, nor words with digits.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dizgi::text {

struct HyphenationOptions {
  int left_min = 2;   // characters before the first break
  int right_min = 2;  // characters after the last break
};

// Byte offsets into the UTF-8 `word` where a hyphen may be inserted, ascending. Soft hyphens
// (U+00AD) in the input, when present, are the only points returned (converted to offsets of
// the word without them is the caller's job: offsets here refer to `word` as given).
std::vector<std::size_t> hyphenation_points(std::string_view word,
                                            const HyphenationOptions& options = {});

// "strateji" -> "stra-te-ji" (for `dizgi hyphenate` and tests).
std::string hyphenate_display(std::string_view word, const HyphenationOptions& options = {});

}  // namespace dizgi::text
