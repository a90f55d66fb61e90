// dizgi/diagnostics.hpp — errors and warnings with a place.
//
// Errors are exceptions (dizgi::Error) carrying structured context; warnings are never thrown,
// they go to a DiagnosticSink and come back beside the output (qpdf QPDFExc / QPDF::warn,
// Typst SourceDiagnostic). Message text is lowercase, has no final period and names the object;
// a hint says what to do. Since: 0.1
#pragma once

#include <dizgi/export.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace dizgi {

enum class Severity { invalid = 0, info, warning, error };

// Where a diagnostic points. Every field is optional: `file` names the input (book.xml, a CSV,
// a PDF), `line`/`column` are 1-based (0 = unknown), `where` is free text for places that are
// not lines ("row 42, column 'tutar'", "sheet 'Gider', cell C7", "page 3").
struct Location {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string where;
};

// Formats "file:line:col" / "file: where" / "file" — the prefix of a one-line diagnostic.
DIZGI_API std::string to_string(const Location& location);

enum class ErrorCode { invalid = 0, usage, io, project, data, plugin, layout, render, pdf, internal };

struct Diagnostic {
  Severity severity = Severity::invalid;
  std::string code;  // stable id, e.g. "project.unknown-element", "text.missing-glyph"
  Location location;
  std::string message;
  std::string hint;
};

// One line: "file:line:col: error: message (hint: ...)".
DIZGI_API std::string format(const Diagnostic& diagnostic);

// The one exception type of dizgi. Never parse what(): use the accessors.
class DIZGI_API_CLASS Error : public std::runtime_error {
 public:
  Error(ErrorCode code, Location location, std::string message, std::string hint = {});
  Error(const Error&) = default;
  Error& operator=(const Error&) = default;
  // Out of line, in libdizgi: an Error thrown by a plugin must not need the plugin's code to be
  // destroyed, since the plugin may be unloaded while the exception is still in flight.
  ~Error() override;
  ErrorCode code() const noexcept { return code_; }
  const Location& location() const noexcept { return location_; }
  const std::string& message() const noexcept { return message_; }
  const std::string& hint() const noexcept { return hint_; }
  Diagnostic diagnostic() const;

 private:
  ErrorCode code_;
  Location location_;
  std::string message_;
  std::string hint_;
};

// Collects warnings (and non-fatal errors) during a run. Not thread-safe; each worker gets its
// own sink and merges. Since: 0.1
class DIZGI_API_CLASS DiagnosticSink {
 public:
  virtual ~DiagnosticSink();
  virtual void report(Diagnostic diagnostic);
  void info(std::string code, Location at, std::string message, std::string hint = {});
  void warn(std::string code, Location at, std::string message, std::string hint = {});
  void error(std::string code, Location at, std::string message, std::string hint = {});
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }
  std::size_t count(Severity severity) const;

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace dizgi
