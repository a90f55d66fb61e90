// Shared by the XLSX and ODS fuzzers. Inputs are text, so the seed corpus is text: parts
// separated by lines "==> name <==" are packed into an in-memory zip (a raw zip, starting with
// "PK\3\4", is used as it is). Then the workbook is read with tight limits: any input must end
// in rows or a dizgi::Error.
#pragma once

#include "workbook.hpp"

#include <dizgi/diagnostics.hpp>

#include <libxml/parser.h>
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace dizgi_fuzz {

inline void silence(void*, const char*, ...) {}

inline std::string pack(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  if (input.rfind("PK\x03\x04", 0) == 0) return input;
  std::vector<std::pair<std::string, std::string>> parts;
  std::size_t position = 0;
  while (position < input.size()) {
    std::size_t end = input.find('\n', position);
    std::string line = input.substr(position, end == std::string::npos ? std::string::npos : end - position);
    position = end == std::string::npos ? input.size() : end + 1;
    if (line.rfind("==> ", 0) == 0 && line.size() > 8 && line.compare(line.size() - 4, 4, " <==") == 0) {
      parts.push_back({line.substr(4, line.size() - 8), {}});
    } else if (!parts.empty()) {
      parts.back().second += line + "\n";
    }
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) {
    zip_error_fini(&error);
    return {};
  }
  zip_source_keep(buffer);  // survives zip_close, which writes the archive into it
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) {
    zip_source_free(buffer);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return {};
  }
  for (const auto& [name, content] : parts) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (!source || zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE) < 0) {
      if (source) zip_source_free(source);
    }
  }
  std::string packed;
  if (zip_close(archive) != 0) {
    zip_discard(archive);
  } else if (!zip_source_is_deleted(buffer) && zip_source_open(buffer) == 0) {
    char chunk[4096];
    zip_int64_t got;
    while ((got = zip_source_read(buffer, chunk, sizeof chunk)) > 0) {
      packed.append(chunk, static_cast<std::size_t>(got));
    }
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return packed;
}

inline int run(const uint8_t* data, size_t size, dizgi::sheet::Format format) {
  static bool initialised = [] {
    xmlInitParser();
    xmlSetGenericErrorFunc(nullptr, silence);
    return true;
  }();
  (void)initialised;
  if (size > (1u << 20)) return 0;
  std::string zip = pack(data, size);
  if (zip.empty()) return 0;
  dizgi::data::CountingSink sink;
  dizgi::sheet::TableOpened opened = [&](const dizgi::data::SchemaTable&) -> dizgi::data::RowSink& {
    return sink;
  };
  dizgi::sheet::ZipLimits zip_limits;
  zip_limits.max_entry_bytes = 8u << 20;
  zip_limits.max_total_bytes = 16u << 20;
  zip_limits.max_entries = 64;
  dizgi::sheet::SheetLimits limits;
  limits.max_rows = 5000;
  limits.max_cols = 64;
  try {
    dizgi::sheet::ZipArchive archive({}, zip.data(), zip.size(), "fuzz", zip_limits);
    auto workbook = format == dizgi::sheet::Format::ods ? dizgi::sheet::open_ods(archive, limits)
                                                        : dizgi::sheet::open_xlsx(archive, limits);
    dizgi::sheet::read_workbook(*workbook, "fuzz", dizgi::data::Schema::standard(), {}, {},
                                nullptr, opened);
  } catch (const dizgi::Error&) {
  }
  return 0;
}

}  // namespace dizgi_fuzz
