// The planning books' derived tables and validations on the Kuzeykent sample (domain §2.3,
// §2.5, §8.7): the Performans Programı's Tablo 3 total equals Tablo 4's and Σ Tablo 1 + genel
// yönetim + transferler, and `dizgi data --check` catches each way a copy of the data can break
// that; the Stratejik Plan's maliyet and kaynak tables agree every year and break loudly.
#include "data/derived.hpp"
#include "data/validate.hpp"

#include "sqlite_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace data = dizgi::data;
namespace fs = std::filesystem;
using dizgi::Decimal;

namespace {

const fs::path sample = fs::path(DIZGI_SOURCE_DIR) / "samples/kuzeykent/data";

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The sample as the Performans Programı book loads it: kuzeykent.sql (or `main_sql`, a broken
// copy of it), then the programme's activity tables from `programme_sql` (performans-2026.sql,
// or a broken copy of it).
dizgi::Dataset programme_data(const std::string& programme_sql, const std::string& extra_sql = {},
                              const std::string& main_sql = {}) {
  dizgi::Dataset dataset;
  if (main_sql.empty()) {
    dizgi::sqlite_source::read_file(sample / "kuzeykent.sql", {}, dataset, nullptr);
  } else {
    dizgi::sqlite_source::ReadOptions main_options;
    main_options.display_name = "kuzeykent.sql";
    dizgi::sqlite_source::read_sql(main_sql, main_options, dataset, nullptr);
  }
  dizgi::sqlite_source::ReadOptions options;
  options.tables = {"faaliyet", "faaliyet_maliyet", "faaliyet_butce_disi"};
  options.display_name = "performans-2026.sql";
  dizgi::Dataset programme;
  dizgi::sqlite_source::read_sql(programme_sql + extra_sql, options, programme, nullptr);
  for (const auto& [name, table] : programme.tables()) dataset.put(table);
  return dataset;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

const dizgi::Diagnostic* find(const dizgi::DiagnosticSink& sink, const std::string& code) {
  for (const auto& d : sink.diagnostics())
    if (d.code == code) return &d;
  return nullptr;
}

Decimal amount(const dizgi::Table& table, const std::string& key_column, const std::string& key,
               const std::string& column, const dizgi::Value& year = {}) {
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    if (std::get<std::string>(table.at(r, key_column)) != key) continue;
    if (table.column_index("yil") >= 0 && table.at(r, "yil") != year) continue;
    return std::get<Decimal>(table.at(r, column));
  }
  ADD_FAILURE() << "no row " << key << " in " << table.name();
  return {};
}

data::DerivedOptions year_2026() {
  data::DerivedOptions options;
  options.year = 2026;
  options.missing = data::MissingPolicy::count_as_zero;
  return options;
}

}  // namespace

TEST(DataPlan, ProgrammeSampleIsCleanUnderStrictCheck) {
  auto dataset = programme_data(slurp(sample / "performans-2026.sql"));
  dizgi::DiagnosticSink sink;
  data::ValidateOptions options;
  options.year = 2026;
  options.strict = true;
  auto summary = data::validate(dataset, options, sink);
  for (const auto& d : sink.diagnostics()) ADD_FAILURE() << dizgi::format(d);
  EXPECT_EQ(summary.errors, 0u);
}

TEST(DataPlan, Tablo3TotalEqualsTablo4AndTablo1PlusGeneralCosts) {
  auto dataset = programme_data(slurp(sample / "performans-2026.sql"));
  data::add_derived_tables(dataset, year_2026());
  const auto& t3 = dataset.table("pp_performans");
  const auto& t4 = dataset.table("pp_kaynak_ihtiyaci");
  const dizgi::Value y{int64_t{2026}};
  const Decimal total3 = amount(t3, "satir", "TOPLAM", "toplam", y);
  EXPECT_EQ(total3, amount(t4, "kalem", "TOPLAM", "toplam", y));
  Decimal tablo1{0, 2};
  for (std::size_t r = 0; r < t3.row_count(); ++r)
    if (std::get<std::string>(t3.at(r, "satir")) == "hedef") tablo1 = tablo1 + std::get<Decimal>(t3.at(r, "toplam"));
  EXPECT_EQ(total3, tablo1 + amount(t3, "satir", "GENEL_YONETIM", "toplam", y) + amount(t3, "satir", "TRANSFER", "toplam", y));
  // The sample's activities of each hedef cost what the plan foresees for it in 2026.
  EXPECT_EQ(amount(t3, "satir", "hedef", "toplam", y), Decimal(239120000000, 2));  // H1.1, the first hedef
  // Genel yönetim 3.879.680.000 TL (the plan's GYG of 2026) and transfers 5.350.000.000 TL of
  // the sample's genel_gider.
  EXPECT_EQ(amount(t4, "kalem", "TOPLAM", "genel_yonetim", y), Decimal(387968000000, 2));
  EXPECT_EQ(amount(t4, "kalem", "TOPLAM", "transfer", y), Decimal(535000000000, 2));
}

TEST(DataPlan, BrokenActivityBudgetBreaksTheProgrammeTotals) {
  // P1.1.1's budget no longer equals its economic-code costs: Tablo 1/3 and Tablo 4 differ.
  const std::string text = slurp(sample / "performans-2026.sql");
  auto dataset = programme_data(replaced(text, "'planlandi', NULL, 558813811.59", "'planlandi', NULL, 558813812.59"));
  dizgi::DiagnosticSink sink;
  data::ValidateOptions options;
  options.year = 2026;
  auto summary = data::validate(dataset, options, sink);
  const auto* d = find(sink, "data.programme-total");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->severity, dizgi::Severity::error);
  EXPECT_EQ(d->location.where, "table 'faaliyet', row 1 (P1.1.1), column 'butce'");
  EXPECT_NE(d->message.find("(Tablo 1 against Tablo 4)"), std::string::npos) << d->message;
  EXPECT_GE(summary.errors, 2u);  // the activity and the tables' totals
}

TEST(DataPlan, CostWithoutItsActivityRowBreaksTheProgrammeTotals) {
  // An economic-code cost added to P1.1.1 only: Tablo 4 grows, Tablo 1 and 3 do not.
  auto dataset = programme_data(slurp(sample / "performans-2026.sql"),
                                "INSERT INTO faaliyet_maliyet VALUES ('P1.1.1', '01', 1000.00);\n");
  dizgi::DiagnosticSink sink;
  data::ValidateOptions options;
  options.year = 2026;
  data::validate(dataset, options, sink);
  bool totals = false, row = false;
  for (const auto& d : sink.diagnostics()) {
    if (d.code != "data.programme-total") continue;
    row = row || d.location.where == "table 'faaliyet', row 1 (P1.1.1), column 'butce'";
    if (d.location.where.find("table 'pp_kaynak_ihtiyaci'") == 0) {
      totals = true;
      EXPECT_NE(d.message.find("Tablo 4 totals"), std::string::npos) << d.message;
      EXPECT_NE(d.message.find("but Tablo 3 totals"), std::string::npos) << d.message;
    }
  }
  EXPECT_TRUE(row);
  EXPECT_TRUE(totals);
}

TEST(DataPlan, ActivityOfAnUnknownHedefIsNamed) {
  const std::string text = slurp(sample / "performans-2026.sql");
  auto dataset = programme_data(replaced(text, "2026, 'H7.4',", "2026, 'H7.9',"));
  dizgi::DiagnosticSink sink;
  data::ValidateOptions options;
  options.year = 2026;
  data::validate(dataset, options, sink);
  const auto* d = find(sink, "data.programme-total");
  ASSERT_TRUE(d);
  EXPECT_NE(d->location.where.find("column 'hedef_kod'"), std::string::npos) << d->location.where;
  EXPECT_NE(d->message.find("'H7.9'"), std::string::npos) << d->message;
}

TEST(DataPlan, OffBudgetSourcesMustMatchTheActivity) {
  auto dataset = programme_data(slurp(sample / "performans-2026.sql"),
                                "INSERT INTO faaliyet_butce_disi VALUES ('P1.1.1', 'yurt_disi', 5000.00);\n");
  dizgi::DiagnosticSink sink;
  data::ValidateOptions options;
  options.year = 2026;
  data::validate(dataset, options, sink);
  bool found = false;
  for (const auto& d : sink.diagnostics())
    found = found || (d.code == "data.programme-total" && d.location.where == "table 'faaliyet', row 1 (P1.1.1), column 'butce_disi'");
  EXPECT_TRUE(found);
}

// What `dizgi data --check` (strict or not) finds in `dataset` for 2026.
static std::vector<dizgi::Diagnostic> findings_2026(const dizgi::Dataset& dataset, bool strict) {
  dizgi::DiagnosticSink sink;
  data::ValidateOptions options;
  options.year = 2026;
  options.strict = strict;
  data::validate(dataset, options, sink);
  std::vector<dizgi::Diagnostic> out;
  for (const auto& d : sink.diagnostics())
    if (d.code == "data.plan-programme") out.push_back(d);
  return out;
}

// Intent: the programme's Genel Yönetim Giderleri and each hedef's activities cost what the plan's
// maliyetlendirme gives for 2026 (the sample agrees, strictly); a copy whose genel_gider differs by
// 1.000 TL, or whose activity moves to another hedef, is reported at the row to correct.
TEST(DataPlan, PlanAndProgrammeGiveOneFigure) {
  const std::string text = slurp(sample / "performans-2026.sql");
  EXPECT_TRUE(findings_2026(programme_data(text), true).empty());
  // Genel yönetim: the programme's figure 1.000 TL above the plan's.
  auto findings = findings_2026(
      programme_data(text, {},
                     replaced(slurp(sample / "kuzeykent.sql"), "VALUES (2026, 'genel_yonetim', '03', 1131205000.00)",
                              "VALUES (2026, 'genel_yonetim', '03', 1131206000.00)")),
      false);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, dizgi::Severity::warning);
  EXPECT_EQ(findings[0].location.where, "table 'genel_gider', row 1 (genel_yonetim, 2026), column 'tutar'");
  EXPECT_EQ(findings[0].message,
            "Genel Yönetim Giderleri of 2026 total 3.879.681.000,00 in the programme (genel_gider) but "
            "3.879.680.000,00 in the plan's cost table (hedef_maliyet GYG)");
  // An activity of H7.4 filed under H7.3: both hedefler disagree with the plan.
  findings = findings_2026(programme_data(replaced(text, "2026, 'H7.4',", "2026, 'H7.3',")), true);
  ASSERT_EQ(findings.size(), 2u);
  for (const auto& d : findings) {
    EXPECT_EQ(d.severity, dizgi::Severity::error);  // strict
    EXPECT_NE(d.message.find("in the plan for 2026 but its activities in the programme total"), std::string::npos)
        << d.message;
  }
  EXPECT_NE(findings[0].location.where.find("(H7.3, 2026), column 'tutar'"), std::string::npos) << findings[0].location.where;
  EXPECT_NE(findings[1].location.where.find("(H7.4, 2026), column 'tutar'"), std::string::npos) << findings[1].location.where;
}

// Intent: the five-year trend (mali_egilim) sums each kind's level-I codes exactly per year, counts a
// deeper code under its level-I code and gives a code missing in a year as zero that year.
TEST(DataPlan, RevenueAndExpenseTrendSumsEachYear) {
  dizgi::Dataset dataset;
  dizgi::sqlite_source::read_file(sample / "kuzeykent.sql", {}, dataset, nullptr);
  dizgi::sqlite_source::ReadOptions options;
  options.tables = {"mali_gecmis"};
  options.display_name = "stratejik-plan.sql";
  dizgi::Dataset plan;
  dizgi::sqlite_source::read_sql(slurp(sample / "stratejik-plan.sql") +
                                     "INSERT INTO mali_gecmis VALUES (2021, 'gider', '09.1', 1000.00);\n"
                                     "INSERT INTO mali_gecmis VALUES (2020, 'gelir', '01.2', 0.56);\n",
                                 options, plan, nullptr);
  for (const auto& [name, table] : plan.tables()) dataset.put(table);
  data::add_derived_tables(dataset, year_2026());
  const auto& trend = dataset.table("mali_egilim");
  auto value = [&](const std::string& kind, const std::string& row, const dizgi::Value& code, int64_t year) {
    for (std::size_t r = 0; r < trend.row_count(); ++r)
      if (trend.at(r, "tur") == dizgi::Value(kind) && trend.at(r, "satir") == dizgi::Value(row) &&
          trend.at(r, "ekonomik_kod") == code && trend.at(r, "yil") == dizgi::Value(year))
        return std::get<Decimal>(trend.at(r, "tutar"));
    ADD_FAILURE() << kind << " " << row << " " << year;
    return Decimal{};
  };
  // 2020 revenue: the six codes of the sample (8.100.368.585,58) and the 0,56 added under 01.
  EXPECT_EQ(value("gelir", "TOPLAM", {}, 2020), Decimal(810036858614, 2));
  EXPECT_EQ(value("gelir", "kod", std::string("01"), 2020), Decimal(62581378000, 2));
  // 09 appears in 2021 only: zero in the other years, and in the 2021 total.
  EXPECT_EQ(value("gider", "kod", std::string("09"), 2020), Decimal(0, 2));
  EXPECT_EQ(value("gider", "kod", std::string("09"), 2021), Decimal(100000, 2));
  for (const char* kind : {"gelir", "gider"}) {
    for (int64_t year = 2020; year <= 2024; ++year) {
      Decimal sum{0, 2};
      for (std::size_t r = 0; r < trend.row_count(); ++r)
        if (trend.at(r, "tur") == dizgi::Value(std::string(kind)) && trend.at(r, "satir") == dizgi::Value(std::string("kod")) &&
            trend.at(r, "yil") == dizgi::Value(year))
          sum = sum + std::get<Decimal>(trend.at(r, "tutar"));
      EXPECT_EQ(sum, value(kind, "TOPLAM", {}, year)) << kind << " " << year;
    }
  }
}

TEST(DataPlan, BrokenSourceOrWeightIsReported) {
  std::string text = slurp(sample / "kuzeykent.sql");
  text = replaced(text, "INSERT INTO kaynak (kaynak_turu, yil, tutar) VALUES ('oz_gelirler', 2027,",
                  "INSERT INTO kaynak (kaynak_turu, yil, tutar) VALUES ('oz_gelirler', 2027, 1 +");
  text = replaced(text, "('PG1.1.1', 'H1.1', 'Raylı sistem hat uzunluğu', 'km', 30.00,", "('PG1.1.1', 'H1.1', 'Raylı sistem hat uzunluğu', 'km', 31.00,");
  dizgi::Dataset dataset;
  dizgi::sqlite_source::ReadOptions options;
  options.display_name = "kuzeykent.sql";
  dizgi::sqlite_source::read_sql(text, options, dataset, nullptr);
  dizgi::DiagnosticSink sink;
  data::ValidateOptions check;
  check.strict = true;
  data::validate(dataset, check, sink);
  const auto* sources = find(sink, "data.source-total");
  ASSERT_TRUE(sources);
  EXPECT_EQ(sources->severity, dizgi::Severity::error);  // strict
  EXPECT_NE(sources->message.find("sources of 2027"), std::string::npos) << sources->message;
  const auto* weights = find(sink, "data.weights-sum");
  ASSERT_TRUE(weights);
  EXPECT_NE(weights->message.find("hedef 'H1.1' sum to 101"), std::string::npos) << weights->message;
}
