// `dizgi new-layout`: writes the skeleton of an out-of-tree layout plugin (scaffold/layout/ in
// the source tree, compiled in by cmake/EmbedFiles.cmake) into a new folder, with the layout's name filled
// in. The skeleton builds against the installed SDK as it is and comes with a sample book that
// builds (tests/install/new_layout.sh does both on every test run).
#pragma once

#include "util/embedded.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace dizgi::scaffold {

// The skeleton's files, as compiled in (named by their paths relative to scaffold/layout/).
extern const util::EmbeddedFile layout_skeleton[];
extern const std::size_t layout_skeleton_count;

// A layout id: 2 to 40 characters of a-z, 0-9 and '-', starting with a letter, not ending with
// '-'. Empty when `name` is one, else why not.
std::string check_layout_name(const std::string& name);

// Writes the skeleton for layout `name` into `folder`, which must not exist or be empty.
// Returns the files written (relative to `folder`). Throws dizgi::Error (usage for a bad name
// or a folder in the way, io when a file cannot be written); a failure leaves no half-written
// skeleton behind in a folder this call created.
std::vector<std::filesystem::path> write_layout_skeleton(const std::string& name, const std::filesystem::path& folder);

// The skeleton's text of one file with the placeholders filled (@NAME@, @IDENT@, @DIZGI_VERSION@).
std::string fill(const std::string& text, const std::string& name);

}  // namespace dizgi::scaffold
