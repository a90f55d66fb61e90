// Turkish case mapping with ICU.
#include <dizgi/model/case.hpp>

#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace dizgi {
namespace {

const icu::Locale& turkish() {
  static const icu::Locale locale("tr");
  return locale;
}

icu::UnicodeString from_utf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string to_utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

bool is_conjunction(const icu::UnicodeString& lower_word) {
  return lower_word == icu::UnicodeString(u"ve") || lower_word == icu::UnicodeString(u"ile") ||
         lower_word == icu::UnicodeString(u"veya");
}

bool is_apostrophe(UChar c) { return c == u'\'' || c == u'\u2019'; }

}  // namespace

std::string upper_tr(std::string_view text) {
  icu::UnicodeString value = from_utf8(text);
  value.toUpper(turkish());
  return to_utf8(value);
}

std::string lower_tr(std::string_view text) {
  icu::UnicodeString value = from_utf8(text);
  value.toLower(turkish());
  return to_utf8(value);
}

std::string title_case_tr(std::string_view text) {
  const icu::UnicodeString value = from_utf8(text);
  icu::UnicodeString out;
  bool first_word = true;
  int32_t i = 0;
  while (i < value.length()) {
    if (u_isUWhiteSpace(value.char32At(i))) {
      out.append(value.charAt(i));
      ++i;
      continue;
    }
    int32_t end = i;
    while (end < value.length() && !u_isUWhiteSpace(value.char32At(end))) ++end;
    icu::UnicodeString word = value.tempSubStringBetween(i, end);
    word.toLower(turkish());
    if (first_word || !is_conjunction(word)) {
      // Capitalise the first letter (skipping opening quotes or parentheses); the rest, and
      // anything after an apostrophe, stays lowercase.
      int32_t k = 0;
      while (k < word.length() && !u_isalnum(word.char32At(k)) && !is_apostrophe(word.charAt(k))) {
        k = word.moveIndex32(k, 1);
      }
      if (k < word.length()) {
        const int32_t next = word.moveIndex32(k, 1);
        icu::UnicodeString head = word.tempSubStringBetween(k, next);
        head.toUpper(turkish());
        word.replace(k, next - k, head);
      }
    }
    out.append(word);
    first_word = false;
    i = end;
  }
  return to_utf8(out);
}

}  // namespace dizgi
