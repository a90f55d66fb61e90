// Small text helpers shared by the stages (written once here, not per file).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dizgi::util {

// `text` without leading and trailing ASCII white space.
std::string trim(std::string_view text);

// A number with `precision` fractional digits in the classic locale ("12.5", never "12,5"):
// for messages and machine output, never for the Turkish text of a book.
std::string format_fixed(double value, int precision = 1);

// The shortest text that reads back as exactly `value` ("10.5", "0.1", "1e+21"), classic
// locale: for files dizgi writes that it reads again (the template it prints).
std::string format_number(double value);

// The length in bytes of the UTF-8 sequence that starts with `lead` (1 to 4), or 0 when `lead`
// cannot start one (a continuation byte or an invalid byte).
std::size_t utf8_sequence_length(unsigned char lead);

}  // namespace dizgi::util
