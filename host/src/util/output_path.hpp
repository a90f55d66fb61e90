// Where outputs may be written. An output folder (or a sub-folder of it) that is a symbolic
// link would make dizgi overwrite files elsewhere, so links are refused in the output path
// unless the user named the output folder on the command line (then that folder itself may be
// a link); an existing target that is a link or not a regular file is refused too. Only PDF
// files (and the PNG thumbnails dizgi writes beside them) are written.
#pragma once

#include <filesystem>

namespace dizgi::util {

// Checks `out_dir / file` before anything is written. `file` is relative to `out_dir`;
// `out_dir_given` is true when the user named `out_dir` (-o). Throws Error(ErrorCode::usage)
// naming the target and the link or the name that is refused.
void check_output_target(const std::filesystem::path& out_dir, const std::filesystem::path& file,
                         bool out_dir_given);

}  // namespace dizgi::util
