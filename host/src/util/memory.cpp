#include "util/memory.hpp"

#include <sys/resource.h>

namespace dizgi::util {

std::uint64_t address_space_limit_mb() {
  struct rlimit limit = {};
  if (::getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 0;
  return static_cast<std::uint64_t>(limit.rlim_cur) >> 20;
}

std::string out_of_memory(const std::string& what) {
  std::string message = "ran out of memory while " + what;
  if (const std::uint64_t limit = address_space_limit_mb(); limit > 0)
    message += " (the process may use at most " + std::to_string(limit) + " MB: ulimit -v)";
  return message;
}

std::string address_space_too_small() {
  const std::uint64_t limit = address_space_limit_mb();
  if (limit == 0 || limit >= minimum_address_space_mb) return {};
  return "dizgi: error: the process may use only " + std::to_string(limit) + " MB (ulimit -v); dizgi needs at least " +
         std::to_string(minimum_address_space_mb) + " MB (hint: raise the limit with ulimit -v)";
}

}  // namespace dizgi::util
