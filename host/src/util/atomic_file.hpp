// Writing outputs safely: a file is written to a temporary name in the target folder and
// renamed over the target only when complete, so a failed build never leaves a broken or
// half-written PDF in place of a good one.
#pragma once

#include <filesystem>
#include <string>

namespace dizgi::util {

class AtomicFile {
 public:
  // Creates "<dir>/.<name>.XXXXXX.tmp" beside `target`. Throws Error(ErrorCode::io).
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();  // removes the temporary file unless commit() succeeded
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::filesystem::path& temp_path() const noexcept { return temp_; }
  const std::filesystem::path& target() const noexcept { return target_; }
  // fsyncs and renames the temporary file over the target. Throws Error(ErrorCode::io).
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  bool committed_ = false;
};

// Reads a whole file; throws Error(ErrorCode::io) naming it when unreadable.
std::string read_file(const std::filesystem::path& path);

}  // namespace dizgi::util
