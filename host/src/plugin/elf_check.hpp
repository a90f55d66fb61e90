// Validating an ELF file before Boost.DLL's library_info reads it: library_info trusts the
// section table (offsets, sizes, e_shstrndx, sh_name) and reads out of bounds on a hostile
// file. Every offset, size and name the reader will follow is checked against the file size.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dizgi::plugin {

// Why `image` (the whole file) is not a well-formed 64-bit little-endian ELF shared object
// whose section headers, section names and symbol tables lie inside it; nullopt when it is.
// Never throws, never reads outside `image`.
std::optional<std::string> elf_problem(std::string_view image);

// The integer fields of the info record an alias points to, and its toolchain string, read
// from the file without loading it (x86-64: the alias and the record's pointers are found
// through the dynamic relocations). nullopt when the image is not one this can follow; the
// loader then checks the record after loading, as before. `image` must have passed
// elf_problem. Never throws, never reads outside `image`.
struct InfoRecordPeek {
  uint32_t struct_size = 0;
  uint32_t abi = 0;
  std::optional<std::string> toolchain;
};
std::optional<InfoRecordPeek> peek_info_record(std::string_view image, std::string_view alias);

}  // namespace dizgi::plugin
