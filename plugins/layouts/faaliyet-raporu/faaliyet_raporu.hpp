// The İdare Faaliyet Raporu layout: composes the yearly activity report of an administration
// (domain §1.3 outline, §2.6 financial tables, §2.9 performance results, §2.10 assurance
// statement) from the standard dataset and the book's narrative texts.
//
// Everything here is internal to the plugin; the tests in tests/layouts link it directly.
#pragma once

#include <dizgi/model/value.hpp>
#include <dizgi/sdk/layout.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dizgi::faaliyet {

inline constexpr const char* layout_id = "faaliyet-raporu";

class FaaliyetRaporu final : public Layout {
 public:
  // Throws Error(ErrorCode::data) when the required table 'butce_gider' is missing and
  // Error(ErrorCode::project) when no report year is given (param "yil" or metadata year).
  // Missing texts and optional tables become placeholders plus warnings on context.sink.
  doc::Document compose(const LayoutContext& context) override;
};

// --- performance (III-B-2) ------------------------------------------------------------------
//
// These formulas mirror the canonical ones the host computes in its data stage (derived
// indicators); the plugin cannot link the host, so it keeps this small copy. Keep both in step.

enum class Direction { invalid = 0, artan, azalan, koruma };

// "artan" / "azalan" / "koruma" (case as stored); anything else is `invalid`, treated as artan.
Direction parse_direction(std::string_view text);

// Gerçekleşme oranı of one indicator in percent, two fractional digits, rounded half up:
//   (C − A) / (B − A) × 100                 when A is known and B ≠ A;
//   C / B × 100                             for koruma (or B = A) with "higher is better",
//                                           and when the baseline A is unknown;
//   B / C × 100                             for azalan with B = A ("lower is better").
// Returns nullopt when B or C is null or a denominator is zero (shown as "veri yok").
std::optional<Decimal> indicator_realisation_percent(const std::optional<Decimal>& baseline_a,
                                                     const std::optional<Decimal>& target_b,
                                                     const std::optional<Decimal>& actual_c,
                                                     Direction direction);

struct WeightedRate {
  Decimal weight;               // hedefe etkisi, in percent (weights of a hedef sum to 100)
  std::optional<Decimal> rate;  // indicator_realisation_percent; nullopt = no data
};

// Hedef gerçekleşme düzeyi = Σ min(GO_i, 100) × w_i / 100, two digits. A rate is clamped to
// [0, 100] before weighting; an indicator without data contributes 0 (the report says so).
Decimal goal_achievement_percent(const std::vector<WeightedRate>& rates);

// --- Turkish collation ----------------------------------------------------------------------

// Orders UTF-8 strings by the Turkish alphabet (ICU collator for locale "tr"): Bilgi < Çevre,
// Halk < Işık < İmar. Falls back to byte order if ICU cannot open the collator.
class TurkishCollator {
 public:
  TurkishCollator();
  ~TurkishCollator();
  TurkishCollator(const TurkishCollator&) = delete;
  TurkishCollator& operator=(const TurkishCollator&) = delete;
  bool less(const std::string& a, const std::string& b) const;
  void sort(std::vector<std::string>& names) const;

 private:
  struct Members;
  std::unique_ptr<Members> m;
};

// Orders codes like "H1.2" < "H1.10" (digit runs compare as numbers).
bool natural_less(std::string_view a, std::string_view b);

}  // namespace dizgi::faaliyet
