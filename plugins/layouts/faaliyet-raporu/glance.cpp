// The year at a glance, before the detailed tables: the key figures ("2025 Yılı Rakamlarla":
// budget, revenue, staff, activities, goal achievement as cards) and a page per amaç (its goals'
// achievement and its indicators as bullet charts). Every figure is read from the tables the
// host derives (butce_gider_ozet, butce_gelir_ozet, personel_ozet, amac_sonuc, hedef_sonuc,
// gosterge_sonuc), never computed again here.
#include "composer.hpp"

#include <dizgi/model/format.hpp>

#include <algorithm>
#include <map>

namespace dizgi::faaliyet {

namespace {

// "64,92 milyar TL" / "812,4 milyon TL" from an exact amount in TL.
std::string large_amount(const Decimal& amount) {
  const Decimal billion = Decimal::from_int(1000000000), million = Decimal::from_int(1000000);
  if (!(amount < billion)) return format_decimal_tr(divide(amount, billion, 2), 2) + " milyar TL";
  return format_decimal_tr(divide(amount, million, 1), 1) + " milyon TL";
}

// The row of the report year whose `column` is "TOPLAM", else nullopt.
std::optional<std::size_t> total_row(const Composer& c, const Table& table, const std::string& column) {
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    if (c.is_report_year(table, r) && text_of(optional_at(table, r, column)) == "TOPLAM") return r;
  }
  return std::nullopt;
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

}  // namespace

void add_key_figures(const Composer& c, Blocks& out) {
  const std::string year = format_integer_tr(c.year, false);
  std::vector<Card> money, work;
  if (const Table* spending = c.data.find("butce_gider_ozet")) {
    if (auto r = total_row(c, *spending, "ekonomik_kod")) {
      money.push_back({"Yıl sonu ödeneği", large_amount(amount_of(spending->at(*r, "yil_sonu_odenegi")))});
      money.push_back({"Bütçe gideri (harcama)", large_amount(amount_of(spending->at(*r, "harcama")))});
      if (auto rate = decimal_of(spending->at(*r, "gerceklesme_orani")))
        money.push_back({"Gider bütçesi gerçekleşme oranı", format_percent_tr(*rate, 2)});
    }
  }
  if (const Table* revenue = c.data.find("butce_gelir_ozet")) {
    if (auto r = total_row(c, *revenue, "ekonomik_kod")) {
      const Decimal net = amount_of(revenue->at(*r, "tahsilat")) - amount_of(revenue->at(*r, "red_iade"));
      money.push_back({"Net gelir tahsilatı", large_amount(net)});
    }
  }
  if (const Table* staff = c.data.find("personel_ozet")) {
    int64_t people = 0;
    for (std::size_t r = 0; r < staff->row_count(); ++r) {
      if (c.is_report_year(*staff, r) && text_of(optional_at(*staff, r, "statu")) != "TOPLAM")
        people += integer_of(staff->at(r, "dolu")).value_or(0);
    }
    if (people > 0) work.push_back({"Personel (dolu kadro)", format_integer_tr(people) + " kişi"});
  }
  if (const Table* activities = c.data.find("faaliyet")) {
    std::size_t count = 0;
    for (std::size_t r = 0; r < activities->row_count(); ++r) count += c.is_report_year(*activities, r) ? 1 : 0;
    if (count > 0) work.push_back({"Faaliyet ve proje", format_integer_tr(static_cast<int64_t>(count))});
  }
  if (const Table* indicators = c.data.find("gosterge_sonuc")) {
    std::size_t count = 0, met = 0;
    for (std::size_t r = 0; r < indicators->row_count(); ++r) {
      if (!c.is_report_year(*indicators, r)) continue;
      ++count;
      auto rate = decimal_of(indicators->at(r, "gerceklesme_orani"));
      if (rate && !(*rate < Decimal::from_int(100))) ++met;
    }
    if (count > 0)
      work.push_back({"Hedefine ulaşan gösterge", format_integer_tr(static_cast<int64_t>(met)) + " / " +
                                                      format_integer_tr(static_cast<int64_t>(count))});
  }
  if (const Table* aims = c.data.find("amac_sonuc")) {
    Decimal sum{};
    int64_t count = 0;
    for (std::size_t r = 0; r < aims->row_count(); ++r) {
      if (!c.is_report_year(*aims, r)) continue;
      if (auto level = decimal_of(aims->at(r, "gerceklesme_duzeyi"))) {
        sum = sum + *level;
        ++count;
      }
    }
    if (count > 0)
      work.push_back({"Amaçların ortalama gerçekleşme düzeyi",
                      format_percent_tr(divide(sum, Decimal::from_int(count), 2), 2)});
  }
  if (money.empty() && work.empty()) return;
  // A spread: the money on a verso, the resources and performance on the recto facing it (in
  // print the first page opens a verso; in a web PDF the two pages follow each other).
  doc::Heading heading = make_heading(1, "", year + " Yılı Rakamlarla", "rakamlarla", true);
  heading.props["break"] = "verso";
  out.emplace_back(std::move(heading));
  out.emplace_back(paragraph({span("İdaremizin " + year +
                                   " yılı bütçesi, kaynakları ve performansı, ayrıntılı tablolardan önce bir bakışta.")}));
  if (!money.empty()) out.emplace_back(cards("grafik-rakamlar-mali", "Bütçe ve Gelir", money));
  // The make-up of the year's spending by level-I economic code.
  if (const Table* spending = c.data.find("butce_gider_ozet")) {
    doc::Chart chart = spread_chart("grafik-rakamlar-harcama", doc::ChartKind::donut,
                                    "Harcamaların Ekonomik Sınıflandırmaya Göre Dağılımı (Milyon TL)", "Harcama");
    chart.series[0].format.scale_power = 6;  // the total in the middle, in millions
    chart.series[0].format.fraction_digits = 0;
    for (std::size_t r = 0; r < spending->row_count(); ++r) {
      if (!c.is_report_year(*spending, r) || text_of(spending->at(r, "ekonomik_kod")) == "TOPLAM") continue;
      const Decimal amount = amount_of(spending->at(r, "harcama"));
      if (!(Decimal{} < amount)) continue;
      chart.categories.push_back(text_of(optional_at(*spending, r, "ad")));
      chart.series[0].values.push_back(Value(amount));
    }
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
