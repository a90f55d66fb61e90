// Hostile shared objects in a plugin folder (issue 16): section header names and offsets that
// point outside the file crashed `dizgi plugins` inside Boost.DLL's library_info. The loader
// validates the ELF structure itself first; each broken copy of the ok fixture (made here, no
// binaries committed) is one "not a dizgi plugin" warning, never a crash.
#include "plugin/elf_check.hpp"
#include "plugin/host.hpp"

#include <dizgi/diagnostics.hpp>

#include <gtest/gtest.h>

#include <cstring>
#include <elf.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>

namespace {

namespace fs = std::filesystem;
using dizgi::plugin::elf_problem;

std::string ok_image() {
  std::ifstream in(fs::path(DIZGI_FIXTURE_PLUGIN_DIR) / "dizgi-fixture-ok.so", std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

Elf64_Ehdr header_of(const std::string& image) {
  Elf64_Ehdr header;
  std::memcpy(&header, image.data(), sizeof header);
  return header;
}

void put_header(std::string& image, const Elf64_Ehdr& header) { std::memcpy(image.data(), &header, sizeof header); }

Elf64_Shdr section_of(const std::string& image, std::size_t index) {
  Elf64_Shdr section;
  std::memcpy(&section, image.data() + header_of(image).e_shoff + index * sizeof section, sizeof section);
  return section;
}

void put_section(std::string& image, std::size_t index, const Elf64_Shdr& section) {
  std::memcpy(image.data() + header_of(image).e_shoff + index * sizeof section, &section, sizeof section);
}

// Writes the broken image as a plugin file and loads it: one warning, no plugin, no crash.
void expect_refused(const std::string& name, const std::string& image, const std::string& problem) {
  ASSERT_TRUE(elf_problem(image).has_value()) << name;
  EXPECT_NE(elf_problem(image)->find(problem), std::string::npos) << *elf_problem(image);
  fs::path dir = fs::path(DIZGI_TEST_BINARY_DIR) / "elf-plugins";
  fs::create_directories(dir);
  fs::path file = dir / ("dizgi-" + name + ".so");
  std::ofstream(file, std::ios::binary).write(image.data(), static_cast<std::streamsize>(image.size()));
  dizgi::plugin::Host host;
  dizgi::DiagnosticSink sink;
  EXPECT_EQ(host.load_file(file, sink), dizgi::plugin::LoadStatus::not_a_plugin);
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_NE(sink.diagnostics().front().message.find("not a dizgi plugin"), std::string::npos);
  EXPECT_TRUE(host.plugins().empty());
}

TEST(PluginElf, TheOkFixtureIsWellFormed) {
  std::string image = ok_image();
  ASSERT_GT(image.size(), sizeof(Elf64_Ehdr));
  EXPECT_EQ(elf_problem(image), std::nullopt);
}

TEST(PluginElf, SectionNameTableIndexOutOfRange) {
  std::string image = ok_image();
  Elf64_Ehdr header = header_of(image);
  header.e_shstrndx = static_cast<Elf64_Half>(header.e_shnum + 5);
  put_header(image, header);
  expect_refused("bad-shstrndx", image, "section name table index");
}

TEST(PluginElf, SectionNameOutsideTheNameTable) {
  std::string image = ok_image();
  Elf64_Shdr section = section_of(image, 1);
  section.sh_name = 0x7fffffff;
  put_section(image, 1, section);
  expect_refused("bad-sh-name", image, "name outside the section name table");
}

TEST(PluginElf, SectionNameTableOutsideTheFile) {
  std::string image = ok_image();
  Elf64_Ehdr header = header_of(image);
  Elf64_Shdr names = section_of(image, header.e_shstrndx);
  names.sh_offset = image.size() - 4;
  names.sh_size = 4096;
  put_section(image, header.e_shstrndx, names);
  expect_refused("bad-shstrtab", image, "outside the file");
}

TEST(PluginElf, SectionHeadersOutsideTheFile) {
  std::string image = ok_image();
  Elf64_Ehdr header = header_of(image);
  header.e_shoff = ~Elf64_Off{0} - 8;  // overflows when added to the table size
  put_header(image, header);
  expect_refused("bad-shoff", image, "section headers outside the file");
}

TEST(PluginElf, SymbolNamesOutsideTheirStringTable) {
  std::string image = ok_image();
  Elf64_Ehdr header = header_of(image);
  for (std::size_t i = 0; i < header.e_shnum; ++i) {
    Elf64_Shdr section = section_of(image, i);
    if (section.sh_type != SHT_DYNSYM) continue;
    Elf64_Sym symbol;
    std::memcpy(&symbol, image.data() + section.sh_offset + sizeof symbol, sizeof symbol);
    symbol.st_name = 0x7ffffff0;
    std::memcpy(image.data() + section.sh_offset + sizeof symbol, &symbol, sizeof symbol);
  }
  expect_refused("bad-st-name", image, "outside its string table");
}

TEST(PluginElf, NeverReadsOutsideTruncatedOrFlippedImages) {
  // Every prefix length around the headers, and single flipped bytes across the header and the
  // section table: elf_problem must answer without reading out of bounds (ASan checks).
  std::string image = ok_image();
  for (std::size_t keep = 0; keep < 256; ++keep) (void)elf_problem(std::string_view(image).substr(0, keep));
  Elf64_Ehdr header = header_of(image);
  for (std::size_t at = 0; at < sizeof(Elf64_Ehdr); ++at) {
    std::string copy = image;
    copy[at] = static_cast<char>(copy[at] ^ 0xff);
    (void)elf_problem(copy);
  }
  for (std::size_t at = header.e_shoff; at < image.size(); at += 7) {
    std::string copy = image;
    copy[at] = static_cast<char>(copy[at] ^ 0x80);
    (void)elf_problem(copy);
  }
  SUCCEED();
}

}  // namespace
