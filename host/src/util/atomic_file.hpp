// Writing outputs safely: a file is written to a temporary name in the target folder and
// renamed over the target only when complete, so a failed build never leaves a broken or
// half-written PDF in place of a good one.
//
// Every step is checked (each write, the flush, fsync and close) before the rename; an error
// names the target and the real cause ("No space left on device"), never the temporary name.
// Temporary files are removed when the object goes away without commit(), and also when the
// process is ended by SIGTERM, SIGINT or SIGHUP while one exists (and, where asked for, when it
// crashes).
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>

namespace dizgi::util {

class AtomicFile {
 public:
  // Creates "<dir>/.<name>.XXXXXX" beside `target` (created exclusively, mode 0644). The
  // target folder must exist. Throws Error(ErrorCode::io) naming the target.
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();  // removes the temporary file unless commit() succeeded
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::filesystem::path& temp_path() const noexcept { return temp_; }
  const std::filesystem::path& target() const noexcept { return target_; }

  // The temporary file opened for writing (binary, from its start). Owned by this object:
  // never fclose() it; commit() flushes and closes it and checks both.
  std::FILE* stream();

  // Throws Error(ErrorCode::io) naming the target with the cause in `error_number` (errno).
  [[noreturn]] void fail(int error_number) const;

  // Flushes, fsyncs and closes the temporary file, checking each step, then renames it over
  // the target and fsyncs the folder. Throws Error(ErrorCode::io); the target is then untouched.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::FILE* stream_ = nullptr;
  int slot_ = -1;  // index in the table of temporaries removed on a fatal signal
  bool committed_ = false;
};

// Also removes the temporaries when this process crashes (SIGSEGV, SIGBUS, SIGFPE, SIGILL,
// SIGABRT), then lets the signal end it as before: for the worker processes of a batch, whose
// crash the parent reports. Signals a handler is already installed for are left alone.
void remove_temporaries_on_crash();

// Removes what a process that was killed while writing `target` may have left beside it: the
// temporaries "<dir>/.<name>.XXXXXX" and "<dir>/.<name>.cairo.XXXXXX" (the render's raw PDF).
// For a parent whose child died by a signal no handler sees (SIGKILL). Returns how many.
int remove_leftover_temporaries(const std::filesystem::path& target);

// Reads a whole file; throws Error(ErrorCode::io) naming it when unreadable.
std::string read_file(const std::filesystem::path& path);

}  // namespace dizgi::util
