// The Birim Faaliyet Raporu (domain §1.4, §8.6): the same I–V skeleton scoped to one spending
// unit (layout parameter `birim` = birim.id or birim.kod): its duties, staff and resources; the
// goals where it is responsible or cooperating, marked; its budget by economic code with the
// deviation reasons, whose total is its line in the İdare report; its activities and the
// indicators of the goals it is responsible for; the harcama yetkilisi's statement with its
// reservation. Opens with the unit head's foreword, signed by the harcama yetkilisi.
#include "composer.hpp"

#include <dizgi/model/case.hpp>
#include <dizgi/model/format.hpp>
#include <dizgi/model/outline.hpp>

#include <algorithm>
#include <map>
#include <sstream>

namespace dizgi::faaliyet {

namespace {

struct Unit {
  std::size_t row = 0;
  std::string id, name, head, head_title, duties;
};

// Whether the unit works on goal `row` of `hedef`: "Sorumlu", "İşbirliği" or "".
std::string role_in_goal(const Table& hedef, std::size_t row, const std::string& unit_id) {
  if (text_of(optional_at(hedef, row, "sorumlu_birim_id")) == unit_id) return "Sorumlu";
  const std::string partners = text_of(optional_at(hedef, row, "isbirligi_birimleri"));
  if (partners == "tum_birimler") return "İşbirliği";
  std::stringstream list(partners);
  for (std::string id; std::getline(list, id, ';');)
    if (id == unit_id) return "İşbirliği";
  return "";
}

std::string signed_name(const std::string& name) {
  const std::size_t space = name.find_last_of(' ');
  return space == std::string::npos ? upper_tr(name) : name.substr(0, space + 1) + upper_tr(name.substr(space + 1));
}

void unit_budget(const Composer& c, const Unit& unit, Blocks& out) {
  const Table* table = c.optional_table("butce_gider_birim_kod", "III-A Mali Bilgiler");
  doc::Table t;
  t.id = "tablo-birim-butce";
  t.caption = unit.name + " Bütçe Giderleri";
  t.note = "(Bin TL) Gerçekleşme oranı = Harcama ÷ Yıl Sonu Ödeneği × 100.";
  t.columns = {{"9%", doc::Align::start}, {"23%", doc::Align::start}, {"12%", doc::Align::end},
               {"11%", doc::Align::end}, {"11%", doc::Align::end},  {"12%", doc::Align::end},
               {"12%", doc::Align::end}, {"10%", doc::Align::end}};
  t.header.push_back({header_cell("Ekonomik Kod"), header_cell("Gider Türü"),
                      header_cell("Başlangıç Ödeneği", doc::Align::end), header_cell("Eklenen", doc::Align::end),
                      header_cell("Düşülen", doc::Align::end), header_cell("Yıl Sonu Ödeneği", doc::Align::end),
                      header_cell("Harcama", doc::Align::end), header_cell("Oran (%)", doc::Align::end)});
  if (table != nullptr) {
    for (std::size_t r = 0; r < table->row_count(); ++r) {
      if (!c.is_report_year(*table, r) || text_of(table->at(r, "birim_id")) != unit.id) continue;
      const std::string code = text_of(table->at(r, "ekonomik_kod"));
      std::vector<doc::TableCell> cells{cell(code == "TOPLAM" ? "" : code), cell(text_of(table->at(r, "ad")))};
      for (const char* column : {"baslangic_odenegi", "eklenen", "dusulen", "yil_sonu_odenegi", "harcama"})
        cells.push_back(thousands_cell(table->at(r, column)));
      cells.push_back(percent_cell(table->at(r, "gerceklesme_orani")));
      add_summary_row(t, doc::TableRow(std::move(cells)), code == "TOPLAM");
    }
  }
  if (t.body.empty()) {
    out.emplace_back(Composer::placeholder(unit.name + " için " + std::to_string(c.year) +
                                           " yılı bütçe gider verisi bulunamadı."));
    return;
  }
  out.emplace_back(std::move(t));

  // The unit's deviation reasons.
  const Table* reasons = c.data.find("butce_gider_sapma");
  doc::List list;
  list.style = "sapma";
  if (reasons != nullptr) {
    for (std::size_t r = 0; r < reasons->row_count(); ++r) {
      if (!c.is_report_year(*reasons, r) || text_of(reasons->at(r, "birim_id")) != unit.id) continue;
      auto rate = decimal_of(reasons->at(r, "gerceklesme_orani"));
      list.items.push_back(doc::ListItem{{span(text_of(reasons->at(r, "ekonomik_kod")) + " (" +
                                                   (rate ? format_percent_tr(*rate, 2) : "–") + "): ",
                                               true),
                                          span(text_of(reasons->at(r, "sapma_aciklamasi")))},
                                         0});
    }
  }
  out.emplace_back(paragraph({span("Bütçe Sapmalarının Nedenleri", true)}, "subhead"));
  if (list.items.empty()) {
    out.emplace_back(paragraph({span("Ödenek ile harcama arasında açıklama gerektiren bir sapma bulunmamaktadır.")}));
  } else {
    out.emplace_back(std::move(list));
  }
}

void unit_goals(const Composer& c, const Unit& unit, Blocks& out, std::vector<std::string>& responsible) {
  const Table* hedef = c.optional_table("hedef", "II Amaç ve Hedefler");
  if (hedef == nullptr) return;
  doc::Table t;
  t.id = "tablo-birim-hedefler";
  t.caption = "Birimin Sorumlu veya İşbirliği Yaptığı Hedefler";
  t.columns = {{"10%", doc::Align::start}, {"72%", doc::Align::start}, {"18%", doc::Align::start}};
  t.header.push_back({header_cell("Kod"), header_cell("Hedef"), header_cell("Rolü")});
  std::vector<std::size_t> rows(hedef->row_count());
  for (std::size_t r = 0; r < rows.size(); ++r) rows[r] = r;
  std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
    return natural_less(text_of(hedef->at(a, "kod")), text_of(hedef->at(b, "kod")));
  });
  for (std::size_t r : rows) {
    const std::string role = role_in_goal(*hedef, r, unit.id);
    if (role.empty()) continue;
    if (role == "Sorumlu") responsible.push_back(text_of(hedef->at(r, "kod")));
    t.body.push_back({cell(text_of(hedef->at(r, "kod"))), cell(text_of(hedef->at(r, "metin"))), cell(role)});
  }
  if (t.body.empty()) {
    out.emplace_back(paragraph({span("Birim, stratejik planın hedeflerinde sorumlu ya da işbirliği yapan birim "
                                     "olarak yer almamaktadır.")}));
    return;
  }
  out.emplace_back(std::move(t));
}

void unit_activities(const Composer& c, const Unit& unit, Blocks& out) {
  const Table* table = c.optional_table("faaliyet", "III-B Performans Bilgileri");
  doc::Table t;
  t.id = "tablo-birim-faaliyetler";
  t.caption = "Birimin Faaliyet ve Projeleri";
  t.note = "(Bin TL)";
  t.columns = {{"10%", doc::Align::start}, {"44%", doc::Align::start}, {"14%", doc::Align::end},
               {"16%", doc::Align::end},   {"16%", doc::Align::end}};
  t.header.push_back({header_cell("Kod"), header_cell("Faaliyet / Proje"),
                      header_cell("Fiziki Gerçekleşme (%)", doc::Align::end), header_cell("Bütçe", doc::Align::end),
                      header_cell("Harcanan", doc::Align::end)});
  if (table != nullptr) {
    for (std::size_t r = 0; r < table->row_count(); ++r) {
      if (text_of(optional_at(*table, r, "sorumlu_birim_id")) != unit.id) continue;
      t.body.push_back({cell(text_of(table->at(r, "kod"))), cell(text_of(table->at(r, "ad"))),
                        percent_cell(optional_at(*table, r, "fiziki_gerceklesme")),
                        thousands_cell(optional_at(*table, r, "butce")), thousands_cell(optional_at(*table, r, "harcanan"))});
    }
  }
  if (t.body.empty()) {
    out.emplace_back(paragraph({span("Birimin sorumlu olduğu faaliyet veya proje bulunmamaktadır.")}));
    return;
  }
  out.emplace_back(std::move(t));
}

void unit_indicators(const Composer& c, const std::vector<std::string>& goals, Blocks& out) {
  const Table* results = c.data.find("gosterge_sonuc");
  const Table* indicators = c.data.find("gosterge");
  if (results == nullptr || indicators == nullptr || goals.empty()) return;
  std::map<std::string, std::string> names;
  for (std::size_t r = 0; r < indicators->row_count(); ++r) {
    const std::string unit_name = text_of(optional_at(*indicators, r, "olcu_birimi"));
    names[text_of(indicators->at(r, "kod"))] =
        text_of(indicators->at(r, "ad")) + (unit_name.empty() ? "" : " (" + unit_name + ")");
  }
  for (const std::string& goal : goals) {
    doc::Table t;
    t.id = "tablo-birim-performans-" + anchor_of(goal);
    t.caption = "Hedef " + goal + " Performans Göstergeleri";
    t.keep_together = true;
    t.columns = {{"40%", doc::Align::start}, {"15%", doc::Align::end}, {"15%", doc::Align::end},
                 {"15%", doc::Align::end},   {"15%", doc::Align::end}};
    t.header.push_back({header_cell("Performans Göstergesi"), header_cell("Hedeflenen (B)", doc::Align::end),
                        header_cell("6 Aylık", doc::Align::end), header_cell("Gerçekleşen (C)", doc::Align::end),
                        header_cell("Oran (%)", doc::Align::end)});
    for (std::size_t r = 0; r < results->row_count(); ++r) {
      if (!c.is_report_year(*results, r) || text_of(results->at(r, "hedef_kod")) != goal) continue;
      const std::string code = text_of(results->at(r, "gosterge_kod"));
      t.body.push_back({cell(code + " " + names[code]), count_cell(results->at(r, "hedef_deger")),
                        count_cell(results->at(r, "alti_ay_deger")), count_cell(results->at(r, "gerceklesme")),
                        percent_cell(results->at(r, "gerceklesme_orani"))});
    }
    if (!t.body.empty()) out.emplace_back(std::move(t));
  }
}

}  // namespace

doc::Document compose_birim(const Composer& c, const std::string& wanted, const std::string& idare_name) {
  const Table* units = c.data.find("birim");
  std::optional<Unit> unit;
  if (units != nullptr) {
    for (std::size_t r = 0; r < units->row_count() && !unit; ++r) {
      if (text_of(units->at(r, "id")) != wanted && text_of(optional_at(*units, r, "kod")) != wanted) continue;
      unit = Unit{r, text_of(units->at(r, "id")), text_of(units->at(r, "ad")),
                  text_of(optional_at(*units, r, "harcama_yetkilisi")),
                  text_of(optional_at(*units, r, "harcama_yetkilisi_unvan")),
                  text_of(optional_at(*units, r, "gorev_tanimi"))};
    }
  }
  if (!unit) {
    throw Error(ErrorCode::project, Location{"", 0, 0, "layout parameter 'birim'"},
                "no unit '" + wanted + "' in table 'birim'", "give a birim.id or birim.kod of a spending unit");
  }
  const std::string year = format_integer_tr(c.year, false);
  doc::Document document;
  document.metadata = c.context.metadata;
  document.metadata.year = c.year;
  document.metadata.title = year + " Yılı " + unit->name + " Birim Faaliyet Raporu";
  document.metadata.author = idare_name;
  document.metadata.subject = "Birim Faaliyet Raporu";

  doc::Section front{doc::Matter::front, {}};
  const BookCover cover{"Birim Faaliyet Raporu", year, unit->name, "vurgu"};
  front.blocks.push_back(doc::Block{std::in_place_type<doc::Cover>, front_cover(c, cover)});
  // On the back of the cover, as in the İdare report, rather than a blank page: the imprint,
  // prepared by the unit itself.
  add_imprint(c, front.blocks, document.metadata.title, unit->name);
  front.blocks.emplace_back(make_heading(1, "", "Birim Yöneticisinin Sunuşu", "sunus", true));
  if (c.context.texts.count("birim-sunus")) {
    c.text(front.blocks, "birim-sunus");
  } else if (const Table* totals = c.data.find("butce_gider_birim")) {
    for (std::size_t r = 0; r < totals->row_count(); ++r) {
      if (!c.is_report_year(*totals, r) || text_of(totals->at(r, "birim_id")) != unit->id) continue;
      auto rate = decimal_of(totals->at(r, "gerceklesme_orani"));
      front.blocks.emplace_back(paragraph({span(
          unit->name + " olarak " + year + " yılında " + format_decimal_tr(amount_of(totals->at(r, "yil_sonu_odenegi")), 2) +
          " TL yıl sonu ödeneğimizden " + format_decimal_tr(amount_of(totals->at(r, "harcama")), 2) +
          " TL harcama yaptık; bütçe gerçekleşme oranımız " + (rate ? format_percent_tr(*rate, 2) : "–") +
          " oldu. Faaliyetlerimizi ve sorumlu olduğumuz hedeflerin sonuçlarını bu raporda sunuyoruz.")}));
    }
  }
  if (!unit->head.empty()) {
    front.blocks.emplace_back(paragraph({span(signed_name(unit->head), true)}, "imza"));
    front.blocks.emplace_back(
        paragraph({span(unit->head_title.empty() ? "Harcama Yetkilisi" : unit->head_title)}, "imza"));
  }
  // The contents face the Sunuş (a verso), so the body starts on the next recto.
  doc::ListOf contents = list_of(doc::ListOfKind::contents, "İçindekiler", 2);
  contents.props["break"] = "page";
  front.blocks.emplace_back(std::move(contents));

  doc::Section body{doc::Matter::body, {}};
  OutlineCounter counter;
  // A unit's report is short: its parts open a new page, or run on after a short part, never a
  // recto with a blank verso before it (the template's level-1 setting is for the İdare report).
  auto part = [&](const std::string& title, const char* opens) {
    doc::Heading h = make_heading(1, format_roman(counter.next(1)) + "-", title, counter.anchor("bolum"), true);
    h.props["break"] = opens;
    body.blocks.emplace_back(std::move(h));
  };
  auto section = [&](const std::string& title) {
    body.blocks.emplace_back(
        make_heading(2, format_outline_label(counter.next(2), OutlineStyle::latin) + "-", title, counter.anchor("bolum")));
  };
  part("GENEL BİLGİLER", "page");
  section("Yetki, Görev ve Sorumluluklar");
  if (unit->duties.empty())
    body.blocks.emplace_back(Composer::placeholder("Birimin görev tanımı verisi bulunamadı (birim.gorev_tanimi)."));
  else
    body.blocks.emplace_back(paragraph({span(unit->duties)}));
  section("Birime İlişkin Bilgiler");
  std::optional<int64_t> staff;
  if (const Table* personel = c.data.find("personel")) {
    for (std::size_t r = 0; r < personel->row_count(); ++r) {
      if (!c.is_report_year(*personel, r) || text_of(optional_at(*personel, r, "birim_id")) != unit->id) continue;
      staff = staff.value_or(0) + integer_of(personel->at(r, "adet")).value_or(0);
    }
  }
  body.blocks.emplace_back(paragraph(
      {span(staff ? "Birimde " + format_integer_tr(*staff) + " personel görev yapmaktadır (birim kadrosundaki memurlar)."
                  : "Birimin personel verisi bulunamadı (personel.birim_id).")}));
  body.blocks.emplace_back(paragraph({span("Birim, idarenin ortak hizmet binaları ile bilgi işlem altyapısını "
                                           "kullanmaktadır; birime ayrılmış fiziksel kaynak kaydı bulunmamaktadır.")}));

  part("AMAÇ VE HEDEFLER", "none");
  std::vector<std::string> responsible;
  unit_goals(c, *unit, body.blocks, responsible);

  part("FAALİYETLERE İLİŞKİN BİLGİ VE DEĞERLENDİRMELER", "page");
  section("Mali Bilgiler");
  unit_budget(c, *unit, body.blocks);
  section("Performans Bilgileri");
  unit_activities(c, *unit, body.blocks);
  unit_indicators(c, responsible, body.blocks);

  part("KURUMSAL KABİLİYET VE KAPASİTENİN DEĞERLENDİRİLMESİ", "none");
  c.optional_text(body.blocks, "birim-degerlendirme");
  part("ÖNERİ VE TEDBİRLER", "none");
  c.optional_text(body.blocks, "birim-oneriler");

  // The annex follows the last part in the body: a back matter would open a recto of its own.
  doc::Heading annexes = make_heading(1, "", "EKLER", "ekler", true);
  annexes.props["break"] = "none";
  body.blocks.emplace_back(std::move(annexes));
  doc::Form statement = statement_form(c, StatementKind::birim, unit->id);
  // Kept whole, but on the page of the last part when it fits there: a page of its own would
  // leave a blank page before the back cover, which stays on a verso.
  statement.props["break-before"] = "none";
  body.blocks.emplace_back(make_heading(2, "Ek 1:", statement.title, "ek-1"));
  body.blocks.emplace_back(std::move(statement));

  body.blocks.push_back(doc::Block{std::in_place_type<doc::Cover>, back_cover(c, cover, document.metadata.title)});

  document.sections.push_back(std::move(front));
  document.sections.push_back(std::move(body));
  return document;
}

}  // namespace dizgi::faaliyet
