// The colours a book is drawn with, as the template defines them: each screen RGB colour the
// renderer writes with its exact CMYK values. Cairo writes only RGB; post-processing finds
// each RGB colour in this map and writes the designer's CMYK instead (lcms2 handles colours
// that are not in it). The map travels from the template to post-processing as a value.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace dizgi::output {

// CMYK in percent, or the registration colour of printer's marks (every plate).
struct ProcessColour {
  double c = 0, m = 0, y = 0, k = 0;
  bool registration = false;
  bool is_black() const { return !registration && c == 0 && m == 0 && y == 0 && k >= 100; }
};

class ColourMap {
 public:
  // RGB components 0..1. The first entry for an RGB value wins: a later colour that looks the
  // same on screen cannot be told apart in the PDF (returns false).
  bool add(double r, double g, double b, const ProcessColour& colour, const std::string& name = {});
  // The entry whose RGB matches within the precision Cairo writes colours with.
  std::optional<ProcessColour> find(double r, double g, double b) const;
  bool empty() const { return entries_.empty(); }
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::array<double, 3> rgb;
    ProcessColour colour;
    std::string name;
  };
  std::vector<Entry> entries_;
};

// The screen colour printer's marks are drawn with; post-processing turns it into the
// registration colour (a /Separation /All). No template colour looks like it.
constexpr std::array<double, 3> registration_rgb{0.015625, 0.0078125, 0.00390625};

}  // namespace dizgi::output
