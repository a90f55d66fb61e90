#include "postprocess/output_intent.hpp"

#include <qpdf/QPDFObjectHandle.hh>

namespace dizgi::postprocess {

void add_output_intent(QPDF& pdf, const output::OutputProfile& profile, const std::string& icc) {
  QPDFObjectHandle stream = pdf.newStream(icc);
  stream.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(4));
  QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
  intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
  intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFX"));
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
