// Derived figures follow domain.md's worked examples exactly and never turn "no data" into 0.
#include "data/derived.hpp"

#include "sqlite_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using dizgi::Decimal;
namespace data = dizgi::data;

namespace {

Decimal d(const char* text) { return *Decimal::parse(text); }

std::string rate_text(const data::Rate& rate, int decimals = 2) {
  return rate.percent ? rate.percent->rescaled(decimals).to_string() : "null";
}

data::IndicatorInput input(data::Direction direction, const char* a, const char* b, const char* c,
                           data::Method method = data::Method::baseline_ratio) {
  data::IndicatorInput in;
  in.direction = direction;
  in.method = method;
  if (a) in.baseline = d(a);
  if (b) in.target = d(b);
  if (c) in.actual = d(c);
  return in;
}

// Nullable columns of a fixture table: amounts in kuruş, texts, integers.
dizgi::Column money(const char* name) { return dizgi::Column{name, dizgi::ValueType::decimal, true, 2}; }
dizgi::Column text(const char* name) { return dizgi::Column{name, dizgi::ValueType::text, true, 0}; }
dizgi::Column integer(const char* name) { return dizgi::Column{name, dizgi::ValueType::integer, true, 0}; }

// An empty butce_gider with the columns the budget summaries read.
dizgi::Table budget_lines() {
  return dizgi::Table("butce_gider", {integer("yil"), integer("birim_id"), text("ekonomik_kod"),
                                      money("baslangic_odenegi"), money("yil_sonu_odenegi"), money("harcama")});
}

// The sample's data with the tables of 2025 derived as `dizgi build` derives them (missing
// values count as zero); `raw`, when given, receives the data as read.
dizgi::Dataset derived_sample(dizgi::Dataset* raw = nullptr) {
  dizgi::Dataset dataset;
  dizgi::sqlite_source::read_file(std::filesystem::path(DIZGI_SOURCE_DIR) / "samples/kuzeykent/data/kuzeykent.sql",
                                  {}, dataset, nullptr);
  if (raw) *raw = dataset;
  data::DerivedOptions options;
  options.year = 2025;
  options.missing = data::MissingPolicy::count_as_zero;
  data::add_derived_tables(dataset, options);
  return dataset;
}

}  // namespace

TEST(DataDerived, DecreasingIndicatorWorkedExample) {
  // itfaiye varış süresi: A = 12 dk, B = 11 dk, C = 11,5 dk -> (−0,5)/(−1) = %50
  auto rate = data::realisation_rate(input(data::Direction::decreasing, "12", "11", "11.5"));
  EXPECT_EQ(rate.status, data::RateStatus::ok);
  EXPECT_EQ(rate_text(rate), "50.00");
}

TEST(DataDerived, IncreasingIndicatorWorkedExamplesIncludingOverAchievement) {
  EXPECT_EQ(rate_text(data::realisation_rate(input(data::Direction::increasing, "150", "180", "171"))), "70.00");
  EXPECT_EQ(rate_text(data::realisation_rate(input(data::Direction::increasing, "150", "180", "190"))), "133.33");
}

TEST(DataDerived, MaintenanceIndicatorsUseRatiosByDirection) {
  // B == A: the baseline formula would divide by zero.
  EXPECT_EQ(rate_text(data::realisation_rate(input(data::Direction::maintain, "100", "100", "98"))), "98.00");
  EXPECT_EQ(rate_text(data::realisation_rate(
                input(data::Direction::maintain, "5", "5", "4", data::Method::inverse_ratio))),
            "125.00");
  auto undefined = data::realisation_rate(input(data::Direction::increasing, "100", "100", "98"));
  EXPECT_EQ(undefined.status, data::RateStatus::undefined);
  EXPECT_FALSE(undefined.percent);
}

TEST(DataDerived, SimpleAndInverseRatioMethods) {
  EXPECT_EQ(rate_text(data::realisation_rate(
                input(data::Direction::increasing, nullptr, "80", "60", data::Method::simple_ratio))),
            "75.00");
  EXPECT_EQ(rate_text(data::realisation_rate(
                input(data::Direction::decreasing, nullptr, "9", "12", data::Method::inverse_ratio))),
            "75.00");
}

TEST(DataDerived, MissingMeasurementIsNullNotZero) {
  auto rate = data::realisation_rate(input(data::Direction::increasing, "10", "20", nullptr));
  EXPECT_EQ(rate.status, data::RateStatus::no_measurement);
  EXPECT_FALSE(rate.percent);
  EXPECT_EQ(data::realisation_rate(input(data::Direction::increasing, "10", nullptr, "15")).status,
            data::RateStatus::no_target);
  EXPECT_EQ(data::realisation_rate(input(data::Direction::increasing, nullptr, "20", "15")).status,
            data::RateStatus::no_baseline);
}

TEST(DataDerived, HedefLevelCapsAt100BeforeWeighting) {
  // weights 20/20/30/30, rates 100/70/50/120 -> 20 + 14 + 15 + 30 = %79
  std::vector<data::WeightedRate> rates = {
      {d("100"), d("20")}, {d("70"), d("20")}, {d("50"), d("30")}, {d("120"), d("30")}};
  auto level = data::hedef_level(rates);
  ASSERT_TRUE(level);
  EXPECT_EQ(*level, d("79"));
}

TEST(DataDerived, HedefLevelNullPolicies) {
  std::vector<data::WeightedRate> rates = {{d("100"), d("50")}, {std::nullopt, d("50")}};
  EXPECT_FALSE(data::hedef_level(rates, data::MissingPolicy::propagate_null));
  EXPECT_EQ(*data::hedef_level(rates, data::MissingPolicy::count_as_zero), d("50"));
  EXPECT_EQ(*data::hedef_level(rates, data::MissingPolicy::reweight), d("100"));
  // A negative rate counts as zero.
  std::vector<data::WeightedRate> negative = {{d("-40"), d("50")}, {d("80"), d("50")}};
  EXPECT_EQ(*data::hedef_level(negative), d("40"));
}

TEST(DataDerived, AmacLevelIsTheMeanOfItsHedefler) {
  EXPECT_EQ(data::amac_level({d("79"), d("60"), d("50")})->rescaled(2), d("63"));
  EXPECT_EQ(data::amac_level({d("10"), d("20"), d("20")})->rescaled(2).to_string(), "16.67");
  EXPECT_FALSE(data::amac_level({d("79"), std::nullopt}));
  EXPECT_FALSE(data::amac_level({}));
}

TEST(DataDerived, BudgetRatios) {
  // gider: harcama / yıl sonu ödeneği (or başlangıç) × 100
  EXPECT_EQ(data::gider_rate(d("850"), d("1000"), d("900"))->rescaled(2), d("85"));
  EXPECT_EQ(data::gider_rate(d("850"), d("1000"), d("900"), data::GiderBase::initial)->rescaled(2).to_string(),
            "94.44");
  EXPECT_FALSE(data::gider_rate(d("850"), d("0"), d("0")));
  // gelir: tahsilat / bütçe tahmini; tahsilat oranı = tahsilat / tahakkuk (the real-book example)
  EXPECT_EQ(data::tahsilat_rate(d("12270307.65"), d("15809134.35"))->rescaled(2).to_string(), "77.62");
  EXPECT_EQ(data::gelir_rate(d("90"), d("120"))->rescaled(2).to_string(), "75.00");
  EXPECT_FALSE(data::tahsilat_rate(d("90"), std::nullopt));
}

TEST(DataDerived, ColumnTotalIsExactToTheKurus) {
  dizgi::Table table("t", {{"tutar", dizgi::ValueType::decimal, true, 2}, {"ad", dizgi::ValueType::text, true, 0}});
  table.add_row({d("0.10"), std::string("a")});
  table.add_row({d("0.20"), std::string("b")});
  table.add_row({dizgi::Value{}, std::string("c")});
  table.add_row({d("999999999999.70"), std::string("d")});
  EXPECT_EQ(data::column_total(table, "tutar").to_string(), "1000000000000.00");
  EXPECT_THROW(data::column_total(table, "ad"), dizgi::Error);
}

TEST(DataDerived, DerivedTablesOfTheSample) {
  dizgi::Dataset dataset;
  dizgi::sqlite_source::read_file(std::filesystem::path(DIZGI_SOURCE_DIR) / "samples/kuzeykent/data/kuzeykent.sql",
                                  {}, dataset, nullptr);
  data::add_derived_tables(dataset);
  const auto& results = dataset.table("gosterge_sonuc");
  auto find = [&](const std::string& code) -> std::size_t {
    for (std::size_t r = 0; r < results.row_count(); ++r) {
      if (std::get<std::string>(results.at(r, "gosterge_kod")) == code) return r;
    }
    ADD_FAILURE() << code;
    return 0;
  };
  auto rate = [&](const std::string& code) {
    const auto& v = results.at(find(code), "gerceklesme_orani");
    return dizgi::is_null(v) ? std::string("null") : std::get<Decimal>(v).rescaled(2).to_string();
  };
  EXPECT_EQ(rate("PG1.3.1"), "70.00");   // bisiklet yolu 150 -> 180, 171
  EXPECT_EQ(rate("PG3.3.1"), "50.00");   // itfaiye varış süresi 12 -> 11, 11,5
  EXPECT_EQ(rate("PG2.2.1"), "100.00");  // koruma %100
  EXPECT_EQ(rate("PG2.4.2"), "null");    // no measurement
  EXPECT_EQ(std::get<std::string>(results.at(find("PG2.4.2"), "durum")), "olcum_yok");

  const auto& hedefler = dataset.table("hedef_sonuc");
  EXPECT_EQ(hedefler.row_count(), dataset.table("hedef").row_count());
  bool h24_null = false;
  for (std::size_t r = 0; r < hedefler.row_count(); ++r) {
    if (std::get<std::string>(hedefler.at(r, "hedef_kod")) == "H2.4") h24_null = dizgi::is_null(hedefler.at(r, "gerceklesme_duzeyi"));
  }
  EXPECT_TRUE(h24_null);
  EXPECT_EQ(dataset.table("amac_sonuc").row_count(), 7u);

  const auto& gider = dataset.table("butce_gider_ozet");
  std::size_t last = gider.row_count() - 1;
  EXPECT_EQ(std::get<std::string>(gider.at(last, "ekonomik_kod")), "TOPLAM");
  EXPECT_EQ(std::get<Decimal>(gider.at(last, "harcama")), data::column_total(dataset.table("butce_gider"), "harcama"));
  EXPECT_EQ(std::get<Decimal>(gider.at(last, "butce_payi")).rescaled(2), d("100"));
  EXPECT_EQ(std::get<std::string>(gider.at(0, "ad")), "Personel Giderleri");
  EXPECT_EQ(dataset.table("butce_gider_birim").row_count(), 32u);
  const auto& gelir = dataset.table("butce_gelir_ozet");
  EXPECT_EQ(std::get<std::string>(gelir.at(gelir.row_count() - 1, "ekonomik_kod")), "TOPLAM");
}

// The budget summaries are by level-I code, carry the ratios a layout prints (on the year-end
// and on the initial appropriation) and put refunds on a negative 09 line under a net total;
// the activity totals and each indicator's deviation are derived too (issue 8: layouts compute
// no figure of their own).
TEST(DataDerived, BudgetSummariesByLevelOneCodeWithRefundsAndTotals) {
  using dizgi::Value;
  dizgi::Dataset dataset;
  dizgi::Table gider = budget_lines();
  gider.add_row({int64_t{2025}, int64_t{1}, std::string("03.2.1.01"), d("100.00"), d("150.00"), d("120.00")});
  gider.add_row({int64_t{2025}, int64_t{2}, std::string("03.5"), d("100.00"), d("50.00"), d("40.00")});
  gider.add_row({int64_t{2025}, int64_t{1}, std::string("01"), d("300.00"), d("300.00"), d("240.00")});
  dataset.put(std::move(gider));
  dizgi::Table gelir("butce_gelir", {integer("yil"), text("ekonomik_kod"), money("butce_tahmini"),
                                     money("tahakkuk"), money("tahsilat"), money("red_iade")});
  gelir.add_row({int64_t{2025}, std::string("01.1"), d("1000.00"), d("900.00"), d("800.00"), d("0.00")});
  gelir.add_row({int64_t{2025}, std::string("03"), d("500.00"), d("500.00"), d("500.00"), d("10.00")});
  dataset.put(std::move(gelir));
  dizgi::Table faaliyet("faaliyet", {text("kod"), money("butce"), money("harcanan")});
  faaliyet.add_row({std::string("F1"), d("10.00"), d("7.50")});
  faaliyet.add_row({std::string("F2"), Value{}, d("2.50")});
  dataset.put(std::move(faaliyet));
  data::DerivedOptions options;
  options.year = 2025;
  data::add_derived_tables(dataset, options);

  const auto& ozet = dataset.table("butce_gider_ozet");
  ASSERT_EQ(ozet.row_count(), 3u);  // 01, 03, TOPLAM
  EXPECT_EQ(std::get<std::string>(ozet.at(1, "ekonomik_kod")), "03");
  EXPECT_EQ(std::get<Decimal>(ozet.at(1, "harcama")), d("160.00"));
  EXPECT_EQ(std::get<Decimal>(ozet.at(1, "gerceklesme_orani")).rescaled(2), d("80.00"));            // 160 / 200
  EXPECT_EQ(std::get<Decimal>(ozet.at(1, "gerceklesme_orani_baslangic")).rescaled(2), d("80.00"));  // 160 / 200
  EXPECT_EQ(std::get<Decimal>(ozet.at(0, "gerceklesme_orani_baslangic")).rescaled(2), d("80.00"));  // 240 / 300
  EXPECT_EQ(std::get<Decimal>(ozet.at(1, "butce_payi")).rescaled(2), d("40.00"));  // 200 of 500 year-end
  EXPECT_EQ(std::get<std::string>(ozet.at(2, "ekonomik_kod")), "TOPLAM");

  const auto& gelir_ozet = dataset.table("butce_gelir_ozet");
  ASSERT_EQ(gelir_ozet.row_count(), 5u);  // 01, 03, BRUT, 09, TOPLAM
  // The gross totals, before the refunds: tahakkuk and tahsilat on the same basis.
  EXPECT_EQ(std::get<std::string>(gelir_ozet.at(2, "ekonomik_kod")), "BRUT");
  EXPECT_EQ(std::get<Decimal>(gelir_ozet.at(2, "tahakkuk")), d("1400.00"));
  EXPECT_EQ(std::get<Decimal>(gelir_ozet.at(2, "tahsilat")), d("1300.00"));
  EXPECT_EQ(std::get<std::string>(gelir_ozet.at(3, "ekonomik_kod")), "09");
  EXPECT_EQ(std::get<Decimal>(gelir_ozet.at(3, "tahsilat")), d("-10.00"));
  EXPECT_EQ(std::get<Decimal>(gelir_ozet.at(3, "tahakkuk")), d("-10.00"));  // a refund reduces the accrual too
  EXPECT_TRUE(dizgi::is_null(gelir_ozet.at(3, "gerceklesme_orani")));
  EXPECT_EQ(std::get<Decimal>(gelir_ozet.at(4, "butce_tahmini")), d("1500.00"));
  EXPECT_EQ(std::get<Decimal>(gelir_ozet.at(4, "tahsilat")), d("1290.00"));  // net of the refunds
  EXPECT_EQ(std::get<Decimal>(gelir_ozet.at(4, "tahakkuk")), d("1390.00"));  // net as well
  EXPECT_EQ(std::get<Decimal>(gelir_ozet.at(4, "gerceklesme_orani")).rescaled(2), d("86.00"));

  const auto& totals = dataset.table("faaliyet_ozet");
  ASSERT_EQ(totals.row_count(), 1u);
  EXPECT_EQ(std::get<Decimal>(totals.at(0, "butce")), d("10.00"));
  EXPECT_EQ(std::get<Decimal>(totals.at(0, "harcanan")), d("10.00"));
}

TEST(DataDerived, SampleDeviationsAndLevelsAsTheBookPrintsThem) {
  const dizgi::Dataset dataset = derived_sample();
  auto value = [&](const char* table, const char* key_column, const char* key, const char* column) {
    const auto& t = dataset.table(table);
    for (std::size_t r = 0; r < t.row_count(); ++r) {
      if (std::get<std::string>(t.at(r, key_column)) != key) continue;
      const auto& v = t.at(r, column);
      return dizgi::is_null(v) ? std::string("null") : std::get<Decimal>(v).rescaled(2).to_string();
    }
    return std::string("missing");
  };
  EXPECT_EQ(value("gosterge_sonuc", "gosterge_kod", "PG1.3.1", "sapma"), "-30.00");  // rate 70
  EXPECT_EQ(value("gosterge_sonuc", "gosterge_kod", "PG2.2.1", "sapma"), "0.00");    // koruma at %100
  EXPECT_EQ(value("gosterge_sonuc", "gosterge_kod", "PG2.4.2", "sapma"), "null");    // no measurement
  // Each level rounded once, for display: not the sum of rates rounded to two digits each.
  EXPECT_EQ(value("hedef_sonuc", "hedef_kod", "H1.2", "gerceklesme_duzeyi"), "86.36");
  EXPECT_EQ(value("amac_sonuc", "amac_kod", "A1", "gerceklesme_duzeyi"), "86.65");
  EXPECT_EQ(value("hedef_sonuc", "hedef_kod", "H2.4", "gerceklesme_duzeyi"), "70.00");  // PG2.4.2 counts 0
}

// The report tables of the sample (docs/data-model.md): each total is the exact sum of its
// source rows, computed here independently of the derivation.
TEST(DataDerived, ReportTablesOfTheSampleAddUp) {
  dizgi::Dataset raw;
  const dizgi::Dataset dataset = derived_sample(&raw);
  auto total_row = [&](const char* table, const char* key) {
    const auto& t = dataset.table(table);
    for (std::size_t r = 0; r < t.row_count(); ++r)
      if (std::get<std::string>(t.at(r, key)) == "TOPLAM") return r;
    ADD_FAILURE() << table << " has no TOPLAM row";
    return std::size_t{0};
  };
  auto dec = [](const dizgi::Value& v) { return std::get<Decimal>(v); };

  // Functional classification: the same total as the economic one.
  const auto& fonk = dataset.table("butce_gider_fonksiyonel");
  const auto& eko = dataset.table("butce_gider_ozet");
  EXPECT_EQ(dec(fonk.at(total_row("butce_gider_fonksiyonel", "fonksiyonel_kod"), "harcama")),
            dec(eko.at(total_row("butce_gider_ozet", "ekonomik_kod"), "harcama")));
  EXPECT_EQ(dec(fonk.at(total_row("butce_gider_fonksiyonel", "fonksiyonel_kod"), "harcama")),
            data::column_total(raw.table("butce_gider"), "harcama"));

  // Balance: gelir − gider, realised and estimated.
  const auto& denge = dataset.table("butce_denge");
  ASSERT_EQ(denge.row_count(), 3u);
  EXPECT_EQ(std::get<std::string>(denge.at(2, "kalem")), "denge");
  EXPECT_EQ(dec(denge.at(2, "gerceklesen")), dec(denge.at(0, "gerceklesen")) - dec(denge.at(1, "gerceklesen")));
  EXPECT_EQ(dec(denge.at(2, "tahmin")), dec(denge.at(0, "tahmin")) - dec(denge.at(1, "tahmin")));

  // Debts: the total of the kinds is the total of the table.
  const auto& borc = dataset.table("borc_ozet");
  const std::size_t borc_total = total_row("borc_ozet", "tur");
  EXPECT_EQ(dec(borc.at(borc_total, "toplam")), data::column_total(raw.table("borc"), "tutar"));
  EXPECT_EQ(dec(borc.at(borc_total, "kisa_vadeli")) + dec(borc.at(borc_total, "uzun_vadeli")),
            dec(borc.at(borc_total, "toplam")));

  // Staff: memur by gender and posts; company staff outside the total, after it.
  const auto& personel = dataset.table("personel_ozet");
  EXPECT_EQ(std::get<std::string>(personel.at(0, "statu")), "memur");
  EXPECT_EQ(std::get<int64_t>(personel.at(0, "kadin")) + std::get<int64_t>(personel.at(0, "erkek")), 2840);
  EXPECT_EQ(std::get<int64_t>(personel.at(0, "bos")), 1460);
  const std::size_t staff_total = total_row("personel_ozet", "statu");
  EXPECT_EQ(std::get<int64_t>(personel.at(staff_total, "dolu")), 2840 + 560 + 1320 + 90);
  ASSERT_EQ(personel.row_count(), staff_total + 2);
  EXPECT_EQ(std::get<std::string>(personel.at(staff_total + 1, "statu")), "sirket");

  // Internal control: five components in the order of their standards.
  const auto& ick = dataset.table("ic_kontrol_ozet");
  ASSERT_EQ(ick.row_count(), 6u);
  EXPECT_EQ(std::get<std::string>(ick.at(0, "bilesen")), "Kontrol Ortamı");
  EXPECT_EQ(std::get<std::string>(ick.at(0, "standartlar")), "KOS1–KOS4");
  EXPECT_EQ(std::get<std::string>(ick.at(2, "standartlar")), "KOS7–KOS12");
  EXPECT_EQ(std::get<int64_t>(ick.at(5, "eylem_sayisi")), data::column_total(raw.table("ic_kontrol"), "eylem_sayisi").units);

  // Goal costs: the plan's 2025 cost of the goals (general administration excluded).
  const auto& maliyet = raw.table("hedef_maliyet");
  Decimal planned{0, 2};
  for (std::size_t r = 0; r < maliyet.row_count(); ++r) {
    if (std::get<int64_t>(maliyet.at(r, "yil")) == 2025 && std::get<std::string>(maliyet.at(r, "hedef_kod")) != "GYG")
      planned = planned + dec(maliyet.at(r, "tutar"));
  }
  const auto& goal_costs = dataset.table("hedef_maliyet_ozet");
  EXPECT_EQ(dec(goal_costs.at(total_row("hedef_maliyet_ozet", "hedef_kod"), "planlanan")), planned);
  EXPECT_EQ(dec(goal_costs.at(total_row("hedef_maliyet_ozet", "hedef_kod"), "harcanan")),
            data::column_total(raw.table("faaliyet"), "harcanan"));

  // Budget deviations: one row per line with a reason.
  std::size_t explained = 0;
  const auto& gider = raw.table("butce_gider");
  for (std::size_t r = 0; r < gider.row_count(); ++r) explained += dizgi::is_null(gider.at(r, "sapma_aciklamasi")) ? 0 : 1;
  EXPECT_GT(explained, 0u);
  EXPECT_EQ(dataset.table("butce_gider_sapma").row_count(), explained);

  // Aid: the total of the kinds.
  EXPECT_EQ(dec(dataset.table("yardim_ozet").at(total_row("yardim_ozet", "tur"), "tutar")),
            data::column_total(raw.table("yardim"), "tutar"));
}

// The key figures of the year (rakamlar) are read from the derived tables, one row: the layouts'
// "2025 Yılı Rakamlarla" pages show them and compute none (issue 13). Each figure is checked here
// against the table it comes from, and the sample's counts against the data itself.
TEST(DataDerived, KeyFiguresOfTheSampleComeFromTheDerivedTables) {
  dizgi::Dataset raw;
  const dizgi::Dataset dataset = derived_sample(&raw);
  const auto& key = dataset.table("rakamlar");
  ASSERT_EQ(key.row_count(), 1u);
  EXPECT_EQ(std::get<int64_t>(key.at(0, "yil")), 2025);
  auto dec = [](const dizgi::Value& v) { return std::get<Decimal>(v); };
  auto count = [&](const char* column) { return std::get<int64_t>(key.at(0, column)); };
  auto last = [&](const char* table, const char* column) {
    const auto& t = dataset.table(table);
    return t.at(t.row_count() - 1, column);  // the TOPLAM row
  };
  EXPECT_EQ(dec(key.at(0, "harcama")), dec(last("butce_gider_ozet", "harcama")));
  EXPECT_EQ(dec(key.at(0, "yil_sonu_odenegi")), dec(last("butce_gider_ozet", "yil_sonu_odenegi")));
  EXPECT_EQ(dec(key.at(0, "gider_gerceklesme_orani")), dec(last("butce_gider_ozet", "gerceklesme_orani")));
  // Net of the refunds: the net TOPLAM of the revenue summary, its gross BRUT less the 09 line.
  const auto& gelir = dataset.table("butce_gelir_ozet");
  auto revenue_row = [&](const char* code) {
    for (std::size_t r = 0; r < gelir.row_count(); ++r)
      if (std::get<std::string>(gelir.at(r, "ekonomik_kod")) == code) return r;
    ADD_FAILURE() << code;
    return std::size_t{0};
  };
  EXPECT_EQ(dec(key.at(0, "net_tahsilat")), dec(last("butce_gelir_ozet", "tahsilat")));
  EXPECT_EQ(dec(key.at(0, "net_tahsilat")),
            dec(gelir.at(revenue_row("BRUT"), "tahsilat")) + dec(gelir.at(revenue_row("09"), "tahsilat")));
  EXPECT_LT(dec(key.at(0, "net_tahsilat")), dec(gelir.at(revenue_row("BRUT"), "tahsilat")));
  EXPECT_EQ(dec(key.at(0, "butce_dengesi")), dec(key.at(0, "net_tahsilat")) - dec(key.at(0, "harcama")));
  // The administration's filled posts: memur, sözleşmeli, kadrolu and geçici işçi; the company
  // staff (şirket personeli) hold no post and are not counted.
  EXPECT_EQ(count("personel_dolu"), 2840 + 560 + 1320 + 90);
  EXPECT_EQ(dec(key.at(0, "kadro_doluluk_orani")).rescaled(2),
            divide(Decimal::from_int(count("personel_dolu") * 100), Decimal::from_int(count("toplam_kadro")), 2));
  std::size_t activities = 0;
  const auto& faaliyet = raw.table("faaliyet");
  for (std::size_t r = 0; r < faaliyet.row_count(); ++r)
    activities += faaliyet.at(r, "yil") == dizgi::Value{int64_t{2025}} ? 1 : 0;
  EXPECT_GT(activities, 0u);
  EXPECT_EQ(count("faaliyet_sayisi"), static_cast<int64_t>(activities));
  // Every indicator of the year in one of the three groups; PG2.4.2 and PG5.2.2 have no
  // measurement, and 44 of the 69 reached their target (the figure the book printed before).
  EXPECT_EQ(count("gosterge_sayisi"), static_cast<int64_t>(dataset.table("gosterge_sonuc").row_count()));
  EXPECT_EQ(count("gosterge_ulasan") + count("gosterge_altinda") + count("gosterge_olcumsuz"), count("gosterge_sayisi"));
  EXPECT_EQ(count("gosterge_olcumsuz"), 2);
  EXPECT_EQ(count("gosterge_ulasan"), 44);
  EXPECT_EQ(count("gosterge_sayisi"), 69);
  Decimal levels{0, 6};
  const auto& amac = dataset.table("amac_sonuc");
  for (std::size_t r = 0; r < amac.row_count(); ++r) levels = levels + dec(amac.at(r, "gerceklesme_duzeyi"));
  EXPECT_EQ(dec(key.at(0, "amac_ortalama_duzey")), divide(levels, Decimal::from_int(7), 6));
}

// A figure the data lacks is null, never 0: no revenue, staff counted only in an earlier year, an
// indicator without a measurement, an amaç without goals.
TEST(DataDerived, KeyFiguresAreNullWhereTheDataLacksThem) {
  using dizgi::Value;
  dizgi::Dataset dataset;
  dizgi::Table gider = budget_lines();
  gider.add_row({int64_t{2025}, int64_t{1}, std::string("01"), d("300.00"), d("400.00"), d("300.00")});
  dataset.put(std::move(gider));
  dizgi::Table personel("personel", {integer("yil"), integer("birim_id"), text("statu"), text("kadro"), integer("adet")});
  personel.add_row({int64_t{2024}, Value{}, std::string("memur"), std::string("dolu"), int64_t{12}});
  dataset.put(std::move(personel));
  dizgi::Table amac("amac", {text("kod")});
  amac.add_row({std::string("A1")});
  amac.add_row({std::string("A2")});
  dataset.put(std::move(amac));
  dizgi::Table hedef("hedef", {text("kod"), text("amac_kod")});
  hedef.add_row({std::string("H1.1"), std::string("A1")});
  dataset.put(std::move(hedef));
  dizgi::Table gosterge("gosterge", {text("kod"), text("hedef_kod"), money("hedefe_etkisi"), text("yon"),
                                     money("baslangic_degeri")});
  gosterge.add_row({std::string("PG1"), std::string("H1.1"), d("50.00"), std::string("artan"), d("0.00")});
  gosterge.add_row({std::string("PG2"), std::string("H1.1"), d("50.00"), std::string("artan"), d("0.00")});
  dataset.put(std::move(gosterge));
  dizgi::Table hedef_deger("gosterge_hedef", {text("gosterge_kod"), integer("yil"), money("deger")});
  hedef_deger.add_row({std::string("PG1"), int64_t{2025}, d("10.00")});
  hedef_deger.add_row({std::string("PG2"), int64_t{2025}, d("10.00")});
  dataset.put(std::move(hedef_deger));
  dizgi::Table olcum("gosterge_olcum", {text("gosterge_kod"), integer("yil"), text("donem"), money("deger")});
  olcum.add_row({std::string("PG1"), int64_t{2025}, std::string("yil_sonu"), d("12.00")});
  dataset.put(std::move(olcum));
  data::DerivedOptions options;
  options.year = 2025;
  options.missing = data::MissingPolicy::count_as_zero;
  data::add_derived_tables(dataset, options);

  const auto& key = dataset.table("rakamlar");
  ASSERT_EQ(key.row_count(), 1u);
  EXPECT_EQ(std::get<Decimal>(key.at(0, "harcama")), d("300.00"));
  EXPECT_EQ(std::get<Decimal>(key.at(0, "gider_gerceklesme_orani")).rescaled(2), d("75.00"));
  for (const char* column : {"butce_tahmini", "net_tahsilat", "gelir_gerceklesme_orani", "butce_dengesi",
                             "personel_dolu", "toplam_kadro", "kadro_doluluk_orani", "faaliyet_sayisi"})
    EXPECT_TRUE(dizgi::is_null(key.at(0, column))) << column;
  EXPECT_EQ(std::get<int64_t>(key.at(0, "gosterge_sayisi")), 2);
  EXPECT_EQ(std::get<int64_t>(key.at(0, "gosterge_ulasan")), 1);    // 12 of 10: 120 %
  EXPECT_EQ(std::get<int64_t>(key.at(0, "gosterge_altinda")), 0);
  EXPECT_EQ(std::get<int64_t>(key.at(0, "gosterge_olcumsuz")), 1);  // no measurement: not "below"
  // A1's level (PG2 counts 0: 50 %) alone; A2 has no goal and no level, and is left out of the mean.
  EXPECT_EQ(std::get<Decimal>(key.at(0, "amac_ortalama_duzey")).rescaled(2), d("50.00"));

  // Without any source of a figure there is no table at all.
  dizgi::Dataset empty;
  dizgi::Table codes("ekonomik_kod", {text("kod"), text("ad")});
  empty.put(std::move(codes));
  data::add_derived_tables(empty, options);
  EXPECT_FALSE(empty.has("rakamlar"));
}
