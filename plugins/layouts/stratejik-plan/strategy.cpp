// IV Strateji Geliştirme (domain §2.1–§2.3): the goal overview, the alignment with higher
// policy documents and SDGs, the responsible and cooperating units, one Hedef Kartı per hedef,
// the Tahmini Maliyet and Kaynak tables with their charts; V the reporting calendar; the
// indicator definition cards of the annex. Sums come from the derived maliyet_ozet and
// kaynak_ozet; indicator weights are printed as the data gives them (dizgi data --check holds
// them to 100 per hedef).
#include "stratejik_plan.hpp"

#include <dizgi/model/collate.hpp>
#include <dizgi/model/form.hpp>
#include <dizgi/model/format.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace dizgi::plan {

using namespace faaliyet;
using books::spanning;

namespace {

constexpr const char* amounts_note = "Tutarlar bin TL'dir.";

std::string frequency(const Value& value) {
  static const std::map<std::string, std::string> names = {
      {"aylik", "Aylık"}, {"3_aylik", "3 Aylık"}, {"6_aylik", "6 Aylık"}, {"yillik", "Yıllık"}};
  auto it = names.find(text_of(value));
  return it == names.end() ? text_of(value) : it->second;
}

// "13;20" -> the units' names; "tum_birimler" -> "Tüm Birimler".
std::vector<std::string> cooperating_units(const Composer& c, const Value& value) {
  const std::string text = text_of(value);
  if (text == "tum_birimler") return {"Tüm Birimler"};
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at <= text.size()) {
    const std::size_t end = std::min(text.find(';', at), text.size());
    if (end > at) out.push_back(books::unit_name(c, Value{text.substr(at, end - at)}));
    at = end + 1;
  }
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// The rows of `table` whose text column `column` equals `value`, in the order of `sira`.
std::vector<std::size_t> rows_where(const Table& table, const char* column, const std::string& value) {
  std::vector<std::size_t> out;
  for (std::size_t r : books::rows_by(table, "sira"))
    if (text_of(table.at(r, column)) == value) out.push_back(r);
  return out;
}

// The amount of maliyet_ozet / kaynak_ozet for a key and year (null year: the period).
const Value& amount_at(const Table& table, const char* key_column, const std::string& key, std::optional<int> year) {
  static const Value none{};
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    if (text_of(table.at(r, key_column)) != key) continue;
    auto y = integer_of(table.at(r, "yil"));
    if ((!year && !y) || (year && y && *y == *year)) return table.at(r, "tutar");
  }
  return none;
}

// A figure of a goal card as the card prints it: Turkish digits, the value's own decimals, "–"
// for a missing one.
std::string figure_text(const Value& value, int fraction_digits = -1) {
  if (std::holds_alternative<int64_t>(value)) return format_integer_tr(std::get<int64_t>(value));
  if (std::holds_alternative<Decimal>(value)) return format_decimal_tr(std::get<Decimal>(value), fraction_digits);
  return "–";
}

// The Hedef Kartı of one hedef (domain §2.1) as the SDK's goal-card form block
// (doc::goal_card_form, read-only: a card is printed, not filled in): Amaç, Hedef, the indicator
// grid (weight, baseline, the five yearly targets, monitoring and reporting frequency), Sorumlu
// Birim, İşbirliği, Riskler, Stratejiler, Maliyet Tahmini, Tespitler, İhtiyaçlar.
doc::Form goal_card(const Composer& c, const Table& goals, std::size_t g, const Plan& plan, const Table* items,
                    const Table* costs) {
  const std::string goal = text_of(goals.at(g, "kod"));
  const std::string aim = text_of(goals.at(g, "amac_kod"));
  const std::vector<int> years = plan.years();
  doc::GoalCard card;
  card.id = "hedef-karti-" + anchor_of(goal);
  card.title = "Hedef Kartı: " + goal;
  card.aim = aim + " " + books::goal_text(c, "amac", aim);
  card.goal = goal + " " + text_of(goals.at(g, "metin"));
  for (std::size_t i = 0; i < years.size(); ++i)
    card.years.push_back(std::to_string(years[i]) + (i + 1 == years.size() ? " (Plan Dönemi Sonu)" : ""));
  std::map<std::pair<std::string, int64_t>, Value> targets;
  if (const Table* hedefler = c.data.find("gosterge_hedef"))
    for (std::size_t r = 0; r < hedefler->row_count(); ++r)
      if (auto y = integer_of(hedefler->at(r, "yil")))
        targets[{text_of(hedefler->at(r, "gosterge_kod")), *y}] = hedefler->at(r, "deger");
  if (const Table* indicators = c.data.find("gosterge")) {
    for (std::size_t r : rows_where(*indicators, "hedef_kod", goal)) {
      const std::string code = text_of(indicators->at(r, "kod"));
      doc::GoalCardIndicator indicator;
      indicator.label = code + " " + text_of(indicators->at(r, "ad"));
      if (std::string unit = text_of(optional_at(*indicators, r, "olcu_birimi")); !unit.empty())
        indicator.label += " (" + unit + ")";
      indicator.weight = figure_text(indicators->at(r, "hedefe_etkisi"), 0);
      indicator.baseline = figure_text(optional_at(*indicators, r, "baslangic_degeri"));
      for (int y : years) {
        auto it = targets.find({code, y});
        indicator.years.push_back(figure_text(it == targets.end() ? Value{} : it->second));
      }
      indicator.monitoring = frequency(optional_at(*indicators, r, "izleme_sikligi"));
      indicator.reporting = frequency(optional_at(*indicators, r, "raporlama_sikligi"));
      card.indicators.push_back(std::move(indicator));
    }
  }
  card.rows.emplace_back("Sorumlu Birim", books::unit_name(c, optional_at(goals, g, "sorumlu_birim_id")));
  card.rows.emplace_back("İşbirliği Yapılacak Birim(ler)",
                         joined(cooperating_units(c, optional_at(goals, g, "isbirligi_birimleri"))));
  // Risks, strategies, findings and needs: the hedef's items of each kind, in their order.
  auto listed = [&](const std::string& label, const std::string& kind) {
    if (items == nullptr) return;
    std::string text;
    for (std::size_t r : books::rows_by(*items, "sira"))
      if (text_of(items->at(r, "hedef_kod")) == goal && text_of(items->at(r, "tur")) == kind)
        text += (text.empty() ? "" : text.back() == '.' ? " " : "; ") + text_of(items->at(r, "metin"));
    if (!text.empty()) card.rows.emplace_back(label, text);
  };
  listed("Riskler", "risk");
  listed("Stratejiler", "strateji");
  if (costs != nullptr) {
    const Value& period = amount_at(*costs, "kod", goal, std::nullopt);
    card.rows.emplace_back("Maliyet Tahmini", is_null(period) ? "–" : format_decimal_tr(amount_of(period), 2) + " TL");
  }
  listed("Tespitler", "tespit");
  listed("İhtiyaçlar", "ihtiyac");
  doc::Form form = doc::goal_card_form(card);
  form.keep_together = true;
  return form;
}

}  // namespace

void add_goals(const Composer& c, Blocks& out, const Plan& plan) {
  books::add_goal_overview(c, out, "tablo-amac-hedef", "Amaç ve Hedefler");
  const Table* goals = c.data.find("hedef");
  if (goals == nullptr) return;  // the overview warned
  // Alignment: hedef × higher policy documents, and hedef × SDGs (two matrices: their columns
  // would not fit one page's width together).
  if (const Table* links = c.data.find("hedef_baglanti"); links != nullptr && links->row_count() > 0) {
    std::vector<std::string> codes;
    for (std::size_t g = 0; g < goals->row_count(); ++g) codes.push_back(text_of(goals->at(g, "kod")));
    std::stable_sort(codes.begin(), codes.end(), [](const std::string& a, const std::string& b) { return natural_less(a, b); });
    std::set<std::pair<std::string, std::string>> linked;
    for (std::size_t r = 0; r < links->row_count(); ++r)
      linked.insert({text_of(links->at(r, "hedef_kod")), text_of(links->at(r, "referans"))});
    auto alignment = [&](const char* kind, const std::string& id, const std::string& caption) {
      std::vector<std::string> references;
      for (std::size_t r = 0; r < links->row_count(); ++r)
        if (text_of(links->at(r, "tur")) == kind) references.push_back(text_of(links->at(r, "referans")));
      std::stable_sort(references.begin(), references.end(), [](const std::string& a, const std::string& b) { return natural_less(a, b); });
      references.erase(std::unique(references.begin(), references.end()), references.end());
      if (references.empty()) return;
      doc::Chart matrix;
      matrix.id = id;
      matrix.kind = doc::ChartKind::check_matrix;
      matrix.caption = caption;
      matrix.categories = codes;
      for (const std::string& reference : references) {
        doc::ChartSeries s;
        s.name = reference;
        for (const std::string& code : codes) s.values.push_back(Value{linked.count({code, reference}) > 0});
        matrix.series.push_back(std::move(s));
      }
      out.emplace_back(std::move(matrix));
    };
    alignment("ust_politika", "grafik-hedef-politika", "Hedeflerin Üst Politika Belgeleri ile İlişkisi");
    alignment("ska", "grafik-hedef-ska", "Hedeflerin Sürdürülebilir Kalkınma Amaçları (SKA) ile İlişkisi");
  }
  // Hedef × units: sorumlu and işbirliği.
  {
    doc::Table t;
    t.id = "tablo-hedef-birim";
    t.caption = "Hedeflerden Sorumlu ve İşbirliği Yapılacak Birimler";
    t.columns = {{"10%", doc::Align::start}, {"40%", doc::Align::start}, {"50%", doc::Align::start}};
    t.header.push_back({header_cell("Hedef"), header_cell("Sorumlu"), header_cell("İşbirliği")});
    for (std::size_t g = 0; g < goals->row_count(); ++g)
      t.body.push_back({cell(text_of(goals->at(g, "kod"))), cell(books::unit_name(c, optional_at(*goals, g, "sorumlu_birim_id"))),
                        cell(joined(cooperating_units(c, optional_at(*goals, g, "isbirligi_birimleri"))))});
    out.emplace_back(std::move(t));
  }
  // One Hedef Kartı per hedef, in the order of the codes, each on a page of its own.
  const Table* items = c.data.find("hedef_madde");
  const Table* costs = c.data.find("maliyet_ozet");
  std::vector<std::size_t> order;
  for (std::size_t g = 0; g < goals->row_count(); ++g) order.push_back(g);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return natural_less(text_of(goals->at(a, "kod")), text_of(goals->at(b, "kod")));
  });
  for (std::size_t g : order) {
    const std::string goal = text_of(goals->at(g, "kod"));
    // A card to a page, as plans print them: a card is read and copied whole.
    out.emplace_back(doc::Break{doc::BreakKind::page, {}});
    out.emplace_back(make_heading(3, "", "Hedef " + goal, "hedef-" + anchor_of(goal)));
    out.emplace_back(goal_card(c, *goals, g, plan, items, costs));
  }
}

void add_costs(const Composer& c, Blocks& out, const Plan& plan) {
  const Table* costs = c.optional_table("maliyet_ozet", "IV-B Maliyetlendirme");
  if (costs == nullptr) {
    out.emplace_back(Composer::placeholder("Maliyet tablosu için veri bulunamadı (tablo: hedef_maliyet)."));
    return;
  }
  const std::vector<int> years = plan.years();
  auto year_table = [&](const std::string& id, const std::string& caption, const std::string& first_header) {
    doc::Table t;
    t.id = id;
    t.caption = caption;
    t.note = amounts_note;
    t.keep_whole_rows = 60;  // read whole: never split (the block rule keep_together does not hold tables)
    t.columns = {{"22%", doc::Align::start}};
    doc::TableRow head{header_cell(first_header)};
    for (int y : years) {
      t.columns.push_back({"auto", doc::Align::end});
      head.cells.push_back(header_cell(std::to_string(y), doc::Align::end));
    }
    t.columns.push_back({"auto", doc::Align::end});
    head.cells.push_back(header_cell("Toplam", doc::Align::end));
    t.header.push_back(std::move(head));
    return t;
  };
  auto figures = [&](doc::TableRow& row, const Table& table, const char* key_column, const std::string& key) {
    for (int y : years) row.cells.push_back(thousands_cell(amount_at(table, key_column, key, y)));
    row.cells.push_back(thousands_cell(amount_at(table, key_column, key, std::nullopt)));
  };
  doc::Table t = year_table("tablo-maliyet", "Tahmini Maliyet Tablosu", "Amaç / Hedef");
  doc::Chart by_aim;
  by_aim.id = "grafik-maliyet-amac";
  by_aim.kind = doc::ChartKind::bar;
  by_aim.caption = "Plan Dönemi Tahmini Maliyetinin Amaçlara Göre Dağılımı";
  by_aim.value_axis.scale_note = "TL";
  doc::ChartSeries aim_series;
  aim_series.name = "Tahmini Maliyet";
  std::set<std::string> seen;
  for (std::size_t r = 0; r < costs->row_count(); ++r) {
    const std::string kind = text_of(costs->at(r, "satir"));
    const std::string code = text_of(costs->at(r, "kod"));
    if (!seen.insert(kind + "/" + code).second) continue;
    doc::TableRow row;
    if (kind == "amac") {
      row = doc::TableRow{cell(code, doc::Align::start)};
      row.kind = doc::RowKind::group;
      by_aim.categories.push_back(code);
      aim_series.values.push_back(amount_at(*costs, "kod", code, std::nullopt));
    } else if (kind == "hedef") {
      row = doc::TableRow{cell(code)};
    } else if (kind == "GYG") {
      row = doc::TableRow{cell("Genel Yönetim Giderleri")};
    } else {
      row = doc::TableRow{cell("Toplam")};
      row.kind = doc::RowKind::total;
    }
    figures(row, *costs, "kod", code);
    (row.kind == doc::RowKind::total ? t.footer : t.body).push_back(std::move(row));
  }
  out.emplace_back(std::move(t));
  by_aim.series.push_back(std::move(aim_series));
  out.emplace_back(std::move(by_aim));

  const Table* sources = c.optional_table("kaynak_ozet", "IV-B Maliyetlendirme");
  if (sources == nullptr) return;
  static const std::map<std::string, std::string> names = {{"oz_gelirler", "Öz Gelirler"},
                                                           {"merkezi_yonetim_paylari", "Merkezi Yönetim Vergi Gelirlerinden Alınan Paylar"},
                                                           {"dis_finansman", "Dış Finansman / Kredi"},
                                                           {"hibe_ve_bagis", "Hibe ve Bağış"},
                                                           {"butce_disi_kaynaklar", "Bütçe Dışı Kaynaklar"}};
  doc::Table k = year_table("tablo-kaynak", "Kaynak Tablosu", "Kaynaklar");
  doc::Chart mix;
  mix.id = "grafik-kaynak-dagilimi";
  mix.kind = doc::ChartKind::pie;
  mix.caption = "Plan Dönemi Kaynaklarının Dağılımı";
  doc::ChartSeries mix_series;
  mix_series.name = "Kaynak";
  seen.clear();
  for (std::size_t r = 0; r < sources->row_count(); ++r) {
    const std::string kind = text_of(sources->at(r, "satir"));
    const std::string code = text_of(sources->at(r, "kaynak_turu"));
    if (!seen.insert(code).second) continue;
    auto name = names.find(code);
    doc::TableRow row{cell(kind == "TOPLAM" ? "Toplam" : name == names.end() ? code : name->second)};
    figures(row, *sources, "kaynak_turu", code);
    if (kind == "TOPLAM") {
      row.kind = doc::RowKind::total;
      k.footer.push_back(std::move(row));
      continue;
    }
    k.body.push_back(std::move(row));
    mix.categories.push_back(name == names.end() ? code : name->second);
    mix_series.values.push_back(amount_at(*sources, "kaynak_turu", code, std::nullopt));
  }
  out.emplace_back(std::move(k));
  mix.series.push_back(std::move(mix_series));
  out.emplace_back(std::move(mix));
}

void add_monitoring(const Composer& c, Blocks& out, const Plan& plan) {
  out.emplace_back(cycle_chart("grafik-izleme-dongusu", "İzleme ve Değerlendirme Döngüsü",
                               {"Veri toplama (birimler)", "Analiz (Strateji Geliştirme)",
                                "Değerlendirme (Strateji Geliştirme Kurulu)",
                                "İyileştirme (hedef ve faaliyetlerin güncellenmesi)"},
                               "Stratejik Plan " + std::to_string(plan.first_year) + "–" +
                                   std::to_string(plan.last_year)));
  const Table* calendar = c.optional_table("izleme_takvim", "V İzleme ve Değerlendirme");
  if (calendar == nullptr || calendar->row_count() == 0) return;
  doc::Table t;
  t.id = "tablo-raporlama-takvimi";
  t.caption = "İzleme ve Raporlama Takvimi";
  t.columns = {{"34%", doc::Align::start}, {"18%", doc::Align::start}, {"20%", doc::Align::start}, {"28%", doc::Align::start}};
  t.header.push_back({header_cell("Rapor"), header_cell("Kapsadığı Dönem"), header_cell("Hazırlanma Zamanı"),
                      header_cell("Sunulduğu Yer")});
  for (std::size_t r : books::rows_by(*calendar, "sira"))
    t.body.push_back({cell(text_of(calendar->at(r, "rapor"))), cell(text_of(optional_at(*calendar, r, "donem"))),
                      cell(text_of(optional_at(*calendar, r, "sure"))), cell(text_of(optional_at(*calendar, r, "sunulan")))});
  out.emplace_back(std::move(t));
}

void add_indicator_cards(const Composer& c, Blocks& out) {
  const Table* indicators = c.optional_table("gosterge", "EKLER Gösterge Kartları");
  if (indicators == nullptr) {
    out.emplace_back(Composer::placeholder("Gösterge kartları için veri bulunamadı (tablo: gosterge)."));
    return;
  }
  static const std::map<std::string, std::string> directions = {{"artan", "Artan"}, {"azalan", "Azalan"}, {"koruma", "Koruma"}};
  static const std::map<std::string, std::string> kinds = {
      {"kumulatif", "Kümülatif"}, {"yillik", "Yıllık"}, {"ortalama", "Ortalama"}, {"son_deger", "Son değer"}};
  static const std::map<std::string, std::string> methods = {
      {"baseline_ratio", "(C − A) / (B − A) × 100: gerçekleşen değişimin hedeflenen değişime oranı"},
      {"simple_ratio", "C / B × 100: gerçekleşen değerin hedef değere oranı"},
      {"inverse_ratio", "B / C × 100: hedef değerin gerçekleşen değere oranı (düşük değer iyidir)"}};
  auto name_of = [](const std::map<std::string, std::string>& names, const std::string& code) {
    auto it = names.find(code);
    return it == names.end() ? code : it->second;
  };
  std::vector<std::size_t> order;
  for (std::size_t r = 0; r < indicators->row_count(); ++r) order.push_back(r);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return natural_less(text_of(indicators->at(a, "kod")), text_of(indicators->at(b, "kod")));
  });
  for (std::size_t r : order) {
    const std::string code = text_of(indicators->at(r, "kod"));
    doc::Table t;
    t.id = "gosterge-karti-" + anchor_of(code);
    t.caption = "Gösterge Kartı: " + code;
    t.keep_whole_rows = 60;  // read whole: never split (the block rule keep_together does not hold tables)
    t.columns = {{"30%", doc::Align::start}, {"70%", doc::Align::start}};
    auto line = [&](const std::string& label, const std::string& value) { t.body.push_back(books::label_row(label, value, 2)); };
    line("Kod", code);
    line("Ad", text_of(indicators->at(r, "ad")));
    line("Tanım", text_of(optional_at(*indicators, r, "tanim")));
    line("Hesaplama Yöntemi", name_of(methods, text_of(optional_at(*indicators, r, "hesaplama_yontemi"))));
    line("Ölçü Birimi", text_of(optional_at(*indicators, r, "olcu_birimi")));
    line("Yön", name_of(directions, text_of(optional_at(*indicators, r, "yon"))));
    line("Tür", name_of(kinds, text_of(optional_at(*indicators, r, "tur"))));
    line("Veri Kaynağı", text_of(optional_at(*indicators, r, "veri_kaynagi")));
    line("İzleme / Raporlama Sıklığı", frequency(optional_at(*indicators, r, "izleme_sikligi")) + " / " +
                                           frequency(optional_at(*indicators, r, "raporlama_sikligi")));
    line("Sorumlu Birim", books::unit_name(c, optional_at(*indicators, r, "sorumlu_birim_id")));
    out.emplace_back(std::move(t));
  }
}

}  // namespace dizgi::plan
