// The outline of the Stratejik Plan (domain §1.1): cover, the approval on the inside cover, the
// front matter, I Hazırlık Süreci, II Durum Analizi (A–İ in the Turkish alphabet), III Geleceğe
// Bakış, IV Strateji Geliştirme, V İzleme ve Değerlendirme and the annexes.
#include "stratejik_plan.hpp"

#include <dizgi/model/format.hpp>

namespace dizgi::plan {

using namespace faaliyet;
using books::Outline;

std::vector<int> Plan::years() const {
  std::vector<int> out;
  for (int y = first_year; y <= last_year && out.size() < 10; ++y) out.push_back(y);
  return out;
}

namespace {

// The plan of the book: the stratejik_plan row whose first year is the parameter "baslangic"
// (else the book's year falls in it, else the only row).
Plan read_plan(const Composer& c) {
  const Table* table = c.data.find("stratejik_plan");
  if (table == nullptr || table->row_count() == 0) {
    throw Error(ErrorCode::data, Location{"", 0, 0, "layout 'stratejik-plan'"}, "missing required table 'stratejik_plan'",
                "the Stratejik Plan needs its years, approval, mission and vision (docs/data-model.md)");
  }
  const std::string wanted = c.param("baslangic", "");
  std::optional<std::size_t> row;
  for (std::size_t r = 0; r < table->row_count(); ++r) {
    auto first = integer_of(table->at(r, "baslangic_yili"));
    auto last = integer_of(table->at(r, "bitis_yili"));
    if (!wanted.empty() ? text_of(table->at(r, "baslangic_yili")) == wanted
                        : (table->row_count() == 1 || (first && last && *first <= c.year && c.year <= *last)))
      row = r;
  }
  if (!row) {
    throw Error(ErrorCode::project, Location{"", 0, 0, "layout parameter 'baslangic'"},
                wanted.empty() ? "no plan of the data covers " + std::to_string(c.year)
                               : "the data has no plan starting in " + wanted,
                "name the first year of a stratejik_plan row: <param name=\"baslangic\" value=\"2025\"/>");
  }
  Plan plan;
  plan.first_year = static_cast<int>(integer_of(table->at(*row, "baslangic_yili")).value_or(0));
  plan.last_year = static_cast<int>(integer_of(table->at(*row, "bitis_yili")).value_or(0));
  if (const auto* date = std::get_if<Date>(&optional_at(*table, *row, "onay_tarihi"))) plan.approval_date = format_date_tr(*date, true);
  plan.decision = text_of(optional_at(*table, *row, "onay_karar_no"));
  plan.mission = text_of(optional_at(*table, *row, "misyon"));
  plan.vision = text_of(optional_at(*table, *row, "vizyon"));
  return plan;
}

// The approval on the inside cover: the council's decision date and number.
void add_approval(const Plan& plan, const books::Administration& idare, Blocks& out) {
  if (plan.approval_date.empty() && plan.decision.empty()) return;
  // "Kuzeykent Büyükşehir Belediyesi" -> "Kuzeykent Büyükşehir Belediye Meclisinin".
  std::string council = idare.is_municipality ? "Belediye Meclisinin" : "yetkili kurulun";
  const std::string suffix = "Belediyesi";
  if (idare.is_municipality && idare.name.size() > suffix.size() && idare.name.ends_with(suffix))
    council = idare.name.substr(0, idare.name.size() - suffix.size()) + "Belediye Meclisinin";
  std::string sentence = "Bu plan, " + council;
  if (!plan.approval_date.empty()) sentence += " " + plan.approval_date + " tarihli";
  if (!plan.decision.empty()) sentence += (plan.approval_date.empty() ? " " : " ve ") + plan.decision + " sayılı";
  sentence += " kararıyla kabul edilmiştir.";
  out.emplace_back(paragraph({span(sentence)}, "kunye"));
}

void add_statement(const Composer& c, Blocks& out, const std::string& text, const std::string& column) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    c.sink.warn("layout.missing-value", Location{"", 0, 0, "table 'stratejik_plan', column '" + column + "'"},
                "the plan has no " + column, "fill stratejik_plan." + column);
    out.emplace_back(Composer::placeholder("Bu metin henüz eklenmemiştir (stratejik_plan." + column + ")."));
    return;
  }
  out.emplace_back(paragraph({span(text)}, "lead"));
}

void add_values(const Composer& c, Blocks& out) {
  const Table* values = c.optional_table("temel_deger", "III-C Temel Değerler");
  if (values == nullptr) {
    out.emplace_back(Composer::placeholder("Temel değerler için veri bulunamadı (tablo: temel_deger)."));
    return;
  }
  doc::Table t;
  t.id = "tablo-temel-degerler";
  t.caption = "Temel Değerler";
  t.columns = {{"28%", doc::Align::start}, {"72%", doc::Align::start}};
  t.header.push_back({header_cell("Değer"), header_cell("Açıklama")});
  for (std::size_t r : books::rows_by(*values, "sira"))
    t.body.push_back({cell(text_of(values->at(r, "ad")), doc::Align::start, "emphasis"),
                      cell(text_of(optional_at(*values, r, "aciklama")))});
  out.emplace_back(std::move(t));
}

}  // namespace

doc::Document StratejikPlan::compose(const LayoutContext& context) {
  if (context.data == nullptr) {
    throw Error(ErrorCode::internal, Location{"", 0, 0, "layout 'stratejik-plan'"}, "layout called without a dataset");
  }
  DiagnosticSink fallback_sink;
  DiagnosticSink& sink = context.sink != nullptr ? *context.sink : fallback_sink;
  Composer c(context, sink, books::year_param(context, "yil", layout_id));
  c.layout_name = layout_id;
  const Plan plan = read_plan(c);
  const books::Administration idare = books::administration(c);
  const std::string period = std::to_string(plan.first_year) + "–" + std::to_string(plan.last_year);
  const std::string title = period + " Stratejik Planı";

  doc::Document document;
  document.metadata = context.metadata;
  if (document.metadata.year == 0) document.metadata.year = plan.first_year;

  doc::Section front{doc::Matter::front, {}};
  Blocks opening;
  const books::BookCover cover{"Stratejik Plan", period, "", "grafik4"};
  const std::size_t abbreviations_at = books::add_front_matter(c, opening, cover, idare);
  // The cover, then the approval on the back of the cover, then the rest of the front matter.
  front.blocks.push_back(std::move(opening.front()));
  front.blocks.emplace_back(doc::Break{doc::BreakKind::page, {}});
  add_approval(plan, idare, front.blocks);
  for (std::size_t i = 1; i < opening.size(); ++i) front.blocks.push_back(std::move(opening[i]));
  const std::size_t shift = front.blocks.size() - opening.size();

  doc::Section body{doc::Matter::body, {}};
  Outline o(body.blocks);
  o.part("STRATEJİK PLAN HAZIRLIK SÜRECİ");
  c.text(body.blocks, "hazirlik-sureci");
  add_preparation(c, body.blocks);

  o.part("DURUM ANALİZİ");
  if (context.texts.count("durum-analizi")) c.text(body.blocks, "durum-analizi");
  add_situation_analysis(c, o);

  o.part("GELECEĞE BAKIŞ");
  o.section("Misyon");
  add_statement(c, body.blocks, plan.mission, "misyon");
  o.section("Vizyon");
  add_statement(c, body.blocks, plan.vision, "vizyon");
  o.section("Temel Değerler");
  add_values(c, body.blocks);

  o.part("STRATEJİ GELİŞTİRME");
  o.section("Amaç ve Hedefler");
  if (context.texts.count("amac-hedef")) c.text(body.blocks, "amac-hedef");
  add_goals(c, body.blocks, plan);
  o.section("Maliyetlendirme");
  if (context.texts.count("maliyetlendirme")) c.text(body.blocks, "maliyetlendirme");
  add_costs(c, body.blocks, plan);

  o.part("İZLEME VE DEĞERLENDİRME");
  c.text(body.blocks, "izleme");
  add_monitoring(c, body.blocks, plan);

  doc::Section back{doc::Matter::back, {}};
  back.blocks.emplace_back(make_heading(1, "", "EKLER", "ekler", true));
  back.blocks.emplace_back(make_heading(2, "Ek 1:", "Performans Göstergesi Kartları", "ek-1"));
  add_indicator_cards(c, back.blocks);

  if (document.metadata.title.empty()) document.metadata.title = title;
  if (document.metadata.author.empty()) document.metadata.author = idare.name;
  if (document.metadata.subject.empty()) document.metadata.subject = "Stratejik Plan";
  document.sections.push_back(std::move(front));
  document.sections.push_back(std::move(body));
  document.sections.push_back(std::move(back));
  books::insert_abbreviations(c, document, abbreviations_at + shift);
  books::add_back_cover(c, document, cover, title);
  return document;
}

}  // namespace dizgi::plan
