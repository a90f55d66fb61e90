#include <dizgi/diagnostics.hpp>

#include <algorithm>
#include <sstream>
#include <utility>

namespace dizgi {

std::string to_string(const Location& location) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out << location.file;
  if (location.line > 0) {
    out << ':' << location.line;
    if (location.column > 0) out << ':' << location.column;
  }
  if (!location.where.empty()) {
    if (!location.file.empty()) out << ": ";
    out << location.where;
  }
  return out.str();
}

// One line, always, and safe on a terminal: line breaks become spaces (libraries' messages
// span lines), other control characters (ESC of a terminal escape sequence, C1 controls)
// become visible \xNN, and a line quoting a huge input is cut at a character boundary.
static std::string printable_line(const std::string& text) {
  constexpr std::size_t max_bytes = 2000;
  static const char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(std::min(text.size(), max_bytes) + 16);
  std::size_t i = 0;
  for (; i < text.size() && out.size() < max_bytes; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else if (c < 0x20 || c == 0x7f ||
               (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                static_cast<unsigned char>(text[i + 1]) <= 0x9f)) {
      if (c == 0xc2) c = static_cast<unsigned char>(text[++i]);  // a C1 control, U+0080..U+009F
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  if (i < text.size()) {
    // Do not leave half a UTF-8 character.
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xc0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xc0) out.pop_back();
    out += "... (" + std::to_string(text.size() - i) + " more bytes)";
  }
  return out;
}

static const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
    case Severity::invalid: break;
  }
  return "diagnostic";
}

std::string format(const Diagnostic& diagnostic) {
  std::string line = to_string(diagnostic.location);
  if (!line.empty()) line += ": ";
  line += severity_name(diagnostic.severity);
  line += ": ";
  line += diagnostic.message;
  if (!diagnostic.hint.empty()) {
    line += " (hint: ";
    line += diagnostic.hint;
    line += ')';
  }
  return printable_line(line);
}

static std::string compose_what(const Location& location, const std::string& message,
                                 const std::string& hint) {
  Diagnostic d{Severity::error, {}, location, message, hint};
  return format(d);
}

Error::Error(ErrorCode code, Location location, std::string message, std::string hint)
    : std::runtime_error(compose_what(location, message, hint)),
      code_(code),
      location_(std::move(location)),
      message_(std::move(message)),
      hint_(std::move(hint)) {}

Error::~Error() = default;

Diagnostic Error::diagnostic() const {
  return Diagnostic{Severity::error, "error", location_, message_, hint_};
}

DiagnosticSink::~DiagnosticSink() = default;

void DiagnosticSink::report(Diagnostic diagnostic) { diagnostics_.push_back(std::move(diagnostic)); }

void DiagnosticSink::info(std::string code, Location at, std::string message, std::string hint) {
  report({Severity::info, std::move(code), std::move(at), std::move(message), std::move(hint)});
}

void DiagnosticSink::warn(std::string code, Location at, std::string message, std::string hint) {
  report({Severity::warning, std::move(code), std::move(at), std::move(message), std::move(hint)});
}

void DiagnosticSink::error(std::string code, Location at, std::string message, std::string hint) {
  report({Severity::error, std::move(code), std::move(at), std::move(message), std::move(hint)});
}

std::size_t DiagnosticSink::count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(
      diagnostics_.begin(), diagnostics_.end(),
      [severity](const Diagnostic& d) { return d.severity == severity; }));
}

}  // namespace dizgi
