// The two DDL flavours keep the same tables and columns, the documentation names every one of
// them, and the SQLite flavour really loads (with the sample data).
#include "sqlite_reader.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// table -> column names, in order, from "CREATE TABLE x (...);" blocks (one column per line).
std::map<std::string, std::vector<std::string>> tables_of(const std::string& ddl) {
  std::map<std::string, std::vector<std::string>> tables;
  std::regex create(R"(CREATE TABLE (\w+) \(\n([\s\S]*?)\n\);)");
  for (std::sregex_iterator it(ddl.begin(), ddl.end(), create), end; it != end; ++it) {
    std::vector<std::string>& columns = tables[(*it)[1]];
    std::istringstream body((*it)[2].str());
    std::string line;
    while (std::getline(body, line)) {
      std::smatch m;
      if (std::regex_search(line, m, std::regex(R"(^\s+(\w+)\s+[A-Z])")) && m[1] != "PRIMARY") {
        columns.push_back(m[1]);
      }
    }
  }
  return tables;
}

const fs::path source_dir = DIZGI_SOURCE_DIR;

}  // namespace

TEST(DataSchema, PostgresFlavourHasTheSameTablesAndColumns) {
  auto sqlite = tables_of(slurp(source_dir / "schemas/sql/sqlite.sql"));
  auto postgres = tables_of(slurp(source_dir / "schemas/sql/postgres.sql"));
  EXPECT_GE(sqlite.size(), 30u);
  EXPECT_EQ(sqlite, postgres);
}

TEST(DataSchema, RequiredColumnsOfTheFirstLayoutExist) {
  auto tables = tables_of(slurp(source_dir / "schemas/sql/sqlite.sql"));
  std::map<std::string, std::vector<std::string>> required = {
      {"idare", {"id", "ad", "tur", "il", "nufus", "nufus_yili", "yuzolcumu_km2", "ilce_sayisi", "mahalle_sayisi",
                 "adres", "web", "ust_yonetici"}},
      {"birim", {"id", "kod", "ad", "kisa_ad", "tur", "harcama_birimi", "harcama_yetkilisi", "gorev_tanimi"}},
      {"amac", {"kod", "metin", "sira"}},
      {"hedef", {"kod", "amac_kod", "metin", "aciklama", "sorumlu_birim_id"}},
      {"gosterge", {"kod", "hedef_kod", "ad", "olcu_birimi", "hedefe_etkisi", "yon", "tur", "hesaplama_yontemi",
                    "baslangic_degeri", "baslangic_yili"}},
      {"gosterge_hedef", {"gosterge_kod", "yil", "deger"}},
      {"gosterge_olcum", {"gosterge_kod", "yil", "donem", "deger", "sapma_nedeni", "tedbir"}},
      {"ekonomik_kod", {"kod", "ad", "duzey", "tur"}},
      {"butce_gider", {"yil", "birim_id", "ekonomik_kod", "fonksiyonel_kod", "baslangic_odenegi", "eklenen", "dusulen",
                       "yil_sonu_odenegi", "harcama", "sapma_aciklamasi"}},
      {"butce_gelir", {"yil", "ekonomik_kod", "butce_tahmini", "tahakkuk", "tahsilat", "red_iade"}},
      {"faaliyet", {"kod", "tur", "ad", "hedef_kod", "sorumlu_birim_id", "durum", "fiziki_gerceklesme", "butce",
                    "harcanan"}},
      {"metin", {"id", "baslik", "icerik"}},
  };
  for (const auto& [table, columns] : required) {
    ASSERT_TRUE(tables.count(table)) << table;
    for (const auto& column : columns) {
      EXPECT_NE(std::find(tables[table].begin(), tables[table].end(), column), tables[table].end())
          << table << "." << column;
    }
  }
}

TEST(DataSchema, DocumentationNamesEveryTableAndColumn) {
  auto tables = tables_of(slurp(source_dir / "schemas/sql/sqlite.sql"));
  std::string doc = slurp(source_dir / "docs/data-model.md");
  for (const auto& [table, columns] : tables) {
    std::size_t at = doc.find("#### `" + table + "`");
    ASSERT_NE(at, std::string::npos) << "docs/data-model.md has no section for table " << table;
    std::size_t next = doc.find("\n#", at + 1);
    std::string section = doc.substr(at, next == std::string::npos ? std::string::npos : next - at);
    for (const auto& column : columns) {
      EXPECT_NE(section.find("| `" + column + "` |"), std::string::npos) << table << "." << column;
    }
  }
}

TEST(DataSchema, EmbeddedSchemaIsTheReferenceFile) {
  EXPECT_EQ(std::string(dizgi::sqlite_source::standard_schema_sql()), slurp(source_dir / "schemas/sql/sqlite.sql"));
}

TEST(DataSchema, BuiltSampleDatabaseOpensWhenPresent) {
  // The build makes build/<preset>/samples/kuzeykent.sqlite from text; when this test binary's
  // tree has it, it must read like the .sql text does.
  fs::path built = fs::path(DIZGI_TEST_BINARY_DIR).parent_path() / "samples/kuzeykent.sqlite";
  if (!fs::exists(built)) GTEST_SKIP() << "sample database not built: " << built;
  dizgi::Dataset from_file, from_text;
  dizgi::sqlite_source::read_file(built, {}, from_file, nullptr);
  dizgi::sqlite_source::read_file(source_dir / "samples/kuzeykent/data/kuzeykent.sql", {}, from_text, nullptr);
  ASSERT_EQ(from_file.tables().size(), from_text.tables().size());
  for (const auto& [name, table] : from_text.tables()) {
    EXPECT_EQ(from_file.table(name).row_count(), table.row_count()) << name;
  }
}
