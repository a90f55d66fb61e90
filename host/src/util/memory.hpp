// Running out of memory, said in words. std::bad_alloc is never what a user reads: these name
// what dizgi was doing and the limit the process runs under.
#pragma once

#include <cstdint>
#include <string>

namespace dizgi::util {

// The address-space limit of this process in MB (ulimit -v), or 0 when there is none.
std::uint64_t address_space_limit_mb();

// "ran out of memory while WHAT (the process may use at most N MB: ulimit -v)".
std::string out_of_memory(const std::string& what);

// Below this limit the libraries dizgi stands on (fontconfig, GLib threads) fail inside
// themselves, some by aborting: dizgi refuses to start instead.
constexpr std::uint64_t minimum_address_space_mb = 384;

// An error line when the limit is below the minimum, or "" when dizgi can run.
std::string address_space_too_small();

}  // namespace dizgi::util
