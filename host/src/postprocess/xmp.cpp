#include "postprocess/xmp.hpp"
#include "util/xml.hpp"

#include <dizgi/version.hpp>

#include <qpdf/QPDFObjectHandle.hh>

#include <cctype>

namespace dizgi::postprocess {

namespace {

std::string info_text(QPDFObjectHandle info, const char* key) {
  QPDFObjectHandle value = info.isDictionary() ? info.getKey(key) : QPDFObjectHandle::newNull();
  return value.isString() ? value.getUTF8Value() : std::string();
}

// 32 hex digits as 8-4-4-4-12.
std::string uuid(const std::string& hex) {
  std::string h = hex;
  h.resize(32, '0');
  return "uuid:" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" +
         h.substr(20, 12);
}

}  // namespace

std::string xmp_date(const std::string& pdf_date) {
  std::string d = pdf_date.rfind("D:", 0) == 0 ? pdf_date.substr(2) : pdf_date;
  if (d.size() < 14) return {};
  for (std::size_t i = 0; i < 14; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(d[i]))) return {};
  }
  std::string out = d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2) + "T" + d.substr(8, 2) + ":" +
                    d.substr(10, 2) + ":" + d.substr(12, 2);
  std::string zone = d.substr(14);
  if (zone.empty() || zone[0] == 'Z') return out + "Z";
  if ((zone[0] == '+' || zone[0] == '-') && zone.size() >= 3) {
    std::string minutes = zone.size() >= 6 ? zone.substr(4, 2) : "00";
    return out + zone.substr(0, 3) + ":" + minutes;
  }
  return out + "Z";
}

void add_metadata(QPDF& pdf, const XmpOptions& options) {
  QPDFObjectHandle trailer = pdf.getTrailer();
  QPDFObjectHandle info = trailer.getKey("/Info");
  if (!info.isDictionary()) {
    info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
    trailer.replaceKey("/Info", info);
  }
  std::string created = info_text(info, "/CreationDate");
  if (created.empty()) created = "D:19700101000000Z";
  info.replaceKey("/CreationDate", QPDFObjectHandle::newString(created));
  info.replaceKey("/ModDate", QPDFObjectHandle::newString(created));
  info.replaceKey("/Trapped", QPDFObjectHandle::newName("/False"));
  if (!options.pdfx_version.empty()) {
    info.replaceKey("/GTS_PDFXVersion", QPDFObjectHandle::newString(options.pdfx_version));
  }
  const std::string date = xmp_date(created);
  const std::string title = info_text(info, "/Title");
  const std::string author = info_text(info, "/Author");
  const std::string subject = info_text(info, "/Subject");
  const std::string keywords = info_text(info, "/Keywords");
  std::string producer = info_text(info, "/Producer");
  const std::string creator = info_text(info, "/Creator").empty() ? "dizgi " DIZGI_VERSION_STRING
                                                                   : info_text(info, "/Creator");
  if (producer.empty()) {
    producer = creator;
    info.replaceKey("/Producer", QPDFObjectHandle::newUnicodeString(producer));
  }

  std::string x;
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "  <rdf:Description rdf:about=\"\"\n";
  x += "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
  x += "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n";
  x += "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n";
  x += "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"";
  if (!options.pdfx_version.empty()) x += "\n    xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\"";
  if (options.pdfua) x += "\n    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"";
  x += ">\n";
  x += "   <dc:format>application/pdf</dc:format>\n";
  if (!title.empty()) {
    x += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml::escape(title) + "</rdf:li></rdf:Alt></dc:title>\n";
  }
  if (!author.empty()) x += "   <dc:creator><rdf:Seq><rdf:li>" + xml::escape(author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!subject.empty()) {
    x += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml::escape(subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  }
  if (!keywords.empty()) x += "   <pdf:Keywords>" + xml::escape(keywords) + "</pdf:Keywords>\n";
  if (!date.empty()) {
    x += "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n";
    x += "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n";
    x += "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
  }
  x += "   <xmp:CreatorTool>" + xml::escape(creator) + "</xmp:CreatorTool>\n";
  x += "   <pdf:Producer>" + xml::escape(producer) + "</pdf:Producer>\n";
  x += "   <pdf:Trapped>False</pdf:Trapped>\n";
  x += "   <xmpMM:DocumentID>" + uuid(options.document_id) + "</xmpMM:DocumentID>\n";
  x += "   <xmpMM:InstanceID>" + uuid(options.document_id) + "</xmpMM:InstanceID>\n";
  x += "   <xmpMM:VersionID>1</xmpMM:VersionID>\n";
  x += "   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n";
  if (!options.pdfx_version.empty()) {
    x += "   <pdfxid:GTS_PDFXVersion>" + xml::escape(options.pdfx_version) + "</pdfxid:GTS_PDFXVersion>\n";
  }
  if (options.pdfua) x += "   <pdfuaid:part>1</pdfuaid:part>\n";
  x += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n";
  // Room for in-place edits by later tools, as XMP writers leave.
  x += std::string(2000, ' ') + "\n<?xpacket end=\"w\"?>";

  QPDFObjectHandle stream = pdf.newStream(x);
  stream.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
  stream.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
  pdf.getRoot().replaceKey("/Metadata", stream);
}

}  // namespace dizgi::postprocess
