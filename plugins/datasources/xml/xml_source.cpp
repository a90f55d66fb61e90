#include "xml_source.hpp"

#include <dizgi/sdk/files.hpp>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>

namespace dizgi::xml {

namespace {

struct ReaderDeleter {
  void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
};

std::string to_string(const xmlChar* text) {
  return text ? std::string(reinterpret_cast<const char*>(text)) : std::string();
}

std::string owned(xmlChar* text) {
  std::string result = to_string(text);
  if (text) xmlFree(text);
  return result;
}

// The first error libxml2 reports, with its line: parse errors and RelaxNG validity errors.
struct ErrorCollector {
  std::optional<std::string> message;
  uint32_t line = 0;
};

void collect_error(void* user, const xmlError* error) {
  auto* collector = static_cast<ErrorCollector*>(user);
  if (collector->message || !error || error->level < XML_ERR_ERROR) return;
  std::string text = error->message ? error->message : "malformed XML";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  collector->message = text;
  collector->line = error->line > 0 ? static_cast<uint32_t>(error->line) : 0;
}

void structured_error(void* user, xmlErrorPtr error) { collect_error(user, error); }

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct RelaxNGDeleter {
  void operator()(xmlRelaxNG* schema) const { xmlRelaxNGFree(schema); }
};
struct RelaxNGParserDeleter {
  void operator()(xmlRelaxNGParserCtxt* context) const { xmlRelaxNGFreeParserCtxt(context); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;
using RelaxNGPtr = std::unique_ptr<xmlRelaxNG, RelaxNGDeleter>;

constexpr std::size_t max_schema_bytes = 4u << 20;
constexpr int max_schema_depth = 8;

// Parses a schema file with the rules of book.xml: no network, no DTD, no entity substitution,
// a regular file of bounded size.
DocPtr parse_schema_file(const ProjectFile& file, const Location& at) {
  std::string text = read_project_file(file, max_schema_bytes, at);
  DocPtr doc(xmlReadMemory(text.data(), static_cast<int>(text.size()), file.path.c_str(), nullptr,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) {
    throw Error(ErrorCode::data, at, "RelaxNG schema '" + file.display + "' is not well-formed XML",
                "check the schema file");
  }
  return doc;
}

// Every <include href> and <externalRef href> of a schema (and of what they include) must name
// a file in the project: libxml2 would otherwise fetch URLs and read any local file.
void check_schema_references(xmlNode* node, const std::filesystem::path& schema_file,
                             const std::string& project_dir, const Location& at, int depth) {
  for (; node; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    std::string name = to_string(node->name);
    if (name == "include" || name == "externalRef") {
      std::string href = owned(xmlGetProp(node, BAD_CAST "href"));
      std::size_t colon = href.find(':');
      if (href.empty() || (colon != std::string::npos && href.find('/') > colon)) {
        throw Error(ErrorCode::data, at,
                    "RelaxNG schema '" + schema_file.filename().string() + "' refers to '" + href +
                        "', which is not a file in the project",
                    "schemas may include only files of the book's folder, by relative path");
      }
      if (depth >= max_schema_depth) {
        throw Error(ErrorCode::data, at, "RelaxNG schema includes nest deeper than " + std::to_string(max_schema_depth),
                    "flatten the schema");
      }
      std::filesystem::path target = std::filesystem::path(href).is_absolute()
                                         ? std::filesystem::path(href)
                                         : schema_file.parent_path() / href;
      ProjectFile included = resolve_project_path(project_dir, target.string(), at, false);
      included.display = href;
      DocPtr doc = parse_schema_file(included, at);
      check_schema_references(xmlDocGetRootElement(doc.get()), included.path, project_dir, at, depth + 1);
    }
    check_schema_references(node->children, schema_file, project_dir, at, depth);
  }
}

// Loads the RelaxNG schema `path` (already confined to the project) after checking what it
// refers to.
RelaxNGPtr load_schema(const std::string& path, const std::string& written, const std::string& project_dir,
                       const Location& at, ErrorCollector& errors) {
  ProjectFile file{std::filesystem::path(path), written, true};
  DocPtr doc = parse_schema_file(file, at);
  std::string folder = project_dir.empty() ? std::filesystem::path(path).parent_path().string() : project_dir;
  check_schema_references(xmlDocGetRootElement(doc.get()), file.path, folder, at, 0);
  std::unique_ptr<xmlRelaxNGParserCtxt, RelaxNGParserDeleter> context(xmlRelaxNGNewDocParserCtxt(doc.get()));
  if (!context) throw Error(ErrorCode::data, at, "cannot read the RelaxNG schema '" + written + "'");
  xmlRelaxNGSetParserStructuredErrors(context.get(), structured_error, &errors);
  RelaxNGPtr schema(xmlRelaxNGParse(context.get()));
  if (!schema) {
    throw Error(ErrorCode::data, at, "cannot use the RelaxNG schema '" + written + "'",
                errors.message ? *errors.message : "check that it is valid RelaxNG");
  }
  return schema;
}

class Parser {
 public:
  Parser(xmlTextReader* reader, std::string file, const data::Schema& schema,
         const data::Params& params, std::string base_dir, const TableOpened& opened)
      : reader_(reader),
        file_(std::move(file)),
        schema_(schema),
        params_(params),
        base_dir_(std::move(base_dir)),
        opened_(opened) {
    table_element_ = data::param_or(params, "table-element", "table");
    row_element_ = data::param_or(params, "row-element", "row");
    name_attribute_ = data::param_or(params, "name-attribute", "name");
    fixed_table_ = data::param_or(params, "table", "");
    style_ = data::number_style(params, data::NumberStyle::classic, Location{file_, 0, 0, {}});
  }

  std::size_t run(ErrorCollector& errors) {
    int status = 0;
    while ((status = xmlTextReaderRead(reader_)) == 1) {
      if (errors.message) break;
      step();
    }
    if (status < 0 || errors.message) {
      throw Error(ErrorCode::data, Location{file_, errors.line ? errors.line : line(), 0, {}},
                  errors.message ? lowercase_first(*errors.message) : "malformed XML");
    }
    return rows_;
  }

 private:
  static std::string lowercase_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z' && (text.size() < 2 || text[1] < 'A' || text[1] > 'Z')) {
      text[0] = static_cast<char>(text[0] - 'A' + 'a');
    }
    return text;
  }

  uint32_t line() const {
    int number = xmlTextReaderGetParserLineNumber(reader_);
    return number > 0 ? static_cast<uint32_t>(number) : 0;
  }

  Location here() const { return Location{file_, line(), 0, {}}; }

  std::string name() const { return to_string(xmlTextReaderConstLocalName(reader_)); }

  void open_table(const std::string& table_name) {
    table_ = &schema_.require(table_name, here());
    rules_.emplace(*table_, params_, base_dir_, here());
    bindings_.clear();
    sink_ = &opened_(*table_);
  }

  void start_row() {
    row_.assign(table_->columns.size(), Value{});
    seen_.assign(table_->columns.size(), false);
    row_line_ = line();
    // Column values may also be attributes of the row element.
    if (xmlTextReaderHasAttributes(reader_) == 1) {
      while (xmlTextReaderMoveToNextAttribute(reader_) == 1) {
        std::string attribute = name();
        if (to_string(xmlTextReaderConstPrefix(reader_)).size() > 0 || attribute == "xmlns") continue;
        set_value(attribute, to_string(xmlTextReaderConstValue(reader_)));
      }
      xmlTextReaderMoveToElement(reader_);
    }
  }

  int column_of(const std::string& element) {
    auto it = bindings_.find(element);
    if (it != bindings_.end()) return it->second;
    int index = rules_->resolve(element, here());
    bindings_.emplace(element, index);
    return index;
  }

  void set_value(const std::string& element, std::string text) {
    int index = column_of(element);
    if (index < 0) return;
    auto column_index = static_cast<std::size_t>(index);
    const Column& column = table_->columns[column_index];
    if (seen_[column_index]) {
      throw Error(ErrorCode::data, here(), "column '" + column.name + "' given twice in one row");
    }
    seen_[column_index] = true;
    data::Cell cell;
    cell.kind = data::Cell::Kind::text;
    cell.text = std::move(text);
    std::string problem;
    auto value = data::convert(cell, column, style_, false, problem);
    if (!value) throw Error(ErrorCode::data, here(), "column '" + column.name + "': " + problem);
    row_[column_index] = std::move(*value);
  }

  void end_row() {
    for (std::size_t c = 0; c < row_.size(); ++c) {
      if (is_null(row_[c]) && !table_->columns[c].nullable) {
        throw Error(ErrorCode::data, Location{file_, row_line_, 0, {}},
                    "column '" + table_->columns[c].name + "': a value is required",
                    "add <" + table_->columns[c].name + "> to the <" + row_element_ + ">");
      }
    }
    sink_->row(std::move(row_));
    ++rows_;
  }

  void step() {
    int type = xmlTextReaderNodeType(reader_);
    int depth = xmlTextReaderDepth(reader_);
    bool empty = xmlTextReaderIsEmptyElement(reader_) == 1;
    if (skipping_) {
      if (type == XML_READER_TYPE_END_ELEMENT && depth == 1) skipping_ = false;
      return;
    }
    switch (type) {
      case XML_READER_TYPE_ENTITY_REFERENCE:
      case XML_READER_TYPE_ENTITY:
        throw Error(ErrorCode::data, here(), "entity references are not allowed in data files",
                    "write the character itself (the file is UTF-8)");
      case XML_READER_TYPE_ELEMENT: element(depth, empty); return;
      case XML_READER_TYPE_END_ELEMENT: end_element(depth); return;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
        if (in_column_) {
          text_ += to_string(xmlTextReaderConstValue(reader_));
          if (text_.size() > max_text_bytes) {
            throw Error(ErrorCode::data, here(), "value longer than 16 MiB");
          }
        } else if (in_row_ || table_) {
          std::string stray = to_string(xmlTextReaderConstValue(reader_));
          if (stray.find_first_not_of(" \t\r\n") != std::string::npos) {
            throw Error(ErrorCode::data, here(), "text outside a column element",
                        "put values inside <column> elements of a <" + row_element_ + ">");
          }
        }
        return;
      default: return;
    }
  }

  void element(int depth, bool empty) {
    std::string element_name = name();
    if (depth == 0) return;  // the root: any name
    if (in_column_) {
      throw Error(ErrorCode::data, here(),
                  "element <" + element_name + "> inside column <" + column_name_ + ">",
                  "a column holds text only");
    }
    if (in_row_) {
      column_name_ = element_name;
      text_.clear();
      if (empty) {
        set_value(column_name_, {});
      } else {
        in_column_ = true;
      }
      return;
    }
    if (table_ && depth == table_depth_ + 1 && element_name == row_element_) {
      start_row();
      if (empty) {
        end_row();
      } else {
        in_row_ = true;
      }
      return;
    }
    if (depth == 1 && element_name == table_element_) {
      std::string table_name = owned(
          xmlTextReaderGetAttribute(reader_, reinterpret_cast<const xmlChar*>(name_attribute_.c_str())));
      if (table_name.empty()) table_name = fixed_table_;
      if (table_name.empty()) {
        throw Error(ErrorCode::data, here(),
                    "<" + table_element_ + "> without a " + name_attribute_ + "= attribute",
                    "name the table: <" + table_element_ + " " + name_attribute_ + "=\"birim\">");
      }
      if (!fixed_table_.empty() && table_name != fixed_table_) {
        skipping_ = !empty;  // another table: skip it whole
        return;
      }
      open_table(table_name);
      table_depth_ = 1;
      if (empty) table_ = nullptr;
      return;
    }
    if (depth == 1 && element_name == row_element_ && !fixed_table_.empty()) {
      // Rows directly under the root: <birimler><birim>...</birim></birimler> with table=birim.
      if (!table_) {
        open_table(fixed_table_);
        table_depth_ = 0;
      }
      start_row();
      if (empty) {
        end_row();
      } else {
        in_row_ = true;
      }
      return;
    }
    throw Error(ErrorCode::data, here(), "unexpected element <" + element_name + ">",
                "expected <" + (table_ ? row_element_ : table_element_) + ">");
  }

  void end_element(int depth) {
    if (in_column_) {
      in_column_ = false;
      set_value(column_name_, std::move(text_));
      text_.clear();
      return;
    }
    if (in_row_) {
      in_row_ = false;
      end_row();
      return;
    }
    if (table_ && depth == table_depth_ && table_depth_ == 1) table_ = nullptr;
  }

  static constexpr std::size_t max_text_bytes = 16 * 1024 * 1024;

  xmlTextReader* reader_;
  std::string file_;
  const data::Schema& schema_;
  const data::Params& params_;
  std::string base_dir_;
  const TableOpened& opened_;
  std::string table_element_, row_element_, name_attribute_, fixed_table_;
  data::NumberStyle style_ = data::NumberStyle::classic;

  const data::SchemaTable* table_ = nullptr;
  std::optional<data::HeaderRules> rules_;
  std::map<std::string, int> bindings_;
  data::RowSink* sink_ = nullptr;
  int table_depth_ = 0;
  bool skipping_ = false;
  bool in_row_ = false;
  bool in_column_ = false;
  std::string column_name_;
  std::string text_;
  std::vector<Value> row_;
  std::vector<bool> seen_;
  uint32_t row_line_ = 0;
  std::size_t rows_ = 0;
};

}  // namespace

std::size_t read(const std::string& path, const char* memory, std::size_t size,
                 const std::string& file, const data::Schema& schema, const data::Params& params,
                 const std::string& base_dir, const TableOpened& opened) {
  // The schema first (it must outlive the reader that validates with it).
  ErrorCollector errors;
  RelaxNGPtr relaxng;
  if (auto it = params.find("schema"); it != params.end() && !it->second.empty()) {
    std::string schema_path = it->second;
    if (!base_dir.empty() && schema_path.front() != '/') schema_path = base_dir + "/" + schema_path;
    relaxng = load_schema(schema_path, it->second, base_dir, Location{file, 0, 0, {}}, errors);
  }
  // No network, no DTD loading, no entity substitution, no XInclude: a data file is data.
  const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
  std::unique_ptr<xmlTextReader, ReaderDeleter> reader(
      memory ? xmlReaderForMemory(memory, static_cast<int>(size), nullptr, "UTF-8", options)
             : xmlReaderForFile(path.c_str(), nullptr, options));
  if (!reader) {
    throw Error(ErrorCode::io, Location{file, 0, 0, {}}, "cannot open the XML file");
  }
  xmlTextReaderSetStructuredErrorHandler(reader.get(), structured_error, &errors);
  if (relaxng && xmlTextReaderRelaxNGSetSchema(reader.get(), relaxng.get()) != 0) {
    throw Error(ErrorCode::data, Location{file, 0, 0, {}},
                "cannot use the RelaxNG schema '" + params.at("schema") + "'",
                errors.message ? *errors.message : "check that it is valid RelaxNG");
  }
  Parser parser(reader.get(), file, schema, params, base_dir, opened);
  std::size_t rows = parser.run(errors);
  if (errors.message) {
    throw Error(ErrorCode::data, Location{file, errors.line, 0, {}}, *errors.message);
  }
  return rows;
}

void load(const DataSourceContext& context, Dataset& dataset) {
  std::string path = data::resolve_path(context, data::require_param(context, "file"));
  std::string file = data::display_name(path);
  data::Schema schema = data::Schema::for_context(context);
  data::TableCollector collected(file);
  TableOpened opened = [&](const data::SchemaTable& table) -> data::RowSink& { return collected.open(table); };
  data::Params params = data::checked_params(context);
  if (auto it = params.find("schema"); it != params.end() && !it->second.empty()) {
    it->second = data::resolve_path(context, it->second);
  }
  read(path, nullptr, 0, file, schema, params, context.base_dir, opened);
  collected.put_into(dataset);
}

}  // namespace dizgi::xml
