// The derived tables of the planning books: the Performans Programı's resource tables (Tablo 1–4,
// domain §2.5) for the reported year and the Stratejik Plan's cost and source tables over the plan
// period (domain §2.3). Sums are exact; the layouts only print them.
#include "data/derived_private.hpp"

#include <dizgi/model/collate.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <vector>

namespace dizgi::data::detail {

namespace {

const Decimal money_zero{0, 2};

// The level-I codes of the economic classification (gider) that Tablo 2 and Tablo 4 always list
// (the Rehber's rows 01–09); their names come from the data's ekonomik_kod table.
const std::vector<std::string>& expense_codes() {
  static const std::vector<std::string> codes = {"01", "02", "03", "04", "05", "06", "07", "08", "09"};
  return codes;
}

// Off-budget kinds in the Rehber's order; others follow in the order of the data.
const std::vector<std::pair<std::string, std::string>>& standard_off_budget() {
  static const std::vector<std::pair<std::string, std::string>> kinds = {
      {"doner_sermaye", "Döner Sermaye"}, {"diger_yurt_ici", "Diğer Yurt İçi"}, {"yurt_disi", "Yurt Dışı"}};
  return kinds;
}

std::string off_budget_name(const std::string& kind) {
  for (const auto& [code, name] : standard_off_budget())
    if (code == kind) return name;
  return kind;
}

struct Activity {
  std::string code;
  std::string goal;
  std::string name;
  Decimal budget = money_zero;
  Decimal off_budget = money_zero;
};

// The activities of `year` (rows without a year count for every year), in the table's order.
std::vector<Activity> activities_of(const Table& faaliyet, int32_t year) {
  std::vector<Activity> out;
  int kod = faaliyet.column_index("kod"), yil = faaliyet.column_index("yil"), hedef = faaliyet.column_index("hedef_kod"),
      ad = faaliyet.column_index("ad"), butce = faaliyet.column_index("butce"),
      disi = faaliyet.column_index("butce_disi");
  for (std::size_t r = 0; r < faaliyet.row_count(); ++r) {
    auto y = integer_at(faaliyet, r, yil);
    if (y && *y != year) continue;
    Activity a;
    a.code = text_at(faaliyet, r, kod).value_or("");
    a.goal = text_at(faaliyet, r, hedef).value_or("");
    a.name = text_at(faaliyet, r, ad).value_or("");
    a.budget = decimal_at(faaliyet, r, butce).value_or(money_zero).rescaled(2);
    a.off_budget = decimal_at(faaliyet, r, disi).value_or(money_zero).rescaled(2);
    out.push_back(std::move(a));
  }
  return out;
}

// genel_gider of the year by kind ('genel_yonetim', 'diger_idare_transfer') and level-I code.
std::map<std::string, std::map<std::string, Decimal>> general_costs(const Dataset& dataset, int32_t year) {
  std::map<std::string, std::map<std::string, Decimal>> out;
  const Table* genel = dataset.find("genel_gider");
  if (!genel) return out;
  int yil = genel->column_index("yil"), tur = genel->column_index("tur"), kod = genel->column_index("ekonomik_kod"),
      tutar = genel->column_index("tutar");
  for (std::size_t r = 0; r < genel->row_count(); ++r) {
    if (integer_at(*genel, r, yil) != year) continue;
    auto& cell = out[text_at(*genel, r, tur).value_or("")]
                    .try_emplace(level_one_code(text_at(*genel, r, kod).value_or("")), money_zero)
                    .first->second;
    cell = cell + decimal_at(*genel, r, tutar).value_or(zero);
  }
  return out;
}

Decimal sum_of(const std::map<std::string, Decimal>& values) {
  Decimal total = money_zero;
  for (const auto& [key, value] : values) total = total + value;
  return total;
}

// pp_performans (Tablo 3, and the activity rows of Tablo 1): per performans hedefi (the hedef
// the activity serves, in the order of `hedef`) its activities, then a 'hedef' subtotal row;
// then 'FAALIYETLER' (Faaliyetler Toplamı), 'GENEL_YONETIM', 'TRANSFER' and 'TOPLAM' (Genel
// Toplam); `pay` is each row's share of the Genel Toplam. An activity whose hedef does not
// exist is left out (dizgi data --check reports it: Tablo 4 counts its cost).
void add_programme_performance(Dataset& dataset, int32_t year) {
  const Table* faaliyet = dataset.find("faaliyet");
  const Table* hedef = dataset.find("hedef");
  if (!faaliyet || !hedef) return;
  const std::vector<Activity> activities = activities_of(*faaliyet, year);
  if (activities.empty()) return;
  const auto general = general_costs(dataset, year);
  std::vector<std::string> goals;
  std::map<std::string, std::string> goal_text;
  int kod = hedef->column_index("kod"), metin = hedef->column_index("metin");
  for (std::size_t r = 0; r < hedef->row_count(); ++r) {
    if (auto k = text_at(*hedef, r, kod)) {
      goals.push_back(*k);
      goal_text[*k] = text_at(*hedef, r, metin).value_or("");
    }
  }
  struct Row {
    std::string kind, goal, activity, name;
    Decimal budget, off_budget;
  };
  std::vector<Row> rows;
  Decimal activities_budget = money_zero, activities_off = money_zero;
  for (const std::string& goal : goals) {
    Decimal budget = money_zero, off = money_zero;
    bool any = false;
    for (const Activity& a : activities) {
      if (a.goal != goal) continue;
      any = true;
      rows.push_back({"faaliyet", goal, a.code, a.name, a.budget, a.off_budget});
      budget = budget + a.budget;
      off = off + a.off_budget;
    }
    if (!any) continue;
    rows.push_back({"hedef", goal, "", goal_text[goal], budget, off});
    activities_budget = activities_budget + budget;
    activities_off = activities_off + off;
  }
  const Decimal administration = general.count("genel_yonetim") ? sum_of(general.at("genel_yonetim")) : money_zero;
  const Decimal transfer =
      general.count("diger_idare_transfer") ? sum_of(general.at("diger_idare_transfer")) : money_zero;
  rows.push_back({"FAALIYETLER", "", "", "Faaliyetler Toplamı", activities_budget, activities_off});
  rows.push_back({"GENEL_YONETIM", "", "", "Genel Yönetim Giderleri", administration, money_zero});
  rows.push_back({"TRANSFER", "", "", "Diğer İdarelere Transfer Edilecek Kaynaklar", transfer, money_zero});
  const Decimal grand = activities_budget + activities_off + administration + transfer;
  rows.push_back({"TOPLAM", "", "", "Genel Toplam", activities_budget + administration + transfer, activities_off});

  Table t("pp_performans", {integer_column("yil", false), text_column("satir", false), text_column("hedef_kod"),
                            text_column("faaliyet_kod"), text_column("ad"), decimal_column("butce", 2),
                            decimal_column("butce_disi", 2), decimal_column("toplam", 2),
                            decimal_column("pay", rate_scale)});
  t.source = "derived";
  for (const Row& row : rows) {
    const Decimal total = row.budget + row.off_budget;
    t.add_row({int64_t{year}, row.kind, row.goal.empty() ? Value{} : Value{row.goal},
               row.activity.empty() ? Value{} : Value{row.activity}, row.name, row.budget.rescaled(2),
               row.off_budget.rescaled(2), total.rescaled(2), opt(ratio_percent(total, grand), rate_scale)});
  }
  dataset.put(std::move(t));
}

// pp_kaynak_ihtiyaci (Tablo 4): the year's resources by level-I economic code 01–09 (every code,
// zero where nothing is planned) under Faaliyetler (faaliyet_maliyet of the year's activities),
// Genel Yönetim and Transfer (genel_gider), then 'BUTCE' (Bütçe Kaynaklı Toplam), the off-budget
// kinds of faaliyet_butce_disi, 'BUTCE_DISI' and 'TOPLAM' (Toplam Kaynak İhtiyacı).
void add_programme_resources(Dataset& dataset, int32_t year) {
  const Table* faaliyet = dataset.find("faaliyet");
  const Table* maliyet = dataset.find("faaliyet_maliyet");
  if (!faaliyet || !maliyet) return;
  const std::vector<Activity> activities = activities_of(*faaliyet, year);
  if (activities.empty()) return;
  std::set<std::string> codes_of_year;
  for (const Activity& a : activities) codes_of_year.insert(a.code);
  std::map<std::string, Decimal> by_code;
  {
    int kod = maliyet->column_index("faaliyet_kod"), ek = maliyet->column_index("ekonomik_kod"),
        tutar = maliyet->column_index("tutar");
    for (std::size_t r = 0; r < maliyet->row_count(); ++r) {
      if (!codes_of_year.count(text_at(*maliyet, r, kod).value_or(""))) continue;
      auto& cell = by_code.try_emplace(level_one_code(text_at(*maliyet, r, ek).value_or("")), money_zero).first->second;
      cell = cell + decimal_at(*maliyet, r, tutar).value_or(zero);
    }
  }
  std::vector<std::string> off_order;
  std::map<std::string, Decimal> off;
  for (const auto& [kind, name] : standard_off_budget()) {
    off_order.push_back(kind);
    off[kind] = money_zero;
  }
  if (const Table* disi = dataset.find("faaliyet_butce_disi")) {
    int kod = disi->column_index("faaliyet_kod"), tur = disi->column_index("kaynak_turu"),
        tutar = disi->column_index("tutar");
    for (std::size_t r = 0; r < disi->row_count(); ++r) {
      if (!codes_of_year.count(text_at(*disi, r, kod).value_or(""))) continue;
      const std::string kind = text_at(*disi, r, tur).value_or("");
      if (!off.count(kind)) off_order.push_back(kind);
      auto& cell = off.try_emplace(kind, money_zero).first->second;
      cell = cell + decimal_at(*disi, r, tutar).value_or(zero);
    }
  }
  const auto general = general_costs(dataset, year);
  auto general_at = [&](const char* kind, const std::string& code) {
    auto k = general.find(kind);
    if (k == general.end()) return money_zero;
    auto c = k->second.find(code);
    return c == k->second.end() ? money_zero : c->second;
  };
  auto names = code_names(dataset, "gider");
  Table t("pp_kaynak_ihtiyaci", {integer_column("yil", false), text_column("kalem", false), text_column("ad"),
                                 decimal_column("faaliyetler", 2), decimal_column("genel_yonetim", 2),
                                 decimal_column("transfer", 2), decimal_column("toplam", 2)});
  t.source = "derived";
  auto emit = [&](const std::string& item, const std::string& name, const Decimal& a, const Decimal& g,
                  const Decimal& tr) {
    t.add_row({int64_t{year}, item, name, a.rescaled(2), g.rescaled(2), tr.rescaled(2), (a + g + tr).rescaled(2)});
  };
  std::set<std::string> codes(expense_codes().begin(), expense_codes().end());
  for (const auto& [code, amount] : by_code) codes.insert(code);
  for (const auto& [kind, by] : general)
    for (const auto& [code, amount] : by) codes.insert(code);
  Decimal a_total = money_zero, g_total = money_zero, t_total = money_zero;
  for (const std::string& code : codes) {
    auto found = by_code.find(code);
    const Decimal a = found == by_code.end() ? money_zero : found->second;
    const Decimal g = general_at("genel_yonetim", code), tr = general_at("diger_idare_transfer", code);
    auto name = names.find(code);
    emit(code, name == names.end() ? std::string() : name->second, a, g, tr);
    a_total = a_total + a;
    g_total = g_total + g;
    t_total = t_total + tr;
  }
  emit("BUTCE", "Bütçe Kaynaklı Toplam", a_total, g_total, t_total);
  Decimal off_total = money_zero;
  for (const std::string& kind : off_order) {
    emit(kind, off_budget_name(kind), off[kind], money_zero, money_zero);
    off_total = off_total + off[kind];
  }
  emit("BUTCE_DISI", "Bütçe Dışı Kaynak Toplamı", off_total, money_zero, money_zero);
  emit("TOPLAM", "Toplam Kaynak İhtiyacı", a_total + off_total, g_total, t_total);
  dataset.put(std::move(t));
}

// pp_faaliyet_maliyet (Tablo 2): each activity of the year by level-I code 01–09, 'BUTCE',
// its off-budget kinds, 'BUTCE_DISI' and 'TOPLAM'.
void add_activity_costs(Dataset& dataset, int32_t year) {
  const Table* faaliyet = dataset.find("faaliyet");
  const Table* maliyet = dataset.find("faaliyet_maliyet");
  if (!faaliyet || !maliyet) return;
  const std::vector<Activity> activities = activities_of(*faaliyet, year);
  if (activities.empty()) return;
  std::map<std::string, std::map<std::string, Decimal>> costs, off;
  {
    int kod = maliyet->column_index("faaliyet_kod"), ek = maliyet->column_index("ekonomik_kod"),
        tutar = maliyet->column_index("tutar");
    for (std::size_t r = 0; r < maliyet->row_count(); ++r) {
      auto& cell = costs[text_at(*maliyet, r, kod).value_or("")]
                       .try_emplace(level_one_code(text_at(*maliyet, r, ek).value_or("")), money_zero)
                       .first->second;
      cell = cell + decimal_at(*maliyet, r, tutar).value_or(zero);
    }
  }
  if (const Table* disi = dataset.find("faaliyet_butce_disi")) {
    int kod = disi->column_index("faaliyet_kod"), tur = disi->column_index("kaynak_turu"),
        tutar = disi->column_index("tutar");
    for (std::size_t r = 0; r < disi->row_count(); ++r) {
      auto& cell = off[text_at(*disi, r, kod).value_or("")]
                       .try_emplace(text_at(*disi, r, tur).value_or(""), money_zero)
                       .first->second;
      cell = cell + decimal_at(*disi, r, tutar).value_or(zero);
    }
  }
  auto names = code_names(dataset, "gider");
  Table t("pp_faaliyet_maliyet", {integer_column("yil", false), text_column("faaliyet_kod", false),
                                  text_column("kalem", false), text_column("ad"), decimal_column("tutar", 2)});
  t.source = "derived";
  for (const Activity& a : activities) {
    auto emit = [&](const std::string& item, const std::string& name, const Decimal& amount) {
      t.add_row({int64_t{year}, a.code, item, name, amount.rescaled(2)});
    };
    Decimal budget = money_zero, outside = money_zero;
    const auto& mine = costs[a.code];
    for (const std::string& code : expense_codes()) {
      auto found = mine.find(code);
      const Decimal amount = found == mine.end() ? money_zero : found->second;
      auto name = names.find(code);
      emit(code, name == names.end() ? std::string() : name->second, amount);
      budget = budget + amount;
    }
    emit("BUTCE", "Bütçe Kaynaklı Toplam", budget);
    const auto& mine_off = off[a.code];
    for (const auto& [kind, name] : standard_off_budget()) {
      auto found = mine_off.find(kind);
      emit(kind, name, found == mine_off.end() ? money_zero : found->second);
    }
    for (const auto& [kind, amount] : mine_off) {
      if (off_budget_name(kind) == kind) emit(kind, kind, amount);
      outside = outside + amount;
    }
    emit("BUTCE_DISI", "Bütçe Dışı Kaynak Toplamı", outside);
    emit("TOPLAM", "Toplam Kaynak İhtiyacı", budget + outside);
  }
  dataset.put(std::move(t));
}

// pp_kaynak_dagilimi: the year's activity resources (budget and off-budget) by amaç ('amac', in
// the order of `amac`) and by responsible unit ('birim', largest first), for the charts.
void add_programme_distribution(Dataset& dataset, int32_t year) {
  const Table* faaliyet = dataset.find("faaliyet");
  const Table* hedef = dataset.find("hedef");
  if (!faaliyet || !hedef) return;
  std::map<std::string, std::string> aim_of;
  {
    int kod = hedef->column_index("kod"), amac = hedef->column_index("amac_kod");
    for (std::size_t r = 0; r < hedef->row_count(); ++r)
      if (auto k = text_at(*hedef, r, kod)) aim_of[*k] = text_at(*hedef, r, amac).value_or("");
  }
  std::vector<std::string> aims;
  if (const Table* amac = dataset.find("amac")) {
    int kod = amac->column_index("kod");
    for (std::size_t r = 0; r < amac->row_count(); ++r)
      if (auto k = text_at(*amac, r, kod)) aims.push_back(*k);
  }
  std::map<std::string, Decimal> by_aim;
  std::map<int64_t, Decimal> by_unit;
  int yil = faaliyet->column_index("yil"), kod = faaliyet->column_index("hedef_kod"),
      birim = faaliyet->column_index("sorumlu_birim_id"), butce = faaliyet->column_index("butce"),
      disi = faaliyet->column_index("butce_disi");
  bool any = false;
  for (std::size_t r = 0; r < faaliyet->row_count(); ++r) {
    if (auto y = integer_at(*faaliyet, r, yil); y && *y != year) continue;
    auto goal = aim_of.find(text_at(*faaliyet, r, kod).value_or(""));
    if (goal == aim_of.end()) continue;
    any = true;
    const Decimal amount = decimal_at(*faaliyet, r, butce).value_or(zero) + decimal_at(*faaliyet, r, disi).value_or(zero);
    auto& aim = by_aim.try_emplace(goal->second, money_zero).first->second;
    aim = aim + amount;
    if (auto unit = integer_at(*faaliyet, r, birim)) {
      auto& u = by_unit.try_emplace(*unit, money_zero).first->second;
      u = u + amount;
    }
  }
  if (!any) return;
  for (const auto& [aim, amount] : by_aim)
    if (std::find(aims.begin(), aims.end(), aim) == aims.end()) aims.push_back(aim);
  Table t("pp_kaynak_dagilimi", {integer_column("yil", false), text_column("boyut", false), text_column("kod", false),
                                 text_column("ad"), decimal_column("toplam", 2)});
  t.source = "derived";
  for (const std::string& aim : aims)
    if (by_aim.count(aim)) t.add_row({int64_t{year}, std::string("amac"), aim, aim, by_aim[aim].rescaled(2)});
  const auto names = unit_names(dataset);
  std::vector<std::pair<int64_t, Decimal>> units(by_unit.begin(), by_unit.end());
  std::stable_sort(units.begin(), units.end(), [](const auto& a, const auto& b) { return b.second < a.second; });
  for (const auto& [unit, amount] : units) {
    auto name = names.find(unit);
    t.add_row({int64_t{year}, std::string("birim"), std::to_string(unit),
               name == names.end() ? std::to_string(unit) : name->second, amount.rescaled(2)});
  }
  dataset.put(std::move(t));
}

// The plan's years: stratejik_plan's first to last year, else the years hedef_maliyet names.
std::vector<int64_t> plan_years(const Dataset& dataset, const Table& maliyet) {
  std::vector<int64_t> years;
  if (const Table* plan = dataset.find("stratejik_plan"); plan && plan->row_count() > 0) {
    auto first = integer_at(*plan, 0, plan->column_index("baslangic_yili"));
    auto last = integer_at(*plan, 0, plan->column_index("bitis_yili"));
    if (first && last && *first <= *last && *last - *first < 20) {
      for (int64_t y = *first; y <= *last; ++y) years.push_back(y);
      return years;
    }
  }
  std::set<int64_t> seen;
  int yil = maliyet.column_index("yil");
  for (std::size_t r = 0; r < maliyet.row_count(); ++r)
    if (auto y = integer_at(maliyet, r, yil)) seen.insert(*y);
  return {seen.begin(), seen.end()};
}

// maliyet_ozet (Tahmini Maliyet Tablosu): per amaç (a subtotal of its hedefler) then its hedefler
// in the order of `hedef`, then 'GYG' (Genel Yönetim Giderleri) and 'TOPLAM'; one row per year
// of the plan and one with a null yil for the plan period.
// kaynak_ozet (Kaynak Tablosu): per source (in the data's order), then 'TOPLAM', the same way.
void add_plan_costs(Dataset& dataset) {
  const Table* maliyet = dataset.find("hedef_maliyet");
  const Table* hedef = dataset.find("hedef");
  if (!maliyet || !hedef) return;
  const std::vector<int64_t> years = plan_years(dataset, *maliyet);
  std::map<std::string, std::map<int64_t, Decimal>> by_code;
  {
    int kod = maliyet->column_index("hedef_kod"), yil = maliyet->column_index("yil"), tutar = maliyet->column_index("tutar");
    for (std::size_t r = 0; r < maliyet->row_count(); ++r) {
      auto k = text_at(*maliyet, r, kod);
      auto y = integer_at(*maliyet, r, yil);
      if (!k || !y) continue;
      auto& cell = by_code[*k].try_emplace(*y, money_zero).first->second;
      cell = cell + decimal_at(*maliyet, r, tutar).value_or(zero);
    }
  }
  auto emit_rows = [&](Table& t, const std::string& kind, const std::string& code,
                       const std::map<int64_t, Decimal>& amounts) {
    Decimal period = money_zero;
    for (int64_t y : years) {
      auto found = amounts.find(y);
      const Decimal amount = found == amounts.end() ? money_zero : found->second;
      t.add_row({kind, code, y, amount.rescaled(2)});
      period = period + amount;
    }
    t.add_row({kind, code, Value{}, period.rescaled(2)});
  };
  auto add_into = [&](std::map<int64_t, Decimal>& into, const std::map<int64_t, Decimal>& amounts) {
    for (const auto& [y, amount] : amounts) {
      auto& cell = into.try_emplace(y, money_zero).first->second;
      cell = cell + amount;
    }
  };
  // Amaç order: `amac` by sira (then code), else the order their hedefler come in.
  std::vector<std::string> aims;
  if (const Table* amac = dataset.find("amac")) {
    std::vector<std::pair<int64_t, std::string>> ordered;
    int kod = amac->column_index("kod"), sira = amac->column_index("sira");
    for (std::size_t r = 0; r < amac->row_count(); ++r)
      if (auto k = text_at(*amac, r, kod)) ordered.emplace_back(integer_at(*amac, r, sira).value_or(0), *k);
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : natural_less(a.second, b.second);
    });
    for (const auto& entry : ordered) aims.push_back(entry.second);
  }
  std::vector<std::pair<std::string, std::string>> goals;  // (hedef, amaç)
  {
    int kod = hedef->column_index("kod"), amac = hedef->column_index("amac_kod");
    for (std::size_t r = 0; r < hedef->row_count(); ++r) {
      auto k = text_at(*hedef, r, kod);
      if (!k) continue;
      const std::string aim = text_at(*hedef, r, amac).value_or("");
      goals.emplace_back(*k, aim);
      if (std::find(aims.begin(), aims.end(), aim) == aims.end()) aims.push_back(aim);
    }
  }
  Table t("maliyet_ozet", {text_column("satir", false), text_column("kod", false), integer_column("yil"),
                           decimal_column("tutar", 2)});
  t.source = "derived";
  std::map<int64_t, Decimal> total;
  for (const std::string& aim : aims) {
    std::map<int64_t, Decimal> aim_total;
    for (const auto& [goal, owner] : goals)
      if (owner == aim && by_code.count(goal)) add_into(aim_total, by_code[goal]);
    emit_rows(t, "amac", aim, aim_total);
    for (const auto& [goal, owner] : goals)
      if (owner == aim) emit_rows(t, "hedef", goal, by_code[goal]);
    add_into(total, aim_total);
  }
  emit_rows(t, "GYG", "GYG", by_code["GYG"]);
  add_into(total, by_code["GYG"]);
  emit_rows(t, "TOPLAM", "TOPLAM", total);
  dataset.put(std::move(t));

  const Table* kaynak = dataset.find("kaynak");
  if (!kaynak) return;
  std::vector<std::string> kinds;
  std::map<std::string, std::map<int64_t, Decimal>> by_kind;
  int tur = kaynak->column_index("kaynak_turu"), yil = kaynak->column_index("yil"), tutar = kaynak->column_index("tutar");
  for (std::size_t r = 0; r < kaynak->row_count(); ++r) {
    auto k = text_at(*kaynak, r, tur);
    auto y = integer_at(*kaynak, r, yil);
    if (!k || !y) continue;
    if (!by_kind.count(*k)) kinds.push_back(*k);
    auto& cell = by_kind[*k].try_emplace(*y, money_zero).first->second;
    cell = cell + decimal_at(*kaynak, r, tutar).value_or(zero);
  }
  Table s("kaynak_ozet", {text_column("satir", false), text_column("kaynak_turu", false), integer_column("yil"),
                          decimal_column("tutar", 2)});
  s.source = "derived";
  std::map<int64_t, Decimal> sources_total;
  for (const std::string& kind : kinds) {
    emit_rows(s, "kaynak", kind, by_kind[kind]);
    add_into(sources_total, by_kind[kind]);
  }
  emit_rows(s, "TOPLAM", "TOPLAM", sources_total);
  dataset.put(std::move(s));
}

// mali_egilim (the five-year revenue and expense trend of the plan's internal analysis): from
// mali_gecmis, per kind ('gelir' then 'gider') a 'kod' row per level-I economic code (in code
// order, "01.2" counting under "01") and year, then a 'TOPLAM' row per year; a code missing in a
// year is zero that year. The years are those the data gives, in order.
void add_financial_trend(Dataset& dataset) {
  const Table* history = dataset.find("mali_gecmis");
  if (!history) return;
  int yil = history->column_index("yil"), tur = history->column_index("tur"), kod = history->column_index("ekonomik_kod"),
      tutar = history->column_index("tutar");
  std::set<int64_t> years;
  std::map<std::string, std::map<std::string, std::map<int64_t, Decimal>>> amounts;  // kind → code → year
  for (std::size_t r = 0; r < history->row_count(); ++r) {
    auto y = integer_at(*history, r, yil);
    auto k = text_at(*history, r, tur);
    auto c = text_at(*history, r, kod);
    if (!y || !k || !c) continue;
    years.insert(*y);
    auto& cell = amounts[*k][c->substr(0, c->find('.'))].try_emplace(*y, money_zero).first->second;
    cell = cell + decimal_at(*history, r, tutar).value_or(zero);
  }
  Table t("mali_egilim", {text_column("tur", false), text_column("satir", false), text_column("ekonomik_kod"),
                          integer_column("yil", false), decimal_column("tutar", 2)});
  t.source = "derived";
  for (const char* kind : {"gelir", "gider"}) {
    auto found = amounts.find(kind);
    if (found == amounts.end()) continue;
    std::vector<std::string> codes;
    for (const auto& entry : found->second) codes.push_back(entry.first);
    std::sort(codes.begin(), codes.end(), natural_less);
    std::map<int64_t, Decimal> total;
    for (const std::string& code : codes) {
      for (int64_t y : years) {
        auto at = found->second[code].find(y);
        const Decimal amount = at == found->second[code].end() ? money_zero : at->second;
        t.add_row({std::string(kind), std::string("kod"), code, y, amount.rescaled(2)});
        auto& cell = total.try_emplace(y, money_zero).first->second;
        cell = cell + amount;
      }
    }
    for (int64_t y : years) t.add_row({std::string(kind), std::string("TOPLAM"), Value{}, y, total[y].rescaled(2)});
  }
  dataset.put(std::move(t));
}

}  // namespace

void add_plan_tables(Dataset& dataset, int32_t year) {
  add_programme_performance(dataset, year);
  add_programme_resources(dataset, year);
  add_activity_costs(dataset, year);
  add_programme_distribution(dataset, year);
  add_plan_costs(dataset);
  add_financial_trend(dataset);
}

}  // namespace dizgi::data::detail
