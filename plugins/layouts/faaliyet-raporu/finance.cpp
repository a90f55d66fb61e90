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

// A table row: the leading cells, then the figures.
doc::TableRow row_of(std::vector<doc::TableCell> lead, std::vector<doc::TableCell> figures,
                     doc::RowKind kind = doc::RowKind::body) {
  for (doc::TableCell& c : figures) lead.push_back(std::move(c));
  return doc::TableRow(std::move(lead), kind);
}

// The rows of a derived table for the report year (tables without a yil column: every row),
// with its 'TOPLAM' row apart.
Summary rows_of_year(const Composer& c, const Table* table, const char* key) {
  Summary s;
  s.table = table;
  if (table == nullptr) return s;
  const bool has_year = table->column_index("yil") >= 0;
  for (std::size_t r = 0; r < table->row_count(); ++r) {
    if (has_year && !c.is_report_year(*table, r)) continue;
    if (text_of(table->at(r, key)) == "TOPLAM")
      s.total = r;
    else
      s.rows.push_back(r);
  }
  return s;
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
  t.note = std::string("(Bin TL) ") +
           (on_initial ? "Gerçekleşme oranı = Harcama ÷ Başlangıç Ödeneği × 100."
                       : "Gerçekleşme oranı = Harcama ÷ Yıl Sonu Ödeneği × 100.") +
           " Bütçe içindeki payı, yıl sonu ödeneğinin toplam ödenek içindeki payıdır.";
  // The amount columns are summed: the engine checks the total row against the rows.
  t.columns = {{"5%", doc::Align::center}, {"21%", doc::Align::start}, {"11%", doc::Align::end, doc::Aggregate::sum},
               {"10%", doc::Align::end, doc::Aggregate::sum},   {"10%", doc::Align::end, doc::Aggregate::sum},   {"11%", doc::Align::end, doc::Aggregate::sum},
               {"11%", doc::Align::end, doc::Aggregate::sum},   {"10.5%", doc::Align::decimal}, {"10.5%", doc::Align::decimal}};
  t.header.push_back({header_cell("Kod", doc::Align::center), header_cell("Gider Türü"),
                      header_cell("Başlangıç Ödeneği", doc::Align::end),
                      header_cell("Eklenen", doc::Align::end),
                      header_cell("Düşülen", doc::Align::end),
                      header_cell("Yıl Sonu Ödeneği", doc::Align::end),
                      header_cell("Harcama", doc::Align::end),
                      header_cell("Gerçekleşme Oranı (%)", doc::Align::end),
                      header_cell("Bütçe İçindeki Payı (%)", doc::Align::end)});
  doc::Chart chart;
  chart.id = "grafik-gider-gerceklesme";
  chart.kind = doc::ChartKind::bar;
  chart.caption = "Ekonomik Sınıflandırmaya Göre Gider Gerçekleşme Oranları";
  chart.value_axis.format.percent = true;
  chart.show_values = true;  // the rates themselves, as the table writes them
  doc::ChartSeries series;
  series.name = "Gerçekleşme Oranı (%)";
  const char* amounts[] = {"baslangic_odenegi", "eklenen", "dusulen", "yil_sonu_odenegi", "harcama"};
  auto figures = [&](std::size_t r) {
    std::vector<doc::TableCell> cells;
    for (const char* column : amounts) cells.push_back(thousands_cell(summary.table->at(r, column)));
    cells.push_back(percent_cell(summary.table->at(r, realisation)));
    cells.push_back(percent_cell(summary.table->at(r, "butce_payi")));
    return cells;
  };
  series.format.percent = true;
  for (std::size_t r : summary.rows) {
    const std::string code = text_of(summary.table->at(r, "ekonomik_kod"));
    const std::string label = code_name(c, *summary.table, r, "gider");
    auto realised = summary.rate(r, realisation);
    t.body.push_back(row_of({cell(code, doc::Align::center), cell(label)}, figures(r)));
    chart.categories.push_back(label);  // long names: the engine sets the bars horizontally
    series.values.push_back(realised ? Value(*realised) : Value());
  }
  const std::size_t total = *summary.total;
  t.footer.push_back(row_of({cell("", doc::Align::center), cell("Toplam")}, figures(total), doc::RowKind::total));
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
  t.note = "(Bin TL)";
  t.columns = {{"52%", doc::Align::start},
               {"17%", doc::Align::end, doc::Aggregate::sum},
               {"17%", doc::Align::end, doc::Aggregate::sum},
               {"14%", doc::Align::decimal}};
  t.header.push_back({header_cell("Birim"), header_cell("Yıl Sonu Ödeneği", doc::Align::end),
                      header_cell("Harcama", doc::Align::end),
                      header_cell("Gerçekleşme Oranı (%)", doc::Align::end)});
  auto figures = [](const Table& table, std::size_t r) {
    return std::vector<doc::TableCell>{thousands_cell(table.at(r, "yil_sonu_odenegi")),
                                       thousands_cell(table.at(r, "harcama")),
                                       percent_cell(table.at(r, "gerceklesme_orani"))};
  };
  for (const Row& row : rows) t.body.push_back(row_of({cell(row.name)}, figures(*units_table, row.row)));
  const Summary units{units_table, {}, {}};
  // Beside the table, the largest units' appropriation and spending as bars (long unit names:
  // the engine lays them out horizontally), the other units gathered into one bar.
  constexpr std::size_t shown = 10;
  std::vector<Row> largest = rows;
  std::stable_sort(largest.begin(), largest.end(), [&](const Row& a, const Row& b) {
    return units.at(b.row, "yil_sonu_odenegi") < units.at(a.row, "yil_sonu_odenegi");
  });
  doc::Chart chart;
  chart.id = "grafik-butce-gider-birim";
  chart.kind = doc::ChartKind::bar;
  chart.caption = "Ödeneği En Büyük " + std::to_string(shown) + " Birimin Ödenek ve Harcaması";
  chart.value_axis.scale_note = "TL";
  doc::ChartSeries allotted, spent;
  allotted.name = "Yıl Sonu Ödeneği";
  spent.name = "Harcama";
  Decimal other_allotted{}, other_spent{};
  for (std::size_t i = 0; i < largest.size(); ++i) {
    const Decimal a = units.at(largest[i].row, "yil_sonu_odenegi"), h = units.at(largest[i].row, "harcama");
    if (i < shown) {
      chart.categories.push_back(largest[i].name);
      allotted.values.push_back(Value(a));
      spent.values.push_back(Value(h));
    } else {
      other_allotted = other_allotted + a;
      other_spent = other_spent + h;
    }
  }
  if (largest.size() > shown) {
    chart.categories.push_back("Diğer " + std::to_string(largest.size() - shown) + " birim");
    allotted.values.push_back(Value(other_allotted));
    spent.values.push_back(Value(other_spent));
  }
  chart.series = {std::move(allotted), std::move(spent)};
  // The units share the rows of the economic summary, so its total is theirs.
  t.footer.push_back(row_of({cell("Toplam")}, figures(*summary.table, *summary.total), doc::RowKind::total));
  out.emplace_back(std::move(t));
  out.emplace_back(std::move(chart));
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
  t.note =
      "(Bin TL) Gerçekleşme oranı = Tahsilat ÷ Bütçe Tahmini × 100; tahsilat oranı = Tahsilat ÷ "
      "Tahakkuk × 100. Red ve iadeler tahakkuk ve tahsilattan birlikte düşülür: brüt toplam "
      "iadelerden önceki, net toplam sonraki tutarlardır.";
  t.columns = {{"5%", doc::Align::center}, {"25%", doc::Align::start}, {"12%", doc::Align::end},
               {"12%", doc::Align::end},   {"12%", doc::Align::end},   {"10%", doc::Align::end},
               {"12%", doc::Align::end},   {"12%", doc::Align::end}};
  t.header.push_back({header_cell("Kod", doc::Align::center), header_cell("Gelir Türü"),
                      header_cell("Bütçe Tahmini", doc::Align::end),
                      header_cell("Tahakkuk", doc::Align::end),
                      header_cell("Tahsilat", doc::Align::end),
                      header_cell("Red ve İade", doc::Align::end),
                      header_cell("Gerçekleşme Oranı (%)", doc::Align::end),
                      header_cell("Tahsilat Oranı (%)", doc::Align::end)});
  auto figures = [&](std::size_t r) {
    const Table& s = *summary.table;
    return std::vector<doc::TableCell>{
        thousands_cell(s.at(r, "butce_tahmini")), thousands_cell(s.at(r, "tahakkuk")),
        thousands_cell(s.at(r, "tahsilat")),      thousands_cell(optional_at(s, r, "red_iade")),
        percent_cell(s.at(r, "gerceklesme_orani")), percent_cell(optional_at(s, r, "tahsilat_orani"))};
  };
  // The make-up of the collected revenue as a pie; refunds (negative) are no share of it.
  doc::Chart chart;
  chart.id = "grafik-butce-gelir-dagilim";
  chart.kind = doc::ChartKind::pie;
  chart.caption = "Tahsil Edilen Gelirlerin Türlerine Göre Dağılımı";
  doc::ChartSeries collected;
  collected.name = "Tahsilat";
  for (std::size_t r : summary.rows) {
    const std::string code = text_of(summary.table->at(r, "ekonomik_kod"));
    if (code == "BRUT") {
      t.body.push_back(row_of({cell(""), cell("Brüt Toplam")}, figures(r), doc::RowKind::subtotal));
      continue;
    }
    const std::string name = code_name(c, *summary.table, r, "gelir");
    t.body.push_back(row_of({cell(code, doc::Align::center), cell(name)}, figures(r)));
    const Decimal amount = summary.at(r, "tahsilat");
    if (Decimal{} < amount) {
      chart.categories.push_back(name);
      collected.values.push_back(Value(amount));
    }
  }
  chart.series.push_back(std::move(collected));
  const std::size_t total = *summary.total;
  const bool has_gross = std::any_of(summary.rows.begin(), summary.rows.end(), [&](std::size_t r) {
    return text_of(summary.table->at(r, "ekonomik_kod")) == "BRUT";
  });
  t.footer.push_back(
      row_of({cell(""), cell(has_gross ? "Net Toplam" : "Toplam")}, figures(total), doc::RowKind::total));
  out.emplace_back(std::move(t));
  if (!chart.categories.empty()) out.emplace_back(std::move(chart));
}

void add_budget_functional(const Composer& c, Blocks& out) {
  const Summary summary =
      rows_of_year(c, c.optional_table("butce_gider_fonksiyonel", "III-A-1 Bütçe Uygulama Sonuçları"),
                   "fonksiyonel_kod");
  if (summary.rows.empty() || !summary.total) {
    out.emplace_back(Composer::placeholder(
        "Fonksiyonel sınıflandırma için veri bulunamadı (sütun: butce_gider.fonksiyonel_kod)."));
    return;
  }
  doc::Table t;
  t.id = "tablo-butce-gider-fonksiyonel";
  t.caption = "Fonksiyonel Sınıflandırmaya Göre Bütçe Giderleri";
  t.note = "(Bin TL)";
  t.columns = {{"6%", doc::Align::center}, {"34%", doc::Align::start}, {"14%", doc::Align::end, doc::Aggregate::sum},
               {"14%", doc::Align::end, doc::Aggregate::sum},   {"14%", doc::Align::end, doc::Aggregate::sum},   {"9%", doc::Align::decimal},
               {"9%", doc::Align::decimal}};
  t.header.push_back({header_cell("Kod", doc::Align::center), header_cell("Fonksiyon"),
                      header_cell("Başlangıç Ödeneği", doc::Align::end),
                      header_cell("Yıl Sonu Ödeneği", doc::Align::end),
                      header_cell("Harcama", doc::Align::end),
                      header_cell("Gerçekleşme Oranı (%)", doc::Align::end),
                      header_cell("Bütçe İçindeki Payı (%)", doc::Align::end)});
  auto figures = [&](std::size_t r) {
    const Table& s = *summary.table;
    return std::vector<doc::TableCell>{thousands_cell(s.at(r, "baslangic_odenegi")),
                                       thousands_cell(s.at(r, "yil_sonu_odenegi")),
                                       thousands_cell(s.at(r, "harcama")),
                                       percent_cell(s.at(r, "gerceklesme_orani")),
                                       percent_cell(s.at(r, "butce_payi"))};
  };
  for (std::size_t r : summary.rows) {
    t.body.push_back(row_of({cell(text_of(summary.table->at(r, "fonksiyonel_kod")), doc::Align::center),
                             cell(text_of(summary.table->at(r, "ad")))},
                            figures(r)));
  }
  t.footer.push_back(row_of({cell(""), cell("Toplam")}, figures(*summary.total), doc::RowKind::total));
  out.emplace_back(std::move(t));
}

void add_budget_deviations(const Composer& c, Blocks& out) {
  const Table* table = c.optional_table("butce_gider_sapma", "III-A-1 Bütçe Uygulama Sonuçları");
  std::vector<std::size_t> rows;
  if (table != nullptr) {
    for (std::size_t r = 0; r < table->row_count(); ++r)
      if (c.is_report_year(*table, r)) rows.push_back(r);
  }
  out.emplace_back(paragraph({span("Bütçe Sapmalarının Nedenleri", true)}, "subhead"));
  if (rows.empty()) {
    out.emplace_back(paragraph({span(
        "Ödenek ile harcama arasında açıklama gerektiren bir sapma bulunmamaktadır.")}));
    return;
  }
  std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
    int order = compare_tr(text_of(table->at(a, "birim_ad")), text_of(table->at(b, "birim_ad")));
    if (order != 0) return order < 0;
    return natural_less(text_of(table->at(a, "ekonomik_kod")), text_of(table->at(b, "ekonomik_kod")));
  });
  out.emplace_back(paragraph({span(
      "5018 sayılı Kanunun 41 inci maddesi uyarınca, bütçe hedefleri ile gerçekleşmeler arasındaki "
      "sapmaların nedenleri harcama birimlerinin açıklamalarıyla aşağıda gösterilmiştir.")}));
  doc::Table t;
  t.id = "tablo-butce-sapma";
  t.caption = "Bütçe Giderlerinde Sapmalar ve Nedenleri";
  t.note = "(Bin TL)";
  t.columns = {{"22%", doc::Align::start}, {"6%", doc::Align::center}, {"12%", doc::Align::end},
               {"12%", doc::Align::end},   {"9%", doc::Align::end},    {"39%", doc::Align::start}};
  t.header.push_back({header_cell("Birim"), header_cell("Kod", doc::Align::center),
                      header_cell("Yıl Sonu Ödeneği", doc::Align::end),
                      header_cell("Harcama", doc::Align::end),
                      header_cell("Oran (%)", doc::Align::end), header_cell("Sapmanın Nedeni")});
  for (std::size_t r : rows) {
    t.body.push_back({cell(text_of(table->at(r, "birim_ad"))),
                      cell(text_of(table->at(r, "ekonomik_kod")), doc::Align::center),
                      thousands_cell(table->at(r, "yil_sonu_odenegi")),
                      thousands_cell(table->at(r, "harcama")),
                      percent_cell(table->at(r, "gerceklesme_orani")),
                      cell(text_of(table->at(r, "sapma_aciklamasi")))});
  }
  out.emplace_back(std::move(t));
}

void add_budget_balance(const Composer& c, Blocks& out) {
  const Table* table = c.optional_table("butce_denge", "III-A-1 Bütçe Uygulama Sonuçları");
  if (table == nullptr) return;
  std::map<std::string, std::size_t> rows;
  for (std::size_t r = 0; r < table->row_count(); ++r)
    if (c.is_report_year(*table, r)) rows[text_of(table->at(r, "kalem"))] = r;
  if (!rows.count("gelir") || !rows.count("gider") || !rows.count("denge")) return;
  doc::Table t;
  t.id = "tablo-butce-denge";
  t.caption = "Bütçe Dengesi ve Finansmanı";
  t.note =
      "(Bin TL) Gelirler red ve iadeler düşülmüş net tutarlardır; giderlerde tahmin sütunu yıl sonu "
      "ödeneğini gösterir. Bütçe dengesi = Gelirler − Giderler (eksi değer bütçe açığıdır).";
  t.columns = {{"40%", doc::Align::start}, {"22%", doc::Align::end}, {"22%", doc::Align::end},
               {"16%", doc::Align::end}};
  t.header.push_back({header_cell("Kalem"), header_cell("Bütçe Tahmini / Ödenek", doc::Align::end),
                      header_cell("Gerçekleşen", doc::Align::end),
                      header_cell("Gerçekleşme Oranı (%)", doc::Align::end)});
  auto line = [&](const std::string& key, const std::string& label, doc::RowKind kind) {
    const std::size_t r = rows[key];
    return doc::TableRow({cell(label), thousands_cell(table->at(r, "tahmin")),
                          thousands_cell(table->at(r, "gerceklesen")),
                          percent_cell(table->at(r, "gerceklesme_orani"))},
                         kind);
  };
  t.body.push_back(line("gelir", "Bütçe Gelirleri (net)", doc::RowKind::body));
  t.body.push_back(line("gider", "Bütçe Giderleri", doc::RowKind::body));
  t.footer.push_back(line("denge", "Bütçe Dengesi (Fazla / Açık)", doc::RowKind::total));
  const Decimal balance = amount_of(table->at(rows["denge"], "gerceklesen"));
  const bool deficit = balance < Decimal{0, 0};
  const Decimal magnitude = deficit ? Decimal{0, 0} - balance : balance;
  out.emplace_back(std::move(t));
  out.emplace_back(paragraph({span(std::to_string(c.year) + " yılı bütçesi " + format_decimal_tr(magnitude, 2) +
                                   " TL " + (deficit ? "açıkla" : "fazlayla") + " kapanmıştır.")}));
}

void add_debts(const Composer& c, Blocks& out) {
  const Table* source = c.optional_table("borc", "III-A-4 Belediye Borçlarının Durumu");
  const Summary summary = rows_of_year(c, c.data.find("borc_ozet"), "tur");
  if (source == nullptr || summary.rows.empty() || !summary.total) {
    out.emplace_back(Composer::placeholder(
        "Belediye borçlarına ilişkin veri bulunamadı (tablo: borc). 5393 sayılı Kanunun 56 ncı "
        "maddesi uyarınca borçların durumu raporda yer almalıdır."));
    return;
  }
  static const std::map<std::string, std::string> kinds = {
      {"ic_borc", "İç Borçlar (Banka Kredileri)"}, {"dis_borc", "Dış Borçlar"},
      {"sgk", "SGK Borçları"},                     {"vergi", "Vergi Borçları"},
      {"kredi", "Krediler"}};
  std::string date;
  for (std::size_t r = 0; r < source->row_count(); ++r) {
    if (const auto* d = std::get_if<Date>(&optional_at(*source, r, "tarih"))) date = format_date_tr(*d);
    else if (date.empty()) date = text_of(optional_at(*source, r, "tarih"));
  }
  out.emplace_back(paragraph({span(
      "5393 sayılı Belediye Kanununun 56 ncı maddesi uyarınca belediyenin borç durumu" +
      (date.empty() ? std::string() : " (" + date + " itibarıyla)") + " aşağıda gösterilmiştir.")}));
  doc::Table t;
  t.id = "tablo-borc";
  t.caption = "Belediye Borçlarının Durumu";
  t.note = "(Bin TL) Kısa vadeli: bir yıl içinde ödenecek; uzun vadeli: bir yıldan sonra ödenecek borçlar.";
  t.keep_whole_rows = 12;
  t.columns = {{"36%", doc::Align::start}, {"17%", doc::Align::end, doc::Aggregate::sum}, {"17%", doc::Align::end, doc::Aggregate::sum},
               {"17%", doc::Align::end, doc::Aggregate::sum},   {"13%", doc::Align::decimal}};
  t.header.push_back({header_cell("Borç Türü"), header_cell("Kısa Vadeli", doc::Align::end),
                      header_cell("Uzun Vadeli", doc::Align::end), header_cell("Toplam", doc::Align::end),
                      header_cell("Payı (%)", doc::Align::end)});
  auto figures = [&](std::size_t r) {
    const Table& s = *summary.table;
    return std::vector<doc::TableCell>{thousands_cell(s.at(r, "kisa_vadeli")), thousands_cell(s.at(r, "uzun_vadeli")),
                                       thousands_cell(s.at(r, "toplam")), percent_cell(s.at(r, "pay"))};
  };
  for (std::size_t r : summary.rows) {
    const std::string kind = text_of(summary.table->at(r, "tur"));
    auto name = kinds.find(kind);
    t.body.push_back(row_of({cell(name == kinds.end() ? kind : name->second)}, figures(r)));
  }
  t.footer.push_back(row_of({cell("Toplam")}, figures(*summary.total), doc::RowKind::total));
  out.emplace_back(std::move(t));
}

void add_aid(const Composer& c, Blocks& out) {
  const Table* table = c.optional_table("yardim", "III-A-4 Diğer Hususlar");
  const Summary summary = rows_of_year(c, c.data.find("yardim_ozet"), "tur");
  out.emplace_back(paragraph({span("Dernek, Vakıf, Kurum ve Kuruluşlara Yapılan Yardımlar", true)}, "subhead"));
  std::vector<std::size_t> rows;
  if (table != nullptr) {
    for (std::size_t r = 0; r < table->row_count(); ++r)
      if (c.is_report_year(*table, r)) rows.push_back(r);
  }
  if (rows.empty() || !summary.total) {
    out.emplace_back(paragraph({span(std::to_string(c.year) +
                                     " yılında dernek, vakıf, birlik, kurum ve kuruluşlara yardım yapılmamıştır.")}));
    return;
  }
  static const std::map<std::string, std::string> kinds = {
      {"dernek", "Dernek"}, {"vakif", "Vakıf"},   {"birlik", "Birlik"},
      {"kurum", "Kurum"},   {"sirket", "Şirket"}, {"diger", "Diğer"}};
  std::map<std::string, std::string> unit_names;
  if (const Table* units = c.data.find("birim")) {
    for (std::size_t r = 0; r < units->row_count(); ++r)
      unit_names[text_of(units->at(r, "id"))] = text_of(units->at(r, "ad"));
  }
  std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
    return compare_tr(text_of(table->at(a, "alan")), text_of(table->at(b, "alan"))) < 0;
  });
  doc::Table t;
  t.id = "tablo-yardim";
  t.caption = "Dernek, Vakıf, Kurum ve Kuruluşlara Yapılan Yardımlar";
  t.note = "(Bin TL) 5018 sayılı Kanunun 41 inci maddesinin dördüncü fıkrası uyarınca.";
  t.columns = {{"34%", doc::Align::start}, {"12%", doc::Align::start}, {"26%", doc::Align::start},
               {"14%", doc::Align::end},   {"14%", doc::Align::start}};
  t.header.push_back({header_cell("Yardım Yapılan"), header_cell("Türü"), header_cell("Veren Birim"),
                      header_cell("Tutar", doc::Align::end), header_cell("Açıklama")});
  for (std::size_t r : rows) {
    auto kind = kinds.find(text_of(table->at(r, "tur")));
    auto unit = unit_names.find(text_of(optional_at(*table, r, "birim_id")));
    t.body.push_back({cell(text_of(table->at(r, "alan"))),
                      cell(kind == kinds.end() ? text_of(table->at(r, "tur")) : kind->second),
                      cell(unit == unit_names.end() ? std::string() : unit->second),
                      thousands_cell(table->at(r, "tutar")), cell(text_of(optional_at(*table, r, "aciklama")))});
  }
  doc::TableCell label = cell("Toplam");
  label.col_span = 3;
  t.footer.push_back(doc::TableRow({std::move(label), thousands_cell(summary.table->at(*summary.total, "tutar")),
                                    cell("")},
                                   doc::RowKind::total));
  out.emplace_back(std::move(t));
}

}  // namespace dizgi::faaliyet
