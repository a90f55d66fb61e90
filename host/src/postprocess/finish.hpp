// Post-processing with qpdf: turns Cairo's PDF into what the output profile asks for, one
// step per file (after the pages of render's later parts are appended and the page labels
// written from its record):
//   navigation     links and outline (when the profile keeps them)
//   acroform       the form fields of the form blocks (profiles with form fields)
//   boxes          MediaBox, BleedBox, TrimBox (print)
//   colour         CMYK with the template's exact values, K-only overprinting black (print)
//   tags           the structure tree, artifacts and MarkInfo (tagged profiles)
//   output_intent  the output intent with the embedded ICC profile (PDF/X-4; sRGB for web)
//   xmp            XMP metadata and the matching Info entries (every profile)
// and the writer settings (object streams, linearization, PDF version). Every profile: the
// document language, the title shown instead of the file name, a deterministic /ID.
#pragma once

#include "output/colour_map.hpp"
#include "output/profile.hpp"
#include "render/pdf.hpp"
#include "util/atomic_file.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace dizgi::postprocess {

struct FinishOptions {
  output::OutputProfile profile;
  std::string language = "tr-TR";
  render::PageGeometry geometry;
  output::ColourMap colours;  // the template's colours with their CMYK values
  // The render's further parts (render::PdfOptions::part_files): the first geometry.parts - 1
  // are joined after `input`, in order.
  std::vector<std::filesystem::path> parts;
};

// Reads `input`, writes into `output`'s temporary file (the caller commits it). Throws
// Error(ErrorCode::pdf) naming the file on failure, Error(ErrorCode::io) when writing fails, and
// Error(ErrorCode::usage) when the profile's output ICC profile cannot be found.
void finish_pdf(const std::filesystem::path& input, util::AtomicFile& output,
                const FinishOptions& options);

}  // namespace dizgi::postprocess
