#include "output/colour_map.hpp"

#include <cmath>

namespace dizgi::output {

namespace {

// Cairo writes colour components with six decimals (more below 0.1).
constexpr double tolerance = 2e-6;

bool same(const std::array<double, 3>& a, double r, double g, double b) {
  return std::abs(a[0] - r) <= tolerance && std::abs(a[1] - g) <= tolerance && std::abs(a[2] - b) <= tolerance;
}

}  // namespace

bool ColourMap::add(double r, double g, double b, const ProcessColour& colour, const std::string& name) {
  for (const Entry& entry : entries_) {
    if (same(entry.rgb, r, g, b)) return false;
  }
  entries_.push_back(Entry{{r, g, b}, colour, name});
  return true;
}

std::optional<ProcessColour> ColourMap::find(double r, double g, double b) const {
  for (const Entry& entry : entries_) {
    if (same(entry.rgb, r, g, b)) return entry.colour;
  }
  return std::nullopt;
}

}  // namespace dizgi::output
