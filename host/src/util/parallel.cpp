#include "util/parallel.hpp"

#include <algorithm>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace dizgi::util {

void run_each(std::size_t count, const std::function<void(std::size_t)>& job) {
  std::vector<std::exception_ptr> failed(count);
  const auto guarded = [&](std::size_t k) {
    try {
      job(k);
    } catch (...) {
      failed[k] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  std::size_t started = 1;  // jobs 1 .. started - 1 have threads
  try {
    for (; started < count; ++started) threads.emplace_back(guarded, started);
  } catch (const std::system_error&) {
    // No more threads: the rest run here.
  }
  if (count > 0) guarded(0);
  for (std::size_t k = started; k < count; ++k) guarded(k);
  for (std::thread& thread : threads) thread.join();
  for (const std::exception_ptr& error : failed) {
    if (error) std::rethrow_exception(error);
  }
}

unsigned cores(unsigned at_most) { return std::min(std::max(std::thread::hardware_concurrency(), 1u), at_most); }

}  // namespace dizgi::util
