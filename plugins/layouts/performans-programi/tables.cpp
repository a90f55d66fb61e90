// II-C and II-D of the Performans Programı (domain §2.5): Tablo 1 per performans hedefi (a form
// block, doc::performance_target_form), Tablo 2 per activity, Tablo 3 İdare Performans Tablosu,
// Tablo 4 Toplam Kaynak İhtiyacı and the charts of resources. Every sum is a row of a derived
// table (pp_performans, pp_kaynak_ihtiyaci, pp_faaliyet_maliyet, pp_kaynak_dagilimi); indicator
// values are the data's own.
#include "performans_programi.hpp"

#include <dizgi/model/form.hpp>
#include <dizgi/model/format.hpp>

#include <cctype>
#include <map>
#include <optional>

namespace dizgi::programme {

using namespace faaliyet;
using books::spanning;

namespace {

constexpr const char* amounts_note = "Tutarlar bin TL'dir.";

// The rows of a derived table for the programme year.
std::vector<std::size_t> year_rows(const Composer& c, const Table& table) {
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < table.row_count(); ++r)
    if (c.is_report_year(table, r)) rows.push_back(r);
  return rows;
}

// An indicator's value of one year and kind: the year-end measurement (gosterge_olcum), the
// target (gosterge_hedef) or, for the plan's base year, the baseline (gosterge.baslangic_degeri).
struct IndicatorValues {
  std::map<std::pair<std::string, int64_t>, Value> measured, target;
};

IndicatorValues indicator_values(const Composer& c) {
  IndicatorValues v;
  if (const Table* olcum = c.data.find("gosterge_olcum")) {
    for (std::size_t r = 0; r < olcum->row_count(); ++r) {
      if (text_of(optional_at(*olcum, r, "donem")) != "yil_sonu") continue;
      if (auto y = integer_of(olcum->at(r, "yil")))
        v.measured[{text_of(olcum->at(r, "gosterge_kod")), *y}] = olcum->at(r, "deger");
    }
  }
  if (const Table* hedef = c.data.find("gosterge_hedef")) {
    for (std::size_t r = 0; r < hedef->row_count(); ++r)
      if (auto y = integer_of(hedef->at(r, "yil")))
        v.target[{text_of(hedef->at(r, "gosterge_kod")), *y}] = hedef->at(r, "deger");
  }
  return v;
}

// A realisation of `year`: the measurement, else the baseline when it is of that year.
Value realised(const IndicatorValues& v, const Table& gosterge, std::size_t row, int64_t year) {
  const std::string code = text_of(gosterge.at(row, "kod"));
  if (auto it = v.measured.find({code, year}); it != v.measured.end()) return it->second;
  if (integer_of(optional_at(gosterge, row, "baslangic_yili")) == year) return optional_at(gosterge, row, "baslangic_degeri");
  return Value{};
}

// A figure as Tablo 1 prints it: Turkish digits, the value's own decimals, in units of
// 10^scale_power (3: thousands, rounded once from the exact value), "–" for a missing one.
std::string figure_text(const Value& value, int32_t scale_power = 0) {
  const std::optional<Decimal> figure = is_null(value) ? std::nullopt : decimal_of(value);
  if (!figure) return "–";
  if (scale_power == 0) return format_decimal_tr(*figure, -1);
  return format_decimal_tr(Decimal{figure->units, figure->scale + scale_power}.rescaled(0), 0);
}

std::string aim_of(const Composer& c, const std::string& goal) {
  if (const Table* hedef = c.data.find("hedef"))
    for (std::size_t r = 0; r < hedef->row_count(); ++r)
      if (text_of(hedef->at(r, "kod")) == goal) return text_of(hedef->at(r, "amac_kod"));
  return {};
}

const Value& goal_field(const Composer& c, const std::string& goal, const std::string& column) {
  static const Value none{};
  if (const Table* hedef = c.data.find("hedef"))
    for (std::size_t r = 0; r < hedef->row_count(); ++r)
      if (text_of(hedef->at(r, "kod")) == goal) return optional_at(*hedef, r, column);
  return none;
}

// Tablo 1 of one hedef as the SDK's performance-target form (doc::performance_target_form,
// read-only: the table is published, not filled in): identification rows, the indicators (t−2
// realisation, t−1 estimate, t target), the activities with their resources and the Genel
// Toplam, all from pp_performans and the indicator tables.
doc::Form goal_table(const Composer& c, const std::string& idare, const std::string& goal,
                     const std::vector<std::size_t>& activity_rows, std::size_t subtotal_row,
                     const IndicatorValues& values) {
  const Table& pp = c.data.table("pp_performans");
  const std::string aim = aim_of(c, goal);
  doc::PerformanceTarget table;
  table.id = "tablo1-" + anchor_of(goal);
  table.title = "Performans Hedefi Tablosu: " + goal;
  table.year = c.year;
  table.amount_unit = "Bin TL";
  table.rows.emplace_back("İdare Adı", idare);
  table.rows.emplace_back("Stratejik Amaç", aim + " " + books::goal_text(c, "amac", aim));
  table.rows.emplace_back("Stratejik Hedef", goal + " " + books::goal_text(c, "hedef", goal));
  table.rows.emplace_back("Performans Hedefi", books::goal_text(c, "hedef", goal));
  if (std::string note = text_of(goal_field(c, goal, "aciklama")); !note.empty())
    table.rows.emplace_back("Açıklama", note);
  table.rows.emplace_back("Sorumlu Birim", books::unit_name(c, goal_field(c, goal, "sorumlu_birim_id")));
  const int64_t y = c.year;
  if (const Table* gosterge = c.data.find("gosterge")) {
    int n = 0;
    for (std::size_t r : books::rows_by(*gosterge, "sira")) {
      if (text_of(gosterge->at(r, "hedef_kod")) != goal) continue;
      const std::string code = text_of(gosterge->at(r, "kod"));
      const auto target = values.target.find({code, y});
      doc::PerformanceTargetIndicator indicator;
      indicator.label = std::to_string(++n) + ". " + text_of(gosterge->at(r, "ad"));
      indicator.unit = text_of(optional_at(*gosterge, r, "olcu_birimi"));
      indicator.realised = figure_text(realised(values, *gosterge, r, y - 2));
      indicator.estimate = figure_text(realised(values, *gosterge, r, y - 1));
      indicator.target = figure_text(target == values.target.end() ? Value{} : target->second);
      table.indicators.push_back(std::move(indicator));
    }
  }
  auto amounts = [&](std::string label, std::size_t r) {
    return doc::PerformanceTargetActivity{std::move(label), figure_text(pp.at(r, "butce"), 3),
                                          figure_text(pp.at(r, "butce_disi"), 3), figure_text(pp.at(r, "toplam"), 3)};
  };
  int n = 0;
  for (std::size_t r : activity_rows) table.activities.push_back(amounts(std::to_string(++n) + ". " + text_of(pp.at(r, "ad")), r));
  table.overall = amounts("Genel Toplam", subtotal_row);
  doc::Form form = doc::performance_target_form(table);
  form.keep_together = true;  // read whole: never split
  return form;
}

// Tablo 2 of one activity: its resources by economic code and off-budget source.
doc::Table activity_table(const Composer& c, const std::string& idare, std::size_t activity_row,
                          const Table& costs, const std::vector<std::size_t>& cost_rows) {
  const Table& pp = c.data.table("pp_performans");
  const std::string code = text_of(pp.at(activity_row, "faaliyet_kod"));
  const std::string goal = text_of(pp.at(activity_row, "hedef_kod"));
  const std::string aim = aim_of(c, goal);
  doc::Table t;
  t.id = "tablo2-" + anchor_of(code);
  t.caption = "Faaliyet Maliyetleri Tablosu: " + code;
  t.note = amounts_note;
  t.keep_whole_rows = 60;  // read whole: never split (the block rule keep_together does not hold tables)
  t.columns = {{"16%", doc::Align::center}, {"59%", doc::Align::start}, {"25%", doc::Align::end}};
  t.body.push_back(books::label_row("İdare Adı", idare, 3));
  t.body.push_back(books::label_row("Amaç", aim + " " + books::goal_text(c, "amac", aim), 3));
  t.body.push_back(books::label_row("Hedef", goal + " " + books::goal_text(c, "hedef", goal), 3));
  t.body.push_back(books::label_row("Performans Hedefi", books::goal_text(c, "hedef", goal), 3));
  t.body.push_back(books::label_row("Faaliyet Adı", code + " " + text_of(pp.at(activity_row, "ad")), 3));
  std::string unit;
  if (const Table* faaliyet = c.data.find("faaliyet"))
    for (std::size_t r = 0; r < faaliyet->row_count(); ++r)
      if (text_of(faaliyet->at(r, "kod")) == code && c.is_report_year(*faaliyet, r))
        unit = books::unit_name(c, optional_at(*faaliyet, r, "sorumlu_birim_id"));
  t.body.push_back(books::label_row("Sorumlu Harcama Birimi", unit, 3));
  t.body.push_back(row_of_kind({cell("Ekonomik Kod", doc::Align::center), cell("Açıklama"), cell("Tutar", doc::Align::end)},
                               doc::RowKind::group));
  for (std::size_t r : cost_rows) {
    const std::string item = text_of(costs.at(r, "kalem"));
    const bool is_code = item.size() == 2 && std::isdigit(static_cast<unsigned char>(item[0]));
    if (item == "TOPLAM") {
      t.footer.push_back(row_of_kind({spanning(cell(text_of(costs.at(r, "ad"))), 2), thousands_cell(costs.at(r, "tutar"))},
                                     doc::RowKind::total));
    } else if (item == "BUTCE" || item == "BUTCE_DISI") {
      t.body.push_back(row_of_kind({spanning(cell(text_of(costs.at(r, "ad"))), 2), thousands_cell(costs.at(r, "tutar"))},
                                   doc::RowKind::subtotal));
    } else {
      t.body.push_back({cell(is_code ? item : "", doc::Align::center), cell(text_of(costs.at(r, "ad"))),
                        thousands_cell(costs.at(r, "tutar"))});
    }
  }
  return t;
}

}  // namespace

void add_goal_tables(const Composer& c, Blocks& out, const std::string& idare) {
  const Table& pp = c.data.table("pp_performans");
  const IndicatorValues values = indicator_values(c);
  const Table* costs = c.data.find("pp_faaliyet_maliyet");
  std::map<std::string, std::vector<std::size_t>> cost_rows;
  if (costs != nullptr)
    for (std::size_t r : year_rows(c, *costs)) cost_rows[text_of(costs->at(r, "faaliyet_kod"))].push_back(r);
  std::vector<std::size_t> activities;
  for (std::size_t r : year_rows(c, pp)) {
    const std::string kind = text_of(pp.at(r, "satir"));
    if (kind == "faaliyet") {
      activities.push_back(r);
    } else if (kind == "hedef") {
      const std::string goal = text_of(pp.at(r, "hedef_kod"));
      out.emplace_back(make_heading(3, "", "Performans Hedefi " + goal, "performans-hedefi-" + anchor_of(goal)));
      out.emplace_back(goal_table(c, idare, goal, activities, r, values));
      if (costs != nullptr)
        for (std::size_t a : activities)
          out.emplace_back(activity_table(c, idare, a, *costs, cost_rows[text_of(pp.at(a, "faaliyet_kod"))]));
      activities.clear();
    }
  }
}

void add_resource_tables(const Composer& c, Blocks& out) {
  const Table& pp = c.data.table("pp_performans");
  doc::Table t3;
  t3.id = "tablo3";
  t3.caption = "İdare Performans Tablosu";
  t3.note = amounts_note;
  t3.columns = {{"46%", doc::Align::start}, {"14%", doc::Align::end}, {"14%", doc::Align::end},
                {"14%", doc::Align::end}, {"12%", doc::Align::decimal}};
  t3.header.push_back({header_cell("Performans Hedefi / Faaliyet"), header_cell("Bütçe", doc::Align::end),
                       header_cell("Bütçe Dışı", doc::Align::end), header_cell("Toplam", doc::Align::end),
                       header_cell("Toplam Kaynak İçindeki Payı (%)", doc::Align::end)});
  auto figures = [&](std::size_t r) {
    return std::vector<doc::TableCell>{thousands_cell(pp.at(r, "butce")), thousands_cell(pp.at(r, "butce_disi")),
                                       thousands_cell(pp.at(r, "toplam")), percent_cell(pp.at(r, "pay"))};
  };
  auto row = [&](std::string label, std::size_t r, doc::RowKind kind) {
    std::vector<doc::TableCell> cells{cell(std::move(label))};
    for (doc::TableCell& figure : figures(r)) cells.push_back(std::move(figure));
    return row_of_kind(std::move(cells), kind);
  };
  std::string open_goal;
  for (std::size_t r : year_rows(c, pp)) {
    const std::string kind = text_of(pp.at(r, "satir"));
    const std::string goal = text_of(pp.at(r, "hedef_kod"));
    if (kind == "faaliyet") {
      if (goal != open_goal) {
        open_goal = goal;
        t3.body.push_back(row_of_kind({spanning(cell("Performans Hedefi " + goal + ": " + books::goal_text(c, "hedef", goal)), 5)},
                                      doc::RowKind::group));
      }
      t3.body.push_back(row(text_of(pp.at(r, "faaliyet_kod")) + " " + text_of(pp.at(r, "ad")), r, doc::RowKind::body));
    } else if (kind == "hedef") {
      t3.body.push_back(row(goal + " Toplamı", r, doc::RowKind::subtotal));
    } else {
      t3.footer.push_back(row(text_of(pp.at(r, "ad")), r, doc::RowKind::total));
    }
  }
  out.emplace_back(std::move(t3));

  const Table* needs = c.optional_table("pp_kaynak_ihtiyaci", "II-D İdarenin Toplam Kaynak İhtiyacı");
  if (needs == nullptr) return;
  doc::Table t4;
  t4.id = "tablo4";
  t4.caption = "Toplam Kaynak İhtiyacı Tablosu";
  t4.note = amounts_note;
  t4.keep_whole_rows = 60;  // read whole: never split (the block rule keep_together does not hold tables)
  t4.columns = {{"8%", doc::Align::center}, {"36%", doc::Align::start}, {"14%", doc::Align::end},
                {"14%", doc::Align::end},  {"14%", doc::Align::end},   {"14%", doc::Align::end}};
  t4.header.push_back({header_cell("Kod", doc::Align::center), header_cell("Ekonomik Sınıflandırma"),
                       header_cell("Faaliyetler", doc::Align::end), header_cell("Genel Yönetim Giderleri", doc::Align::end),
                       header_cell("Diğer İdarelere Transfer", doc::Align::end), header_cell("Toplam", doc::Align::end)});
  doc::Chart by_code;
  by_code.id = "grafik-kaynak-ekonomik";
  by_code.kind = doc::ChartKind::pie;
  by_code.caption = "Bütçe Kaynak İhtiyacının Ekonomik Sınıflandırmaya Göre Dağılımı";
  doc::ChartSeries code_series;
  code_series.name = "Toplam";
  bool off_budget = false;
  for (std::size_t r : year_rows(c, *needs)) {
    const std::string item = text_of(needs->at(r, "kalem"));
    std::vector<doc::TableCell> cells;
    for (const char* column : {"faaliyetler", "genel_yonetim", "transfer", "toplam"})
      cells.push_back(thousands_cell(needs->at(r, column)));
    auto with_label = [&](doc::TableCell first, std::string label, doc::RowKind kind) {
      std::vector<doc::TableCell> all{std::move(first), cell(std::move(label))};
      for (doc::TableCell& figure : cells) all.push_back(figure);
      return row_of_kind(std::move(all), kind);
    };
    const std::string name = text_of(needs->at(r, "ad"));
    if (item == "TOPLAM") {
      t4.footer.push_back(with_label(cell(""), name, doc::RowKind::total));
    } else if (item == "BUTCE" || item == "BUTCE_DISI") {
      t4.body.push_back(with_label(cell(""), name, doc::RowKind::subtotal));
      if (item == "BUTCE") off_budget = true;
    } else if (off_budget) {
      t4.body.push_back(with_label(cell(""), name, doc::RowKind::body));
    } else {
      t4.body.push_back(with_label(cell(item, doc::Align::center), name, doc::RowKind::body));
      if (auto amount = decimal_of(needs->at(r, "toplam")); amount && Decimal{} < *amount) {
        by_code.categories.push_back(name);
        code_series.values.push_back(Value(*amount));
      }
    }
  }
  out.emplace_back(std::move(t4));
  by_code.series.push_back(std::move(code_series));

  // Activity resources by amaç and by the ten units with the most.
  if (const Table* spread = c.data.find("pp_kaynak_dagilimi")) {
    doc::Chart by_aim, by_unit;
    by_aim.id = "grafik-kaynak-amac";
    by_aim.kind = doc::ChartKind::bar;
    by_aim.caption = "Faaliyet Kaynaklarının Stratejik Amaçlara Göre Dağılımı";
    by_aim.value_axis.scale_note = "TL";
    by_unit.id = "grafik-kaynak-birim";
    by_unit.kind = doc::ChartKind::bar;
    by_unit.caption = "Faaliyet Kaynaklarının En Büyük On Birime Göre Dağılımı";
    by_unit.value_axis.scale_note = "TL";
    doc::ChartSeries aims, units;
    aims.name = units.name = "Toplam Kaynak";
    int listed = 0;
    for (std::size_t r : year_rows(c, *spread)) {
      const std::string dimension = text_of(spread->at(r, "boyut"));
      if (dimension == "amac") {
        by_aim.categories.push_back(text_of(spread->at(r, "kod")));
        aims.values.push_back(spread->at(r, "toplam"));
      } else if (dimension == "birim" && listed < 10) {
        ++listed;
        by_unit.categories.push_back(text_of(spread->at(r, "ad")));
        units.values.push_back(spread->at(r, "toplam"));
      }
    }
    by_aim.series.push_back(std::move(aims));
    by_unit.series.push_back(std::move(units));
    if (!by_aim.categories.empty()) out.emplace_back(std::move(by_aim));
    if (!by_code.categories.empty()) out.emplace_back(std::move(by_code));
    if (!by_unit.categories.empty()) out.emplace_back(std::move(by_unit));
  } else if (!by_code.categories.empty()) {
    out.emplace_back(std::move(by_code));
  }
}

}  // namespace dizgi::programme
