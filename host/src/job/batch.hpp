// Batch builds (dizgi batch, docs/batch.md): many books from one or more project files in one
// process. The session's plugin host and font cache serve every book; each project file's data
// is loaded once and shared by all the books made from it (a <batch> book is one book per row of
// a data table, differing in one layout parameter). Books are built in worker processes forked
// from the session once the data is loaded, so `jobs` books build at once, a book that crashes
// takes only itself down, and a worker inherits the loaded plugins, fonts and data.
#pragma once

#include "job/job.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dizgi::job {

// One book of a <batch>: the value its layout parameter takes and the name its files carry.
struct BatchMember {
  std::string value;  // the parameter's value, e.g. "46.01.34.13"
  std::string name;   // the name column's text, e.g. "Fen İşleri" (the value when there is none)
  std::string slug;   // {name} in output file names, e.g. "fen-isleri"
};

// The books of a <batch> in the table's order. Throws dizgi::Error at the <batch> element when
// the table or a column is missing, or when two rows give the same value or the same {name}.
std::vector<BatchMember> batch_members(const BookData& data);

// The member a <batch> book names with its layout parameter as written (what `dizgi build`
// builds). Throws dizgi::Error at the <batch> element when the parameter is not set or names no
// member.
BatchMember batch_member_named(const BookData& data);

// The project of one member: the layout parameter set, {name} and {value} in output files replaced.
project::Project member_project(const project::Project& project, const BatchMember& member);

// A file-name slug: Turkish letters as ASCII (ç→c, ğ→g, ı/İ→i, ö→o, ş→s, ü→u), lower case,
// every other run of characters one hyphen.
std::string file_slug(std::string_view text);

// One book of a batch, as planned before anything is built.
struct BatchBook {
  std::filesystem::path file;  // its project file
  std::string label;           // how lines name it: "faaliyet-2025.xml", "birim-2025.xml fen-isleri"
  std::size_t data = 0;        // index into BatchPlan::data
  std::optional<BatchMember> member;
  std::vector<std::filesystem::path> outputs;  // the PDFs it writes, relative to the output folder
  std::optional<Diagnostic> error;             // why it cannot be built (then it is not built)
};

struct BatchPlan {
  std::vector<BookData> data;  // one per project file that loaded
  std::vector<BatchBook> books;
  // Diagnostics of loading and checking the data, once per project file (not once per book).
  std::vector<Diagnostic> diagnostics;
  bool data_checks_failed = false;  // with `strict`, the data rules found something
};

struct BatchOptions {
  BuildOptions build;  // out_dir, profiles, strict, preflight, preview (book is set per book)
  int jobs = 1;        // worker processes
  int shard = 1, shards = 1;  // build books shard, shard + shards, ... (1-based, of the whole list)
};

// Reads every project file and its data once and lists their books. Never throws for a wrong
// book: a project file that fails to load is one book with its error; a book whose output file
// another book of the batch writes too has an error. `options.build` gives out_dir and profiles.
BatchPlan plan_batch(Session& session, const std::vector<std::filesystem::path>& files, const BatchOptions& options);

// Whether book `index` (0-based, of the whole list) belongs to the shard.
bool in_shard(std::size_t index, int shard, int shards);

// Builds the books of `plan` whose indices are `selected`, `options.jobs` at a time. `started`
// is called when a book is handed to a worker, `done` when its result is in (in the order they
// end), both in this process. A book with a planned error is reported as failed, unbuilt.
void run_batch(Session& session, BatchPlan& plan, const std::vector<std::size_t>& selected,
               const BatchOptions& options, const std::function<void(std::size_t book)>& started,
               const std::function<void(std::size_t book, BuildResult result)>& done);

}  // namespace dizgi::job
