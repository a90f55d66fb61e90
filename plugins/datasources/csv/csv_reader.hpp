// The CSV record reader: RFC 4180 quoting (quoted fields, "" escapes, line breaks inside
// quotes), UTF-8 with or without BOM or Windows-1254 converted to UTF-8 with ICU, ';' ',' or tab
// delimiters detected from the header line. Streams: memory is bounded by the chunk size and the
// longest record, never by the file.
#pragma once

#include <dizgi/diagnostics.hpp>

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <vector>

namespace dizgi::csv {

enum class Encoding { invalid = 0, automatic, utf8, windows1254 };

struct Options {
  char delimiter = 0;  // 0: detect from the header line
  Encoding encoding = Encoding::automatic;
  std::size_t chunk_bytes = 64 * 1024;
  std::size_t max_record_bytes = 16 * 1024 * 1024;
  std::size_t max_fields = 4096;
};

// Parses "utf-8", "windows-1254" (also "cp1254", "1254") and "auto".
Encoding parse_encoding(const std::string& name, const Location& at);

class Reader {
 public:
  // `input` must stay alive while the reader is used; with Encoding::automatic it must be
  // seekable (the reader scans it once for invalid UTF-8, then rewinds). `file` names the input
  // in errors.
  Reader(std::istream& input, std::string file, Options options);
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // Reads the next record into `fields`. Returns false at the end of the input. Blank lines are
  // skipped. `line()` is then the line on which the record starts. Throws Error(ErrorCode::data)
  // on an unterminated quote, text after a closing quote or an oversized record.
  bool next(std::vector<std::string>& fields);
  uint32_t line() const noexcept { return record_line_; }
  char delimiter() const noexcept { return options_.delimiter; }
  Encoding encoding() const noexcept { return options_.encoding; }

 private:
  bool fill();
  void detect_delimiter();

  std::istream& input_;
  std::string file_;
  Options options_;
  struct Converter;
  std::unique_ptr<Converter> converter_;
  std::string buffer_;  // decoded UTF-8 not yet consumed
  std::size_t position_ = 0;
  bool at_end_ = false;
  bool started_ = false;
  bool skip_lf_ = false;
  uint32_t current_line_ = 1;
  uint32_t record_line_ = 0;
};

// True when `data` is well-formed UTF-8; `carry` receives the bytes of an incomplete sequence
// at the end (to be prepended to the next chunk).
bool valid_utf8(std::string_view data, std::string* carry);

}  // namespace dizgi::csv
