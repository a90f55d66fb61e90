// A libxml2 streaming reader over one zip entry. Limit errors raised while inflating are kept
// and rethrown from read(), so no C++ exception crosses libxml2's C frames.
#pragma once

#include "zip_archive.hpp"

#include <libxml/xmlreader.h>

#include <exception>
#include <memory>
#include <string>

namespace dizgi::sheet {

class XmlPart {
 public:
  XmlPart(ZipArchive& archive, const std::string& name);
  ~XmlPart();
  XmlPart(const XmlPart&) = delete;
  XmlPart& operator=(const XmlPart&) = delete;

  // Advances to the next node; false at the end. Throws Error(ErrorCode::data) naming the part
  // on malformed XML and rethrows limit errors of the zip entry.
  bool read();
  xmlTextReader* reader() const noexcept { return reader_; }

  int type() const { return xmlTextReaderNodeType(reader_); }
  int depth() const { return xmlTextReaderDepth(reader_); }
  bool empty() const { return xmlTextReaderIsEmptyElement(reader_) == 1; }
  // The local name of the current node ("c", "table-cell").
  const char* name() const;
  bool is(const char* local) const;
  // An attribute by local name (no namespace) or by name and namespace URI; empty when absent.
  std::string attribute(const char* name) const;
  std::string attribute(const char* name, const char* ns) const;
  std::string value() const;
  void append_value(std::string& out) const {
    const xmlChar* text = xmlTextReaderConstValue(reader_);
    if (text) out += reinterpret_cast<const char*>(text);
  }
  // Calls f(local_name, value) for each attribute of the current element, without copying
  // (the hot path of sheet reading); the reader is back on the element afterwards.
  template <typename F>
  void each_attribute(F&& f) {
    if (xmlTextReaderHasAttributes(reader_) != 1) return;
    while (xmlTextReaderMoveToNextAttribute(reader_) == 1) {
      const xmlChar* local = xmlTextReaderConstLocalName(reader_);
      const xmlChar* text = xmlTextReaderConstValue(reader_);
      f(local ? reinterpret_cast<const char*>(local) : "",
        text ? reinterpret_cast<const char*>(text) : "");
    }
    xmlTextReaderMoveToElement(reader_);
  }
  // Skips the subtree of the current element.
  void skip();

 private:
  static int read_callback(void* context, char* buffer, int length);
  ZipArchive& archive_;
  std::unique_ptr<ZipEntry> entry_;
  std::string name_;
  xmlTextReader* reader_ = nullptr;
  std::exception_ptr failure_;
  std::string first_error_;
  int error_line_ = 0;
  static void on_error(void* user, xmlErrorPtr error);
};

}  // namespace dizgi::sheet
