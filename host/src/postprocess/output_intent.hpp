// Post-processing step: the output intent with its ICC profile embedded. PDF/X-4: the printing
// condition and its CMYK profile (GTS_PDFX). An RGB profile (web): the colour space the file's
// device RGB means, sRGB as a rule (GTS_PDFA1, the subtype viewers colour-manage by).
#pragma once

#include "output/profile.hpp"

#include <qpdf/QPDF.hh>

#include <string>

namespace dizgi::postprocess {

// `icc` holds the bytes of the output profile's ICC file.
void add_output_intent(QPDF& pdf, const output::OutputProfile& profile, const std::string& icc);

}  // namespace dizgi::postprocess
