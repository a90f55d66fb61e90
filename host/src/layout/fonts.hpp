// The fonts a book uses: the families its template names must be installed (or in the book's
// own fonts/ folder), and characters set in a fallback font are reported with counts.
#pragma once

#include "layout/page_model.hpp"
#include "layout/template.hpp"
#include "text/shaper.hpp"

#include <dizgi/diagnostics.hpp>

#include <filesystem>

namespace dizgi::layout {

// Adds `book_dir`/fonts to the fonts `shaper` sees, when that folder exists.
void use_book_fonts(text::Shaper& shaper, const std::filesystem::path& book_dir);

// Throws Error(ErrorCode::project) at the template line that names a font family the shaper
// cannot find (the built-in template's families have no line: the error names the style).
void check_template_fonts(const Template& style, text::Shaper& shaper);

// One warning (text.font-fallback) per requested family and fallback family, over the text
// placed on the book's pages: how many characters, how often, which ones, and the first page.
void report_font_fallback(const LaidOutBook& book, DiagnosticSink& sink);

}  // namespace dizgi::layout
