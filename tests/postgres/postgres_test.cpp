// The PostgreSQL data source against a real server that pg-fixture.sh starts for this binary
// (PGHOST/PGPORT/PGDATABASE/PGUSER point at it): reading the standard tables with exact
// numerics, connecting by service, refusing passwords, and one-line errors.
#include "postgres_source.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using dizgi::Date;
using dizgi::Decimal;
using dizgi::Table;
namespace data = dizgi::data;

namespace {

bool have_server() { return std::getenv("PGHOST") && std::getenv("PGPORT"); }

dizgi::Dataset load(data::Params params) {
  dizgi::DataSourceContext context;
  context.name = "merkez";
  context.params = std::move(params);
  // The stand-in sample's schema, whatever the project's standard schema is.
  context.params.emplace("columns", DIZGI_TEST_SAMPLE_DIR "/schema.sql");
  context.origin = {"book.xml", 12, 5, {}};
  dizgi::DiagnosticSink sink;
  context.sink = &sink;
  dizgi::Dataset dataset;
  dizgi::postgres::Source source;
  source.load(context, dataset);
  return dataset;
}

void run_sql(const std::string& sql) {
  PGconn* connection = PQconnectdb("");
  ASSERT_EQ(PQstatus(connection), CONNECTION_OK) << PQerrorMessage(connection);
  PGresult* result = PQexec(connection, sql.c_str());
  EXPECT_EQ(PQresultStatus(result), PGRES_COMMAND_OK) << PQerrorMessage(connection);
  PQclear(result);
  PQfinish(connection);
}

}  // namespace

TEST(Postgres, ReadsTheStandardTablesExactly) {
  if (!have_server()) GTEST_SKIP() << "run through pg-fixture.sh (ctest postgres.*)";
  dizgi::Dataset dataset = load({});
  const Table& gider = dataset.table("butce_gider");
  ASSERT_EQ(gider.row_count(), 3u);
  EXPECT_EQ(std::get<Decimal>(gider.at(0, "baslangic_odenegi")), (Decimal{1580913435, 2}));
  EXPECT_EQ(std::get<Decimal>(gider.at(1, "harcama")).to_string(), "987654321.99");
  EXPECT_TRUE(dizgi::is_null(gider.at(2, "harcama")));
  const Table& birim = dataset.table("birim");
  EXPECT_EQ(std::get<bool>(birim.at(1, "harcama_birimi")), true);
  EXPECT_EQ(std::get<std::string>(birim.at(3, "ad")),
            "Afet İşleri; Risk Yönetimi, \"Acil\" Durum Dairesi Başkanlığı");
  const Table& olcum = dataset.table("gosterge_olcum");
  EXPECT_EQ(std::get<Date>(olcum.at(0, "olcum_tarihi")), (Date{2025, 6, 30}));
  EXPECT_EQ(std::get<Decimal>(olcum.at(0, "deger")).scale, 4);
  EXPECT_EQ(std::get<std::string>(dataset.table("metin").at(1, "icerik")),
            "Kuzeykent'te herkes için adil, şeffaf ve katılımcı hizmet.");
}

TEST(Postgres, TablesParamAndRenamedColumns) {
  if (!have_server()) GTEST_SKIP() << "run through pg-fixture.sh (ctest postgres.*)";
  run_sql("CREATE SCHEMA IF NOT EXISTS yerel; DROP TABLE IF EXISTS yerel.amac;"
          "CREATE TABLE yerel.amac (no integer, kod text, aciklama text, fazlalik text);"
          "INSERT INTO yerel.amac VALUES (7, 'A7', 'Açık veri', 'x');");
  dizgi::Dataset dataset =
      load({{"tables", "amac"}, {"pg-schema", "yerel"}, {"map.no", "id"}, {"map.aciklama", "metin"}});
  ASSERT_EQ(dataset.tables().size(), 1u);
  const Table& amac = dataset.table("amac");
  EXPECT_EQ(std::get<int64_t>(amac.at(0, "id")), 7);
  EXPECT_EQ(std::get<std::string>(amac.at(0, "metin")), "Açık veri");
  try {
    load({{"tables", "amac"}, {"pg-schema", "yerel"}});
    FAIL() << "no error";
  } catch (const dizgi::Error& error) {
    EXPECT_STREQ(error.what(),
                 "postgres:dizgi: table 'amac': error: missing required column 'id' of table "
                 "'amac'");
  }
}

TEST(Postgres, ConnectsThroughAServiceFile) {
  if (!have_server()) GTEST_SKIP() << "run through pg-fixture.sh (ctest postgres.*)";
  auto folder = std::filesystem::temp_directory_path() / "dizgi-pg-service-test";
  std::filesystem::create_directories(folder);
  auto file = folder / "pg_service.conf";
  {
    std::ofstream out(file);
    out << "[kuzeykent]\nhost=" << std::getenv("PGHOST") << "\nport=" << std::getenv("PGPORT")
        << "\ndbname=dizgi\nuser=postgres\n";
  }
  std::string host = std::getenv("PGHOST"), port = std::getenv("PGPORT");
  setenv("PGSERVICEFILE", file.c_str(), 1);
  unsetenv("PGHOST");
  unsetenv("PGPORT");
  unsetenv("PGDATABASE");
  dizgi::Dataset dataset;
  EXPECT_NO_THROW(dataset = load({{"service", "kuzeykent"}, {"tables", "idare"}}));
  setenv("PGHOST", host.c_str(), 1);
  setenv("PGPORT", port.c_str(), 1);
  setenv("PGDATABASE", "dizgi", 1);
  unsetenv("PGSERVICEFILE");
  std::filesystem::remove_all(folder);
  ASSERT_TRUE(dataset.has("idare"));
  EXPECT_EQ(std::get<int64_t>(dataset.table("idare").at(0, "nufus")), 4100000);
}

TEST(Postgres, PasswordsInParamsAreRefused) {
  for (data::Params params : std::vector<data::Params>{
           {{"password", "gizli"}},
           {{"dbname", "host=x password=gizli"}},
           {{"dbname", "postgresql://ali:gizli@db/kuzeykent"}},
           {{"PGPASSWORD", "gizli"}}}) {
    try {
      load(params);
      FAIL() << "accepted " << params.begin()->first;
    } catch (const dizgi::Error& error) {
      EXPECT_EQ(error.code(), dizgi::ErrorCode::project);
      EXPECT_EQ(std::string(error.what()).rfind("book.xml:12:5: error: a password in book.xml is refused", 0), 0u)
          << error.what();
    }
  }
}

TEST(Postgres, SqlFromBookXmlIsRefused) {
  try {
    load({{"query", "SELECT * FROM gostergeler"}});
    FAIL() << "no error";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(std::string(error.what()).rfind(
                  "book.xml:12:5: error: the postgres source does not run SQL from book.xml", 0),
              0u)
        << error.what();
  }
}

TEST(Postgres, ConnectionFailureIsOneLine) {
  // The target comes from the environment (a book may not name one).
  std::string host = std::getenv("PGHOST") ? std::getenv("PGHOST") : "";
  std::string port = std::getenv("PGPORT") ? std::getenv("PGPORT") : "";
  setenv("PGHOST", "127.0.0.1", 1);
  setenv("PGPORT", "1", 1);
  try {
    load({{"connect_timeout", "3"}});
    FAIL() << "no error";
  } catch (const dizgi::Error& error) {
    std::string message = error.what();
    EXPECT_EQ(message.rfind("book.xml:12:5: error: cannot connect to PostgreSQL: ", 0), 0u) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos);
  }
  if (host.empty()) unsetenv("PGHOST"); else setenv("PGHOST", host.c_str(), 1);
  if (port.empty()) unsetenv("PGPORT"); else setenv("PGPORT", port.c_str(), 1);
}

// Issue 16: a book that names a server (with sslmode=disable) made libpq answer that server's
// clear-text password request with the user's ~/.pgpass line. Targets come from the user only.
TEST(Postgres, ConnectionTargetsFromTheBookAreRefused) {
  for (data::Params params : std::vector<data::Params>{
           {{"host", "evil.example"}}, {{"port", "5433"}}, {{"user", "postgres"}},
           {{"sslmode", "disable"}}, {{"hostaddr", "10.0.0.1"}}, {{"dbname", "x"}}}) {
    try {
      load(params);
      FAIL() << "accepted " << params.begin()->first;
    } catch (const dizgi::Error& error) {
      EXPECT_EQ(error.code(), dizgi::ErrorCode::project);
      EXPECT_NE(std::string(error.what()).find("is refused in book.xml"), std::string::npos) << error.what();
    }
  }
}

TEST(Postgres, PasswordsAreFoundByLibpqsOwnParser) {
  for (std::string conninfo : {"host=x password  = gizli", "host=x   password='gizli'",
                               "postgresql://ali:gizli@db/kuzeykent", "postgresql://db/k?password=gizli"}) {
    try {
      load({{"service", conninfo}});
      FAIL() << "accepted " << conninfo;
    } catch (const dizgi::Error& error) {
      EXPECT_NE(std::string(error.what()).find("a password in book.xml is refused"), std::string::npos)
          << error.what();
    }
  }
}
