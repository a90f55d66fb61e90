// Each validation rule of domain §4.6 fires on a minimal bad dataset and names table, row and
// column; the sample passes clean; strict mode turns warnings into errors.
#include "data/validate.hpp"

#include "sqlite_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace data = dizgi::data;
namespace fs = std::filesystem;

namespace {

// Loads the standard schema plus `inserts` (SQL) into a dataset through the sqlite reader.
dizgi::Dataset load(const std::string& name, const std::string& inserts) {
  fs::path dir = fs::path(DIZGI_TEST_BINARY_DIR) / "data_validate";
  fs::create_directories(dir);
  fs::path file = dir / (name + ".sql");
  std::ofstream(file) << inserts;
  dizgi::Dataset dataset;
  dizgi::sqlite_source::read_file(file, {}, dataset, nullptr);
  return dataset;
}

const std::string base =
    "INSERT INTO birim (id, kod, ad, tur, harcama_birimi) VALUES (10, '46.01', 'Fen İşleri Dairesi Başkanlığı', "
    "'daire_baskanligi', TRUE);\n"
    "INSERT INTO amac (kod, metin, sira) VALUES ('A1', 'Ulaşım', 1);\n"
    "INSERT INTO hedef (kod, amac_kod, metin) VALUES ('H1.1', 'A1', 'Raylı sistem');\n";

std::string indicator(const std::string& kod, const std::string& weight, const std::string& yon, const std::string& a,
                      const std::string& b, const std::string& c, const std::string& reason = "NULL") {
  return "INSERT INTO gosterge (kod, hedef_kod, ad, hedefe_etkisi, yon, baslangic_degeri, baslangic_yili) VALUES ('" +
         kod + "', 'H1.1', 'Gösterge', " + weight + ", '" + yon + "', " + a + ", 2024);\n" +
         "INSERT INTO gosterge_hedef VALUES ('" + kod + "', 2025, " + b + ");\n" +
         "INSERT INTO gosterge_olcum (gosterge_kod, yil, donem, deger, sapma_nedeni) VALUES ('" + kod +
         "', 2025, 'yil_sonu', " + c + ", " + reason + ");\n";
}

const dizgi::Diagnostic* find(const dizgi::DiagnosticSink& sink, const std::string& code) {
  for (const auto& d : sink.diagnostics()) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

}  // namespace

TEST(DataValidate, SampleDataIsClean) {
  dizgi::Dataset dataset;
  dizgi::sqlite_source::read_file(fs::path(DIZGI_SOURCE_DIR) / "samples/kuzeykent/data/kuzeykent.sql", {}, dataset,
                                  nullptr);
  dizgi::DiagnosticSink sink;
  auto summary = data::validate(dataset, {}, sink);
  for (const auto& d : sink.diagnostics()) ADD_FAILURE() << dizgi::format(d);
  EXPECT_EQ(summary.errors, 0u);
  EXPECT_EQ(summary.warnings, 0u);
}

TEST(DataValidate, WeightsOfAHedefMustSumTo100) {
  auto dataset = load("weights", base + indicator("PG1.1.1", "30", "artan", "1", "2", "2") +
                                     indicator("PG1.1.2", "60", "artan", "1", "2", "2"));
  dizgi::DiagnosticSink sink;
  auto summary = data::validate(dataset, {}, sink);
  const auto* d = find(sink, "data.weights-sum");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->severity, dizgi::Severity::error);
  EXPECT_EQ(d->location.where, "table 'gosterge', row 1 (PG1.1.1), column 'hedefe_etkisi'");
  EXPECT_NE(d->message.find("sum to 90,00, not 100"), std::string::npos) << d->message;
  EXPECT_EQ(summary.errors, 1u);
}

TEST(DataValidate, DeviationNeedsAReasonInBothDirections) {
  auto dataset = load("deviation", base + indicator("PG1.1.1", "50", "artan", "10", "20", "25") +
                                       indicator("PG1.1.2", "50", "artan", "10", "20", "15", "'İhale gecikti.'"));
  dizgi::DiagnosticSink sink;
  auto summary = data::validate(dataset, {}, sink);
  const auto* d = find(sink, "data.deviation-reason-missing");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->severity, dizgi::Severity::warning);
  EXPECT_EQ(d->location.where, "table 'gosterge_olcum', row 1 (PG1.1.1, 2025, yil_sonu), column 'sapma_nedeni'");
  EXPECT_EQ(summary.warnings, 1u);  // PG1.1.2 is under target but explained
  EXPECT_EQ(summary.errors, 0u);
}

TEST(DataValidate, StrictModeTurnsWarningsIntoErrors) {
  auto dataset = load("strict", base + indicator("PG1.1.1", "100", "artan", "10", "20", "25"));
  dizgi::DiagnosticSink sink;
  auto summary = data::validate(dataset, data::ValidateOptions{0, true}, sink);
  EXPECT_EQ(summary.errors, 1u);
  EXPECT_EQ(summary.warnings, 0u);
  EXPECT_EQ(find(sink, "data.deviation-reason-missing")->severity, dizgi::Severity::error);
}

TEST(DataValidate, TargetEqualToBaselineRequiresKoruma) {
  auto dataset = load("koruma", base + indicator("PG1.1.1", "50", "artan", "100", "100", "100") +
                                    indicator("PG1.1.2", "50", "koruma", "100", "100", "100"));
  dizgi::DiagnosticSink sink;
  data::validate(dataset, {}, sink);
  const auto* d = find(sink, "data.baseline-equals-target");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->location.where, "table 'gosterge', row 1 (PG1.1.1), column 'yon'");
  EXPECT_EQ(sink.count(dizgi::Severity::error), 1u);  // the koruma indicator is fine
}

TEST(DataValidate, MissingTargetAndMissingMeasurement) {
  std::string sql = base +
                    "INSERT INTO gosterge (kod, hedef_kod, ad, hedefe_etkisi, yon, baslangic_degeri) VALUES "
                    "('PG1.1.1', 'H1.1', 'Hedefsiz', 50, 'artan', 1), ('PG1.1.2', 'H1.1', 'Ölçümsüz', 50, 'artan', 1);\n"
                    "INSERT INTO gosterge_hedef VALUES ('PG1.1.2', 2025, 5);\n"
                    "INSERT INTO gosterge_olcum (gosterge_kod, yil, donem, deger) VALUES ('PG1.1.1', 2025, 'yil_sonu', 3),"
                    " ('PG1.1.2', 2025, 'yil_sonu', NULL);\n";
  auto dataset = load("missing", sql);
  dizgi::DiagnosticSink sink;
  data::validate(dataset, {}, sink);
  const auto* target = find(sink, "data.target-missing");
  ASSERT_TRUE(target);
  EXPECT_EQ(target->location.where, "table 'gosterge', row 1 (PG1.1.1)");
  EXPECT_NE(target->message.find("2025"), std::string::npos);
  const auto* measurement = find(sink, "data.measurement-missing");
  ASSERT_TRUE(measurement);
  EXPECT_EQ(measurement->location.where, "table 'gosterge_olcum', row 2 (PG1.1.2, 2025, yil_sonu), column 'deger'");
}

TEST(DataValidate, BudgetIdentityAndOverspending) {
  std::string sql = base +
                    "INSERT INTO butce_gider (yil, birim_id, ekonomik_kod, baslangic_odenegi, eklenen, dusulen, "
                    "yil_sonu_odenegi, harcama) VALUES (2025, 10, '03', 1000.00, 200.00, 50.00, 1100.00, 900.00),"
                    " (2025, 10, '06', 1000.00, 0, 0, 1000.00, 1000.01);\n";
  auto dataset = load("budget", sql);
  dizgi::DiagnosticSink sink;
  auto summary = data::validate(dataset, {}, sink);
  const auto* identity = find(sink, "data.budget-identity");
  ASSERT_TRUE(identity);
  EXPECT_EQ(identity->location.where, "table 'butce_gider', row 1 (2025, birim 10, 03), column 'yil_sonu_odenegi'");
  EXPECT_NE(identity->message.find("1.150,00"), std::string::npos) << identity->message;
  const auto* over = find(sink, "data.overspent");
  ASSERT_TRUE(over);
  EXPECT_EQ(over->severity, dizgi::Severity::warning);
  EXPECT_EQ(over->location.where, "table 'butce_gider', row 2 (2025, birim 10, 06), column 'harcama'");
  EXPECT_EQ(summary.errors, 1u);
  EXPECT_EQ(summary.warnings, 1u);
}

TEST(DataValidate, UnknownHedefActivityCostAndSourceTotal) {
  // Foreign keys off: a database file may hold orphans that SQLite never checked.
  std::string sql = "PRAGMA foreign_keys = OFF;\n" + base +
                    "INSERT INTO gosterge (kod, hedef_kod, ad, hedefe_etkisi, yon) VALUES "
                    "('PG9.9.1', 'H9.9', 'Yetim', 100, 'artan');\n"
                    "INSERT INTO faaliyet (kod, tur, ad, butce) VALUES ('F1.1.1', 'faaliyet', 'Asfalt', 100.00);\n"
                    "INSERT INTO faaliyet_maliyet VALUES ('F1.1.1', '03', 60.00), ('F1.1.1', '06', 30.00);\n"
                    "INSERT INTO hedef_maliyet VALUES ('H1.1', 2025, 500.00);\n"
                    "INSERT INTO kaynak VALUES ('oz_gelirler', 2025, 400.00);\n";
  auto dataset = load("refs", sql);
  dizgi::DiagnosticSink sink;
  data::validate(dataset, {}, sink);
  ASSERT_TRUE(find(sink, "data.unknown-hedef"));
  EXPECT_EQ(find(sink, "data.unknown-hedef")->location.where, "table 'gosterge', row 1 (PG9.9.1), column 'hedef_kod'");
  ASSERT_TRUE(find(sink, "data.activity-cost"));
  EXPECT_EQ(find(sink, "data.activity-cost")->location.where, "table 'faaliyet', row 1 (F1.1.1), column 'butce'");
  ASSERT_TRUE(find(sink, "data.source-total"));
}
