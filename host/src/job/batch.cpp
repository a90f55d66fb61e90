// Batch builds: the books of a <batch>, the plan of a batch and its worker processes.
#include "job/batch.hpp"

#include "util/atomic_file.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <poll.h>
#include <set>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace dizgi::job {

namespace fs = std::filesystem;

namespace {

// A cell as the text a parameter or a file name takes.
std::string cell_text(const Value& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* number = std::get_if<int64_t>(&value)) return std::to_string(*number);
  if (const auto* decimal = std::get_if<Decimal>(&value)) return decimal->to_string();
  if (const auto* flag = std::get_if<bool>(&value)) return *flag ? "true" : "false";
  return {};
}

bool cell_true(const Value& value) {
  if (const auto* flag = std::get_if<bool>(&value)) return *flag;
  if (const auto* number = std::get_if<int64_t>(&value)) return *number != 0;
  if (const auto* text = std::get_if<std::string>(&value)) return *text == "1" || *text == "true" || *text == "evet";
  return false;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace

std::string file_slug(std::string_view text) {
  static const std::pair<std::string_view, char> turkish[] = {
      {"ç", 'c'}, {"Ç", 'c'}, {"ğ", 'g'}, {"Ğ", 'g'}, {"ı", 'i'}, {"İ", 'i'}, {"ö", 'o'}, {"Ö", 'o'},
      {"ş", 's'}, {"Ş", 's'}, {"ü", 'u'}, {"Ü", 'u'}, {"â", 'a'}, {"Â", 'a'}, {"î", 'i'}, {"Î", 'i'},
      {"û", 'u'}, {"Û", 'u'}};
  std::string slug;
  bool gap = false;
  for (std::size_t i = 0; i < text.size();) {
    char letter = 0;
    std::size_t length = 1;
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isalnum(c) && c < 0x80) {
      letter = static_cast<char>(std::tolower(c));
    } else {
      for (const auto& [from, to] : turkish) {
        if (text.substr(i, from.size()) == from) {
          letter = to;
          length = from.size();
          break;
        }
      }
      if (letter == 0 && c >= 0x80) {  // any other UTF-8 sequence: one gap
        length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      }
    }
    i += length;
    if (letter == 0) {
      gap = !slug.empty();
      continue;
    }
    if (gap) slug += '-';
    gap = false;
    slug += letter;
  }
  return slug;
}

std::vector<BatchMember> batch_members(const BookData& data) {
  const project::BatchSpec& spec = *data.project.batch;
  const Table* table = data.dataset.find(spec.table);
  if (table == nullptr)
    throw Error(ErrorCode::data, spec.origin, "<batch> names table '" + spec.table + "', which the data has not",
                "name a table of the book's data sources (dizgi data BOOK.xml lists them)");
  for (const std::string* column : {&spec.value_column, &spec.name_column, &spec.where_column}) {
    if (!column->empty() && table->column_index(*column) < 0)
      throw Error(ErrorCode::data, spec.origin, "<batch> names column '" + *column + "', which table '" + spec.table + "' has not",
                  "name a column of table '" + spec.table + "'");
  }
  std::vector<BatchMember> members;
  std::map<std::string, std::size_t> values, slugs;
  for (std::size_t r = 0; r < table->row_count(); ++r) {
    if (!spec.where_column.empty() && !cell_true(table->at(r, spec.where_column))) continue;
    BatchMember member;
    member.value = cell_text(table->at(r, spec.value_column));
    if (member.value.empty()) continue;  // a row without a value is no book
    member.name = spec.name_column.empty() ? member.value : cell_text(table->at(r, spec.name_column));
    if (member.name.empty()) member.name = member.value;
    member.slug = file_slug(member.name);
    if (member.slug.empty()) member.slug = file_slug(member.value);
    if (auto [it, fresh] = values.emplace(member.value, r); !fresh)
      throw Error(ErrorCode::data, spec.origin,
                  "two books of the <batch> have " + spec.param + " '" + member.value + "' (table '" + spec.table +
                      "', rows " + std::to_string(it->second + 1) + " and " + std::to_string(r + 1) + ")",
                  "each row must give its own value in column '" + spec.value_column + "'");
    if (auto [it, fresh] = slugs.emplace(member.slug, r); !fresh)
      throw Error(ErrorCode::data, spec.origin,
                  "two books of the <batch> would have the file name part '" + member.slug + "' (table '" + spec.table +
                      "', rows " + std::to_string(it->second + 1) + " and " + std::to_string(r + 1) + ")",
                  "give them different names in column '" + spec.name_column + "', or use {value} in the file names");
    members.push_back(std::move(member));
  }
  return members;
}

BatchMember batch_member_named(const BookData& data) {
  const project::BatchSpec& spec = *data.project.batch;
  std::vector<BatchMember> members = batch_members(data);
  auto param = data.project.layout_params.find(spec.param);
  if (param == data.project.layout_params.end() || param->second.empty()) {
    throw Error(ErrorCode::project, spec.origin,
                data.project.file.filename().string() + " is a batch of " + std::to_string(members.size()) +
                    " books and its layout sets no '" + spec.param + "'",
                "build them all with 'dizgi batch', or one with <param name=\"" + spec.param + "\" value=\"...\"/> in <layout>");
  }
  for (BatchMember& member : members) {
    if (member.value == param->second) return member;
  }
  throw Error(ErrorCode::project, spec.origin,
              "layout parameter '" + spec.param + "' is '" + param->second + "', which no book of the <batch> has",
              "give a value of column '" + spec.value_column + "' of table '" + spec.table + "'" +
                  (members.empty() ? std::string() : ", e.g. '" + members.front().value + "'"));
}

project::Project member_project(const project::Project& project, const BatchMember& member) {
  project::Project result = project;
  result.layout_params[project.batch->param] = member.value;
  for (project::OutputSpec& output : result.outputs)
    output.file = replace_all(replace_all(output.file, "{name}", member.slug), "{value}", member.value);
  return result;
}

bool in_shard(std::size_t index, int shard, int shards) {
  return shards <= 1 || index % static_cast<std::size_t>(shards) == static_cast<std::size_t>(shard - 1);
}

// ---- the plan ----

namespace {

// The PDFs a project writes (what build.cpp's outputs_of and --profile give).
std::vector<fs::path> output_files(const project::Project& project, const fs::path& file,
                                   const std::vector<std::string>& profiles) {
  std::vector<fs::path> files;
  if (project.outputs.empty()) {
    files = {file.stem().string() + "-print.pdf", file.stem().string() + "-web.pdf"};
  } else {
    for (const project::OutputSpec& output : project.outputs) {
      if (profiles.empty() || std::find(profiles.begin(), profiles.end(), output.profile) != profiles.end())
        files.emplace_back(output.file);
    }
  }
  return files;
}

}  // namespace

BatchPlan plan_batch(Session& session, const std::vector<fs::path>& files, const BatchOptions& options) {
  BatchPlan plan;
  for (const fs::path& file : files) {
    DiagnosticSink sink;
    BatchBook whole;
    whole.file = file;
    whole.label = file.filename().string();
    try {
      DataRequest request;
      request.allow_outside = options.build.allow_outside;
      BookData data = session.load_data(file, request, sink);
      session.check_data(data, options.build.strict, sink);
      if (options.build.strict && (sink.count(Severity::warning) > 0 || sink.count(Severity::error) > 0))
        plan.data_checks_failed = true;
      std::vector<BatchMember> members;
      if (data.project.batch) members = batch_members(data);
      whole.data = plan.data.size();
      if (members.empty() && data.project.batch) {
        sink.warn("batch.empty", data.project.batch->origin,
                  "the <batch> of " + file.filename().string() + " has no books (table '" + data.project.batch->table + "')",
                  "check the table and its column '" + data.project.batch->where_column + "'");
      }
      if (!data.project.batch) {
        whole.outputs = output_files(data.project, file, options.build.profiles);
        plan.books.push_back(std::move(whole));
      }
      for (BatchMember& member : members) {
        BatchBook book;
        book.file = file;
        book.label = file.filename().string() + " " + member.slug;
        book.data = plan.data.size();
        book.outputs = output_files(member_project(data.project, member), file, options.build.profiles);
        book.member = std::move(member);
        plan.books.push_back(std::move(book));
      }
      plan.data.push_back(std::move(data));
    } catch (const Error& error) {
      whole.error = error.diagnostic();
      plan.books.push_back(std::move(whole));
    }
    for (const Diagnostic& d : sink.diagnostics()) plan.diagnostics.push_back(d);
  }
  // Two books writing one file would overwrite each other: the later one is not built.
  std::map<std::string, std::string> writers;
  for (BatchBook& book : plan.books) {
    for (const fs::path& output : book.outputs) {
      auto [it, fresh] = writers.emplace(output.lexically_normal().string(), book.label);
      if (!fresh && !book.error) {
        book.error = Diagnostic{Severity::error, "batch.same-output", Location{book.file.string()},
                                "writes " + output.string() + ", which " + it->second + " writes too",
                                "give the books different output file names"};
      }
    }
  }
  return plan;
}

// ---- worker processes ----

namespace {

// A BuildResult through a pipe: length-prefixed fields.
class Writer {
 public:
  void number(int64_t n) { bytes_.append(reinterpret_cast<const char*>(&n), sizeof n); }
  void text(const std::string& s) {
    number(static_cast<int64_t>(s.size()));
    bytes_ += s;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}
  int64_t number() {
    int64_t n = 0;
    if (at_ + sizeof n <= bytes_.size()) std::memcpy(&n, bytes_.data() + at_, sizeof n);
    at_ += sizeof n;
    return n;
  }
  std::string text() {
    const auto size = static_cast<std::size_t>(number());
    std::string s = at_ <= bytes_.size() ? bytes_.substr(at_, size) : std::string();
    at_ += size;
    return s;
  }

 private:
  const std::string& bytes_;
  std::size_t at_ = 0;
};

std::string serialize(const BuildResult& result) {
  Writer w;
  w.number(static_cast<int64_t>(result.outcome));
  w.number(static_cast<int64_t>(result.duration_ms * 1000));
  w.text(result.metadata.title);
  w.number(result.metadata.year);
  w.number(static_cast<int64_t>(result.outputs.size()));
  for (const OutputResult& o : result.outputs) {
    w.text(o.profile);
    w.text(o.file.string());
    w.text(o.preview.string());
    w.number(o.pages);
    w.number(o.passes);
    w.number(o.blank_pages_added);
    w.number(o.blank_pages_dropped);
    w.text(o.binding);
    w.number(o.preflighted);
    w.text(o.preflight_profile);
    w.number(static_cast<int64_t>(o.preflight_errors));
    w.number(static_cast<int64_t>(o.preflight_warnings));
    w.number(static_cast<int64_t>(o.preflight_notes));
  }
  w.number(static_cast<int64_t>(result.diagnostics.size()));
  for (const Diagnostic& d : result.diagnostics) {
    w.number(static_cast<int64_t>(d.severity));
    w.text(d.code);
    w.text(d.location.file);
    w.number(d.location.line);
    w.number(d.location.column);
    w.text(d.location.where);
    w.text(d.message);
    w.text(d.hint);
  }
  return w.bytes();
}

BuildResult deserialize(const std::string& bytes) {
  Reader r(bytes);
  BuildResult result;
  result.outcome = static_cast<Outcome>(r.number());
  result.duration_ms = static_cast<double>(r.number()) / 1000;
  result.metadata.title = r.text();
  result.metadata.year = static_cast<int32_t>(r.number());
  for (int64_t n = r.number(); n > 0; --n) {
    OutputResult o;
    o.profile = r.text();
    o.file = r.text();
    o.preview = r.text();
    o.pages = static_cast<int>(r.number());
    o.passes = static_cast<int>(r.number());
    o.blank_pages_added = static_cast<int>(r.number());
    o.blank_pages_dropped = static_cast<int>(r.number());
    o.binding = r.text();
    o.preflighted = r.number() != 0;
    o.preflight_profile = r.text();
    o.preflight_errors = static_cast<std::size_t>(r.number());
    o.preflight_warnings = static_cast<std::size_t>(r.number());
    o.preflight_notes = static_cast<std::size_t>(r.number());
    result.outputs.push_back(std::move(o));
  }
  for (int64_t n = r.number(); n > 0; --n) {
    Diagnostic d;
    d.severity = static_cast<Severity>(r.number());
    d.code = r.text();
    d.location.file = r.text();
    d.location.line = static_cast<uint32_t>(r.number());
    d.location.column = static_cast<uint32_t>(r.number());
    d.location.where = r.text();
    d.message = r.text();
    d.hint = r.text();
    result.diagnostics.push_back(std::move(d));
  }
  return result;
}

bool write_all(int fd, const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool read_all(int fd, void* data, std::size_t size) {
  char* p = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t n = ::read(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

BuildResult failed(const Diagnostic& why) {
  BuildResult result;
  result.outcome = Outcome::input_error;
  result.diagnostics.push_back(why);
  return result;
}

// One worker: a child process that reads book numbers from `tasks` and answers on `results`.
struct Worker {
  pid_t pid = -1;
  int tasks = -1, results = -1;
  std::optional<std::size_t> book;  // the book it is building
};

// How a worker that stopped answering ended.
std::string how_it_ended(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    const char* name = strsignal(signal);
    return "crashed (signal " + std::to_string(signal) + (name ? std::string(", ") + name : std::string()) + ")";
  }
  if (WIFEXITED(status)) return "ended with status " + std::to_string(WEXITSTATUS(status)) + " before it answered";
  return "ended before it answered";
}

}  // namespace

void run_batch(Session& session, BatchPlan& plan, const std::vector<std::size_t>& selected, const BatchOptions& options,
               const std::function<void(std::size_t)>& started,
               const std::function<void(std::size_t, BuildResult)>& done) {
  std::vector<std::size_t> queue;
  for (std::size_t index : selected) {
    if (plan.books[index].error) {
      started(index);
      done(index, failed(*plan.books[index].error));
    } else {
      queue.push_back(index);
    }
  }
  // Each book keeps the project file's name for its messages and its default PDF names.
  auto build_one = [&](std::size_t index) {
    const BatchBook& book = plan.books[index];
    BookData& data = plan.data[book.data];
    BuildOptions build = options.build;
    build.book = book.file;
    if (!book.member) return session.build(data, build);
    const project::Project whole = data.project;
    data.project = member_project(whole, *book.member);
    BuildResult result = session.build(data, build);
    data.project = whole;
    return result;
  };

  const std::size_t wanted = std::min<std::size_t>(static_cast<std::size_t>(std::max(options.jobs, 1)), queue.size());
  std::size_t next = 0;
  std::vector<Worker> workers;
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  // A worker that is gone must not end the batch with SIGPIPE.
  struct sigaction ignore = {}, previous = {};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &previous);

  auto start_worker = [&]() -> bool {
    int to_child[2], from_child[2];
    if (::pipe(to_child) != 0) return false;
    if (::pipe(from_child) != 0) {
      ::close(to_child[0]);
      ::close(to_child[1]);
      return false;
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
      for (int fd : {to_child[0], to_child[1], from_child[0], from_child[1]}) ::close(fd);
      return false;
    }
    if (pid == 0) {
      ::close(to_child[1]);
      ::close(from_child[0]);
      for (const Worker& other : workers) {  // the other workers' pipes are not this child's
        ::close(other.tasks);
        ::close(other.results);
      }
      struct rlimit no_core = {0, 0};  // a crash is reported by the parent
      ::setrlimit(RLIMIT_CORE, &no_core);
      util::remove_temporaries_on_crash();  // a crash leaves no half-written file behind
      uint64_t index = 0;
      while (read_all(to_child[0], &index, sizeof index)) {
        std::string bytes = serialize(build_one(static_cast<std::size_t>(index)));
        const uint64_t size = bytes.size();
        if (!write_all(from_child[1], &size, sizeof size) || !write_all(from_child[1], bytes.data(), bytes.size())) break;
      }
      std::fflush(nullptr);
      ::_exit(0);
    }
    ::close(to_child[0]);
    ::close(from_child[1]);
    workers.push_back(Worker{pid, to_child[1], from_child[0], std::nullopt});
    return true;
  };
  auto hand_out = [&](Worker& worker) {
    if (next >= queue.size()) return;
    const uint64_t index = queue[next];
    if (!write_all(worker.tasks, &index, sizeof index)) return;  // noticed when its results end
    worker.book = queue[next++];
    started(*worker.book);
  };

  for (std::size_t i = 0; i < wanted; ++i) {
    if (!start_worker()) break;
  }
  if (workers.empty()) {  // no fork here: one book after another in this process
    for (; next < queue.size(); ++next) {
      started(queue[next]);
      done(queue[next], build_one(queue[next]));
    }
    ::sigaction(SIGPIPE, &previous, nullptr);
    return;
  }
  for (Worker& worker : workers) hand_out(worker);

  while (std::any_of(workers.begin(), workers.end(), [](const Worker& w) { return w.book.has_value(); })) {
    std::vector<pollfd> fds;
    for (const Worker& worker : workers) fds.push_back(pollfd{worker.results, POLLIN, 0});
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (std::size_t w = 0; w < workers.size(); ++w) {
      if (fds[w].revents == 0) continue;
      Worker& worker = workers[w];
      uint64_t size = 0;
      std::string bytes;
      bool answered = read_all(worker.results, &size, sizeof size);
      if (answered) {
        bytes.resize(static_cast<std::size_t>(size));
        answered = read_all(worker.results, bytes.data(), bytes.size());
      }
      if (answered && worker.book) {
        const std::size_t book = *worker.book;
        worker.book.reset();
        done(book, deserialize(bytes));
        hand_out(worker);
        continue;
      }
      // The worker is gone: its book failed with how it ended; a fresh worker takes its place.
      ::close(worker.tasks);
      ::close(worker.results);
      const std::string ended = how_it_ended(worker.pid);
      std::optional<std::size_t> book = worker.book;
      workers.erase(workers.begin() + static_cast<std::ptrdiff_t>(w));
      if (book) {
        // A signal no handler sees (SIGKILL) leaves the temporaries of the file being written.
        for (const fs::path& output : plan.books[*book].outputs) util::remove_leftover_temporaries(options.build.out_dir / output);
        done(*book, failed(Diagnostic{Severity::error, "batch.worker-died", Location{plan.books[*book].file.string()},
                                      "building " + plan.books[*book].label + " " + ended,
                                      "the other books were built; report this with the book"}));
      }
      if (next < queue.size() && start_worker()) hand_out(workers.back());
      break;  // the poll set changed
    }
  }
  // Books no worker could take (no process could be started again).
  for (; next < queue.size(); ++next) {
    started(queue[next]);
    done(queue[next], failed(Diagnostic{Severity::error, "batch.no-worker", Location{plan.books[queue[next]].file.string()},
                                        "no worker process could be started for " + plan.books[queue[next]].label,
                                        "the system is out of processes or memory; build the rest again"}));
  }
  for (Worker& worker : workers) {
    ::close(worker.tasks);  // end of input: the worker exits
    ::close(worker.results);
  }
  for (Worker& worker : workers) {
    int status = 0;
    while (::waitpid(worker.pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  ::sigaction(SIGPIPE, &previous, nullptr);
}

}  // namespace dizgi::job
