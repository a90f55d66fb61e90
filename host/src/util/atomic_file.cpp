#include "util/atomic_file.hpp"

#include <dizgi/diagnostics.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <initializer_list>
#include <mutex>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace dizgi::util {

namespace {

// Temporaries that exist right now, for the signal handler: fixed storage, no allocation, so
// the handler only reads flags and calls unlink(), which is async-signal-safe.
struct TempSlot {
  std::atomic<bool> used{false};
  char path[PATH_MAX] = {};
};
std::array<TempSlot, 64> temp_slots;
std::mutex slot_mutex;

extern "C" void remove_temporaries_and_die(int signal_number) {
  for (TempSlot& slot : temp_slots) {
    if (slot.used.load()) ::unlink(slot.path);
  }
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

// The handler for each signal that still has its default action.
void install_for(std::initializer_list<int> signals) {
  for (int signal_number : signals) {
    struct sigaction old = {};
    if (::sigaction(signal_number, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) continue;
    struct sigaction action = {};
    action.sa_handler = remove_temporaries_and_die;
    sigemptyset(&action.sa_mask);
    ::sigaction(signal_number, &action, nullptr);
  }
}

// Installs the handler for the signals that end a run from outside, unless they are ignored.
void install_signal_handlers() {
  static std::once_flag once;
  std::call_once(once, [] { install_for({SIGTERM, SIGINT, SIGHUP}); });
}

// Whether `name` is `prefix` followed by the six characters mkstemp puts in place of XXXXXX.
bool is_temporary_of(const std::string& name, const std::string& prefix) {
  if (name.size() != prefix.size() + 6 || name.compare(0, prefix.size(), prefix) != 0) return false;
  return std::all_of(name.begin() + static_cast<std::ptrdiff_t>(prefix.size()), name.end(),
                     [](unsigned char c) { return std::isalnum(c) != 0; });
}

int register_temporary(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  std::lock_guard<std::mutex> lock(slot_mutex);
  for (std::size_t i = 0; i < temp_slots.size(); ++i) {
    TempSlot& slot = temp_slots[i];
    if (slot.used.load()) continue;
    std::memcpy(slot.path, path.c_str(), path.size() + 1);
    slot.used.store(true);
    return static_cast<int>(i);
  }
  return -1;
}

void release_temporary(int index) {
  if (index < 0) return;
  std::lock_guard<std::mutex> lock(slot_mutex);
  temp_slots[static_cast<std::size_t>(index)].used.store(false);
}

}  // namespace

void remove_temporaries_on_crash() { install_for({SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}); }

int remove_leftover_temporaries(const std::filesystem::path& target) {
  std::filesystem::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string name(1, '.');
  name += target.filename().string();
  name += '.';
  int removed = 0;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string entry = it->path().filename().string();
    if (!is_temporary_of(entry, name) && !is_temporary_of(entry, name + "cairo.")) continue;
    std::error_code gone;
    if (std::filesystem::remove(it->path(), gone)) ++removed;
  }
  return removed;
}

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  install_signal_handlers();
  std::filesystem::path dir = target_.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::string pattern = (dir / ("." + target_.filename().string() + ".XXXXXX")).string();
  int fd = mkstemp(pattern.data());
  if (fd < 0) {
    throw Error(ErrorCode::io, Location{target_.string()},
                std::string("cannot create the output: ") + std::strerror(errno),
                "check that the output folder exists and is writable");
  }
  slot_ = register_temporary(pattern);
  ::fchmod(fd, 0644);
  ::close(fd);
  temp_ = pattern;
}

AtomicFile::~AtomicFile() {
  if (stream_) std::fclose(stream_);
  if (!committed_) ::unlink(temp_.c_str());
  release_temporary(slot_);
}

std::FILE* AtomicFile::stream() {
  if (!stream_) {
    int fd = ::open(temp_.c_str(), O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) fail(errno);
    stream_ = ::fdopen(fd, "wb");
    if (!stream_) {
      int saved = errno;
      ::close(fd);
      fail(saved);
    }
  }
  return stream_;
}

void AtomicFile::fail(int error_number) const {
  throw Error(ErrorCode::io, Location{target_.string()},
              std::string("cannot write the output: ") + std::strerror(error_number),
              "the previous file, if any, is unchanged; free space or fix the folder and retry");
}

void AtomicFile::commit() {
  int fd = -1;
  if (stream_) {
    std::FILE* stream = stream_;
    stream_ = nullptr;
    if (std::fflush(stream) != 0 || std::ferror(stream)) {
      int saved = errno != 0 ? errno : EIO;
      std::fclose(stream);
      fail(saved);
    }
    if (::fsync(fileno(stream)) != 0) {
      int saved = errno;
      std::fclose(stream);
      fail(saved);
    }
    if (std::fclose(stream) != 0) fail(errno);
  } else {
    // Written by a library through the file name: make its bytes durable before the rename.
    fd = ::open(temp_.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) fail(errno);
    if (::fsync(fd) != 0) {
      int saved = errno;
      ::close(fd);
      fail(saved);
    }
    if (::close(fd) != 0) fail(errno);
  }
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) fail(errno);
  committed_ = true;
  std::filesystem::path dir = target_.parent_path();
  if (dir.empty()) dir = ".";
  fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
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
