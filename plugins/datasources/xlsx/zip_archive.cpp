#include "zip_archive.hpp"

#include <zip.h>

namespace dizgi::sheet {

namespace {

std::string mib(uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

ZipArchive::ZipArchive(const std::string& path, const char* memory, std::size_t size,
                       std::string file, ZipLimits limits)
    : file_(std::move(file)), limits_(limits) {
  int error_code = 0;
  if (memory) {
    memory_.assign(memory, size);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(memory_.data(), memory_.size(), 0, &error);
    if (source) {
      archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
      if (!archive_) zip_source_free(source);
    }
    error_code = zip_error_code_zip(&error);
    zip_error_fini(&error);
  } else {
    archive_ = zip_open(path.c_str(), ZIP_RDONLY, &error_code);
  }
  if (!archive_) {
    zip_error_t error;
    zip_error_init_with_code(&error, error_code);
    std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Error(ErrorCode::data, Location{file_, 0, 0, {}}, "not a readable zip archive",
                "xlsx and ods files are zip archives; libzip says: " + reason);
  }
  zip_int64_t entries = zip_get_num_entries(archive_, 0);
  if (entries < 0 || static_cast<uint64_t>(entries) > limits_.max_entries) {
    zip_discard(archive_);
    archive_ = nullptr;
    throw Error(ErrorCode::data, Location{file_, 0, 0, {}},
                "the archive has more than " + std::to_string(limits_.max_entries) + " entries",
                "this is not a workbook a spreadsheet program would write");
  }
}

ZipArchive::~ZipArchive() {
  if (archive_) zip_discard(archive_);
}

bool ZipArchive::has(const std::string& name) const {
  return zip_name_locate(archive_, name.c_str(), 0) >= 0;
}

std::unique_ptr<ZipEntry> ZipArchive::open(const std::string& name) {
  zip_int64_t index = zip_name_locate(archive_, name.c_str(), 0);
  if (index < 0) {
    throw Error(ErrorCode::data, Location{file_, 0, 0, {}}, "missing part '" + name + "'",
                "the file is not a complete workbook");
  }
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
    throw Error(ErrorCode::data, Location{file_, 0, 0, {}}, "cannot read part '" + name + "'");
  }
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > limits_.max_entry_bytes) {
    throw Error(ErrorCode::data, Location{file_, 0, 0, {}},
                "part '" + name + "' inflates to more than " + mib(limits_.max_entry_bytes),
                "a possible zip bomb; raise max-entry-mb if the workbook is genuine");
  }
  uint64_t compressed = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > (1u << 20) &&
      stat.size / (compressed ? compressed : 1) > limits_.max_ratio) {
    throw Error(ErrorCode::data, Location{file_, 0, 0, {}},
                "part '" + name + "' has a compression ratio over " +
                    std::to_string(limits_.max_ratio),
                "a possible zip bomb; raise max-ratio if the workbook is genuine");
  }
  zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
  if (!file) {
    throw Error(ErrorCode::data, Location{file_, 0, 0, {}},
                "cannot open part '" + name + "': " + zip_strerror(archive_));
  }
  return std::unique_ptr<ZipEntry>(new ZipEntry(*this, file, name, compressed));
}

ZipEntry::ZipEntry(ZipArchive& archive, zip_file* file, std::string name, uint64_t compressed)
    : archive_(archive), file_(file), name_(std::move(name)), compressed_(compressed) {}

ZipEntry::~ZipEntry() { zip_fclose(file_); }

std::size_t ZipEntry::read(char* buffer, std::size_t size) {
  zip_int64_t got = zip_fread(file_, buffer, size);
  if (got < 0) {
    throw Error(ErrorCode::data, Location{archive_.file_, 0, 0, {}},
                "corrupt part '" + name_ + "': " + zip_file_strerror(file_));
  }
  inflated_ += static_cast<uint64_t>(got);
  archive_.total_ += static_cast<uint64_t>(got);
  const ZipLimits& limits = archive_.limits_;
  if (inflated_ > limits.max_entry_bytes) {
    throw Error(ErrorCode::data, Location{archive_.file_, 0, 0, {}},
                "part '" + name_ + "' inflates to more than " + mib(limits.max_entry_bytes),
                "a possible zip bomb; raise max-entry-mb if the workbook is genuine");
  }
  if (archive_.total_ > limits.max_total_bytes) {
    throw Error(ErrorCode::data, Location{archive_.file_, 0, 0, {}},
                "the workbook inflates to more than " + mib(limits.max_total_bytes),
                "a possible zip bomb; raise max-total-mb if the workbook is genuine");
  }
  if (inflated_ > (1u << 20) && inflated_ / (compressed_ ? compressed_ : 1) > limits.max_ratio) {
    throw Error(ErrorCode::data, Location{archive_.file_, 0, 0, {}},
                "part '" + name_ + "' has a compression ratio over " +
                    std::to_string(limits.max_ratio),
                "a possible zip bomb; raise max-ratio if the workbook is genuine");
  }
  return static_cast<std::size_t>(got);
}

}  // namespace dizgi::sheet
