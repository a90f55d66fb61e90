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
    check_indicators();
    check_budget();
    check_activities();
    check_sources();
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
      if (!measured.count(kod)) {
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

  const Dataset& dataset_;
  const ValidateOptions& options_;
  DiagnosticSink& sink_;
  int32_t year_ = 0;
};

}  // namespace

ValidateSummary validate(const Dataset& dataset, const ValidateOptions& options, DiagnosticSink& sink) {
  Checker checker(dataset, options, sink);
  checker.run();
  return checker.summary;
}

}  // namespace dizgi::data
