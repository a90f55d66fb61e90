#include <dizgi/model/outline.hpp>

#include <dizgi/model/format.hpp>

namespace dizgi {

std::string format_outline_label(int index, OutlineStyle style) {
  if (index < 1) return {};
  switch (style) {
    case OutlineStyle::roman: return format_roman(index);
    case OutlineStyle::latin:
      if (index <= 26) return std::string(1, static_cast<char>('A' + index - 1));
      return format_letter_tr(index);
    case OutlineStyle::turkish: return format_letter_tr(index);
    case OutlineStyle::arabic:
    case OutlineStyle::invalid: break;
  }
  return std::to_string(index);
}

int OutlineCounter::next(int level) {
  if (level < 1 || level > max_levels) return 0;
  const auto index = static_cast<std::size_t>(level - 1);
  ++count[index];
  for (std::size_t deeper = index + 1; deeper < count.size(); ++deeper) count[deeper] = 0;
  return count[index];
}

int OutlineCounter::at(int level) const {
  if (level < 1 || level > max_levels) return 0;
  return count[static_cast<std::size_t>(level - 1)];
}

std::string OutlineCounter::anchor(const std::string& prefix) const {
  std::string id = prefix;
  for (int number : count) {
    if (number > 0) id += "-" + std::to_string(number);
  }
  return id;
}

}  // namespace dizgi
