// The same sample read through every data source gives the same dataset. The reference is the
// sample SQL loaded into SQLite; from it the test writes, at test time, a Turkish-Excel style CSV
// per table (';', decimal commas, dd.mm.yyyy, one table in Windows-1254), an XML file, and
// classic CSVs that LibreOffice (soffice --headless) turns into real XLSX and ODS workbooks.
// PostgreSQL is the server pg-fixture.sh started with the same SQL. Tables, columns, types and
// every value (decimal scale included) must match.
#include "csv_source.hpp"
#include "postgres_source.hpp"
#include "workbook.hpp"
#include "xml_source.hpp"

#ifdef DIZGI_HAVE_SQLITE_READER
#include "sqlite_reader.hpp"
#endif

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>

using dizgi::Dataset;
using dizgi::Date;
using dizgi::Decimal;
using dizgi::Table;
using dizgi::Value;
using dizgi::ValueType;
namespace data = dizgi::data;
namespace fs = std::filesystem;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The schema of the comparison: the DDL the reference is built from.
const data::Schema& schema() {
  static const data::Schema parsed = data::Schema::parse_sql(read_file(DIZGI_EQ_REFERENCE_DDL),
                                                             "reference.sql");
  return parsed;
}

// The reference: the SQL in SQLite, typed by the schema's column description.
Dataset reference_dataset() {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  for (const char* path : {DIZGI_EQ_REFERENCE_DDL, DIZGI_PG_DATA_SQL}) {
    char* message = nullptr;
    if (sqlite3_exec(db, read_file(path).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      ADD_FAILURE() << path << ": " << (message ? message : "?");
      sqlite3_free(message);
    }
  }
  Dataset dataset;
  for (const auto& table : schema().tables()) {
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      sql += (i ? ", " : "") + table.columns[i].name;
    }
    sql += " FROM " + table.name + " ORDER BY rowid";
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) continue;
    Table result(table.name, table.columns);
    while (sqlite3_step(statement) == SQLITE_ROW) {
      std::vector<Value> row(table.columns.size());
      for (std::size_t i = 0; i < table.columns.size(); ++i) {
        int index = static_cast<int>(i);
        if (sqlite3_column_type(statement, index) == SQLITE_NULL) continue;
        data::Cell cell;
        cell.kind = data::Cell::Kind::text;
        cell.text = reinterpret_cast<const char*>(sqlite3_column_text(statement, index));
        std::string problem;
        auto value = data::convert(cell, table.columns[i], data::NumberStyle::classic, true, problem);
        EXPECT_TRUE(value) << table.name << "." << table.columns[i].name << ": " << problem;
        if (value) row[i] = *value;
      }
      result.add_row(std::move(row));
    }
    sqlite3_finalize(statement);
    dataset.put(std::move(result));
  }
  sqlite3_close(db);
  return dataset;
}

std::string show(const Value& value) {
  struct Visitor {
    std::string operator()(std::monostate) const { return "null"; }
    std::string operator()(const std::string& s) const { return "text '" + s + "'"; }
    std::string operator()(int64_t i) const { return "integer " + std::to_string(i); }
    std::string operator()(const Decimal& d) const { return "decimal " + d.to_string(); }
    std::string operator()(const Date& d) const { return "date " + data::iso(d); }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
  };
  return std::visit(Visitor{}, value);
}

bool same(const Value& a, const Value& b) {
  if (a.index() != b.index()) return false;
  if (auto* x = std::get_if<Decimal>(&a)) {
    const auto& y = std::get<Decimal>(b);
    return x->units == y.units && x->scale == y.scale;
  }
  return a == b;
}

// Empty when equal; otherwise the first difference.
// Row order of a table: as read, or (`order_free`) sorted by the rows' shown values — for a
// source like PostgreSQL that gives rows in no defined order without ORDER BY (a heap scan
// follows where the rows landed, which the free-space map decides, not the order of the INSERTs).
std::vector<std::size_t> row_order(const Table& table, bool order_free) {
  std::vector<std::size_t> order(table.row_count());
  for (std::size_t r = 0; r < order.size(); ++r) order[r] = r;
  if (!order_free) return order;
  std::vector<std::string> keys(order.size());
  for (std::size_t r = 0; r < order.size(); ++r) {
    for (const Value& value : table.row(r)) keys[r] += show(value) + '\x1f';
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  return order;
}

std::string difference(const Dataset& expected, const Dataset& actual, bool order_free = false) {
  for (const auto& [name, table] : expected.tables()) {
    const Table* other = actual.find(name);
    if (!other) return "table '" + name + "' is missing";
    if (other->columns().size() != table.columns().size()) return "table '" + name + "': column count";
    for (std::size_t c = 0; c < table.columns().size(); ++c) {
      const auto& x = table.columns()[c];
      const auto& y = other->columns()[c];
      if (x.name != y.name || x.type != y.type || x.nullable != y.nullable || x.scale != y.scale) {
        return "table '" + name + "': column " + x.name + " differs from " + y.name;
      }
    }
    if (other->row_count() != table.row_count()) {
      return "table '" + name + "': " + std::to_string(other->row_count()) + " rows, expected " +
             std::to_string(table.row_count());
    }
    const auto mine = row_order(table, order_free), theirs = row_order(*other, order_free);
    for (std::size_t i = 0; i < table.row_count(); ++i) {
      const std::size_t r = mine[i], o = theirs[i];
      for (std::size_t c = 0; c < table.columns().size(); ++c) {
        if (!same(table.row(r)[c], other->row(o)[c])) {
          return "table '" + name + "', row " + std::to_string(r + 1) + ", column '" +
                 table.columns()[c].name + "': expected " + show(table.row(r)[c]) + ", got " +
                 show(other->row(o)[c]);
        }
      }
    }
  }
  for (const auto& [name, table] : actual.tables()) {
    if (!expected.has(name)) return "unexpected table '" + name + "'";
  }
  return {};
}

// Turkish Excel style: "15.809.134,35", "31.12.2025", "evet".
std::string turkish(const Value& value) {
  if (auto* d = std::get_if<Decimal>(&value)) {
    std::string plain = d->to_string();
    bool negative = plain[0] == '-';
    if (negative) plain.erase(0, 1);
    std::size_t dot = plain.find('.');
    std::string integral = plain.substr(0, dot);
    std::string grouped;
    for (std::size_t i = 0; i < integral.size(); ++i) {
      if (i > 0 && (integral.size() - i) % 3 == 0) grouped.push_back('.');
      grouped.push_back(integral[i]);
    }
    if (dot != std::string::npos) grouped += "," + plain.substr(dot + 1);
    return (negative ? "-" : "") + grouped;
  }
  if (auto* date = std::get_if<Date>(&value)) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d.%02d.%04d", date->day, date->month, date->year);
    return buffer;
  }
  if (auto* b = std::get_if<bool>(&value)) return *b ? "evet" : "hayır";
  if (auto* i = std::get_if<int64_t>(&value)) return std::to_string(*i);
  if (auto* s = std::get_if<std::string>(&value)) return *s;
  return {};
}

std::string classic(const Value& value) {
  if (auto* d = std::get_if<Decimal>(&value)) return d->to_string();
  if (auto* date = std::get_if<Date>(&value)) return data::iso(*date);
  if (auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  return turkish(value);
}

std::string csv_field(const std::string& text, char delimiter) {
  if (text.find_first_of(std::string("\"\r\n") + delimiter) == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

std::string write_csv(const Table& table, char delimiter, std::string (*format)(const Value&)) {
  std::string out;
  for (std::size_t c = 0; c < table.columns().size(); ++c) {
    out += (c ? std::string(1, delimiter) : "") + table.columns()[c].name;
  }
  out += "\r\n";
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    for (std::size_t c = 0; c < table.columns().size(); ++c) {
      if (c) out.push_back(delimiter);
      out += csv_field(format(table.row(r)[c]), delimiter);
    }
    out += "\r\n";
  }
  return out;
}

std::string to_windows1254(const std::string& utf8) {
  std::string out(utf8.size() * 2 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = ucnv_convert("windows-1254", "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<std::size_t>(length));
  return out;
}

std::string xml_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out.push_back(c);
  }
  return out;
}

std::string write_xml(const Dataset& dataset) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dataset>\n";
  for (const auto& [name, table] : dataset.tables()) {
    out += "  <table name=\"" + name + "\">\n";
    for (std::size_t r = 0; r < table.row_count(); ++r) {
      out += "    <row>";
      for (std::size_t c = 0; c < table.columns().size(); ++c) {
        const Value& value = table.row(r)[c];
        if (dizgi::is_null(value)) continue;  // absent element = null
        const std::string& column = table.columns()[c].name;
        out += "<" + column + ">" + xml_text(classic(value)) + "</" + column + ">";
      }
      out += "</row>\n";
    }
    out += "  </table>\n";
  }
  return out + "</dataset>\n";
}

template <typename Read>
Dataset collect(Read read) {
  std::map<std::string, std::unique_ptr<Table>> tables;
  std::map<std::string, std::unique_ptr<data::TableSink>> sinks;
  auto opened = [&](const data::SchemaTable& table) -> data::RowSink& {
    auto& slot = tables[table.name];
    if (!slot) {
      slot = std::make_unique<Table>(table.name, table.columns);
      sinks[table.name] = std::make_unique<data::TableSink>(*slot);
    }
    return *sinks[table.name];
  };
  read(opened);
  Dataset dataset;
  for (auto& [name, table] : tables) dataset.put(std::move(*table));
  return dataset;
}

std::string find_soffice() {
  for (const char* candidate : {"/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"}) {
    if (fs::exists(candidate)) return candidate;
  }
  return {};
}

class Equivalence : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    reference_ = new Dataset(reference_dataset());
    std::random_device device;
    folder_ = new fs::path(fs::temp_directory_path() / ("dizgi-equivalence-" + std::to_string(device())));
    fs::create_directories(*folder_ / "tr");
    fs::create_directories(*folder_ / "classic");
    for (const auto& [name, table] : reference_->tables()) {
      std::string turkish_csv = "\xEF\xBB\xBF" + write_csv(table, ';', turkish);
      // One table as Turkish Excel writes it: Windows-1254, no BOM.
      if (name == "birim") turkish_csv = to_windows1254(turkish_csv.substr(3));
      std::ofstream(*folder_ / "tr" / (name + ".csv"), std::ios::binary) << turkish_csv;
      std::ofstream(*folder_ / "classic" / (name + ".csv"), std::ios::binary)
          << write_csv(table, ',', classic);
    }
    std::ofstream(*folder_ / "dataset.xml", std::ios::binary) << write_xml(*reference_);
  }

  static void TearDownTestSuite() {
    std::error_code ignored;
    fs::remove_all(*folder_, ignored);
    delete folder_;
    delete reference_;
  }

  // Converts the classic CSVs into workbooks with LibreOffice, once per suite. Column types are
  // given to the CSV filter so codes like "03" stay text and dates become date cells.
  static std::string convert_with_libreoffice(const std::string& format) {
    std::string soffice = find_soffice();
    if (soffice.empty()) return "soffice (package libreoffice-calc-nogui) is not installed";
    fs::path out = *folder_ / format;
    if (fs::exists(out)) return {};
    fs::create_directories(out);
    std::string profile = "-env:UserInstallation=file://" + (*folder_ / "lo-profile").string();
    if (format == "xlsx") {
      for (const auto& [name, table] : reference_->tables()) {
        std::string columns;
        for (std::size_t c = 0; c < table.columns().size(); ++c) {
          ValueType type = table.columns()[c].type;
          int code = type == ValueType::text ? 2 : type == ValueType::date ? 5 : type == ValueType::boolean ? 1 : 10;
          columns += (c ? "/" : "") + std::to_string(c + 1) + "/" + std::to_string(code);
        }
        std::string command = "'" + soffice + "' --headless --norestore --nolockcheck '" + profile +
                              "' --infilter='CSV:44,34,76,1," + columns + ",1033' --convert-to xlsx --outdir '" +
                              out.string() + "' '" + (*folder_ / "classic" / (name + ".csv")).string() +
                              "' >/dev/null 2>&1";
        if (std::system(command.c_str()) != 0) return "soffice failed: " + command;
      }
    } else {
      std::string err = convert_with_libreoffice("xlsx");
      if (!err.empty()) return err;
      std::string command = "'" + soffice + "' --headless --norestore --nolockcheck '" + profile +
                            "' --convert-to ods --outdir '" + out.string() + "'";
      for (const auto& [name, table] : reference_->tables()) {
        command += " '" + (*folder_ / "xlsx" / (name + ".xlsx")).string() + "'";
      }
      command += " >/dev/null 2>&1";
      if (std::system(command.c_str()) != 0) return "soffice failed: " + command;
    }
    return {};
  }

  static Dataset read_workbooks(const std::string& format) {
    return collect([&](const dizgi::sheet::TableOpened& opened) {
      for (const auto& [name, table] : reference_->tables()) {
        std::string path = (*folder_ / format / (name + "." + format)).string();
        dizgi::sheet::ZipArchive archive(path, nullptr, 0, name + "." + format, {});
        auto workbook = format == "ods" ? dizgi::sheet::open_ods(archive, {})
                                        : dizgi::sheet::open_xlsx(archive, {});
        dizgi::sheet::read_workbook(*workbook, name + "." + format, schema(),
                                    {{"table", name}}, {}, nullptr, opened);
      }
    });
  }

  static Dataset* reference_;
  static fs::path* folder_;
};

Dataset* Equivalence::reference_ = nullptr;
fs::path* Equivalence::folder_ = nullptr;

}  // namespace

TEST_F(Equivalence, ReferenceHasEveryTableWithRows) {
  EXPECT_EQ(reference_->tables().size(), schema().tables().size());
  for (const auto& [name, table] : reference_->tables()) EXPECT_GT(table.row_count(), 0u) << name;
}

TEST_F(Equivalence, CsvMatchesSqlite) {
  Dataset csv = collect([&](const auto& opened) {
    for (const auto& [name, table] : reference_->tables()) {
      std::ifstream input(*folder_ / "tr" / (name + ".csv"), std::ios::binary);
      const auto& schema_table = schema().require(name, {});
      dizgi::csv::read_table(input, name + ".csv", schema_table, {}, {}, opened(schema_table));
    }
  });
  EXPECT_EQ(difference(*reference_, csv), "");
}

TEST_F(Equivalence, XmlMatchesSqlite) {
  Dataset xml = collect([&](const dizgi::xml::TableOpened& opened) {
    dizgi::xml::read((*folder_ / "dataset.xml").string(), nullptr, 0, "dataset.xml",
                     schema(), {}, {}, opened);
  });
  EXPECT_EQ(difference(*reference_, xml), "");
}

TEST_F(Equivalence, XlsxFromLibreOfficeMatchesSqlite) {
  std::string problem = convert_with_libreoffice("xlsx");
  if (problem.find("not installed") != std::string::npos) GTEST_SKIP() << problem;
  ASSERT_EQ(problem, "");
  EXPECT_EQ(difference(*reference_, read_workbooks("xlsx")), "");
}

TEST_F(Equivalence, OdsFromLibreOfficeMatchesSqlite) {
  std::string problem = convert_with_libreoffice("ods");
  if (problem.find("not installed") != std::string::npos) GTEST_SKIP() << problem;
  ASSERT_EQ(problem, "");
  EXPECT_EQ(difference(*reference_, read_workbooks("ods")), "");
}

#ifdef DIZGI_HAVE_SQLITE_READER
TEST_F(Equivalence, SqlitePluginMatchesReference) {
  Dataset dataset;
  dizgi::sqlite_source::ReadOptions options;
  options.schema = DIZGI_EQ_REFERENCE_DDL;
  dizgi::sqlite_source::read_file(DIZGI_PG_DATA_SQL, options, dataset, nullptr);
  EXPECT_EQ(difference(*reference_, dataset), "");
}
#endif

TEST_F(Equivalence, PostgresMatchesSqlite) {
  if (!std::getenv("PGHOST")) GTEST_SKIP() << "run through pg-fixture.sh (ctest postgres.equivalence)";
  Dataset pg = collect([&](const dizgi::postgres::TableOpened& opened) {
    dizgi::postgres::read(schema(), {}, {}, nullptr, opened);
  });
  EXPECT_EQ(difference(*reference_, pg, /*order_free=*/true), "");
}
