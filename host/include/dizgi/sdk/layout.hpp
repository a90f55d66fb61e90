// dizgi/sdk/layout.hpp — the interface of layout plugins (report layouts).
//
// A layout reads the dataset and the narrative texts and composes a doc::Document. It decides
// what goes where; the template decides how it looks. A missing optional table should degrade
// to a placeholder paragraph plus a warning, not an exception (one bad table must not abort a
// 300-page book); a missing required table is an Error(ErrorCode::data). Since: 0.1
#pragma once

#include <dizgi/diagnostics.hpp>
#include <dizgi/export.hpp>
#include <dizgi/model/dataset.hpp>
#include <dizgi/model/document.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace dizgi {

struct LayoutContext {
  const Dataset* data = nullptr;                   // never null
  doc::Metadata metadata;                          // from book.xml
  std::map<std::string, std::string> params;       // <layout> parameters
  std::map<std::string, std::string> texts;        // narrative texts by id (markup, see below)
  std::map<std::string, std::string> text_files;   // the file each text came from, by id
  std::string base_dir;                            // the book's folder
  DiagnosticSink* sink = nullptr;                  // never null when called by the host
  // Non-zero when the user allowed paths outside the book's folder (--allow-outside). Resolve a
  // parameter that names a file with resolve_project_path (dizgi/sdk/files.hpp), which honours
  // it. Since: ABI 2.4 (carved from `reserved`; zero is the 2.0 behaviour: confined)
  uint64_t allow_outside = 0;
  uint64_t reserved[3] = {};                       // room for 2.x scalars (zero = 2.0 behaviour)
};

class DIZGI_API_CLASS Layout {
 public:
  virtual ~Layout();
  virtual doc::Document compose(const LayoutContext& context) = 0;
};

// Turns narrative markup into paragraphs: blank lines separate paragraphs, **bold**, *italic*,
// ^{superscript}, _{subscript}, [^ footnote text] (a footnote span), [@id] (a reference span:
// the label of a table, chart, figure or heading, "Tablo 3.2") and [@sayfa:id] (a page
// reference span), and "- " items become lists. Each block's origin is `origin_file` and the
// line where the block starts. Never throws.
DIZGI_API std::vector<doc::Block> parse_markup(const std::string& text,
                                               const std::string& paragraph_style = "body",
                                               const std::string& origin_file = {});

}  // namespace dizgi
