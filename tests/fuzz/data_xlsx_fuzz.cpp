// Fuzzes the XLSX data source (workbook, relationships, shared strings, styles, sheets); see
// sheet_fuzz_common.hpp for the input format.
#include "sheet_fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return dizgi_fuzz::run(data, size, dizgi::sheet::Format::xlsx);
}
