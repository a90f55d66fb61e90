#include "data/validate.hpp"

#include "data/derived.hpp"
#include "data/format.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace dizgi::data {

namespace {

std::optional<std::string> text(const Table& table, std::size_t row, const char* column) {
  int index = table.column_index(column);
  if (index < 0) return std::nullopt;
  const Value& value = table.row(row)[static_cast<std::size_t>(index)];
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* i = std::get_if<int64_t>(&value)) return std::to_string(*i);
  return std::nullopt;
}

std::optional<Decimal> number(const Table& table, std::size_t row, const char* column) {
  int index = table.column_index(column);
  if (index < 0) return std::nullopt;
  const Value& value = table.row(row)[static_cast<std::size_t>(index)];
  if (const auto* d = std::get_if<Decimal>(&value)) return *d;
  if (const auto* i = std::get_if<int64_t>(&value)) return Decimal::from_int(*i);
  return std::nullopt;
}

std::optional<int64_t> integer(const Table& table, std::size_t row, const char* column) {
  auto value = number(table, row, column);
  if (!value) return std::nullopt;
  Decimal whole = value->rescaled(0);
  if (!(whole == *value)) return std::nullopt;
  return whole.units;
}

// A DATE cell, or ISO text "2026-02-16" (sources without a date type).
std::optional<Date> date_of(const Table& table, std::size_t row, const char* column) {
  int index = table.column_index(column);
  if (index < 0) return std::nullopt;
  const Value& value = table.row(row)[static_cast<std::size_t>(index)];
  if (const auto* d = std::get_if<Date>(&value)) return *d;
  const auto* s = std::get_if<std::string>(&value);
  if (!s || s->size() != 10 || (*s)[4] != '-' || (*s)[7] != '-') return std::nullopt;
  auto y = Decimal::parse(s->substr(0, 4)), m = Decimal::parse(s->substr(5, 2)), d = Decimal::parse(s->substr(8, 2));
  if (!y || !m || !d || y->scale || m->scale || d->scale) return std::nullopt;
  return Date{static_cast<int32_t>(y->units), static_cast<int32_t>(m->units), static_cast<int32_t>(d->units)};
}

bool blank(const std::optional<std::string>& value) {
  return !value || value->find_first_not_of(" \t\r\n") == std::string::npos;
}

// A number for a message: Turkish form, the value's own scale.
std::string shown(const Decimal& value) { return format_decimal(value); }

class Checker {
 public:
  Checker(const Dataset& dataset, const ValidateOptions& options, DiagnosticSink& sink)
      : dataset_(dataset), options_(options), sink_(sink) {}

  void report(bool is_error, const char* code, const Table& table, std::size_t row, const std::string& key,
              const char* column, std::string message, std::string hint = {}) {
    std::string where = "table '" + table.name() + "'";
    if (row != npos) where += ", row " + std::to_string(row + 1) + (key.empty() ? "" : " (" + key + ")");
    if (column) where += ", column '" + std::string(column) + "'";
    Location at{table.source, 0, 0, where};
    if (is_error || options_.strict) {
      sink_.error(code, std::move(at), std::move(message), std::move(hint));
      ++summary.errors;
    } else {
      sink_.warn(code, std::move(at), std::move(message), std::move(hint));
      ++summary.warnings;
    }
  }

  void run() {
    year_ = reporting_year(dataset_, DerivedOptions{options_.year, MissingPolicy::propagate_null, GiderBase::year_end});
    reported_ = year_has_results();
    check_indicators();
    check_budget();
    check_activities();
    check_sources();
    check_programme_totals();
    check_plan_programme();
    check_restated_figures();
    check_activity_indicators();
    check_plan_texts();
    check_statements();
    check_revenue_basis();
    check_budget_deviation_reasons();
    check_repeated_reasons();
    check_internal_control_components();
  }

  ValidateSummary summary;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  void check_indicators() {
    const Table* gosterge = dataset_.find("gosterge");
    if (!gosterge) return;
    const Table* hedef = dataset_.find("hedef");
    std::set<std::string> hedef_codes;
    if (hedef) {
      for (std::size_t r = 0; r < hedef->row_count(); ++r) {
        if (auto k = text(*hedef, r, "kod")) hedef_codes.insert(*k);
      }
    }

    // Rule 1: weights per hedef; remember the first row of each hedef for the location.
    std::map<std::string, std::pair<Decimal, std::size_t>> weights;
    std::vector<std::string> order;
    for (std::size_t r = 0; r < gosterge->row_count(); ++r) {
      auto kod = text(*gosterge, r, "kod").value_or("");
      auto h = text(*gosterge, r, "hedef_kod");
      if (!h) continue;
      if (hedef && !hedef_codes.count(*h)) {
        report(true, "data.unknown-hedef", *gosterge, r, kod, "hedef_kod",
               "indicator '" + kod + "' names hedef '" + *h + "', which does not exist",
               "add the hedef or correct the code");
      }
      auto [it, inserted] = weights.try_emplace(*h, Decimal{0, 2}, r);
      if (inserted) order.push_back(*h);
      it->second.first = it->second.first + number(*gosterge, r, "hedefe_etkisi").value_or(Decimal{0, 0});
    }
    for (const auto& h : order) {
      const auto& [sum, row] = weights[h];
      if (!(sum == Decimal{100, 0})) {
        report(true, "data.weights-sum", *gosterge, row, text(*gosterge, row, "kod").value_or(""), "hedefe_etkisi",
               "weights of the indicators of hedef '" + h + "' sum to " + shown(sum) + ", not 100",
               "hedefe etkisi values of one hedef must add up to exactly 100");
      }
    }

    if (year_ == 0) return;
    // Targets and measurements of the reported year.
    std::map<std::string, Decimal> target_of;
    if (const Table* targets = dataset_.find("gosterge_hedef")) {
      for (std::size_t r = 0; r < targets->row_count(); ++r) {
        auto k = text(*targets, r, "gosterge_kod");
        auto b = number(*targets, r, "deger");
        if (k && b && integer(*targets, r, "yil") == year_) target_of[*k] = *b;
      }
    }
    std::set<std::string> measured;
    const Table* olcum = dataset_.find("gosterge_olcum");
    std::map<std::string, std::size_t> gosterge_row;
    for (std::size_t r = 0; r < gosterge->row_count(); ++r) {
      auto kod = text(*gosterge, r, "kod");
      if (!kod) continue;
      gosterge_row[*kod] = r;
      auto yon = text(*gosterge, r, "yon").value_or("artan");
      auto method = text(*gosterge, r, "hesaplama_yontemi").value_or("baseline_ratio");
      auto a = number(*gosterge, r, "baslangic_degeri");
      auto b = target_of.find(*kod);
      if (b == target_of.end()) {
        report(false, "data.target-missing", *gosterge, r, *kod, nullptr,
               "indicator '" + *kod + "' has no target for " + std::to_string(year_),
               "add a gosterge_hedef row for the year");
      }
      if (method == "baseline_ratio" && yon != "koruma") {
        if (!a) {
          report(false, "data.baseline-missing", *gosterge, r, *kod, "baslangic_degeri",
                 "indicator '" + *kod + "' has no başlangıç değeri", "the realisation rate needs the baseline (A)");
        } else if (b != target_of.end() && *a == b->second) {
          report(true, "data.baseline-equals-target", *gosterge, r, *kod, "yon",
                 "target equals the baseline (" + shown(*a) + ") but the direction is '" + yon + "'",
                 "set yon to 'koruma' for a maintenance indicator, or use simple_ratio");
        }
      }
    }
    if (olcum) {
      for (std::size_t r = 0; r < olcum->row_count(); ++r) {
        if (integer(*olcum, r, "yil") != year_ || text(*olcum, r, "donem").value_or("yil_sonu") != "yil_sonu") continue;
        auto kod = text(*olcum, r, "gosterge_kod").value_or("");
        std::string key = kod + ", " + std::to_string(year_) + ", yil_sonu";
        auto c = number(*olcum, r, "deger");
        auto reason = text(*olcum, r, "sapma_nedeni");
        if (!c) {
          if (blank(reason)) {
            report(false, "data.measurement-missing", *olcum, r, key, "deger",
                   "no year-end value for '" + kod + "' and no reason given",
                   "enter the value, or explain in sapma_nedeni why it is missing");
          }
          measured.insert(kod);
          continue;
        }
        measured.insert(kod);
        auto b = target_of.find(kod);
        if (b != target_of.end() && !(*c == b->second) && blank(reason)) {
          report(false, "data.deviation-reason-missing", *olcum, r, key, "sapma_nedeni",
                 "'" + kod + "' realised " + shown(*c) + " against a target of " + shown(b->second) +
                     " but no reason is given",
                 "every deviation, over or under the target, needs an explanation");
        }
      }
    }
    for (const auto& [kod, row] : gosterge_row) {
      if (reported_ && !measured.count(kod)) {
        report(false, "data.measurement-missing", *gosterge, row, kod, nullptr,
               "no year-end measurement for '" + kod + "' in " + std::to_string(year_),
               "add a gosterge_olcum row (donem 'yil_sonu'); leave deger empty and give a reason if unknown");
      }
    }
  }

  void check_budget() {
    const Table* gider = dataset_.find("butce_gider");
    if (!gider) return;
    for (std::size_t r = 0; r < gider->row_count(); ++r) {
      std::string key = text(*gider, r, "yil").value_or("?") + ", birim " + text(*gider, r, "birim_id").value_or("?") +
                        ", " + text(*gider, r, "ekonomik_kod").value_or("?");
      auto start = number(*gider, r, "baslangic_odenegi");
      auto year_end = number(*gider, r, "yil_sonu_odenegi");
      auto spent = number(*gider, r, "harcama");
      if (start && year_end) {
        Decimal expected = *start + number(*gider, r, "eklenen").value_or(Decimal{0, 0}) -
                           number(*gider, r, "dusulen").value_or(Decimal{0, 0});
        if (!(expected == *year_end)) {
          report(true, "data.budget-identity", *gider, r, key, "yil_sonu_odenegi",
                 "yıl sonu ödeneği " + shown(*year_end) + " is not başlangıç + eklenen − düşülen = " + shown(expected),
                 "correct the appropriation figures");
        }
      }
      if (spent && year_end && *year_end < *spent) {
        report(false, "data.overspent", *gider, r, key, "harcama",
               "harcama " + shown(*spent) + " exceeds yıl sonu ödeneği " + shown(*year_end),
               "check the spending or the appropriation");
      }
    }
  }

  void check_activities() {
    const Table* faaliyet = dataset_.find("faaliyet");
    const Table* maliyet = dataset_.find("faaliyet_maliyet");
    if (!faaliyet || !maliyet) return;
    std::map<std::string, Decimal> cost;
    for (std::size_t r = 0; r < maliyet->row_count(); ++r) {
      auto k = text(*maliyet, r, "faaliyet_kod");
      if (!k) continue;
      auto [it, _] = cost.try_emplace(*k, Decimal{0, 2});
      it->second = it->second + number(*maliyet, r, "tutar").value_or(Decimal{0, 0});
    }
    for (std::size_t r = 0; r < faaliyet->row_count(); ++r) {
      auto k = text(*faaliyet, r, "kod");
      auto budget = number(*faaliyet, r, "butce");
      if (!k || !budget) continue;
      auto it = cost.find(*k);
      if (it != cost.end() && !(it->second == *budget)) {
        report(false, "data.activity-cost", *faaliyet, r, *k, "butce",
               "bütçe " + shown(*budget) + " differs from the sum of its economic-code costs " + shown(it->second),
               "faaliyet.butce must equal Σ faaliyet_maliyet.tutar");
      }
    }
  }

  void check_sources() {
    const Table* kaynak = dataset_.find("kaynak");
    const Table* maliyet = dataset_.find("hedef_maliyet");
    if (!kaynak || !maliyet) return;
    std::map<int64_t, std::pair<Decimal, Decimal>> totals;  // year -> (kaynak, maliyet)
    for (std::size_t r = 0; r < kaynak->row_count(); ++r) {
      if (auto y = integer(*kaynak, r, "yil")) {
        auto& t = totals.try_emplace(*y, Decimal{0, 2}, Decimal{0, 2}).first->second;
        t.first = t.first + number(*kaynak, r, "tutar").value_or(Decimal{0, 0});
      }
    }
    for (std::size_t r = 0; r < maliyet->row_count(); ++r) {
      if (auto y = integer(*maliyet, r, "yil")) {
        auto& t = totals.try_emplace(*y, Decimal{0, 2}, Decimal{0, 2}).first->second;
        t.second = t.second + number(*maliyet, r, "tutar").value_or(Decimal{0, 0});
      }
    }
    for (const auto& [year, t] : totals) {
      if (!(t.first == t.second)) {
        report(false, "data.source-total", *kaynak, npos, {}, "tutar",
               "sources of " + std::to_string(year) + " total " + shown(t.first) + " but the costs total " +
                   shown(t.second),
               "the kaynak table must cover the maliyet table (hedef_maliyet)");
      }
    }
  }


  // Rule (domain §8.7): Tablo 3 total = Tablo 4 total = Σ Tablo 1 + genel yönetim giderleri +
  // diğer idarelere transferler, for the reported year. Tablo 1 and 3 show each activity's
  // faaliyet.butce and butce_disi under its hedef; Tablo 4 sums faaliyet_maliyet and
  // faaliyet_butce_disi by code. Each activity that makes them differ is named at its row, then
  // the totals are compared as the derived tables print them.
  void check_programme_totals() {
    const Table* faaliyet = dataset_.find("faaliyet");
    const Table* tablo3 = dataset_.find("pp_performans");
    const Table* tablo4 = dataset_.find("pp_kaynak_ihtiyaci");
    if (!faaliyet || !tablo3 || !tablo4 || year_ == 0) return;
    std::set<std::string> goals;
    if (const Table* hedef = dataset_.find("hedef"))
      for (std::size_t r = 0; r < hedef->row_count(); ++r)
        if (auto k = text(*hedef, r, "kod")) goals.insert(*k);
    auto sums_by_activity = [&](const char* table_name) {
      std::map<std::string, Decimal> sums;
      if (const Table* t = dataset_.find(table_name)) {
        for (std::size_t r = 0; r < t->row_count(); ++r) {
          auto k = text(*t, r, "faaliyet_kod");
          if (!k) continue;
          auto& cell = sums.try_emplace(*k, Decimal{0, 2}).first->second;
          cell = cell + number(*t, r, "tutar").value_or(Decimal{0, 0});
        }
      }
      return sums;
    };
    const auto budget_costs = sums_by_activity("faaliyet_maliyet");
    const auto off_budget_costs = sums_by_activity("faaliyet_butce_disi");
    const char* hint = "Tablo 3 and Tablo 4 must show the same Genel Toplam (Σ Tablo 1 + genel yönetim + transferler)";
    for (std::size_t r = 0; r < faaliyet->row_count(); ++r) {
      if (auto y = integer(*faaliyet, r, "yil"); y && *y != year_) continue;
      const std::string code = text(*faaliyet, r, "kod").value_or("");
      const std::string goal = text(*faaliyet, r, "hedef_kod").value_or("");
      if (!goals.count(goal)) {
        report(true, "data.programme-total", *faaliyet, r, code, "hedef_kod",
               "activity '" + code + "' has no existing performans hedefi ('" + goal +
                   "'): Tablo 1 and Tablo 3 leave its cost out, Tablo 4 counts it",
               "give the activity the code of its hedef");
        continue;
      }
      const Decimal off = number(*faaliyet, r, "butce_disi").value_or(Decimal{0, 2});
      auto given = off_budget_costs.find(code);
      const Decimal off_sum = given == off_budget_costs.end() ? Decimal{0, 2} : given->second;
      if (!(off == off_sum)) {
        report(true, "data.programme-total", *faaliyet, r, code, "butce_disi",
               "bütçe dışı " + shown(off) + " differs from the sum of its off-budget sources " + shown(off_sum) +
                   " (Tablo 1 against Tablo 4)",
               "faaliyet.butce_disi must equal Σ faaliyet_butce_disi.tutar");
      }
      const Decimal budget = number(*faaliyet, r, "butce").value_or(Decimal{0, 2});
      auto cost = budget_costs.find(code);
      const Decimal cost_sum = cost == budget_costs.end() ? Decimal{0, 2} : cost->second;
      if (!(budget == cost_sum)) {
        report(true, "data.programme-total", *faaliyet, r, code, "butce",
               "bütçe " + shown(budget) + " differs from the sum of its economic-code costs " + shown(cost_sum) +
                   " (Tablo 1 against Tablo 4)",
               "faaliyet.butce must equal Σ faaliyet_maliyet.tutar");
      }
    }
    auto total_of = [&](const Table& t, const char* key_column, const char* key,
                        const char* column) -> std::optional<std::pair<Decimal, std::size_t>> {
      for (std::size_t r = 0; r < t.row_count(); ++r)
        if (integer(t, r, "yil") == year_ && text(t, r, key_column) == key)
          return std::make_pair(number(t, r, column).value_or(Decimal{0, 2}), r);
      return std::nullopt;
    };
    auto t3 = total_of(*tablo3, "satir", "TOPLAM", "toplam");
    auto t4 = total_of(*tablo4, "kalem", "TOPLAM", "toplam");
    if (t3 && t4 && !(t3->first == t4->first)) {
      report(true, "data.programme-total", *tablo4, t4->second, "TOPLAM", "toplam",
             "Tablo 4 totals " + shown(t4->first) + " but Tablo 3 totals " + shown(t3->first) + " for " +
                 std::to_string(year_),
             hint);
    }
  }

  // Rule: the Performans Programı of a plan year costs what the Stratejik Plan's cost table
  // (maliyetlendirme, hedef_maliyet) gives that year: its Genel Yönetim Giderleri (Σ genel_gider
  // of kind genel_yonetim) equal the plan's GYG row, and — for a year being programmed (no
  // results yet) — each hedef's activities (Σ bütçe + bütçe dışı) equal the hedef's plan cost.
  // A difference means one of the two books is out of date: the plan is updated or the
  // programme corrected. A warning (an error with --strict), like data.source-total.
  void check_plan_programme() {
    const Table* maliyet = dataset_.find("hedef_maliyet");
    if (!maliyet || year_ == 0) return;
    std::map<std::string, std::pair<Decimal, std::size_t>> planned;  // hedef (or GYG) -> cost of the year, row
    for (std::size_t r = 0; r < maliyet->row_count(); ++r) {
      if (integer(*maliyet, r, "yil") != year_) continue;
      auto k = text(*maliyet, r, "hedef_kod");
      if (!k) continue;
      auto& cell = planned.try_emplace(*k, Decimal{0, 2}, r).first->second;
      cell.first = cell.first + number(*maliyet, r, "tutar").value_or(Decimal{0, 0});
    }
    if (planned.empty()) return;
    const std::string year = std::to_string(year_);
    if (const Table* genel = dataset_.find("genel_gider")) {
      std::optional<std::pair<Decimal, std::size_t>> programme;
      for (std::size_t r = 0; r < genel->row_count(); ++r) {
        if (integer(*genel, r, "yil") != year_ || text(*genel, r, "tur") != "genel_yonetim") continue;
        if (!programme) programme = std::make_pair(Decimal{0, 2}, r);
        programme->first = programme->first + number(*genel, r, "tutar").value_or(Decimal{0, 0});
      }
      auto plan = planned.find("GYG");
      if (programme && plan != planned.end() && !(programme->first == plan->second.first)) {
        report(false, "data.plan-programme", *genel, programme->second, "genel_yonetim, " + year, "tutar",
               "Genel Yönetim Giderleri of " + year + " total " + shown(programme->first) +
                   " in the programme (genel_gider) but " + shown(plan->second.first) +
                   " in the plan's cost table (hedef_maliyet GYG)",
               "update the plan's maliyetlendirme or the programme's genel_gider so that both give one figure");
      }
    }
    const Table* faaliyet = dataset_.find("faaliyet");
    if (!faaliyet || reported_) return;
    std::map<std::string, Decimal> programmed;
    bool any = false;
    for (std::size_t r = 0; r < faaliyet->row_count(); ++r) {
      if (integer(*faaliyet, r, "yil") != year_) continue;
      any = true;
      auto goal = text(*faaliyet, r, "hedef_kod");
      if (!goal) continue;
      auto& cell = programmed.try_emplace(*goal, Decimal{0, 2}).first->second;
      cell = cell + number(*faaliyet, r, "butce").value_or(Decimal{0, 0}) +
             number(*faaliyet, r, "butce_disi").value_or(Decimal{0, 0});
    }
    if (!any) return;
    for (const auto& [goal, plan] : planned) {
      if (goal == "GYG") continue;
      auto found = programmed.find(goal);
      const Decimal programme = found == programmed.end() ? Decimal{0, 2} : found->second;
      if (!(programme == plan.first)) {
        report(false, "data.plan-programme", *maliyet, plan.second, goal + ", " + year, "tutar",
               "hedef '" + goal + "' costs " + shown(plan.first) + " in the plan for " + year +
                   " but its activities in the programme total " + shown(programme) + " (bütçe + bütçe dışı)",
               "update the plan's maliyetlendirme or the activities' costs so that both give one figure");
      }
    }
  }

  // Rule: an indicator that restates a report figure (gosterge.kaynak_rakam =
  // 'tablo.sutun[anahtar]') has a year-end value equal to that figure, compared at the
  // measurement's own scale (80,8 against 87,59 is a contradiction; 87,6 against 87,59 is not).
  void check_restated_figures() {
    const Table* gosterge = dataset_.find("gosterge");
    const Table* olcum = dataset_.find("gosterge_olcum");
    if (!gosterge || !olcum || gosterge->column_index("kaynak_rakam") < 0 || year_ == 0 || !reported_) return;
    std::map<std::string, std::pair<Decimal, std::size_t>> year_end;
    for (std::size_t r = 0; r < olcum->row_count(); ++r) {
      if (integer(*olcum, r, "yil") != year_ || text(*olcum, r, "donem").value_or("yil_sonu") != "yil_sonu") continue;
      auto k = text(*olcum, r, "gosterge_kod");
      auto v = number(*olcum, r, "deger");
      if (k && v) year_end[*k] = {*v, r};
    }
    for (std::size_t r = 0; r < gosterge->row_count(); ++r) {
      auto ref = text(*gosterge, r, "kaynak_rakam");
      if (blank(ref)) continue;
      const std::string kod = text(*gosterge, r, "kod").value_or("");
      const std::size_t dot = ref->find('.'), open = ref->find('['), close = ref->rfind(']');
      if (dot == std::string::npos || open == std::string::npos || close == std::string::npos || open < dot ||
          close < open) {
        report(true, "data.figure-reference", *gosterge, r, kod, "kaynak_rakam",
               "'" + *ref + "' is not a figure reference", "write tablo.sutun[anahtar], e.g. butce_gider_ozet.gerceklesme_orani[TOPLAM]");
        continue;
      }
      const std::string table_name = ref->substr(0, dot), column = ref->substr(dot + 1, open - dot - 1),
                        key = ref->substr(open + 1, close - open - 1);
      const Table* source = dataset_.find(table_name);
      std::optional<Decimal> figure;
      if (source && source->column_index(column) >= 0) {
        const bool has_year = source->column_index("yil") >= 0;
        for (std::size_t s = 0; s < source->row_count() && !figure; ++s) {
          if (has_year && integer(*source, s, "yil") != year_) continue;
          for (const Column& c : source->columns()) {
            if (c.type == ValueType::text && text(*source, s, c.name.c_str()) == key) {
              figure = number(*source, s, column.c_str());
              break;
            }
          }
        }
      }
      if (!figure) {
        report(true, "data.figure-reference", *gosterge, r, kod, "kaynak_rakam",
               "indicator '" + kod + "' restates '" + *ref + "', which the data does not have",
               "name an existing table, column and row key");
        continue;
      }
      auto measured = year_end.find(kod);
      if (measured == year_end.end()) continue;  // data.measurement-missing reports it
      // The measurement's own digits: 87.6000 in a DECIMAL(20,4) column was entered as 87,6.
      Decimal value = measured->second.first;
      while (value.scale > 0 && value.units % 10 == 0) value = value.rescaled(value.scale - 1);
      if (!(figure->rescaled(value.scale) == value)) {
        report(false, "data.restated-figure", *olcum, measured->second.second, kod + ", " + std::to_string(year_),
               "deger", "indicator '" + kod + "' is " + shown(value) + " but restates " + *ref + " = " +
                            shown(figure->rescaled(std::max(value.scale, 2))),
               "the indicator and the table must show the same figure");
      }
    }
  }

  // Rule: an activity that spent nothing (harcanan 0 with a budget) while every indicator of its
  // hedef reached its target (rate ≥ 100) — the results cannot have come from the activity.
  void check_activity_indicators() {
    const Table* faaliyet = dataset_.find("faaliyet");
    const Table* sonuc = dataset_.find("gosterge_sonuc");
    if (!faaliyet || !sonuc) return;
    std::map<std::string, std::pair<int, int>> reached;  // hedef -> (indicators, at ≥ 100)
    for (std::size_t r = 0; r < sonuc->row_count(); ++r) {
      if (integer(*sonuc, r, "yil") != year_) continue;
      auto h = text(*sonuc, r, "hedef_kod");
      if (!h) continue;
      auto rate = number(*sonuc, r, "gerceklesme_orani");
      auto& entry = reached[*h];
      ++entry.first;
      if (rate && !(*rate < Decimal{100, 0})) ++entry.second;
    }
    for (std::size_t r = 0; r < faaliyet->row_count(); ++r) {
      auto y = integer(*faaliyet, r, "yil");
      if (y && *y != year_) continue;
      auto budget = number(*faaliyet, r, "butce");
      auto spent = number(*faaliyet, r, "harcanan");
      auto h = text(*faaliyet, r, "hedef_kod");
      if (!h || !budget || budget->units == 0 || (spent && spent->units != 0)) continue;
      auto it = reached.find(*h);
      if (it == reached.end() || it->second.first == 0 || it->second.first != it->second.second) continue;
      const std::string kod = text(*faaliyet, r, "kod").value_or("");
      report(false, "data.activity-indicators", *faaliyet, r, kod, "harcanan",
             "activity '" + kod + "' spent nothing but every indicator of hedef '" + *h + "' is at %100 or more",
             "check the activity's spending or the indicators' measurements");
    }
  }

  // Rule: the mission and vision texts of the data (metin) equal the plan in force.
  void check_plan_texts() {
    const Table* plan = dataset_.find("stratejik_plan");
    const Table* metin = dataset_.find("metin");
    if (!plan || plan->row_count() == 0 || !metin || year_ == 0) return;
    std::optional<std::size_t> in_force;
    for (std::size_t r = 0; r < plan->row_count(); ++r) {
      auto first = integer(*plan, r, "baslangic_yili"), last = integer(*plan, r, "bitis_yili");
      if (first && last && *first <= year_ && year_ <= *last) in_force = r;
    }
    if (!in_force) {
      report(false, "data.plan-missing", *plan, npos, {}, "baslangic_yili",
             "no strategic plan covers " + std::to_string(year_), "add the plan in force");
      return;
    }
    for (const char* id : {"misyon", "vizyon"}) {
      auto approved = text(*plan, *in_force, id);
      if (blank(approved)) continue;
      for (std::size_t r = 0; r < metin->row_count(); ++r) {
        if (text(*metin, r, "id") != std::string(id)) continue;
        auto own = text(*metin, r, "icerik");
        if (own && *own != *approved) {
          report(false, "data.plan-text", *metin, r, id, "icerik",
                 "the " + std::string(id) + " text differs from the approved plan's (stratejik_plan." + id + ")",
                 "use the approved wording, word for word");
        }
      }
    }
  }

  // Rule: the statements come from `beyan`: one row per kind and year for the İdare ones;
  // the üst yönetici and mali hizmetler signers agree with idare; a harcama yetkilisi's
  // statement names a spending unit, is signed by its harcama yetkilisi and is dated no later
  // than the end of February of the next year; every statement is dated after the year.
  void check_statements() {
    const Table* beyan = dataset_.find("beyan");
    if (!beyan || beyan->row_count() == 0 || year_ == 0) return;
    const Table* idare = dataset_.find("idare");
    const Table* birim = dataset_.find("birim");
    std::map<std::string, int> count;
    for (std::size_t r = 0; r < beyan->row_count(); ++r) {
      if (integer(*beyan, r, "yil") != year_) continue;
      const std::string kind = text(*beyan, r, "tur").value_or("");
      const std::string key = kind + ", " + std::to_string(year_);
      const std::string signer = text(*beyan, r, "imzalayan").value_or("");
      ++count[kind + (kind == "ic_kontrol_birim" ? ":" + text(*beyan, r, "birim_id").value_or("") : "")];
      auto expect_signer = [&](const Table* table, std::size_t row, const char* column, const std::string& role) {
        auto expected = text(*table, row, column);
        if (!blank(expected) && *expected != signer) {
          report(false, "data.statement-signer", *beyan, r, key, "imzalayan",
                 "the " + role + " statement is signed by '" + signer + "' but " + table->name() + "." + column +
                     " is '" + *expected + "'",
                 "one person signs: correct the statement or the " + table->name() + " table");
        }
      };
      if (idare && idare->row_count() > 0) {
        if (kind == "ic_kontrol_idare") expect_signer(idare, 0, "ust_yonetici", "üst yönetici");
        if (kind == "mali_hizmetler") expect_signer(idare, 0, "mali_hizmetler_yoneticisi", "mali hizmetler");
      }
      if (kind == "ic_kontrol_birim") {
        auto unit = text(*beyan, r, "birim_id");
        std::optional<std::size_t> unit_row;
        if (birim && unit) {
          for (std::size_t u = 0; u < birim->row_count(); ++u)
            if (text(*birim, u, "id") == unit) unit_row = u;
        }
        if (!unit_row) {
          report(true, "data.statement-unit", *beyan, r, key, "birim_id",
                 "a harcama yetkilisi's statement needs the unit it covers", "set birim_id to a unit of the birim table");
        } else {
          expect_signer(birim, *unit_row, "harcama_yetkilisi", "harcama yetkilisi");
        }
      }
      if (auto date = date_of(*beyan, r, "tarih")) {
        const std::string shown_date = format_date(*date);
        if (date->year != year_ + 1) {
          report(false, "data.statement-date", *beyan, r, key, "tarih",
                 "the statement on " + std::to_string(year_) + " is dated " + shown_date,
                 "date it in " + std::to_string(year_ + 1));
        } else if (kind == "ic_kontrol_birim" && date->month > 2) {
          report(false, "data.statement-date", *beyan, r, key, "tarih",
                 "the birim report's statement is dated " + shown_date + ", after the end of February",
                 "birim reports reach the üst yönetici by the end of February");
        }
      } else {
        report(false, "data.statement-date", *beyan, r, key, "tarih", "the statement has no date",
               "give the date it was signed");
      }
    }
    for (const auto& [kind, n] : count) {
      if (n > 1) {
        report(true, "data.statement-duplicate", *beyan, npos, {}, "tur",
               std::to_string(n) + " statements of kind '" + kind + "' for " + std::to_string(year_),
               "keep one row per statement");
      }
    }
    for (const char* kind : {"ic_kontrol_idare", "mali_hizmetler"}) {
      if (reported_ && !count.count(kind)) {
        report(false, "data.statement-missing", *beyan, npos, {}, "tur",
               "no '" + std::string(kind) + "' statement for " + std::to_string(year_),
               "add its row: imzalayan, unvan, yer, tarih");
      }
    }
  }

  // Rule: revenue on one basis — collections cannot exceed accruals on the same basis, and
  // refunds are given once (either as 09 rows or in red_iade, not both).
  void check_revenue_basis() {
    const Table* gelir = dataset_.find("butce_gelir");
    if (!gelir) return;
    bool has_09 = false, has_refund_column = false;
    for (std::size_t r = 0; r < gelir->row_count(); ++r) {
      if (integer(*gelir, r, "yil") != year_) continue;
      const std::string code = text(*gelir, r, "ekonomik_kod").value_or("");
      if (code.rfind("09", 0) == 0) has_09 = true;
      auto refund = number(*gelir, r, "red_iade");
      if (refund && refund->units != 0) has_refund_column = true;
      auto accrued = number(*gelir, r, "tahakkuk"), collected = number(*gelir, r, "tahsilat");
      if (accrued && collected && *accrued < *collected && code.rfind("09", 0) != 0) {
        report(false, "data.revenue-basis", *gelir, r, std::to_string(year_) + ", " + code, "tahsilat",
               "tahsilat " + shown(*collected) + " exceeds tahakkuk " + shown(*accrued),
               "give tahakkuk and tahsilat on the same basis (both gross, refunds in red_iade)");
      }
    }
    if (has_09 && has_refund_column) {
      report(false, "data.revenue-basis", *gelir, npos, {}, "red_iade",
             "refunds are given both as 09 rows and in red_iade", "give them once, so they are not subtracted twice");
    }
  }

  // Rule: a budget line spent below the deviation floor (85 % of its year-end appropriation)
  // or above it needs a reason (5018 md. 41(4); Sayıştay asks in both directions).
  void check_budget_deviation_reasons() {
    const Table* gider = dataset_.find("butce_gider");
    if (!gider || gider->column_index("sapma_aciklamasi") < 0) return;
    for (std::size_t r = 0; r < gider->row_count(); ++r) {
      if (integer(*gider, r, "yil") != year_) continue;
      auto year_end = number(*gider, r, "yil_sonu_odenegi");
      auto spent = number(*gider, r, "harcama");
      if (!year_end || !spent || year_end->units == 0 || !blank(text(*gider, r, "sapma_aciklamasi"))) continue;
      const Decimal rate = divide(*spent * Decimal{100, 0}, *year_end, 2);
      if (rate < Decimal{budget_deviation_floor, 0} && !(text(*gider, r, "ekonomik_kod").value_or("").rfind("09", 0) == 0)) {
        std::string key = std::to_string(year_) + ", birim " + text(*gider, r, "birim_id").value_or("?") + ", " +
                          text(*gider, r, "ekonomik_kod").value_or("?");
        report(false, "data.budget-deviation-reason", *gider, r, key, "sapma_aciklamasi",
               "spent %" + format_decimal(rate) + " of its appropriation without a reason",
               "lines below %" + std::to_string(budget_deviation_floor) + " need sapma_aciklamasi");
      }
    }
  }

  // Rule: a deviation reason is written for its own indicator or budget line: the same text
  // for several is a stock sentence.
  void check_repeated_reasons() {
    auto check = [&](const Table* table, const char* column, const char* key_column, bool this_year_only) {
      if (!table || table->column_index(column) < 0) return;
      std::map<std::string, std::vector<std::size_t>> uses;
      for (std::size_t r = 0; r < table->row_count(); ++r) {
        if (this_year_only && integer(*table, r, "yil") != year_) continue;
        auto reason = text(*table, r, column);
        if (!blank(reason)) uses[*reason].push_back(r);
      }
      for (const auto& [reason, rows] : uses) {
        if (rows.size() < 2) continue;
        report(false, "data.repeated-reason", *table, rows[1], text(*table, rows[1], key_column).value_or(""),
               column,
               "the same reason is given for " + std::to_string(rows.size()) + " rows (first: row " +
                   std::to_string(rows[0] + 1) + ")",
               "write each reason for its own line: what happened there");
      }
    };
    check(dataset_.find("gosterge_olcum"), "sapma_nedeni", "gosterge_kod", true);
    check(dataset_.find("butce_gider"), "sapma_aciklamasi", "birim_id", true);
  }

  // Rule: KOS standards sit under their component (Kontrol Ortamı 1–4, Risk Değerlendirme 5–6,
  // Kontrol Faaliyetleri 7–12, Bilgi ve İletişim 13–16, İzleme 17–18).
  void check_internal_control_components() {
    const Table* ick = dataset_.find("ic_kontrol");
    if (!ick) return;
    struct Range {
      int first, last;
      const char* component;
    };
    static const Range ranges[] = {{1, 4, "Kontrol Ortamı"},
                                   {5, 6, "Risk Değerlendirme"},
                                   {7, 12, "Kontrol Faaliyetleri"},
                                   {13, 16, "Bilgi ve İletişim"},
                                   {17, 18, "İzleme"}};
    for (std::size_t r = 0; r < ick->row_count(); ++r) {
      const std::string code = text(*ick, r, "standart").value_or("");
      if (code.rfind("KOS", 0) != 0) continue;
      auto n = Decimal::parse(code.substr(3));
      if (!n || n->scale != 0) continue;
      for (const Range& range : ranges) {
        if (n->units < range.first || n->units > range.last) continue;
        const std::string given = text(*ick, r, "bilesen").value_or("");
        if (given != range.component) {
          report(false, "data.ic-kontrol-component", *ick, r, code, "bilesen",
                 code + " belongs to '" + range.component + "', not '" + given + "'",
                 "KOS1–4 Kontrol Ortamı, KOS5–6 Risk Değerlendirme, KOS7–12 Kontrol Faaliyetleri, "
                 "KOS13–16 Bilgi ve İletişim, KOS17–18 İzleme");
        }
      }
    }
  }

  static constexpr int budget_deviation_floor = 85;

  // Whether the year has ended in the data: it has a year-end measurement or a budget line. A
  // year without either is one a book plans for (a Performans Programı, a plan year), so the
  // rules about reporting it (measurements, restated figures, statements) do not apply yet.
  bool year_has_results() const {
    for (const char* name : {"gosterge_olcum", "butce_gider"}) {
      if (const Table* t = dataset_.find(name))
        for (std::size_t r = 0; r < t->row_count(); ++r)
          if (integer(*t, r, "yil") == year_) return true;
    }
    return false;
  }
  bool reported_ = false;

  const Dataset& dataset_;
  const ValidateOptions& options_;
  DiagnosticSink& sink_;
  int32_t year_ = 0;
};

}  // namespace

ValidateSummary validate(const Dataset& dataset, const ValidateOptions& options, DiagnosticSink& sink) {
  // Some rules compare with the derived figures (a restated figure, the indicators' rates): a
  // dataset loaded without them is checked on a copy that has them, computed as a build would.
  if (!dataset.has("gosterge_sonuc") && !dataset.has("butce_gider_ozet")) {
    Dataset derived = dataset;
    DerivedOptions derived_options;
    derived_options.year = options.year;
    derived_options.missing = MissingPolicy::count_as_zero;
    add_derived_tables(derived, derived_options);
    Checker checker(derived, options, sink);
    checker.run();
    return checker.summary;
  }
  Checker checker(dataset, options, sink);
  checker.run();
  return checker.summary;
}

}  // namespace dizgi::data
