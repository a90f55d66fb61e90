// Running independent jobs side by side: the parts of a long book, drawn and then post-processed
// one per core.
#pragma once

#include <cstddef>
#include <functional>

namespace dizgi::util {

// Runs job(0) … job(count - 1), job(0) on this thread and each other on a thread of its own,
// and returns when all have ended. The first exception (in job order) is rethrown after every
// job has ended. When no thread can be had, the jobs left run here, one after the other.
void run_each(std::size_t count, const std::function<void(std::size_t)>& job);

// The machine's cores, at least one and at most `at_most`.
unsigned cores(unsigned at_most);

}  // namespace dizgi::util
