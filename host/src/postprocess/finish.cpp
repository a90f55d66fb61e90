#include "postprocess/finish.hpp"

#include <dizgi/diagnostics.hpp>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

namespace dizgi::postprocess {

namespace {

QPDFObjectHandle box(double x0, double y0, double x1, double y1) {
  return QPDFObjectHandle::newFromRectangle(QPDFObjectHandle::Rectangle(x0, y0, x1, y1));
}

}  // namespace

void finish_pdf(const std::filesystem::path& input, const std::filesystem::path& output,
                const FinishOptions& options) {
  try {
    QPDF pdf;
    pdf.processFile(input.c_str());
    QPDFObjectHandle root = pdf.getRoot();
    root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(options.language));
    QPDFObjectHandle prefs = QPDFObjectHandle::newDictionary();
    prefs.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
    root.replaceKey("/ViewerPreferences", prefs);
    if (root.hasKey("/Outlines")) root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));

    const render::PageGeometry& g = options.geometry;
    if (options.profile == "print") {
      for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        QPDFObjectHandle dict = page.getObjectHandle();
        // PDF user space has its origin at the lower left; the trim is centred in the media.
        dict.replaceKey("/TrimBox", box(g.trim_x_pt, g.media_h_pt - g.trim_y_pt - g.trim_h_pt,
                                        g.trim_x_pt + g.trim_w_pt, g.media_h_pt - g.trim_y_pt));
        dict.replaceKey("/BleedBox", box(0, 0, g.media_w_pt, g.media_h_pt));
      }
    }
    QPDFWriter writer(pdf, output.c_str());
    writer.setDeterministicID(true);
    writer.setCompressStreams(true);
    if (options.profile == "web") {
      writer.setObjectStreamMode(qpdf_o_generate);
      writer.setLinearization(true);
    }
    writer.write();
  } catch (const std::exception& error) {
    throw Error(ErrorCode::pdf, Location{input.string()}, std::string("post-processing failed: ") + error.what());
  }
}

}  // namespace dizgi::postprocess
