// dizgi/model/form.hpp — helpers for composing form blocks (docs/forms.md): statement texts
// with placeholders, the standard signature block, the goal card (Hedef Kartı) and the
// performance target table (Performans Hedefi Tablosu). Header-only: plugins call them without
// calling into the host. Since: SDK 2.4
#pragma once

#include <dizgi/model/document.hpp>

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dizgi::doc {

// `text` with every "{name}" of `values` replaced by its value ("{yıl}" → "2025",
// "{idare_adı}" → "Kuzeykent Belediyesi"). A placeholder without a value is left as written, and
// its name is added to `missing` (when given) so that the caller can report it.
inline std::string fill_placeholders(std::string_view text, const std::map<std::string, std::string>& values,
                                     std::vector<std::string>* missing = nullptr) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t open = text.find('{', at);
    const std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(at, open - at));
    const std::string name(text.substr(open + 1, close - open - 1));
    if (auto it = values.find(name); it != values.end()) {
      out += it->second;
    } else {
      out.append(text.substr(open, close - open + 1));
      if (missing) missing->push_back(name);
    }
    at = close + 1;
  }
  out.append(text.substr(at));
  return out;
}

// The lines of one signature block — Yer – Tarih, İmza, Adı Soyadı, Unvanı — for signer number
// `signer` (1, 2, ... side by side). Field names are "<prefix>.yer_tarih", "<prefix>.imza",
// "<prefix>.adi_soyadi", "<prefix>.unvani" (without "<prefix>." when it is empty). Prefilled
// values stay editable in a fillable form; the signature itself is never a form field.
inline std::vector<FormField> signature_block(int32_t signer, const std::string& prefix, const std::string& place_date,
                                              const std::string& name, const std::string& title) {
  const std::string p = prefix.empty() ? std::string() : prefix + ".";
  struct Line {
    const char* name;
    const char* label;
    FieldKind kind;
    const std::string* value;
  };
  const std::string none;
  const Line table[] = {{"yer_tarih", "Yer – Tarih", FieldKind::text, &place_date},
                        {"imza", "İmza", FieldKind::signature, &none},
                        {"adi_soyadi", "Adı Soyadı", FieldKind::text, &name},
                        {"unvani", "Unvanı", FieldKind::text, &title}};
  std::vector<FormField> lines;
  for (const Line& line : table) {
    FormField f;
    f.name = p + line.name;
    f.label = line.label;
    f.kind = line.kind;
    f.value = *line.value;
    f.signer = signer;
    lines.push_back(std::move(f));
  }
  return lines;
}

// A goal card (Hedef Kartı, domain §2.1) as plain values; texts and figures as the card prints
// them (Turkish formats: "8,2", "15.520.000,0 ₺").
struct GoalCardIndicator {
  std::string label;                // "PG1.1.1 Kişi başına aktif yeşil alan (m²)"
  std::string weight;               // Hedefe Etkisi (%): "40"
  std::string baseline;             // Plan Dönemi Başlangıç Değeri
  std::vector<std::string> years;   // one value per plan year (the last is the plan-end target)
  std::string monitoring;           // İzleme Sıklığı: "6 Aylık"
  std::string reporting;            // Raporlama Sıklığı: "Yıllık"
};
struct GoalCard {
  std::string id;                 // the form's anchor: "hedef-karti-h1-1"
  std::string title;              // "Hedef Kartı: H1.1"
  std::string aim;                // "A1 …"
  std::string goal;               // "H1.1 …"
  std::vector<std::string> years;  // the plan years' headings: "2025" … "2029 (Plan Sonu)"
  std::vector<GoalCardIndicator> indicators;
  // The rows under the indicator grid, in order: Sorumlu Birim, İşbirliği Yapılacak Birim(ler),
  // Riskler, Stratejiler, Maliyet Tahmini, Tespitler, İhtiyaçlar (label, text).
  std::vector<std::pair<std::string, std::string>> rows;
};

// The goal card as a form block: a grid of 5 + the plan years columns; labels are heading cells,
// everything else read-only (a card is printed, not filled in). The form does not force a page
// break ("break-before" = "none"), so cards may follow each other.
inline Form goal_card_form(const GoalCard& card) {
  const int32_t columns = 5 + static_cast<int32_t>(card.years.size());
  Form form;
  form.id = card.id;
  form.title = card.title;
  form.columns = columns;
  form.props["break-before"] = "none";
  std::string widths = "3.1,0.9,1.2";
  for (std::size_t k = 0; k < card.years.size(); ++k) widths += ",0.85";
  form.props["column-widths"] = widths + ",1,1.3";
  auto heading = [&](const std::string& label, int32_t span) {
    FormField f;
    f.kind = FieldKind::heading;
    f.label = label;
    f.column_span = span;
    form.fields.push_back(std::move(f));
  };
  auto shown = [&](const std::string& value, FieldKind kind, int32_t span) {
    FormField f;
    f.kind = kind;
    f.read_only = true;
    f.value = value;
    f.column_span = span;
    form.fields.push_back(std::move(f));
  };
  auto row = [&](const std::string& label, const std::string& text) {
    heading(label, 2);
    shown(text, FieldKind::text, columns - 2);
  };
  row("Amaç", card.aim);
  row("Hedef", card.goal);
  heading("Performans Göstergeleri", 1);
  heading("Hedefe Etkisi (%)", 1);
  heading("Başlangıç Değeri", 1);
  for (const std::string& year : card.years) heading(year, 1);
  heading("İzleme Sıklığı", 1);
  heading("Raporlama Sıklığı", 1);
  for (const GoalCardIndicator& indicator : card.indicators) {
    heading(indicator.label, 1);
    shown(indicator.weight, FieldKind::number, 1);
    shown(indicator.baseline, FieldKind::number, 1);
    for (std::size_t k = 0; k < card.years.size(); ++k)
      shown(k < indicator.years.size() ? indicator.years[k] : std::string(), FieldKind::number, 1);
    shown(indicator.monitoring, FieldKind::text, 1);
    shown(indicator.reporting, FieldKind::text, 1);
  }
  for (const auto& [label, text] : card.rows) row(label, text);
  return form;
}

// A performance target table (Performans Hedefi Tablosu, Tablo 1 of the Performans Programı,
// domain §2.5) as plain values; texts and figures as the table prints them ("2.391.200", "–").
struct PerformanceTargetIndicator {
  std::string label;     // "1. Kişi başına aktif yeşil alan"
  std::string unit;      // Ölçü Birimi: "m²"
  std::string realised;  // the realisation of the year before last (t−2)
  std::string estimate;  // last year's estimated realisation (t−1)
  std::string target;    // the programme year's target (t)
};
struct PerformanceTargetActivity {
  std::string label;       // "1. Cep parkları yapımı"; unused for the total
  std::string budget;      // Bütçe
  std::string off_budget;  // Bütçe Dışı
  std::string total;       // Toplam
};
struct PerformanceTarget {
  std::string id;     // the form's anchor: "tablo1-h1-1"
  std::string title;  // "Performans Hedefi Tablosu: H1.1"
  // The header rows, in order: İdare Adı, Stratejik Amaç, Stratejik Hedef, Performans Hedefi,
  // Açıklama (when there is one), Sorumlu Birim (label, text).
  std::vector<std::pair<std::string, std::string>> rows;
  int32_t year = 0;          // the programme year t: the indicator columns are t−2, t−1 and t
  std::string amount_unit;   // the unit of the activities' amounts: "Bin TL" ("Faaliyetler (Kaynak İhtiyacı, Bin TL)")
  std::vector<PerformanceTargetIndicator> indicators;
  std::vector<PerformanceTargetActivity> activities;
  PerformanceTargetActivity overall;  // Genel Toplam
};

// The performance target table as a form block of six columns: the header rows (label, text
// spanning the rest), the indicator grid (Performans Göstergeleri, Ölçü Birimi, the three years),
// the activities with Bütçe, Bütçe Dışı and Toplam, and the Genel Toplam. Everything is
// read-only (the table is published, not filled in) and the table is numbered as a table
// ("numbered" = "table": "Tablo 8: Performans Hedefi Tablosu: H1.1" in the list of tables).
inline Form performance_target_form(const PerformanceTarget& table) {
  constexpr int32_t columns = 6;
  Form form;
  form.id = table.id;
  form.title = table.title;
  form.columns = columns;
  form.props["break-before"] = "none";
  form.props["numbered"] = "table";
  form.props["column-widths"] = "2.3,2.9,1.1,1.4,1.4,1.4";
  auto add = [&](const std::string& text, FieldKind kind, int32_t span) {
    FormField f;
    f.kind = kind;
    if (kind == FieldKind::heading) f.label = text;
    else f.value = text;
    f.read_only = kind != FieldKind::heading;
    f.column_span = span;
    form.fields.push_back(std::move(f));
  };
  for (const auto& [label, text] : table.rows) {
    add(label, FieldKind::heading, 1);
    add(text, FieldKind::text, columns - 1);
  }
  add("Performans Göstergeleri", FieldKind::heading, 2);
  add("Ölçü Birimi", FieldKind::heading, 1);
  add(std::to_string(table.year - 2) + " Gerçekleşme", FieldKind::heading, 1);
  add(std::to_string(table.year - 1) + " Gerçekleşme Tahmini", FieldKind::heading, 1);
  add(std::to_string(table.year) + " Hedef", FieldKind::heading, 1);
  for (const PerformanceTargetIndicator& indicator : table.indicators) {
    add(indicator.label, FieldKind::heading, 2);
    add(indicator.unit, FieldKind::text, 1);
    add(indicator.realised, FieldKind::number, 1);
    add(indicator.estimate, FieldKind::number, 1);
    add(indicator.target, FieldKind::number, 1);
  }
  add(table.amount_unit.empty() ? "Faaliyetler" : "Faaliyetler (Kaynak İhtiyacı, " + table.amount_unit + ")",
      FieldKind::heading, 3);
  add("Bütçe", FieldKind::heading, 1);
  add("Bütçe Dışı", FieldKind::heading, 1);
  add("Toplam", FieldKind::heading, 1);
  auto amounts = [&](const std::string& label, const PerformanceTargetActivity& activity) {
    add(label, FieldKind::heading, 3);
    add(activity.budget, FieldKind::money, 1);
    add(activity.off_budget, FieldKind::money, 1);
    add(activity.total, FieldKind::money, 1);
  };
  for (const PerformanceTargetActivity& activity : table.activities) amounts(activity.label, activity);
  amounts("Genel Toplam", table.overall);
  return form;
}

}  // namespace dizgi::doc
