// Each validation rule of domain §4.6 fires on a minimal bad dataset and names table, row and
// column; the sample passes clean; strict mode turns warnings into errors.
#include "data/validate.hpp"

#include "sqlite_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

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
  // 900 of 1.100 is %81,82, below the %85 floor, and the line gives no reason.
  const auto* reason = find(sink, "data.budget-deviation-reason");
  ASSERT_TRUE(reason);
  EXPECT_EQ(reason->location.where, "table 'butce_gider', row 1 (2025, birim 10, 03), column 'sapma_aciklamasi'");
  EXPECT_NE(reason->message.find("%81,82"), std::string::npos) << reason->message;
  EXPECT_EQ(summary.errors, 1u);
  EXPECT_EQ(summary.warnings, 2u);
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

namespace {

// The sample's SQL text with each `from` replaced by its `to` (each must occur exactly once, so a
// change of the sample cannot silently make the test check nothing), loaded as a dataset.
dizgi::Dataset broken_sample(const std::string& name, const std::vector<std::pair<std::string, std::string>>& edits) {
  std::ifstream in(fs::path(DIZGI_SOURCE_DIR) / "samples/kuzeykent/data/kuzeykent.sql");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string sql = buffer.str();
  for (const auto& [from, to] : edits) {
    const std::size_t at = sql.find(from);
    EXPECT_NE(at, std::string::npos) << "the sample no longer has: " << from;
    if (at == std::string::npos) continue;
    EXPECT_EQ(sql.find(from, at + 1), std::string::npos) << "not unique in the sample: " << from;
    sql.replace(at, from.size(), to);
  }
  return load(name, sql);
}

std::vector<const dizgi::Diagnostic*> all_of(const dizgi::DiagnosticSink& sink, const std::string& code) {
  std::vector<const dizgi::Diagnostic*> out;
  for (const auto& d : sink.diagnostics())
    if (d.code == code) out.push_back(&d);
  return out;
}

}  // namespace

TEST(DataValidate, SampleDataPassesStrict) {
  dizgi::Dataset dataset;
  dizgi::sqlite_source::read_file(fs::path(DIZGI_SOURCE_DIR) / "samples/kuzeykent/data/kuzeykent.sql", {}, dataset,
                                  nullptr);
  dizgi::DiagnosticSink sink;
  auto summary = data::validate(dataset, data::ValidateOptions{2025, true}, sink);
  for (const auto& d : sink.diagnostics()) ADD_FAILURE() << dizgi::format(d);
  EXPECT_EQ(summary.errors, 0u);
}

TEST(DataValidate, ConsistencyRulesFireOnBrokenCopiesOfTheSample) {
  // Each edit breaks one rule the first review found broken in the sample.
  auto dataset = broken_sample(
      "broken", {
                    // the indicator restating the budget's realisation rate says 80,8 (Tablo: 87,59)
                    {"('PG7.3.2', 2025, 'yil_sonu', 87.6,", "('PG7.3.2', 2025, 'yil_sonu', 80.8,"},
                    // the mali hizmetler statement signed by someone who is not the idare's officer
                    {"(2, 'mali_hizmetler', 2025, 16, 'Oğuz Aydın'", "(2, 'mali_hizmetler', 2025, 16, 'Gülşen Öztürk İnce'"},
                    // the harcama yetkilisi signs after the end of February
                    {"'Fen İşleri Dairesi Başkanı', 'Kuzeykent', '2026-02-16'",
                     "'Fen İşleri Dairesi Başkanı', 'Kuzeykent', '2026-03-16'"},
                    // a second mission text
                    {"('misyon', 'Misyonumuz', 'Kuzeykent’te yaşayan herkese",
                     "('misyon', 'Misyonumuz', 'Kuzeykent’te yaşayan herkesin tümüne"},
                    // KOS12 under the wrong component
                    {"('KOS12', 'Kontrol Faaliyetleri',", "('KOS12', 'Bilgi ve İletişim',"},
                    // an activity with no spending under a hedef whose indicators are all at 100 %
                    {"'devam', 8.00, 268000000.00, NULL, 21440000.00);", "'devam', 8.00, 268000000.00, NULL, 0.00);"},
                    // collections above accruals
                    {"(2025, '06', 6598350000.00, 3079230001.00,", "(2025, '06', 6598350000.00, 2079230001.00,"},
                });
  dizgi::DiagnosticSink sink;
  data::validate(dataset, data::ValidateOptions{2025, false}, sink);

  const auto* restated = find(sink, "data.restated-figure");
  ASSERT_TRUE(restated);
  EXPECT_EQ(restated->location.where, "table 'gosterge_olcum', row 130 (PG7.3.2, 2025), column 'deger'");
  EXPECT_NE(restated->message.find("is 80,8 but restates butce_gider_ozet.gerceklesme_orani[TOPLAM] = 87,59"),
            std::string::npos)
      << restated->message;

  auto signers = all_of(sink, "data.statement-signer");
  ASSERT_EQ(signers.size(), 1u);
  EXPECT_NE(signers[0]->message.find("'Gülşen Öztürk İnce' but idare.mali_hizmetler_yoneticisi is 'Oğuz Aydın'"),
            std::string::npos)
      << signers[0]->message;

  const auto* date = find(sink, "data.statement-date");
  ASSERT_TRUE(date);
  EXPECT_NE(date->message.find("16.03.2026, after the end of February"), std::string::npos) << date->message;

  const auto* mission = find(sink, "data.plan-text");
  ASSERT_TRUE(mission);
  EXPECT_EQ(mission->location.where, "table 'metin', row 2 (misyon), column 'icerik'");

  const auto* component = find(sink, "data.ic-kontrol-component");
  ASSERT_TRUE(component);
  EXPECT_NE(component->message.find("KOS12 belongs to 'Kontrol Faaliyetleri', not 'Bilgi ve İletişim'"),
            std::string::npos);

  const auto* activity = find(sink, "data.activity-indicators");
  ASSERT_TRUE(activity);
  EXPECT_NE(activity->message.find("'F7.1.3' spent nothing but every indicator of hedef 'H7.1'"), std::string::npos);

  const auto* revenue = find(sink, "data.revenue-basis");
  ASSERT_TRUE(revenue);
  EXPECT_EQ(revenue->location.where, "table 'butce_gelir', row 5 (2025, 06), column 'tahsilat'");

  // Nothing else: the rules do not fire on the parts left intact.
  EXPECT_EQ(sink.count(dizgi::Severity::warning), 7u);
  EXPECT_EQ(sink.count(dizgi::Severity::error), 0u);
}

TEST(DataValidate, StockReasonsAndUnexplainedBudgetLines) {
  auto dataset = broken_sample(
      "stock", {
                   // two indicators given the same sentence
                   {"'Kuzey–Güney metro hattının ikinci etabı yıl sonunda açılabildiğinden yeni istasyonların yolcusu "
                    "2025 sayımlarına girmedi.'",
                    "'İhale süreci uzadı.'"},
                   {"'Tramvay uzatmasının güzergâhı yoğun konut alanlarından geçirildiğinden erişim oranı öngörülenden "
                    "fazla arttı.'",
                    "'İhale süreci uzadı.'"},
                   // a budget line below %85 with its reason removed
                   {", 'Özel Kalem Müdürlüğü hizmet alımı sözleşmeleri Ekim ayında yenilendi ve yeni sözleşme "
                    "bedelleri öngörülenin altında kaldığından mal ve hizmet ödeneğinin %81,6''i kullanıldı.');",
                    ", NULL);"},
                   // a reference to a figure the data does not have
                   {"'fiziksel_kaynak.adet[Spor tesisleri]'", "'fiziksel_kaynak.adet[Yüzme havuzları]'"},
               });
  dizgi::DiagnosticSink sink;
  auto summary = data::validate(dataset, data::ValidateOptions{2025, false}, sink);
  const auto* repeated = find(sink, "data.repeated-reason");
  ASSERT_TRUE(repeated);
  EXPECT_NE(repeated->message.find("the same reason is given for 2 rows"), std::string::npos);
  const auto* unexplained = find(sink, "data.budget-deviation-reason");
  ASSERT_TRUE(unexplained);
  EXPECT_NE(unexplained->message.find("spent %81,62 of its appropriation"), std::string::npos) << unexplained->message;
  const auto* reference = find(sink, "data.figure-reference");
  ASSERT_TRUE(reference);
  EXPECT_EQ(reference->severity, dizgi::Severity::error);
  EXPECT_EQ(summary.errors, 1u);
  EXPECT_EQ(summary.warnings, 2u);
}
