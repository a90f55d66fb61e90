// Reading the operators of a PDF content stream quickly, for the post-processing steps that go
// through every page of a book (marking artifacts, converting colours).
//
// Written here rather than taken from qpdf's tokenizer: that makes an object with a copy of the
// text for every token, and a 3,000-page table has tens of millions of tokens; this lexer only
// finds where each operator is and leaves the bytes where they are.
#pragma once

#include <cstddef>
#include <string_view>

namespace dizgi::postprocess {

// PDF white space (ISO 32000-1, 7.2.2): what separates operands and operators.
inline bool is_pdf_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

// Splits a content stream into operators and the operands before them. Strings (literal, with
// nested parentheses and escapes, and hexadecimal), names, numbers, arrays, dictionaries and
// comments are operands or space; the data of an inline image (BI … ID data EI) is skipped.
class ContentLexer {
 public:
  explicit ContentLexer(std::string_view content) : s_(content) {}

  // The next operator: sets [begin, end) and returns true, or returns false at the end.
  bool next_operator(std::size_t& begin, std::size_t& end);

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace dizgi::postprocess
