// A text file compiled into the binary (cmake/EmbedFiles.cmake): the shipped preflight and
// output profiles, so their names resolve without installed data.
#pragma once

namespace dizgi::util {

struct EmbeddedFile {
  const char* name;  // file name without extension
  const char* xml;   // the whole file
};

}  // namespace dizgi::util
