#include "csv_reader.hpp"

#include <unicode/ucnv.h>

#include <algorithm>

namespace dizgi::csv {

Encoding parse_encoding(const std::string& name, const Location& at) {
  std::string lower;
  for (char c : name) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  if (lower == "auto" || lower.empty()) return Encoding::automatic;
  if (lower == "utf-8" || lower == "utf8") return Encoding::utf8;
  if (lower == "windows-1254" || lower == "cp1254" || lower == "1254" || lower == "iso-8859-9" ||
      lower == "latin5") {
    return Encoding::windows1254;
  }
  throw Error(ErrorCode::usage, at, "unknown encoding '" + name + "'",
              "use utf-8, windows-1254 or auto");
}

bool valid_utf8(std::string_view data, std::string* carry) {
  std::size_t i = 0;
  const std::size_t n = data.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    uint32_t code = 0;
    if (c >= 0xc2 && c <= 0xdf) {
      length = 2;
      code = c & 0x1fu;
    } else if (c >= 0xe0 && c <= 0xef) {
      length = 3;
      code = c & 0x0fu;
    } else if (c >= 0xf0 && c <= 0xf4) {
      length = 4;
      code = c & 0x07u;
    } else {
      return false;
    }
    if (i + length > n) {
      // Possibly cut by the chunk boundary: the continuation bytes so far must be valid.
      for (std::size_t k = i + 1; k < n; ++k) {
        if ((static_cast<unsigned char>(data[k]) & 0xc0u) != 0x80u) return false;
      }
      if (!carry) return false;
      carry->assign(data.substr(i));
      return true;
    }
    for (std::size_t k = 1; k < length; ++k) {
      unsigned char d = static_cast<unsigned char>(data[i + k]);
      if ((d & 0xc0u) != 0x80u) return false;
      code = (code << 6) | (d & 0x3fu);
    }
    if ((length == 3 && (code < 0x800 || (code >= 0xd800 && code <= 0xdfff))) ||
        (length == 4 && (code < 0x10000 || code > 0x10ffff))) {
      return false;
    }
    i += length;
  }
  if (carry) carry->clear();
  return true;
}

// Windows-1254 to UTF-8 through ICU. The encoding is single-byte, so chunks convert on their own.
struct Reader::Converter {
  UConverter* source = nullptr;
  UConverter* target = nullptr;
  std::vector<UChar> pivot = std::vector<UChar>(4096);

  explicit Converter(const Location& at) {
    UErrorCode status = U_ZERO_ERROR;
    source = ucnv_open("windows-1254", &status);
    if (U_SUCCESS(status)) target = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status)) {
      close();
      throw Error(ErrorCode::internal, at, "ICU has no windows-1254 converter",
                  std::string("ucnv_open: ") + u_errorName(status));
    }
  }
  ~Converter() { close(); }
  void close() {
    if (source) ucnv_close(source);
    if (target) ucnv_close(target);
    source = target = nullptr;
  }

  void append(const char* data, std::size_t size, std::string& out) {
    const char* in = data;
    const char* in_end = data + size;
    UChar* pivot_source = pivot.data();
    UChar* pivot_target = pivot.data();
    std::size_t old = out.size();
    // Each 1254 byte is at most 3 UTF-8 bytes.
    out.resize(old + size * 3 + 4);
    char* target_begin = out.data() + old;
    char* target_cursor = target_begin;
    UErrorCode status = U_ZERO_ERROR;
    ucnv_convertEx(target, source, &target_cursor, out.data() + out.size(), &in, in_end,
                   pivot.data(), &pivot_source, &pivot_target, pivot.data() + pivot.size(), false,
                   true, &status);
    out.resize(old + static_cast<std::size_t>(target_cursor - target_begin));
  }
};

namespace {

// A text cell never keeps a NUL byte, and a file read as UTF-8 is valid UTF-8 (a Windows-1254
// file is converted, so it always is).
void check_record(const std::vector<std::string>& fields, const std::string& file, uint32_t line) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string& field = fields[i];
    Location at{file, line, 0, "field " + std::to_string(i + 1)};
    if (field.find('\0') != std::string::npos) {
      throw Error(ErrorCode::data, at, "a NUL byte in a field", "save the file as text (CSV), not as a binary file");
    }
    if (!valid_utf8(field, nullptr)) {
      throw Error(ErrorCode::data, at, "the field is not valid UTF-8",
                  "save the file as UTF-8, or read it with encoding=\"windows-1254\" (or auto)");
    }
  }
}

}  // namespace

Reader::Reader(std::istream& input, std::string file, Options options)
    : input_(input), file_(std::move(file)), options_(options) {
  if (options_.chunk_bytes == 0) options_.chunk_bytes = 64 * 1024;
  if (options_.encoding == Encoding::automatic) {
    // One streaming pass over the bytes decides: any invalid UTF-8 means Windows-1254, what
    // Turkish Excel writes for "CSV (Comma delimited)".
    std::string chunk(options_.chunk_bytes, '\0');
    std::string carry;
    bool valid = true;
    while (valid) {
      input_.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      std::size_t got = static_cast<std::size_t>(input_.gcount());
      if (got == 0) break;
      std::string data = carry + chunk.substr(0, got);
      valid = valid_utf8(data, &carry);
    }
    if (valid && !carry.empty()) valid = false;  // truncated sequence at the end
    input_.clear();
    input_.seekg(0);
    options_.encoding = valid ? Encoding::utf8 : Encoding::windows1254;
  }
  if (options_.encoding == Encoding::windows1254) {
    converter_ = std::make_unique<Converter>(Location{file_, 0, 0, {}});
  }
}

Reader::~Reader() = default;

bool Reader::fill() {
  if (at_end_) return false;
  if (position_ > 0) {
    buffer_.erase(0, position_);
    position_ = 0;
  }
  std::string chunk(options_.chunk_bytes, '\0');
  input_.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  std::size_t got = static_cast<std::size_t>(input_.gcount());
  if (got == 0) {
    at_end_ = true;
    return false;
  }
  if (converter_) {
    converter_->append(chunk.data(), got, buffer_);
  } else {
    buffer_.append(chunk.data(), got);
  }
  return true;
}

void Reader::detect_delimiter() {
  // Make sure the header line is in the buffer (bounded by the record limit).
  auto header_end = [this]() {
    bool quoted = false;
    for (std::size_t i = position_; i < buffer_.size(); ++i) {
      char c = buffer_[i];
      if (c == '"') quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r')) return i;
    }
    return std::string::npos;
  };
  std::size_t end = header_end();
  while (end == std::string::npos && buffer_.size() - position_ < options_.max_record_bytes &&
         fill()) {
    end = header_end();
  }
  if (options_.delimiter != 0) return;
  if (end == std::string::npos) end = buffer_.size();
  std::size_t semicolons = 0, commas = 0, tabs = 0;
  bool quoted = false;
  for (std::size_t i = position_; i < end; ++i) {
    char c = buffer_[i];
    if (c == '"') quoted = !quoted;
    else if (!quoted && c == ';') ++semicolons;
    else if (!quoted && c == ',') ++commas;
    else if (!quoted && c == '\t') ++tabs;
  }
  if (tabs > semicolons && tabs > commas) options_.delimiter = '\t';
  else if (semicolons >= commas && semicolons > 0) options_.delimiter = ';';
  else options_.delimiter = ',';
}

bool Reader::next(std::vector<std::string>& fields) {
  if (!started_) {
    started_ = true;
    fill();
    if (buffer_.size() >= 3 && buffer_.compare(0, 3, "\xEF\xBB\xBF") == 0) position_ = 3;
    detect_delimiter();
  }
  enum class State { field_start, unquoted, quoted, after_quote };
  const char delimiter = options_.delimiter;
  for (;;) {
    fields.clear();
    record_line_ = current_line_;
    State state = State::field_start;
    std::string field;
    bool touched = false;
    std::size_t record_bytes = 0;
    uint32_t quote_line = 0;
    for (;;) {
      if (position_ >= buffer_.size() && !fill()) {
        if (state == State::quoted) {
          throw Error(ErrorCode::data, Location{file_, quote_line, 0, {}},
                      "quoted field is never closed", "a '\"' is missing before the end of the file");
        }
        if (!touched && fields.empty()) return false;
        fields.push_back(std::move(field));
        check_record(fields, file_, record_line_);
        return true;
      }
      char c = buffer_[position_++];
      if (++record_bytes > options_.max_record_bytes) {
        throw Error(ErrorCode::data, Location{file_, record_line_, 0, {}},
                    "record longer than " + std::to_string(options_.max_record_bytes) + " bytes",
                    "check the quoting: a quote may be missing");
      }
      if (skip_lf_) {
        skip_lf_ = false;
        if (c == '\n') continue;
      }
      switch (state) {
        case State::quoted:
          if (c == '"') {
            state = State::after_quote;
          } else {
            if (c == '\n') ++current_line_;
            field.push_back(c);
          }
          continue;
        case State::after_quote:
          if (c == '"') {
            field.push_back('"');
            state = State::quoted;
            continue;
          }
          if (c != delimiter && c != '\n' && c != '\r') {
            throw Error(ErrorCode::data, Location{file_, current_line_, 0, {}},
                        std::string("unexpected text after a closing quote: '") + c + "'",
                        "double the quote (\"\") to write it inside a quoted field");
          }
          break;
        case State::field_start:
          if (c == '"') {
            state = State::quoted;
            quote_line = current_line_;
            touched = true;
            continue;
          }
          break;
        case State::unquoted: break;
      }
      // Unquoted text, or the end of a field or record.
      if (c == delimiter) {
        if (fields.size() >= options_.max_fields) {
          throw Error(ErrorCode::data, Location{file_, record_line_, 0, {}},
                      "more than " + std::to_string(options_.max_fields) + " fields in a record");
        }
        fields.push_back(std::move(field));
        field.clear();
        touched = true;
        state = State::field_start;
      } else if (c == '\n' || c == '\r') {
        ++current_line_;
        if (c == '\r') skip_lf_ = true;
        if (!touched && fields.empty()) {
          // A blank line: no record.
          record_line_ = current_line_;
          record_bytes = 0;
          state = State::field_start;
          continue;
        }
        fields.push_back(std::move(field));
        check_record(fields, file_, record_line_);
        return true;
      } else {
        field.push_back(c);
        touched = true;
        state = State::unquoted;
      }
    }
  }
}

}  // namespace dizgi::csv
