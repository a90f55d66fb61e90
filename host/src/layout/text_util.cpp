#include "layout/text_util.hpp"

#include "text/case.hpp"

#include <dizgi/model/format.hpp>

#include <cctype>

namespace dizgi::layout {

std::string plain_text(const std::vector<doc::Span>& spans) {
  std::string out;
  for (const doc::Span& s : spans) out += s.text;
  return out;
}

std::vector<doc::Span> spans_of(const std::string& text, bool bold) {
  doc::Span span;
  span.text = text;
  span.style.bold = bold;
  return {span};
}

std::string upper_tr(const std::string& text) { return text::to_upper_tr(text); }

// Front-matter page labels are lower-case roman numerals.
std::string roman(int number) {
  std::string label = format_roman(number);
  for (char& c : label) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return label;
}

}  // namespace dizgi::layout
