// Turkish hyphenation by syllable rules. The rules, their reasons and the measured agreement
// with the TeX hyph-tr patterns are described in docs/typesetting.md.
#include "text/hyphenate.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <string_view>

namespace dizgi::text {
namespace {

constexpr char32_t soft_hyphen = 0x00AD;
constexpr char32_t right_single_quote = 0x2019;

enum class Class { vowel = 1, consonant, apostrophe, digit, other };

// One letter of the word: a base code point with its combining marks.
struct Unit {
  std::size_t offset = 0;  // byte offset of the base code point in the word
  char32_t lower = 0;      // Turkish lowercase of the base code point
  Class kind = Class::other;
};

char32_t to_lower_tr(char32_t c) {
  if (c == U'I') return U'ı';
  if (c == U'İ') return U'i';
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

bool is_vowel(char32_t lower) {
  constexpr std::u32string_view vowels = U"aeıioöuüâîû";
  return vowels.find(lower) != std::u32string_view::npos;
}

Class classify(char32_t c, char32_t lower) {
  if (c == U'\'' || c == right_single_quote) return Class::apostrophe;
  if (u_isdigit(static_cast<UChar32>(c))) return Class::digit;
  if (u_isalpha(static_cast<UChar32>(c))) return is_vowel(lower) ? Class::vowel : Class::consonant;
  return Class::other;
}

bool is_combining(char32_t c) {
  const auto category = u_charType(static_cast<UChar32>(c));
  return category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
         category == U_COMBINING_SPACING_MARK;
}

// Decodes `word` into units; invalid UTF-8 bytes become `other` units. Reports whether the
// word contains soft hyphens (their offsets go to `soft_hyphens`, they are not units).
std::vector<Unit> decode(std::string_view word, std::vector<std::size_t>& soft_hyphens) {
  std::vector<Unit> units;
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  const auto length = static_cast<int32_t>(word.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      units.push_back({static_cast<std::size_t>(start), 0, Class::other});
      continue;
    }
    const auto code = static_cast<char32_t>(c);
    if (code == soft_hyphen) {
      soft_hyphens.push_back(static_cast<std::size_t>(start));
      continue;
    }
    if (is_combining(code) && !units.empty()) continue;  // belongs to the previous letter
    const char32_t lower = to_lower_tr(code);
    units.push_back({static_cast<std::size_t>(start), lower, classify(code, lower)});
  }
  return units;
}

// Break positions (unit indices: a break before unit k) inside one run of letters.
void syllable_breaks(const std::vector<Unit>& run, const HyphenationOptions& options,
                     std::vector<std::size_t>& out_units) {
  const std::size_t n = run.size();
  std::vector<std::size_t> vowels;
  for (std::size_t k = 0; k < n; ++k) {
    if (run[k].kind == Class::vowel) vowels.push_back(k);
  }
  if (vowels.size() < 2) return;  // one syllable (or none: an abbreviation such as "TBMM")

  std::vector<bool> is_break(n + 1, false);
  for (std::size_t v = 1; v < vowels.size(); ++v) {
    // A syllable has one vowel. Between two vowels the last consonant of the cluster opens
    // the next syllable (ka-lem, ör-nek, kont-rol); with no consonant the vowels part (sa-at).
    // The consonants before the first vowel stay together (stra-te-ji, prog-ram).
    const std::size_t previous = vowels[v - 1];
    const std::size_t current = vowels[v];
    is_break[current == previous + 1 ? current : current - 1] = true;
  }
  // A vowel that stands alone after a hiatus is not split from the syllable that follows
  // (ka-ide, mu-ame-le), as hyph-tr does.
  for (std::size_t v = 1; v + 1 < vowels.size(); ++v) {
    const std::size_t previous = vowels[v - 1];
    const std::size_t current = vowels[v];
    const std::size_t next = vowels[v + 1];
    if (current == previous + 1 && next == current + 2) is_break[current + 1] = false;
  }
  // hyph-tr keeps the future suffix "-ecek" whole at the end of a word (ge-lecek).
  if (n >= 4 && run[n - 4].lower == U'e' && run[n - 3].lower == U'c' && run[n - 2].lower == U'e' &&
      run[n - 1].lower == U'k') {
    is_break[n - 3] = false;  // before the "c"
  }

  const auto left = static_cast<std::size_t>(options.left_min < 1 ? 1 : options.left_min);
  const auto right = static_cast<std::size_t>(options.right_min < 1 ? 1 : options.right_min);
  for (std::size_t k = left; k + right <= n; ++k) {
    if (is_break[k]) out_units.push_back(k);
  }
}

}  // namespace

std::vector<std::size_t> hyphenation_points(std::string_view word,
                                            const HyphenationOptions& options) {
  std::vector<std::size_t> soft_hyphens;
  const std::vector<Unit> units = decode(word, soft_hyphens);

  // Words with digits (PG1.1.1, 2025’te, H1.2) are codes or numbers: never broken.
  for (const Unit& unit : units) {
    if (unit.kind == Class::digit) return {};
  }
  // The author's soft hyphens, when there are any, are the only break points. A soft hyphen
  // at either end of the word breaks nothing.
  if (!soft_hyphens.empty()) {
    std::vector<std::size_t> points;
    for (std::size_t offset : soft_hyphens) {
      bool letter_before = false;
      bool letter_after = false;
      for (const Unit& unit : units) {
        if (unit.offset < offset) letter_before = true;
        if (unit.offset > offset) letter_after = true;
      }
      if (letter_before && letter_after) points.push_back(offset);
    }
    return points;
  }

  // Only the part before an apostrophe is hyphenated; the suffix after it (İzmir’in) is never
  // separated, and no break is placed next to the apostrophe (right_min counts to it).
  std::size_t end = units.size();
  for (std::size_t k = 0; k < units.size(); ++k) {
    if (units[k].kind == Class::apostrophe) {
      end = k;
      break;
    }
  }

  // Each run of letters (between hyphens, slashes or other signs) is hyphenated on its own.
  std::vector<std::size_t> points;
  std::vector<Unit> run;
  std::vector<std::size_t> run_breaks;
  auto flush = [&] {
    run_breaks.clear();
    syllable_breaks(run, options, run_breaks);
    for (std::size_t k : run_breaks) points.push_back(run[k].offset);
    run.clear();
  };
  for (std::size_t k = 0; k < end; ++k) {
    if (units[k].kind == Class::vowel || units[k].kind == Class::consonant) {
      run.push_back(units[k]);
    } else {
      flush();
    }
  }
  flush();
  return points;
}

std::string hyphenate_display(std::string_view word, const HyphenationOptions& options) {
  const std::vector<std::size_t> points = hyphenation_points(word, options);
  std::string out;
  out.reserve(word.size() + points.size());
  std::size_t next = 0;
  constexpr std::string_view shy = "\xC2\xAD";
  for (std::size_t i = 0; i < word.size();) {
    const bool at_point = next < points.size() && points[next] == i;
    if (at_point) {
      out += '-';
      ++next;
    }
    if (word.substr(i, shy.size()) == shy) {  // soft hyphens are shown only where they break
      i += shy.size();
      continue;
    }
    out += word[i];
    ++i;
  }
  return out;
}

}  // namespace dizgi::text
