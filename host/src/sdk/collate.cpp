#include <dizgi/model/collate.hpp>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace dizgi {

namespace {

// Collator::compare is const but not documented as thread-safe on every ICU version: one clone
// per thread of a shared prototype. Null when ICU has no Turkish collation data.
const icu::Collator* turkish_collator() {
  static std::once_flag once;
  static std::unique_ptr<icu::Collator> prototype;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    prototype.reset(icu::Collator::createInstance(icu::Locale("tr"), status));
    if (U_FAILURE(status)) prototype.reset();
  });
  thread_local std::unique_ptr<icu::Collator> local(prototype ? prototype->clone() : nullptr);
  return local.get();
}

int byte_order(std::string_view a, std::string_view b) {
  int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

icu::StringPiece piece(std::string_view text) {
  return icu::StringPiece(text.data(), static_cast<int32_t>(text.size()));
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

int compare_tr(std::string_view a, std::string_view b) {
  const icu::Collator* collator = turkish_collator();
  if (collator == nullptr) return byte_order(a, b);
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult result = collator->compareUTF8(piece(a), piece(b), status);
  if (U_FAILURE(status)) return byte_order(a, b);
  return result == UCOL_LESS ? -1 : (result == UCOL_EQUAL ? 0 : 1);
}

std::string sort_key_tr(std::string_view text) {
  const icu::Collator* collator = turkish_collator();
  if (collator == nullptr) return std::string(text);
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(piece(text));
  int32_t size = collator->getSortKey(unicode, nullptr, 0);
  std::string key(static_cast<std::size_t>(size), '\0');
  collator->getSortKey(unicode, reinterpret_cast<uint8_t*>(key.data()), size);
  if (!key.empty() && key.back() == '\0') key.pop_back();  // ICU counts the terminating zero
  return key;
}

void sort_tr(std::vector<std::string>& items) {
  std::stable_sort(items.begin(), items.end(), TurkishLess{});
}

bool natural_less(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      std::size_t i_end = i, j_end = j;
      while (i_end < a.size() && is_digit(a[i_end])) ++i_end;
      while (j_end < b.size() && is_digit(b[j_end])) ++j_end;
      std::string_view x = a.substr(i, i_end - i), y = b.substr(j, j_end - j);
      while (x.size() > 1 && x.front() == '0') x.remove_prefix(1);
      while (y.size() > 1 && y.front() == '0') y.remove_prefix(1);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = i_end;
      j = j_end;
      continue;
    }
    if (a[i] != b[j]) return a[i] < b[j];
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

}  // namespace dizgi
