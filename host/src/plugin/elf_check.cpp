#include "plugin/elf_check.hpp"

#include <cstdint>
#include <cstring>
#include <string>
#include <elf.h>

namespace dizgi::plugin {

namespace {

// [offset, offset + size) inside a file of `file_size` bytes, without overflow.
bool in_bounds(uint64_t offset, uint64_t size, uint64_t file_size) {
  return offset <= file_size && size <= file_size - offset;
}

template <typename T>
T read_at(std::string_view image, uint64_t offset) {
  T value;
  std::memcpy(&value, image.data() + offset, sizeof(T));
  return value;
}

// A NUL-terminated name at `index` of the string table [offset, offset + size).
bool valid_name(std::string_view image, uint64_t table_offset, uint64_t table_size, uint64_t index) {
  if (index >= table_size) return false;
  const char* start = image.data() + table_offset + index;
  return std::memchr(start, '\0', table_size - index) != nullptr;
}

}  // namespace

std::optional<std::string> elf_problem(std::string_view image) {
  const uint64_t size = image.size();
  if (size < sizeof(Elf64_Ehdr) || std::memcmp(image.data(), ELFMAG, SELFMAG) != 0) {
    return "not an ELF file";
  }
  if (static_cast<unsigned char>(image[EI_CLASS]) != ELFCLASS64 ||
      static_cast<unsigned char>(image[EI_DATA]) != ELFDATA2LSB) {
    return "not a 64-bit little-endian ELF file";
  }
  const auto header = read_at<Elf64_Ehdr>(image, 0);
  if (header.e_type != ET_DYN) return "not a shared library";
  if (header.e_shentsize != sizeof(Elf64_Shdr)) return "section headers of an unexpected size";
  const uint64_t count = header.e_shnum;
  if (count == 0) return "no section headers";
  if (!in_bounds(header.e_shoff, count * sizeof(Elf64_Shdr), size)) return "section headers outside the file";
  if (header.e_shstrndx == SHN_UNDEF || header.e_shstrndx >= count) return "section name table index out of range";

  auto section = [&](uint64_t index) {
    return read_at<Elf64_Shdr>(image, header.e_shoff + index * sizeof(Elf64_Shdr));
  };
  const Elf64_Shdr names = section(header.e_shstrndx);
  if (names.sh_type != SHT_STRTAB || !in_bounds(names.sh_offset, names.sh_size, size)) {
    return "section name table outside the file";
  }
  // library_info::sections() walks the table name by name up to its end.
  if (names.sh_size == 0 || image[names.sh_offset + names.sh_size - 1] != '\0') {
    return "section name table does not end with a NUL";
  }
  // Boost.DLL 1.74 reads the section table in order, keeps the symbols of the last SHT_SYMTAB
  // and reads their names from one buffer that every SHT_STRTAB in turn overwrites from its
  // start (so it holds the longest table, partly overlaid). That is the model checked here.
  uint64_t last_symtab = 0;
  bool have_symtab = false;
  std::string overlay;  // the names buffer as Boost leaves it
  for (uint64_t i = 0; i < count; ++i) {
    const Elf64_Shdr s = section(i);
    if (!valid_name(image, names.sh_offset, names.sh_size, s.sh_name)) {
      return "section " + std::to_string(i) + " has a name outside the section name table";
    }
    if (s.sh_type != SHT_NOBITS && !in_bounds(s.sh_offset, s.sh_size, size)) {
      return "section " + std::to_string(i) + " lies outside the file";
    }
    // Boost takes &table[0] of every string table and of the symbol table it reads, even
    // when the table is empty.
    if ((s.sh_type == SHT_STRTAB && s.sh_size == 0) || (s.sh_type == SHT_SYMTAB && s.sh_size < sizeof(Elf64_Sym))) {
      return "section " + std::to_string(i) + " is an empty table";
    }
    if (s.sh_type == SHT_STRTAB) {
      if (s.sh_size > overlay.size()) overlay.resize(s.sh_size, '\0');
      overlay.replace(0, s.sh_size, image.substr(s.sh_offset, s.sh_size));
    }
    if (s.sh_type == SHT_SYMTAB || s.sh_type == SHT_DYNSYM) {
      if (s.sh_entsize != sizeof(Elf64_Sym) || s.sh_size % sizeof(Elf64_Sym) != 0) {
        return "symbol table " + std::to_string(i) + " has entries of an unexpected size";
      }
      if (s.sh_link == 0 || s.sh_link >= count) return "symbol table " + std::to_string(i) + " has no string table";
      const Elf64_Shdr strings = section(s.sh_link);
      if (strings.sh_type != SHT_STRTAB || !in_bounds(strings.sh_offset, strings.sh_size, size)) {
        return "string table of symbol table " + std::to_string(i) + " lies outside the file";
      }
      for (uint64_t k = 0; k < s.sh_size / sizeof(Elf64_Sym); ++k) {
        const auto symbol = read_at<Elf64_Sym>(image, s.sh_offset + k * sizeof(Elf64_Sym));
        if (symbol.st_name != 0 && !valid_name(image, strings.sh_offset, strings.sh_size, symbol.st_name)) {
          return "symbol " + std::to_string(k) + " has a name outside its string table";
        }
      }
      if (s.sh_type == SHT_SYMTAB) {
        last_symtab = i;
        have_symtab = true;
      }
    }
  }
  if (have_symtab) {
    const Elf64_Shdr s = section(last_symtab);
    for (uint64_t k = 0; k < s.sh_size / sizeof(Elf64_Sym); ++k) {
      const auto symbol = read_at<Elf64_Sym>(image, s.sh_offset + k * sizeof(Elf64_Sym));
      const bool visible = (symbol.st_other & 3) == STV_DEFAULT && (symbol.st_info >> 4) != STB_LOCAL &&
                           symbol.st_size != 0;
      if (visible && (symbol.st_name >= overlay.size() ||
                      overlay.find('\0', symbol.st_name) == std::string::npos)) {
        return "symbol " + std::to_string(k) + " has a name outside the string tables";
      }
    }
  }
  return std::nullopt;
}

namespace {

struct Image {
  std::string_view bytes;
  Elf64_Ehdr header;

  Elf64_Shdr section(uint64_t index) const {
    return read_at<Elf64_Shdr>(bytes, header.e_shoff + index * sizeof(Elf64_Shdr));
  }

  // The file offset of `size` bytes at virtual address `address`, if a section holds them.
  std::optional<uint64_t> offset_of(uint64_t address, uint64_t size) const {
    for (uint64_t i = 1; i < header.e_shnum; ++i) {
      const Elf64_Shdr s = section(i);
      if (s.sh_type == SHT_NOBITS || s.sh_addr == 0 || address < s.sh_addr) continue;
      const uint64_t into = address - s.sh_addr;
      if (into > s.sh_size || size > s.sh_size - into) continue;
      if (!in_bounds(s.sh_offset + into, size, bytes.size())) return std::nullopt;
      return s.sh_offset + into;
    }
    return std::nullopt;
  }

  // The value the dynamic loader writes into the pointer at `address`.
  std::optional<uint64_t> pointer_at(uint64_t address) const {
    for (uint64_t i = 1; i < header.e_shnum; ++i) {
      const Elf64_Shdr s = section(i);
      if (s.sh_type != SHT_RELA || s.sh_entsize != sizeof(Elf64_Rela)) continue;
      for (uint64_t k = 0; k < s.sh_size / sizeof(Elf64_Rela); ++k) {
        const auto rela = read_at<Elf64_Rela>(bytes, s.sh_offset + k * sizeof(Elf64_Rela));
        if (rela.r_offset != address) continue;
        const uint64_t type = ELF64_R_TYPE(rela.r_info);
        if (type == R_X86_64_RELATIVE) return static_cast<uint64_t>(rela.r_addend);
        if (type == R_X86_64_64 && s.sh_link != 0 && s.sh_link < header.e_shnum) {
          const Elf64_Shdr symbols = section(s.sh_link);
          const uint64_t index = ELF64_R_SYM(rela.r_info);
          if (symbols.sh_entsize != sizeof(Elf64_Sym) || index >= symbols.sh_size / sizeof(Elf64_Sym)) {
            return std::nullopt;
          }
          const auto symbol = read_at<Elf64_Sym>(bytes, symbols.sh_offset + index * sizeof(Elf64_Sym));
          if (symbol.st_shndx == SHN_UNDEF) return std::nullopt;
          return symbol.st_value + static_cast<uint64_t>(rela.r_addend);
        }
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // The address of the defined symbol `name` in the dynamic symbol table.
  std::optional<uint64_t> symbol_address(std::string_view name) const {
    for (uint64_t i = 1; i < header.e_shnum; ++i) {
      const Elf64_Shdr s = section(i);
      if (s.sh_type != SHT_DYNSYM) continue;
      const Elf64_Shdr strings = section(s.sh_link);
      for (uint64_t k = 0; k < s.sh_size / sizeof(Elf64_Sym); ++k) {
        const auto symbol = read_at<Elf64_Sym>(bytes, s.sh_offset + k * sizeof(Elf64_Sym));
        if (symbol.st_shndx == SHN_UNDEF || symbol.st_name == 0) continue;
        const char* text = bytes.data() + strings.sh_offset + symbol.st_name;
        if (name == std::string_view(text)) return symbol.st_value;  // NUL-terminated: elf_problem
      }
    }
    return std::nullopt;
  }
};

}  // namespace

std::optional<InfoRecordPeek> peek_info_record(std::string_view bytes, std::string_view alias) {
  if (bytes.size() < sizeof(Elf64_Ehdr)) return std::nullopt;
  Image image{bytes, read_at<Elf64_Ehdr>(bytes, 0)};
  if (image.header.e_machine != EM_X86_64) return std::nullopt;
  auto alias_address = image.symbol_address(alias);
  if (!alias_address) return std::nullopt;
  auto record = image.pointer_at(*alias_address);  // the alias is a pointer to the record
  if (!record) return std::nullopt;
  auto offset = image.offset_of(*record, 8);
  if (!offset) return std::nullopt;
  InfoRecordPeek peek;
  peek.struct_size = read_at<uint32_t>(bytes, *offset);
  peek.abi = read_at<uint32_t>(bytes, *offset + 4);
  // PluginInfo: two uint32_t, then id, kind, version, toolchain (pointers).
  if (auto text = image.pointer_at(*record + 8 + 3 * 8)) {
    if (auto at = image.offset_of(*text, 1)) {
      std::string_view rest = bytes.substr(*at, 256);
      if (std::size_t end = rest.find('\0'); end != std::string_view::npos) peek.toolchain = std::string(rest.substr(0, end));
    }
  }
  return peek;
}

}  // namespace dizgi::plugin
