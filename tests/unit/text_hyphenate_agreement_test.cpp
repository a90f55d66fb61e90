// Agreement of dizgi's Turkish hyphenation rules with the TeX hyph-tr patterns (left/right
// minimum 2) over the words of the Debian hunspell-tr dictionary. The reference is computed by
// a small Liang pattern applier that lives here, in test code only: the product uses rules.
#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "text/hyphenate.hpp"

namespace {

namespace fs = std::filesystem;

const char* const pattern_dir = "/usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns";
const char* const dictionary_path = "/usr/share/hunspell/tr_TR.dic";

std::u32string to_u32(const icu::UnicodeString& text) {
  std::u32string out;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

// Liang's algorithm: patterns map a letter string to the inter-letter values around it.
class PatternHyphenator {
 public:
  void add(const std::string& pattern_utf8) {
    const std::u32string pattern = to_u32(icu::UnicodeString::fromUTF8(pattern_utf8));
    std::u32string letters;
    std::vector<int> values(1, 0);
    for (char32_t c : pattern) {
      if (c >= U'0' && c <= U'9') {
        values.back() = static_cast<int>(c - U'0');
      } else {
        letters.push_back(c);
        values.push_back(0);
      }
    }
    longest_ = std::max(longest_, letters.size());
    patterns_[letters] = values;
  }

  std::size_t size() const { return patterns_.size(); }

  // Break positions (before code point k) of a lowercase word.
  std::set<std::size_t> points(const std::u32string& word, std::size_t left_min,
                               std::size_t right_min) const {
    const std::u32string dotted = U"." + word + U".";
    std::vector<int> values(dotted.size() + 1, 0);
    for (std::size_t start = 0; start < dotted.size(); ++start) {
      for (std::size_t length = 1; length <= longest_ && start + length <= dotted.size();
           ++length) {
        const auto found = patterns_.find(dotted.substr(start, length));
        if (found == patterns_.end()) continue;
        for (std::size_t k = 0; k < found->second.size(); ++k) {
          values[start + k] = std::max(values[start + k], found->second[k]);
        }
      }
    }
    std::set<std::size_t> result;
    // values[j] lies before dotted[j]; dotted[k + 1] is word[k].
    for (std::size_t k = left_min; k + right_min <= word.size(); ++k) {
      if (values[k + 1] % 2 == 1) result.insert(k);
    }
    return result;
  }

 private:
  std::map<std::u32string, std::vector<int>> patterns_;
  std::size_t longest_ = 0;
};

bool load_patterns(PatternHyphenator& hyphenator) {
  std::ifstream txt(std::string(pattern_dir) + "/txt/hyph-tr.pat.txt");
  if (txt) {
    std::string line;
    while (std::getline(txt, line)) {
      if (!line.empty()) hyphenator.add(line);
    }
    return hyphenator.size() > 0;
  }
  std::ifstream tex(std::string(pattern_dir) + "/tex/hyph-tr.tex");
  if (!tex) return false;
  std::string line;
  bool inside = false;
  while (std::getline(tex, line)) {
    if (line.rfind("\\patterns{", 0) == 0) {
      inside = true;
      continue;
    }
    if (inside && line.rfind('}', 0) == 0) break;
    if (inside && !line.empty() && line[0] != '%') hyphenator.add(line);
  }
  return hyphenator.size() > 0;
}

// Code-point index of each byte offset returned by hyphenation_points.
std::set<std::size_t> product_points(const std::string& word_utf8) {
  std::set<std::size_t> result;
  for (std::size_t offset : dizgi::text::hyphenation_points(word_utf8)) {
    std::size_t index = 0;
    for (std::size_t i = 0; i < offset; ++i) {
      if ((static_cast<unsigned char>(word_utf8[i]) & 0xC0) != 0x80) ++index;
    }
    result.insert(index);
  }
  return result;
}

}  // namespace

TEST(TextHyphenateAgreement, AgreesWithHyphTrOnHunspellWords) {
  PatternHyphenator patterns;
  ASSERT_TRUE(load_patterns(patterns))
      << "the TeX Turkish patterns (hyph-tr) are missing under " << pattern_dir
      << "; install texlive-lang-european (scripts/install-deps.sh, run by 'make test')";
  std::ifstream dictionary(dictionary_path);
  ASSERT_TRUE(dictionary) << "the Turkish dictionary " << dictionary_path
                          << " is missing; install hunspell-tr (scripts/install-deps.sh, "
                             "run by 'make test')";

  const icu::Locale turkish("tr");
  std::string line;
  std::getline(dictionary, line);  // the first line is the entry count
  std::set<std::u32string> seen;
  std::size_t words = 0;
  std::size_t agreed = 0;
  std::size_t proposed = 0;
  std::vector<std::string> examples;
  while (std::getline(dictionary, line)) {
    const std::string stem = line.substr(0, line.find('/'));
    icu::UnicodeString lower = icu::UnicodeString::fromUTF8(stem);
    lower.toLower(turkish);
    const std::u32string word = to_u32(lower);
    if (word.empty()) continue;
    bool letters_only = true;
    for (char32_t c : word) {
      if (!u_isalpha(static_cast<UChar32>(c))) letters_only = false;
    }
    if (!letters_only || !seen.insert(word).second) continue;
    ++words;
    std::string utf8;
    lower.toUTF8String(utf8);
    const std::set<std::size_t> expected = patterns.points(word, 2, 2);
    const std::set<std::size_t> actual = product_points(utf8);
    std::set<std::size_t> either = expected;
    either.insert(actual.begin(), actual.end());
    proposed += either.size();
    for (std::size_t k : either) {
      if (expected.count(k) != 0 && actual.count(k) != 0) ++agreed;
    }
    if (expected != actual && examples.size() < 15) examples.push_back(utf8);
  }
  ASSERT_GT(words, 10000U) << "the dictionary looks truncated";
  const double agreement = proposed == 0 ? 1.0 : static_cast<double>(agreed) / proposed;
  std::printf("hyphenation agreement with hyph-tr: %.4f %% of %zu positions over %zu words\n",
              agreement * 100.0, proposed, words);
  std::string listed;
  for (const std::string& example : examples) listed += " " + example;
  std::printf("first disagreements:%s\n", listed.c_str());
  RecordProperty("agreement_percent", std::to_string(agreement * 100.0));
  EXPECT_GE(agreement, 0.995);
}
