// The XLSX and ODS data sources: typed cells (shared and inline strings, numbers, dates in both
// date systems and the 1900 leap-year bug, percentages), repeated ODS rows and cells, sheet
// selection, zip-bomb and size limits, and errors that name sheet and cell.
#include "test_support.hpp"
#include "workbook.hpp"
#include "workbook_writer.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <memory>

using dizgi::Date;
using dizgi::Decimal;
using dizgi::Table;
namespace data = dizgi::data;
namespace sheet = dizgi::sheet;

namespace {

std::map<std::string, Table> read_book(const std::string& path, sheet::Format format,
                                       data::Params params = {},
                                       dizgi::DiagnosticSink* sink = nullptr) {
  std::string file = data::display_name(path);
  sheet::ZipArchive archive(path, nullptr, 0, file, sheet::zip_limits(params, {}));
  auto limits = sheet::sheet_limits(params, {});
  auto workbook = format == sheet::Format::ods ? sheet::open_ods(archive, limits)
                                               : sheet::open_xlsx(archive, limits);
  std::map<std::string, Table> tables;
  std::map<std::string, std::unique_ptr<data::TableSink>> sinks;
  sheet::TableOpened opened = [&](const data::SchemaTable& table) -> data::RowSink& {
    if (!tables.count(table.name)) {
      tables.emplace(table.name, Table(table.name, table.columns));
      sinks[table.name] = std::make_unique<data::TableSink>(tables.at(table.name));
    }
    return *sinks[table.name];
  };
  sheet::read_workbook(*workbook, file, dizgi::test::fixture_schema(), params, {}, sink, opened);
  return tables;
}

std::string error_of(const std::string& path, sheet::Format format, data::Params params = {}) {
  try {
    read_book(path, format, params);
  } catch (const dizgi::Error& error) {
    return error.what();
  }
  return "no error";
}

std::string c(const std::string& ref, const std::string& inner, const std::string& attrs = {}) {
  return "<c r=\"" + ref + "\"" + attrs + ">" + inner + "</c>";
}

// styles.xml: xf 0 general, 1 built-in date (14), 2 custom "dd.mm.yyyy", 3 percent (10),
// 4 custom time "hh:mm" (not a date).
const std::string styles =
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"dd\\.mm\\.yyyy\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"hh:mm\"/></numFmts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
    "<xf numFmtId=\"10\"/><xf numFmtId=\"165\"/></cellXfs></styleSheet>";

}  // namespace

TEST(Xlsx, SharedInlineNumbersDatesAndPercent) {
  dizgi::test::TempDir dir;
  std::string path = (dir.path() / "faaliyet.xlsx").string();
  std::string header = "<row r=\"1\">" + c("A1", "<v>0</v>", " t=\"s\"") +
                       c("B1", "<v>1</v>", " t=\"s\"") + c("C1", "<v>2</v>", " t=\"s\"") +
                       c("D1", "<v>3</v>", " t=\"s\"") + c("E1", "<v>4</v>", " t=\"s\"") +
                       c("F1", "<v>5</v>", " t=\"s\"") + c("G1", "<v>6</v>", " t=\"s\"") +
                       c("H1", "<v>7</v>", " t=\"s\"") + "</row>";
  std::string row2 = "<row r=\"2\">" + c("A2", "<v>7</v>") +
                     c("B2", "<is><t>F-7</t></is>", " t=\"inlineStr\"") +
                     c("C2", "<v>8</v>", " t=\"s\"") +
                     c("D2", "<is><r><t>Raylı </t></r><r><t>sistem</t></r></is>", " t=\"inlineStr\"") +
                     c("E2", "<v>45658</v>", " s=\"1\"") + c("F2", "<v>46022.75</v>", " s=\"2\"") +
                     c("G2", "<v>0.125</v>", " s=\"3\"") +
                     c("H2", "<f>A2*2</f><v>1.5E+7</v>") + "</row>";
  // Row 3 left out, row 4 sparse: cells may be missing.
  std::string row4 = "<row r=\"4\">" + c("A4", "<v>8</v>") + c("B4", "<v>9</v>") +
                     c("C4", "<v>8</v>", " t=\"s\"") + c("D4", "<v>9</v>", " t=\"s\"") + "</row>";
  dizgi::test::write_xlsx(path, {{"faaliyet", header + row2 + row4}},
                          {"id", "kod", "tur", "ad", "baslangic", "bitis", "fiziki_gerceklesme",
                           "maliyet", "proje", "Şehir içi"},
                          styles);
  auto tables = read_book(path, sheet::Format::xlsx);
  const Table& t = tables.at("faaliyet");
  ASSERT_EQ(t.row_count(), 2u);
  EXPECT_EQ(std::get<int64_t>(t.at(0, "id")), 7);
  EXPECT_EQ(std::get<std::string>(t.at(0, "kod")), "F-7");
  EXPECT_EQ(std::get<std::string>(t.at(0, "ad")), "Raylı sistem");
  EXPECT_EQ(std::get<Date>(t.at(0, "baslangic")), (Date{2025, 1, 1}));
  EXPECT_EQ(std::get<Date>(t.at(0, "bitis")), (Date{2025, 12, 31}));  // time of day dropped
  EXPECT_EQ(std::get<Decimal>(t.at(0, "fiziki_gerceklesme")).to_string(), "12.50");
  EXPECT_EQ(std::get<Decimal>(t.at(0, "maliyet")).to_string(), "15000000.00");
  EXPECT_EQ(std::get<std::string>(t.at(1, "kod")), "9");  // a number in a text column
  EXPECT_EQ(std::get<std::string>(t.at(1, "ad")), "Şehir içi");
}

TEST(Xlsx, DateSystemsAndTheLeapYearBug) {
  std::string problem;
  auto date = [&](int64_t serial, bool date1904) {
    problem.clear();
    return data::date_from_serial(Decimal{serial, 0}, date1904, problem);
  };
  EXPECT_EQ(*date(1, false), (Date{1900, 1, 1}));
  EXPECT_EQ(*date(59, false), (Date{1900, 2, 28}));
  EXPECT_FALSE(date(60, false));  // Lotus' 29 February 1900
  EXPECT_NE(problem.find("1900 leap-year bug"), std::string::npos);
  EXPECT_EQ(*date(61, false), (Date{1900, 3, 1}));
  EXPECT_EQ(*date(45658, false), (Date{2025, 1, 1}));
  EXPECT_EQ(*date(0, true), (Date{1904, 1, 1}));
  EXPECT_EQ(*date(44196, true), (Date{2025, 1, 1}));

  dizgi::test::TempDir dir;
  std::string path = (dir.path() / "olcum.xlsx").string();
  dizgi::test::write_xlsx(
      path,
      {{"gosterge_olcum",
        "<row r=\"1\">" + c("A1", "<is><t>gosterge_id</t></is>", " t=\"inlineStr\"") +
            c("B1", "<is><t>yil</t></is>", " t=\"inlineStr\"") +
            c("C1", "<is><t>donem</t></is>", " t=\"inlineStr\"") +
            c("D1", "<is><t>olcum_tarihi</t></is>", " t=\"inlineStr\"") + "</row><row r=\"2\">" +
            c("A2", "<v>1</v>") + c("B2", "<v>2025</v>") +
            c("C2", "<is><t>yil_sonu</t></is>", " t=\"inlineStr\"") +
            c("D2", "<v>44196</v>", " s=\"1\"") + "</row>"}},
      {}, styles, true);
  auto tables = read_book(path, sheet::Format::xlsx);
  EXPECT_EQ(std::get<Date>(tables.at("gosterge_olcum").at(0, "olcum_tarihi")), (Date{2025, 1, 1}));
}

TEST(Xlsx, ErrorNamesSheetAndCell) {
  dizgi::test::TempDir dir;
  std::string path = (dir.path() / "butce.xlsx").string();
  std::string rows = "<row r=\"1\">" + c("A1", "<v>0</v>", " t=\"s\"") + c("B1", "<v>1</v>", " t=\"s\"") +
                     c("C1", "<v>2</v>", " t=\"s\"") + c("D1", "<v>3</v>", " t=\"s\"") + "</row>";
  for (int r = 2; r < 7; ++r) {
    std::string n = std::to_string(r);
    rows += "<row r=\"" + n + "\">" + c("A" + n, "<v>2025</v>") + c("B" + n, "<v>1</v>") +
            c("C" + n, "<v>4</v>", " t=\"s\"") + c("D" + n, "<v>100</v>") + "</row>";
  }
  rows += "<row r=\"7\">" + c("A7", "<v>2025</v>") + c("B7", "<v>1</v>") +
          c("C7", "<v>4</v>", " t=\"s\"") + c("D7", "<is><t>12,5a</t></is>", " t=\"inlineStr\"") +
          "</row>";
  dizgi::test::write_xlsx(path, {{"Gider", rows}},
                          {"Yıl", "Birim Id", "Ekonomik Kod", "Başlangıç Ödeneği", "03"});
  EXPECT_EQ(error_of(path, sheet::Format::xlsx, {{"sheet", "Gider"}, {"table", "butce_gider"}}),
            "butce.xlsx: sheet 'Gider', cell D7: error: column 'baslangic_odenegi': not a "
            "number: '12,5a'");
  EXPECT_EQ(error_of(path, sheet::Format::xlsx, {{"sheet", "Yok"}}),
            "butce.xlsx: error: no sheet named 'Yok' (hint: the workbook has 'Gider')");
  // A single sheet is taken for table= even when its name differs.
  EXPECT_EQ(error_of(path, sheet::Format::xlsx, {{"table", "butce_gider"}}),
            "butce.xlsx: sheet 'Gider', cell D7: error: column 'baslangic_odenegi': not a "
            "number: '12,5a'");
}

TEST(Xlsx, UnmatchedSheetsAreWarnedAndSkipped) {
  dizgi::test::TempDir dir;
  std::string path = (dir.path() / "kitap.xlsx").string();
  std::string amac = "<row r=\"1\">" + c("A1", "<is><t>id</t></is>", " t=\"inlineStr\"") +
                     c("B1", "<is><t>kod</t></is>", " t=\"inlineStr\"") +
                     c("C1", "<is><t>metin</t></is>", " t=\"inlineStr\"") + "</row><row r=\"2\">" +
                     c("A2", "<v>1</v>") + c("B2", "<is><t>A1</t></is>", " t=\"inlineStr\"") +
                     c("C2", "<is><t>Kent</t></is>", " t=\"inlineStr\"") + "</row>";
  dizgi::test::write_xlsx(path, {{"Notlar", ""}, {"Amaç", amac}});
  dizgi::DiagnosticSink sink;
  auto tables = read_book(path, sheet::Format::xlsx, {}, &sink);
  EXPECT_EQ(tables.at("amac").row_count(), 1u);
  ASSERT_EQ(sink.count(dizgi::Severity::warning), 1u);
  EXPECT_EQ(sink.diagnostics()[0].location.where, "sheet 'Notlar'");
}

TEST(Xlsx, HeaderRowSkipsTitleRows) {
  dizgi::test::TempDir dir;
  std::string path = (dir.path() / "kodlar.xlsx").string();
  std::string rows = "<row r=\"1\">" + c("A1", "<is><t>2025 Ekonomik Kodlar</t></is>", " t=\"inlineStr\"") +
                     "</row><row r=\"3\">" + c("A3", "<is><t>kod</t></is>", " t=\"inlineStr\"") +
                     c("B3", "<is><t>duzey</t></is>", " t=\"inlineStr\"") +
                     c("C3", "<is><t>ad</t></is>", " t=\"inlineStr\"") + "</row><row r=\"4\">" +
                     c("A4", "<is><t>01</t></is>", " t=\"inlineStr\"") + c("B4", "<v>1</v>") +
                     c("C4", "<is><t>Personel</t></is>", " t=\"inlineStr\"") + "</row>";
  dizgi::test::write_xlsx(path, {{"ekonomik_kod", rows}});
  EXPECT_NE(error_of(path, sheet::Format::xlsx).find("unknown column '2025 Ekonomik Kodlar'"),
            std::string::npos);
  auto tables = read_book(path, sheet::Format::xlsx, {{"header-row", "3"}});
  EXPECT_EQ(std::get<std::string>(tables.at("ekonomik_kod").at(0, "kod")), "01");
}

TEST(Xlsx, RowLimitIsEnforced) {
  dizgi::test::TempDir dir;
  std::string path = (dir.path() / "buyuk.xlsx").string();
  std::string rows = "<row r=\"1\">" + c("A1", "<is><t>kod</t></is>", " t=\"inlineStr\"") +
                     c("B1", "<is><t>duzey</t></is>", " t=\"inlineStr\"") +
                     c("C1", "<is><t>ad</t></is>", " t=\"inlineStr\"") + "</row>";
  for (int r = 2; r <= 20; ++r) {
    std::string n = std::to_string(r);
    rows += "<row r=\"" + n + "\">" + c("A" + n, "<v>" + n + "</v>") + c("B" + n, "<v>1</v>") +
            c("C" + n, "<v>5</v>") + "</row>";
  }
  dizgi::test::write_xlsx(path, {{"ekonomik_kod", rows}});
  EXPECT_EQ(read_book(path, sheet::Format::xlsx).at("ekonomik_kod").row_count(), 19u);
  EXPECT_EQ(error_of(path, sheet::Format::xlsx, {{"max-rows", "10"}}),
            "buyuk.xlsx: sheet 'ekonomik_kod', cell A11: error: more than 10 rows (hint: raise "
            "max-rows if the sheet is genuine)");
  EXPECT_NE(error_of(path, sheet::Format::xlsx, {{"max-cols", "2"}}).find("cell C1"),
            std::string::npos);
}

TEST(Xlsx, ZipBombIsRefused) {
  dizgi::test::TempDir dir;
  std::string path = (dir.path() / "bomba.xlsx").string();
  // 64 MiB of spaces inside the sheet: deflates about a thousandfold.
  std::string padding(64u << 20, ' ');
  dizgi::test::write_xlsx(path, {{"amac", "<row r=\"1\"/>" + padding}});
  std::string message = error_of(path, sheet::Format::xlsx);
  EXPECT_NE(message.find("compression ratio over 200"), std::string::npos) << message;
  message = error_of(path, sheet::Format::xlsx, {{"max-ratio", "100000"}, {"max-entry-mb", "16"}});
  EXPECT_NE(message.find("inflates to more than 16 MiB"), std::string::npos) << message;
  dizgi::test::write_zip(path, [] {
    dizgi::test::ZipParts parts;
    for (int i = 0; i < 20; ++i) parts.push_back({"p" + std::to_string(i), "x"});
    return parts;
  }());
  EXPECT_NE(error_of(path, sheet::Format::xlsx, {{"max-entries", "10"}}).find("more than 10 entries"),
            std::string::npos);
  dizgi::test::TempDir other;
  std::string junk = other.write("junk.xlsx", "not a zip at all");
  EXPECT_NE(error_of(junk, sheet::Format::xlsx).find("not a readable zip archive"), std::string::npos);
}

namespace {

std::string ods_cell(const std::string& type, const std::string& value, const std::string& text,
                     const std::string& extra = {}) {
  std::string attrs;
  if (type == "string") attrs = " office:value-type=\"string\"";
  else if (type == "date") attrs = " office:value-type=\"date\" office:date-value=\"" + value + "\"";
  else if (type == "boolean") attrs = " office:value-type=\"boolean\" office:boolean-value=\"" + value + "\"";
  else if (!type.empty()) attrs = " office:value-type=\"" + type + "\" office:value=\"" + value + "\"";
  return "<table:table-cell" + attrs + extra + "><text:p>" + text + "</text:p></table:table-cell>";
}

}  // namespace

TEST(Ods, TypedCellsRepeatsAndParagraphs) {
  dizgi::test::TempDir dir;
  std::string path = (dir.path() / "kitap.ods").string();
  std::string header = "<table:table-row>" + ods_cell("string", "", "id") + ods_cell("string", "", "kod") +
                       ods_cell("string", "", "tur") + ods_cell("string", "", "ad") +
                       ods_cell("string", "", "baslangic") + ods_cell("string", "", "fiziki_gerceklesme") +
                       ods_cell("string", "", "maliyet") + "</table:table-row>";
  // Two identical rows through number-rows-repeated, a repeated empty gap, then a row whose
  // last cells repeat; then the million empty rows LibreOffice writes at the end.
  std::string row = "<table:table-row table:number-rows-repeated=\"2\">" +
                    ods_cell("float", "3", "3") + ods_cell("string", "", "F3") +
                    ods_cell("string", "", "faaliyet") +
                    "<table:table-cell office:value-type=\"string\"><text:p>Kent</text:p>"
                    "<text:p>bilgi<text:s text:c=\"2\"/>sistemi</text:p></table:table-cell>" +
                    ods_cell("date", "2025-04-30T00:00:00", "30.04.2025") +
                    ods_cell("percentage", "0.5", "%50") + ods_cell("currency", "1234.5", "1.234,50 TL") +
                    "</table:table-row>";
  std::string gap = "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell "
                    "table:number-columns-repeated=\"1024\"/></table:table-row>";
  std::string last = "<table:table-row>" + ods_cell("float", "4", "4") +
                     ods_cell("string", "", "F4", " table:number-columns-repeated=\"3\"") +
                     "<table:table-cell table:number-columns-repeated=\"16000\"/></table:table-row>";
  std::string tail = "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell "
                     "table:number-columns-repeated=\"16384\"/></table:table-row>";
  dizgi::test::write_ods(path, "<table:table table:name=\"faaliyet\"><table:table-column/>" + header +
                                   row + gap + last + tail + "</table:table>");
  auto start = std::chrono::steady_clock::now();
  auto tables = read_book(path, sheet::Format::ods);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  const Table& t = tables.at("faaliyet");
  ASSERT_EQ(t.row_count(), 3u);
  EXPECT_EQ(std::get<std::string>(t.at(0, "ad")), "Kent\nbilgi  sistemi");
  EXPECT_EQ(std::get<Date>(t.at(1, "baslangic")), (Date{2025, 4, 30}));
  EXPECT_EQ(std::get<Decimal>(t.at(1, "fiziki_gerceklesme")).to_string(), "50.00");
  EXPECT_EQ(std::get<Decimal>(t.at(1, "maliyet")).to_string(), "1234.50");
  EXPECT_EQ(std::get<std::string>(t.at(2, "tur")), "F4");
  EXPECT_EQ(std::get<std::string>(t.at(2, "ad")), "F4");
}

TEST(Ods, RepeatedValuesBeyondTheLimitsAreRefused) {
  dizgi::test::TempDir dir;
  std::string path = (dir.path() / "tekrar.ods").string();
  std::string header = "<table:table-row>" + ods_cell("string", "", "kod") +
                       ods_cell("string", "", "duzey") + ods_cell("string", "", "ad") +
                       "</table:table-row>";
  std::string rows = "<table:table-row table:number-rows-repeated=\"100000000\">" +
                     ods_cell("string", "", "01") + ods_cell("float", "1", "1") +
                     ods_cell("string", "", "x") + "</table:table-row>";
  dizgi::test::write_ods(path, "<table:table table:name=\"ekonomik_kod\">" + header + rows +
                                   "</table:table>");
  EXPECT_EQ(error_of(path, sheet::Format::ods),
            "tekrar.ods: sheet 'ekonomik_kod', cell A2: error: more than 2000000 rows (hint: "
            "raise max-rows if the sheet is genuine)");
  std::string wide = "<table:table-row>" +
                     ods_cell("string", "", "x", " table:number-columns-repeated=\"100000\"") +
                     "</table:table-row>";
  dizgi::test::write_ods(path, "<table:table table:name=\"ekonomik_kod\">" + wide + "</table:table>");
  EXPECT_NE(error_of(path, sheet::Format::ods).find("beyond column 1024"), std::string::npos);
}

TEST(Ods, ErrorNamesSheetAndCell) {
  dizgi::test::TempDir dir;
  std::string path = (dir.path() / "gelir.ods").string();
  std::string header = "<table:table-row>" + ods_cell("string", "", "yil") +
                       ods_cell("string", "", "ekonomik_kod") + ods_cell("string", "", "butce_tahmini") +
                       "</table:table-row>";
  std::string row = "<table:table-row>" + ods_cell("float", "2025", "2025") +
                    ods_cell("string", "", "01") + ods_cell("string", "", "çok") + "</table:table-row>";
  dizgi::test::write_ods(path, "<table:table table:name=\"Gelir\">" + header + row + "</table:table>");
  EXPECT_EQ(error_of(path, sheet::Format::ods, {{"table", "butce_gelir"}}),
            "gelir.ods: sheet 'Gelir', cell C2: error: column 'butce_tahmini': not a number: 'çok'");
}

// Issue 16: repeated rows and shared strings that stay within the zip limits expanded to 7–8 GB
// (ODS with 2 M repeated rows; an XLSX reusing one long string thousands of times). The expanded
// text and the cells read are limited, with an error naming the sheet and cell.
TEST(Ods, ExpandedTextBeyondTheLimitIsRefused) {
  dizgi::test::TempDir dir;
  std::string path = (dir.path() / "genis.ods").string();
  std::string header = "<table:table-row>" + ods_cell("string", "", "kod") +
                       ods_cell("string", "", "duzey") + ods_cell("string", "", "ad") +
                       "</table:table-row>";
  std::string big(100 << 10, 'x');  // under the 128 KiB a cell may hold
  std::string rows = "<table:table-row table:number-rows-repeated=\"1000000\">" +
                     ods_cell("string", "", "01") + ods_cell("float", "1", "1") +
                     ods_cell("string", "", big) + "</table:table-row>";
  dizgi::test::write_ods(path, "<table:table table:name=\"ekonomik_kod\">" + header + rows + "</table:table>");
  auto start = std::chrono::steady_clock::now();
  // (The repeated string compresses well: the ratio limit is lifted to reach the text limit.)
  std::string error = error_of(path, sheet::Format::ods, {{"max-text-mb", "8"}, {"max-ratio", "100000"}});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_EQ(error.rfind("genis.ods: sheet 'ekonomik_kod', cell A", 0), 0u) << error;
  EXPECT_NE(error.find("hold more than 8 MiB of text (hint: raise max-text-mb"), std::string::npos) << error;

  // One row of 1000 repeated 100 KB cells.
  std::string wide = "<table:table-row>" +
                     ods_cell("string", "", big, " table:number-columns-repeated=\"1000\"") +
                     "</table:table-row>";
  dizgi::test::write_ods(path, "<table:table table:name=\"ekonomik_kod\">" + wide + "</table:table>");
  EXPECT_NE(error_of(path, sheet::Format::ods, {{"max-ratio", "100000"}}).find("repeated cells hold more than 64 MiB"),
            std::string::npos);
}

TEST(Xlsx, SharedStringReusedBeyondTheTextLimitIsRefused) {
  dizgi::test::TempDir dir;
  std::string path = (dir.path() / "paylasim.xlsx").string();
  std::string header = "<row r=\"1\">" + c("A1", "<is><t>kod</t></is>", " t=\"inlineStr\"") +
                       c("B1", "<is><t>duzey</t></is>", " t=\"inlineStr\"") +
                       c("C1", "<is><t>ad</t></is>", " t=\"inlineStr\"") + "</row>";
  std::string rows;
  for (int r = 2; r < 400; ++r) {
    std::string n = std::to_string(r);
    rows += "<row r=\"" + n + "\">" + c("A" + n, "<v>1</v>") + c("B" + n, "<v>1</v>") +
            c("C" + n, "<v>0</v>", " t=\"s\"") + "</row>";
  }
  dizgi::test::write_xlsx(path, {{"ekonomik_kod", header + rows}}, {std::string(100 << 10, 'y')});
  std::string error = error_of(path, sheet::Format::xlsx, {{"max-text-mb", "16"}, {"max-ratio", "100000"}});
  EXPECT_NE(error.find("sheet 'ekonomik_kod', cell A"), std::string::npos) << error;
  EXPECT_NE(error.find("hold more than 16 MiB of text"), std::string::npos) << error;
}

// Issue 16: XLSX/ODS entity references were dropped silently ('A&x;B' became 'AB' when the
// part declared the entity) while the XML source refuses them. Declared or not, the reference
// is an error naming the part and line.
TEST(Ods, EntityReferenceIsRefusedNotDropped) {
  dizgi::test::TempDir dir;
  std::string path = (dir.path() / "varlik.ods").string();
  std::string header = "<table:table-row>" + ods_cell("string", "", "kod") +
                       ods_cell("string", "", "duzey") + ods_cell("string", "", "ad") +
                       "</table:table-row>";
  std::string row = "<table:table-row>" + ods_cell("string", "", "01") + ods_cell("float", "1", "1") +
                    ods_cell("string", "", "A&x;B") + "</table:table-row>";
  std::string body = "<office:body><office:spreadsheet><table:table table:name=\"ekonomik_kod\">" + header +
                     row + "</table:table></office:spreadsheet></office:body></office:document-content>";
  std::string root =
      "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<?xml version=\"1.0\"?>", "Entity 'x' not defined"},
      {"<?xml version=\"1.0\"?><!DOCTYPE office:document-content [<!ENTITY x \"gizli\">]>",
       "entity reference '&x;' in the text"}};
  for (const auto& [prolog, expected] : cases) {
    dizgi::test::write_zip(path, {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                  {"content.xml", prolog + root + body}});
    std::string error = error_of(path, sheet::Format::ods);
    EXPECT_EQ(error.rfind("varlik.ods: part 'content.xml', line 1: error: ", 0), 0u) << error;
    EXPECT_NE(error.find(expected), std::string::npos) << error;
  }
}

// Issue 16: XLSX cell names in messages used the row element's number, not the cell's own
// reference. A cell whose reference contradicts its row is refused under its own name.
TEST(Xlsx, CellReferenceContradictingItsRowIsRefusedByItsOwnName) {
  dizgi::test::TempDir dir;
  std::string path = (dir.path() / "satir.xlsx").string();
  std::string rows = "<row r=\"1\">" + c("A1", "<is><t>kod</t></is>", " t=\"inlineStr\"") +
                     c("B1", "<is><t>duzey</t></is>", " t=\"inlineStr\"") +
                     c("C1", "<is><t>ad</t></is>", " t=\"inlineStr\"") + "</row>" + "<row r=\"7\">" +
                     c("A7", "<v>1</v>") + c("B9", "<v>x</v>", " t=\"str\"") + "</row>";
  dizgi::test::write_xlsx(path, {{"ekonomik_kod", rows}});
  EXPECT_EQ(error_of(path, sheet::Format::xlsx).rfind("satir.xlsx: sheet 'ekonomik_kod', cell B9: error: cell B9 "
                                                      "is written inside row 7",
                                                      0),
            0u)
      << error_of(path, sheet::Format::xlsx);
}
