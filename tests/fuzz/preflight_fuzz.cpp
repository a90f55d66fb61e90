// libFuzzer target: preflight on arbitrary bytes. Any input must end in a report (findings or
// "could not check"), never a crash, a hang or unbounded memory. Ink coverage is off so each
// run stays fast; the page walker, document checks and report writers all run.
#include "preflight/preflight.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dizgi::preflight::Options options;
  options.profile = "print";
  options.ink_coverage = false;
  options.timeout_seconds = 5;
  const dizgi::preflight::Report report = dizgi::preflight::check_buffer(
      std::string(reinterpret_cast<const char*>(data), size), "fuzz.pdf", options);
  const std::string json = dizgi::preflight::to_json(report);
  if (json.empty() || dizgi::preflight::exit_code(report) < 0) __builtin_trap();
  return 0;
}
