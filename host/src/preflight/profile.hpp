// Preflight profiles: which checks run, at which severity, with which thresholds. Profiles are
// XML files (preflight/profiles/*.xml in the source tree, installed under share/dizgi/profiles)
// that users copy and tune; the three shipped ones are also compiled into the binary so a name
// always resolves.
#pragma once

#include "preflight/preflight.hpp"

#include "util/embedded.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dizgi::preflight {

enum class Intent { invalid = 0, print, web };

struct Profile {
  std::string name;
  std::string source;  // file the profile came from, or "<built-in NAME>"
  Intent intent = Intent::invalid;
  std::string binding;  // "", "saddle-stitch", "perfect", "signatures"
  std::vector<std::string> aliases;  // other names it answers to (alias="print")
  std::map<std::string, double, std::less<>> params;
  std::map<std::string, Severity, std::less<>> checks;  // enabled checks and their severity

  // The threshold `key`; every known key has a built-in default.
  double param(std::string_view key) const;
  // The severity of check `id`, or nullopt when the profile leaves it off.
  std::optional<Severity> level(std::string_view id) const;
};

// Every check id a profile may name, with a one-line description (for docs and validation).
struct CheckInfo {
  const char* id;
  const char* description;
};
const std::vector<CheckInfo>& known_checks();
// Every threshold key a profile may set, with its built-in default.
const std::map<std::string, double, std::less<>>& default_params();

// Parses profile XML. `source` names it in diagnostics. Throws Error(ErrorCode::usage,
// {source, line}) on malformed XML, unknown elements, unknown check ids or keys, bad numbers.
Profile parse_profile(std::string_view xml, const std::string& source);

// Resolves a name or alias of a built-in profile ("print" is print-sheetfed's alias), or
// otherwise loads `name_or_path` as a file. Throws Error naming it.
Profile load_profile(const std::string& name_or_path);

// The compiled-in profiles (generated at build time from preflight/profiles/*.xml).
using EmbeddedProfile = util::EmbeddedFile;
extern const EmbeddedProfile embedded_profiles[];
extern const std::size_t embedded_profile_count;

}  // namespace dizgi::preflight
