// Writes small PDFs object by object for the preflight tests: every test file is generated at
// test time from this text, with a correct cross-reference table, so no binary PDF is committed.
#pragma once

#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace dizgi::preflight::testing {

// Object bodies by number; build() numbers nothing itself, so tests can refer to "21 0 R".
class PdfBuilder {
 public:
  void set(int number, std::string body) { objects_[number] = std::move(body); }

  static std::string stream(const std::string& dict_entries, const std::string& data) {
    return "<< " + dict_entries + " /Length " + std::to_string(data.size()) + " >>\nstream\n" +
           data + "\nendstream";
  }

  // The whole file: header, objects, xref (free entries for unused numbers), trailer.
  std::string build(int root, int info) const {
    std::string out = "%PDF-1.6\n%\xE2\xE3\xCF\xD3\n";
    const int size = objects_.empty() ? 1 : objects_.rbegin()->first + 1;
    std::vector<std::size_t> offsets(static_cast<std::size_t>(size), 0);
    for (const auto& [number, body] : objects_) {
      offsets[static_cast<std::size_t>(number)] = out.size();
      out += std::to_string(number) + " 0 obj\n" + body + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(size) + "\n";
    char line[32];
    for (int i = 0; i < size; ++i) {
      const std::size_t offset = offsets[static_cast<std::size_t>(i)];
      if (offset == 0) std::snprintf(line, sizeof line, "%010d %05d f\r\n", 0, i == 0 ? 65535 : 0);
      else std::snprintf(line, sizeof line, "%010zu %05d n\r\n", offset, 0);
      out += line;
    }
    out += "trailer\n<< /Size " + std::to_string(size) + " /Root " + std::to_string(root) + " 0 R";
    if (info > 0) out += " /Info " + std::to_string(info) + " 0 R";
    out += " /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return out;
  }

 private:
  std::map<int, std::string> objects_;
};

}  // namespace dizgi::preflight::testing
