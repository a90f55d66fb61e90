// ODS (OpenDocument spreadsheet) rows: content.xml streamed once, table:table elements as
// sheets, typed cells from office:value-type (float, percentage, currency, date, boolean,
// string), and repeated rows and cells expanded only while they carry values, within the limits.
#include "workbook.hpp"
#include "xml_part.hpp"

namespace dizgi::sheet {

namespace {

constexpr const char* table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr const char* office_ns = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr const char* text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

uint64_t repeat_count(const std::string& text) {
  if (text.empty() || text.size() > 10) return 1;
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 1;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return value == 0 ? 1 : value;
}

class OdsWorkbook : public Workbook {
 public:
  OdsWorkbook(ZipArchive& archive, SheetLimits limits) : archive_(archive), limits_(limits) {
    if (!archive_.has("content.xml")) {
      throw Error(ErrorCode::data, Location{archive_.file(), 0, 0, {}},
                  "no content.xml: not an OpenDocument spreadsheet");
    }
  }

  std::vector<std::string> sheet_names() override {
    std::vector<std::string> names;
    XmlPart part(archive_, "content.xml");
    while (part.read()) {
      if (part.type() == XML_READER_TYPE_ELEMENT && part.is("table") && part.depth() <= 3) {
        names.push_back(part.attribute("name", table_ns));
        part.skip();
      }
    }
    return names;
  }

  void read(const SheetFilter& want, const RowCallback& emit) override {
    XmlPart part(archive_, "content.xml");
    while (part.read()) {
      if (part.type() != XML_READER_TYPE_ELEMENT || !part.is("table")) continue;
      std::string sheet = part.attribute("name", table_ns);
      if (part.empty()) continue;
      if (!want(sheet)) {
        part.skip();
        continue;
      }
      read_table(part, sheet, emit);
    }
  }

 private:
  Location at(const std::string& sheet, std::size_t column, uint64_t row) const {
    return Location{archive_.file(), 0, 0,
                    "sheet '" + sheet + "', cell " + cell_name(column, static_cast<uint32_t>(row))};
  }

  void read_table(XmlPart& part, const std::string& sheet, const RowCallback& emit) {
    const int table_depth = part.depth();
    uint64_t row = 0;  // rows before the current one
    while (part.read()) {
      int type = part.type();
      if (type == XML_READER_TYPE_END_ELEMENT && part.depth() == table_depth) return;
      if (type != XML_READER_TYPE_ELEMENT) continue;
      if (part.is("annotation") || part.is("shapes") || part.is("named-expressions")) {
        part.skip();
        continue;
      }
      if (!part.is("table-row")) continue;
      uint64_t repeated = repeat_count(part.attribute("number-rows-repeated", table_ns));
      std::vector<data::Cell> cells;
      if (!part.empty()) read_row(part, sheet, row + 1, cells);
      if (cells.empty()) {
        row += repeated;  // empty rows, however many, cost nothing
        continue;
      }
      if (row + repeated > limits_.max_rows) {
        throw Error(ErrorCode::data, at(sheet, 0, row + 1),
                    "more than " + std::to_string(limits_.max_rows) + " rows",
                    "raise max-rows if the sheet is genuine");
      }
      for (uint64_t i = 0; i < repeated; ++i) {
        ++row;
        std::vector<data::Cell> copy = i + 1 < repeated ? cells : std::move(cells);
        emit(sheet, static_cast<uint32_t>(row), copy);
      }
    }
  }

  void read_row(XmlPart& part, const std::string& sheet, uint64_t row,
                std::vector<data::Cell>& cells) {
    const int row_depth = part.depth();
    std::size_t column = 0;
    uint64_t row_text_bytes = 0;
    while (part.read()) {
      int type = part.type();
      if (type == XML_READER_TYPE_END_ELEMENT && part.depth() == row_depth) break;
      if (type != XML_READER_TYPE_ELEMENT) continue;
      bool covered = part.is("covered-table-cell");
      if (!covered && !part.is("table-cell")) continue;
      uint64_t repeated = repeat_count(part.attribute("number-columns-repeated", table_ns));
      data::Cell cell = covered ? (part.skip(), data::Cell{}) : read_cell(part, sheet, row, column);
      if (cell.kind == data::Cell::Kind::empty) {
        column += static_cast<std::size_t>(std::min<uint64_t>(repeated, 1u << 24));
        continue;
      }
      if (column + repeated > limits_.max_cols) {
        throw Error(ErrorCode::data, at(sheet, std::min<std::size_t>(column, limits_.max_cols), row),
                    "beyond column " + std::to_string(limits_.max_cols),
                    "raise max-cols if the sheet is genuine");
      }
      // One row may not expand past 64 MiB of text (1024 columns of a 1 MB string).
      row_text_bytes += cell.text.size() * repeated;
      if (row_text_bytes > (uint64_t{64} << 20)) {
        throw Error(ErrorCode::data, at(sheet, column, row), "the row's repeated cells hold more than 64 MiB of text",
                    "the sheet is not a data table");
      }
      cells.resize(column);
      for (uint64_t i = 0; i < repeated; ++i) cells.push_back(cell);
      column += static_cast<std::size_t>(repeated);
    }
  }

  data::Cell read_cell(XmlPart& part, const std::string& sheet, uint64_t row, std::size_t column) {
    data::Cell cell;
    // Attributes first: the reader moves on to the children below.
    std::string value_type = part.attribute("value-type", office_ns);
    std::string stored;
    if (value_type == "date") stored = part.attribute("date-value", office_ns);
    else if (value_type == "boolean") stored = part.attribute("boolean-value", office_ns);
    else if (value_type == "string") stored = part.attribute("string-value", office_ns);
    else if (!value_type.empty()) stored = part.attribute("value", office_ns);
    std::string text;
    if (!part.empty()) {
      // The displayed text: paragraphs joined by line breaks, text:s spaces, text:tab tabs.
      const int cell_depth = part.depth();
      int paragraphs = 0;
      while (part.read()) {
        int type = part.type();
        if (type == XML_READER_TYPE_END_ELEMENT && part.depth() == cell_depth) break;
        if (type == XML_READER_TYPE_ELEMENT) {
          if (part.is("annotation")) {
            part.skip();
          } else if (part.is("p") || part.is("h")) {
            if (paragraphs++ > 0) text.push_back('\n');
          } else if (part.is("s")) {
            uint64_t count = repeat_count(part.attribute("c", text_ns));
            text.append(static_cast<std::size_t>(std::min<uint64_t>(count, 1024)), ' ');
          } else if (part.is("tab")) {
            text.push_back('\t');
          } else if (part.is("line-break")) {
            text.push_back('\n');
          }
        } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                   type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
          part.append_value(text);
        }
        if (text.size() > 128 * 1024) {
          throw Error(ErrorCode::data, at(sheet, column, row), "cell text longer than 128 KiB");
        }
      }
    }
    if (value_type.empty()) {
      if (!text.empty()) {
        cell.kind = data::Cell::Kind::text;
        cell.text = std::move(text);
      }
      return cell;
    }
    if (value_type == "string") {
      cell.kind = data::Cell::Kind::text;
      // office:string-value, when present, wins over the displayed text.
      cell.text = stored.empty() ? std::move(text) : std::move(stored);
      return cell;
    }
    if (value_type == "float" || value_type == "currency" || value_type == "percentage") {
      cell.kind = data::Cell::Kind::number;
      cell.text = stored;
      auto number = data::parse_number_literal(cell.text);
      if (!number) {
        throw Error(ErrorCode::data, at(sheet, column, row), "not a number: '" + cell.text + "'");
      }
      if (value_type == "percentage") cell.text = (*number * Decimal{100, 0}).to_string();
      return cell;
    }
    if (value_type == "date") {
      auto date = data::parse_date(stored);
      if (!date) {
        throw Error(ErrorCode::data, at(sheet, column, row), "bad date '" + stored + "'");
      }
      cell.kind = data::Cell::Kind::date;
      cell.date = *date;
      return cell;
    }
    if (value_type == "boolean") {
      cell.kind = data::Cell::Kind::boolean;
      cell.boolean = stored == "true" || stored == "1";
      return cell;
    }
    // time and anything else: the displayed text.
    cell.kind = data::Cell::Kind::text;
    cell.text = std::move(text);
    return cell;
  }

  ZipArchive& archive_;
  SheetLimits limits_;
};

}  // namespace

std::unique_ptr<Workbook> open_ods(ZipArchive& archive, SheetLimits limits) {
  return std::make_unique<OdsWorkbook>(archive, limits);
}

}  // namespace dizgi::sheet
