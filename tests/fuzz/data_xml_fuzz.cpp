// Fuzzes the XML data source: the libxml2 streaming reader with network, DTD loading and entity
// expansion off, and the <dataset>/<table>/<row> mapping. Any input must end in rows or a
// dizgi::Error.
#include "xml_source.hpp"

#include <dizgi/diagnostics.hpp>

#include <libxml/parser.h>

#include <cstddef>
#include <cstdint>

namespace {

void silence(void*, const char*, ...) {}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static bool initialised = [] {
    xmlInitParser();
    xmlSetGenericErrorFunc(nullptr, silence);
    return true;
  }();
  (void)initialised;
  if (size > (1u << 20)) return 0;
  dizgi::data::CountingSink sink;
  dizgi::xml::TableOpened opened = [&](const dizgi::data::SchemaTable&) -> dizgi::data::RowSink& {
    return sink;
  };
  dizgi::data::Params params;
  if (size > 0 && data[0] == 'b') params = {{"table", "birim"}, {"row-element", "birim"}};
  try {
    dizgi::xml::read({}, reinterpret_cast<const char*>(data), size, "fuzz.xml",
                     dizgi::data::Schema::standard(), params, {}, opened);
  } catch (const dizgi::Error&) {
  }
  return 0;
}
