#include "data/derived.hpp"

#include "data/derived_private.hpp"

#include <dizgi/diagnostics.hpp>

#include <algorithm>
#include <map>
#include <utility>

namespace dizgi::data {

namespace detail {

std::optional<Decimal> ratio_percent(const Decimal& a, const Decimal& b) {
  if (is_zero(b)) return std::nullopt;
  return divide(a * hundred, b, rate_scale);
}

Rate make_rate(std::optional<Decimal> value) {
  if (!value) return Rate{std::nullopt, RateStatus::undefined};
  return Rate{value, RateStatus::ok};
}

std::optional<Decimal> decimal_at(const Table& table, std::size_t row, int column) {
  if (column < 0) return std::nullopt;
  const Value& value = table.row(row)[static_cast<std::size_t>(column)];
  if (const auto* d = std::get_if<Decimal>(&value)) return *d;
  if (const auto* i = std::get_if<int64_t>(&value)) return Decimal::from_int(*i);
  return std::nullopt;
}

std::optional<std::string> text_at(const Table& table, std::size_t row, int column) {
  if (column < 0) return std::nullopt;
  const Value& value = table.row(row)[static_cast<std::size_t>(column)];
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* i = std::get_if<int64_t>(&value)) return std::to_string(*i);
  return std::nullopt;
}

std::optional<int64_t> integer_at(const Table& table, std::size_t row, int column) {
  if (column < 0) return std::nullopt;
  const Value& value = table.row(row)[static_cast<std::size_t>(column)];
  if (const auto* i = std::get_if<int64_t>(&value)) return *i;
  if (const auto* d = std::get_if<Decimal>(&value)) {
    Decimal whole = d->rescaled(0);
    if (whole == *d) return whole.units;
  }
  if (const auto* s = std::get_if<std::string>(&value)) {
    if (auto d = Decimal::parse(*s); d && d->scale == 0) return d->units;
  }
  return std::nullopt;
}

int32_t column_scale(const Table& table, const char* column, int32_t fallback) {
  int index = table.column_index(column);
  if (index < 0) return fallback;
  const Column& c = table.columns()[static_cast<std::size_t>(index)];
  return c.type == ValueType::decimal ? c.scale : 0;
}

Value opt(const std::optional<Decimal>& value, int32_t scale) {
  if (!value) return std::monostate{};
  return value->rescaled(scale);
}

Value opt_text(const std::optional<std::string>& value) {
  if (!value) return std::monostate{};
  return *value;
}

const char* status_word(RateStatus status) {
  switch (status) {
    case RateStatus::ok: return "ok";
    case RateStatus::no_measurement: return "olcum_yok";
    case RateStatus::no_target: return "hedef_yok";
    case RateStatus::no_baseline: return "baslangic_yok";
    case RateStatus::undefined: return "tanimsiz";
    case RateStatus::invalid: break;
  }
  return "tanimsiz";
}

Column decimal_column(const char* name, int32_t scale, bool nullable) {
  return Column{name, ValueType::decimal, nullable, scale};
}
Column text_column(const char* name, bool nullable) { return Column{name, ValueType::text, nullable, 0}; }
Column integer_column(const char* name, bool nullable) {
  return Column{name, ValueType::integer, nullable, 0};
}

std::map<std::string, std::string> code_names(const Dataset& dataset, const char* side) {
  std::map<std::string, std::string> names;
  const Table* codes = dataset.find("ekonomik_kod");
  if (!codes) return names;
  int kod = codes->column_index("kod"), ad = codes->column_index("ad"), tur = codes->column_index("tur");
  for (std::size_t r = 0; r < codes->row_count(); ++r) {
    auto t = text_at(*codes, r, tur);
    if (tur >= 0 && (!t || *t != side)) continue;
    if (auto k = text_at(*codes, r, kod)) names[*k] = text_at(*codes, r, ad).value_or("");
  }
  return names;
}

std::string level_one_code(const std::string& code) {
  std::string head = code.substr(0, code.find('.'));
  if (head.size() > 2) head.resize(2);
  if (head.size() == 1) head.insert(head.begin(), '0');
  return head;
}

std::map<int64_t, std::string> unit_names(const Dataset& dataset) {
  std::map<int64_t, std::string> names;
  const Table* units = dataset.find("birim");
  if (!units) return names;
  int id = units->column_index("id"), ad = units->column_index("ad");
  for (std::size_t r = 0; r < units->row_count(); ++r) {
    if (auto i = integer_at(*units, r, id)) names[*i] = text_at(*units, r, ad).value_or("");
  }
  return names;
}

}  // namespace detail

using namespace detail;

namespace {

Decimal magnitude(const Decimal& value) { return value < zero ? zero - value : value; }

void add_indicator_tables(Dataset& dataset, int32_t year, const DerivedOptions& options) {
  const Table* gosterge = dataset.find("gosterge");
  if (!gosterge) return;
  const Table* targets = dataset.find("gosterge_hedef");
  const Table* measurements = dataset.find("gosterge_olcum");

  // (kod) -> B for the year; (kod, donem) -> C for the year.
  std::map<std::string, Decimal> target_of;
  int32_t value_scale = column_scale(*gosterge, "baslangic_degeri", 4);
  if (targets) {
    int kod = targets->column_index("gosterge_kod"), yil = targets->column_index("yil"),
        deger = targets->column_index("deger");
    value_scale = std::max(value_scale, column_scale(*targets, "deger", 0));
    for (std::size_t r = 0; r < targets->row_count(); ++r) {
      auto k = text_at(*targets, r, kod);
      auto y = integer_at(*targets, r, yil);
      auto d = decimal_at(*targets, r, deger);
      if (k && y && *y == year && d) target_of[*k] = *d;
    }
  }
  std::map<std::pair<std::string, std::string>, std::optional<Decimal>> measured;
  if (measurements) {
    int kod = measurements->column_index("gosterge_kod"), yil = measurements->column_index("yil"),
        donem = measurements->column_index("donem"), deger = measurements->column_index("deger");
    value_scale = std::max(value_scale, column_scale(*measurements, "deger", 0));
    for (std::size_t r = 0; r < measurements->row_count(); ++r) {
      auto k = text_at(*measurements, r, kod);
      auto y = integer_at(*measurements, r, yil);
      auto p = text_at(*measurements, r, donem);
      if (k && y && *y == year && p) measured[{*k, *p}] = decimal_at(*measurements, r, deger);
    }
  }

  Table results("gosterge_sonuc",
                {text_column("gosterge_kod", false), text_column("hedef_kod"), integer_column("yil", false),
                 decimal_column("hedefe_etkisi", 2), decimal_column("baslangic_degeri", value_scale),
                 decimal_column("hedef_deger", value_scale), decimal_column("alti_ay_deger", value_scale),
                 decimal_column("gerceklesme", value_scale), decimal_column("gerceklesme_orani", rate_scale),
                 text_column("durum", false), decimal_column("sapma", rate_scale)});
  results.source = "derived";
  std::map<std::string, std::vector<WeightedRate>> by_hedef;
  int kod = gosterge->column_index("kod"), hedef = gosterge->column_index("hedef_kod"),
      etki = gosterge->column_index("hedefe_etkisi"), yon = gosterge->column_index("yon"),
      yontem = gosterge->column_index("hesaplama_yontemi"), baslangic = gosterge->column_index("baslangic_degeri");
  for (std::size_t r = 0; r < gosterge->row_count(); ++r) {
    auto k = text_at(*gosterge, r, kod);
    if (!k) continue;
    IndicatorInput input;
    input.direction = parse_direction(text_at(*gosterge, r, yon).value_or("artan"));
    Method method = parse_method(text_at(*gosterge, r, yontem).value_or("baseline_ratio"));
    input.method = method == Method::invalid ? Method::baseline_ratio : method;
    input.baseline = decimal_at(*gosterge, r, baslangic);
    if (auto it = target_of.find(*k); it != target_of.end()) input.target = it->second;
    std::optional<Decimal> half;
    if (auto it = measured.find({*k, "6_ay"}); it != measured.end()) half = it->second;
    if (auto it = measured.find({*k, "yil_sonu"}); it != measured.end()) input.actual = it->second;
    Rate rate = realisation_rate(input);
    auto weight = decimal_at(*gosterge, r, etki);
    auto h = text_at(*gosterge, r, hedef);
    if (h) by_hedef[*h].push_back(WeightedRate{rate.percent, weight.value_or(zero)});
    results.add_row({*k, opt_text(h), int64_t{year}, opt(weight, 2), opt(input.baseline, value_scale),
                     opt(input.target, value_scale), opt(half, value_scale), opt(input.actual, value_scale),
                     opt(rate.percent, rate_scale), std::string(status_word(rate.status)),
                     opt(rate.percent ? std::optional<Decimal>(*rate.percent - hundred) : std::nullopt, rate_scale)});
  }
  dataset.put(std::move(results));

  // Hedef levels in the order of the hedef table (or of first appearance).
  Table hedef_results("hedef_sonuc", {text_column("hedef_kod", false), text_column("amac_kod"),
                                      integer_column("yil", false), decimal_column("gerceklesme_duzeyi", rate_scale)});
  hedef_results.source = "derived";
  std::vector<std::pair<std::string, std::optional<std::string>>> hedef_order;
  if (const Table* hedefler = dataset.find("hedef")) {
    int hk = hedefler->column_index("kod"), ak = hedefler->column_index("amac_kod");
    for (std::size_t r = 0; r < hedefler->row_count(); ++r) {
      if (auto k = text_at(*hedefler, r, hk)) hedef_order.emplace_back(*k, text_at(*hedefler, r, ak));
    }
  } else {
    for (const auto& [k, _] : by_hedef) hedef_order.emplace_back(k, std::nullopt);
  }
  std::map<std::string, std::vector<std::optional<Decimal>>> by_amac;
  for (const auto& [k, amac] : hedef_order) {
    auto it = by_hedef.find(k);
    std::optional<Decimal> level =
        it == by_hedef.end() ? std::nullopt : hedef_level(it->second, options.missing);
    if (amac) by_amac[*amac].push_back(level);
    hedef_results.add_row({k, opt_text(amac), int64_t{year}, opt(level, rate_scale)});
  }
  dataset.put(std::move(hedef_results));

  if (const Table* amaclar = dataset.find("amac")) {
    Table amac_results("amac_sonuc", {text_column("amac_kod", false), integer_column("yil", false),
                                      decimal_column("gerceklesme_duzeyi", rate_scale)});
    amac_results.source = "derived";
    int ak = amaclar->column_index("kod");
    for (std::size_t r = 0; r < amaclar->row_count(); ++r) {
      auto k = text_at(*amaclar, r, ak);
      if (!k) continue;
      auto it = by_amac.find(*k);
      std::optional<Decimal> level = it == by_amac.end() ? std::nullopt : amac_level(it->second, options.missing);
      amac_results.add_row({*k, int64_t{year}, opt(level, rate_scale)});
    }
    dataset.put(std::move(amac_results));
  }
}

void add_budget_tables(Dataset& dataset, int32_t year, const DerivedOptions& options) {
  if (const Table* gider = dataset.find("butce_gider")) {
    const BudgetColumns cols(*gider);
    using Sums = BudgetSums;
    std::map<std::string, Sums> by_code;
    std::map<int64_t, Sums> by_unit;
    Sums total;
    for (std::size_t r = 0; r < gider->row_count(); ++r) {
      if (integer_at(*gider, r, cols.yil) != year) continue;
      auto k = level_one_code(text_at(*gider, r, cols.kod).value_or(""));
      by_code[k].add(*gider, r, cols);
      total.add(*gider, r, cols);
      if (auto b = integer_at(*gider, r, cols.birim)) by_unit[*b].add(*gider, r, cols);
    }
    if (!by_code.empty()) {
      auto names = code_names(dataset, "gider");
      Table summary("butce_gider_ozet",
                    {integer_column("yil", false), text_column("ekonomik_kod", false), text_column("ad"),
                     decimal_column("baslangic_odenegi", 2), decimal_column("eklenen", 2),
                     decimal_column("dusulen", 2), decimal_column("yil_sonu_odenegi", 2),
                     decimal_column("harcama", 2), decimal_column("gerceklesme_orani", rate_scale),
                     decimal_column("butce_payi", rate_scale),
                     decimal_column("gerceklesme_orani_baslangic", rate_scale)});
      summary.source = "derived";
      auto emit = [&](const std::string& code, const std::string& name, const Sums& s) {
        summary.add_row({int64_t{year}, code, name, s.initial.rescaled(2), s.added.rescaled(2),
                         s.removed.rescaled(2), s.year_end.rescaled(2), s.spent.rescaled(2),
                         opt(gider_rate(s.spent, s.year_end, s.initial, options.gider_base), rate_scale),
                         opt(ratio_percent(s.year_end, total.year_end), rate_scale),
                         opt(gider_rate(s.spent, s.year_end, s.initial, GiderBase::initial), rate_scale)});
      };
      for (const auto& [code, sums] : by_code) {
        auto it = names.find(code);
        emit(code, it == names.end() ? std::string() : it->second, sums);
      }
      emit("TOPLAM", "Toplam", total);
      dataset.put(std::move(summary));

      Table units("butce_gider_birim", {integer_column("yil", false), integer_column("birim_id", false),
                                        text_column("birim_ad"), decimal_column("yil_sonu_odenegi", 2),
                                        decimal_column("harcama", 2),
                                        decimal_column("gerceklesme_orani", rate_scale)});
      units.source = "derived";
      std::vector<std::pair<int64_t, std::string>> order;
      if (const Table* unit_table = dataset.find("birim")) {
        int id = unit_table->column_index("id"), ad = unit_table->column_index("ad");
        for (std::size_t r = 0; r < unit_table->row_count(); ++r) {
          if (auto i = integer_at(*unit_table, r, id); i && by_unit.count(*i)) {
            order.emplace_back(*i, text_at(*unit_table, r, ad).value_or(""));
          }
        }
      }
      for (const auto& entry : by_unit) {
        const auto& unit_id = entry.first;  // clang 14 cannot capture structured bindings
        if (std::none_of(order.begin(), order.end(), [&](const auto& o) { return o.first == unit_id; })) {
          order.emplace_back(unit_id, std::string());
        }
      }
      for (const auto& [id, name] : order) {
        const Sums& s = by_unit[id];
        units.add_row({int64_t{year}, id, name, s.year_end.rescaled(2), s.spent.rescaled(2),
                       opt(gider_rate(s.spent, s.year_end, s.initial, options.gider_base), rate_scale)});
      }
      dataset.put(std::move(units));
    }
  }

  if (const Table* gelir = dataset.find("butce_gelir")) {
    int yil = gelir->column_index("yil"), kod = gelir->column_index("ekonomik_kod"),
        tahmin = gelir->column_index("butce_tahmini"), tahakkuk = gelir->column_index("tahakkuk"),
        tahsilat = gelir->column_index("tahsilat"), red = gelir->column_index("red_iade");
    auto names = code_names(dataset, "gelir");
    Table summary("butce_gelir_ozet",
                  {integer_column("yil", false), text_column("ekonomik_kod", false), text_column("ad"),
                   decimal_column("butce_tahmini", 2), decimal_column("tahakkuk", 2), decimal_column("tahsilat", 2),
                   decimal_column("red_iade", 2), decimal_column("gerceklesme_orani", rate_scale),
                   decimal_column("tahsilat_orani", rate_scale)});
    summary.source = "derived";
    struct Line {
      Decimal estimate{0, 2}, collected{0, 2}, refunds{0, 2};
      std::optional<Decimal> accrued;
    };
    // Level-I codes; the 09 line (red ve iadeler) gathers the 09 rows and every red_iade.
    std::map<std::string, Line> by_code;
    Line refunds;
    bool any = false;
    for (std::size_t r = 0; r < gelir->row_count(); ++r) {
      if (integer_at(*gelir, r, yil) != year) continue;
      any = true;
      std::string code = level_one_code(text_at(*gelir, r, kod).value_or(""));
      Decimal refund = decimal_at(*gelir, r, red).value_or(zero);
      auto accrued = decimal_at(*gelir, r, tahakkuk);
      if (code == "09") {
        refunds.estimate = refunds.estimate + magnitude(decimal_at(*gelir, r, tahmin).value_or(zero));
        if (accrued) refunds.accrued = refunds.accrued.value_or(Decimal{0, 2}) + magnitude(*accrued);
        refunds.collected = refunds.collected + magnitude(decimal_at(*gelir, r, tahsilat).value_or(zero));
        continue;
      }
      Line& line = by_code[code];
      line.estimate = line.estimate + decimal_at(*gelir, r, tahmin).value_or(zero);
      line.collected = line.collected + decimal_at(*gelir, r, tahsilat).value_or(zero);
      line.refunds = line.refunds + refund;
      if (accrued) line.accrued = line.accrued.value_or(Decimal{0, 2}) + *accrued;
      // A refund reduces what was accrued as well as what was collected, so the net totals
      // of both columns stand on the same basis.
      refunds.collected = refunds.collected + magnitude(refund);
      if (accrued && !is_zero(refund)) refunds.accrued = refunds.accrued.value_or(Decimal{0, 2}) + magnitude(refund);
    }
    if (any) {
      Line total;
      auto add = [&](const std::string& code, const Line& line, bool reduces) {
        auto it = names.find(code);
        total.estimate = total.estimate + line.estimate;
        total.collected = total.collected + line.collected;
        if (line.accrued) total.accrued = total.accrued.value_or(Decimal{0, 2}) + *line.accrued;
        summary.add_row({int64_t{year}, code, it == names.end() ? std::string() : it->second,
                         line.estimate.rescaled(2), opt(line.accrued, 2), line.collected.rescaled(2),
                         reduces ? Value{} : Value{line.refunds.rescaled(2)},
                         reduces ? Value{} : opt(gelir_rate(line.collected, line.estimate), rate_scale),
                         reduces ? Value{} : opt(tahsilat_rate(line.collected, line.accrued), rate_scale)});
      };
      for (const auto& [code, line] : by_code) add(code, line, false);
      const bool has_refunds = !is_zero(refunds.estimate) || !is_zero(refunds.collected) || refunds.accrued;
      if (has_refunds) {  // the gross totals, before red ve iadeler
        summary.add_row({int64_t{year}, std::string("BRUT"), std::string("Brüt Toplam"), total.estimate.rescaled(2),
                         opt(total.accrued, 2), total.collected.rescaled(2), Value{},
                         opt(gelir_rate(total.collected, total.estimate), rate_scale),
                         opt(tahsilat_rate(total.collected, total.accrued), rate_scale)});
      }
      if (has_refunds) {
        Line shown;  // red ve iadeler reduce revenue: shown negative whatever their sign in the data
        shown.estimate = zero - refunds.estimate;
        if (refunds.accrued) shown.accrued = zero - *refunds.accrued;
        shown.collected = zero - refunds.collected;
        add("09", shown, true);
      }
      summary.add_row({int64_t{year}, std::string("TOPLAM"), std::string("Toplam"), total.estimate.rescaled(2),
                       opt(total.accrued, 2), total.collected.rescaled(2), Value{},
                       opt(gelir_rate(total.collected, total.estimate), rate_scale),
                       opt(tahsilat_rate(total.collected, total.accrued), rate_scale)});
      dataset.put(std::move(summary));
    }
  }

  // Activities and projects (III-B-1): the totals of their budgets and spending.
  if (const Table* faaliyet = dataset.find("faaliyet")) {
    int butce = faaliyet->column_index("butce"), harcanan = faaliyet->column_index("harcanan");
    Decimal budget{0, 2}, spent{0, 2};
    for (std::size_t r = 0; r < faaliyet->row_count(); ++r) {
      budget = budget + decimal_at(*faaliyet, r, butce).value_or(zero);
      spent = spent + decimal_at(*faaliyet, r, harcanan).value_or(zero);
    }
    Table totals("faaliyet_ozet", {decimal_column("butce", 2, false), decimal_column("harcanan", 2, false)});
    totals.source = "derived";
    totals.add_row({budget.rescaled(2), spent.rescaled(2)});
    dataset.put(std::move(totals));
  }
}

}  // namespace

Direction parse_direction(std::string_view text) {
  if (text == "artan") return Direction::increasing;
  if (text == "azalan") return Direction::decreasing;
  if (text == "koruma") return Direction::maintain;
  return Direction::invalid;
}

Method parse_method(std::string_view text) {
  if (text == "baseline_ratio") return Method::baseline_ratio;
  if (text == "simple_ratio") return Method::simple_ratio;
  if (text == "inverse_ratio") return Method::inverse_ratio;
  return Method::invalid;
}

Rate realisation_rate(const IndicatorInput& input) {
  if (!input.target) return Rate{std::nullopt, RateStatus::no_target};
  if (!input.actual) return Rate{std::nullopt, RateStatus::no_measurement};
  const Decimal& b = *input.target;
  const Decimal& c = *input.actual;
  if (input.direction == Direction::maintain) {
    return make_rate(input.method == Method::inverse_ratio ? ratio_percent(b, c) : ratio_percent(c, b));
  }
  switch (input.method) {
    case Method::simple_ratio: return make_rate(ratio_percent(c, b));
    case Method::inverse_ratio: return make_rate(ratio_percent(b, c));
    case Method::baseline_ratio:
    case Method::invalid: break;
  }
  if (!input.baseline) return Rate{std::nullopt, RateStatus::no_baseline};
  const Decimal& a = *input.baseline;
  return make_rate(ratio_percent(c - a, b - a));
}

std::optional<Decimal> hedef_level(const std::vector<WeightedRate>& indicators, MissingPolicy policy) {
  if (indicators.empty()) return std::nullopt;
  Decimal sum{0, rate_scale};
  Decimal weights{0, 2};
  for (const auto& indicator : indicators) {
    if (!indicator.rate) {
      if (policy == MissingPolicy::propagate_null || policy == MissingPolicy::invalid) return std::nullopt;
      if (policy == MissingPolicy::count_as_zero) weights = weights + indicator.weight;
      continue;
    }
    Decimal capped = std::min(*indicator.rate, hundred, [](const Decimal& x, const Decimal& y) { return x < y; });
    if (capped < zero) capped = zero;
    sum = sum + divide(capped * indicator.weight, hundred, rate_scale);
    weights = weights + indicator.weight;
  }
  if (policy == MissingPolicy::reweight) {
    if (is_zero(weights)) return std::nullopt;
    return divide(sum * hundred, weights, rate_scale);
  }
  return sum.rescaled(rate_scale);
}

std::optional<Decimal> amac_level(const std::vector<std::optional<Decimal>>& hedef_levels, MissingPolicy policy) {
  Decimal sum{0, rate_scale};
  int64_t count = 0;
  for (const auto& level : hedef_levels) {
    if (!level) {
      if (policy == MissingPolicy::propagate_null || policy == MissingPolicy::invalid) return std::nullopt;
      if (policy == MissingPolicy::count_as_zero) ++count;
      continue;
    }
    sum = sum + *level;
    ++count;
  }
  if (count == 0) return std::nullopt;
  return divide(sum, Decimal::from_int(count), rate_scale);
}

std::optional<Decimal> percent_of(const std::optional<Decimal>& a, const std::optional<Decimal>& b) {
  if (!a || !b) return std::nullopt;
  return ratio_percent(*a, *b);
}

std::optional<Decimal> gider_rate(const Decimal& harcama, const Decimal& yil_sonu_odenegi,
                                  const Decimal& baslangic_odenegi, GiderBase base) {
  return ratio_percent(harcama, base == GiderBase::initial ? baslangic_odenegi : yil_sonu_odenegi);
}

std::optional<Decimal> gelir_rate(const Decimal& tahsilat, const Decimal& butce_tahmini) {
  return ratio_percent(tahsilat, butce_tahmini);
}

std::optional<Decimal> tahsilat_rate(const Decimal& tahsilat, const std::optional<Decimal>& tahakkuk) {
  if (!tahakkuk) return std::nullopt;
  return ratio_percent(tahsilat, *tahakkuk);
}

Decimal column_total(const Table& table, const std::string& column) {
  std::size_t index = table.require_column(column);
  const Column& c = table.columns()[index];
  if (c.type != ValueType::decimal && c.type != ValueType::integer) {
    throw Error(ErrorCode::data, Location{table.source, 0, 0, "table '" + table.name() + "', column '" + column + "'"},
                "cannot total a column of type " + std::string(to_string(c.type)));
  }
  Decimal sum{0, c.type == ValueType::decimal ? c.scale : 0};
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    if (auto d = decimal_at(table, r, static_cast<int>(index))) sum = sum + *d;
  }
  return sum.rescaled(c.type == ValueType::decimal ? c.scale : 0);
}

int32_t reporting_year(const Dataset& dataset, const DerivedOptions& options) {
  if (options.year) return options.year;
  int32_t year = 0;
  if (const Table* olcum = dataset.find("gosterge_olcum")) {
    int yil = olcum->column_index("yil"), donem = olcum->column_index("donem");
    for (std::size_t r = 0; r < olcum->row_count(); ++r) {
      if (text_at(*olcum, r, donem).value_or("yil_sonu") != "yil_sonu") continue;
      if (auto y = integer_at(*olcum, r, yil)) year = std::max<int32_t>(year, static_cast<int32_t>(*y));
    }
  }
  if (year == 0) {
    if (const Table* gider = dataset.find("butce_gider")) {
      int yil = gider->column_index("yil");
      for (std::size_t r = 0; r < gider->row_count(); ++r) {
        if (auto y = integer_at(*gider, r, yil)) year = std::max<int32_t>(year, static_cast<int32_t>(*y));
      }
    }
  }
  return year;
}

void add_derived_tables(Dataset& dataset, const DerivedOptions& options) {
  int32_t year = reporting_year(dataset, options);
  if (year == 0) return;
  add_indicator_tables(dataset, year, options);
  add_budget_tables(dataset, year, options);
  add_report_tables(dataset, year, options);
  add_plan_tables(dataset, year);
}

}  // namespace dizgi::data
