#include "layout/fonts.hpp"

#include "util/xml.hpp"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace dizgi::layout {

void use_book_fonts(text::Shaper& shaper, const std::filesystem::path& book_dir) {
  if (book_dir.empty()) return;
  std::error_code ec;
  std::filesystem::path dir = book_dir / "fonts";
  if (std::filesystem::is_directory(dir, ec)) shaper.add_font_dir(dir);
}

void check_template_fonts(const Template& style, text::Shaper& shaper) {
  std::set<std::string> checked;
  for (const auto& [name, s] : style.styles) {
    if (!checked.insert(s.font).second || shaper.has_family(s.font)) continue;
    Location at{style.file.empty() ? std::string("built-in template") : style.file.string()};
    if (auto source = style.font_sources.find(s.font); source != style.font_sources.end()) {
      at = source->second;
    } else {
      at.where = "style '" + name + "'";
    }
    std::string hint;
    if (auto guess = xml::closest(s.font, shaper.families())) hint = "did you mean '" + *guess + "'? ";
    throw Error(ErrorCode::project, at, "font family '" + s.font + "' is not installed",
                hint + "install it, or put its font files in the book's fonts/ folder (docs/templates.md, Fonts)");
  }
}

void report_font_fallback(const LaidOutBook& book, DiagnosticSink& sink) {
  struct Use {
    std::map<std::string, int> characters;  // character -> times set
    int times = 0;
    std::string first_page;
  };
  std::map<std::pair<std::string, std::string>, Use> uses;  // (requested, used) -> use
  for (const Page& page : book.pages) {
    for (const auto* placed_list : {&page.content, &page.footnotes, &page.furniture}) {
      for (const Placed& placed : *placed_list) {
        for (const Run& run : placed.element->runs) {
          if (run.shaped == nullptr) continue;
          for (const text::Fallback& fallback : run.shaped->fallbacks) {
            Use& use = uses[{run.shaped->font.family, fallback.family}];
            if (use.times++ == 0) use.first_page = page.label;
            ++use.characters[fallback.character];
          }
        }
      }
    }
  }
  for (const auto& [families, use] : uses) {
    std::string list;
    int shown = 0;
    for (const auto& [character, times] : use.characters) {
      if (shown++ == 5) {
        list += ", …";
        break;
      }
      list += (list.empty() ? "" : ", ") + character + " ×" + std::to_string(times);
    }
    std::size_t distinct = use.characters.size();
    sink.warn("text.font-fallback", Location{{}, 0, 0, "page " + use.first_page},
              "'" + families.first + "' lacks " + std::to_string(distinct) +
                  (distinct == 1 ? " character" : " characters") + ", set " + std::to_string(use.times) +
                  (use.times == 1 ? " time" : " times") + " in '" + families.second + "': " + list,
              "choose a font that has them, or add one to the book's fonts/ folder");
  }
}

}  // namespace dizgi::layout
