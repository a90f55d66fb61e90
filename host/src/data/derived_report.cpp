// The report tables of the year, derived once so every layout (the İdare report, a Birim report)
// prints the same figures: the functional classification of expenditure, the budget lines with
// a deviation reason, the budget balance, the debts by kind and term, the staff by status, the
// internal-control action plan by component, the planned and actual cost of each goal and, last,
// the key figures of the year read from those tables (rakamlar).
// Exact decimals throughout; a total row is summed from the exact values, never from rounded
// ones.
#include "data/derived_private.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>
#include <vector>

namespace dizgi::data::detail {

namespace {

// butce_gider_fonksiyonel: expenditure by level-I functional code, with a 'TOPLAM' row.
void add_functional(Dataset& dataset, int32_t year, const DerivedOptions& options) {
  const Table* gider = dataset.find("butce_gider");
  if (!gider) return;
  const BudgetColumns cols(*gider);
  if (cols.fonk < 0) return;
  std::map<std::string, BudgetSums> by_code;
  BudgetSums total;
  for (std::size_t r = 0; r < gider->row_count(); ++r) {
    if (integer_at(*gider, r, cols.yil) != year) continue;
    auto code = text_at(*gider, r, cols.fonk);
    by_code[code ? level_one_code(*code) : std::string("--")].add(*gider, r, cols);
    total.add(*gider, r, cols);
  }
  if (by_code.empty()) return;
  std::map<std::string, std::string> names;
  if (const Table* codes = dataset.find("fonksiyonel_kod")) {
    int kod = codes->column_index("kod"), ad = codes->column_index("ad");
    for (std::size_t r = 0; r < codes->row_count(); ++r) {
      if (auto k = text_at(*codes, r, kod)) names[*k] = text_at(*codes, r, ad).value_or("");
    }
  }
  Table t("butce_gider_fonksiyonel",
          {integer_column("yil", false), text_column("fonksiyonel_kod", false), text_column("ad"),
           decimal_column("baslangic_odenegi", 2), decimal_column("yil_sonu_odenegi", 2),
           decimal_column("harcama", 2), decimal_column("gerceklesme_orani", rate_scale),
           decimal_column("butce_payi", rate_scale)});
  t.source = "derived";
  auto emit = [&](const std::string& code, const std::string& name, const BudgetSums& s) {
    t.add_row({int64_t{year}, code, name, s.initial.rescaled(2), s.year_end.rescaled(2), s.spent.rescaled(2),
               opt(gider_rate(s.spent, s.year_end, s.initial, options.gider_base), rate_scale),
               opt(ratio_percent(s.year_end, total.year_end), rate_scale)});
  };
  for (const auto& [code, sums] : by_code) {
    auto it = names.find(code);
    emit(code, it == names.end() ? std::string() : it->second, sums);
  }
  emit("TOPLAM", "Toplam", total);
  dataset.put(std::move(t));
}

// butce_gider_sapma: the budget lines of the year that carry a deviation reason
// (sapma_aciklamasi), with their unit, appropriation, spending and rate, in unit order.
void add_deviations(Dataset& dataset, int32_t year, const DerivedOptions& options) {
  const Table* gider = dataset.find("butce_gider");
  if (!gider) return;
  int yil = gider->column_index("yil"), birim = gider->column_index("birim_id"),
      kod = gider->column_index("ekonomik_kod"), bas = gider->column_index("baslangic_odenegi"),
      ys = gider->column_index("yil_sonu_odenegi"), har = gider->column_index("harcama"),
      neden = gider->column_index("sapma_aciklamasi");
  if (neden < 0) return;
  auto units = unit_names(dataset);
  auto codes = code_names(dataset, "gider");
  Table t("butce_gider_sapma",
          {integer_column("yil", false), integer_column("birim_id"), text_column("birim_ad"),
           text_column("ekonomik_kod", false), text_column("ad"), decimal_column("yil_sonu_odenegi", 2),
           decimal_column("harcama", 2), decimal_column("gerceklesme_orani", rate_scale),
           text_column("sapma_aciklamasi", false)});
  t.source = "derived";
  for (std::size_t r = 0; r < gider->row_count(); ++r) {
    if (integer_at(*gider, r, yil) != year) continue;
    auto reason = text_at(*gider, r, neden);
    if (!reason || reason->find_first_not_of(" \t\r\n") == std::string::npos) continue;
    auto unit = integer_at(*gider, r, birim);
    std::string code = text_at(*gider, r, kod).value_or("");
    auto name = codes.find(code);
    if (name == codes.end()) name = codes.find(level_one_code(code));
    Decimal year_end = decimal_at(*gider, r, ys).value_or(zero);
    Decimal spent = decimal_at(*gider, r, har).value_or(zero);
    Decimal initial = decimal_at(*gider, r, bas).value_or(zero);
    t.add_row({int64_t{year}, unit ? Value{*unit} : Value{},
               unit && units.count(*unit) ? Value{units[*unit]} : Value{}, code,
               name == codes.end() ? std::string() : name->second, year_end.rescaled(2), spent.rescaled(2),
               opt(gider_rate(spent, year_end, initial, options.gider_base), rate_scale), *reason});
  }
  dataset.put(std::move(t));
}

// The row of `year` whose `key` column reads "TOPLAM" (the total row of a derived summary), or
// nullopt.
std::optional<std::size_t> total_row(const Table& table, int32_t year, const char* key = "ekonomik_kod") {
  const int yil = table.column_index("yil"), k = table.column_index(key);
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    if (integer_at(table, r, yil) == year && text_at(table, r, k) == "TOPLAM") return r;
  }
  return std::nullopt;
}

// A column of the total row of `year` in the derived summary `name`, null when the summary, its
// total row or the value is absent.
std::optional<Decimal> total_of(const Dataset& dataset, const char* name, int32_t year, const char* column,
                                const char* key = "ekonomik_kod") {
  const Table* table = dataset.find(name);
  if (!table) return std::nullopt;
  auto r = total_row(*table, year, key);
  return r ? decimal_at(*table, *r, table->column_index(column)) : std::nullopt;
}

// butce_denge: the budget balance — revenue (net of refunds) against expenditure, as estimated
// and as realised; kalem 'gelir', 'gider', 'denge' (gelir − gider: positive is a surplus).
void add_balance(Dataset& dataset, int32_t year) {
  auto revenue_estimate = total_of(dataset, "butce_gelir_ozet", year, "butce_tahmini");
  auto revenue_actual = total_of(dataset, "butce_gelir_ozet", year, "tahsilat");
  auto appropriation = total_of(dataset, "butce_gider_ozet", year, "yil_sonu_odenegi");
  auto spent = total_of(dataset, "butce_gider_ozet", year, "harcama");
  if (!revenue_estimate || !revenue_actual || !appropriation || !spent) return;
  Table t("butce_denge", {integer_column("yil", false), text_column("kalem", false), decimal_column("tahmin", 2),
                          decimal_column("gerceklesen", 2), decimal_column("gerceklesme_orani", rate_scale)});
  t.source = "derived";
  auto row = [&](const char* item, const Decimal& estimate, const Decimal& actual, bool rate) {
    t.add_row({int64_t{year}, std::string(item), estimate.rescaled(2), actual.rescaled(2),
               rate ? opt(ratio_percent(actual, estimate), rate_scale) : Value{}});
  };
  row("gelir", *revenue_estimate, *revenue_actual, true);
  row("gider", *appropriation, *spent, true);
  row("denge", *revenue_estimate - *appropriation, *revenue_actual - *spent, false);
  dataset.put(std::move(t));
}

// borc_ozet: debts by kind (tur) with their short- and long-term parts and a 'TOPLAM' row.
void add_debts(Dataset& dataset) {
  const Table* borc = dataset.find("borc");
  if (!borc) return;
  int tur = borc->column_index("tur"), vade = borc->column_index("vade"), tutar = borc->column_index("tutar");
  struct Sums {
    Decimal short_term{0, 2}, long_term{0, 2}, total{0, 2};
  };
  std::vector<std::string> order;
  std::map<std::string, Sums> by_kind;
  Sums total;
  for (std::size_t r = 0; r < borc->row_count(); ++r) {
    std::string kind = text_at(*borc, r, tur).value_or("");
    if (!by_kind.count(kind)) order.push_back(kind);
    Decimal amount = decimal_at(*borc, r, tutar).value_or(zero);
    bool is_long = text_at(*borc, r, vade) == std::optional<std::string>("uzun");
    for (Sums* s : {&by_kind[kind], &total}) {
      (is_long ? s->long_term : s->short_term) = (is_long ? s->long_term : s->short_term) + amount;
      s->total = s->total + amount;
    }
  }
  Table t("borc_ozet", {text_column("tur", false), decimal_column("kisa_vadeli", 2),
                        decimal_column("uzun_vadeli", 2), decimal_column("toplam", 2),
                        decimal_column("pay", rate_scale)});
  t.source = "derived";
  auto emit = [&](const std::string& kind, const Sums& s) {
    t.add_row({kind, s.short_term.rescaled(2), s.long_term.rescaled(2), s.total.rescaled(2),
               opt(ratio_percent(s.total, total.total), rate_scale)});
  };
  for (const std::string& kind : order) emit(kind, by_kind[kind]);
  emit("TOPLAM", total);
  dataset.put(std::move(t));
}

// personel_ozet: staff of the year by status — women and men in filled posts, vacant posts and
// the posts in total — from the rows of the whole administration (birim_id null) that give one
// dimension; a 'TOPLAM' row, then company staff ('sirket') outside the total. The statuses keep
// the order of the law (memur first). A year without staff rows (a programme for next year)
// shows the latest earlier count, with that year in `yil`.
void add_staff(Dataset& dataset, int32_t year) {
  const Table* personel = dataset.find("personel");
  if (!personel) return;
  {
    int64_t latest = 0;
    int y = personel->column_index("yil");
    for (std::size_t r = 0; r < personel->row_count(); ++r) {
      auto given = integer_at(*personel, r, y);
      if (given && *given == year) {
        latest = year;
        break;
      }
      if (given && *given < year) latest = std::max(latest, *given);
    }
    if (latest == 0) return;
    year = static_cast<int32_t>(latest);
  }
  int yil = personel->column_index("yil"), birim = personel->column_index("birim_id"),
      statu = personel->column_index("statu"), cinsiyet = personel->column_index("cinsiyet"),
      egitim = personel->column_index("egitim"), yas = personel->column_index("yas_grubu"),
      hizmet = personel->column_index("hizmet_yili_grubu"), kadro = personel->column_index("kadro"),
      adet = personel->column_index("adet");
  struct Counts {
    int64_t women = 0, men = 0, filled = 0, vacant = 0;
  };
  static const std::array<const char*, 5> statuses = {"memur", "sozlesmeli", "kadrolu_isci", "gecici_isci",
                                                      "sirket"};
  std::map<std::string, Counts> by_status;
  bool any = false;
  for (std::size_t r = 0; r < personel->row_count(); ++r) {
    if (integer_at(*personel, r, yil) != year || integer_at(*personel, r, birim)) continue;
    if (text_at(*personel, r, egitim) || text_at(*personel, r, yas) || text_at(*personel, r, hizmet)) continue;
    const std::string status = text_at(*personel, r, statu).value_or("");
    const int64_t n = integer_at(*personel, r, adet).value_or(0);
    Counts& c = by_status[status];
    any = true;
    if (text_at(*personel, r, kadro).value_or("dolu") == "bos") {
      c.vacant += n;
    } else if (auto g = text_at(*personel, r, cinsiyet)) {
      (*g == "kadin" ? c.women : c.men) += n;
      c.filled += n;
    } else {
      c.filled += n;
    }
  }
  if (!any) return;
  Table t("personel_ozet", {integer_column("yil", false), text_column("statu", false), integer_column("kadin"),
                            integer_column("erkek"), integer_column("dolu"), integer_column("bos"),
                            integer_column("toplam_kadro")});
  t.source = "derived";
  Counts total;
  auto emit = [&](const std::string& status, const Counts& c) {
    t.add_row({int64_t{year}, status, c.women, c.men, c.filled, c.vacant, c.filled + c.vacant});
  };
  std::vector<std::string> order(statuses.begin(), statuses.end());
  for (const auto& entry : by_status) {
    if (std::find(order.begin(), order.end(), entry.first) == order.end()) order.push_back(entry.first);
  }
  // Company staff (şirket personeli) are not the administration's posts: reported after the
  // total, outside it.
  for (const std::string& status : order) {
    auto it = by_status.find(status);
    if (it == by_status.end() || status == "sirket") continue;
    emit(status, it->second);
    total.women += it->second.women;
    total.men += it->second.men;
    total.filled += it->second.filled;
    total.vacant += it->second.vacant;
  }
  emit("TOPLAM", total);
  if (auto it = by_status.find("sirket"); it != by_status.end()) emit("sirket", it->second);
  dataset.put(std::move(t));
}

// The number of a KOS standard ("KOS12" -> 12), 0 when the code has none.
int standard_number(const std::string& code) {
  std::size_t digits = code.find_first_of("0123456789");
  if (digits == std::string::npos) return 0;
  int n = 0;
  for (std::size_t i = digits; i < code.size() && code[i] >= '0' && code[i] <= '9' && n < 1000; ++i)
    n = n * 10 + (code[i] - '0');
  return n;
}

// ic_kontrol_ozet: the action plan by component, in the order of the first standard of each,
// with its standards ("KOS1–KOS4"), actions planned and completed, and a 'TOPLAM' row.
void add_internal_control(Dataset& dataset) {
  const Table* ick = dataset.find("ic_kontrol");
  if (!ick) return;
  int standart = ick->column_index("standart"), bilesen = ick->column_index("bilesen"),
      eylem = ick->column_index("eylem_sayisi"), tamam = ick->column_index("tamamlanan");
  struct Component {
    int first = 1 << 20, last = 0;
    int64_t planned = 0, done = 0;
  };
  std::map<std::string, Component> by_name;
  Component total;
  for (std::size_t r = 0; r < ick->row_count(); ++r) {
    Component& c = by_name[text_at(*ick, r, bilesen).value_or("")];
    int n = standard_number(text_at(*ick, r, standart).value_or(""));
    c.first = std::min(c.first, n);
    c.last = std::max(c.last, n);
    for (Component* s : {&c, &total}) {
      s->planned += integer_at(*ick, r, eylem).value_or(0);
      s->done += integer_at(*ick, r, tamam).value_or(0);
    }
  }
  if (by_name.empty()) return;
  std::vector<std::pair<std::string, Component>> order(by_name.begin(), by_name.end());
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.second.first < b.second.first; });
  Table t("ic_kontrol_ozet", {text_column("bilesen", false), text_column("standartlar"),
                              integer_column("eylem_sayisi"), integer_column("tamamlanan"),
                              decimal_column("tamamlanma_orani", rate_scale)});
  t.source = "derived";
  auto emit = [&](const std::string& name, const std::string& range, const Component& c) {
    t.add_row({name, range, c.planned, c.done,
               opt(ratio_percent(Decimal::from_int(c.done), Decimal::from_int(c.planned)), rate_scale)});
  };
  for (const auto& [name, c] : order) {
    std::string range = c.last == 0 ? std::string()
                        : c.first == c.last
                            ? "KOS" + std::to_string(c.first)
                            : "KOS" + std::to_string(c.first) + "–KOS" + std::to_string(c.last);
    emit(name, range, c);
  }
  emit("TOPLAM", "", total);
  dataset.put(std::move(t));
}

// hedef_maliyet_ozet: per goal, the cost the strategic plan foresaw for the year (hedef_maliyet),
// the budget of its activities and what they spent (faaliyet), and spending as a share of the
// plan; a 'TOPLAM' row over the goals.
void add_goal_costs(Dataset& dataset, int32_t year) {
  const Table* plan = dataset.find("hedef_maliyet");
  const Table* faaliyet = dataset.find("faaliyet");
  const Table* hedef = dataset.find("hedef");
  if (!plan || !faaliyet || !hedef) return;
  struct Cost {
    Decimal planned{0, 2}, budget{0, 2}, spent{0, 2};
  };
  std::map<std::string, Cost> by_goal;
  {
    int kod = plan->column_index("hedef_kod"), yil = plan->column_index("yil"), tutar = plan->column_index("tutar");
    for (std::size_t r = 0; r < plan->row_count(); ++r) {
      if (integer_at(*plan, r, yil) != year) continue;
      if (auto k = text_at(*plan, r, kod))
        by_goal[*k].planned = by_goal[*k].planned + decimal_at(*plan, r, tutar).value_or(zero);
    }
  }
  {
    int kod = faaliyet->column_index("hedef_kod"), yil = faaliyet->column_index("yil"),
        butce = faaliyet->column_index("butce"), harcanan = faaliyet->column_index("harcanan");
    for (std::size_t r = 0; r < faaliyet->row_count(); ++r) {
      if (yil >= 0 && integer_at(*faaliyet, r, yil) && integer_at(*faaliyet, r, yil) != year) continue;
      auto k = text_at(*faaliyet, r, kod);
      if (!k) continue;
      by_goal[*k].budget = by_goal[*k].budget + decimal_at(*faaliyet, r, butce).value_or(zero);
      by_goal[*k].spent = by_goal[*k].spent + decimal_at(*faaliyet, r, harcanan).value_or(zero);
    }
  }
  Table t("hedef_maliyet_ozet", {text_column("hedef_kod", false), integer_column("yil", false),
                                 decimal_column("planlanan", 2), decimal_column("butce", 2),
                                 decimal_column("harcanan", 2), decimal_column("gerceklesme_orani", rate_scale)});
  t.source = "derived";
  Cost total;
  int kod = hedef->column_index("kod");
  auto emit = [&](const std::string& code, const Cost& c) {
    t.add_row({code, int64_t{year}, c.planned.rescaled(2), c.budget.rescaled(2), c.spent.rescaled(2),
               opt(ratio_percent(c.spent, c.planned), rate_scale)});
  };
  for (std::size_t r = 0; r < hedef->row_count(); ++r) {
    auto k = text_at(*hedef, r, kod);
    if (!k) continue;
    auto it = by_goal.find(*k);
    const Cost c = it == by_goal.end() ? Cost{} : it->second;
    emit(*k, c);
    total.planned = total.planned + c.planned;
    total.budget = total.budget + c.budget;
    total.spent = total.spent + c.spent;
  }
  emit("TOPLAM", total);
  dataset.put(std::move(t));
}

// yardim_ozet: aid of the year by kind of recipient (count and amount) and a 'TOPLAM' row.
void add_aid(Dataset& dataset, int32_t year) {
  const Table* yardim = dataset.find("yardim");
  if (!yardim) return;
  int yil = yardim->column_index("yil"), tur = yardim->column_index("tur"), tutar = yardim->column_index("tutar");
  std::vector<std::string> order;
  std::map<std::string, std::pair<int64_t, Decimal>> by_kind;
  std::pair<int64_t, Decimal> total{0, Decimal{0, 2}};
  for (std::size_t r = 0; r < yardim->row_count(); ++r) {
    if (integer_at(*yardim, r, yil) != year) continue;
    const std::string kind = text_at(*yardim, r, tur).value_or("");
    if (!by_kind.count(kind)) order.push_back(kind);
    auto& entry = by_kind.try_emplace(kind, 0, Decimal{0, 2}).first->second;
    const Decimal amount = decimal_at(*yardim, r, tutar).value_or(zero);
    entry.first += 1;
    entry.second = entry.second + amount;
    total.first += 1;
    total.second = total.second + amount;
  }
  Table t("yardim_ozet", {integer_column("yil", false), text_column("tur", false), integer_column("adet"),
                          decimal_column("tutar", 2)});
  t.source = "derived";
  for (const std::string& kind : order)
    t.add_row({int64_t{year}, kind, by_kind[kind].first, by_kind[kind].second.rescaled(2)});
  t.add_row({int64_t{year}, std::string("TOPLAM"), total.first, total.second.rescaled(2)});
  dataset.put(std::move(t));
}

// butce_gider_birim_kod: each spending unit's expenditure by economic code as the data gives it
// (level II–III where the data has them), with a 'TOPLAM' row per unit; the Birim reports show
// it, and a unit's TOPLAM equals its line in butce_gider_birim.
void add_unit_budgets(Dataset& dataset, int32_t year, const DerivedOptions& options) {
  const Table* gider = dataset.find("butce_gider");
  if (!gider) return;
  const BudgetColumns cols(*gider);
  std::map<int64_t, std::map<std::string, BudgetSums>> by_unit;
  for (std::size_t r = 0; r < gider->row_count(); ++r) {
    if (integer_at(*gider, r, cols.yil) != year) continue;
    auto unit = integer_at(*gider, r, cols.birim);
    if (!unit) continue;
    by_unit[*unit][text_at(*gider, r, cols.kod).value_or("")].add(*gider, r, cols);
    by_unit[*unit]["TOPLAM"].add(*gider, r, cols);
  }
  auto names = code_names(dataset, "gider");
  Table t("butce_gider_birim_kod",
          {integer_column("yil", false), integer_column("birim_id", false), text_column("ekonomik_kod", false),
           text_column("ad"), decimal_column("baslangic_odenegi", 2), decimal_column("eklenen", 2),
           decimal_column("dusulen", 2), decimal_column("yil_sonu_odenegi", 2), decimal_column("harcama", 2),
           decimal_column("gerceklesme_orani", rate_scale)});
  t.source = "derived";
  for (const auto& [unit_key, codes] : by_unit) {
    // A copy: clang 14 (the fuzz build) cannot capture a structured binding in a lambda.
    const auto unit = unit_key;
    auto emit = [&](const std::string& code, const BudgetSums& s) {
      auto name = names.find(code);
      if (name == names.end()) name = names.find(level_one_code(code));
      t.add_row({int64_t{year}, unit, code, code == "TOPLAM" ? std::string("Toplam") : name == names.end() ? std::string() : name->second,
                 s.initial.rescaled(2), s.added.rescaled(2), s.removed.rescaled(2), s.year_end.rescaled(2),
                 s.spent.rescaled(2), opt(gider_rate(s.spent, s.year_end, s.initial, options.gider_base), rate_scale)});
    };
    for (const auto& [code, sums] : codes)
      if (code != "TOPLAM") emit(code, sums);
    emit("TOPLAM", codes.at("TOPLAM"));
  }
  dataset.put(std::move(t));
}

// rakamlar: the key figures of the year ("2025 Yılı Rakamlarla"), one row, read from the tables
// derived before it (so it is added last): the budget's totals and rates (butce_gider_ozet,
// butce_gelir_ozet: tahsilat of the net TOPLAM), the balance (butce_denge), the filled posts
// and the occupancy of the posts (personel_ozet's TOPLAM of this year, company staff outside
// it), the activities of the year (faaliyet), the indicators by how far they reached their
// target (gosterge_sonuc: at or above 100 %, below it, without a rate) and the unweighted mean
// of the amaç levels that have one (amac_sonuc). A figure whose source is absent is null,
// never 0; the table is skipped when every figure is.
void add_key_figures(Dataset& dataset, int32_t year) {
  using Count = std::optional<int64_t>;
  auto count_value = [](const Count& n) { return n ? Value{*n} : Value{}; };
  auto integer_total = [&](const char* name, const char* column, const char* key) -> Count {
    auto d = total_of(dataset, name, year, column, key);
    return d ? Count{d->rescaled(0).units} : std::nullopt;
  };
  std::optional<Decimal> balance;
  if (const Table* denge = dataset.find("butce_denge")) {
    const int yil = denge->column_index("yil"), kalem = denge->column_index("kalem");
    for (std::size_t r = 0; r < denge->row_count(); ++r)
      if (integer_at(*denge, r, yil) == year && text_at(*denge, r, kalem) == "denge")
        balance = decimal_at(*denge, r, denge->column_index("gerceklesen"));
  }
  const Count filled = integer_total("personel_ozet", "dolu", "statu");
  const Count posts = integer_total("personel_ozet", "toplam_kadro", "statu");
  Count activities;
  if (const Table* faaliyet = dataset.find("faaliyet")) {
    const int yil = faaliyet->column_index("yil");
    activities = 0;
    for (std::size_t r = 0; r < faaliyet->row_count(); ++r)
      if (yil < 0 || integer_at(*faaliyet, r, yil) == year) ++*activities;
  }
  Count indicators, reached, below, unrated;
  if (const Table* sonuc = dataset.find("gosterge_sonuc")) {
    const int yil = sonuc->column_index("yil"), oran = sonuc->column_index("gerceklesme_orani");
    indicators = reached = below = unrated = 0;
    for (std::size_t r = 0; r < sonuc->row_count(); ++r) {
      if (integer_at(*sonuc, r, yil) != year) continue;
      ++*indicators;
      auto rate = decimal_at(*sonuc, r, oran);
      ++*(!rate ? unrated : *rate < hundred ? below : reached);
    }
  }
  std::optional<Decimal> mean_aim;
  if (const Table* amac = dataset.find("amac_sonuc")) {
    const int yil = amac->column_index("yil"), duzey = amac->column_index("gerceklesme_duzeyi");
    std::vector<std::optional<Decimal>> levels;
    for (std::size_t r = 0; r < amac->row_count(); ++r)
      if (integer_at(*amac, r, yil) == year) levels.push_back(decimal_at(*amac, r, duzey));
    mean_aim = amac_level(levels, MissingPolicy::reweight);  // the levels there are, nulls left out
  }
  const std::optional<Decimal> appropriation = total_of(dataset, "butce_gider_ozet", year, "yil_sonu_odenegi"),
                               spent = total_of(dataset, "butce_gider_ozet", year, "harcama"),
                               spent_rate = total_of(dataset, "butce_gider_ozet", year, "gerceklesme_orani"),
                               estimate = total_of(dataset, "butce_gelir_ozet", year, "butce_tahmini"),
                               collected = total_of(dataset, "butce_gelir_ozet", year, "tahsilat"),
                               collected_rate = total_of(dataset, "butce_gelir_ozet", year, "gerceklesme_orani");
  const std::optional<Decimal> occupancy =
      filled && posts ? ratio_percent(Decimal::from_int(*filled), Decimal::from_int(*posts)) : std::nullopt;
  const bool any = appropriation || collected || balance || filled || activities || indicators || mean_aim;
  if (!any) return;
  Table t("rakamlar",
          {integer_column("yil", false), decimal_column("yil_sonu_odenegi", 2), decimal_column("harcama", 2),
           decimal_column("gider_gerceklesme_orani", rate_scale), decimal_column("butce_tahmini", 2),
           decimal_column("net_tahsilat", 2), decimal_column("gelir_gerceklesme_orani", rate_scale),
           decimal_column("butce_dengesi", 2), integer_column("personel_dolu"), integer_column("toplam_kadro"),
           decimal_column("kadro_doluluk_orani", rate_scale), integer_column("faaliyet_sayisi"),
           integer_column("gosterge_sayisi"), integer_column("gosterge_ulasan"), integer_column("gosterge_altinda"),
           integer_column("gosterge_olcumsuz"), decimal_column("amac_ortalama_duzey", rate_scale)});
  t.source = "derived";
  t.add_row({int64_t{year}, opt(appropriation, 2), opt(spent, 2), opt(spent_rate, rate_scale), opt(estimate, 2),
             opt(collected, 2), opt(collected_rate, rate_scale), opt(balance, 2), count_value(filled),
             count_value(posts), opt(occupancy, rate_scale), count_value(activities), count_value(indicators),
             count_value(reached), count_value(below), count_value(unrated), opt(mean_aim, rate_scale)});
  dataset.put(std::move(t));
}

}  // namespace

void add_report_tables(Dataset& dataset, int32_t year, const DerivedOptions& options) {
  add_functional(dataset, year, options);
  add_deviations(dataset, year, options);
  add_balance(dataset, year);
  add_debts(dataset);
  add_staff(dataset, year);
  add_internal_control(dataset);
  add_goal_costs(dataset, year);
  add_aid(dataset, year);
  add_unit_budgets(dataset, year, options);
  add_key_figures(dataset, year);  // last: it reads the tables above and those of derived.cpp
}

}  // namespace dizgi::data::detail
