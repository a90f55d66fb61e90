// Validating an ELF file before Boost.DLL's library_info reads it: library_info trusts the
// section table (offsets, sizes, e_shstrndx, sh_name) and reads out of bounds on a hostile
// file. Every offset, size and name the reader will follow is checked against the file size.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dizgi::plugin {

// Why `image` (the whole file) is not a well-formed 64-bit little-endian ELF shared object
// whose section headers, section names and symbol tables lie inside it; nullopt when it is.
// Never throws, never reads outside `image`.
std::optional<std::string> elf_problem(std::string_view image);

}  // namespace dizgi::plugin
