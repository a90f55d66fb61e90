// Post-processing step: the PDF/X output intent, the printing condition with its CMYK ICC
// profile embedded (GTS_PDFX).
#pragma once

#include "output/profile.hpp"

#include <qpdf/QPDF.hh>

#include <string>

namespace dizgi::postprocess {

// `icc` holds the bytes of the output profile's ICC file.
void add_output_intent(QPDF& pdf, const output::OutputProfile& profile, const std::string& icc);

}  // namespace dizgi::postprocess
