// The outline of the Performans Programı (domain §1.2): cover and front matter, I Genel
// Bilgiler, II Performans Bilgileri. Tablo 1–4 and the charts live in tables.cpp.
#include "performans_programi.hpp"

#include <dizgi/model/format.hpp>

namespace dizgi::programme {

using namespace faaliyet;
using books::Outline;

namespace {

// The year the staff figures are of: the derived personel_ozet's (the latest count before the
// programme year when the data has none of that year), else the year before the programme.
int staff_year(const Composer& c) {
  if (const Table* staff = c.data.find("personel_ozet"); staff != nullptr && staff->row_count() > 0)
    if (auto y = integer_of(staff->at(0, "yil"))) return static_cast<int>(*y);
  return c.year - 1;
}

}  // namespace

doc::Document PerformansProgrami::compose(const LayoutContext& context) {
  if (context.data == nullptr) {
    throw Error(ErrorCode::internal, Location{"", 0, 0, "layout 'performans-programi'"},
                "layout called without a dataset");
  }
  DiagnosticSink fallback_sink;
  DiagnosticSink& sink = context.sink != nullptr ? *context.sink : fallback_sink;
  const int year = books::year_param(context, "yil", layout_id);
  if (!context.data->has("pp_performans")) {
    throw Error(ErrorCode::data, Location{"", 0, 0, "layout 'performans-programi'"},
                "no activities of " + std::to_string(year) + " (table 'faaliyet' with hedef codes)",
                "the Performans Programı needs the year's activities and their costs (faaliyet, faaliyet_maliyet)");
  }
  Composer c(context, sink, year);
  c.layout_name = layout_id;
  const std::string year_text = format_integer_tr(year, false);
  const books::Administration idare = books::administration(c);

  doc::Document document;
  document.metadata = context.metadata;
  document.metadata.year = year;
  const std::string title = year_text + " Yılı Performans Programı";

  doc::Section front{doc::Matter::front, {}};
  const books::BookCover cover{"Performans Programı", year_text, "", "grafik6"};
  const std::size_t abbreviations_at = books::add_front_matter(c, front.blocks, cover, idare);

  doc::Section body{doc::Matter::body, {}};
  Outline o(body.blocks);
  o.part("GENEL BİLGİLER");
  o.section("Yetki, Görev ve Sorumluluklar");
  c.text(body.blocks, "yetki-gorev");
  o.section("Teşkilat Yapısı");
  c.text(body.blocks, "teskilat");
  books::add_organisation_chart(c, body.blocks, "grafik-teskilat");
  o.section("Fiziksel Kaynaklar");
  if (context.texts.count("fiziksel-kaynaklar")) c.text(body.blocks, "fiziksel-kaynaklar");
  add_physical_resources(c, body.blocks);
  add_it_resources(c, body.blocks);
  o.section("İnsan Kaynakları");
  if (context.texts.count("insan-kaynaklari")) c.text(body.blocks, "insan-kaynaklari");
  {
    // Staff as last counted (the year before the programme).
    Composer counted(context, sink, staff_year(c));
    counted.layout_name = layout_id;
    add_staff(counted, body.blocks);
  }
  o.section("Diğer Hususlar");
  c.optional_text(body.blocks, "genel-diger");

  o.part("PERFORMANS BİLGİLERİ");
  o.section("Temel Politika ve Öncelikler");
  c.text(body.blocks, "temel-politikalar");
  o.section("Amaç ve Hedefler");
  if (context.texts.count("amac-hedef")) c.text(body.blocks, "amac-hedef");
  books::add_goal_overview(c, body.blocks, "tablo-amac-hedef", "Stratejik Amaç ve Hedefler");
  o.section("Performans Hedef ve Göstergeleri ile Faaliyetler");
  if (context.texts.count("performans-hedefleri")) c.text(body.blocks, "performans-hedefleri");
  add_goal_tables(c, body.blocks, idare.name);
  o.section("İdarenin Toplam Kaynak İhtiyacı");
  if (context.texts.count("kaynak-ihtiyaci")) c.text(body.blocks, "kaynak-ihtiyaci");
  add_resource_tables(c, body.blocks);
  o.section("Diğer Hususlar");
  c.optional_text(body.blocks, "performans-diger");

  if (document.metadata.title.empty()) document.metadata.title = title;
  if (document.metadata.author.empty()) document.metadata.author = idare.name;
  if (document.metadata.subject.empty()) document.metadata.subject = "Performans Programı";
  document.sections.push_back(std::move(front));
  document.sections.push_back(std::move(body));
  books::insert_abbreviations(c, document, abbreviations_at);
  books::add_back_cover(c, document, cover, title);
  return document;
}

}  // namespace dizgi::programme
