#include "util/xml.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

namespace dizgi::xml {

using util::trim;

namespace {

void init_libxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

// libxml2 reports some errors (encoding conversion, I/O) through its per-thread generic handler
// instead of the context's, printing them on stderr. While we parse or validate, they are
// collected instead, and the thread's previous handler is put back afterwards.
thread_local std::string* generic_messages = nullptr;

void collect_generic(void*, const char* format, ...) {
  if (generic_messages == nullptr || generic_messages->size() > 4096) return;
  char buffer[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  *generic_messages += buffer;
}

class QuietGenericErrors {
 public:
  explicit QuietGenericErrors(std::string* sink = nullptr)
      : saved_(xmlGenericError), saved_context_(xmlGenericErrorContext), saved_sink_(generic_messages) {
    generic_messages = sink;
    xmlSetGenericErrorFunc(nullptr, &collect_generic);
  }
  ~QuietGenericErrors() {
    xmlSetGenericErrorFunc(saved_context_, saved_);
    generic_messages = saved_sink_;
  }
  QuietGenericErrors(const QuietGenericErrors&) = delete;
  QuietGenericErrors& operator=(const QuietGenericErrors&) = delete;

 private:
  xmlGenericErrorFunc saved_;
  void* saved_context_;
  std::string* saved_sink_;
};

const char* chars(const xmlChar* text) { return reinterpret_cast<const char*>(text); }

std::string owned(xmlChar* text) {
  if (text == nullptr) return {};
  std::string result(chars(text));
  xmlFree(text);
  return result;
}


// --- a scan of the source text: where start tags, attributes and entity declarations begin ---

struct ScannedTag {
  std::string name;
  std::size_t offset = 0;
  std::vector<std::pair<std::string, std::size_t>> attributes;
};

struct Scan {
  std::vector<ScannedTag> tags;         // start tags in document order
  std::vector<std::size_t> entity_decls;  // "<!ENTITY" in the internal subset
};

bool starts_with_at(std::string_view text, std::size_t at, std::string_view prefix) {
  return text.size() >= at && text.substr(at).substr(0, prefix.size()) == prefix;
}

std::size_t after(std::string_view text, std::size_t from, std::string_view end_marker) {
  std::size_t end = text.find(end_marker, from);
  return end == std::string_view::npos ? text.size() : end + end_marker.size();
}

bool is_name_end(char c) {
  return std::isspace(static_cast<unsigned char>(c)) || c == '/' || c == '>' || c == '=';
}

std::size_t skip_doctype(std::string_view text, std::size_t i, Scan& scan) {
  while (i < text.size()) {
    char c = text[i];
    if (c == '"' || c == '\'') {
      i = after(text, i + 1, std::string_view(&text[i], 1));
    } else if (c == '[') {
      ++i;
      while (i < text.size() && text[i] != ']') {
        if (starts_with_at(text, i, "<!--")) {
          i = after(text, i + 4, "-->");
        } else if (starts_with_at(text, i, "<?")) {
          i = after(text, i + 2, "?>");
        } else if (text[i] == '"' || text[i] == '\'') {
          i = after(text, i + 1, std::string_view(&text[i], 1));
        } else {
          if (starts_with_at(text, i, "<!ENTITY")) scan.entity_decls.push_back(i);
          ++i;
        }
      }
      if (i < text.size()) ++i;
    } else if (c == '>') {
      return i + 1;
    } else {
      ++i;
    }
  }
  return i;
}

Scan scan_source(std::string_view text) {
  Scan scan;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t lt = text.find('<', i);
    if (lt == std::string_view::npos) break;
    i = lt;
    if (starts_with_at(text, i, "<!--")) {
      i = after(text, i + 4, "-->");
    } else if (starts_with_at(text, i, "<![CDATA[")) {
      i = after(text, i + 9, "]]>");
    } else if (starts_with_at(text, i, "<?")) {
      i = after(text, i + 2, "?>");
    } else if (starts_with_at(text, i, "<!DOCTYPE")) {
      i = skip_doctype(text, i + 9, scan);
    } else if (starts_with_at(text, i, "</") || starts_with_at(text, i, "<!")) {
      i = after(text, i + 2, ">");
    } else {
      ScannedTag tag;
      tag.offset = i;
      std::size_t j = i + 1;
      while (j < text.size() && !is_name_end(text[j])) ++j;
      tag.name = std::string(text.substr(i + 1, j - i - 1));
      for (;;) {
        while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
        if (j >= text.size() || text[j] == '>' || text[j] == '/' || text[j] == '<') break;
        std::size_t name_start = j;
        while (j < text.size() && !is_name_end(text[j])) ++j;
        tag.attributes.emplace_back(std::string(text.substr(name_start, j - name_start)),
                                    name_start);
        while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
        if (j < text.size() && text[j] == '=') {
          ++j;
          while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
          if (j < text.size() && (text[j] == '"' || text[j] == '\'')) {
            j = after(text, j + 1, std::string_view(&text[j], 1));
          }
        }
        if (j == name_start) break;  // no progress: malformed, give up on this tag
      }
      scan.tags.push_back(std::move(tag));
      i = j;
    }
  }
  return scan;
}

// Byte offsets to 1-based line and column (columns count characters, not bytes).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  Position at(std::size_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    std::size_t line_index = static_cast<std::size_t>(it - starts_.begin()) - 1;
    // Offsets mostly come in increasing order: continue counting from the last one on the same
    // line, so a long single-line file stays linear.
    std::size_t from = starts_[line_index];
    if (line_index == 0 && text_.substr(0, 3) == "\xEF\xBB\xBF") from = std::min<std::size_t>(3, offset);
    uint32_t column = 1;
    if (cache_line_ == line_index && cache_offset_ <= offset) {
      from = cache_offset_;
      column = cache_column_;
    }
    for (std::size_t i = from; i < offset && i < text_.size(); ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    }
    cache_line_ = line_index;
    cache_offset_ = offset;
    cache_column_ = column;
    return {static_cast<uint32_t>(line_index + 1), column};
  }
  // The column of the first start tag named `name` on `line`, if any.
  uint32_t column_of_tag(const Scan& scan, std::string_view name, uint32_t line) const {
    for (const ScannedTag& tag : scan.tags) {
      Position p = at(tag.offset);
      if (p.line == line && tag.name == name) return p.column;
    }
    return 0;
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  mutable std::size_t cache_line_ = static_cast<std::size_t>(-1);
  mutable std::size_t cache_offset_ = 0;
  mutable uint32_t cache_column_ = 1;
};

std::string qualified_name(const xmlNode* node) {
  std::string result;
  if (node->ns != nullptr && node->ns->prefix != nullptr) {
    result = chars(node->ns->prefix);
    result += ':';
  }
  result += chars(node->name);
  return result;
}

// --- parsing -------------------------------------------------------------------------------

struct ParseState {
  bool has_error = false;
  Position at;
  std::string message;
  std::string hint;
  // raw libxml2 error details, for rewording
  int code = 0;
  std::string str1;
  std::string str2;
  int int1 = 0;
  bool forbidden = false;  // refused by us (DOCTYPE content), not by libxml2
};

ParseState& state_of(void* ctx) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  return *static_cast<ParseState*>(ctxt->_private);
}

void refuse(void* ctx, std::string message, std::string hint) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  ParseState& state = state_of(ctx);
  if (!state.has_error) {
    state.has_error = true;
    state.forbidden = true;
    if (ctxt->input != nullptr) {
      state.at = {static_cast<uint32_t>(std::max(ctxt->input->line, 0)),
                  static_cast<uint32_t>(std::max(ctxt->input->col, 0))};
    }
    state.message = std::move(message);
    state.hint = std::move(hint);
  }
  xmlStopParser(ctxt);
}

void on_structured_error(void* ctx, xmlErrorPtr error) {
  if (error == nullptr) return;
  // An undeclared entity is only a warning for libxml2 when the DOCTYPE has parameter-entity
  // references; the reference would then silently vanish from the text. It is an error here.
  bool undeclared_entity =
      error->code == XML_WAR_UNDECLARED_ENTITY || error->code == XML_ERR_UNDECLARED_ENTITY;
  if (error->level < XML_ERR_ERROR && !undeclared_entity) return;
  ParseState& state = state_of(ctx);
  if (state.has_error) return;
  state.has_error = true;
  state.at = {static_cast<uint32_t>(std::max(error->line, 0)),
              static_cast<uint32_t>(std::max(error->int2, 0))};
  state.message = error->message != nullptr ? trim(error->message) : "malformed XML";
  state.code = error->code;
  state.str1 = error->str1 != nullptr ? error->str1 : "";
  state.str2 = error->str2 != nullptr ? error->str2 : "";
  state.int1 = error->int1;
}

void on_entity_decl(void* ctx, const xmlChar* name, int type, const xmlChar* public_id,
                    const xmlChar* system_id, xmlChar* /*content*/) {
  std::string entity = name != nullptr ? chars(name) : "";
  bool external = system_id != nullptr || public_id != nullptr ||
                  type == XML_EXTERNAL_GENERAL_PARSED_ENTITY ||
                  type == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY ||
                  type == XML_EXTERNAL_PARAMETER_ENTITY;
  if (external) {
    std::string where = system_id != nullptr ? chars(system_id) : chars(public_id);
    refuse(ctx,
           "external entity '" + entity + "' ('" + where +
               "') is not allowed; external entities are never loaded",
           "write the content into the file itself");
  } else {
    refuse(ctx, "entity declaration '" + entity + "' is not allowed",
           "write the character itself (UTF-8) or a numeric reference such as &#x130;");
  }
}

void on_internal_subset(void* ctx, const xmlChar* name, const xmlChar* external_id,
                        const xmlChar* system_id) {
  if (external_id != nullptr || system_id != nullptr) {
    std::string where = system_id != nullptr ? chars(system_id) : chars(external_id);
    refuse(ctx, "the DOCTYPE names an external DTD ('" + where + "'); it is never loaded",
           "remove the DOCTYPE line");
    return;
  }
  xmlSAX2InternalSubset(ctx, name, external_id, system_id);
}

void on_external_subset(void*, const xmlChar*, const xmlChar*, const xmlChar*) {}

xmlParserInputPtr on_resolve_entity(void* ctx, const xmlChar* public_id, const xmlChar* system_id) {
  std::string where = system_id != nullptr ? chars(system_id) : public_id != nullptr ? chars(public_id) : "";
  refuse(ctx, "reference to an external resource ('" + where + "') is not allowed",
         "write the content into the file itself");
  return nullptr;
}

// Turns libxml2's parser messages into dizgi's: lowercase, names the tag, says what to do.
void reword(ParseState& state, const Scan& scan, const LineIndex& lines) {
  if (state.forbidden) return;
  switch (state.code) {
    case XML_ERR_TAG_NAME_MISMATCH:
      state.message = "closing tag '</" + state.str2 + ">' does not match '<" + state.str1 +
                      ">' opened on line " + std::to_string(state.int1);
      state.hint = "close <" + state.str1 + "> with </" + state.str1 + "> first";
      // libxml2 reports the column after '>': point at the closing tag's '<' instead.
      if (state.at.column > state.str2.size() + 3) {
        state.at.column -= static_cast<uint32_t>(state.str2.size() + 3);
      }
      break;
    case XML_ERR_TAG_NOT_FINISHED: {
      state.message = "element '<" + state.str1 + ">' is never closed";
      state.hint = "add </" + state.str1 + "> after its content, or write <" + state.str1 + " .../>";
      if (state.int1 > 0) {
        auto line = static_cast<uint32_t>(state.int1);
        state.at = {line, lines.column_of_tag(scan, state.str1, line)};
      }
      break;
    }
    case XML_ERR_DOCUMENT_EMPTY:
      state.message = "the file has no root element";
      state.hint = "the file is empty or not XML";
      break;
    case XML_ERR_DOCUMENT_END:
      state.message = "extra content after the root element";
      state.hint = "a file has exactly one root element; move this inside it or remove it";
      break;
    case XML_ERR_ATTRIBUTE_REDEFINED:
      state.message = "attribute '" + state.str1 + "' is given twice";
      state.hint = "keep one of them";
      break;
    case XML_ERR_LT_IN_ATTRIBUTE:
      state.message = "'<' inside an attribute value";
      state.hint = "write it as &lt; or check for a missing closing quote";
      break;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      if (state.message.rfind("PEReference", 0) == 0) {
        state.message = "unknown parameter entity '%" + state.str1 + ";'";
        state.hint = "entities are not supported; remove the DOCTYPE";
        break;
      }
      state.message = "unknown entity '&" + state.str1 + ";'";
      // libxml2 reports the column after ';': point at the '&' instead.
      if (state.at.column > state.str1.size() + 2) {
        state.at.column -= static_cast<uint32_t>(state.str1.size() + 2);
      }
      state.hint =
          "only &amp; &lt; &gt; &quot; &apos; exist; write the character itself or &#NNN;";
      break;
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
    case XML_ERR_NAME_REQUIRED:
      if (state.message.find("EntityRef") != std::string::npos ||
          state.code == XML_ERR_ENTITYREF_SEMICOL_MISSING) {
        state.message = "'&' does not start an entity reference";
        state.hint = "write a literal & as &amp;";
      } else {
        state.message = "a name is missing here";
        state.hint = "check for a stray '<' (write it as &lt;)";
      }
      break;
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
      if (state.message.find("CharRef") != std::string::npos) {
        state.message = "invalid character reference";
        state.hint = "use &#NNN; or &#xHHH; with a character XML allows";
      } else if (state.message.find("UTF-8") != std::string::npos) {
        state.message = "the file is not valid UTF-8";
        state.hint = "save it as UTF-8";
      } else {
        state.message = "invalid character";
        state.hint = "remove control characters from the file";
      }
      break;
    case XML_ERR_INVALID_CHARREF:
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_HEX_CHARREF:
      state.message = "invalid character reference";
      state.hint = "use &#NNN; or &#xHHH; with a character XML allows";
      break;
    case XML_ERR_UNSUPPORTED_ENCODING:
      state.message = "unsupported encoding '" + state.str1 + "'";
      state.hint = "save the file as UTF-8";
      break;
    case XML_ERR_GT_REQUIRED:
      state.message = "start tag '<" + state.str1 + "' is not closed with '>'";
      state.hint = "check the quotes of its attributes";
      break;
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
      state.message = "attribute value is missing or not quoted";
      state.hint = "write name=\"value\"";
      break;
    default: {
      std::string message = state.message;
      if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
      state.message = "malformed XML: " + message;
      break;
    }
  }
}

}  // namespace

// --- Document ------------------------------------------------------------------------------

void DocDeleter::operator()(xmlDoc* doc) const noexcept { xmlFreeDoc(doc); }

Document::Document(DocPtr doc, std::string display_name, ErrorCode error_code)
    : doc_(std::move(doc)), display_name_(std::move(display_name)), error_code_(error_code) {}
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
Document::~Document() = default;

xmlNode* Document::root() const noexcept {
  return doc_ ? xmlDocGetRootElement(doc_.get()) : nullptr;
}

Location Document::at(const xmlNode* node) const {
  Location location{display_name_};
  if (node == nullptr) return location;
  auto it = positions_.find(node);
  if (it != positions_.end()) {
    location.line = it->second.start.line;
    location.column = it->second.start.column;
  } else {
    location.line = line(node);
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      // libxml2 numbers text by the line where it ends: point at the element it follows (or
      // its parent's start tag) instead.
      const xmlNode* anchor = node->parent;
      for (const xmlNode* before = node->prev; before != nullptr; before = before->prev) {
        if (before->type == XML_ELEMENT_NODE) {
          anchor = before;
          break;
        }
      }
      auto it_anchor = positions_.find(anchor);
      if (it_anchor != positions_.end()) {
        location.line = it_anchor->second.start.line;
        location.column = it_anchor->second.start.column;
      }
    }
  }
  return location;
}

Location Document::at(const xmlNode* element, std::string_view attribute_name) const {
  auto it = positions_.find(element);
  if (it != positions_.end()) {
    for (const auto& [attr_name, position] : it->second.attributes) {
      if (attr_name == attribute_name) {
        return Location{display_name_, position.line, position.column};
      }
    }
  }
  return at(element);
}

void Document::fail(const xmlNode* node, std::string message, std::string hint) const {
  throw Error(error_code_, at(node), std::move(message), std::move(hint));
}

void Document::fail_at(const xmlNode* element, std::string_view attribute_name,
                       std::string message, std::string hint) const {
  throw Error(error_code_, at(element, attribute_name), std::move(message), std::move(hint));
}

// Refuses documents with more elements, or elements with more attributes, than ParseOptions
// allows, naming the line of the first element over the limit. A linear scan of the text
// before libxml2 sees it: libxml2's own checks of duplicate attributes are quadratic.
static void check_counts(std::string_view text, const std::string& display_name, const ParseOptions& options) {
  std::size_t elements = 0;
  uint32_t line = 1;
  auto skip_to = [&](std::size_t& i, std::string_view end) {
    std::size_t found = text.find(end, i);
    std::size_t stop = found == std::string_view::npos ? text.size() : found + end.size();
    line += static_cast<uint32_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(i),
                                             text.begin() + static_cast<std::ptrdiff_t>(stop), '\n'));
    i = stop;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n') ++line;
    if (c != '<') {
      ++i;
      continue;
    }
    std::string_view rest = text.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      skip_to(i, "-->");
    } else if (rest.substr(0, 9) == "<![CDATA[") {
      skip_to(i, "]]>");
    } else if (rest.substr(0, 2) == "<?") {
      skip_to(i, "?>");
    } else if (rest.substr(0, 2) == "<!" || rest.substr(0, 2) == "</") {
      skip_to(i, ">");
    } else {
      const uint32_t element_line = line;
      if (++elements > options.max_elements) {
        throw Error(options.error_code, Location{display_name, element_line, 0, {}},
                    "more than " + std::to_string(options.max_elements) + " elements",
                    "a book names its data and texts in files; it does not hold them");
      }
      std::size_t attributes = 0;
      char quote = 0;
      for (++i; i < text.size(); ++i) {
        char d = text[i];
        if (d == '\n') ++line;
        if (quote) {
          if (d == quote) quote = 0;
        } else if (d == '"' || d == '\'') {
          quote = d;
        } else if (d == '=') {
          if (++attributes > options.max_attributes) {
            throw Error(options.error_code, Location{display_name, element_line, 0, {}},
                        "an element has more than " + std::to_string(options.max_attributes) + " attributes",
                        "remove the attributes the schema does not know");
          }
        } else if (d == '>') {
          ++i;
          break;
        }
      }
    }
  }
}

Document parse_memory(std::string_view text, std::string display_name, const ParseOptions& options) {
  init_libxml();
  if (text.size() > options.max_bytes) {
    throw Error(options.error_code, Location{display_name},
                "file is too large (" + std::to_string(text.size()) + " bytes)",
                "the limit is " + std::to_string(options.max_bytes) + " bytes");
  }
  check_counts(text, display_name, options);
  std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> ctxt(xmlNewParserCtxt(),
                                                                    &xmlFreeParserCtxt);
  if (!ctxt || ctxt->sax == nullptr) {
    throw Error(ErrorCode::internal, Location{display_name}, "cannot create an XML parser");
  }
  std::string generic;
  QuietGenericErrors quiet(&generic);
  ParseState state;
  ctxt->_private = &state;
  ctxt->sax->serror = &on_structured_error;
  ctxt->sax->entityDecl = &on_entity_decl;
  ctxt->sax->internalSubset = &on_internal_subset;
  ctxt->sax->externalSubset = &on_external_subset;
  ctxt->sax->resolveEntity = &on_resolve_entity;
  ctxt->vctxt.error = nullptr;
  ctxt->vctxt.warning = nullptr;

  // No NOENT (entities stay references), no DTDLOAD/DTDATTR/DTDVALID, no XINCLUDE, no network,
  // no HUGE (libxml2 keeps its own limits on depth and entity amplification).
  int flags = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;
  if (!options.keep_blanks) flags |= XML_PARSE_NOBLANKS;
  // The encoding comes from the BOM or the XML declaration (UTF-8 when neither says).
  xmlDoc* raw = xmlCtxtReadMemory(ctxt.get(), text.data(), static_cast<int>(text.size()),
                                  nullptr, nullptr, flags);
  DocPtr doc(raw);
  // libxml2 may keep a partial tree in the context after a failure.
  if (ctxt->myDoc != nullptr && ctxt->myDoc != raw) {
    xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = nullptr;
  }

  Scan scan = scan_source(text);
  LineIndex lines(text);
  if (state.has_error || !doc || ctxt->wellFormed == 0) {
    if (!state.has_error) {
      state.message = "malformed XML";
      state.at = {};
    }
    if (state.forbidden && !scan.entity_decls.empty() &&
        state.message.find("entity") != std::string::npos &&
        state.message.find("reference to") == std::string::npos) {
      state.at = lines.at(scan.entity_decls.front());
    }
    reword(state, scan, lines);
    if (!state.forbidden && (generic.find("encoding error") != std::string::npos ||
                             generic.find("encoder error") != std::string::npos)) {
      state.message = "the file's bytes do not match its encoding";
      state.hint = "save it as UTF-8 and declare encoding=\"UTF-8\" (or no encoding)";
    }
    throw Error(options.error_code, Location{display_name, state.at.line, state.at.column},
                state.message, state.hint);
  }

  Document document(std::move(doc), std::move(display_name), options.error_code);
  // Pair the scanned start tags with the tree's elements, both in document order.
  std::size_t next = 0;
  bool in_step = true;
  auto visit = [&](auto&& self, const xmlNode* node) -> void {
    for (; node != nullptr && in_step; node = node->next) {
      if (node->type != XML_ELEMENT_NODE) continue;
      if (next >= scan.tags.size() || scan.tags[next].name != qualified_name(node)) {
        in_step = false;
        return;
      }
      const ScannedTag& tag = scan.tags[next++];
      Document::ElementPositions positions;
      positions.start = lines.at(tag.offset);
      for (const auto& [attr_name, offset] : tag.attributes) {
        positions.attributes.emplace_back(attr_name, lines.at(offset));
      }
      document.positions_.emplace(node, std::move(positions));
      self(self, node->children);
    }
  };
  visit(visit, document.root());
  return document;
}

Document parse_file(const std::filesystem::path& path, std::string display_name,
                    const ParseOptions& options) {
  if (display_name.empty()) display_name = path.string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw Error(ErrorCode::io, Location{display_name}, "file not found",
                "check the path and the current folder");
  }
  if (std::filesystem::is_directory(path, ec)) {
    throw Error(ErrorCode::io, Location{display_name}, "is a folder, not a file");
  }
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > options.max_bytes) {
    throw Error(options.error_code, Location{display_name},
                "file is too large (" + std::to_string(size) + " bytes)",
                "the limit is " + std::to_string(options.max_bytes) + " bytes");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, Location{display_name}, "cannot read file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_memory(buffer.str(), std::move(display_name), options);
}

// --- node helpers ----------------------------------------------------------------------------

bool is_element(const xmlNode* node, std::string_view element_name) {
  return node != nullptr && node->type == XML_ELEMENT_NODE &&
         (element_name.empty() || element_name == chars(node->name));
}

std::string_view name(const xmlNode* node) {
  return node != nullptr && node->name != nullptr ? std::string_view(chars(node->name))
                                                  : std::string_view();
}

std::vector<xmlNode*> elements(const xmlNode* parent, std::string_view element_name) {
  std::vector<xmlNode*> result;
  if (parent == nullptr) return result;
  for (xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (is_element(child, element_name)) result.push_back(child);
  }
  return result;
}

xmlNode* first_element(const xmlNode* parent, std::string_view element_name) {
  if (parent == nullptr) return nullptr;
  for (xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (is_element(child, element_name)) return child;
  }
  return nullptr;
}

std::optional<std::string> attribute(const xmlNode* element, std::string_view attribute_name) {
  if (element == nullptr || element->type != XML_ELEMENT_NODE) return std::nullopt;
  std::string key(attribute_name);
  xmlChar* value = xmlGetNoNsProp(element, reinterpret_cast<const xmlChar*>(key.c_str()));
  if (value == nullptr) return std::nullopt;
  return owned(value);
}

std::vector<std::pair<std::string, std::string>> attributes(const xmlNode* element) {
  std::vector<std::pair<std::string, std::string>> result;
  if (element == nullptr || element->type != XML_ELEMENT_NODE) return result;
  for (const xmlAttr* attr = element->properties; attr != nullptr; attr = attr->next) {
    std::string attr_name;
    if (attr->ns != nullptr && attr->ns->prefix != nullptr) {
      attr_name = std::string(chars(attr->ns->prefix)) + ":";
    }
    attr_name += chars(attr->name);
    result.emplace_back(std::move(attr_name),
                        owned(xmlNodeListGetString(element->doc, attr->children, 1)));
  }
  return result;
}

std::string text(const xmlNode* node) {
  if (node == nullptr) return {};
  return owned(xmlNodeGetContent(node));
}

uint32_t line(const xmlNode* node) {
  if (node == nullptr) return 0;
  long value = xmlGetLineNo(node);
  return value > 0 ? static_cast<uint32_t>(value) : 0;
}

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = std::string::npos;
  for (const std::string& candidate : candidates) {
    // Edit distance where swapping two neighbouring letters is one edit ("szie" -> "size"),
    // the optimal-string-alignment variant of Damerau-Levenshtein; small strings only.
    auto same = [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    };
    std::vector<std::size_t> before(candidate.size() + 1), row(candidate.size() + 1), next(candidate.size() + 1);
    for (std::size_t j = 0; j <= candidate.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= word.size(); ++i) {
      next[0] = i;
      for (std::size_t j = 1; j <= candidate.size(); ++j) {
        std::size_t cost = same(word[i - 1], candidate[j - 1]) ? 0 : 1;
        next[j] = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + cost});
        if (i > 1 && j > 1 && same(word[i - 1], candidate[j - 2]) && same(word[i - 2], candidate[j - 1])) {
          next[j] = std::min(next[j], before[j - 2] + 1);
        }
      }
      before.swap(row);
      row.swap(next);
    }
    std::size_t distance = row[candidate.size()];
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  if (best && best_distance <= limit) return best;
  return std::nullopt;
}

std::string quoted_list(const std::vector<std::string>& words, std::string_view last_joiner) {
  std::string result;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) {
      result += i + 1 == words.size() ? " " + std::string(last_joiner) + " " : ", ";
    }
    result += "'" + words[i] + "'";
  }
  return result;
}

// --- Schema --------------------------------------------------------------------------------

namespace {

struct ElementRule {
  std::vector<std::string> children;
  std::set<std::string> required_children;
  std::set<std::string> repeatable_children;
  std::vector<std::string> attributes;
  std::set<std::string> required_attributes;
  std::vector<std::vector<std::string>> attribute_choices;
  std::map<std::string, std::vector<std::string>> attribute_values;
  bool any_attribute = false;
  std::set<std::string> any_attribute_except;
  bool text = false;
};

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// The name of an <element>/<attribute> pattern: its name attribute or a <name> child.
std::optional<std::string> pattern_name(const xmlNode* pattern) {
  if (auto value = attribute(pattern, "name")) return trim(*value);
  if (const xmlNode* child = first_element(pattern, "name")) return trim(text(child));
  return std::nullopt;
}

class RuleBuilder {
 public:
  explicit RuleBuilder(const xmlNode* grammar) {
    collect_defines(grammar);
  }

  void walk_children(const xmlNode* container, ElementRule& rule, bool optional, bool repeat,
                     std::set<std::string>& refs) {
    for (const xmlNode* child = container->children; child != nullptr; child = child->next) {
      if (child->type == XML_ELEMENT_NODE) walk(child, rule, optional, repeat, refs);
    }
  }

  std::map<std::string, const xmlNode*> defines;

 private:
  void collect_defines(const xmlNode* node) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (!is_element(child)) continue;
      if (is_element(child, "define")) {
        if (auto define_name = attribute(child, "name")) defines[*define_name] = child;
      }
      collect_defines(child);
    }
  }

  void walk(const xmlNode* pattern, ElementRule& rule, bool optional, bool repeat,
            std::set<std::string>& refs) {
    std::string_view kind = name(pattern);
    if (kind == "element") {
      auto element_name = pattern_name(pattern);
      if (!element_name) return;
      add_unique(rule.children, *element_name);
      if (!optional) rule.required_children.insert(*element_name);
      if (repeat) rule.repeatable_children.insert(*element_name);
    } else if (kind == "attribute") {
      auto attr_name = pattern_name(pattern);
      if (!attr_name) {
        rule.any_attribute = true;
        if (const xmlNode* any = first_element(pattern, "anyName")) {
          if (const xmlNode* except = first_element(any, "except")) {
            for (const xmlNode* n : elements(except, "name")) rule.any_attribute_except.insert(trim(text(n)));
          }
        }
        return;
      }
      add_unique(rule.attributes, *attr_name);
      if (!optional) rule.required_attributes.insert(*attr_name);
      std::vector<std::string> values;
      collect_values(pattern, values);
      if (!values.empty()) rule.attribute_values[*attr_name] = values;
    } else if (kind == "optional") {
      walk_children(pattern, rule, true, repeat, refs);
    } else if (kind == "zeroOrMore") {
      walk_children(pattern, rule, true, true, refs);
    } else if (kind == "oneOrMore") {
      walk_children(pattern, rule, optional, true, refs);
    } else if (kind == "choice") {
      std::vector<xmlNode*> branches = elements(pattern);
      bool all_attributes = !branches.empty() &&
                            std::all_of(branches.begin(), branches.end(), [](const xmlNode* b) {
                              return is_element(b, "attribute") && pattern_name(b).has_value();
                            });
      if (all_attributes && !optional) {
        std::vector<std::string> names;
        for (const xmlNode* branch : branches) names.push_back(*pattern_name(branch));
        rule.attribute_choices.push_back(names);
      }
      walk_children(pattern, rule, true, repeat, refs);
    } else if (kind == "group" || kind == "interleave") {
      walk_children(pattern, rule, optional, repeat, refs);
    } else if (kind == "mixed") {
      rule.text = true;
      walk_children(pattern, rule, optional, repeat, refs);
    } else if (kind == "ref") {
      auto ref_name = attribute(pattern, "name");
      if (!ref_name || refs.count(*ref_name) > 0) return;
      auto it = defines.find(*ref_name);
      if (it == defines.end()) return;
      refs.insert(*ref_name);
      walk_children(it->second, rule, optional, repeat, refs);
      refs.erase(*ref_name);
    } else if (kind == "text" || kind == "data" || kind == "value" || kind == "list") {
      rule.text = true;
    }
  }

  static void collect_values(const xmlNode* pattern, std::vector<std::string>& values) {
    for (const xmlNode* child : elements(pattern)) {
      if (is_element(child, "value")) {
        values.push_back(text(child));
      } else if (is_element(child, "choice")) {
        collect_values(child, values);
      } else if (!is_element(child, "name")) {
        values.clear();  // not a pure enumeration
        return;
      }
    }
  }
};

}  // namespace

struct Schema::Rules {
  std::vector<std::string> roots;
  std::map<std::string, ElementRule> elements;
};

struct Schema::Compiled {
  xmlRelaxNGPtr schema = nullptr;
  std::mutex mutex;
  ~Compiled() {
    if (schema != nullptr) xmlRelaxNGFree(schema);
  }
};

namespace {

struct SchemaErrors {
  struct Entry {
    int code = 0;
    std::string message;
    std::string str1;
    std::string str2;
    const xmlNode* node = nullptr;
    int line = 0;
  };
  std::vector<Entry> entries;
};

void collect_schema_error(void* data, xmlErrorPtr error) {
  if (error == nullptr || error->level < XML_ERR_ERROR) return;
  auto* errors = static_cast<SchemaErrors*>(data);
  if (errors->entries.size() >= 32) return;
  SchemaErrors::Entry entry;
  entry.code = error->code;
  entry.message = error->message != nullptr ? trim(error->message) : "";
  entry.str1 = error->str1 != nullptr ? error->str1 : "";
  entry.str2 = error->str2 != nullptr ? error->str2 : "";
  entry.node = static_cast<const xmlNode*>(error->node);
  entry.line = error->line;
  errors->entries.push_back(std::move(entry));
}

}  // namespace

Schema::Schema(std::string_view rng_text, std::string schema_name)
    : name_(std::move(schema_name)), rules_(std::make_unique<Rules>()),
      compiled_(std::make_unique<Compiled>()) {
  init_libxml();
  if (rng_text.empty()) {
    throw Error(ErrorCode::internal, Location{name_}, "schema is missing from this build");
  }
  QuietGenericErrors quiet;
  SchemaErrors errors;
  xmlRelaxNGParserCtxtPtr parser =
      xmlRelaxNGNewMemParserCtxt(rng_text.data(), static_cast<int>(rng_text.size()));
  if (parser == nullptr) throw Error(ErrorCode::internal, Location{name_}, "cannot read schema");
  xmlRelaxNGSetParserStructuredErrors(parser, &collect_schema_error, &errors);
  compiled_->schema = xmlRelaxNGParse(parser);
  xmlRelaxNGFreeParserCtxt(parser);
  if (compiled_->schema == nullptr) {
    std::string message = errors.entries.empty() ? "invalid schema" : errors.entries.front().message;
    throw Error(ErrorCode::internal, Location{name_}, "broken schema: " + message);
  }

  // The structural rules, read from the same text.
  ParseOptions options;
  options.error_code = ErrorCode::internal;
  Document rng = parse_memory(rng_text, name_, options);
  RuleBuilder builder(rng.root());
  auto visit = [&](auto&& self, const xmlNode* node) -> void {
    for (const xmlNode* child = node; child != nullptr; child = child->next) {
      if (!is_element(child)) continue;
      if (is_element(child, "element")) {
        if (auto element_name = pattern_name(child)) {
          auto [it, inserted] = rules_->elements.try_emplace(*element_name);
          if (inserted) {
            std::set<std::string> refs;
            builder.walk_children(child, it->second, false, false, refs);
          }
        }
      } else if (is_element(child, "start")) {
        ElementRule start;
        std::set<std::string> refs;
        builder.walk_children(child, start, false, false, refs);
        rules_->roots = start.children;
      }
      self(self, child->children);
    }
  };
  visit(visit, rng.root());
  // A schema without <grammar>/<start> is a single top-level <element>.
  if (rules_->roots.empty() && is_element(rng.root(), "element")) {
    if (auto root_name = pattern_name(rng.root())) rules_->roots.push_back(*root_name);
  }
}

Schema::~Schema() = default;

namespace {

std::string allowed_children_hint(const std::string& unknown, const std::vector<std::string>& allowed) {
  if (allowed.empty()) return "this element takes no child elements";
  if (allowed.size() == 1) return "expected '" + allowed.front() + "'";
  std::string hint;
  if (auto guess = closest(unknown, allowed)) hint = "did you mean '" + *guess + "'? ";
  return hint + "expected " + quoted_list(allowed);
}

void check_element(const Document& document, const Schema::Rules& rules, const xmlNode* node) {
  std::string element_name(name(node));
  if (node->ns != nullptr) {
    document.fail(node,
                  "element '" + element_name + "' is in a namespace ('" +
                      std::string(chars(node->ns->href)) + "'); this file format has none",
                  "remove the xmlns attribute and prefixes");
  }
  auto rule_it = rules.elements.find(element_name);
  if (rule_it == rules.elements.end()) return;  // reported by the parent
  const ElementRule& rule = rule_it->second;

  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    std::string attr_name = chars(attr->name);
    if (attr->ns != nullptr && attr->ns->prefix != nullptr) {
      attr_name = std::string(chars(attr->ns->prefix)) + ":" + attr_name;
    }
    bool known = std::find(rule.attributes.begin(), rule.attributes.end(), attr_name) !=
                 rule.attributes.end();
    if (!known && !(rule.any_attribute && attr->ns == nullptr &&
                    rule.any_attribute_except.count(attr_name) == 0)) {
      std::string hint;
      if (rule.attributes.empty()) {
        hint = "'" + element_name + "' takes no attributes";
      } else {
        if (auto guess = closest(attr_name, rule.attributes)) hint = "did you mean '" + *guess + "'? ";
        hint += "allowed: " + quoted_list(rule.attributes, "and");
      }
      document.fail_at(node, attr_name, "unknown attribute '" + attr_name + "' on '" + element_name + "'",
                    hint);
    }
    auto values = rule.attribute_values.find(attr_name);
    if (values != rule.attribute_values.end()) {
      std::string value = *attribute(node, attr_name);
      if (std::find(values->second.begin(), values->second.end(), value) == values->second.end()) {
        document.fail_at(node, attr_name,
                      "attribute '" + attr_name + "' of '" + element_name + "' is '" + value +
                          "', expected " + quoted_list(values->second),
                      closest(value, values->second)
                          ? "did you mean '" + *closest(value, values->second) + "'?"
                          : std::string());
      }
    }
  }
  for (const std::string& required : rule.attributes) {
    if (rule.required_attributes.count(required) > 0 && !attribute(node, required)) {
      document.fail(node,
                    "missing required attribute '" + required + "' on '" + element_name + "'",
                    "write <" + element_name + " " + required + "=\"...\" ...>");
    }
  }
  for (const std::vector<std::string>& choice : rule.attribute_choices) {
    std::vector<std::string> present;
    for (const std::string& option : choice) {
      if (attribute(node, option)) present.push_back(option);
    }
    if (present.empty()) {
      document.fail(node, "'" + element_name + "' needs one of the attributes " + quoted_list(choice),
                    "write <" + element_name + " " + choice.front() + "=\"...\"/>");
    }
    if (present.size() > 1) {
      document.fail_at(node, present[1],
                    "'" + element_name + "' takes only one of " + quoted_list(present),
                    "remove '" + present[1] + "'");
    }
  }

  std::map<std::string, int> seen;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) {
      std::string child_name(name(child));
      if (std::find(rule.children.begin(), rule.children.end(), child_name) == rule.children.end()) {
        document.fail(child, "unknown element '" + child_name + "' in '" + element_name + "'",
                      allowed_children_hint(child_name, rule.children));
      }
      if (++seen[child_name] > 1 && rule.repeatable_children.count(child_name) == 0) {
        document.fail(child, "'" + child_name + "' is given twice in '" + element_name + "'",
                      "keep one");
      }
      check_element(document, rules, child);
    } else if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
               !rule.text) {
      std::string content = trim(text(child));
      if (!content.empty()) {
        if (content.size() > 24) content = content.substr(0, 21) + "...";
        document.fail(child, "unexpected text '" + content + "' in '" + element_name + "'",
                      "remove it; '" + element_name + "' holds only elements");
      }
    }
  }
  for (const std::string& required : rule.children) {
    if (rule.required_children.count(required) > 0 && seen[required] == 0) {
      document.fail(node, "'" + element_name + "' has no '" + required + "'",
                    "add <" + required + "> inside <" + element_name + ">");
    }
  }
}

// libxml2's RelaxNG messages, reworded; used only for what the structural check lets through.
std::string reword_schema_error(const SchemaErrors::Entry& entry, std::string& hint) {
  switch (entry.code) {
    case XML_RELAXNG_ERR_ELEMWRONG:
    case XML_RELAXNG_ERR_INTEREXTRA:
    case XML_RELAXNG_ERR_ELEMEXTRANS:
      hint = "check the order and number of elements";
      return "element '" + entry.str1 + "' is not allowed here";
    case XML_RELAXNG_ERR_ELEMNAME:
      hint = "expected '" + entry.str1 + "'";
      return "unexpected element '" + entry.str2 + "'";
    case XML_RELAXNG_ERR_NOELEM:
      hint = "add <" + entry.str1 + ">";
      return "missing element '" + entry.str1 + "'";
    case XML_RELAXNG_ERR_TEXTWRONG:
      hint = "remove the text";
      return "unexpected text in '" + entry.str1 + "'";
    case XML_RELAXNG_ERR_EXTRACONTENT:
      hint = "remove it";
      return "element '" + entry.str1 + "' has extra content '" + entry.str2 + "'";
    case XML_RELAXNG_ERR_INVALIDATTR:
      hint = "remove it or check its spelling";
      return "attribute '" + entry.str1 + "' is not allowed on '" + entry.str2 + "'";
    default: {
      std::string message = entry.message;
      if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
      hint = "see the file format documentation";
      return "does not match the schema: " + message;
    }
  }
}

}  // namespace

void Schema::validate(const Document& document) const {
  const xmlNode* root = document.root();
  if (root == nullptr) {
    throw Error(document.error_code(), Location{document.display_name()}, "the file has no root element");
  }
  std::string root_name(name(root));
  if (std::find(rules_->roots.begin(), rules_->roots.end(), root_name) == rules_->roots.end()) {
    document.fail(root, "root element is '" + root_name + "', expected " + quoted_list(rules_->roots),
                  "this is not a " + name_ + " file");
  }
  check_element(document, *rules_, root);

  SchemaErrors errors;
  int result = 0;
  {
    QuietGenericErrors quiet;
    std::lock_guard<std::mutex> lock(compiled_->mutex);
    xmlRelaxNGValidCtxtPtr validator = xmlRelaxNGNewValidCtxt(compiled_->schema);
    if (validator == nullptr) {
      throw Error(ErrorCode::internal, Location{document.display_name()}, "cannot create a validator");
    }
    xmlRelaxNGSetValidStructuredErrors(validator, &collect_schema_error, &errors);
    result = xmlRelaxNGValidateDoc(validator, document.get());
    xmlRelaxNGFreeValidCtxt(validator);
  }
  if (result == 0) return;
  if (errors.entries.empty()) {
    document.fail(root, "does not match the schema " + name_, "see the file format documentation");
  }
  // Prefer a specific message over libxml2's "failed to validate content" summaries.
  const SchemaErrors::Entry* best = &errors.entries.front();
  for (const auto& entry : errors.entries) {
    if (entry.code != XML_RELAXNG_ERR_CONTENTVALID && entry.code != XML_RELAXNG_ERR_ATTRVALID) {
      best = &entry;
      break;
    }
  }
  std::string hint;
  std::string message = reword_schema_error(*best, hint);
  const xmlNode* node = best->node != nullptr ? best->node : root;
  document.fail(node, message, hint);
}

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace dizgi::xml
