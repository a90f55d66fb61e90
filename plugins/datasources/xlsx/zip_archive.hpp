// A zip archive read with libzip, with limits against zip bombs: the number of entries, the
// uncompressed size of an entry and of all entries read, and the compression ratio. Sizes in the
// zip directory are checked when an entry is opened and the bytes actually inflated are counted
// while reading, so a lying directory does not help.
#pragma once

#include <dizgi/diagnostics.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

struct zip;
struct zip_file;

namespace dizgi::sheet {

struct ZipLimits {
  uint64_t max_entries = 10000;
  uint64_t max_entry_bytes = 512ull << 20;   // one inflated entry
  uint64_t max_total_bytes = 2048ull << 20;  // all entries read
  uint64_t max_ratio = 200;                  // inflated / compressed, for entries over 1 MiB
};

class ZipArchive;

// One entry opened for streaming. Read with read(); the stream throws once a limit is passed.
class ZipEntry {
 public:
  ~ZipEntry();
  ZipEntry(const ZipEntry&) = delete;
  ZipEntry& operator=(const ZipEntry&) = delete;
  // Reads up to `size` bytes; returns 0 at the end. Throws Error(ErrorCode::data) on a limit or
  // a corrupt entry.
  std::size_t read(char* buffer, std::size_t size);
  const std::string& name() const noexcept { return name_; }

 private:
  friend class ZipArchive;
  ZipEntry(ZipArchive& archive, zip_file* file, std::string name, uint64_t compressed);
  ZipArchive& archive_;
  zip_file* file_;
  std::string name_;
  uint64_t compressed_;
  uint64_t inflated_ = 0;
};

class ZipArchive {
 public:
  // Opens `path`, or the `size` bytes at `memory` when it is not null (copied). `file` names the
  // archive in errors. Throws Error(ErrorCode::data) when it is not a zip or has too many entries.
  ZipArchive(const std::string& path, const char* memory, std::size_t size, std::string file,
             ZipLimits limits);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool has(const std::string& name) const;
  // Opens an entry; throws when absent (naming it) or when its directory sizes break a limit.
  std::unique_ptr<ZipEntry> open(const std::string& name);
  const std::string& file() const noexcept { return file_; }
  const ZipLimits& limits() const noexcept { return limits_; }

 private:
  friend class ZipEntry;
  zip* archive_ = nullptr;
  std::string file_;
  ZipLimits limits_;
  std::string memory_;
  uint64_t total_ = 0;
};

}  // namespace dizgi::sheet
