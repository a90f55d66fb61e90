// I Hazırlık Süreci (the planning team and the preparation programme as a Gantt chart) and
// II Durum Analizi (domain §1.1, §2.4): previous plan, legislation, higher policy documents,
// fields of activity, stakeholders (the influence/importance matrix, the stakeholder × service
// matrix, survey results), internal analysis, PESTLE, GZFT, findings and needs.
#include "stratejik_plan.hpp"

#include <dizgi/model/format.hpp>

#include <algorithm>
#include <map>
#include <sstream>

namespace dizgi::plan {

using namespace faaliyet;

namespace {

std::string name_of(const std::map<std::string, std::string>& names, const std::string& code) {
  auto it = names.find(code);
  return it == names.end() ? code : it->second;
}

// One table from `rows` of a data table: a header cell and a column name per column.
struct Column {
  const char* header;
  const char* column;
  const char* width;
};

void add_listing(const Composer& c, Blocks& out, const std::string& table_name, const std::string& id,
                 const std::string& caption, const std::vector<Column>& columns, const std::string& section) {
  const Table* table = c.optional_table(table_name, section);
  if (table == nullptr || table->row_count() == 0) {
    out.emplace_back(Composer::placeholder(caption + " için veri bulunamadı (tablo: " + table_name + ")."));
    return;
  }
  doc::Table t;
  t.id = id;
  t.caption = caption;
  doc::TableRow head;
  for (const Column& column : columns) {
    t.columns.push_back({column.width, doc::Align::start});
    head.cells.push_back(header_cell(column.header));
  }
  t.header.push_back(std::move(head));
  for (std::size_t r : books::rows_by(*table, "sira")) {
    doc::TableRow row;
    for (const Column& column : columns) row.cells.push_back(cell(text_of(optional_at(*table, r, column.column))));
    t.body.push_back(std::move(row));
  }
  out.emplace_back(std::move(t));
}

void add_team(const Composer& c, Blocks& out, const Table& team, const std::string& group, const std::string& id,
              const std::string& caption) {
  doc::Table t;
  t.id = id;
  t.caption = caption;
  t.columns = {{"30%", doc::Align::start}, {"30%", doc::Align::start}, {"40%", doc::Align::start}};
  t.header.push_back({header_cell("Adı Soyadı"), header_cell("Unvanı"), header_cell("Birimi")});
  for (std::size_t r : books::rows_by(team, "sira")) {
    if (text_of(team.at(r, "grup")) != group) continue;
    t.body.push_back({cell(text_of(team.at(r, "ad_soyad"))), cell(text_of(optional_at(team, r, "unvan"))),
                      cell(books::unit_name(c, optional_at(team, r, "birim_id")))});
  }
  if (!t.body.empty()) out.emplace_back(std::move(t));
}

const std::map<std::string, std::string>& level_names() {
  static const std::map<std::string, std::string> names = {{"zayif", "Zayıf"}, {"orta", "Orta"}, {"guclu", "Güçlü"}};
  return names;
}

void add_stakeholders(const Composer& c, Blocks& out) {
  const Table* table = c.optional_table("paydas", "II-F Paydaş Analizi");
  if (table == nullptr || table->row_count() == 0) {
    out.emplace_back(Composer::placeholder("Paydaş analizi için veri bulunamadı (tablo: paydas)."));
    return;
  }
  static const std::map<std::string, std::string> kinds = {{"temel_ortak", "Temel ortak"},
                                                           {"stratejik_ortak", "Stratejik ortak"},
                                                           {"tedarikci", "Tedarikçi"},
                                                           {"hizmet_alan", "Hizmet alan"}};
  static const std::map<std::string, std::string> priorities = {{"izle", "İzle"},
                                                                {"bilgilendir", "Bilgilendir"},
                                                                {"cikarlarini_gozet", "Çıkarlarını gözet"},
                                                                {"birlikte_calis", "Birlikte çalış"}};
  doc::Table t;
  t.id = "tablo-paydaslar";
  t.caption = "Paydaşların Tespiti ve Önceliklendirilmesi";
  t.columns = {{"30%", doc::Align::start}, {"10%", doc::Align::start}, {"16%", doc::Align::start},
               {"10%", doc::Align::start}, {"10%", doc::Align::start}, {"24%", doc::Align::start}};
  t.header.push_back({header_cell("Paydaş"), header_cell("İç/Dış"), header_cell("Türü"), header_cell("Etki"),
                      header_cell("Önem"), header_cell("Öncelik / Strateji")});
  // The influence/importance matrix: levels on a 0–4 scale split at 2, so only "güçlü" lies in
  // the upper half, as the priorities read them (birlikte çalış = both güçlü).
  // Positions in hundredths.
  static const std::map<std::string, int64_t> position = {{"zayif", 80}, {"orta", 160}, {"guclu", 320}};
  doc::Chart matrix;
  matrix.id = "grafik-paydas-matrisi";
  matrix.kind = doc::ChartKind::matrix;
  matrix.caption = "Paydaş Etki ve Önem Matrisi";
  matrix.category_axis.title = "Etki";
  matrix.value_axis.title = "Önem";
  matrix.value_axis.minimum = Value{int64_t{0}};
  matrix.value_axis.maximum = Value{int64_t{4}};
  doc::ChartSeries xs, ys;
  xs.name = "Etki";
  ys.name = "Önem";
  std::map<std::pair<std::string, std::string>, int> in_cell;  // points sharing a position step aside
  for (std::size_t r = 0; r < table->row_count(); ++r) {
    const std::string etki = text_of(optional_at(*table, r, "etki")), onem = text_of(optional_at(*table, r, "onem"));
    t.body.push_back({cell(text_of(table->at(r, "ad"))), cell(text_of(table->at(r, "ic_dis")) == "ic" ? "İç" : "Dış"),
                      cell(name_of(kinds, text_of(optional_at(*table, r, "tur")))),
                      cell(name_of(level_names(), etki)), cell(name_of(level_names(), onem)),
                      cell(name_of(priorities, text_of(optional_at(*table, r, "oncelik"))))});
    auto px = position.find(etki), py = position.find(onem);
    if (px == position.end() || py == position.end()) continue;
    const int k = in_cell[{etki, onem}]++;
    matrix.categories.push_back(text_of(table->at(r, "ad")));
    xs.values.push_back(Decimal{px->second + 22 * (k % 3), 2});
    ys.values.push_back(Decimal{py->second + 22 * (k / 3), 2});
  }
  out.emplace_back(std::move(t));
  matrix.series = {std::move(xs), std::move(ys)};
  if (!matrix.categories.empty()) out.emplace_back(std::move(matrix));

  // Stakeholder × field of activity.
  const Table* links = c.data.find("paydas_hizmet");
  const Table* fields = c.data.find("faaliyet_alani");
  if (links == nullptr || fields == nullptr) return;
  doc::Chart checks;
  checks.id = "grafik-paydas-hizmet";
  checks.kind = doc::ChartKind::check_matrix;
  checks.caption = "Paydaş – Ürün/Hizmet Matrisi";
  std::vector<std::string> ids;
  for (std::size_t r = 0; r < table->row_count(); ++r) {
    checks.categories.push_back(text_of(table->at(r, "ad")));
    ids.push_back(text_of(table->at(r, "id")));
  }
  for (std::size_t f : books::rows_by(*fields, "sira")) {
    doc::ChartSeries s;
    s.name = text_of(fields->at(f, "ad"));
    const std::string field = text_of(fields->at(f, "sira"));
    for (const std::string& id : ids) {
      bool linked = false;
      for (std::size_t l = 0; l < links->row_count() && !linked; ++l)
        linked = text_of(links->at(l, "paydas_id")) == id && text_of(links->at(l, "faaliyet_alani_sira")) == field;
      s.values.push_back(Value{linked});
    }
    checks.series.push_back(std::move(s));
  }
  out.emplace_back(std::move(checks));
}

// Survey results: per survey a stacked-to-100 bar chart of its questions, with n and method.
void add_surveys(const Composer& c, Blocks& out) {
  const Table* table = c.data.find("anket_sonuc");
  if (table == nullptr || table->row_count() == 0) return;
  static const std::vector<std::pair<std::string, std::string>> surveys = {
      {"vatandas", "Vatandaş Anketi"}, {"kurumsal", "Kurumsal Paydaş Anketi"}, {"calisan", "Çalışan Anketi"}};
  for (const auto& [code, title] : surveys) {
    doc::Chart chart;
    chart.id = "grafik-anket-" + code;
    chart.kind = doc::ChartKind::stacked_percent;
    chart.caption = title + " Sonuçları";
    doc::ChartSeries yes, unsure, no;
    yes.name = "Olumlu";
    unsure.name = "Kararsız";
    no.name = "Olumsuz";
    std::string people, method;
    for (std::size_t r : books::rows_by(*table, "sira")) {
      if (text_of(table->at(r, "anket")) != code) continue;
      chart.categories.push_back(text_of(table->at(r, "soru")));
      yes.values.push_back(optional_at(*table, r, "olumlu"));
      unsure.values.push_back(optional_at(*table, r, "kararsiz"));
      no.values.push_back(optional_at(*table, r, "olumsuz"));
      if (people.empty()) people = display_number(optional_at(*table, r, "katilimci"));
      if (method.empty()) method = text_of(optional_at(*table, r, "yontem"));
    }
    if (chart.categories.empty()) continue;
    // The sample size and method belong to the figure: in its caption.
    std::string about = people.empty() ? "" : "n = " + people;
    if (!method.empty()) about += (about.empty() ? "" : "; ") + method;
    if (!about.empty()) chart.caption += " (" + about + ")";
    chart.series = {std::move(yes), std::move(unsure), std::move(no)};
    out.emplace_back(std::move(chart));
  }
}

void add_previous_plan(const Composer& c, Blocks& out) {
  const Table* table = c.optional_table("onceki_plan_degerlendirmesi", "II-B Uygulanmakta Olan Planın Değerlendirilmesi");
  if (table == nullptr || table->row_count() == 0) {
    out.emplace_back(Composer::placeholder("Önceki planın değerlendirmesi için veri bulunamadı."));
    return;
  }
  doc::Table t;
  t.id = "tablo-onceki-plan";
  t.caption = "Uygulanmakta Olan Stratejik Planın Değerlendirilmesi";
  t.columns = {{"10%", doc::Align::start}, {"38%", doc::Align::start}, {"14%", doc::Align::decimal}, {"38%", doc::Align::start}};
  t.header.push_back({header_cell("Kod"), header_cell("Amaç / Hedef"), header_cell("Gerçekleşme Oranı (%)", doc::Align::end),
                      header_cell("Açıklama")});
  for (std::size_t r = 0; r < table->row_count(); ++r)
    t.body.push_back({cell(text_of(table->at(r, "kod"))), cell(text_of(optional_at(*table, r, "metin"))),
                      percent_cell(optional_at(*table, r, "oran")), cell(text_of(optional_at(*table, r, "aciklama")))});
  out.emplace_back(std::move(t));
}

void add_fields(const Composer& c, Blocks& out) {
  const Table* table = c.optional_table("faaliyet_alani", "II-E Faaliyet Alanları");
  if (table == nullptr || table->row_count() == 0) {
    out.emplace_back(Composer::placeholder("Faaliyet alanları için veri bulunamadı (tablo: faaliyet_alani)."));
    return;
  }
  doc::Table t;
  t.id = "tablo-faaliyet-alanlari";
  t.caption = "Faaliyet Alanları ile Ürün ve Hizmetler";
  t.columns = {{"30%", doc::Align::start}, {"70%", doc::Align::start}};
  t.header.push_back({header_cell("Faaliyet Alanı"), header_cell("Ürün / Hizmetler")});
  for (std::size_t r : books::rows_by(*table, "sira")) {
    std::string items;
    std::istringstream lines(text_of(optional_at(*table, r, "urun_hizmetler")));
    for (std::string line; std::getline(lines, line);)
      if (!line.empty()) items += (items.empty() ? "" : ", ") + line;
    t.body.push_back({cell(text_of(table->at(r, "ad")), doc::Align::start, "emphasis"), cell(items)});
  }
  out.emplace_back(std::move(t));
}

void add_pestle(const Composer& c, Blocks& out) {
  const Table* table = c.optional_table("pestle", "II-H PESTLE Analizi");
  if (table == nullptr || table->row_count() == 0) {
    out.emplace_back(Composer::placeholder("PESTLE analizi için veri bulunamadı (tablo: pestle)."));
    return;
  }
  static const std::vector<std::pair<std::string, std::string>> factors = {
      {"politik", "Politik"}, {"ekonomik", "Ekonomik"}, {"sosyokulturel", "Sosyokültürel"},
      {"teknolojik", "Teknolojik"}, {"yasal", "Yasal"}, {"cevresel", "Çevresel"}};
  doc::Table t;
  t.id = "tablo-pestle";
  t.caption = "PESTLE Analizi";
  t.columns = {{"16%", doc::Align::start}, {"24%", doc::Align::start}, {"20%", doc::Align::start},
               {"20%", doc::Align::start}, {"20%", doc::Align::start}};
  t.header.push_back({header_cell("Faktör"), header_cell("Tespitler / Gelişmeler"), header_cell("Fırsat"),
                      header_cell("Tehdit"), header_cell("Ne Yapılmalı")});
  for (const auto& [code, name] : factors) {
    for (std::size_t r : books::rows_by(*table, "sira")) {
      if (text_of(table->at(r, "faktor")) != code) continue;
      t.body.push_back({cell(name, doc::Align::start, "emphasis"), cell(text_of(table->at(r, "tespit"))),
                        cell(text_of(optional_at(*table, r, "firsat"))), cell(text_of(optional_at(*table, r, "tehdit"))),
                        cell(text_of(optional_at(*table, r, "oneri")))});
    }
  }
  out.emplace_back(std::move(t));
}

void add_swot(const Composer& c, Blocks& out) {
  const Table* table = c.optional_table("gzft", "II-I GZFT Analizi");
  if (table == nullptr || table->row_count() == 0) {
    out.emplace_back(Composer::placeholder("GZFT analizi için veri bulunamadı (tablo: gzft)."));
    return;
  }
  doc::Chart chart;
  chart.id = "grafik-gzft";
  chart.kind = doc::ChartKind::swot;
  chart.caption = "GZFT Analizi";
  for (const auto& [code, name] : std::vector<std::pair<std::string, std::string>>{
           {"guclu", "Güçlü Yönler"}, {"zayif", "Zayıf Yönler"}, {"firsat", "Fırsatlar"}, {"tehdit", "Tehditler"}}) {
    doc::ChartSeries s;
    s.name = name;
    for (std::size_t r : books::rows_by(*table, "sira")) {
      if (text_of(table->at(r, "tur")) != code) continue;
      s.labels.push_back(text_of(table->at(r, "metin")));
      s.values.push_back(Value{int64_t{1}});
    }
    chart.series.push_back(std::move(s));
  }
  out.emplace_back(std::move(chart));
}

// Staff in filled posts by status (personel_ozet, the rows add_staff prints), as a pie.
void add_staff_chart(const Composer& c, Blocks& out) {
  const Table* staff = c.data.find("personel_ozet");
  if (staff == nullptr) return;
  static const std::map<std::string, std::string> statuses = {{"memur", "Memur"},
                                                              {"sozlesmeli", "Sözleşmeli"},
                                                              {"kadrolu_isci", "Kadrolu işçi"},
                                                              {"gecici_isci", "Geçici işçi"}};
  doc::Chart chart;
  chart.id = "grafik-personel";
  chart.kind = doc::ChartKind::pie;
  chart.caption = "Personelin İstihdam Türüne Göre Dağılımı (Dolu Kadro)";
  doc::ChartSeries filled;
  filled.name = "Dolu kadro";
  for (std::size_t r = 0; r < staff->row_count(); ++r) {
    auto name = statuses.find(text_of(staff->at(r, "statu")));
    if (name == statuses.end() || !c.is_report_year(*staff, r)) continue;
    chart.categories.push_back(name->second);
    filled.values.push_back(staff->at(r, "dolu"));
  }
  if (chart.categories.empty()) return;
  chart.series.push_back(std::move(filled));
  out.emplace_back(std::move(chart));
}

// The revenue and expense of the five years before the plan (mali_egilim, derived from
// mali_gecmis): a table by level-I economic code with each kind's total as its subtotal, and the
// two totals side by side per year as grouped bars.
void add_financial_trend(const Composer& c, Blocks& out) {
  const Table* trend = c.optional_table("mali_egilim", "II-D Kuruluş İçi Analiz");
  if (trend == nullptr || trend->row_count() == 0) {
    out.emplace_back(Composer::placeholder("Gelir ve gider gerçekleşmeleri için veri bulunamadı (tablo: mali_gecmis)."));
    return;
  }
  std::map<std::string, std::string> names;  // "gelir/01" → Vergi Gelirleri
  if (const Table* codes = c.optional_table("ekonomik_kod", "II-D Kuruluş İçi Analiz"))
    for (std::size_t r = 0; r < codes->row_count(); ++r)
      names[text_of(codes->at(r, "tur")) + "/" + text_of(codes->at(r, "kod"))] = text_of(codes->at(r, "ad"));
  std::vector<int64_t> years;
  for (std::size_t r = 0; r < trend->row_count(); ++r)
    if (auto y = integer_of(trend->at(r, "yil")); y && std::find(years.begin(), years.end(), *y) == years.end())
      years.push_back(*y);
  std::sort(years.begin(), years.end());
  auto amount = [&](const std::string& kind, const std::string& row, const std::string& code, int64_t year) {
    for (std::size_t r = 0; r < trend->row_count(); ++r)
      if (text_of(trend->at(r, "tur")) == kind && text_of(trend->at(r, "satir")) == row &&
          text_of(trend->at(r, "ekonomik_kod")) == code && integer_of(trend->at(r, "yil")) == year)
        return trend->at(r, "tutar");
    return Value{};
  };
  doc::Table t;
  t.id = "tablo-gelir-gider-egilimi";
  t.caption = "Gelir ve Gider Gerçekleşmeleri (" + std::to_string(years.front()) + "–" +
              std::to_string(years.back()) + ")";
  t.note = "Tutarlar bin TL'dir; cari fiyatlarla (enflasyondan arındırılmadan) gösterilmiştir. Gelirler red ve "
           "iadeler düşülmüş net tahsilat, giderler harcamadır.";
  t.keep_whole_rows = 40;
  t.columns = {{"8%", doc::Align::start}, {"2fr", doc::Align::start}};
  doc::TableRow head{header_cell("Kod"), header_cell("Ekonomik Sınıflandırma")};
  for (int64_t y : years) {
    t.columns.push_back({"auto", doc::Align::end});
    t.columns.back().aggregate = doc::Aggregate::sum;
    head.cells.push_back(header_cell(std::to_string(y), doc::Align::end));
  }
  t.header.push_back(std::move(head));
  doc::Chart bars;
  bars.id = "grafik-gelir-gider-egilimi";
  bars.kind = doc::ChartKind::bar;
  bars.caption = "Gelir ve Gider Gerçekleşmelerinin Yıllara Göre Seyri";
  bars.value_axis.scale_note = "TL";
  for (int64_t y : years) bars.categories.push_back(std::to_string(y));
  const std::vector<std::pair<std::string, std::string>> kinds = {{"gelir", "Gelirler"}, {"gider", "Giderler"}};
  for (const auto& [kind, title] : kinds) {
    std::vector<std::string> codes;
    for (std::size_t r = 0; r < trend->row_count(); ++r)
      if (text_of(trend->at(r, "tur")) == kind && text_of(trend->at(r, "satir")) == "kod") {
        const std::string code = text_of(trend->at(r, "ekonomik_kod"));
        if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
      }
    if (codes.empty()) continue;
    doc::TableRow group{cell(""), cell(title)};
    group.kind = doc::RowKind::group;
    for (std::size_t i = 0; i < years.size(); ++i) group.cells.push_back(cell(""));
    t.body.push_back(std::move(group));
    for (const std::string& code : codes) {
      doc::TableRow row{cell(code), cell(name_of(names, kind + "/" + code))};
      for (int64_t y : years) row.cells.push_back(thousands_cell(amount(kind, "kod", code, y)));
      t.body.push_back(std::move(row));
    }
    doc::TableRow total{cell(""), cell(title + " Toplamı")};
    total.kind = doc::RowKind::subtotal;
    doc::ChartSeries series;
    series.name = title;
    for (int64_t y : years) {
      total.cells.push_back(thousands_cell(amount(kind, "TOPLAM", "", y)));
      series.values.push_back(amount(kind, "TOPLAM", "", y));
    }
    t.body.push_back(std::move(total));
    bars.series.push_back(std::move(series));
  }
  out.emplace_back(std::move(t));
  out.emplace_back(std::move(bars));
}

}  // namespace

doc::Chart process_chart(const std::string& id, const std::string& caption, const std::vector<Step>& steps) {
  doc::Chart chart;
  chart.id = id;
  chart.kind = doc::ChartKind::process_flow;
  chart.caption = caption;
  doc::ChartSeries phases;
  phases.name = "Aşama";
  for (const Step& step : steps) {
    chart.categories.push_back(step.text);
    phases.labels.push_back(step.phase);
  }
  chart.series.push_back(std::move(phases));
  return chart;
}

doc::Chart cycle_chart(const std::string& id, const std::string& caption, const std::vector<std::string>& steps,
                       const std::string& centre) {
  doc::Chart chart;
  chart.id = id;
  chart.kind = doc::ChartKind::cycle;
  chart.caption = caption;
  chart.categories = steps;
  chart.category_axis.title = centre;
  return chart;
}

void add_preparation(const Composer& c, Blocks& out) {
  // The process of the guide (2019 Belediyeler guide), its steps under their phases (this
  // layout's defaults).
  out.emplace_back(process_chart("grafik-hazirlik-sureci", "Stratejik Planlama Süreci",
                                 {{"Hazırlık", "Hazırlık programı ve genelge"},
                                  {"Durum Analizi", "Kurumsal tarihçe ve mevzuat analizi"},
                                  {"Durum Analizi", "Paydaş ve kuruluş içi analiz"},
                                  {"Durum Analizi", "PESTLE ve GZFT analizi"},
                                  {"Geleceğe Bakış", "Misyon, vizyon ve temel değerler"},
                                  {"Strateji Geliştirme", "Amaçlar, hedefler ve göstergeler"},
                                  {"Strateji Geliştirme", "Stratejiler ve riskler"},
                                  {"Strateji Geliştirme", "Maliyetlendirme"},
                                  {"Onay ve Uygulama", "Meclis onayı ve yayımlama"},
                                  {"Onay ve Uygulama", "İzleme ve değerlendirme"}}));
  if (const Table* team = c.optional_table("plan_ekip", "I Hazırlık Süreci")) {
    add_team(c, out, *team, "kurul", "tablo-strateji-kurulu", "Strateji Geliştirme Kurulu");
    add_team(c, out, *team, "ekip", "tablo-planlama-ekibi", "Stratejik Planlama Ekibi");
  } else {
    out.emplace_back(Composer::placeholder("Kurul ve ekip için veri bulunamadı (tablo: plan_ekip)."));
  }
  const Table* steps = c.optional_table("plan_takvim", "I Hazırlık Süreci");
  if (steps == nullptr || steps->row_count() == 0) return;
  doc::Chart gantt;
  gantt.id = "grafik-hazirlik-programi";
  gantt.kind = doc::ChartKind::gantt;
  gantt.caption = "Stratejik Plan Hazırlık Programı";
  gantt.float_mode = doc::Float::none;
  doc::ChartSeries starts, ends;
  starts.name = "Başlangıç";
  ends.name = "Bitiş";
  for (std::size_t r : books::rows_by(*steps, "sira")) {
    gantt.categories.push_back(text_of(steps->at(r, "asama")));
    starts.values.push_back(steps->at(r, "baslangic"));
    ends.values.push_back(steps->at(r, "bitis"));
  }
  gantt.series = {std::move(starts), std::move(ends)};
  out.emplace_back(std::move(gantt));
}

void add_situation_analysis(const Composer& c, books::Outline& o) {
  Blocks& out = o.out;
  o.section("Kurumsal Tarihçe");
  c.text(out, "tarihce");
  o.section("Uygulanmakta Olan Stratejik Planın Değerlendirilmesi");
  add_previous_plan(c, out);
  o.section("Mevzuat Analizi");
  add_listing(c, out, "mevzuat", "tablo-mevzuat", "Mevzuat Analizi",
              {{"Yasal Yükümlülük", "yukumluluk", "28%"}, {"Dayanak", "dayanak", "20%"}, {"Tespitler", "tespit", "26%"},
               {"İhtiyaçlar", "ihtiyac", "26%"}},
              "II-C Mevzuat Analizi");
  o.section("Üst Politika Belgelerinin Analizi");
  add_listing(c, out, "ust_politika", "tablo-ust-politika", "Üst Politika Belgeleri Analizi",
              {{"Üst Politika Belgesi", "belge", "34%"}, {"İlgili Bölüm / Referans", "referans", "30%"},
               {"Verilen Görev / İhtiyaçlar", "gorev", "36%"}},
              "II-D Üst Politika Belgeleri");
  o.section("Faaliyet Alanları ile Ürün ve Hizmetlerin Belirlenmesi");
  add_fields(c, out);
  o.section("Paydaş Analizi");
  if (c.context.texts.count("paydas-analizi")) c.text(out, "paydas-analizi");
  add_stakeholders(c, out);
  o.section("Paydaş Görüşleri");
  if (c.context.texts.count("paydas-gorusleri")) c.text(out, "paydas-gorusleri");
  add_surveys(c, out);
  o.section("Kuruluş İçi Analiz");
  if (c.context.texts.count("kurulus-ici")) c.text(out, "kurulus-ici");
  o.sub("Teşkilat Yapısı");
  books::add_organisation_chart(c, out, "grafik-teskilat");
  o.sub("İnsan Kaynakları");
  add_staff(c, out);
  add_staff_chart(c, out);
  o.sub("Mali Yapı");
  add_financial_trend(c, out);
  o.section("Fiziki Kaynaklar ve Teknoloji Altyapısı");
  add_physical_resources(c, out);
  add_it_resources(c, out);
  o.section("PESTLE Analizi");
  add_pestle(c, out);
  o.section("GZFT Analizi");
  add_swot(c, out);
  o.section("Tespitler ve İhtiyaçların Belirlenmesi");
  add_listing(c, out, "tespit_ihtiyac", "tablo-tespit-ihtiyac", "Tespitler ve İhtiyaçlar",
              {{"Durum Analizi Aşaması", "asama", "24%"}, {"Tespitler", "tespit", "38%"}, {"İhtiyaçlar", "ihtiyac", "38%"}},
              "II-İ Tespitler ve İhtiyaçlar");
}

}  // namespace dizgi::plan
