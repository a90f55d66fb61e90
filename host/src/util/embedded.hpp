// A text file compiled into the binary (cmake/EmbedFiles.cmake): the shipped preflight and
// output profiles, so their names resolve without installed data, and the files of the layout
// skeleton `dizgi new-layout` writes.
#pragma once

namespace dizgi::util {

struct EmbeddedFile {
  const char* name;  // a profile's file name without extension; a skeleton file's relative path
  const char* text;  // the whole file
};

}  // namespace dizgi::util
