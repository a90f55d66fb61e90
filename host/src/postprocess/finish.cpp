#include "postprocess/finish.hpp"

#include "postprocess/acroform.hpp"
#include "postprocess/boxes.hpp"
#include "postprocess/colour.hpp"
#include "postprocess/navigation.hpp"
#include "postprocess/output_intent.hpp"
#include "postprocess/tags.hpp"
#include "postprocess/xmp.hpp"
#include "util/atomic_file.hpp"
#include "util/parallel.hpp"

#include <dizgi/diagnostics.hpp>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFSystemError.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>

#include <glib.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace dizgi::postprocess {

namespace {

// A part of render's output: its bytes (qpdf reads them in place) and the document read from them.
struct Part {
  std::string bytes;
  QPDF pdf;
};

// A stable identifier of the content: the same input gives the same XMP document ID.
std::string content_id(const std::vector<Part>& parts) {
  GChecksum* sum = g_checksum_new(G_CHECKSUM_MD5);
  for (const auto& part : parts)
    g_checksum_update(sum, reinterpret_cast<const guchar*>(part.bytes.data()), static_cast<gssize>(part.bytes.size()));
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

// Compresses the page contents that are not compressed yet. The writer leaves Flate streams as
// they are, so that the parts of a long book are compressed on their own threads.
void compress_contents(QPDF& pdf) {
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    for (QPDFObjectHandle& stream : page.getPageContents()) {
      if (!stream.getDict().getKey("/Filter").isNull()) continue;
      std::shared_ptr<Buffer> data = stream.getRawStreamData();
      Pl_Buffer deflated("contents");
      Pl_Flate flate("contents", &deflated, Pl_Flate::a_deflate);
      flate.write(data->getBuffer(), data->getSize());
      flate.finish();
      stream.replaceStreamData(deflated.getBufferSharedPointer(), QPDFObjectHandle::newName("/FlateDecode"),
                               QPDFObjectHandle::newNull());
    }
  }
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
    // A book without tags or form fields (the only kind render splits) has its content final as
    // drawn: each part's colours are converted and its contents compressed as it is read, on a
    // thread of its own. A tagged book's content is marked first and form widgets are added
    // later, so their colours are converted once everything is in place.
    const render::PageGeometry& g = options.geometry;
    const std::size_t count = static_cast<std::size_t>(std::max(g.parts, 1));
    const bool final_as_drawn = !profile.tagged && !profile.form_fields;
    ColourOptions colour;
    colour.colours = &options.colours;
    colour.output_icc = icc;
    colour.black_overprint = profile.colour.black_overprint;
    std::vector<Part> parts(count);
    util::run_each(count, [&](std::size_t k) {
      const std::filesystem::path& file = k == 0 ? input : options.parts.at(k - 1);
      Part& part = parts[k];
      part.bytes = util::read_file(file);
      part.pdf.processMemoryFile(file.c_str(), part.bytes.data(), part.bytes.size());
      if (!final_as_drawn) return;
      if (cmyk) convert_to_cmyk(part.pdf, colour);
      compress_contents(part.pdf);
    });
    QPDF& pdf = parts[0].pdf;
    if (count > 1) {
      QPDFPageDocumentHelper pages(pdf);
      for (std::size_t k = 1; k < count; ++k)
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(parts[k].pdf).getAllPages()) pages.addPage(page, false);
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
    if (cmyk && !final_as_drawn) convert_to_cmyk(pdf, colour);
    if (profile.tagged) add_structure(pdf, g.structure, landings, links, widgets);
    if (!icc.empty() && (profile.is_pdfx4() || !cmyk)) add_output_intent(pdf, profile, icc);
    XmpOptions xmp;
    if (profile.is_pdfx4()) xmp.pdfx_version = "PDF/X-4";
    xmp.pdfua = profile.tagged;
    xmp.document_id = content_id(parts);
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
