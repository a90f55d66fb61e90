// Test helper: reads a PDF's content streams with qpdf and checks that every text-showing
// operator is inside marked content that is either an artifact or in the structure tree (its
// MCID has a parent in the page's parent tree entry).
#pragma once

#include <filesystem>
#include <string>

namespace dizgi::testing {

struct TextMarking {
  int tagged = 0;     // text operators in a structure element's marked content
  int artifacts = 0;  // text operators in an artifact
  int unmarked = 0;   // text operators outside any marked content
  int orphans = 0;    // in marked content whose MCID has no structure element
  std::string first_problem;  // page and operator of the first unmarked or orphan text
};

TextMarking text_marking(const std::filesystem::path& pdf);

// True when Poppler's pdfinfo reports the file as tagged ("Tagged: yes").
bool pdfinfo_says_tagged(const std::filesystem::path& pdf);

}  // namespace dizgi::testing
