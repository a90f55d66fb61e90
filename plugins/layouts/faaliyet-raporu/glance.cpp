// The year at a glance, before the detailed tables: the key figures ("2025 Yılı Rakamlarla", a
// spread: budget, revenue and balance as cards with the make-up of spending and revenue on the
// verso; staff, activities and goal achievement as cards with the posts by status and the amaç
// levels on the recto) and a page per amaç (its goals'
// achievement and its indicators as bullet charts). Every figure is read from the tables the
// host derives (rakamlar, butce_gider_ozet, butce_gelir_ozet, personel_ozet, amac_sonuc,
// hedef_sonuc, gosterge_sonuc), never computed here.
#include "composer.hpp"

#include <dizgi/model/format.hpp>

#include <algorithm>
#include <map>
#include <optional>

namespace dizgi::faaliyet {

namespace {

// "64,92 milyar TL" / "812,4 milyon TL" from an exact amount in TL.
std::string large_amount(const Decimal& amount) {
  const Decimal billion = Decimal::from_int(1000000000), million = Decimal::from_int(1000000);
  if (!(amount < billion)) return format_decimal_tr(divide(amount, billion, 2), 2) + " milyar TL";
  return format_decimal_tr(divide(amount, million, 1), 1) + " milyon TL";
}

struct Card {
  std::string label, figure;
};

// A chart of the spread: in its place on the page (the spread's pages are composed as such).
doc::Chart spread_chart(std::string id, doc::ChartKind kind, std::string caption, std::string series_name) {
  doc::Chart chart;
  chart.id = std::move(id);
  chart.kind = kind;
  chart.caption = std::move(caption);
  chart.float_mode = doc::Float::none;
  chart.series.push_back(doc::ChartSeries{std::move(series_name)});
  return chart;
}

doc::Chart cards(const std::string& id, const std::string& caption, const std::vector<Card>& figures) {
  doc::Chart chart;
  chart.id = id;
  chart.kind = doc::ChartKind::key_figures;
  chart.caption = caption;
  doc::ChartSeries series;
  series.name = caption;
  for (const Card& card : figures) {
    chart.categories.push_back(card.label);
    series.values.push_back(Value(Decimal::from_int(0)));
    series.labels.push_back(card.figure);
  }
  chart.series.push_back(std::move(series));
  return chart;
}

// A bullet chart (series: baseline A, target B, realisation C) to fill with add_bullet_row.
doc::Chart bullet_chart(std::string id, std::string caption, const char* realisation) {
  doc::Chart chart;
  chart.id = std::move(id);
  chart.kind = doc::ChartKind::bullet;
  chart.caption = std::move(caption);
  chart.series = {doc::ChartSeries{"Başlangıç"}, doc::ChartSeries{"Hedef"}, doc::ChartSeries{realisation}};
  return chart;
}

// One row: "H1.1 Ad" (the code alone when the name is unknown) and its A, B, C.
void add_bullet_row(doc::Chart& chart, const std::string& code, const std::map<std::string, std::string>& names,
                    Value a, Value b, Value c) {
  auto name = names.find(code);
  chart.categories.push_back(name == names.end() || name->second.empty() ? code : code + " " + name->second);
  chart.series[0].values.push_back(std::move(a));
  chart.series[1].values.push_back(std::move(b));
  chart.series[2].values.push_back(std::move(c));
}

// The key figures of the report year: the row of the derived table rakamlar, else nullopt.
std::optional<std::size_t> key_figures_row(const Composer& c, const Table* key) {
  if (key == nullptr) return std::nullopt;
  for (std::size_t r = 0; r < key->row_count(); ++r)
    if (c.is_report_year(*key, r)) return r;
  return std::nullopt;
}

// A donut of one amount column of a derived summary by its level-I economic code (the codes'
// rows of the year, not the TOPLAM, BRUT and 09 lines; no slice for a line without an amount).
doc::Chart make_up_by_code(const Composer& c, const Table& summary, std::string id, std::string caption,
                           const char* column, const char* series_name) {
  doc::Chart chart = spread_chart(std::move(id), doc::ChartKind::donut, std::move(caption), series_name);
  chart.series[0].format.scale_power = 6;  // the total in the middle, in millions
  chart.series[0].format.fraction_digits = 0;
  for (std::size_t r = 0; r < summary.row_count(); ++r) {
    const std::string code = text_of(summary.at(r, "ekonomik_kod"));
    if (!c.is_report_year(summary, r) || code == "TOPLAM" || code == "BRUT" || code == "09") continue;
    const Decimal amount = amount_of(summary.at(r, column));
    if (!(Decimal{} < amount)) continue;
    chart.categories.push_back(text_of(optional_at(summary, r, "ad")));
    chart.series[0].values.push_back(Value(amount));
  }
  return chart;
}

}  // namespace

void add_key_figures(const Composer& c, Blocks& out) {
  const std::string year = format_integer_tr(c.year, false);
  const Table* key = c.data.find("rakamlar");
  const auto row = key_figures_row(c, key);
  if (!row) return;
  // Each figure as the host derived it; a null one (the data lacks it) gets no card.
  auto figure = [&](const char* column) { return optional_at(*key, *row, column); };
  std::vector<Card> money, work;
  auto money_card = [&](const char* label, const char* column) {
    if (auto amount = decimal_of(figure(column))) money.push_back({label, large_amount(*amount)});
  };
  auto rate_card = [&](std::vector<Card>& cards, const char* label, const char* column) {
    if (auto rate = decimal_of(figure(column))) cards.push_back({label, format_percent_tr(*rate, 2)});
  };
  auto count_card = [&](const char* label, const char* column, const std::string& unit) {
    if (auto n = integer_of(figure(column))) work.push_back({label, format_integer_tr(*n) + unit});
  };
  money_card("Yıl sonu ödeneği", "yil_sonu_odenegi");
  money_card("Bütçe gideri (harcama)", "harcama");
  rate_card(money, "Gider bütçesi gerçekleşme oranı", "gider_gerceklesme_orani");
  money_card("Net gelir tahsilatı", "net_tahsilat");
  rate_card(money, "Gelir bütçesi gerçekleşme oranı", "gelir_gerceklesme_orani");
  if (auto balance = decimal_of(figure("butce_dengesi"))) {
    const bool deficit = *balance < Decimal{};
    money.push_back({deficit ? "Bütçe açığı (gelir − gider)" : "Bütçe fazlası (gelir − gider)",
                     large_amount(deficit ? Decimal{} - *balance : *balance)});
  }
  count_card("Personel (dolu kadro)", "personel_dolu", " kişi");
  rate_card(work, "Kadro doluluk oranı", "kadro_doluluk_orani");
  count_card("Faaliyet ve proje", "faaliyet_sayisi", "");
  if (auto met = integer_of(figure("gosterge_ulasan")), all = integer_of(figure("gosterge_sayisi")); met && all)
    work.push_back({"Hedefine ulaşan gösterge", format_integer_tr(*met) + " / " + format_integer_tr(*all)});
  count_card("Hedefinin altında kalan gösterge", "gosterge_altinda", "");
  rate_card(work, "Amaçların ortalama gerçekleşme düzeyi", "amac_ortalama_duzey");
  if (money.empty() && work.empty()) return;
  // A spread: the money on a verso, the resources and performance on the recto facing it (in
  // print the first page opens a verso; in a web PDF the two pages follow each other).
  doc::Heading heading = make_heading(1, "", year + " Yılı Rakamlarla", "rakamlarla", true);
  heading.props["break"] = "verso";
  out.emplace_back(std::move(heading));
  out.emplace_back(paragraph({span("İdaremizin " + year +
                                   " yılı bütçesi, kaynakları ve performansı, ayrıntılı tablolardan önce bir bakışta.")}));
  if (!money.empty()) out.emplace_back(cards("grafik-rakamlar-mali", "Bütçe ve Gelir", money));
  // The make-up of the year's spending and of its revenue by level-I economic code.
  if (const Table* spending = c.data.find("butce_gider_ozet")) {
    doc::Chart chart = make_up_by_code(c, *spending, "grafik-rakamlar-harcama",
                                       "Harcamaların Ekonomik Sınıflandırmaya Göre Dağılımı (Milyon TL)", "harcama",
                                       "Harcama");
    if (!chart.categories.empty()) out.emplace_back(std::move(chart));
  }
  if (const Table* revenue = c.data.find("butce_gelir_ozet")) {
    doc::Chart chart = make_up_by_code(c, *revenue, "grafik-rakamlar-gelir",
                                       "Gelir Tahsilatının Ekonomik Sınıflandırmaya Göre Dağılımı (Brüt, Milyon TL)",
                                       "tahsilat", "Tahsilat");
    if (!chart.categories.empty()) out.emplace_back(std::move(chart));
  }
  // The recto's title as the verso's (style h1, the chapter's drop), so that the two pages'
  // cards stand on one line; a level-2 heading, not in the contents.
  doc::Heading facing = make_heading(2, "", "Kaynaklar ve Performans", "rakamlarla-performans", true);
  facing.props["break"] = "page";
  facing.style = "h1";
  facing.in_toc = false;
  out.emplace_back(std::move(facing));
  out.emplace_back(paragraph({span("Personel, faaliyet ve projeler ile stratejik planın amaç ve göstergelerinde " + year +
                                   " yılında ulaşılan düzey.")}));
  if (!work.empty()) out.emplace_back(cards("grafik-rakamlar-performans", "Personel, Faaliyetler ve Göstergeler", work));
  // The filled posts by status (the administration's; company staff hold none).
  if (const Table* staff = c.data.find("personel_ozet")) {
    doc::Chart chart = spread_chart("grafik-rakamlar-personel", doc::ChartKind::donut,
                                    "Dolu Kadroların İstihdam Türüne Göre Dağılımı (Kişi)", "Dolu kadro");
    chart.series[0].format.fraction_digits = 0;  // people: the total in the middle without decimals
    for (std::size_t r = 0; r < staff->row_count(); ++r) {
      const std::string status = text_of(staff->at(r, "statu"));
      if (!c.is_report_year(*staff, r) || status == "TOPLAM" || status == "sirket") continue;
      auto filled = integer_of(staff->at(r, "dolu"));
      if (!filled || *filled <= 0) continue;
      chart.categories.push_back(staff_status_name(status));
      chart.series[0].values.push_back(Value(*filled));
    }
    if (!chart.categories.empty()) out.emplace_back(std::move(chart));
  }
  // Each amaç's achievement level, side by side (the amaç pages show their goals one by one).
  if (const Table* aims = c.data.find("amac_sonuc")) {
    doc::Chart chart = spread_chart("grafik-rakamlar-amac", doc::ChartKind::bar, "Amaçların Gerçekleşme Düzeyi (%)",
                                    "Gerçekleşme düzeyi (%)");
    chart.value_axis.format.percent = true;
    chart.show_values = true;
    chart.series[0].format.percent = true;
    for (std::size_t r = 0; r < aims->row_count(); ++r) {
      if (!c.is_report_year(*aims, r)) continue;
      chart.categories.push_back(text_of(aims->at(r, "amac_kod")));
      chart.series[0].values.push_back(aims->at(r, "gerceklesme_duzeyi"));
    }
    if (!chart.categories.empty()) out.emplace_back(std::move(chart));
  }
}

void add_aims_at_a_glance(const Composer& c, Blocks& out) {
  const Table* aims = c.data.find("amac");
  const Table* goals = c.data.find("hedef_sonuc");
  const Table* indicators = c.data.find("gosterge_sonuc");
  const Table* names = c.data.find("gosterge");
  const Table* goal_names = c.data.find("hedef");
  if (aims == nullptr || goals == nullptr || indicators == nullptr) return;
  std::map<std::string, std::string> indicator_name, goal_name;
  if (names != nullptr) {
    for (std::size_t r = 0; r < names->row_count(); ++r)
      indicator_name[text_of(names->at(r, "kod"))] = text_of(optional_at(*names, r, "ad"));
  }
  if (goal_names != nullptr) {
    for (std::size_t r = 0; r < goal_names->row_count(); ++r)
      goal_name[text_of(goal_names->at(r, "kod"))] = text_of(optional_at(*goal_names, r, "ad"));
  }
  std::map<std::string, std::optional<Decimal>> aim_level;
  if (const Table* levels = c.data.find("amac_sonuc")) {
    for (std::size_t r = 0; r < levels->row_count(); ++r) {
      if (c.is_report_year(*levels, r))
        aim_level[text_of(levels->at(r, "amac_kod"))] = decimal_of(levels->at(r, "gerceklesme_duzeyi"));
    }
  }
  for (std::size_t a = 0; a < aims->row_count(); ++a) {
    const std::string aim = text_of(aims->at(a, "kod"));
    // The amaç's text (the standard schema's amac.metin; a short name `ad` where a dataset has one).
    std::string name = text_of(optional_at(*aims, a, "ad"));
    if (name.empty()) name = text_of(optional_at(*aims, a, "metin"));
    doc::Heading heading = make_heading(3, aim + ":", name, "bakista-" + anchor_of(aim));
    // A page of its own; the first follows the section heading above it on that heading's page.
    if (a > 0) heading.props["break"] = "page";
    heading.in_toc = false;
    out.emplace_back(std::move(heading));
    // The goals: achievement level against 100 (baseline 0), so the bar is the level itself.
    doc::Chart goal_chart = bullet_chart("grafik-bakista-hedef-" + anchor_of(aim),
                                         aim + " Hedeflerinin Gerçekleşme Düzeyi", "Gerçekleşme düzeyi");
    std::vector<std::string> goal_codes;
    for (std::size_t g = 0; g < goals->row_count(); ++g) {
      if (!c.is_report_year(*goals, g) || text_of(goals->at(g, "amac_kod")) != aim) continue;
      goal_codes.push_back(text_of(goals->at(g, "hedef_kod")));
      add_bullet_row(goal_chart, goal_codes.back(), goal_name, Value(Decimal::from_int(0)),
                     Value(Decimal::from_int(100)), goals->at(g, "gerceklesme_duzeyi"));
    }
    const auto aim_rate = aim_level.find(aim);
    doc::Paragraph intro = paragraph({span(aim + " amacının " + format_integer_tr(c.year, false) + " yılı gerçekleşme düzeyi " +
                                     (aim_rate != aim_level.end() && aim_rate->second
                                          ? format_percent_tr(*aim_rate->second, 2)
                                          : std::string("–")) +
                                     "; " + format_integer_tr(static_cast<int64_t>(goal_codes.size())) +
                                     " hedefin düzeyi ve göstergelerinin başlangıç, hedef ve gerçekleşme değerleri "
                                     "aşağıda, ayrıntılı tablolar Performans Sonuçları Tablosundadır.")});
    intro.keep_with_next = true;  // the heading, this line and the first chart go together
    out.emplace_back(std::move(intro));
    if (goal_chart.categories.empty()) continue;
    out.emplace_back(std::move(goal_chart));
    // The indicators of those goals on their own scales.
    doc::Chart indicator_chart = bullet_chart("grafik-bakista-gosterge-" + anchor_of(aim),
                                              aim + " Göstergeleri: Başlangıç, Hedef ve Gerçekleşme", "Gerçekleşme");
    for (std::size_t r = 0; r < indicators->row_count(); ++r) {
      if (!c.is_report_year(*indicators, r)) continue;
      const std::string goal = text_of(indicators->at(r, "hedef_kod"));
      if (std::find(goal_codes.begin(), goal_codes.end(), goal) == goal_codes.end()) continue;
      add_bullet_row(indicator_chart, text_of(indicators->at(r, "gosterge_kod")), indicator_name,
                     indicators->at(r, "baslangic_degeri"), indicators->at(r, "hedef_deger"),
                     indicators->at(r, "gerceklesme"));
    }
    if (indicator_chart.categories.empty()) continue;
    out.emplace_back(std::move(indicator_chart));
  }
}

}  // namespace dizgi::faaliyet
