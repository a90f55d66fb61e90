// ilerleme-raporu: a monthly progress brief (İlerleme Raporu) of a few pages for the strategy
// office: the month in key figures, a bullet chart per indicator of one amaç (baseline, target
// and the latest value), the projects behind their schedule with the units' reasons, and the
// month's spending against the plan.
//
// Written from `dizgi new-layout ilerleme-raporu` by following docs/plugin-guide.md §0. It reads
// the standard schema (amac, hedef, gosterge, faaliyet, birim and the derived gosterge_sonuc and
// butce_gider_ozet tables) and two monthly tables the book describes itself (columns=):
// `aylik_harcama` (ay, planlanan, gerceklesen) and `proje_ilerleme` (faaliyet_kod, tarih,
// planlanan, gerceklesen, aciklama). Parameters: `yil` (the year), `amac` (default A1), `logo`.
#include <dizgi/model/collate.hpp>
#include <dizgi/model/format.hpp>
#include <dizgi/sdk/files.hpp>
#include <dizgi/sdk/plugin.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace dizgi;

const char* const month_names[] = {"Ocak",  "Şubat",  "Mart",   "Nisan",  "Mayıs",  "Haziran",
                                   "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"};

std::string param(const LayoutContext& context, const std::string& name, const std::string& fallback) {
  auto found = context.params.find(name);
  return found == context.params.end() || found->second.empty() ? fallback : found->second;
}

std::string text_of(const Value& value) {
  return std::holds_alternative<std::string>(value) ? std::get<std::string>(value) : std::string();
}

std::optional<Decimal> decimal_of(const Value& value) {
  if (std::holds_alternative<Decimal>(value)) return std::get<Decimal>(value);
  if (std::holds_alternative<int64_t>(value)) return Decimal{std::get<int64_t>(value), 0};
  return std::nullopt;
}

doc::Origin origin_of(const Table& table, const std::string& what) {
  doc::Origin origin;
  origin.file = table.source;
  origin.where = "table '" + table.name() + "'";
  origin.what = what;
  return origin;
}

doc::Heading heading(int level, const std::string& text, bool chapter_opener = false) {
  doc::Heading h;
  h.level = level;
  h.content.push_back(doc::text_span(text));
  h.chapter_opener = chapter_opener;
  return h;
}

doc::Paragraph note(const std::string& text) {
  doc::Paragraph p;
  p.style = "table-note";
  p.content.push_back(doc::text_span(text));
  return p;
}

void add_text(const LayoutContext& context, const std::string& id, std::vector<doc::Block>& out) {
  auto text = context.texts.find(id);
  if (text == context.texts.end()) {
    context.sink->warn("layout.missing-text", Location{context.base_dir, 0, 0, "ilerleme-raporu"},
                       "the book has no text '" + id + "'", "add <text id=\"" + id + "\" file=\"...\"/> to book.xml");
    return;
  }
  auto file = context.text_files.find(id);
  for (doc::Block& block : parse_markup(text->second, "body", file == context.text_files.end() ? "" : file->second))
    out.push_back(std::move(block));
}

// The brief's date: the latest `tarih` of proje_ilerleme (every row of one brief has the same).
Date report_date(const Table& progress) {
  Date latest;
  for (std::size_t r = 0; r < progress.row_count(); ++r) {
    const Value& value = progress.at(r, "tarih");
    if (std::holds_alternative<Date>(value)) latest = std::max(latest, std::get<Date>(value));
  }
  if (latest.year == 0)
    throw Error(ErrorCode::data, Location{progress.source, 0, 0, "table 'proje_ilerleme'"},
                "no row has a date (tarih): the brief's month is unknown");
  return latest;
}

// Key figures: the year's initial appropriation (derived butce_gider_ozet), spending up to the
// brief's month (aylik_harcama), and how many projects are behind their schedule.
doc::Chart key_figures(const Dataset& data, int year, const Table& monthly, int month, std::size_t late, std::size_t projects) {
  doc::Chart chart;
  chart.kind = doc::ChartKind::key_figures;
  chart.id = "ayin-rakamlari";
  chart.caption = "Ayın Rakamları";
  doc::ChartSeries figures;
  auto card = [&](const std::string& label, Value value, std::string text) {
    chart.categories.push_back(label);
    figures.values.push_back(std::move(value));
    figures.labels.push_back(std::move(text));
  };
  auto billions = [](const Decimal& amount) {
    return format_decimal_tr(divide(amount, Decimal{1000000000, 0}, 1), 1) + " milyar TL";
  };
  const Table& budget = data.table("butce_gider_ozet");
  for (std::size_t r = 0; r < budget.row_count(); ++r) {
    if (text_of(budget.at(r, "ekonomik_kod")) != "TOPLAM") continue;
    if (const Value& y = budget.at(r, "yil"); !std::holds_alternative<int64_t>(y) || std::get<int64_t>(y) != year) continue;
    if (auto amount = decimal_of(budget.at(r, "baslangic_odenegi"))) card("Başlangıç ödeneği", *amount, billions(*amount));
  }
  Decimal spent{0, 2};
  for (std::size_t r = 0; r < monthly.row_count(); ++r) {
    auto m = std::get<int64_t>(monthly.at(r, "ay"));
    if (m > month) continue;
    if (auto amount = decimal_of(monthly.at(r, "gerceklesen"))) spent = spent + *amount;
  }
  card(std::string(month_names[month - 1]) + " sonuna kadar harcama", spent, billions(spent));
  card("Takvimin gerisindeki proje", static_cast<int64_t>(late),
       std::to_string(late) + " / " + std::to_string(projects));
  figures.name = "Ayın rakamları";
  chart.series.push_back(std::move(figures));
  return chart;
}

// One bullet chart per hedef of the amaç: each indicator's baseline (A), target (B) and the
// latest value of the year (the six-month value while the year runs).
std::vector<doc::Block> goal_bullets(const Dataset& data, const std::string& amac, int year) {
  std::vector<doc::Block> out;
  const Table& goals = data.table("hedef");
  const Table& indicators = data.table("gosterge");
  const Table& results = data.table("gosterge_sonuc");
  std::map<std::string, std::size_t> result_row;
  for (std::size_t r = 0; r < results.row_count(); ++r) {
    const Value& y = results.at(r, "yil");
    if (std::holds_alternative<int64_t>(y) && std::get<int64_t>(y) == year) result_row[text_of(results.at(r, "gosterge_kod"))] = r;
  }
  std::vector<std::string> goal_codes;
  std::map<std::string, std::string> goal_text;
  for (std::size_t r = 0; r < goals.row_count(); ++r) {
    if (text_of(goals.at(r, "amac_kod")) != amac) continue;
    goal_codes.push_back(text_of(goals.at(r, "kod")));
    goal_text[goal_codes.back()] = text_of(goals.at(r, "metin"));
  }
  std::sort(goal_codes.begin(), goal_codes.end(), NaturalLess{});
  for (const std::string& goal : goal_codes) {
    doc::Chart chart;
    chart.kind = doc::ChartKind::bullet;
    chart.id = "gosterge-" + goal;
    chart.caption = goal + " " + goal_text[goal];
    chart.origin = origin_of(indicators, "hedef " + goal);
    chart.keep_together = true;
    doc::ChartSeries a, b, c;
    a.name = "Başlangıç (A)";
    b.name = "Hedef (B)";
    c.name = "Haziran (C)";
    for (std::size_t r = 0; r < indicators.row_count(); ++r) {
      if (text_of(indicators.at(r, "hedef_kod")) != goal) continue;
      const std::string code = text_of(indicators.at(r, "kod"));
      auto found = result_row.find(code);
      if (found == result_row.end()) continue;
      chart.categories.push_back(code + " " + text_of(indicators.at(r, "ad")) + " (" +
                                 text_of(indicators.at(r, "olcu_birimi")) + ")");
      a.values.push_back(results.at(found->second, "baslangic_degeri"));
      b.values.push_back(results.at(found->second, "hedef_deger"));
      c.values.push_back(results.at(found->second, "alti_ay_deger"));
    }
    if (chart.categories.empty()) continue;
    chart.series = {a, b, c};
    out.emplace_back(std::move(chart));
  }
  return out;
}

struct Project {
  std::string code, name, unit;
  Decimal planned, actual;
  std::string reason;
};

// The projects whose progress at the brief's date is behind the plan, in code order.
std::vector<Project> late_projects(const Dataset& data, const Table& progress, std::size_t& reported) {
  const Table& activities = data.table("faaliyet");
  std::map<std::string, std::size_t> activity_row;
  for (std::size_t r = 0; r < activities.row_count(); ++r) activity_row[text_of(activities.at(r, "kod"))] = r;
  std::map<int64_t, std::string> units;
  const Table& birim = data.table("birim");
  for (std::size_t r = 0; r < birim.row_count(); ++r)
    if (std::holds_alternative<int64_t>(birim.at(r, "id"))) units[std::get<int64_t>(birim.at(r, "id"))] = text_of(birim.at(r, "ad"));
  std::vector<Project> late;
  reported = progress.row_count();
  for (std::size_t r = 0; r < progress.row_count(); ++r) {
    const std::string code = text_of(progress.at(r, "faaliyet_kod"));
    auto activity = activity_row.find(code);
    if (activity == activity_row.end())
      throw Error(ErrorCode::data, Location{progress.source, static_cast<uint32_t>(r + 2), 0, "table 'proje_ilerleme'"},
                  "no activity '" + code + "' in the table 'faaliyet'", "use an activity code of the plan (P1.1.2, ...)");
    auto planned = decimal_of(progress.at(r, "planlanan"));
    auto actual = decimal_of(progress.at(r, "gerceklesen"));
    if (!planned || !actual || !(*actual < *planned)) continue;
    Project p;
    p.code = code;
    p.name = text_of(activities.at(activity->second, "ad"));
    const Value& unit = activities.at(activity->second, "sorumlu_birim_id");
    if (std::holds_alternative<int64_t>(unit)) p.unit = units[std::get<int64_t>(unit)];
    p.planned = *planned;
    p.actual = *actual;
    p.reason = text_of(progress.at(r, "aciklama"));
    late.push_back(std::move(p));
  }
  std::sort(late.begin(), late.end(), [](const Project& x, const Project& y) { return natural_less(x.code, y.code); });
  return late;
}

doc::Table late_table(const std::vector<Project>& late, const Table& progress, const Date& date) {
  doc::Table table;
  table.id = "geciken-projeler";
  table.caption = "Takvimin Gerisindeki Projeler (" + format_date_tr(date) + ")";
  table.note = "Planlanan ve gerçekleşen: fiziki ilerleme, yüzde.";
  table.origin = origin_of(progress, "Tablo: Takvimin Gerisindeki Projeler");
  table.columns = {{"auto", doc::Align::start}, {"3fr", doc::Align::start}, {"2fr", doc::Align::start},
                   {"auto", doc::Align::decimal}, {"auto", doc::Align::decimal}, {"4fr", doc::Align::start}};
  table.header.push_back({{doc::TableCell("Kod"), doc::TableCell("Proje"), doc::TableCell("Sorumlu Birim"),
                           doc::TableCell("Planlanan (%)", doc::Align::end), doc::TableCell("Gerçekleşen (%)", doc::Align::end),
                           doc::TableCell("Gecikme Nedeni")}});
  doc::NumberFormat percent;
  percent.fraction_digits = 1;
  for (const Project& p : late) {
    doc::TableRow row;
    row.cells = {doc::TableCell(p.code), doc::TableCell(p.name), doc::TableCell(p.unit),
                 doc::TableCell::typed(p.planned, percent), doc::TableCell::typed(p.actual, percent),
                 p.reason.empty() ? doc::TableCell::null() : doc::TableCell(p.reason)};
    table.body.push_back(std::move(row));
  }
  table.keep_whole_rows = 12;
  return table;
}

// The months up to the brief's: plan and realisation, with the period's totals.
std::vector<doc::Block> spending(const Table& monthly, int month) {
  doc::Table table;
  table.id = "aylik-harcama";
  table.caption = "Aylık Harcamalar ve Plan";
  table.note = "(Milyon TL)";
  table.origin = origin_of(monthly, "Tablo: Aylık Harcamalar ve Plan");
  table.columns = {{"auto", doc::Align::start},
                   {"auto", doc::Align::decimal, doc::Aggregate::sum},
                   {"auto", doc::Align::decimal, doc::Aggregate::sum}};
  table.header.push_back({{doc::TableCell("Ay"), doc::TableCell("Planlanan", doc::Align::end),
                           doc::TableCell("Gerçekleşen", doc::Align::end)}});
  doc::NumberFormat millions;
  millions.scale_power = 6;
  millions.fraction_digits = 1;
  doc::Chart chart;
  chart.kind = doc::ChartKind::bar;
  chart.id = "aylik-harcama-grafik";
  chart.caption = "Aylık Harcamalar ve Plan";
  chart.origin = table.origin;
  chart.value_axis.scale_note = "Milyar TL";
  chart.value_axis.format.fraction_digits = 1;
  doc::ChartSeries plan, real;
  plan.name = "Planlanan";
  real.name = "Gerçekleşen";
  Decimal plan_total{0, 2}, real_total{0, 2};
  bool real_complete = true;
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < monthly.row_count(); ++r)
    if (std::get<int64_t>(monthly.at(r, "ay")) <= month) rows.push_back(r);
  std::sort(rows.begin(), rows.end(), [&](std::size_t x, std::size_t y) {
    return std::get<int64_t>(monthly.at(x, "ay")) < std::get<int64_t>(monthly.at(y, "ay"));
  });
  for (std::size_t r : rows) {
    const int64_t m = std::get<int64_t>(monthly.at(r, "ay"));
    if (m < 1 || m > 12)
      throw Error(ErrorCode::data, Location{monthly.source, static_cast<uint32_t>(r + 2), 0, "column 'ay'"},
                  "month " + std::to_string(m) + " is not 1 to 12");
    const Value& planned = monthly.at(r, "planlanan");
    const Value& actual = monthly.at(r, "gerceklesen");
    table.body.push_back({{doc::TableCell(month_names[m - 1]), doc::TableCell::typed(planned, millions),
                           doc::TableCell::typed(actual, millions)}});
    chart.categories.push_back(month_names[m - 1]);
    auto in_billions = [](const Value& v) -> Value {
      auto d = decimal_of(v);
      if (!d) return std::monostate{};
      return divide(*d, Decimal{1000000000, 0}, 2);
    };
    plan.values.push_back(in_billions(planned));
    real.values.push_back(in_billions(actual));
    plan_total = plan_total + *decimal_of(planned);
    if (auto d = decimal_of(actual)) real_total = real_total + *d;
    else real_complete = false;
  }
  doc::TableRow total;
  total.kind = doc::RowKind::total;
  total.cells = {doc::TableCell("Toplam"), doc::TableCell::typed(plan_total, millions),
                 real_complete ? doc::TableCell::typed(real_total, millions) : doc::TableCell::null()};
  table.footer.push_back(std::move(total));
  chart.series = {plan, real};
  std::vector<doc::Block> out;
  out.emplace_back(std::move(table));
  out.emplace_back(std::move(chart));
  return out;
}

class Layout final : public dizgi::Layout {
 public:
  doc::Document compose(const LayoutContext& context) override {
    const Dataset& data = *context.data;
    // The parameter `yil` (the year the host derived its tables for), else the book's year.
    const int year = std::atoi(param(context, "yil", std::to_string(context.metadata.year)).c_str());
    if (year < 1900 || year > 2200)
      throw Error(ErrorCode::project, Location{context.base_dir, 0, 0, "<layout> parameter 'yil'"},
                  "no report year: '" + param(context, "yil", "") + "'", "give <param name=\"yil\" value=\"2025\"/>");
    const std::string amac = param(context, "amac", "A1");
    const Table& monthly = data.table("aylik_harcama");
    const Table& progress = data.table("proje_ilerleme");
    const Date date = report_date(progress);
    const int month = date.month;

    doc::Document document;
    document.metadata = context.metadata;
    doc::Section front;
    front.matter = doc::Matter::front;
    // The family's cover (the engine draws it): the period large, the kind of report, the
    // accent of the progress briefs; the back cover with the administration's contact lines.
    doc::Cover cover;
    cover.title = "İlerleme Raporu";
    cover.subtitle = context.metadata.subject;
    cover.organisation = context.metadata.author;
    cover.year = std::string(month_names[month - 1]) + " " + std::to_string(year);
    if (const std::string logo = param(context, "logo", ""); !logo.empty())
      cover.logo = resolve_project_path(context, logo).path.string();
    cover.props["accent"] = param(context, "kapak_rengi", "white");
    doc::Cover back_cover = cover;
    back_cover.title = context.metadata.title;
    back_cover.subtitle.clear();
    back_cover.year.clear();
    back_cover.props["side"] = "back";
    if (const Table* idare = data.find("idare"); idare != nullptr && idare->row_count() > 0) {
      const std::pair<const char*, const char*> lines[] = {{"adres", "address"}, {"telefon", "phone"}, {"eposta", "email"}, {"web", "web"}};
      for (const auto& [column, key] : lines) {
        if (idare->column_index(column) < 0) continue;
        std::string value = text_of(idare->at(0, column));
        if (value.rfind("https://", 0) == 0) value.erase(0, 8);
        if (!value.empty()) back_cover.props[key] = std::string(key) == "phone" ? "Telefon: " + value : value;
      }
      if (auto web = back_cover.props.find("web"); web != back_cover.props.end()) cover.props["web"] = web->second;
    }
    front.blocks.emplace_back(std::move(cover));
    document.sections.push_back(std::move(front));

    doc::Section body;
    std::size_t reported = 0;
    const std::vector<Project> late = late_projects(data, progress, reported);
    body.blocks.push_back(heading(1, std::string(month_names[month - 1]) + " " + std::to_string(year) + " Özeti", true));
    add_text(context, "ozet", body.blocks);
    body.blocks.emplace_back(key_figures(data, year, monthly, month, late.size(), reported));

    std::string amac_text;
    const Table& goals = data.table("amac");
    for (std::size_t r = 0; r < goals.row_count(); ++r)
      if (text_of(goals.at(r, "kod")) == amac) amac_text = text_of(goals.at(r, "metin"));
    if (amac_text.empty())
      throw Error(ErrorCode::project, Location{context.base_dir, 0, 0, "<layout> parameter 'amac'"},
                  "no amaç '" + amac + "' in the table 'amac'", "name an amaç code of the plan: A1, A2, ...");
    // A brief of a few pages: one chapter, its parts as sections (a level-1 heading would open
    // a right-hand page in the family's template).
    body.blocks.push_back(heading(2, amac + " Göstergeleri"));
    doc::Paragraph lead;
    lead.style = "lead";
    lead.content.push_back(doc::text_span(amac + ": " + amac_text + ". Her gösterge kendi ölçeğinde: başlangıç "
                                          "değeri (A) bant, hedef (B) çizgi, " + month_names[month - 1] +
                                          " sonundaki değer (C) çubuk olarak gösterilir."));
    body.blocks.emplace_back(std::move(lead));
    for (doc::Block& block : goal_bullets(data, amac, year)) body.blocks.push_back(std::move(block));

    body.blocks.push_back(heading(2, "Takvimin Gerisindeki Projeler"));
    if (late.empty()) {
      doc::Paragraph none;
      none.content.push_back(doc::text_span("Bu dönemde takvimin gerisinde kalan proje yoktur."));
      body.blocks.emplace_back(std::move(none));
    } else {
      body.blocks.emplace_back(late_table(late, progress, date));
    }
    body.blocks.push_back(heading(2, "Aylık Harcamalar"));
    add_text(context, "harcama", body.blocks);
    for (doc::Block& block : spending(monthly, month)) body.blocks.push_back(std::move(block));
    body.blocks.emplace_back(std::move(back_cover));
    document.sections.push_back(std::move(body));
    return document;
  }
};

dizgi::Layout* make_layout() { return new Layout; }

void register_layout(Registry& registry) {
  ComponentInfo info{};
  info.kind = ComponentKind::layout;
  info.id = "ilerleme-raporu";
  info.description = "monthly progress brief: key figures, indicator bullets, late projects, spending against plan";
  info.create_layout = make_layout;
  registry.add_component(info, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("ilerleme-raporu", "layout", "0.1.0", register_layout)
