// Fuzzes the CSV data source: the RFC 4180 reader with encoding and delimiter detection, the
// header binding and the Turkish number/date conversion. Any input must end in rows or a
// dizgi::Error — never a crash, a hang or unbounded memory. The first byte picks options so
// one corpus covers explicit delimiters, encodings and tiny chunks.
#include "csv_source.hpp"

#include <dizgi/diagnostics.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  static const char* tables[] = {"butce_gider", "faaliyet", "birim", "gosterge_olcum"};
  const auto& schema = dizgi::data::Schema::standard();
  const auto* table = schema.find(tables[flags & 3]);
  if (!table) table = &schema.tables().front();
  dizgi::data::Params params;
  if (flags & 4) params["delimiter"] = (flags & 8) ? ";" : ",";
  if (flags & 16) params["encoding"] = (flags & 32) ? "windows-1254" : "utf-8";
  if (flags & 64) params["ignore"] = "not,aciklama";
  try {
    std::istringstream input(text);
    dizgi::data::CountingSink sink;
    dizgi::csv::read_table(input, "fuzz.csv", *table, params, {}, sink);
    // The plain reader too, with a chunk size that splits every quote and line break.
    std::istringstream again(text);
    dizgi::csv::Options options;
    options.chunk_bytes = (flags & 128) ? 1 : 7;
    options.max_record_bytes = 1 << 16;
    dizgi::csv::Reader reader(again, "fuzz.csv", options);
    std::vector<std::string> fields;
    while (reader.next(fields)) {
    }
  } catch (const dizgi::Error&) {
  }
  return 0;
}
