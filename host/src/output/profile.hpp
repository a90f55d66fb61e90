// Output profiles: the one place that says what a PDF is for. A profile is an XML file
// (profiles/*.xml in the source tree, installed under share/dizgi/output-profiles) that users
// copy and tune: intent, standard, bleed, printer's marks, binding, colour handling and the
// output ICC profile, tagging, linearization, image resolution, and the preflight profile that
// judges the result. Render, post-processing, preflight and the build take it as a value; no
// other code interprets the words "print" or "web".
#pragma once

#include "util/embedded.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace dizgi::output {

enum class Intent { invalid = 0, print, web };

// How the pages are bound: the page count is padded with blank pages to a multiple of
// page_multiple() (2 perfect binding, 4 saddle stitch, 16 signatures).
enum class Binding { invalid = 0, none, perfect, saddle_stitch, signatures };

// Printer's marks, drawn outside the bleed (never inside the BleedBox).
struct Marks {
  bool crop = false;
  bool registration = false;
  bool colour_bar = false;
  bool slug = false;                 // book, date and page in the slug area
  double offset_pt = 8.5;            // from the trim edge to where a mark starts (>= the bleed)
  double length_pt = 14.17;          // crop mark length (5 mm)
  double line_width_pt = 0.3;
  bool any() const { return crop || registration || colour_bar || slug; }
};

// What happens to colour.
enum class ColourModel { invalid = 0, rgb, cmyk };

struct Colour {
  ColourModel model = ColourModel::rgb;
  // The output ICC profile (a file name searched in the ICC folders, or a path relative to the
  // profile file) and the printing condition it stands for: required for CMYK; for RGB it is
  // optional and "sRGB" is built in. It becomes the output intent (PDF/X-4, or RGB).
  std::string output_icc;
  std::string condition;            // OutputConditionIdentifier, e.g. "FOGRA39"
  std::string condition_info;       // human-readable printing condition
  std::string registry = "http://www.color.org";
  bool black_overprint = true;      // K-only black text and rules overprint
};

struct OutputProfile {
  std::string name;
  std::string source;               // file it came from, or "<built-in NAME>"
  std::string description;
  std::vector<std::string> aliases;  // other names it answers to ("print")
  Intent intent = Intent::invalid;
  std::string standard;             // "PDF/X-4" or empty
  double bleed_pt = 0;
  bool drop_blank_pages = false;    // leave out the blank pages layout made (recto starts)
  // A page whose text area is turned (a landscape table) is shown turned by the viewer (/Rotate
  // 90): its table reads upright on a screen, its running head and folio sideways.
  bool show_landscape_upright = false;
  Marks marks;
  Binding binding = Binding::none;
  Colour colour;
  bool tagged = false;
  bool linearize = false;
  bool object_streams = false;
  bool outline = true;              // bookmarks from headings
  bool links = true;                // link annotations (never inside the trim of a print PDF)
  bool thumbnail = false;           // a cover PNG beside the PDF
  bool form_fields = false;         // form blocks become an interactive AcroForm (web only)
  double image_ppi = 0;             // images above this are downsampled (0: keep)
  std::string preflight;            // the preflight profile that judges the output
  double min_text_pt = 5;           // passed to preflight as the minimum text size

  // Pages are padded to a multiple of this (1 when unbound).
  int page_multiple() const;
  // "perfect", "saddle-stitch", "signatures" or "" (the names the XML and preflight use).
  std::string binding_name() const;
  bool is_pdfx4() const { return standard == "PDF/X-4"; }
};

// Parses profile XML; `source` names it in diagnostics and relative paths are resolved
// against its folder. Throws Error(ErrorCode::usage, file:line:col) on malformed XML, unknown
// elements or attributes, bad values.
OutputProfile parse_profile(std::string_view xml, const std::string& source);

// A built-in profile by name or alias ("print" is print-pdfx4), or else `name_or_path` read as
// a file (relative paths against `base_dir` first, then the working folder). Throws
// Error(ErrorCode::usage) naming it, with the built-in names as a hint.
OutputProfile load_profile(const std::string& name_or_path, const std::filesystem::path& base_dir = {});

// True when load_profile would find a built-in profile of this name or alias.
bool is_builtin(const std::string& name);
// The built-in profile names, for hints and help texts.
std::vector<std::string> builtin_names();

// Finds the output ICC profile named in the profile: an absolute path, a path relative to the
// profile file, or a file name in DIZGI_ICC_PATH, the installed data folder and the folders
// the build found ICC profiles in. Throws Error(ErrorCode::usage) when it is nowhere.
std::filesystem::path find_icc(const OutputProfile& profile);

// The compiled-in profiles (generated at build time from profiles/*.xml).
using EmbeddedProfile = util::EmbeddedFile;
extern const EmbeddedProfile embedded_profiles[];
extern const std::size_t embedded_profile_count;

}  // namespace dizgi::output
