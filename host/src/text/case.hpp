// Turkish case mapping (ICU, locale "tr"): i <-> İ, ı <-> I. Never use ASCII or C-locale
// casing on Turkish text ("İçindekiler" must become "İÇİNDEKİLER", not "IÇINDEKILER").
#pragma once

#include <string>
#include <string_view>

namespace dizgi::text {

// UTF-8 in, UTF-8 out. Invalid UTF-8 bytes become U+FFFD.
std::string to_upper_tr(std::string_view text);
std::string to_lower_tr(std::string_view text);

// Heading title case: each word starts with a capital and continues in lowercase, except the
// conjunctions "ve", "ile" and "veya", which stay lowercase unless they open the text
// ("amaç ve hedefler" -> "Amaç ve Hedefler"). Words are separated by white space; a word's
// part after an apostrophe stays lowercase ("İZMİR’İN" -> "İzmir’in").
std::string title_case_tr(std::string_view text);

}  // namespace dizgi::text
