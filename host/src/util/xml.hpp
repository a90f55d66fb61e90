// Safe XML for dizgi's own files (book.xml, templates, preflight profiles): libxml2 with no
// network, no DTD loading, no entity substitution, and no entity declarations at all — a
// DOCTYPE that declares an entity or names an external DTD is refused before anything is
// expanded, so "billion laughs" and external-entity (XXE) files fail fast with an error.
//
// Every error is a dizgi::Error carrying file:line:col. libxml2 keeps only line numbers on
// nodes; Document adds the column of every start tag and attribute from its own scan of the
// source text, so errors found after parsing (schema, paths, values) point at the exact place.
//
// Thread-safe: each parse uses its own parser context with context-level error handlers.
#pragma once

#include <dizgi/diagnostics.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <libxml/tree.h>

namespace dizgi::xml {

struct DocDeleter {
  void operator()(xmlDoc* doc) const noexcept;
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

struct Position {
  uint32_t line = 0;
  uint32_t column = 0;
};

struct ParseOptions {
  bool keep_blanks = false;              // false: XML_PARSE_NOBLANKS
  std::size_t max_bytes = 32u << 20;     // larger inputs are refused before parsing
  // Counts are capped right after parsing, before anything slower (positions, validation):
  // a book or template has hundreds of elements, not hundreds of thousands.
  std::size_t max_elements = 20000;
  std::size_t max_attributes = 256;      // on one element
  ErrorCode error_code = ErrorCode::project;  // the code of every Error thrown
};

// A parsed document plus the source positions of its elements and attributes.
class Document {
 public:
  Document(DocPtr doc, std::string display_name, ErrorCode error_code);
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  ~Document();

  xmlDoc* get() const noexcept { return doc_.get(); }
  xmlNode* root() const noexcept;
  // The name used in diagnostics (the path as the user wrote it).
  const std::string& display_name() const noexcept { return display_name_; }
  ErrorCode error_code() const noexcept { return error_code_; }

  // Where an element's start tag begins ('<'), or an attribute's name. Falls back to the
  // element (and to libxml2's line number) when the column is not known.
  Location at(const xmlNode* node) const;
  Location at(const xmlNode* element, std::string_view attribute) const;

  // Throw Error(error_code(), at(node), ...) and Error(error_code(), at(element, attribute), ...).
  [[noreturn]] void fail(const xmlNode* node, std::string message, std::string hint = {}) const;
  [[noreturn]] void fail_at(const xmlNode* element, std::string_view attribute,
                            std::string message, std::string hint = {}) const;

 private:
  friend Document parse_memory(std::string_view, std::string, const ParseOptions&);
  struct ElementPositions {
    Position start;
    std::vector<std::pair<std::string, Position>> attributes;
  };
  DocPtr doc_;
  std::string display_name_;
  ErrorCode error_code_;
  std::unordered_map<const xmlNode*, ElementPositions> positions_;
};

// Parses XML text. `display_name` names it in errors. Throws Error(options.error_code) with
// file:line:col for malformed XML, forbidden DOCTYPE content, or oversized input.
Document parse_memory(std::string_view text, std::string display_name,
                      const ParseOptions& options = {});

// Reads and parses a file; `display_name` defaults to the path as given.
Document parse_file(const std::filesystem::path& path, std::string display_name = {},
                    const ParseOptions& options = {});

// A compiled RelaxNG schema. Validation reports the first problem with file:line:col. Before
// libxml2's validator runs, a structural check derived from the schema itself (allowed child
// elements and attributes, required ones, one-of attribute choices, enumerated values) gives
// precise messages: "unknown element 'sourc' in 'data' (hint: expected 'source')". libxml2's
// own messages are used, reworded, only for what that check does not cover.
class Schema {
 public:
  // Compiles `rng_text`; `name` names the schema in errors. Throws Error(ErrorCode::internal)
  // when the schema itself is broken.
  Schema(std::string_view rng_text, std::string name);
  ~Schema();
  Schema(const Schema&) = delete;
  Schema& operator=(const Schema&) = delete;

  // Throws Error(document.error_code()) at the first problem.
  void validate(const Document& document) const;

  struct Rules;  // what the structural check knows, derived from the schema

 private:
  std::string name_;
  std::unique_ptr<Rules> rules_;
  struct Compiled;
  std::unique_ptr<Compiled> compiled_;
};

// --- node helpers (namespace-free documents) --------------------------------------------------

bool is_element(const xmlNode* node, std::string_view name = {});
std::string_view name(const xmlNode* node);
// The element children of `parent`, optionally only those named `name`.
std::vector<xmlNode*> elements(const xmlNode* parent, std::string_view name = {});
xmlNode* first_element(const xmlNode* parent, std::string_view name);
// An attribute without namespace, if present.
std::optional<std::string> attribute(const xmlNode* element, std::string_view name);
// All attributes in document order, as (name, value).
std::vector<std::pair<std::string, std::string>> attributes(const xmlNode* element);
// The concatenated text content of a node and its descendants.
std::string text(const xmlNode* node);
// libxml2's line number of a node (0 when unknown).
uint32_t line(const xmlNode* node);

// The closest candidate by edit distance (a swap of two neighbouring letters is one edit), if
// close enough to be a likely typo.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);
// "'a', 'b' or 'c'"
std::string quoted_list(const std::vector<std::string>& words, std::string_view last_joiner = "or");

// Text for XML (and HTML) content and attribute values: & < > " ' as entities.
std::string escape(std::string_view text);

}  // namespace dizgi::xml
