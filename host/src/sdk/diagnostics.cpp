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
  // One line, always: embedded newlines from libraries would break the contract.
  std::replace(line.begin(), line.end(), '\n', ' ');
  return line;
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
