// The data-source benchmark: generates a large budget table as a Turkish CSV and as an
// equivalent XLSX, and reads either into the model (a full Table) or through the parser alone
// (--count: rows are converted and counted, not kept), so bench/data_bench.sh can time both
// and show that the CSV parser's memory does not grow with the file.
//
//   bench_read_data generate ROWS DIR      writes DIR/gider.csv, DIR/gider.xlsx, DIR/gider.sql
//   bench_read_data read csv|xlsx FILE SCHEMA.sql [--count]
#include "csv_source.hpp"
#include "workbook.hpp"

#include <zip.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

const char* const schema_sql =
    "CREATE TABLE gider (\n"
    "  yil INTEGER NOT NULL,\n"
    "  birim_id INTEGER NOT NULL,\n"
    "  ekonomik_kod TEXT NOT NULL,\n"
    "  aciklama TEXT,\n"
    "  baslangic_odenegi DECIMAL(20,2) NOT NULL,\n"
    "  harcama DECIMAL(20,2),\n"
    "  tarih DATE\n"
    ");\n";

const char* const names[] = {"Personel Giderleri", "Mal ve Hizmet Alımları; \"genel\"",
                             "Sermaye Giderleri (İnşaat)", "Şehir içi ulaşım, bakım"};

// Kuruş amounts written as Turkish ("1.234.567,89") and classic ("1234567.89") text.
std::string turkish_money(int64_t kurus) {
  std::string whole = std::to_string(kurus / 100);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped.push_back('.');
    grouped.push_back(whole[i]);
  }
  char cents[8];
  std::snprintf(cents, sizeof cents, ",%02d", static_cast<int>(kurus % 100));
  return grouped + cents;
}

std::string classic_money(int64_t kurus) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%lld.%02d", static_cast<long long>(kurus / 100),
                static_cast<int>(kurus % 100));
  return buffer;
}

int generate(long rows, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "gider.sql") << schema_sql;
  std::ofstream csv(dir / "gider.csv", std::ios::binary);
  auto sheet_path = dir / "sheet1.xml";
  std::ofstream sheet(sheet_path, std::ios::binary);
  csv << "Yıl;Birim Id;Ekonomik Kod;Açıklama;Başlangıç Ödeneği;Harcama;Tarih\r\n";
  sheet << "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
           "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
           "<row r=\"1\">";
  const char* headers[] = {"yil", "birim_id", "ekonomik_kod", "aciklama", "baslangic_odenegi",
                           "harcama", "tarih"};
  for (const char* header : headers) {
    sheet << "<c t=\"inlineStr\"><is><t>" << header << "</t></is></c>";
  }
  sheet << "</row>";
  uint64_t state = 88172645463325252ull;
  auto next = [&state]() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (long r = 0; r < rows; ++r) {
    int64_t budget = static_cast<int64_t>(next() % 100000000000ull);
    int64_t spent = budget / 100 * static_cast<int64_t>(next() % 100);
    int unit = static_cast<int>(next() % 40) + 1;
    const char* name = names[next() % 4];
    int day = static_cast<int>(next() % 28) + 1, month = static_cast<int>(next() % 12) + 1;
    char code[16];
    std::snprintf(code, sizeof code, "0%d.%d.%d.%02d", static_cast<int>(next() % 9) + 1,
                  static_cast<int>(next() % 9) + 1, static_cast<int>(next() % 9) + 1,
                  static_cast<int>(next() % 99) + 1);
    char date[16], serial_text[16];
    std::snprintf(date, sizeof date, "%02d.%02d.2025", day, month);
    // The 1900-system serial of the date: days after 1899-12-30.
    static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    std::snprintf(serial_text, sizeof serial_text, "%d", 45658 + before[month - 1] + day - 1);
    bool has_spent = r % 10 != 0;
    csv << 2025 << ';' << unit << ';' << code << ';';
    if (std::strchr(name, '"') || std::strchr(name, ';')) {
      csv << "\"Mal ve Hizmet Alımları; \"\"genel\"\"\"";
    } else {
      csv << name;
    }
    csv << ';' << turkish_money(budget) << ';' << (has_spent ? turkish_money(spent) : "") << ';'
        << date << "\r\n";
    std::string row = std::to_string(r + 2);
    sheet << "<row r=\"" << row << "\"><c><v>2025</v></c><c><v>" << unit
          << "</v></c><c t=\"inlineStr\"><is><t>" << code << "</t></is></c><c t=\"inlineStr\"><is><t>";
    for (const char* p = name; *p; ++p) sheet << (*p == '"' ? "&quot;" : std::string(1, *p));
    sheet << "</t></is></c><c><v>" << classic_money(budget) << "</v></c>";
    if (has_spent) sheet << "<c><v>" << classic_money(spent) << "</v></c>";
    else sheet << "<c/>";
    sheet << "<c s=\"1\"><v>" << serial_text << "</v></c></row>";
  }
  sheet << "</sheetData></worksheet>";
  sheet.close();
  csv.close();

  int error = 0;
  auto xlsx_path = (dir / "gider.xlsx").string();
  zip_t* archive = zip_open(xlsx_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive) return 1;
  static const std::string workbook =
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
      "<sheet name=\"gider\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  static const std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
      "Target=\"styles.xml\"/></Relationships>";
  static const std::string styles =
      "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs>"
      "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
  auto add = [&](const char* name, const std::string& content) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    zip_file_add(archive, name, source, ZIP_FL_OVERWRITE);
  };
  add("xl/workbook.xml", workbook);
  add("xl/_rels/workbook.xml.rels", rels);
  add("xl/styles.xml", styles);
  zip_file_add(archive, "xl/worksheets/sheet1.xml",
               zip_source_file(archive, sheet_path.c_str(), 0, -1), ZIP_FL_OVERWRITE);
  if (zip_close(archive) != 0) return 1;
  std::filesystem::remove(sheet_path);
  return 0;
}

int read(const std::string& format, const std::string& path, const std::string& schema_path,
         bool count_only) {
  using clock = std::chrono::steady_clock;
  auto start = clock::now();
  dizgi::data::Schema schema = dizgi::data::Schema::load(schema_path, {});
  const dizgi::data::SchemaTable& table = schema.require("gider", {});
  dizgi::Table result(table.name, table.columns);
  dizgi::data::TableSink keep(result);
  dizgi::data::CountingSink count;
  dizgi::data::RowSink& sink = count_only ? static_cast<dizgi::data::RowSink&>(count) : keep;
  std::size_t rows = 0;
  if (format == "csv") {
    std::ifstream input(path, std::ios::binary);
    rows = dizgi::csv::read_table(input, "gider.csv", table, {}, {}, sink);
  } else {
    dizgi::sheet::ZipArchive archive(path, nullptr, 0, "gider.xlsx", {});
    auto workbook = dizgi::sheet::open_xlsx(archive, {});
    rows = dizgi::sheet::read_workbook(
        *workbook, "gider.xlsx", schema, {{"table", "gider"}}, {}, nullptr,
        [&](const dizgi::data::SchemaTable&) -> dizgi::data::RowSink& { return sink; });
  }
  double seconds = std::chrono::duration<double>(clock::now() - start).count();
  double megabytes = static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0);
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out.setf(std::ios::fixed);
  out.precision(2);
  out << format << (count_only ? " parse+convert (counting sink)" : " full load into a Table") << ": "
      << rows << " rows, " << megabytes << " MiB in " << seconds << " s = "
      << static_cast<double>(rows) / seconds / 1000.0 << " k rows/s, " << megabytes / seconds
      << " MiB/s\n";
  std::cout << out.str();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc == 4 && std::strcmp(argv[1], "generate") == 0) {
      return generate(std::atol(argv[2]), argv[3]);
    }
    if ((argc == 5 || argc == 6) && std::strcmp(argv[1], "read") == 0) {
      return read(argv[2], argv[3], argv[4], argc == 6 && std::strcmp(argv[5], "--count") == 0);
    }
  } catch (const std::exception& error) {
    std::cerr << error.what() << "\n";
    return 2;
  }
  std::cerr << "usage: bench_read_data generate ROWS DIR\n"
               "       bench_read_data read csv|xlsx FILE SCHEMA.sql [--count]\n";
  return 2;
}
