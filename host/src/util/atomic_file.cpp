#include "util/atomic_file.hpp"

#include <dizgi/diagnostics.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace dizgi::util {

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  std::filesystem::path dir = target_.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::string pattern = (dir / ("." + target_.filename().string() + ".XXXXXX")).string();
  int fd = mkstemp(pattern.data());
  if (fd < 0) {
    throw Error(ErrorCode::io, Location{target_.string()},
                std::string("cannot create a temporary file: ") + std::strerror(errno),
                "check that the output folder is writable");
  }
  ::fchmod(fd, 0644);
  ::close(fd);
  temp_ = pattern;
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
  }
}

void AtomicFile::commit() {
  int fd = ::open(temp_.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  std::error_code ec;
  std::filesystem::rename(temp_, target_, ec);
  if (ec) {
    throw Error(ErrorCode::io, Location{target_.string()}, "cannot write output: " + ec.message());
  }
  committed_ = true;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ErrorCode::io, Location{path.string()},
                std::string("cannot read file: ") + std::strerror(errno));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace dizgi::util
