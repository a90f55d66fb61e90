// Post-processing with qpdf: turns Cairo's PDF into the output profile asked for.
//   print: TrimBox and BleedBox on every page (the print profile issue adds CMYK, the
//          OutputIntent and PDF/X markers);
//   web:   linearized (fast web view), object streams for size, outlines shown on opening.
// Both: document language tr-TR, the title shown instead of the file name, deterministic /ID.
#pragma once

#include "render/pdf.hpp"
#include "util/atomic_file.hpp"

#include <filesystem>
#include <string>

namespace dizgi::postprocess {

struct FinishOptions {
  std::string profile = "web";  // "print" or "web"
  std::string language = "tr-TR";
  render::PageGeometry geometry;
};

// Reads `input`, writes into `output`'s temporary file (the caller commits it). Throws
// Error(ErrorCode::pdf) naming the file on failure, Error(ErrorCode::io) when writing fails.
void finish_pdf(const std::filesystem::path& input, util::AtomicFile& output,
                const FinishOptions& options);

}  // namespace dizgi::postprocess
