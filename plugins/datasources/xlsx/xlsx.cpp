// XLSX (Office Open XML SpreadsheetML) rows: workbook.xml for the sheets and the date system,
// the relationships for the sheet parts, sharedStrings.xml, styles.xml for the number formats
// that make a number a date (or a percentage), and each sheet part streamed row by row.
#include "workbook.hpp"
#include "xml_part.hpp"

#include <map>

namespace dizgi::sheet {

namespace {

enum class Format { plain, date, percent };

// Built-in number formats: 14-22 are dates (22 date and time), 9 and 10 are percentages.
Format builtin_format(int id) {
  if (id >= 14 && id <= 22) return Format::date;
  if (id == 9 || id == 10) return Format::percent;
  return Format::plain;
}

// A custom format is a date when it has d or y outside quotes, brackets and escapes (m alone
// may be minutes); a percentage when it has an unquoted '%'.
Format custom_format(const std::string& code) {
  bool date = false, percent = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      std::size_t end = code.find('"', i + 1);
      if (end == std::string::npos) break;
      i = end;
    } else if (c == '[') {
      std::size_t end = code.find(']', i + 1);
      if (end == std::string::npos) break;
      i = end;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == ';') {
      break;  // the first section decides
    } else if (c == 'd' || c == 'D' || c == 'y' || c == 'Y') {
      date = true;
    } else if (c == '%') {
      percent = true;
    }
  }
  return date ? Format::date : percent ? Format::percent : Format::plain;
}

std::string resolve_target(const std::string& target) {
  if (!target.empty() && target.front() == '/') return target.substr(1);
  std::string path = "xl/" + target;
  // Normalise "xl/../x" forms some writers use.
  for (std::size_t up; (up = path.find("/../")) != std::string::npos;) {
    std::size_t start = path.rfind('/', up == 0 ? 0 : up - 1);
    path.erase(start == std::string::npos ? 0 : start, up + 3 - (start == std::string::npos ? 0 : start));
    if (!path.empty() && path.front() == '/') path.erase(0, 1);
  }
  return path;
}

// "C7" -> column 2 (0-based), row 7. False on junk.
bool parse_reference(const std::string& reference, std::size_t& column, uint32_t& row) {
  std::size_t i = 0;
  uint64_t col = 0;
  while (i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z') {
    col = col * 26 + static_cast<uint64_t>(reference[i] - 'A' + 1);
    if (col > 1u << 24) return false;
    ++i;
  }
  if (i == 0 || i == reference.size()) return false;
  uint64_t number = 0;
  for (; i < reference.size(); ++i) {
    if (reference[i] < '0' || reference[i] > '9') return false;
    number = number * 10 + static_cast<uint64_t>(reference[i] - '0');
    if (number > 1u << 30) return false;
  }
  if (number == 0) return false;
  column = static_cast<std::size_t>(col - 1);
  row = static_cast<uint32_t>(number);
  return true;
}

bool parse_index(const std::string& text, uint64_t& out) {
  if (text.empty() || text.size() > 9) return false;
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + static_cast<uint64_t>(c - '0');
  }
  return true;
}

class XlsxWorkbook : public Workbook {
 public:
  XlsxWorkbook(ZipArchive& archive, SheetLimits limits) : archive_(archive), limits_(limits) {
    read_workbook();
    read_relationships();
    if (!shared_strings_part_.empty() && archive_.has(shared_strings_part_)) read_shared_strings();
    if (archive_.has(styles_part_)) read_styles();
  }

  std::vector<std::string> sheet_names() override {
    std::vector<std::string> names;
    for (const auto& sheet : sheets_) names.push_back(sheet.name);
    return names;
  }

  void read(const SheetFilter& want, const RowCallback& row) override {
    for (const auto& sheet : sheets_) {
      if (!want(sheet.name)) continue;
      auto target = relationships_.find(sheet.relationship);
      if (target == relationships_.end()) {
        throw Error(ErrorCode::data, Location{archive_.file(), 0, 0, "sheet '" + sheet.name + "'"},
                    "the sheet has no part in the workbook relationships");
      }
      read_sheet(sheet.name, resolve_target(target->second), row);
    }
  }

 private:
  struct Sheet {
    std::string name;
    std::string relationship;
  };

  Location at(const std::string& sheet, std::size_t column, uint32_t row) const {
    return Location{archive_.file(), 0, 0, "sheet '" + sheet + "', cell " + cell_name(column, row)};
  }

  void read_workbook() {
    XmlPart part(archive_, "xl/workbook.xml");
    while (part.read()) {
      if (part.type() != XML_READER_TYPE_ELEMENT) continue;
      if (part.is("workbookPr")) {
        std::string flag = part.attribute("date1904");
        date1904_ = flag == "1" || flag == "true";
      } else if (part.is("sheet")) {
        Sheet sheet{part.attribute("name"),
                    part.attribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")};
        if (sheet.relationship.empty()) sheet.relationship = part.attribute("r:id");
        sheets_.push_back(std::move(sheet));
      }
    }
  }

  void read_relationships() {
    if (!archive_.has("xl/_rels/workbook.xml.rels")) return;
    XmlPart part(archive_, "xl/_rels/workbook.xml.rels");
    while (part.read()) {
      if (part.type() != XML_READER_TYPE_ELEMENT || !part.is("Relationship")) continue;
      std::string type = part.attribute("Type");
      std::string target = part.attribute("Target");
      relationships_[part.attribute("Id")] = target;
      if (type.size() >= 13 && type.compare(type.size() - 13, 13, "sharedStrings") == 0) {
        shared_strings_part_ = resolve_target(target);
      } else if (type.size() >= 6 && type.compare(type.size() - 6, 6, "styles") == 0) {
        styles_part_ = resolve_target(target);
      }
    }
  }

  void read_shared_strings() {
    XmlPart part(archive_, shared_strings_part_);
    std::string current;
    bool in_item = false, in_text = false;
    int phonetic_depth = -1;
    while (part.read()) {
      int type = part.type();
      if (type == XML_READER_TYPE_ELEMENT) {
        if (part.is("si")) {
          in_item = true;
          current.clear();
          if (part.empty()) {
            strings_.push_back({});
            in_item = false;
          }
        } else if (part.is("rPh")) {
          if (!part.empty()) phonetic_depth = part.depth();
        } else if (part.is("t") && in_item && phonetic_depth < 0) {
          in_text = !part.empty();
        }
      } else if (type == XML_READER_TYPE_END_ELEMENT) {
        if (part.is("si")) {
          strings_.push_back(std::move(current));
          current.clear();
          in_item = false;
        } else if (part.is("rPh") && part.depth() == phonetic_depth) {
          phonetic_depth = -1;
        } else if (part.is("t")) {
          in_text = false;
        }
      } else if (in_text && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                             type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                             type == XML_READER_TYPE_WHITESPACE)) {
        part.append_value(current);
      }
    }
  }

  void read_styles() {
    XmlPart part(archive_, styles_part_);
    std::map<int, Format> custom;
    bool in_cell_xfs = false;
    while (part.read()) {
      int type = part.type();
      if (type == XML_READER_TYPE_ELEMENT) {
        if (part.is("numFmt")) {
          uint64_t id = 0;
          if (parse_index(part.attribute("numFmtId"), id)) {
            custom[static_cast<int>(id)] = custom_format(part.attribute("formatCode"));
          }
        } else if (part.is("cellXfs")) {
          in_cell_xfs = !part.empty();
        } else if (part.is("xf") && in_cell_xfs) {
          uint64_t id = 0;
          parse_index(part.attribute("numFmtId"), id);
          auto it = custom.find(static_cast<int>(id));
          styles_.push_back(it != custom.end() ? it->second : builtin_format(static_cast<int>(id)));
        }
      } else if (type == XML_READER_TYPE_END_ELEMENT && part.is("cellXfs")) {
        in_cell_xfs = false;
      }
    }
  }

  void read_sheet(const std::string& sheet, const std::string& path, const RowCallback& emit) {
    XmlPart part(archive_, path);
    std::vector<data::Cell> cells;
    uint32_t row = 0;
    std::size_t column = 0;
    bool in_row = false, in_cell = false, in_value = false, in_inline = false, in_text = false;
    int phonetic_depth = -1;
    std::string cell_type, style, text;
    bool has_value = false;

    auto flush_row = [&]() {
      if (!cells.empty()) {
        if (row > limits_.max_rows) {
          throw Error(ErrorCode::data, at(sheet, 0, row),
                      "more than " + std::to_string(limits_.max_rows) + " rows",
                      "raise max-rows if the sheet is genuine");
        }
        emit(sheet, row, cells);
      }
      cells.clear();
    };

    while (part.read()) {
      int type = part.type();
      if (type == XML_READER_TYPE_ELEMENT) {
        if (part.is("row")) {
          uint64_t number = 0;
          std::string reference;
          part.each_attribute([&](const char* name, const char* attribute_value) {
            if (name[0] == 'r' && name[1] == 0) reference = attribute_value;
          });
          if (parse_index(reference, number) && number > 0) {
            if (number <= row) {
              throw Error(ErrorCode::data, at(sheet, 0, static_cast<uint32_t>(number)),
                          "rows are out of order");
            }
            row = static_cast<uint32_t>(number);
          } else {
            ++row;
          }
          column = 0;
          in_row = !part.empty();
        } else if (part.is("c") && in_row) {
          std::string reference;
          cell_type.clear();
          style.clear();
          part.each_attribute([&](const char* name, const char* attribute_value) {
            if (name[0] == 0 || name[1] != 0) return;
            if (name[0] == 'r') reference = attribute_value;
            else if (name[0] == 't') cell_type = attribute_value;
            else if (name[0] == 's') style = attribute_value;
          });
          std::size_t col = 0;
          uint32_t ref_row = 0;
          if (!reference.empty()) {
            if (!parse_reference(reference, col, ref_row)) {
              throw Error(ErrorCode::data, at(sheet, column, row),
                          "bad cell reference '" + reference + "'");
            }
            // Messages name a cell by its own reference: one that contradicts its row is refused.
            if (ref_row != 0 && ref_row != row) {
              throw Error(ErrorCode::data, at(sheet, col, ref_row),
                          "cell " + reference + " is written inside row " + std::to_string(row),
                          "the workbook is damaged; open and save it again in the spreadsheet program");
            }
            column = col;
          }
          text.clear();
          has_value = false;
          in_cell = !part.empty();
          if (!in_cell) ++column;
        } else if (in_cell && part.is("v")) {
          in_value = !part.empty();
          has_value = true;
        } else if (in_cell && part.is("is")) {
          in_inline = true;
          has_value = true;
        } else if (in_inline && part.is("rPh")) {
          if (!part.empty()) phonetic_depth = part.depth();
        } else if (in_inline && part.is("t") && phonetic_depth < 0) {
          in_text = !part.empty();
        } else if (in_cell && part.is("f")) {
          part.skip();  // formulas: the cached value in <v> is what we read
        }
      } else if (type == XML_READER_TYPE_END_ELEMENT) {
        if (part.is("v")) {
          in_value = false;
        } else if (part.is("t")) {
          in_text = false;
        } else if (part.is("rPh") && part.depth() == phonetic_depth) {
          phonetic_depth = -1;
        } else if (part.is("is")) {
          in_inline = false;
        } else if (part.is("c") && in_cell) {
          in_cell = false;
          if (has_value) store(sheet, row, column, cell_type, style, text, cells);
          ++column;
        } else if (part.is("row")) {
          in_row = false;
          flush_row();
        } else if (part.is("sheetData")) {
          flush_row();
        }
      } else if ((in_value || in_text) &&
                 (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                  type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                  type == XML_READER_TYPE_WHITESPACE)) {
        part.append_value(text);
        if (text.size() > 32768 * 4) {
          throw Error(ErrorCode::data, at(sheet, column, row), "cell text longer than 128 KiB");
        }
      }
    }
    flush_row();
  }

  void store(const std::string& sheet, uint32_t row, std::size_t column, const std::string& type,
             const std::string& style, std::string& text, std::vector<data::Cell>& cells) {
    data::Cell cell;
    if (type == "s") {
      uint64_t index = 0;
      if (!parse_index(text, index) || index >= strings_.size()) {
        throw Error(ErrorCode::data, at(sheet, column, row),
                    "shared string index '" + text + "' out of range");
      }
      cell.kind = data::Cell::Kind::text;
      cell.text = strings_[index];
    } else if (type == "inlineStr" || type == "str") {
      cell.kind = data::Cell::Kind::text;
      cell.text = std::move(text);
    } else if (type == "b") {
      cell.kind = data::Cell::Kind::boolean;
      cell.boolean = text == "1" || text == "true";
    } else if (type == "e") {
      throw Error(ErrorCode::data, at(sheet, column, row), "the cell holds the error " + text,
                  "fix the formula in the spreadsheet");
    } else if (type == "d") {
      auto date = data::parse_date(text);
      if (!date) {
        throw Error(ErrorCode::data, at(sheet, column, row), "bad date cell '" + text + "'");
      }
      cell.kind = data::Cell::Kind::date;
      cell.date = *date;
    } else {
      cell.kind = data::Cell::Kind::number;
      cell.text = std::move(text);
      uint64_t style_index = 0;
      Format format = Format::plain;
      if (parse_index(style, style_index) && style_index < styles_.size()) {
        format = styles_[style_index];
      }
      auto number = data::parse_number_literal(cell.text);
      if (!number) {
        throw Error(ErrorCode::data, at(sheet, column, row), "not a number: '" + cell.text + "'");
      }
      if (format == Format::date) {
        std::string problem;
        auto date = data::date_from_serial(*number, date1904_, problem);
        if (!date) throw Error(ErrorCode::data, at(sheet, column, row), problem);
        cell.kind = data::Cell::Kind::date;
        cell.date = *date;
      } else if (format == Format::percent) {
        try {
          cell.text = (*number * Decimal{100, 0}).to_string();
        } catch (const Error&) {
          throw Error(ErrorCode::data, at(sheet, column, row), "number out of range");
        }
      }
    }
    if (column >= limits_.max_cols) {
      throw Error(ErrorCode::data, at(sheet, column, row),
                  "beyond column " + std::to_string(limits_.max_cols),
                  "raise max-cols if the sheet is genuine");
    }
    if (row > limits_.max_rows) {
      throw Error(ErrorCode::data, at(sheet, column, row),
                  "more than " + std::to_string(limits_.max_rows) + " rows",
                  "raise max-rows if the sheet is genuine");
    }
    if (cells.size() <= column) cells.resize(column + 1);
    cells[column] = std::move(cell);
  }

  ZipArchive& archive_;
  SheetLimits limits_;
  bool date1904_ = false;
  std::vector<Sheet> sheets_;
  std::map<std::string, std::string> relationships_;
  std::string shared_strings_part_ = "xl/sharedStrings.xml";
  std::string styles_part_ = "xl/styles.xml";
  std::vector<std::string> strings_;
  std::vector<Format> styles_;
};

}  // namespace

std::unique_ptr<Workbook> open_xlsx(ZipArchive& archive, SheetLimits limits) {
  return std::make_unique<XlsxWorkbook>(archive, limits);
}

}  // namespace dizgi::sheet
