// Fuzzes the sqlite source's SQL text path (issue 16): any text runs in memory under the
// authorizer, a time limit and a heap limit, and ends in tables or a dizgi::Error — never a
// crash, a hang, a file written or read, or unbounded memory. The first byte picks the schema
// mode so one corpus covers the standard schema and the book's own DDL.
#include "sqlite_reader.hpp"

#include <dizgi/diagnostics.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  std::string sql(reinterpret_cast<const char*>(data) + 1, size - 1);
  dizgi::sqlite_source::ReadOptions options;
  options.display_name = "fuzz.sql";
  options.schema = (flags & 1) ? "standard" : (flags & 2) ? "none" : "auto";
  options.time_limit_s = 1;
  options.heap_limit_bytes = 256ll << 20;
  try {
    dizgi::Dataset dataset;
    dizgi::DiagnosticSink sink;
    dizgi::sqlite_source::read_sql(sql, options, dataset, &sink);
  } catch (const dizgi::Error&) {
  }
  return 0;
}
