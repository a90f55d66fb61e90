// Running preflight on an untrusted PDF in a child process with resource limits. Poppler can
// be driven into a stack overflow (a deeply nested type-4 function) or an allocation it cannot
// make (a Flate bomb in a font stream) before any check of dizgi sees the object; in a child
// with an address-space limit and a wall-clock limit such a file costs a finding, never the
// caller's process, memory or time.
#pragma once

#include <functional>
#include <string>

namespace dizgi::preflight {

struct IsolateLimits {
  double seconds = 60;                // wall clock; the child is killed after it (plus a grace)
  unsigned long long memory_mb = 1536;  // address space of the child (never above the caller's)
};

// Runs `work` in a forked child under `limits` and returns its exit code. When the child dies
// from a signal, runs out of memory or time, returns -1 and sets `failure` to a lowercase
// phrase ("crashed (signal 11)", "ran out of memory", "ran longer than 65 s"). Call it before
// any thread is started. Where fork is not possible, runs `work` in this process.
int run_isolated(const std::function<int()>& work, const IsolateLimits& limits, std::string& failure);

}  // namespace dizgi::preflight
