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

#include <algorithm>
#include <memory>
#include <vector>

namespace dizgi::postprocess {

namespace {

// A stable identifier of the content: the same input gives the same XMP document ID.
std::string content_id(const std::vector<std::string>& parts) {
  GChecksum* sum = g_checksum_new(G_CHECKSUM_MD5);
  for (const std::string& bytes : parts)
    g_checksum_update(sum, reinterpret_cast<const guchar*>(bytes.data()), static_cast<gssize>(bytes.size()));
  std::string id = g_checksum_get_string(sum);
  g_checksum_free(sum);
  return id;
}

// The page labels, from the render's record (render may write a book in parts, each of which
// knows only its own pages): a decimal label that follows on from the page before continues
// its range, any other label starts one of its own.
void set_page_labels(QPDF& pdf, const std::vector<std::string>& labels) {
  QPDFObjectHandle nums = QPDFObjectHandle::newArray();
  long long previous = -1;  // the previous page's label as a number, -1 when it is not one
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const std::string& label = labels[i];
    const bool decimal = !label.empty() && label.size() < 10 && label[0] != '0' &&
                         label.find_first_not_of("0123456789") == std::string::npos;
    const long long number = decimal ? std::stoll(label) : -1;
    if (decimal && previous >= 0 && number == previous + 1) {
      previous = number;
      continue;
    }
    QPDFObjectHandle range = QPDFObjectHandle::newDictionary();
    if (decimal) {
      range.replaceKey("/S", QPDFObjectHandle::newName("/D"));
      range.replaceKey("/St", QPDFObjectHandle::newInteger(number));
    } else {
      range.replaceKey("/P", QPDFObjectHandle::newUnicodeString(label));
    }
    nums.appendItem(QPDFObjectHandle::newInteger(static_cast<long long>(i)));
    nums.appendItem(range);
    previous = number;
  }
  QPDFObjectHandle tree = QPDFObjectHandle::newDictionary();
  tree.replaceKey("/Nums", nums);
  pdf.getRoot().replaceKey("/PageLabels", pdf.makeIndirectObject(tree));
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
    // The render's parts: the first is the document, the pages of the others are appended.
    std::vector<std::string> bytes;
    const render::PageGeometry& g = options.geometry;
    bytes.reserve(static_cast<std::size_t>(std::max(g.parts, 1)));
    bytes.push_back(util::read_file(input));
    QPDF pdf;
    pdf.processMemoryFile(input.c_str(), bytes[0].data(), bytes[0].size());
    std::vector<std::unique_ptr<QPDF>> parts;  // their streams are copied when the file is written
    if (g.parts > 1) {
      QPDFPageDocumentHelper pages(pdf);
      for (int k = 1; k < g.parts; ++k) {
        const std::filesystem::path& file = options.parts.at(static_cast<std::size_t>(k - 1));
        bytes.push_back(util::read_file(file));
        parts.push_back(std::make_unique<QPDF>());
        parts.back()->processMemoryFile(file.c_str(), bytes.back().data(), bytes.back().size());
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(*parts.back()).getAllPages()) pages.addPage(page, false);
      }
    }
    if (!g.page_labels.empty()) set_page_labels(pdf, g.page_labels);
    // First, before any step creates an object (see take_marked_content).
    std::vector<Landing> landings;
    if (profile.tagged) landings = take_marked_content(pdf, options.geometry.structure);
    QPDFObjectHandle root = pdf.getRoot();
    root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(options.language));
    QPDFObjectHandle prefs = QPDFObjectHandle::newDictionary();
    prefs.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
    root.replaceKey("/ViewerPreferences", prefs);
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
