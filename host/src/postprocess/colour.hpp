// Post-processing step: the colour of a print PDF. Cairo writes every colour as DeviceRGB;
// this step rewrites the colour operators of every content stream (pages, forms, tiling
// patterns) with qpdf's tokenizer:
//   - an RGB colour the template defines becomes the template's exact CMYK;
//   - black (and the template's 0/0/0/100) becomes K-only and overprints;
//   - neutral greys become K-only tints; other RGB goes through lcms2 (sRGB to the output
//     ICC profile, relative colorimetric with black point compensation);
//   - the marks' registration colour becomes /Separation /All.
// RGB images get an ICC-based sRGB colour space (PDF/X-4 allows it; the RIP converts them with
// the output intent), and transparency groups use DeviceCMYK, the output colour space.
#pragma once

#include "output/colour_map.hpp"

#include <qpdf/QPDF.hh>

#include <string>

namespace dizgi::postprocess {

struct ColourOptions {
  const output::ColourMap* colours = nullptr;  // the template's colours (may be null)
  std::string output_icc;                      // bytes of the CMYK output profile
  bool black_overprint = true;
};

// lcms2's sRGB profile as ICC bytes (what RGB images are tagged with).
std::string srgb_icc();

// Throws std::runtime_error when lcms2 cannot read the output profile.
void convert_to_cmyk(QPDF& pdf, const ColourOptions& options);

}  // namespace dizgi::postprocess
