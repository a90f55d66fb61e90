#include "postprocess/content_lexer.hpp"

namespace dizgi::postprocess {

namespace {

bool is_delimiter(char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' ||
         c == '%';
}

bool is_regular(char c) { return !is_pdf_space(c) && !is_delimiter(c); }

// A number, true, false or null: an operand, not an operator.
bool is_operand_word(std::string_view word) {
  if (word == "true" || word == "false" || word == "null") return true;
  const char c = word.front();
  return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

}  // namespace

bool ContentLexer::next_operator(std::size_t& begin, std::size_t& end) {
  const std::size_t n = s_.size();
  while (i_ < n) {
    const char c = s_[i_];
    if (is_pdf_space(c)) {
      ++i_;
    } else if (c == '%') {  // a comment, to the end of the line
      while (i_ < n && s_[i_] != '\n' && s_[i_] != '\r') ++i_;
    } else if (c == '(') {  // a literal string: balanced parentheses, backslash escapes
      int depth = 0;
      for (; i_ < n; ++i_) {
        if (s_[i_] == '\\') ++i_;
        else if (s_[i_] == '(') ++depth;
        else if (s_[i_] == ')' && --depth == 0) break;
      }
      ++i_;
    } else if (c == '<') {
      if (i_ + 1 < n && s_[i_ + 1] == '<') {
        i_ += 2;  // a dictionary opens
      } else {  // a hexadecimal string
        while (i_ < n && s_[i_] != '>') ++i_;
        ++i_;
      }
    } else if (c == '/') {  // a name
      ++i_;
      while (i_ < n && is_regular(s_[i_])) ++i_;
    } else if (is_delimiter(c)) {  // ) > [ ] { }
      ++i_;
    } else {
      const std::size_t start = i_;
      while (i_ < n && is_regular(s_[i_])) ++i_;
      const std::string_view word = s_.substr(start, i_ - start);
      if (is_operand_word(word)) continue;
      begin = start;
      end = i_;
      if (word == "ID") {
        // Inline image data, up to "EI" standing alone after white space; the EI is the next
        // operator.
        ++i_;  // the single white-space character after ID
        while (i_ + 2 <= n) {
          if (is_pdf_space(s_[i_ - 1]) && s_.compare(i_, 2, "EI") == 0 && (i_ + 2 == n || !is_regular(s_[i_ + 2]))) break;
          ++i_;
        }
        if (i_ + 2 > n) i_ = n;
      }
      return true;
    }
  }
  return false;
}

}  // namespace dizgi::postprocess
