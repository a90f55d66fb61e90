// Outputs written through util::AtomicFile leave nothing half-written behind when the writing
// process dies: a crash (the batch workers' handler removes the temporaries, then the signal
// ends the process as before) and a kill no handler sees (the parent removes the leftovers).
#include "util/atomic_file.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  fs::path dir = fs::path(DIZGI_TEST_BINARY_DIR) / (name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
  return names;
}

// Forks a child that opens `target` for writing, writes a little and ends by `signal_number`;
// returns the signal the child died of (0 when it did not die by a signal).
int die_while_writing(const fs::path& target, int signal_number, bool crash_handler) {
  const pid_t pid = fork();
  if (pid == 0) {
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    // A sanitizer runtime owns SIGSEGV and the handler leaves a signal that has an owner alone;
    // give the child the default action an ordinary process starts with.
    std::signal(SIGSEGV, SIG_DFL);
    if (crash_handler) dizgi::util::remove_temporaries_on_crash();
    dizgi::util::AtomicFile file(target);
    std::fputs("%PDF-1.7\n", file.stream());
    std::fflush(file.stream());
    if (signal_number == SIGABRT) std::abort();
    std::raise(signal_number);
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

TEST(AtomicFile, ACrashRemovesTheTemporaryAndStillEndsByItsSignal) {
  for (int signal_number : {SIGABRT, SIGSEGV}) {
    const fs::path dir = fresh_dir("atomic-crash");
    EXPECT_EQ(die_while_writing(dir / "kitap.pdf", signal_number, true), signal_number);
    EXPECT_TRUE(names_in(dir).empty()) << "signal " << signal_number << " left " << *names_in(dir).begin();
    fs::remove_all(dir);
  }
}

TEST(AtomicFile, TheParentRemovesWhatAKilledWriterLeft) {
  const fs::path dir = fresh_dir("atomic-killed");
  std::ofstream(dir / "kitap.pdf") << "the previous, complete file";
  std::ofstream(dir / ".baska.pdf.AbCd12") << "another book's temporary";
  std::ofstream(dir / ".kitap.pdf.notes") << "not a temporary of ours";
  // SIGKILL: no handler runs, the temporary stays until someone removes it.
  EXPECT_EQ(die_while_writing(dir / "kitap.pdf", SIGKILL, true), SIGKILL);
  std::ofstream(dir / ".kitap.pdf.cairo.Xy34Zw") << "the render's raw PDF";
  EXPECT_EQ(names_in(dir).size(), 5u);
  EXPECT_EQ(dizgi::util::remove_leftover_temporaries(dir / "kitap.pdf"), 2);
  EXPECT_EQ(names_in(dir), (std::set<std::string>{".baska.pdf.AbCd12", ".kitap.pdf.notes", "kitap.pdf"}));
  fs::remove_all(dir);
}

}  // namespace
