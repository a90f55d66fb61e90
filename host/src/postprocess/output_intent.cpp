#include "postprocess/output_intent.hpp"

#include <qpdf/QPDFObjectHandle.hh>

namespace dizgi::postprocess {

void add_output_intent(QPDF& pdf, const output::OutputProfile& profile, const std::string& icc) {
  const bool cmyk = profile.colour.model == output::ColourModel::cmyk;
  QPDFObjectHandle stream = pdf.newStream(icc);
  stream.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(cmyk ? 4 : 3));
  QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
  intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
  intent.replaceKey("/S", QPDFObjectHandle::newName(profile.is_pdfx4() ? "/GTS_PDFX" : "/GTS_PDFA1"));
  intent.replaceKey("/OutputConditionIdentifier", QPDFObjectHandle::newUnicodeString(profile.colour.condition));
  if (!profile.colour.condition_info.empty()) {
    intent.replaceKey("/OutputCondition", QPDFObjectHandle::newUnicodeString(profile.colour.condition_info));
    intent.replaceKey("/Info", QPDFObjectHandle::newUnicodeString(profile.colour.condition_info));
  }
  intent.replaceKey("/RegistryName", QPDFObjectHandle::newUnicodeString(profile.colour.registry));
  intent.replaceKey("/DestOutputProfile", stream);
  QPDFObjectHandle intents = QPDFObjectHandle::newArray();
  intents.appendItem(pdf.makeIndirectObject(intent));
  pdf.getRoot().replaceKey("/OutputIntents", intents);
}

}  // namespace dizgi::postprocess
