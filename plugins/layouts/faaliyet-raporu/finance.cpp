// III-A-1 Bütçe Uygulama Sonuçları (domain §2.6): expenditure by ekonomik kod (level I) with a
// chart, expenditure by spending unit, and revenue by ekonomik kod. Every sum and ratio is read
// from the tables the host derives (butce_gider_ozet, butce_gider_birim, butce_gelir_ozet;
// docs/data-model.md); the layout only chooses, orders and formats them. Only the chart gets
// doubles, for its geometry.
#include "composer.hpp"

#include <dizgi/model/format.hpp>

#include <algorithm>
#include <initializer_list>
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

// The name of a level-I code: the derived table's (from ekonomik_kod), else the standard one.
std::string code_name(const Composer& c, const Table& summary, std::size_t row, const std::string& kind) {
  std::string name = text_of(optional_at(summary, row, "ad"));
  if (!name.empty()) return name;
  if (c.data.find("ekonomik_kod") == nullptr) {
    c.warn_missing_table(
        "ekonomik_kod",
        "the standard level-I names of the analytic budget classification are used");
  }
  const auto& defaults = kind == "gider" ? default_expense_names() : default_revenue_names();
  auto it = defaults.find(text_of(summary.at(row, "ekonomik_kod")));
  return it != defaults.end() ? it->second : "Diğer";
}

std::string money(const Decimal& value) { return format_decimal_tr(value, 2); }

std::string ratio(const std::optional<Decimal>& value) {
  return value ? format_percent_tr(*value, 2) : "–";
}


// The derived summary `name` split into its code rows and its 'TOPLAM' row, for the report year.
struct Summary {
  const Table* table = nullptr;
  std::vector<std::size_t> rows;
  std::optional<std::size_t> total;
  Decimal at(std::size_t row, const char* column) const { return amount_of(table->at(row, column)); }
  std::optional<Decimal> rate(std::size_t row, const char* column) const {
    return decimal_of(optional_at(*table, row, column));
  }
};

Summary read_summary(const Composer& c, const Table* table) {
  Summary s;
  s.table = table;
  if (table == nullptr) return s;
  for (std::size_t r = 0; r < table->row_count(); ++r) {
    if (!c.is_report_year(*table, r)) continue;
    if (text_of(table->at(r, "ekonomik_kod")) == "TOPLAM")
      s.total = r;
    else
      s.rows.push_back(r);
  }
  return s;
}

// The figure cells of a summary row: the amounts, then the ratios, in one cell style. Cells
// hold the exact values; the engine writes them: amounts in thousands of TL, rounded once
// (the header says "(Bin TL)"), ratios with two decimals on the decimal comma and no "%" (the
// header says "(%)"), a missing ratio with the template's marker.
std::vector<doc::TableCell> figure_cells(const Summary& s, std::size_t row,
                                         std::initializer_list<const char*> amounts,
                                         std::initializer_list<const char*> ratios,
                                         const std::string& style = {}) {
  doc::NumberFormat thousands;
  thousands.scale_power = 3;
  thousands.fraction_digits = 0;
  std::vector<doc::TableCell> cells;
  for (const char* column : amounts) {
    cells.push_back(doc::TableCell::typed(s.at(row, column), thousands, doc::Align::end));
    cells.back().style = style;
  }
  for (const char* column : ratios) {
    auto rate = s.rate(row, column);
    cells.push_back(rate ? doc::TableCell::typed(*rate, {}, doc::Align::decimal) : doc::TableCell::null(doc::Align::decimal));
    cells.back().style = style;
  }
  return cells;
}

// The columns of a figure table: `lead` as given, then `amounts` summed columns and `ratios`
// decimal-aligned ones, each of `width`.
void figure_columns(doc::Table& t, std::size_t amounts, const char* amount_width, std::size_t ratios,
                    const char* ratio_width) {
  for (std::size_t k = 0; k < amounts; ++k) t.columns.push_back({amount_width, doc::Align::end, doc::Aggregate::sum});
  for (std::size_t k = 0; k < ratios; ++k) t.columns.push_back({ratio_width, doc::Align::decimal});
}

// A table row: the leading cells, then the figures.
doc::TableRow row_of(std::vector<doc::TableCell> lead, std::vector<doc::TableCell> figures) {
  for (doc::TableCell& c : figures) lead.push_back(std::move(c));
  return doc::TableRow(std::move(lead));
}

}  // namespace

void add_budget_expenditure(const Composer& c, Blocks& out) {
  const Table& table = c.data.table("butce_gider");
  const Summary summary = read_summary(
      c, c.optional_table("butce_gider_ozet", "III-A-1 Bütçe Uygulama Sonuçları"));
  if (summary.rows.empty() || !summary.total) {
    c.sink.warn("layout.no-rows", location_of(table),
                "table 'butce_gider' has no rows for " + std::to_string(c.year),
                "check the yil column of the budget data");
    out.emplace_back(Composer::placeholder(std::to_string(c.year) +
                                           " yılına ait bütçe gider verisi bulunamadı."));
    return;
  }
  // Most books divide by the yıl sonu ödeneği; some by the başlangıç ödeneği (domain §2.6).
  const bool on_initial = c.param("oran_paydasi", "yil_sonu") == "baslangic";
  const char* realisation = on_initial ? "gerceklesme_orani_baslangic" : "gerceklesme_orani";

  doc::Table t;
  t.id = "tablo-butce-gider-ekonomik";
  t.caption = "Ekonomik Sınıflandırmaya Göre Bütçe Giderleri";
  t.note = on_initial ? "Gerçekleşme oranı = Harcama ÷ Başlangıç Ödeneği × 100."
                      : "Gerçekleşme oranı = Harcama ÷ Yıl Sonu Ödeneği × 100.";
  t.columns = {{"7%", doc::Align::center}, {"25%", doc::Align::start}};
  figure_columns(t, 3, "15%", 2, "11.5%");
  t.header.push_back({header_cell("Ekonomik Kod", doc::Align::center), header_cell("Gider Türü"),
                      header_cell("Başlangıç Ödeneği (Bin TL)", doc::Align::end),
                      header_cell("Yıl Sonu Ödeneği (Bin TL)", doc::Align::end),
                      header_cell("Harcama (Bin TL)", doc::Align::end),
                      header_cell("Gerçekleşme Oranı (%)", doc::Align::end),
                      header_cell("Bütçe İçindeki Payı (%)", doc::Align::end)});
  doc::Chart chart;
  chart.id = "grafik-gider-gerceklesme";
  chart.kind = doc::ChartKind::bar;
  chart.caption = "Ekonomik Sınıflandırmaya Göre Gider Gerçekleşme Oranları";
  chart.value_axis.format.percent = true;
  doc::ChartSeries series;
  series.name = "Gerçekleşme Oranı (%)";
  for (std::size_t r : summary.rows) {
    const std::string code = text_of(summary.table->at(r, "ekonomik_kod"));
    const std::string label = code_name(c, *summary.table, r, "gider");
    auto realised = summary.rate(r, realisation);
    t.body.push_back(row_of({cell(code, doc::Align::center), cell(label)},
                            figure_cells(summary, r, {"baslangic_odenegi", "yil_sonu_odenegi", "harcama"},
                                         {realisation, "butce_payi"})));
    chart.categories.push_back(code + " " + label);
    series.values.push_back(realised ? Value(*realised) : Value());
  }
  const std::size_t total = *summary.total;
  t.footer.push_back(row_of({cell("", doc::Align::center, "total"), cell("Toplam", doc::Align::start, "total")},
                            figure_cells(summary, total, {"baslangic_odenegi", "yil_sonu_odenegi", "harcama"},
                                         {realisation, "butce_payi"}, "total")));
  out.emplace_back(paragraph(
      {span(std::to_string(c.year) + " yılında bütçe ile verilen toplam " +
            money(summary.at(total, "yil_sonu_odenegi")) + " TL yıl sonu ödeneğine karşılık " +
            money(summary.at(total, "harcama")) +
            " TL harcama yapılmış, bütçe giderlerinin gerçekleşme oranı " +
            ratio(summary.rate(total, realisation)) + " olmuştur.")}));
  out.emplace_back(std::move(t));
  chart.series.push_back(std::move(series));
  out.emplace_back(std::move(chart));
}

void add_budget_by_unit(const Composer& c, Blocks& out) {
  const Table* units_table = c.data.find("butce_gider_birim");
  const Summary summary = read_summary(c, c.data.find("butce_gider_ozet"));
  if (units_table == nullptr || !summary.total) return;  // add_budget_expenditure already warned

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
    std::size_t row;
  };
  std::vector<Row> rows;
  for (std::size_t r = 0; r < units_table->row_count(); ++r) {
    if (!c.is_report_year(*units_table, r)) continue;
    const std::string id = text_of(units_table->at(r, "birim_id"));
    auto name = unit_names.find(id);
    rows.push_back(Row{name != unit_names.end() ? name->second : "Birim " + id, r});
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const Row& a, const Row& b) { return compare_tr(a.name, b.name) < 0; });

  doc::Table t;
  t.id = "tablo-butce-gider-birim";
  t.caption = "Harcama Birimlerine Göre Bütçe Giderleri";
  t.columns = {{"49%", doc::Align::start}};
  figure_columns(t, 2, "19%", 1, "13%");
  t.header.push_back({header_cell("Birim"), header_cell("Ödenek (Bin TL)", doc::Align::end),
                      header_cell("Harcama (Bin TL)", doc::Align::end),
                      header_cell("Oran (%)", doc::Align::end)});
  for (const Row& row : rows) {
    const Summary units{units_table, {}, {}};
    t.body.push_back(row_of({cell(row.name)}, figure_cells(units, row.row, {"yil_sonu_odenegi", "harcama"},
                                                           {"gerceklesme_orani"})));
  }
  // The units share the rows of the economic summary, so its total is theirs.
  t.footer.push_back(row_of({cell("Toplam", doc::Align::start, "total")},
                            figure_cells(summary, *summary.total, {"yil_sonu_odenegi", "harcama"},
                                         {"gerceklesme_orani"}, "total")));
  out.emplace_back(std::move(t));
}

void add_budget_revenue(const Composer& c, Blocks& out) {
  const Table* table = c.optional_table("butce_gelir", "III-A-1 Bütçe Uygulama Sonuçları");
  if (table == nullptr) {
    out.emplace_back(
        Composer::placeholder("Bütçe gelirleri için veri bulunamadı (tablo: butce_gelir)."));
    return;
  }
  const Summary summary = read_summary(
      c, c.optional_table("butce_gelir_ozet", "III-A-1 Bütçe Uygulama Sonuçları"));
  if (summary.rows.empty() || !summary.total) {
    c.sink.warn("layout.no-rows", location_of(*table),
                "table 'butce_gelir' has no rows for " + std::to_string(c.year),
                "check the yil column of the revenue data");
    out.emplace_back(Composer::placeholder(std::to_string(c.year) +
                                           " yılına ait bütçe gelir verisi bulunamadı."));
    return;
  }
  doc::Table t;
  t.id = "tablo-butce-gelir-ekonomik";
  t.caption = "Ekonomik Sınıflandırmaya Göre Bütçe Gelirleri";
  t.note = "Gerçekleşme oranı = Tahsilat ÷ Bütçe Tahmini × 100; red ve iadeler toplamdan düşülür.";
  // Not summed by the engine: red ve iadeler (09) are subtracted from the total.
  t.columns = {{"7%", doc::Align::center}, {"30%", doc::Align::start}, {"17%", doc::Align::end},
               {"17%", doc::Align::end},   {"17%", doc::Align::end},   {"12%", doc::Align::decimal}};
  t.header.push_back({header_cell("Ekonomik Kod", doc::Align::center), header_cell("Gelir Türü"),
                      header_cell("Bütçe Tahmini (Bin TL)", doc::Align::end),
                      header_cell("Tahakkuk (Bin TL)", doc::Align::end),
                      header_cell("Tahsilat (Bin TL)", doc::Align::end),
                      header_cell("Gerçekleşme Oranı (%)", doc::Align::end)});
  for (std::size_t r : summary.rows) {
    const std::string code = text_of(summary.table->at(r, "ekonomik_kod"));
    t.body.push_back(row_of({cell(code, doc::Align::center), cell(code_name(c, *summary.table, r, "gelir"))},
                            figure_cells(summary, r, {"butce_tahmini", "tahakkuk", "tahsilat"},
                                         {"gerceklesme_orani"})));
  }
  const std::size_t total = *summary.total;
  t.footer.push_back(row_of({cell("", doc::Align::center, "total"), cell("Toplam", doc::Align::start, "total")},
                            figure_cells(summary, total, {"butce_tahmini", "tahakkuk", "tahsilat"},
                                         {"gerceklesme_orani"}, "total")));
  out.emplace_back(std::move(t));
}

}  // namespace dizgi::faaliyet
