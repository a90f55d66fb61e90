#include "postprocess/finish.hpp"

#include "postprocess/acroform.hpp"
#include "postprocess/boxes.hpp"
#include "postprocess/colour.hpp"
#include "postprocess/navigation.hpp"
#include "postprocess/output_intent.hpp"
#include "postprocess/tags.hpp"
#include "postprocess/xmp.hpp"
#include "util/atomic_file.hpp"

#include <dizgi/diagnostics.hpp>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFSystemError.hh>
#include <qpdf/QPDFWriter.hh>

#include <glib.h>

namespace dizgi::postprocess {

namespace {

// A stable identifier of the content: the same input gives the same XMP document ID.
std::string content_id(const std::string& bytes) {
  gchar* hex = g_compute_checksum_for_data(G_CHECKSUM_MD5, reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
  std::string id = hex ? hex : "";
  g_free(hex);
  return id;
}

}  // namespace

void finish_pdf(const std::filesystem::path& input, util::AtomicFile& output,
                const FinishOptions& options) {
  const output::OutputProfile& profile = options.profile;
  const bool cmyk = profile.colour.model == output::ColourModel::cmyk;
  // The output intent's ICC profile; lcms2 makes sRGB, other profiles are files. A usage error
  // (named) comes before any work.
  std::string icc;
  if (profile.colour.output_icc == "sRGB") icc = srgb_icc();
  else if (!profile.colour.output_icc.empty()) icc = util::read_file(output::find_icc(profile));
  try {
    const std::string bytes = util::read_file(input);
    QPDF pdf;
    pdf.processMemoryFile(input.c_str(), bytes.data(), bytes.size());
    // First, before any step creates an object (see take_marked_content).
    std::vector<Landing> landings;
    if (profile.tagged) landings = take_marked_content(pdf, options.geometry.structure);
    QPDFObjectHandle root = pdf.getRoot();
    root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(options.language));
    QPDFObjectHandle prefs = QPDFObjectHandle::newDictionary();
    prefs.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
    root.replaceKey("/ViewerPreferences", prefs);
    const render::PageGeometry& g = options.geometry;
    std::vector<QPDFObjectHandle> links;
    if (profile.links) links = add_links(pdf, g);
    if (profile.outline) add_outline(pdf, g);
    std::vector<QPDFObjectHandle> widgets;
    if (profile.form_fields) widgets = add_form_fields(pdf, g);
    // PDF/X needs a TrimBox; other profiles get boxes when the media is larger than the trim.
    if (profile.is_pdfx4() || g.media_w_pt > g.trim_w_pt) set_page_boxes(pdf, g);
    if (profile.show_landscape_upright) show_landscape_upright(pdf, g);
    if (cmyk) {
      ColourOptions colour;
      colour.colours = &options.colours;
      colour.output_icc = icc;
      colour.black_overprint = profile.colour.black_overprint;
      convert_to_cmyk(pdf, colour);
    }
    if (profile.tagged) add_structure(pdf, g.structure, landings, links, widgets);
    if (!icc.empty() && (profile.is_pdfx4() || !cmyk)) add_output_intent(pdf, profile, icc);
    XmpOptions xmp;
    if (profile.is_pdfx4()) xmp.pdfx_version = "PDF/X-4";
    xmp.pdfua = profile.tagged;
    xmp.document_id = content_id(bytes);
    add_metadata(pdf, xmp);

    // Written through our stream: qpdf does not check the final flush or close of a file it
    // opens itself, and a full disk must fail the build (AtomicFile::commit checks them).
    QPDFWriter writer(pdf);
    writer.setOutputFile(output.target().string().c_str(), output.stream(), false);
    writer.setDeterministicID(true);
    writer.setCompressStreams(true);
    if (profile.is_pdfx4()) writer.setMinimumPDFVersion("1.6");
    if (profile.object_streams) writer.setObjectStreamMode(qpdf_o_generate);
    if (profile.linearize) writer.setLinearization(true);
    try {
      writer.write();
    } catch (const QPDFSystemError& error) {
      output.fail(error.getErrno());
    }
  } catch (const Error&) {
    throw;
  } catch (const std::exception& error) {
    throw Error(ErrorCode::pdf, Location{input.string()}, std::string("post-processing failed: ") + error.what());
  }
}

}  // namespace dizgi::postprocess
