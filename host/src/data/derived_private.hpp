// Internal to the data stage: the cell readers and column makers the derived tables share
// (derived.cpp computes the indicator and budget figures, derived_report.cpp the report tables
// of the financial, organisational and goal-cost sections). Not part of any public header.
#pragma once

#include "data/derived.hpp"

#include <dizgi/model/dataset.hpp>
#include <dizgi/model/value.hpp>

#include <map>
#include <optional>
#include <string>

namespace dizgi::data::detail {

inline const Decimal hundred{100, 0};
inline const Decimal zero{0, 0};

inline bool is_zero(const Decimal& value) { return value.units == 0; }

// a / b × 100 with rate_scale digits, or null when b is zero.
std::optional<Decimal> ratio_percent(const Decimal& a, const Decimal& b);
Rate make_rate(std::optional<Decimal> value);

// Reading cells by column index (absent column (-1) or null -> nullopt).
std::optional<Decimal> decimal_at(const Table& table, std::size_t row, int column);
std::optional<std::string> text_at(const Table& table, std::size_t row, int column);
std::optional<int64_t> integer_at(const Table& table, std::size_t row, int column);

// The scale of a decimal column (0 for integers), `fallback` when the column is absent.
int32_t column_scale(const Table& table, const char* column, int32_t fallback);
Value opt(const std::optional<Decimal>& value, int32_t scale);
Value opt_text(const std::optional<std::string>& value);
const char* status_word(RateStatus status);

Column decimal_column(const char* name, int32_t scale, bool nullable = true);
Column text_column(const char* name, bool nullable = true);
Column integer_column(const char* name, bool nullable = true);

// Names of economic codes of one side ('gider'/'gelir') from the ekonomik_kod table.
std::map<std::string, std::string> code_names(const Dataset& dataset, const char* side);
// The level-I code of a full code, as the III-A tables group them: "03.2.1.01" -> "03",
// "3" -> "03". The same rule serves economic and functional codes.
std::string level_one_code(const std::string& code);
// birim.id -> birim.ad (empty when the dataset has no birim table).
std::map<int64_t, std::string> unit_names(const Dataset& dataset);

// The columns of butce_gider (-1 when absent) and the sums of its amount columns.
struct BudgetColumns {
  explicit BudgetColumns(const Table& gider)
      : yil(gider.column_index("yil")), birim(gider.column_index("birim_id")),
        kod(gider.column_index("ekonomik_kod")), fonk(gider.column_index("fonksiyonel_kod")),
        bas(gider.column_index("baslangic_odenegi")), ekl(gider.column_index("eklenen")),
        dus(gider.column_index("dusulen")), ys(gider.column_index("yil_sonu_odenegi")),
        har(gider.column_index("harcama")) {}
  int yil, birim, kod, fonk, bas, ekl, dus, ys, har;
};

struct BudgetSums {
  Decimal initial{0, 2}, added{0, 2}, removed{0, 2}, year_end{0, 2}, spent{0, 2};
  void add(const Table& gider, std::size_t row, const BudgetColumns& c) {
    initial = initial + decimal_at(gider, row, c.bas).value_or(zero);
    added = added + decimal_at(gider, row, c.ekl).value_or(zero);
    removed = removed + decimal_at(gider, row, c.dus).value_or(zero);
    year_end = year_end + decimal_at(gider, row, c.ys).value_or(zero);
    spent = spent + decimal_at(gider, row, c.har).value_or(zero);
  }
};

// derived_report.cpp: the report tables of the year (functional classification, budget
// deviations, budget balance, debts, staff, internal control, goal costs, aid, unit budgets and
// the key figures, rakamlar).
void add_report_tables(Dataset& dataset, int32_t year, const DerivedOptions& options);
// derived_plan.cpp: the Performans Programı's resource tables of the year (pp_performans,
// pp_kaynak_ihtiyaci, pp_faaliyet_maliyet) and the Stratejik Plan's cost and source tables over
// the plan period (maliyet_ozet, kaynak_ozet).
void add_plan_tables(Dataset& dataset, int32_t year);

}  // namespace dizgi::data::detail
