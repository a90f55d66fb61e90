#include "xml_part.hpp"

#include <cstring>

namespace dizgi::sheet {

XmlPart::XmlPart(ZipArchive& archive, const std::string& name)
    : archive_(archive), entry_(archive.open(name)), name_(name) {
  // No network, no DTD, no entity substitution: parts are data.
  reader_ = xmlReaderForIO(read_callback, nullptr, this, name.c_str(), nullptr,
                           XML_PARSE_NONET | XML_PARSE_COMPACT);
  if (!reader_) {
    throw Error(ErrorCode::internal, Location{archive.file(), 0, 0, {}},
                "cannot create an XML reader for part '" + name + "'");
  }
  xmlTextReaderSetStructuredErrorHandler(reader_, on_error, this);
}

XmlPart::~XmlPart() {
  if (reader_) xmlFreeTextReader(reader_);
}

int XmlPart::read_callback(void* context, char* buffer, int length) {
  auto* self = static_cast<XmlPart*>(context);
  try {
    return static_cast<int>(self->entry_->read(buffer, static_cast<std::size_t>(length)));
  } catch (...) {
    self->failure_ = std::current_exception();
    return -1;
  }
}

void XmlPart::on_error(void* user, xmlErrorPtr error) {
  auto* self = static_cast<XmlPart*>(user);
  if (!self->first_error_.empty() || !error || error->level < XML_ERR_ERROR) return;
  std::string text = error->message ? error->message : "malformed XML";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  self->first_error_ = text.empty() ? "malformed XML" : text;
  self->error_line_ = error->line;
}

bool XmlPart::read() {
  int status = xmlTextReaderRead(reader_);
  if (failure_) std::rethrow_exception(failure_);
  if (status < 0 || !first_error_.empty()) {
    std::string where = "part '" + name_ + "'";
    if (error_line_ > 0) where += ", line " + std::to_string(error_line_);
    throw Error(ErrorCode::data, Location{archive_.file(), 0, 0, where},
                first_error_.empty() ? "malformed XML" : first_error_,
                "the workbook is damaged; open and save it again in the spreadsheet program");
  }
  if (status == 1 && type() == XML_READER_TYPE_ENTITY_REFERENCE) {
    // Entities are never substituted (no DTD is read): a reference would vanish from the text,
    // so it is refused, as the XML data source refuses it.
    std::string where = "part '" + name_ + "', line " + std::to_string(xmlTextReaderGetParserLineNumber(reader_));
    throw Error(ErrorCode::data, Location{archive_.file(), 0, 0, where},
                "entity reference '&" + std::string(name()) + ";' in the text",
                "write the character itself; a workbook never needs entities besides &amp; &lt; &gt;");
  }
  return status == 1;
}

const char* XmlPart::name() const {
  const xmlChar* local = xmlTextReaderConstLocalName(reader_);
  return local ? reinterpret_cast<const char*>(local) : "";
}

bool XmlPart::is(const char* local) const { return std::strcmp(name(), local) == 0; }

static std::string take(xmlChar* text) {
  if (!text) return {};
  std::string result(reinterpret_cast<const char*>(text));
  xmlFree(text);
  return result;
}

std::string XmlPart::attribute(const char* attribute_name) const {
  return take(xmlTextReaderGetAttribute(reader_, reinterpret_cast<const xmlChar*>(attribute_name)));
}

std::string XmlPart::attribute(const char* attribute_name, const char* ns) const {
  return take(xmlTextReaderGetAttributeNs(reader_, reinterpret_cast<const xmlChar*>(attribute_name),
                                          reinterpret_cast<const xmlChar*>(ns)));
}

std::string XmlPart::value() const {
  const xmlChar* text = xmlTextReaderConstValue(reader_);
  return text ? std::string(reinterpret_cast<const char*>(text)) : std::string();
}

void XmlPart::skip() {
  if (empty()) return;
  int depth = xmlTextReaderDepth(reader_);
  while (read()) {
    if (type() == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(reader_) == depth) return;
  }
}

}  // namespace dizgi::sheet
