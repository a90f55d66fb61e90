// III-A-1 Bütçe Uygulama Sonuçları (domain §2.6): expenditure by ekonomik kod (level I) with a
// chart, expenditure by spending unit, and revenue by ekonomik kod. All sums and ratios are
// exact decimals; only the chart gets doubles, for its geometry.
#include "composer.hpp"

#include <dizgi/model/format.hpp>

#include <algorithm>
#include <map>

namespace dizgi::faaliyet {

namespace {

// The level-I names used when the book has no ekonomik_kod table (Analitik Bütçe
// Sınıflandırması, the same for every public administration).
const std::map<std::string, std::string>& default_expense_names() {
  static const std::map<std::string, std::string> names = {
      {"01", "Personel Giderleri"},
      {"02", "Sosyal Güvenlik Kurumlarına Devlet Primi Giderleri"},
      {"03", "Mal ve Hizmet Alım Giderleri"},
      {"04", "Faiz Giderleri"},
      {"05", "Cari Transferler"},
      {"06", "Sermaye Giderleri"},
      {"07", "Sermaye Transferleri"},
      {"08", "Borç Verme"},
      {"09", "Yedek Ödenekler"}};
  return names;
}

const std::map<std::string, std::string>& default_revenue_names() {
  static const std::map<std::string, std::string> names = {
      {"01", "Vergi Gelirleri"},
      {"03", "Teşebbüs ve Mülkiyet Gelirleri"},
      {"04", "Alınan Bağış ve Yardımlar ile Özel Gelirler"},
      {"05", "Diğer Gelirler"},
      {"06", "Sermaye Gelirleri"},
      {"08", "Alacaklardan Tahsilat"},
      {"09", "Red ve İadeler (-)"}};
  return names;
}

// Level-I names of one kind ("gider" / "gelir") from ekonomik_kod, over the defaults.
std::map<std::string, std::string> code_names(const Composer& c, const std::string& kind) {
  std::map<std::string, std::string> names =
      kind == "gider" ? default_expense_names() : default_revenue_names();
  const Table* table = c.data.find("ekonomik_kod");
  if (table == nullptr) {
    c.warn_missing_table(
        "ekonomik_kod",
        "the standard level-I names of the analytic budget classification are used");
    return names;
  }
  for (std::size_t r = 0; r < table->row_count(); ++r) {
    auto level = integer_of(optional_at(*table, r, "duzey"));
    std::string tur = text_of(optional_at(*table, r, "tur"));
    std::string code = text_of(table->at(r, "kod"));
    bool level_one = level ? *level == 1 : code.find('.') == std::string::npos;
    if (!level_one || (!tur.empty() && tur != kind)) continue;
    names[level_one_code(code)] = text_of(table->at(r, "ad"));
  }
  return names;
}

// part / whole × 100 with two digits; nullopt when the whole is zero.
std::optional<Decimal> percent_of(const Decimal& part, const Decimal& whole) {
  if (whole.units == 0) return std::nullopt;
  return divide(part * Decimal::from_int(100), whole, 2);
}

std::string money(const Decimal& value) { return format_decimal_tr(value, 2); }

std::string ratio(const std::optional<Decimal>& value) {
  return value ? format_percent_tr(*value, 2) : "–";
}

doc::TableCell number_cell(std::string text, std::string style = {}) {
  return cell(std::move(text), doc::Align::end, std::move(style));
}

struct ExpenseLine {
  Decimal initial;   // başlangıç ödeneği
  Decimal year_end;  // yıl sonu ödeneği
  Decimal spent;     // harcama
};

}  // namespace

void add_budget_expenditure(const Composer& c, Blocks& out) {
  const Table& table = c.data.table("butce_gider");
  std::map<std::string, ExpenseLine> by_code;
  ExpenseLine total;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    if (!c.is_report_year(table, r)) continue;
    ExpenseLine& line = by_code[level_one_code(text_of(table.at(r, "ekonomik_kod")))];
    Decimal initial = amount_of(table.at(r, "baslangic_odenegi"));
    Decimal year_end = amount_of(table.at(r, "yil_sonu_odenegi"));
    Decimal spent = amount_of(table.at(r, "harcama"));
    line.initial = line.initial + initial;
    line.year_end = line.year_end + year_end;
    line.spent = line.spent + spent;
    total.initial = total.initial + initial;
    total.year_end = total.year_end + year_end;
    total.spent = total.spent + spent;
  }
  if (by_code.empty()) {
    c.sink.warn("layout.no-rows", location_of(table),
                "table 'butce_gider' has no rows for " + std::to_string(c.year),
                "check the yil column of the budget data");
    out.emplace_back(Composer::placeholder(std::to_string(c.year) +
                                           " yılına ait bütçe gider verisi bulunamadı."));
    return;
  }
  const auto names = code_names(c, "gider");
  // Most books divide by the yıl sonu ödeneği; some by the başlangıç ödeneği (domain §2.6).
  const bool on_initial = c.param("oran_paydasi", "yil_sonu") == "baslangic";
  auto realisation = [&](const ExpenseLine& line) {
    return percent_of(line.spent, on_initial ? line.initial : line.year_end);
  };

  doc::Table t;
  t.id = "tablo-butce-gider-ekonomik";
  t.caption = "Ekonomik Sınıflandırmaya Göre Bütçe Giderleri";
  t.note = on_initial ? "Gerçekleşme oranı = Harcama ÷ Başlangıç Ödeneği × 100."
                      : "Gerçekleşme oranı = Harcama ÷ Yıl Sonu Ödeneği × 100.";
  t.columns = {{"7%", doc::Align::center}, {"25%", doc::Align::start}, {"15%", doc::Align::end},
               {"15%", doc::Align::end},   {"15%", doc::Align::end},   {"11.5%", doc::Align::end},
               {"11.5%", doc::Align::end}};
  t.header.push_back({header_cell("Ekonomik Kod", doc::Align::center), header_cell("Gider Türü"),
                      header_cell("Başlangıç Ödeneği (TL)", doc::Align::end),
                      header_cell("Yıl Sonu Ödeneği (TL)", doc::Align::end),
                      header_cell("Harcama (TL)", doc::Align::end),
                      header_cell("Gerçekleşme Oranı (%)", doc::Align::end),
                      header_cell("Bütçe İçindeki Payı (%)", doc::Align::end)});
  doc::Chart chart;
  chart.id = "grafik-gider-gerceklesme";
  chart.kind = doc::ChartKind::bar;
  chart.caption = "Ekonomik Sınıflandırmaya Göre Gider Gerçekleşme Oranları";
  chart.value_axis.format.percent = true;
  doc::ChartSeries series;
  series.name = "Gerçekleşme Oranı (%)";
  for (const auto& [code, line] : by_code) {
    auto name = names.find(code);
    std::string label = name != names.end() ? name->second : "Diğer";
    auto realised = realisation(line);
    t.body.push_back({cell(code, doc::Align::center), cell(label), number_cell(money(line.initial)),
                      number_cell(money(line.year_end)), number_cell(money(line.spent)),
                      number_cell(ratio(realised)),
                      number_cell(ratio(percent_of(line.spent, total.spent)))});
    chart.categories.push_back(code + " " + label);
    series.values.push_back(realised ? Value(*realised) : Value());
  }
  t.footer.push_back(
      {cell("", doc::Align::center, "total"), cell("Toplam", doc::Align::start, "total"),
       number_cell(money(total.initial), "total"), number_cell(money(total.year_end), "total"),
       number_cell(money(total.spent), "total"), number_cell(ratio(realisation(total)), "total"),
       number_cell(ratio(percent_of(total.spent, total.spent)), "total")});
  out.emplace_back(paragraph(
      {span(std::to_string(c.year) + " yılında bütçe ile verilen toplam " + money(total.year_end) +
            " TL yıl sonu ödeneğine karşılık " + money(total.spent) +
            " TL harcama yapılmış, bütçe giderlerinin gerçekleşme oranı " +
            ratio(realisation(total)) + " olmuştur.")}));
  out.emplace_back(std::move(t));
  chart.series.push_back(std::move(series));
  out.emplace_back(std::move(chart));
}

void add_budget_by_unit(const Composer& c, Blocks& out) {
  const Table& table = c.data.table("butce_gider");
  std::map<std::string, std::pair<Decimal, Decimal>> by_unit;  // id -> (ödenek, harcama)
  Decimal total_budget, total_spent;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    if (!c.is_report_year(table, r)) continue;
    auto& line = by_unit[text_of(table.at(r, "birim_id"))];
    Decimal budget = amount_of(table.at(r, "yil_sonu_odenegi"));
    Decimal spent = amount_of(table.at(r, "harcama"));
    line.first = line.first + budget;
    line.second = line.second + spent;
    total_budget = total_budget + budget;
    total_spent = total_spent + spent;
  }
  if (by_unit.empty()) return;  // add_budget_expenditure already warned

  std::map<std::string, std::string> unit_names;
  if (const Table* units = c.data.find("birim")) {
    for (std::size_t r = 0; r < units->row_count(); ++r) {
      unit_names[text_of(units->at(r, "id"))] = text_of(units->at(r, "ad"));
    }
  } else {
    c.warn_missing_table("birim",
                         "the unit budget table in III-A-1 shows unit ids instead of names");
  }
  struct Row {
    std::string name;
    Decimal budget, spent;
  };
  std::vector<Row> rows;
  for (const auto& [id, line] : by_unit) {
    auto name = unit_names.find(id);
    rows.push_back(
        Row{name != unit_names.end() ? name->second : "Birim " + id, line.first, line.second});
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const Row& a, const Row& b) { return c.collator.less(a.name, b.name); });

  doc::Table t;
  t.id = "tablo-butce-gider-birim";
  t.caption = "Harcama Birimlerine Göre Bütçe Giderleri";
  t.columns = {{"49%", doc::Align::start},
               {"19%", doc::Align::end},
               {"19%", doc::Align::end},
               {"13%", doc::Align::end}};
  t.header.push_back({header_cell("Birim"), header_cell("Ödenek (TL)", doc::Align::end),
                      header_cell("Harcama (TL)", doc::Align::end),
                      header_cell("Oran (%)", doc::Align::end)});
  for (const Row& row : rows) {
    t.body.push_back({cell(row.name), number_cell(money(row.budget)), number_cell(money(row.spent)),
                      number_cell(ratio(percent_of(row.spent, row.budget)))});
  }
  t.footer.push_back({cell("Toplam", doc::Align::start, "total"),
                      number_cell(money(total_budget), "total"),
                      number_cell(money(total_spent), "total"),
                      number_cell(ratio(percent_of(total_spent, total_budget)), "total")});
  out.emplace_back(std::move(t));
}

void add_budget_revenue(const Composer& c, Blocks& out) {
  const Table* table = c.optional_table("butce_gelir", "III-A-1 Bütçe Uygulama Sonuçları");
  if (table == nullptr) {
    out.emplace_back(
        Composer::placeholder("Bütçe gelirleri için veri bulunamadı (tablo: butce_gelir)."));
    return;
  }
  struct RevenueLine {
    Decimal estimate, accrued, collected;
  };
  std::map<std::string, RevenueLine> by_code;
  Decimal refunds;  // red_iade column, shown as the 09 line
  for (std::size_t r = 0; r < table->row_count(); ++r) {
    if (!c.is_report_year(*table, r)) continue;
    std::string code = level_one_code(text_of(table->at(r, "ekonomik_kod")));
    RevenueLine& line = by_code[code];
    line.estimate = line.estimate + amount_of(table->at(r, "butce_tahmini"));
    line.accrued = line.accrued + amount_of(table->at(r, "tahakkuk"));
    line.collected = line.collected + amount_of(table->at(r, "tahsilat"));
    refunds = refunds + amount_of(optional_at(*table, r, "red_iade"));
  }
  if (by_code.empty()) {
    c.sink.warn("layout.no-rows", location_of(*table),
                "table 'butce_gelir' has no rows for " + std::to_string(c.year),
                "check the yil column of the revenue data");
    out.emplace_back(Composer::placeholder(std::to_string(c.year) +
                                           " yılına ait bütçe gelir verisi bulunamadı."));
    return;
  }
  // Red ve iadeler (09) reduce revenue: a 09 line counts negatively in the total whatever its
  // sign in the data, and the red_iade column of the other lines is added to it.
  if (refunds.units != 0) by_code["09"].collected = by_code["09"].collected + refunds;
  const auto names = code_names(c, "gelir");
  RevenueLine total;
  doc::Table t;
  t.id = "tablo-butce-gelir-ekonomik";
  t.caption = "Ekonomik Sınıflandırmaya Göre Bütçe Gelirleri";
  t.note = "Gerçekleşme oranı = Tahsilat ÷ Bütçe Tahmini × 100; red ve iadeler toplamdan düşülür.";
  t.columns = {{"7%", doc::Align::center}, {"30%", doc::Align::start}, {"17%", doc::Align::end},
               {"17%", doc::Align::end},   {"17%", doc::Align::end},   {"12%", doc::Align::end}};
  t.header.push_back({header_cell("Ekonomik Kod", doc::Align::center), header_cell("Gelir Türü"),
                      header_cell("Bütçe Tahmini (TL)", doc::Align::end),
                      header_cell("Tahakkuk (TL)", doc::Align::end),
                      header_cell("Tahsilat (TL)", doc::Align::end),
                      header_cell("Gerçekleşme Oranı (%)", doc::Align::end)});
  auto magnitude = [](Decimal d) { return d.units < 0 ? Decimal{-d.units, d.scale} : d; };
  for (auto& [code, line] : by_code) {
    bool reduces = code == "09";
    RevenueLine shown = line;
    if (reduces) {
      shown = {Decimal{} - magnitude(line.estimate), Decimal{} - magnitude(line.accrued),
               Decimal{} - magnitude(line.collected)};
    }
    total.estimate = total.estimate + shown.estimate;
    total.accrued = total.accrued + shown.accrued;
    total.collected = total.collected + shown.collected;
    auto name = names.find(code);
    t.body.push_back(
        {cell(code, doc::Align::center), cell(name != names.end() ? name->second : "Diğer"),
         number_cell(money(shown.estimate)), number_cell(money(shown.accrued)),
         number_cell(money(shown.collected)),
         number_cell(reduces ? "–" : ratio(percent_of(shown.collected, shown.estimate)))});
  }
  t.footer.push_back(
      {cell("", doc::Align::center, "total"), cell("Toplam", doc::Align::start, "total"),
       number_cell(money(total.estimate), "total"), number_cell(money(total.accrued), "total"),
       number_cell(money(total.collected), "total"),
       number_cell(ratio(percent_of(total.collected, total.estimate)), "total")});
  out.emplace_back(std::move(t));
}

}  // namespace dizgi::faaliyet
