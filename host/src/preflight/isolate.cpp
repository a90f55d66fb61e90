#include "preflight/isolate.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define DIZGI_ISOLATE_NO_MEMORY_LIMIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DIZGI_ISOLATE_NO_MEMORY_LIMIT 1
#endif
#endif

namespace dizgi::preflight {

int run_isolated(const std::function<int()>& work, const IsolateLimits& limits, std::string& failure) {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  const pid_t child = ::fork();
  if (child < 0) return work();
  if (child == 0) {
    // A crash of the child is expected and reported: no core file.
    struct rlimit no_core = {0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);
#ifndef DIZGI_ISOLATE_NO_MEMORY_LIMIT
    // The sanitizers reserve terabytes of address space: no limit under them.
    struct rlimit memory = {};
    if (::getrlimit(RLIMIT_AS, &memory) == 0) {
      const rlim_t wanted = static_cast<rlim_t>(limits.memory_mb) << 20;
      if (memory.rlim_cur == RLIM_INFINITY || memory.rlim_cur > wanted) memory.rlim_cur = wanted;
      ::setrlimit(RLIMIT_AS, &memory);
    }
#endif
    int code = 2;
    try {
      code = work();
    } catch (const std::bad_alloc&) {
      code = 125;  // told apart by the parent
    } catch (...) {
      code = 2;
    }
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    ::_exit(code);
  }
  // The check stops itself at its timeout; the grace covers loading and writing the report.
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(static_cast<long long>((limits.seconds + 5) * 1000));
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(child, &status, WNOHANG);
    if (done == child) break;
    if (done < 0 && errno != EINTR) {
      failure = "could not be watched";
      return -1;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(child, SIGKILL);
      ::waitpid(child, &status, 0);
      failure = "ran longer than " + std::to_string(static_cast<long long>(limits.seconds + 5)) + " s";
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (WIFEXITED(status)) {
    if (WEXITSTATUS(status) == 125) {
      failure = "ran out of memory";
      return -1;
    }
    return WEXITSTATUS(status);
  }
  if (WIFSIGNALED(status)) {
    const int signal_number = WTERMSIG(status);
    failure = signal_number == SIGABRT ? "stopped inside the PDF library (abort, often out of memory)"
                                       : "crashed (signal " + std::to_string(signal_number) + ")";
    return -1;
  }
  failure = "ended abnormally";
  return -1;
}

}  // namespace dizgi::preflight
