// Placeholder until the Turkish hyphenation rules land: offers no hyphenation points.
#include "text/hyphenate.hpp"

namespace dizgi::text {

std::vector<std::size_t> hyphenation_points(std::string_view, const HyphenationOptions&) { return {}; }

std::string hyphenate_display(std::string_view word, const HyphenationOptions&) { return std::string(word); }

}  // namespace dizgi::text
