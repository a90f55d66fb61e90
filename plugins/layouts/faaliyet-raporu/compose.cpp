// The outline of the İdare Faaliyet Raporu (domain §1.3): cover, front matter, parts I–V with
// their sections, and the annexes. Financial tables live in finance.cpp, performance tables in
// performance.cpp.
#include "faaliyet_raporu.hpp"

#include "composer.hpp"

#include <dizgi/model/format.hpp>
#include <dizgi/model/outline.hpp>
#include <dizgi/sdk/files.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

namespace dizgi::faaliyet {

namespace {

constexpr const char* nothing_further =
    "Bu başlık altında belirtilmesi gereken başka bir husus bulunmamaktadır.";

// A part, section or sub-section heading with its number and anchor. The counters give the
// numbers: parts "I-", sections "A-" (Turkish letters), sub-sections "1.".
//
// Section letters: the Yönetmelik's outline goes A- B- C- D- (no Ç after C, domain §1.3), which
// is the default; the parameter harfler="turkce" switches to the Turkish alphabet A B C Ç D ...
class Outline {
 public:
  Blocks& out;
  Outline(Blocks& target, bool turkish_letters)
      : out(target), letters_(turkish_letters ? OutlineStyle::turkish : OutlineStyle::latin) {}

  // `opens`: where the part starts when not on a recto of its own ("page", "none"; the heading
  // property "break") — for a part of a page or two after a long one.
  void part(const std::string& title, const char* opens = nullptr) {
    const int number = counter_.next(1);
    doc::Heading h = make_heading(1, format_outline_label(number, OutlineStyle::roman) + "-", title,
                                  counter_.anchor("bolum"), true);
    if (opens != nullptr) h.props["break"] = opens;
    out.emplace_back(std::move(h));
  }
  void section(const std::string& title) {
    const int number = counter_.next(2);
    out.emplace_back(make_heading(2, format_outline_label(number, letters_) + "-", title,
                                  counter_.anchor("bolum")));
  }
  void sub(const std::string& title) {
    const int number = counter_.next(3);
    out.emplace_back(make_heading(3, format_outline_label(number, OutlineStyle::arabic) + ".", title,
                                  counter_.anchor("bolum")));
  }

 private:
  OutlineStyle letters_;
  OutlineCounter counter_;
};

int report_year(const LayoutContext& context) {
  if (auto it = context.params.find("yil"); it != context.params.end()) {
    auto parsed = Decimal::parse(it->second);
    if (!parsed || parsed->scale != 0 || parsed->units < 1900 || parsed->units > 9999) {
      throw Error(ErrorCode::project, Location{"", 0, 0, "layout parameter 'yil'"},
                  "report year '" + it->second + "' is not a four-digit year",
                  "write <param name=\"yil\" value=\"2025\"/>");
    }
    return static_cast<int>(parsed->units);
  }
  if (context.metadata.year > 0) return context.metadata.year;
  throw Error(ErrorCode::project, Location{"", 0, 0, "layout 'faaliyet-raporu'"},
              "no report year given",
              "add <param name=\"yil\" value=\"2025\"/> to <layout> or <year> to <meta>");
}

std::string param_or(const LayoutContext& context, const std::string& name,
                     const std::string& fallback) {
  auto it = context.params.find(name);
  return it == context.params.end() || it->second.empty() ? fallback : it->second;
}

struct Idare {
  std::string ad;
  std::string tur;
  std::string il;
  std::string ust_yonetici;
  bool is_belediye = true;
};

Idare read_idare(const Composer& c, Blocks* info_out) {
  Idare idare;
  idare.ad = c.context.metadata.author;
  const Table* table = c.optional_table("idare", "I-C İdareye İlişkin Bilgiler");
  if (table == nullptr || table->row_count() == 0) {
    if (table != nullptr) {
      c.sink.warn("layout.empty-table", location_of(*table), "table 'idare' has no rows",
                  "add the administration's row");
    }
    if (info_out)
      info_out->emplace_back(Composer::placeholder("İdare bilgileri bulunamadı (tablo: idare)."));
    return idare;
  }
  const Table& t = *table;
  if (std::string ad = text_of(t.at(0, "ad")); !ad.empty()) idare.ad = ad;
  idare.tur = text_of(optional_at(t, 0, "tur"));
  idare.il = text_of(optional_at(t, 0, "il"));
  idare.ust_yonetici = text_of(optional_at(t, 0, "ust_yonetici"));
  idare.is_belediye = idare.tur.empty() || idare.tur.find("elediye") != std::string::npos ||
                      idare.ad.find("Belediye") != std::string::npos;
  if (info_out == nullptr) return idare;

  // İdareye İlişkin Temel Bilgiler: a two-column key/value table.
  doc::Table info;
  info.id = "tablo-idare-bilgileri";
  info.caption = "İdareye İlişkin Temel Bilgiler";
  info.columns = {{"40%", doc::Align::start}, {"60%", doc::Align::start}};
  info.header.push_back({header_cell("Bilgi"), header_cell("Değer")});
  auto row = [&](const std::string& label, std::string value) {
    if (value.empty()) return;
    info.body.push_back({cell(label), cell(std::move(value))});
  };
  row("İdare", idare.ad);
  row("İl", idare.il);
  std::string nufus = display_number(optional_at(t, 0, "nufus"));
  if (auto yil = integer_of(optional_at(t, 0, "nufus_yili")); yil && !nufus.empty()) {
    nufus += " (" + format_integer_tr(*yil, false) + ")";
  }
  row("Nüfus", nufus);
  std::string alan = display_number(optional_at(t, 0, "yuzolcumu_km2"));
  row("Yüzölçümü", alan.empty() ? alan : alan + " km²");
  row("İlçe Sayısı", display_number(optional_at(t, 0, "ilce_sayisi")));
  row("Mahalle Sayısı", display_number(optional_at(t, 0, "mahalle_sayisi")));
  row("Adres", text_of(optional_at(t, 0, "adres")));
  row("İnternet Adresi", text_of(optional_at(t, 0, "web")));
  row("Üst Yönetici", idare.ust_yonetici);
  info_out->emplace_back(std::move(info));
  return idare;
}

// I-C-2: the units of the organisation, in Turkish alphabetical order.
void add_units(const Composer& c, Blocks& out) {
  const Table* table = c.optional_table("birim", "I-C-2 Örgüt Yapısı");
  if (table == nullptr) {
    out.emplace_back(Composer::placeholder("Birim listesi için veri bulunamadı (tablo: birim)."));
    return;
  }
  struct Unit {
    std::string name;
    std::string type;
    bool spending = false;
  };
  // The schema stores unit types as codes; the book shows their names.
  static const std::map<std::string, std::string> type_names = {
      {"genel_sekreterlik", "Genel Sekreterlik"},
      {"genel_sekreter_yardimciligi", "Genel Sekreter Yardımcılığı"},
      {"daire_baskanligi", "Daire Başkanlığı"},
      {"sube_mudurlugu", "Şube Müdürlüğü"},
      {"mudurluk", "Müdürlük"},
      {"musavirlik", "Müşavirlik"},
      {"kurul", "Kurul"},
      {"ozel_kalem", "Özel Kalem"},
      {"ic_denetim", "İç Denetim"},
      {"bagli_kurulus", "Bağlı Kuruluş"}};
  auto type_name = [&](const std::string& code) {
    auto it = type_names.find(code);
    return it == type_names.end() ? code : it->second;
  };
  std::vector<Unit> units;
  for (std::size_t r = 0; r < table->row_count(); ++r) {
    units.push_back(Unit{text_of(table->at(r, "ad")), type_name(text_of(optional_at(*table, r, "tur"))),
                         boolean_of(optional_at(*table, r, "harcama_birimi"))});
  }
  std::stable_sort(units.begin(), units.end(),
                   [&](const Unit& a, const Unit& b) { return compare_tr(a.name, b.name) < 0; });
  doc::Table t;
  t.id = "tablo-birimler";
  t.caption = "İdarenin Birimleri";
  t.columns = {{"60%", doc::Align::start}, {"25%", doc::Align::start}, {"15%", doc::Align::center}};
  t.header.push_back({header_cell("Birim"), header_cell("Türü"),
                      header_cell("Harcama Birimi", doc::Align::center)});
  int spending_count = 0;
  for (const Unit& u : units) {
    if (u.spending) ++spending_count;
    t.body.push_back(
        {cell(u.name), cell(u.type), cell(u.spending ? "Evet" : "Hayır", doc::Align::center)});
  }
  out.emplace_back(
      paragraph({span("İdarede " + format_integer_tr(static_cast<int64_t>(units.size())) +
                      " birim bulunmakta olup bunların " + format_integer_tr(spending_count) +
                      " tanesi harcama birimidir. Birimler aşağıdaki tabloda alfabetik "
                      "sırayla gösterilmiştir.")}));
  out.emplace_back(std::move(t));
}

// II-A: the strategic aims and their goals, as a two-level list.
void add_aims_and_goals(const Composer& c, Blocks& out) {
  const Table* aims = c.optional_table("amac", "II-A İdarenin Amaç ve Hedefleri");
  if (aims == nullptr) {
    out.emplace_back(Composer::placeholder("Amaç ve hedefler için veri bulunamadı (tablo: amac)."));
    return;
  }
  const Table* goals = c.optional_table("hedef", "II-A İdarenin Amaç ve Hedefleri");
  struct Aim {
    std::string code;
    std::string text;
    int64_t order = 0;
  };
  std::vector<Aim> list;
  for (std::size_t r = 0; r < aims->row_count(); ++r) {
    list.push_back(Aim{text_of(aims->at(r, "kod")), text_of(aims->at(r, "metin")),
                       integer_of(optional_at(*aims, r, "sira")).value_or(0)});
  }
  std::stable_sort(list.begin(), list.end(), [](const Aim& a, const Aim& b) {
    if (a.order != b.order) return a.order < b.order;
    return natural_less(a.code, b.code);
  });
  std::multimap<std::string, std::pair<std::string, std::string>> goals_by_aim;
  if (goals != nullptr) {
    for (std::size_t r = 0; r < goals->row_count(); ++r) {
      goals_by_aim.emplace(
          text_of(goals->at(r, "amac_kod")),
          std::make_pair(text_of(goals->at(r, "kod")), text_of(goals->at(r, "metin"))));
    }
  }
  doc::List l;
  l.style = "amac-hedef";
  for (const Aim& aim : list) {
    l.items.push_back(doc::ListItem{{span("Amaç " + aim.code + ": ", true), span(aim.text)}, 0});
    std::vector<std::pair<std::string, std::string>> mine;
    auto [first, last] = goals_by_aim.equal_range(aim.code);
    for (auto it = first; it != last; ++it) mine.push_back(it->second);
    std::stable_sort(mine.begin(), mine.end(),
                     [](const auto& a, const auto& b) { return natural_less(a.first, b.first); });
    for (const auto& [code, text] : mine) {
      l.items.push_back(doc::ListItem{{span("Hedef " + code + ": ", true), span(text)}, 1});
    }
  }
  out.emplace_back(std::move(l));
}

// The mission or vision (`column` of stratejik_plan, = the text id): the approved plan's wording
// for the plan in force in the report year, so the report cannot drift from it; the book's
// text only when the data has no plan. A book text that differs from the plan is a warning.
void add_plan_statement(const Composer& c, Blocks& out, const std::string& column) {
  std::string approved;
  if (const Table* plans = c.data.find("stratejik_plan")) {
    for (std::size_t r = 0; r < plans->row_count(); ++r) {
      auto first = integer_of(optional_at(*plans, r, "baslangic_yili"));
      auto last = integer_of(optional_at(*plans, r, "bitis_yili"));
      if (first && last && *first <= c.year && c.year <= *last) approved = text_of(optional_at(*plans, r, column));
    }
  }
  if (approved.find_first_not_of(" \t\r\n") == std::string::npos) {
    c.text(out, column);
    return;
  }
  if (auto text = c.context.texts.find(column); text != c.context.texts.end()) {
    const std::string& own = text->second;
    const std::size_t first = own.find_first_not_of(" \t\r\n");
    const std::size_t last = own.find_last_not_of(" \t\r\n");
    if (first == std::string::npos || own.substr(first, last - first + 1) != approved) {
      c.sink.warn("layout.plan-text-differs", Location{c.text_file(column), 0, 0, "text '" + column + "'"},
                  "the book's " + column + " text differs from the approved plan's; the plan's is printed",
                  "remove the text from <texts> or make it equal to stratejik_plan." + column);
    }
  }
  out.emplace_back(paragraph({span(approved)}));
}

}  // namespace

// --- Composer -------------------------------------------------------------------------------

Composer::Composer(const LayoutContext& ctx, DiagnosticSink& diagnostics, int report_year)
    : context(ctx), data(*ctx.data), sink(diagnostics), year(report_year) {}

const Table* Composer::optional_table(const std::string& name, const std::string& section) const {
  const Table* table = data.find(name);
  if (table == nullptr) {
    warn_missing_table(
        name, "the report shows a placeholder in " + section + "; add the table to a data source");
  }
  return table;
}

void Composer::warn_missing_table(const std::string& name, const std::string& hint) const {
  if (!warned_tables_.insert(name).second) return;
  sink.warn("layout.missing-table", Location{"", 0, 0, "layout '" + layout_name + "'"},
            "missing optional table '" + name + "'", hint);
}

std::string Composer::text_file(const std::string& id) const {
  auto file = context.text_files.find(id);
  return file == context.text_files.end() ? "text '" + id + "'" : file->second;
}

void Composer::text(Blocks& out, const std::string& id) const {
  auto it = context.texts.find(id);
  if (it == context.texts.end() || it->second.find_first_not_of(" \t\r\n") == std::string::npos) {
    sink.warn("layout.missing-text", Location{"", 0, 0, "text '" + id + "'"},
              "missing narrative text '" + id + "'",
              "add <text id=\"" + id + "\" file=\"...\"/> to the book's <texts>");
    out.emplace_back(placeholder("Bu bölümün metni henüz eklenmemiştir (metin: " + id + ")."));
    return;
  }
  for (doc::Block& block : parse_markup(it->second, "body", text_file(id))) out.push_back(std::move(block));
}

void Composer::optional_text(Blocks& out, const std::string& id) const {
  auto it = context.texts.find(id);
  if (it == context.texts.end()) {
    out.emplace_back(paragraph({span(nothing_further)}));
    return;
  }
  for (doc::Block& block : parse_markup(it->second, "body", text_file(id))) out.push_back(std::move(block));
}

doc::Paragraph Composer::placeholder(const std::string& message) {
  return paragraph({span(message)}, "placeholder");
}

std::string Composer::param(const std::string& name, const std::string& fallback) const {
  return param_or(context, name, fallback);
}

std::string Composer::file_param(const std::string& name) const {
  const std::string value = param_or(context, name, "");
  return value.empty() ? value : resolve_project_path(context, value).path.string();
}

bool Composer::is_report_year(const Table& table, std::size_t row) const {
  auto value = integer_of(table.at(row, "yil"));
  return value && *value == year;
}

doc::ListOf list_of(doc::ListOfKind kind, std::string title, int depth) {
  doc::ListOf list;
  list.kind = kind;
  list.title = std::move(title);
  list.depth = depth;
  return list;
}

doc::Heading make_heading(int level, std::string number, std::string title, std::string id,
                          bool chapter_opener) {
  doc::Heading h;
  h.level = level;
  h.number = std::move(number);
  h.content.push_back(span(std::move(title)));
  h.id = std::move(id);
  h.chapter_opener = chapter_opener;
  return h;
}

// --- the book -------------------------------------------------------------------------------

doc::Document FaaliyetRaporu::compose(const LayoutContext& context) {
  if (context.data == nullptr) {
    throw Error(ErrorCode::internal, Location{"", 0, 0, "layout 'faaliyet-raporu'"},
                "layout called without a dataset");
  }
  DiagnosticSink fallback_sink;
  DiagnosticSink& sink = context.sink != nullptr ? *context.sink : fallback_sink;
  const int year = report_year(context);
  // Fail before composing anything: without expenditure data there is no report.
  if (!context.data->has("butce_gider")) {
    throw Error(ErrorCode::data, Location{"", 0, 0, "layout 'faaliyet-raporu'"},
                "missing required table 'butce_gider'",
                "the İdare Faaliyet Raporu needs budget expenditure data for section III-A-1");
  }
  Composer c(context, sink, year);
  const std::string year_text = format_integer_tr(year, false);

  doc::Document document;
  document.metadata = context.metadata;
  document.metadata.year = year;

  // The idare row feeds the cover, I-C and the annex; its info table goes to I-C.
  Blocks idare_info;
  const Idare idare = read_idare(c, &idare_info);
  // A Birim report when the book names its unit.
  if (const std::string unit = param_or(context, "birim", ""); !unit.empty()) return compose_birim(c, unit, idare.ad);

  // Front matter: cover, the imprint on its back, the head of the administration's foreword,
  // the generated lists.
  doc::Section front{doc::Matter::front, {}};
  const std::string title = year_text + " Yılı İdare Faaliyet Raporu";
  const BookCover cover{"İdare Faaliyet Raporu", year_text, "", "vurgu"};
  // Built in place: GCC 12 reports a false -Wnull-dereference for emplace_back(Cover) here.
  front.blocks.push_back(doc::Block{std::in_place_type<doc::Cover>, front_cover(c, cover)});
  add_imprint(c, front.blocks, title);
  const std::string foreword = param_or(
      context, "sunus_basligi", idare.is_belediye ? "Başkan Sunuşu" : "Üst Yönetici Sunuşu");
  front.blocks.emplace_back(make_heading(1, "", foreword, "sunus", true));
  c.text(front.blocks, "sunus");
  add_foreword_signature(c, front.blocks, true);
  // The year in figures faces the reader after the foreword: a spread on the verso after it.
  add_key_figures(c, front.blocks);
  // The lists open a new page at its top, not a recto with a chapter's drop: a blank page
  // before a list is not worth it, nor a page for the last lines of the contents (the parts,
  // chapter openers, keep their rectos).
  for (auto [kind, name, depth] : {std::tuple{doc::ListOfKind::contents, "İçindekiler", 3},
                                   std::tuple{doc::ListOfKind::tables, "Tablolar Listesi", 1},
                                   std::tuple{doc::ListOfKind::charts, "Grafikler Listesi", 1}}) {
    front.blocks.emplace_back(doc::Break{doc::BreakKind::page, {}});
    doc::ListOf list = list_of(kind, name, depth);
    list.props["break"] = "none";
    front.blocks.emplace_back(std::move(list));
  }
  const std::size_t abbreviations_at = front.blocks.size();

  // Body: parts I–V.
  doc::Section body{doc::Matter::body, {}};
  Outline o(body.blocks, param_or(context, "harfler", "") == "turkce");

  o.part("GENEL BİLGİLER");
  o.section("Misyon ve Vizyon");
  body.blocks.emplace_back(paragraph({span("Misyonumuz", true)}, "subhead"));
  add_plan_statement(c, body.blocks, "misyon");
  body.blocks.emplace_back(paragraph({span("Vizyonumuz", true)}, "subhead"));
  add_plan_statement(c, body.blocks, "vizyon");
  o.section("Yetki, Görev ve Sorumluluklar");
  c.text(body.blocks, "yetki-gorev");
  o.section("İdareye İlişkin Bilgiler");
  for (doc::Block& block : idare_info) body.blocks.push_back(std::move(block));
  o.sub("Fiziksel Yapı");
  c.text(body.blocks, "fiziksel-yapi");
  add_physical_resources(c, body.blocks);
  o.sub("Örgüt Yapısı");
  c.text(body.blocks, "orgut-yapisi");
  add_units(c, body.blocks);
  o.sub("Bilgi ve Teknolojik Kaynaklar");
  c.text(body.blocks, "bilgi-teknoloji");
  add_it_resources(c, body.blocks);
  o.sub("İnsan Kaynakları");
  c.text(body.blocks, "insan-kaynaklari");
  add_staff(c, body.blocks);
  o.sub("Sunulan Hizmetler");
  c.text(body.blocks, "sunulan-hizmetler");
  o.sub("Yönetim ve İç Kontrol Sistemi");
  c.text(body.blocks, "ic-kontrol");
  add_internal_control(c, body.blocks);
  o.section("Diğer Hususlar");
  if (context.texts.count("genel-diger")) c.text(body.blocks, "genel-diger");
  add_council(c, body.blocks);
  add_subsidiaries(c, body.blocks);

  o.part("AMAÇ VE HEDEFLER");
  o.section("İdarenin Amaç ve Hedefleri");
  if (context.texts.count("amac-hedef")) c.text(body.blocks, "amac-hedef");
  add_aims_and_goals(c, body.blocks);
  o.section("Temel Politikalar ve Öncelikler");
  c.text(body.blocks, "temel-politikalar");
  o.section("Diğer Hususlar");
  c.optional_text(body.blocks, "amac-diger");

  o.part("FAALİYETLERE İLİŞKİN BİLGİ VE DEĞERLENDİRMELER");
  o.section("Mali Bilgiler");
  o.sub("Bütçe Uygulama Sonuçları");
  if (context.texts.count("butce-uygulama")) c.text(body.blocks, "butce-uygulama");
  add_budget_expenditure(c, body.blocks);
  add_budget_functional(c, body.blocks);
  add_budget_by_unit(c, body.blocks);
  add_budget_deviations(c, body.blocks);
  add_budget_revenue(c, body.blocks);
  add_budget_balance(c, body.blocks);
  o.sub("Temel Mali Tablolara İlişkin Açıklamalar");
  c.text(body.blocks, "mali-tablolar");
  o.sub("Mali Denetim Sonuçları");
  c.text(body.blocks, "mali-denetim");
  o.sub("Diğer Hususlar");
  body.blocks.emplace_back(paragraph({span("Belediye Borçlarının Durumu", true)}, "subhead"));
  add_debts(c, body.blocks);
  add_aid(c, body.blocks);
  if (context.texts.count("mali-diger")) c.text(body.blocks, "mali-diger");
  o.section("Performans Bilgileri");
  o.sub("Faaliyet ve Proje Bilgileri");
  if (context.texts.count("faaliyet-proje")) c.text(body.blocks, "faaliyet-proje");
  add_activities(c, body.blocks);
  Blocks results, evaluation;
  add_performance_results(c, results, evaluation);
  o.sub("Performans Sonuçları Tablosu");
  add_aims_at_a_glance(c, body.blocks);
  for (doc::Block& block : results) body.blocks.push_back(std::move(block));
  o.sub("Performans Sonuçlarının Değerlendirilmesi");
  c.text(body.blocks, "performans-degerlendirme");
  for (doc::Block& block : evaluation) body.blocks.push_back(std::move(block));
  o.sub("Performans Bilgi Sisteminin Değerlendirilmesi");
  c.text(body.blocks, "performans-bilgi-sistemi");
  o.sub("Diğer Hususlar");
  c.optional_text(body.blocks, "performans-diger");

  // Parts IV and V are a page or two of text: a new page each, no recto with a blank verso.
  o.part("KURUMSAL KABİLİYET VE KAPASİTENİN DEĞERLENDİRİLMESİ", "page");
  o.section("Üstünlükler");
  c.text(body.blocks, "ustunlukler");
  o.section("Zayıflıklar");
  c.text(body.blocks, "zayifliklar");
  o.section("Değerlendirme");
  c.text(body.blocks, "degerlendirme");

  o.part("ÖNERİ VE TEDBİRLER", "page");
  c.text(body.blocks, "oneri-tedbirler");

  // The annexes follow part V on a new page, in the body: a back matter would open a recto of
  // its own, and with the back cover on a verso after them the book would take two blank pages
  // more. The heading stands at the top of the page (no chapter drop): the first statement
  // starts a page and takes the headings before it along, so that it fits under them.
  doc::Heading annexes = make_heading(1, "", "EKLER", "ekler", true);
  annexes.props["break"] = "none";
  body.blocks.emplace_back(std::move(annexes));
  // The statements: the üst yönetici's always (its absence in the data is a warning); the
  // mali hizmetler birim yöneticisi's always in an İdare report (domain §1.3 EKLER).
  doc::Form assurance = statement_form(c, StatementKind::idare);
  body.blocks.emplace_back(make_heading(2, "Ek 1:", assurance.title, "ek-1"));
  body.blocks.emplace_back(std::move(assurance));
  doc::Form financial = statement_form(c, StatementKind::mali_hizmetler);
  body.blocks.emplace_back(make_heading(2, "Ek 2:", financial.title, "ek-2"));
  body.blocks.emplace_back(std::move(financial));

  // The back matter: the back cover, the last page, on a verso (print pads before it).
  doc::Section back{doc::Matter::back, {}};
  back.blocks.push_back(doc::Block{std::in_place_type<doc::Cover>, back_cover(c, cover, title)});

  if (document.metadata.title.empty()) document.metadata.title = title;
  if (document.metadata.author.empty()) document.metadata.author = idare.ad;
  if (document.metadata.subject.empty()) document.metadata.subject = "İdare Faaliyet Raporu";

  document.sections.push_back(std::move(front));
  document.sections.push_back(std::move(body));
  document.sections.push_back(std::move(back));
  // Kısaltmalar lists what the composed book uses, after the generated lists.
  Blocks list = abbreviations(c, document.sections);
  for (doc::Block& block : list) {  // at the top of a new page, like the lists before it
    if (auto* heading = std::get_if<doc::Heading>(&block)) heading->props["break"] = "none";
  }
  auto& front_blocks = document.sections[0].blocks;
  front_blocks.insert(front_blocks.begin() + static_cast<std::ptrdiff_t>(abbreviations_at),
                      std::make_move_iterator(list.begin()), std::make_move_iterator(list.end()));
  return document;
}

}  // namespace dizgi::faaliyet
