// III-B Performans Bilgileri (domain §2.8, §2.9): activities and projects, the Performans
// Sonuçları Tablosu of each hedef with its deviations, and the hedef achievement levels.
//
// Every figure here is read from the tables the host derives (gosterge_sonuc, hedef_sonuc,
// amac_sonuc, faaliyet_ozet; docs/data-model.md): the layout computes nothing, so the book
// prints exactly what `dizgi data --show` shows and rounds only for display.
#include "faaliyet_raporu.hpp"

#include "composer.hpp"

#include <dizgi/model/format.hpp>

#include <algorithm>
#include <map>
#include <utility>

namespace dizgi::faaliyet {

namespace {

// A figure cell from an exact value, written by the engine with `digits` decimals (-1: the
// value's own) on the decimal comma; a missing value is the template's one marker, never 0.
// Under a "(%)" header the cells carry no "%" of their own.
doc::TableCell figure_cell(const std::optional<Decimal>& value, int digits, std::string style = {}) {
  doc::NumberFormat format;
  format.fraction_digits = digits;
  doc::TableCell c = value ? doc::TableCell::typed(*value, format, doc::Align::decimal)
                           : doc::TableCell::null(doc::Align::decimal);
  c.style = std::move(style);
  return c;
}

doc::TableCell number_cell(std::string text, std::string style = {}) {
  return cell(std::move(text), doc::Align::end, std::move(style));
}

struct Indicator {
  std::string code;
  std::string name;
  std::string unit;
  std::optional<Decimal> weight;
  std::optional<Decimal> baseline, target, actual;
  std::optional<Decimal> rate;
  std::optional<Decimal> deviation;  // gosterge_sonuc.sapma: rate − 100 points
  std::string deviation_reason;
  std::string measure;
};

struct Goal {
  std::string code;
  std::string aim_code;
  std::string text;
  std::vector<Indicator> indicators;
};

struct GoalLevel {
  const Goal* goal;
  std::optional<Decimal> level;  // hedef_sonuc.gerceklesme_duzeyi
};


// `column` of the derived table's row for `key` in the report year, by key column.
std::map<std::string, std::size_t> rows_by_key(const Composer& c, const Table* table,
                                               const std::string& key) {
  std::map<std::string, std::size_t> rows;
  if (table == nullptr) return rows;
  for (std::size_t r = 0; r < table->row_count(); ++r) {
    if (c.is_report_year(*table, r)) rows[text_of(table->at(r, key))] = r;
  }
  return rows;
}

// The summary rows: per amaç a group row with its level from amac_sonuc (the mean of its hedef
// levels, domain §2.9), then its hedefler. `levels` is ordered by amaç.
void add_summary_rows(const Composer& c, const std::vector<GoalLevel>& levels,
                      doc::Table& summary) {
  std::map<std::string, std::string> aim_texts;
  if (const Table* aims = c.data.find("amac")) {
    for (std::size_t r = 0; r < aims->row_count(); ++r) {
      aim_texts[text_of(aims->at(r, "kod"))] = text_of(aims->at(r, "metin"));
    }
  }
  const Table* aim_results = c.optional_table("amac_sonuc", "III-B-3 Değerlendirme");
  const auto aim_rows = rows_by_key(c, aim_results, "amac_kod");
  for (std::size_t i = 0; i < levels.size();) {
    const std::string& aim = levels[i].goal->aim_code;
    std::optional<Decimal> aim_level;
    if (auto row = aim_rows.find(aim); row != aim_rows.end())
      aim_level = decimal_of(aim_results->at(row->second, "gerceklesme_duzeyi"));
    summary.body.push_back(doc::TableRow({cell("Amaç " + aim, doc::Align::start),
                                          cell(aim_texts[aim], doc::Align::start),
                                          figure_cell(aim_level, 2)},
                                         doc::RowKind::group));
    for (; i < levels.size() && levels[i].goal->aim_code == aim; ++i) {
      summary.body.push_back({cell(levels[i].goal->code), cell(levels[i].goal->text),
                              figure_cell(levels[i].level, 2)});
    }
  }
}

}  // namespace

// --- III-B-1 ----------------------------------------------------------------------------------

void add_activities(const Composer& c, Blocks& out) {
  const Table* table = c.optional_table("faaliyet", "III-B-1 Faaliyet ve Proje Bilgileri");
  if (table == nullptr) {
    out.emplace_back(
        Composer::placeholder("Faaliyet ve projeler için veri bulunamadı (tablo: faaliyet)."));
    return;
  }
  std::map<std::string, std::string> unit_names;
  if (const Table* units = c.data.find("birim")) {
    for (std::size_t r = 0; r < units->row_count(); ++r) {
      std::string name = text_of(optional_at(*units, r, "kisa_ad"));
      if (name.empty()) name = text_of(units->at(r, "ad"));
      unit_names[text_of(units->at(r, "id"))] = name;
    }
  }
  std::vector<std::size_t> order(table->row_count());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<std::string> codes;
  for (std::size_t r = 0; r < table->row_count(); ++r)
    codes.push_back(text_of(table->at(r, "kod")));
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return natural_less(codes[x], codes[y]); });

  doc::Table t;
  t.id = "tablo-faaliyetler";
  t.caption = "Faaliyet ve Projeler";
  t.columns = {{"9%", doc::Align::start}, {"33%", doc::Align::start}, {"18%", doc::Align::start},
               {"10%", doc::Align::end},  {"15%", doc::Align::end},   {"15%", doc::Align::end}};
  t.header.push_back(
      {header_cell("Kod"), header_cell("Faaliyet / Proje"), header_cell("Sorumlu Birim"),
       header_cell("Fiziki Gerçekleşme (%)", doc::Align::end),
       header_cell("Bütçe (TL)", doc::Align::end), header_cell("Harcanan (TL)", doc::Align::end)});
  for (std::size_t r : order) {
    auto unit = unit_names.find(text_of(optional_at(*table, r, "sorumlu_birim_id")));
    auto progress = decimal_of(optional_at(*table, r, "fiziki_gerceklesme"));
    Decimal budget = amount_of(optional_at(*table, r, "butce"));
    Decimal spent = amount_of(optional_at(*table, r, "harcanan"));
    t.body.push_back({cell(codes[r]), cell(text_of(table->at(r, "ad"))),
                      cell(unit != unit_names.end() ? unit->second : ""),
                      figure_cell(progress, -1),
                      number_cell(format_decimal_tr(budget, 2)),
                      number_cell(format_decimal_tr(spent, 2))});
  }
  const Table* totals = c.optional_table("faaliyet_ozet", "III-B-1 Faaliyet ve Proje Bilgileri");
  auto total = [&](const char* column) {
    return totals != nullptr && totals->row_count() > 0
               ? format_decimal_tr(amount_of(totals->at(0, column)), 2)
               : std::string("–");
  };
  t.footer.push_back({cell("", doc::Align::start, "total"),
                      cell("Toplam", doc::Align::start, "total"),
                      cell("", doc::Align::start, "total"), cell("", doc::Align::end, "total"),
                      number_cell(total("butce"), "total"),
                      number_cell(total("harcanan"), "total")});
  out.emplace_back(std::move(t));
}

// --- III-B-2 and III-B-3 ----------------------------------------------------------------------

void add_performance_results(const Composer& c, Blocks& results, Blocks& evaluation) {
  const std::string section = "III-B-2 Performans Sonuçları Tablosu";
  const Table* goals_table = c.optional_table("hedef", section);
  const Table* indicators_table = c.optional_table("gosterge", section);
  if (goals_table == nullptr || indicators_table == nullptr) {
    results.emplace_back(
        Composer::placeholder("Performans sonuçları için veri bulunamadı (tablo: " +
                              std::string(goals_table ? "gosterge" : "hedef") + ")."));
    return;
  }
  const Table* results_table = c.optional_table("gosterge_sonuc", section);
  const Table* goal_results = c.optional_table("hedef_sonuc", section);
  const Table* measures = c.data.find("gosterge_olcum");  // deviation reasons and measures
  const auto result_rows = rows_by_key(c, results_table, "gosterge_kod");
  const auto goal_rows = rows_by_key(c, goal_results, "hedef_kod");

  struct Measure {
    std::string reason, measure;
  };
  std::map<std::string, Measure> measure_of;
  if (measures != nullptr) {
    for (std::size_t r = 0; r < measures->row_count(); ++r) {
      if (!c.is_report_year(*measures, r) || text_of(measures->at(r, "donem")) != "yil_sonu")
        continue;
      measure_of[text_of(measures->at(r, "gosterge_kod"))] =
          Measure{text_of(optional_at(*measures, r, "sapma_nedeni")),
                  text_of(optional_at(*measures, r, "tedbir"))};
    }
  }

  std::vector<Goal> goals;
  std::map<std::string, std::size_t> goal_index;
  for (std::size_t r = 0; r < goals_table->row_count(); ++r) {
    Goal g{text_of(goals_table->at(r, "kod")),
           text_of(goals_table->at(r, "amac_kod")),
           text_of(goals_table->at(r, "metin")),
           {}};
    goal_index[g.code] = goals.size();
    goals.push_back(std::move(g));
  }
  for (std::size_t r = 0; r < indicators_table->row_count(); ++r) {
    auto goal = goal_index.find(text_of(indicators_table->at(r, "hedef_kod")));
    if (goal == goal_index.end()) continue;
    Indicator ind;
    ind.code = text_of(indicators_table->at(r, "kod"));
    ind.name = text_of(indicators_table->at(r, "ad"));
    ind.unit = text_of(optional_at(*indicators_table, r, "olcu_birimi"));
    if (auto row = result_rows.find(ind.code); row != result_rows.end()) {
      ind.weight = decimal_of(results_table->at(row->second, "hedefe_etkisi"));
      ind.baseline = decimal_of(results_table->at(row->second, "baslangic_degeri"));
      ind.target = decimal_of(results_table->at(row->second, "hedef_deger"));
      ind.actual = decimal_of(results_table->at(row->second, "gerceklesme"));
      ind.rate = decimal_of(results_table->at(row->second, "gerceklesme_orani"));
      ind.deviation = decimal_of(optional_at(*results_table, row->second, "sapma"));
    }
    if (auto m = measure_of.find(ind.code); m != measure_of.end()) {
      ind.deviation_reason = m->second.reason;
      ind.measure = m->second.measure;
    }
    goals[goal->second].indicators.push_back(std::move(ind));
  }
  std::stable_sort(goals.begin(), goals.end(), [](const Goal& a, const Goal& b) {
    if (a.aim_code != b.aim_code) return natural_less(a.aim_code, b.aim_code);
    return natural_less(a.code, b.code);
  });

  doc::Table summary;
  summary.id = "tablo-hedef-gerceklesme";
  summary.caption = "Amaç ve Hedeflerin Gerçekleşme Düzeyleri";
  summary.note =
      "Hedef gerçekleşme düzeyi = Σ min(gerçekleşme oranı, 100) × hedefe etkisi ÷ 100; "
      "amaç gerçekleşme düzeyi, hedeflerinin düzeylerinin ortalamasıdır.";
  summary.columns = {
      {"12%", doc::Align::start}, {"68%", doc::Align::start}, {"20%", doc::Align::end}};
  summary.header.push_back({header_cell("Kod"), header_cell("Amaç / Hedef"),
                            header_cell("Gerçekleşme Düzeyi (%)", doc::Align::end)});

  std::vector<GoalLevel> levels;
  for (Goal& goal : goals) {
    if (goal.indicators.empty()) continue;
    std::stable_sort(
        goal.indicators.begin(), goal.indicators.end(),
        [](const Indicator& a, const Indicator& b) { return natural_less(a.code, b.code); });
    results.emplace_back(
        paragraph({span("Hedef " + goal.code + ": ", true), span(goal.text)}, "subhead"));

    doc::Table t;
    t.id = "tablo-performans-" + anchor_of(goal.code);
    t.caption = "Hedef " + goal.code + " Performans Sonuçları";
    t.keep_together = true;
    t.columns = {{"34%", doc::Align::start}, {"11%", doc::Align::end}, {"13%", doc::Align::end},
                 {"13%", doc::Align::end},   {"14%", doc::Align::end}, {"15%", doc::Align::end}};
    t.header.push_back({header_cell("Performans Göstergesi"),
                        header_cell("Hedefe Etkisi (%)", doc::Align::end),
                        header_cell("Başlangıç Değeri (A)", doc::Align::end),
                        header_cell("Hedeflenen Değer (B)", doc::Align::end),
                        header_cell("Gerçekleşme Değeri (C)", doc::Align::end),
                        header_cell("Gerçekleşme Oranı (%)", doc::Align::end)});
    std::vector<const Indicator*> deviations;
    int missing = 0;
    for (const Indicator& ind : goal.indicators) {
      std::string label =
          ind.code + " " + ind.name + (ind.unit.empty() ? "" : " (" + ind.unit + ")");
      t.body.push_back({cell(label), figure_cell(ind.weight, -1),
                        figure_cell(ind.baseline, -1),
                        figure_cell(ind.target, -1),
                        figure_cell(ind.actual, -1),
                        figure_cell(ind.rate, 2)});
      if (!ind.rate) ++missing;
      if (!ind.deviation || ind.deviation->units != 0 || !ind.deviation_reason.empty()) {
        deviations.push_back(&ind);
      }
    }
    std::optional<Decimal> level;
    if (auto row = goal_rows.find(goal.code); row != goal_rows.end())
      level = decimal_of(goal_results->at(row->second, "gerceklesme_duzeyi"));
    doc::TableCell label = cell("Hedef Gerçekleşme Düzeyi", doc::Align::start, "total");
    label.col_span = 5;
    t.footer.push_back({std::move(label), figure_cell(level, 2, "total")});
    results.emplace_back(std::move(t));

    if (!deviations.empty()) {
      results.emplace_back(paragraph({span("Sapmalar ve nedenleri", true)}, "subhead"));
      doc::List list;
      list.style = "sapma";
      for (const Indicator* ind : deviations) {
        std::string reason = ind->deviation_reason;
        if (reason.empty() && !ind->actual) {
          reason = "Gösterge için yıl sonu ölçümü yapılmamıştır.";
        } else if (reason.empty() && !ind->target) {
          reason = "Göstergenin bu yıl için hedef değeri tanımlanmamıştır.";
          c.sink.warn("layout.missing-target",
                      Location{"", 0, 0, "table 'gosterge_hedef', gösterge '" + ind->code + "'"},
                      "indicator '" + ind->code + "' has no target for " + std::to_string(c.year),
                      "add the year's row to gosterge_hedef");
        } else if (reason.empty()) {
          reason = "Sapma nedeni belirtilmemiştir.";
          c.sink.warn("layout.missing-deviation-reason",
                      Location{"", 0, 0, "table 'gosterge_olcum', gösterge '" + ind->code + "'"},
                      "indicator '" + ind->code + "' deviates from its target without a reason",
                      "fill sapma_nedeni for the year-end measurement");
        }
        const std::string rate = ind->rate ? format_percent_tr(*ind->rate, 2) : "veri yok";
        std::vector<doc::Span> item{span(ind->code + " (" + rate + "): ", true), span(reason)};
        if (!ind->measure.empty()) {
          item.push_back(span(" Tedbir: ", true));
          item.push_back(span(ind->measure));
        }
        list.items.push_back(doc::ListItem{std::move(item), 0});
      }
      results.emplace_back(std::move(list));
    }
    std::string sentence;
    if (level) {
      sentence = "Hedefin gerçekleşme düzeyi " + format_percent_tr(*level, 2) +
                 " olarak hesaplanmıştır.";
      if (missing > 0) {
        sentence += " Verisi bulunmayan " + format_integer_tr(missing) +
                    " gösterge hesaplamaya sıfır katkıyla alınmıştır.";
      }
    } else {
      sentence = "Verisi bulunmayan " + format_integer_tr(missing) +
                 " gösterge nedeniyle hedefin gerçekleşme düzeyi hesaplanamamıştır.";
    }
    results.emplace_back(paragraph({span(sentence)}));
    levels.push_back(GoalLevel{&goal, level});
  }
  add_summary_rows(c, levels, summary);
  if (summary.body.empty()) {
    results.emplace_back(Composer::placeholder("Göstergesi tanımlanmış hedef bulunamadı."));
    return;
  }
  evaluation.emplace_back(std::move(summary));
}

}  // namespace dizgi::faaliyet
