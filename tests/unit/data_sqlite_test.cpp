// The sqlite data source reads the standard schema exactly: typed columns, decimals without
// float noise, NFC text, read-only opening, and one-line errors naming the file.
#include "sqlite_reader.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/dataset.hpp>
#include <dizgi/sdk/plugin.hpp>

#include <boost/dll/shared_library.hpp>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

namespace fs = std::filesystem;
using dizgi::Dataset;
using dizgi::Date;
using dizgi::Decimal;
using dizgi::ValueType;
namespace src = dizgi::sqlite_source;

namespace {

const fs::path source_dir = DIZGI_SOURCE_DIR;
const fs::path sample_sql = source_dir / "samples/kuzeykent/data/kuzeykent.sql";
const fs::path schema_sql = source_dir / "schemas/sql/sqlite.sql";

fs::path scratch(const std::string& name) {
  fs::path dir = fs::path(DIZGI_TEST_BINARY_DIR) / "data_sqlite";
  fs::create_directories(dir);
  return dir / name;
}

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Builds a database file from SQL text with the SQLite C API (as the build does with sqlite3).
fs::path make_database(const std::string& name, const std::string& sql) {
  fs::path file = scratch(name);
  fs::remove(file);
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
  return file;
}

const dizgi::Column& column(const dizgi::Table& table, const std::string& name) {
  return table.columns().at(table.require_column(name));
}

}  // namespace

TEST(DataSqlite, ReadsSampleDatabaseWithTypedColumns) {
  fs::path db = make_database("kuzeykent.sqlite", slurp(schema_sql) + slurp(sample_sql));
  Dataset dataset;
  src::read_file(db, {}, dataset, nullptr);

  const auto& birim = dataset.table("birim");
  EXPECT_GE(birim.row_count(), 32u);
  EXPECT_EQ(column(birim, "id").type, ValueType::integer);
  EXPECT_EQ(column(birim, "harcama_birimi").type, ValueType::boolean);
  EXPECT_EQ(birim.source, db.string());

  const auto& gider = dataset.table("butce_gider");
  EXPECT_EQ(column(gider, "harcama").type, ValueType::decimal);
  EXPECT_EQ(column(gider, "harcama").scale, 2);
  EXPECT_FALSE(column(gider, "harcama").nullable);
  // Every money value comes back with scale 2 and the yearly identity holds to the kuruş.
  for (std::size_t r = 0; r < gider.row_count(); ++r) {
    auto start = std::get<Decimal>(gider.at(r, "baslangic_odenegi"));
    auto added = std::get<Decimal>(gider.at(r, "eklenen"));
    auto removed = std::get<Decimal>(gider.at(r, "dusulen"));
    auto year_end = std::get<Decimal>(gider.at(r, "yil_sonu_odenegi"));
    EXPECT_EQ(year_end.scale, 2);
    EXPECT_EQ(start + added - removed, year_end) << "row " << r + 1;
  }

  const auto& gosterge = dataset.table("gosterge");
  EXPECT_EQ(column(gosterge, "hedefe_etkisi").type, ValueType::decimal);
  const auto& olcum = dataset.table("gosterge_olcum");
  bool saw_null = false;
  for (std::size_t r = 0; r < olcum.row_count(); ++r) saw_null |= dizgi::is_null(olcum.at(r, "deger"));
  EXPECT_TRUE(saw_null) << "the sample has a missing measurement (null, not zero)";

  const auto& beyan = dataset.table("beyan");
  EXPECT_EQ(column(beyan, "tarih").type, ValueType::date);
  EXPECT_EQ(std::get<Date>(beyan.at(0, "tarih")), (Date{2026, 3, 27}));
}

TEST(DataSqlite, DecimalsStayExactThroughRealStorage) {
  // NUMERIC affinity stores 12.10 as a REAL; the reader must give back 12.10, not 12.0999…
  fs::path db = make_database("exact.sqlite",
                              "CREATE TABLE t (tutar DECIMAL(20,2), oran DECIMAL(7,2), n INTEGER);"
                              "INSERT INTO t VALUES (12.10, 0.1, 3), ('98765432109.99', 33.333, NULL),"
                              " (1e15, -4.2, 7);");
  Dataset dataset;
  src::read_file(db, {}, dataset, nullptr);
  const auto& t = dataset.table("t");
  EXPECT_EQ(std::get<Decimal>(t.at(0, "tutar")).to_string(), "12.10");
  EXPECT_EQ(std::get<Decimal>(t.at(0, "oran")).to_string(), "0.10");
  EXPECT_EQ(std::get<Decimal>(t.at(1, "tutar")).to_string(), "98765432109.99");
  EXPECT_EQ(std::get<Decimal>(t.at(1, "oran")).to_string(), "33.33");
  EXPECT_TRUE(dizgi::is_null(t.at(1, "n")));
  EXPECT_EQ(std::get<Decimal>(t.at(2, "tutar")).to_string(), "1000000000000000.00");
  EXPECT_EQ(std::get<Decimal>(t.at(2, "oran")).to_string(), "-4.20");
}

TEST(DataSqlite, LoadsSqlTextIntoMemoryWithEmbeddedSchema) {
  // The sample .sql has no CREATE TABLE: the embedded standard schema is run first.
  Dataset dataset;
  src::ReadOptions options;
  options.tables = src::split_list("amac, hedef gosterge");
  src::read_file(sample_sql, options, dataset, nullptr);
  EXPECT_EQ(dataset.tables().size(), 3u);
  const auto& amac = dataset.table("amac");
  EXPECT_EQ(amac.row_count(), 7u);
  EXPECT_EQ(std::get<std::string>(amac.at(0, "kod")), "A1");
}

TEST(DataSqlite, NormalisesTextToNfc) {
  // "Işık" written with a combining dot (I + U+0307) and "ş" as s + U+0327 comes back composed.
  fs::path sql = scratch("nfc.sql");
  std::ofstream(sql) << "CREATE TABLE metin (id TEXT, icerik TEXT);\n"
                        "INSERT INTO metin VALUES ('a', 'I\xcc\x87" "s\xcc\xa7" "ik');\n";
  Dataset dataset;
  src::read_file(sql, {}, dataset, nullptr);
  EXPECT_EQ(std::get<std::string>(dataset.table("metin").at(0, "icerik")), "\xc4\xb0\xc5\x9fik");
}

TEST(DataSqlite, NeverWritesTheDatabaseFile) {
  fs::path db = make_database("readonly.sqlite", "CREATE TABLE amac (kod TEXT, metin TEXT, sira INTEGER);"
                                                 "INSERT INTO amac VALUES ('A1', 'Ulaşım', 1);");
  auto before = fs::last_write_time(db);
  auto size = fs::file_size(db);
  fs::permissions(db, fs::perms::owner_read | fs::perms::group_read, fs::perm_options::replace);
  Dataset dataset;
  EXPECT_NO_THROW(src::read_file(db, {}, dataset, nullptr));
  EXPECT_EQ(fs::last_write_time(db), before);
  EXPECT_EQ(fs::file_size(db), size);
  EXPECT_FALSE(fs::exists(db.string() + "-journal"));
  EXPECT_FALSE(fs::exists(db.string() + "-wal"));
  fs::permissions(db, fs::perms::owner_all, fs::perm_options::replace);
}

TEST(DataSqlite, CorruptFileGivesOneLineErrorNamingTheFile) {
  fs::path bad = scratch("bozuk.sqlite");
  std::ofstream(bad) << "this is not a database, just text pretending to be one\n";
  Dataset dataset;
  try {
    src::read_file(bad, {}, dataset, nullptr);
    FAIL() << "expected an error";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.code(), dizgi::ErrorCode::data);
    EXPECT_EQ(error.location().file, bad.string());
    EXPECT_NE(error.message().find("bozuk.sqlite"), std::string::npos) << error.message();
    EXPECT_NE(error.message().find("not a database"), std::string::npos) << error.message();
    EXPECT_EQ(std::string(error.what()).find('\n'), std::string::npos);
  }
}

TEST(DataSqlite, TruncatedDatabaseIsReportedNotCrashed) {
  fs::path db = make_database("truncated.sqlite", slurp(schema_sql) + slurp(sample_sql));
  fs::resize_file(db, fs::file_size(db) / 3);
  Dataset dataset;
  EXPECT_THROW(src::read_file(db, {}, dataset, nullptr), dizgi::Error);
}

TEST(DataSqlite, MissingFileAndMissingTableAreClearErrors) {
  Dataset dataset;
  try {
    src::read_file(scratch("yok.sqlite"), {}, dataset, nullptr);
    FAIL();
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.code(), dizgi::ErrorCode::io);
    EXPECT_NE(error.message().find("no such file"), std::string::npos);
  }
  src::ReadOptions options;
  options.tables = {"olmayan_tablo"};
  try {
    src::read_file(sample_sql, options, dataset, nullptr);
    FAIL();
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.message(), "table 'olmayan_tablo' not found in '" + sample_sql.string() + "'");
    EXPECT_NE(error.hint().find("gosterge"), std::string::npos);
  }
}

TEST(DataSqlite, BadSqlTextNamesTheLine) {
  fs::path sql = scratch("hatali.sql");
  std::ofstream(sql) << "INSERT INTO amac (kod, metin, sira) VALUES ('A1', 'Bir', 1);\n"
                        "\n"
                        "INSERT INTO amac (kod, metin, sira) VALUES ('A1', 'Yinelenen', 2);\n";
  Dataset dataset;
  try {
    src::read_file(sql, {}, dataset, nullptr);
    FAIL();
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.location().line, 3u);
    EXPECT_NE(error.message().find("UNIQUE"), std::string::npos) << error.message();
  }
}

TEST(DataSqlite, BadCellValueNamesTableRowAndColumn) {
  fs::path db = make_database("badcell.sqlite",
                              "CREATE TABLE beyan (id INTEGER, tarih DATE);"
                              "INSERT INTO beyan VALUES (1, '2026-03-27'), (2, '31 Şubat');");
  Dataset dataset;
  try {
    src::read_file(db, {}, dataset, nullptr);
    FAIL();
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.location().where, "table 'beyan', row 2, column 'tarih'");
  }
}

// Issue 16: a decimal that overflows (1e30 in a DECIMAL column) named no file, table, row or
// column.
TEST(DataSqlite, DecimalOverflowNamesTableRowAndColumn) {
  fs::path db = make_database("overflow.sqlite",
                              "CREATE TABLE butce (id INTEGER, tutar DECIMAL(15,2));"
                              "INSERT INTO butce VALUES (1, 10.5), (2, 1e30);");
  Dataset dataset;
  try {
    src::read_file(db, {}, dataset, nullptr);
    FAIL();
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.location().where, "table 'butce', row 2, column 'tutar'") << error.what();
    EXPECT_NE(error.location().file.find("overflow.sqlite"), std::string::npos) << error.what();
  }
}

// Issue 16: SQL text may not reach other files, and .sqlite files are read under the same
// authorizer (a view or statement of the file cannot attach or write).
TEST(DataSqlite, SqlTextCannotAttachOrVacuumInto) {
  for (const char* statement : {"ATTACH DATABASE 'baska.db' AS b;", "VACUUM INTO 'kopya.db';",
                                "PRAGMA writable_schema = ON;"}) {
    fs::path sql = scratch("saldiri.sql");
    std::ofstream(sql) << "CREATE TABLE t (a INTEGER);\n" << statement << "\n";
    Dataset dataset;
    try {
      src::read_file(sql, {}, dataset, nullptr);
      FAIL() << statement;
    } catch (const dizgi::Error& error) {
      EXPECT_EQ(error.location().line, 2u) << statement;
      EXPECT_NE(error.message().find("is not allowed in SQL text"), std::string::npos) << error.message();
    }
  }
  EXPECT_FALSE(fs::exists("baska.db"));
  EXPECT_FALSE(fs::exists("kopya.db"));
}

// The module's entry: the info record, the registration and the data source it creates
// (loaded directly with Boost.DLL, independent of the host's loader).
namespace {

struct CapturingRegistry : dizgi::Registry {
  dizgi::ComponentInfo info{};
  std::size_t size = 0;
  void add_component(const dizgi::ComponentInfo& component, std::size_t component_size) override {
    info = component;
    size = component_size;
  }
};

}  // namespace

TEST(DataSqlite, PluginModuleRegistersADataSourceThatReadsTheSample) {
  fs::path module = fs::path(DIZGI_BUILD_PLUGIN_DIR) / "dizgi-sqlite.so";
  ASSERT_TRUE(fs::exists(module)) << module;
  auto library = std::make_shared<boost::dll::shared_library>(module.string());
  const auto& info = library->get_alias<const dizgi::PluginInfo>("dizgi_plugin_info");
  EXPECT_STREQ(info.id, "sqlite");
  EXPECT_STREQ(info.kind, "datasource");
  EXPECT_EQ(info.abi, DIZGI_SDK_ABI);
  CapturingRegistry registry;
  library->get_alias<dizgi::RegisterFunction>("dizgi_plugin_register")(registry);
  ASSERT_EQ(registry.info.kind, dizgi::ComponentKind::datasource);
  EXPECT_STREQ(registry.info.id, "sqlite");
  std::unique_ptr<dizgi::DataSource> source(registry.info.create_datasource());

  dizgi::DiagnosticSink sink;
  dizgi::DataSourceContext context;
  context.name = "veri";
  context.params = {{"file", "data/kuzeykent.sql"}, {"tables", "amac,hedef"}};
  context.base_dir = (source_dir / "samples/kuzeykent").string();
  context.sink = &sink;
  Dataset dataset;
  source->load(context, dataset);
  EXPECT_EQ(dataset.tables().size(), 2u);
  EXPECT_EQ(dataset.table("amac").source, "data/kuzeykent.sql");

  context.params = {{"tables", "amac"}};
  EXPECT_THROW(source->load(context, dataset), dizgi::Error);  // no 'file'
  source.reset();  // destroy before the library goes away
}

TEST(DataSqlite, SkipsVirtualTables) {
  fs::path db = make_database("virtual.sqlite", "CREATE TABLE amac (kod TEXT, metin TEXT, sira INTEGER);"
                                                "CREATE VIRTUAL TABLE ara USING fts5(metin);");
  Dataset dataset;
  src::read_file(db, {}, dataset, nullptr);
  EXPECT_TRUE(dataset.has("amac"));
  EXPECT_FALSE(dataset.has("ara"));
}

TEST(DataSqlite, BinaryValueInATextColumnIsNamed) {
  fs::path db = make_database("blob.sqlite", "CREATE TABLE metin (id TEXT, icerik TEXT);"
                                             "INSERT INTO metin VALUES ('a', x'00ff10');");
  Dataset dataset;
  try {
    src::read_file(db, {}, dataset, nullptr);
    FAIL();
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.message(), "expected text, found a binary value");
    EXPECT_EQ(error.location().where, "table 'metin', row 1, column 'icerik'");
  }
}
