// The options `dizgi build` and `dizgi batch` share (output folder, profiles, checks, previews).
#pragma once

#include "job/job.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dizgi::cli {

// If args[i] is one of the shared build options, applies it to `options` (advancing `i` past its
// value) and returns 0; returns the usage exit code after printing the error when its value is
// wrong; nullopt when args[i] is not a build option.
std::optional<int> take_build_option(const std::vector<std::string>& args, std::size_t& i,
                                     job::BuildOptions& options, bool& quiet);

// The help lines of those options.
extern const char* const build_options_help;

}  // namespace dizgi::cli
