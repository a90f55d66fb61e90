// dizgi/model/case.hpp — Turkish case mapping for layouts and the host.
//
// ICU with the locale "tr": i <-> İ, ı <-> I. Never use ASCII or C-locale casing on Turkish
// text ("İçindekiler" must become "İÇİNDEKİLER", not "IÇINDEKILER"). One implementation, in
// libdizgi, for the engine's uppercase styles, the data views and the layouts (surnames in
// capitals in signature blocks, heading titles). UTF-8 in, UTF-8 out; invalid UTF-8 bytes
// become U+FFFD. Thread-safe; none throws. Since: 0.2
#pragma once

#include <dizgi/export.hpp>

#include <string>
#include <string_view>

namespace dizgi {

// "içindekiler" -> "İÇİNDEKİLER", "ışık" -> "IŞIK".
DIZGI_API std::string upper_tr(std::string_view text);
// "IŞIK" -> "ışık", "GİDER" -> "gider".
DIZGI_API std::string lower_tr(std::string_view text);

// Heading title case: each word starts with a capital and continues in lowercase, except the
// conjunctions "ve", "ile" and "veya", which stay lowercase unless they open the text
// ("amaç ve hedefler" -> "Amaç ve Hedefler"). Words are separated by white space; a word's
// part after an apostrophe stays lowercase ("İZMİR’İN" -> "İzmir’in").
DIZGI_API std::string title_case_tr(std::string_view text);

}  // namespace dizgi
