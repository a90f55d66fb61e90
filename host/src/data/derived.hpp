// The derived figures of the books, computed once, here, with exact decimals: indicator
// realisation rates, hedef and amaç achievement levels, budget realisation ratios and table
// totals (domain: Performans Sonuçları Tablosu and the III-A financial tables).
//
// Rates are percentages (45 means %45) computed with `rate_scale` (6) fractional digits and
// rounded half away from zero; round for display only (format_percent). A missing input gives
// a null result, never 0: "no measurement" is not "zero achievement".
#pragma once

#include <dizgi/model/dataset.hpp>
#include <dizgi/model/value.hpp>

#include <optional>
#include <string>
#include <vector>

namespace dizgi::data {

inline constexpr int32_t rate_scale = 6;

// gosterge.yon
enum class Direction { invalid = 0, increasing, decreasing, maintain };
// gosterge.hesaplama_yontemi
enum class Method { invalid = 0, baseline_ratio, simple_ratio, inverse_ratio };

Direction parse_direction(std::string_view text);  // "artan", "azalan", "koruma"
Method parse_method(std::string_view text);        // "baseline_ratio", "simple_ratio", "inverse_ratio"

struct IndicatorInput {
  Direction direction = Direction::increasing;
  Method method = Method::baseline_ratio;
  std::optional<Decimal> baseline;  // A: plan dönemi başlangıç değeri
  std::optional<Decimal> target;    // B: the year's target
  std::optional<Decimal> actual;    // C: the year's realisation
};

enum class RateStatus {
  invalid = 0,
  ok,
  no_measurement,  // C is null
  no_target,       // B is null
  no_baseline,     // A is null and the method needs it
  undefined        // a zero denominator: B == A without koruma, or B (or C) == 0 in a ratio
};

struct Rate {
  std::optional<Decimal> percent;  // null unless status == ok
  RateStatus status = RateStatus::invalid;
};

// Gerçekleşme oranı (%):
//   baseline_ratio (C − A) / (B − A) × 100 — increasing and decreasing alike (signs cancel);
//   simple_ratio   C / B × 100;  inverse_ratio  B / C × 100 (lower is better).
// Koruma (maintenance, B == A): C / B × 100, or B / C × 100 when the method is inverse_ratio
// (lower is better). Over-achievement is kept (133,33), never capped here.
Rate realisation_rate(const IndicatorInput& input);

enum class MissingPolicy {
  invalid = 0,
  propagate_null,  // any null rate makes the level null (default: honest)
  count_as_zero,   // a null rate contributes 0
  reweight         // nulls are left out and the remaining weights are scaled to 100
};

struct WeightedRate {
  std::optional<Decimal> rate;  // the indicator's rate (null allowed)
  Decimal weight;               // hedefe etkisi (%), Σ = 100
};

// Hedef gerçekleşme düzeyi (%) = Σ min(GO_i, 100) × w_i / 100. A rate below zero (the
// indicator moved away from its target) counts as 0, so one indicator cannot cancel others.
std::optional<Decimal> hedef_level(const std::vector<WeightedRate>& indicators,
                                   MissingPolicy policy = MissingPolicy::propagate_null);
// Amaç level = unweighted mean of its hedef levels (same policy for nulls).
std::optional<Decimal> amac_level(const std::vector<std::optional<Decimal>>& hedef_levels,
                                  MissingPolicy policy = MissingPolicy::propagate_null);

// a / b × 100 with rate_scale digits; null when either is null or b is zero.
std::optional<Decimal> percent_of(const std::optional<Decimal>& a, const std::optional<Decimal>& b);

enum class GiderBase { invalid = 0, year_end, initial };
// Gider gerçekleşme oranı = harcama / yıl sonu ödeneği × 100 (or / başlangıç ödeneği).
std::optional<Decimal> gider_rate(const Decimal& harcama, const Decimal& yil_sonu_odenegi,
                                  const Decimal& baslangic_odenegi, GiderBase base = GiderBase::year_end);
// Gelir gerçekleşme oranı = tahsilat / bütçe tahmini × 100.
std::optional<Decimal> gelir_rate(const Decimal& tahsilat, const Decimal& butce_tahmini);
// Tahsilat oranı = tahsilat / tahakkuk × 100.
std::optional<Decimal> tahsilat_rate(const Decimal& tahsilat, const std::optional<Decimal>& tahakkuk);

// Σ of a decimal (or integer) column, nulls skipped; the result has the column's scale.
// Throws Error(ErrorCode::data) when the column is missing or not numeric.
Decimal column_total(const Table& table, const std::string& column);

// ---- dataset level ------------------------------------------------------------------------------

struct DerivedOptions {
  int32_t year = 0;  // 0: the latest year with a 'yil_sonu' measurement
  MissingPolicy missing = MissingPolicy::propagate_null;
  GiderBase gider_base = GiderBase::year_end;
};

// The reported year: options.year, or the latest gosterge_olcum year ('yil_sonu'), or 0.
int32_t reporting_year(const Dataset& dataset, const DerivedOptions& options);

// Adds the derived tables for the reported year, so every layout reads the same figures:
//   gosterge_sonuc(gosterge_kod, hedef_kod, yil, hedefe_etkisi, baslangic_degeri,
//                  hedef_deger, alti_ay_deger, gerceklesme, gerceklesme_orani, durum, sapma)
//                  (sapma: the rate's deviation from its target, gerceklesme_orani − 100 points)
//   hedef_sonuc(hedef_kod, amac_kod, yil, gerceklesme_duzeyi)
//   amac_sonuc(amac_kod, yil, gerceklesme_duzeyi)
//   butce_gider_ozet(yil, ekonomik_kod, ad, baslangic_odenegi, eklenen, dusulen,
//                    yil_sonu_odenegi, harcama, gerceklesme_orani, butce_payi,
//                    gerceklesme_orani_baslangic)  + a 'TOPLAM' row
//   butce_gider_birim(yil, birim_id, birim_ad, yil_sonu_odenegi, harcama, gerceklesme_orani)
//   butce_gelir_ozet(yil, ekonomik_kod, ad, butce_tahmini, tahakkuk, tahsilat, red_iade,
//                    gerceklesme_orani, tahsilat_orani)  + when there are refunds a gross 'BRUT'
//                    row and a '09' row (red ve iadeler: the 09 rows and every red_iade,
//                    negative, in tahakkuk and tahsilat alike) + a net 'TOPLAM'
//   faaliyet_ozet(butce, harcanan)  the totals of the faaliyet table
// and the report tables (derived_report.cpp), each with a 'TOPLAM' row where it has a total:
//   butce_gider_fonksiyonel(yil, fonksiyonel_kod, ad, baslangic_odenegi, yil_sonu_odenegi,
//                    harcama, gerceklesme_orani, butce_payi)  by level-I functional code
//   butce_gider_sapma(yil, birim_id, birim_ad, ekonomik_kod, ad, yil_sonu_odenegi, harcama,
//                    gerceklesme_orani, sapma_aciklamasi)  the lines with a deviation reason
//   butce_denge(yil, kalem, tahmin, gerceklesen, gerceklesme_orani)  kalem 'gelir' (net),
//                    'gider', 'denge' (gelir − gider; positive is a surplus)
//   borc_ozet(tur, kisa_vadeli, uzun_vadeli, toplam, pay)  debts by kind
//   personel_ozet(yil, statu, kadin, erkek, dolu, bos, toplam_kadro)  staff by status; the
//                    'sirket' row (company staff) follows 'TOPLAM' and is not in it
//   ic_kontrol_ozet(bilesen, standartlar, eylem_sayisi, tamamlanan, tamamlanma_orani)
//   hedef_maliyet_ozet(hedef_kod, yil, planlanan, butce, harcanan, gerceklesme_orani)  the
//                    plan's cost of each goal for the year against its activities' budget and
//                    spending
//   yardim_ozet(yil, tur, adet, tutar)  aid by kind of recipient
//   butce_gider_birim_kod(yil, birim_id, ekonomik_kod, ad, baslangic_odenegi, eklenen, dusulen,
//                    yil_sonu_odenegi, harcama, gerceklesme_orani)  each unit's lines by code
//                    as given, then the unit's 'TOPLAM' (= its butce_gider_birim line)
//   rakamlar(yil, yil_sonu_odenegi, harcama, gider_gerceklesme_orani, butce_tahmini,
//                    net_tahsilat, gelir_gerceklesme_orani, butce_dengesi, personel_dolu,
//                    toplam_kadro, kadro_doluluk_orani, faaliyet_sayisi, gosterge_sayisi,
//                    gosterge_ulasan, gosterge_altinda, gosterge_olcumsuz, amac_ortalama_duzey)
//                    the key figures of the year, one row, read from the tables above; a figure
//                    whose source is absent is null
// and the planning books' tables (derived_plan.cpp):
//   pp_performans(yil, satir, hedef_kod, faaliyet_kod, ad, butce, butce_disi, toplam, pay)
//                    Tablo 3 of the Performans Programı: per hedef its activities ('faaliyet')
//                    and a 'hedef' subtotal, then 'FAALIYETLER', 'GENEL_YONETIM', 'TRANSFER' and
//                    'TOPLAM'; pay = share of the Genel Toplam
//   pp_kaynak_ihtiyaci(yil, kalem, ad, faaliyetler, genel_yonetim, transfer, toplam)  Tablo 4:
//                    level-I codes 01–09, 'BUTCE', the off-budget kinds, 'BUTCE_DISI', 'TOPLAM'
//   pp_faaliyet_maliyet(yil, faaliyet_kod, kalem, ad, tutar)  Tablo 2, per activity the same rows
//   pp_kaynak_dagilimi(yil, boyut, kod, ad, toplam)  activity resources by 'amac' and by 'birim'
//   maliyet_ozet(satir, kod, yil, tutar)  Tahmini Maliyet Tablosu: amaç ('amac', the sum of its
//                    hedefler), 'hedef', 'GYG', 'TOPLAM'; a row per plan year and one with a null
//                    yil for the period
//   kaynak_ozet(satir, kaynak_turu, yil, tutar)  Kaynak Tablosu: per source, then 'TOPLAM'
//   mali_egilim(tur, satir, ekonomik_kod, yil, tutar)  the revenue and expense trend of the years
//                    before the plan (mali_gecmis): per kind ('gelir', 'gider') a 'kod' row per
//                    level-I code and year, then 'TOPLAM' per year
// The budget summaries have one row per level-I economic code ("03.2.1.01" counts under "03"),
// as the III-A tables of the books show them; butce_payi is the share of the year-end
// appropriation. Tables whose inputs are absent are skipped. `durum` is "ok", "olcum_yok", "hedef_yok",
// "baslangic_yok" or "tanimsiz" (RateStatus). Rates keep rate_scale digits.
void add_derived_tables(Dataset& dataset, const DerivedOptions& options = {});

}  // namespace dizgi::data
