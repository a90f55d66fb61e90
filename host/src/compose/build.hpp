// `dizgi build`: the whole pipeline for one book project — project file, data sources, layout
// plugin, engine, PDF per output profile, preflight of what was written.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace dizgi::compose {

struct BuildOptions {
  std::filesystem::path book;
  std::filesystem::path out_dir = "out";
  bool out_dir_given = false;  // named by the user (-o): it may be a symbolic link
  std::vector<std::string> profiles;  // empty: every <output> of the book
  bool allow_outside = false;
  bool strict = false;     // data validation warnings and preflight errors fail the build
  bool quiet = false;
  bool preflight = true;
  bool preview = true;     // write a cover thumbnail PNG beside each PDF
};

// Returns the exit code: 0 ok, 1 checks failed (strict), 2 usage or input error.
int run_build(const BuildOptions& options, std::ostream& out, std::ostream& err);


}  // namespace dizgi::compose
