// The faaliyet-raporu layout composed from a small hand-built dataset: outline and numbering,
// exact budget totals, Turkish ratios and collation, placeholders and errors.
#include "faaliyet_raporu.hpp"

#include "composer.hpp"

#include "data/derived.hpp"
#include "layout/table/cells.hpp"
#include "statements.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/dataset.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using dizgi::Column;
using dizgi::Decimal;
using dizgi::Value;
using dizgi::ValueType;
namespace doc = dizgi::doc;
namespace fr = dizgi::faaliyet;

Column text(const char* name) { return Column{name, ValueType::text, true, 0}; }
Column integer(const char* name) { return Column{name, ValueType::integer, true, 0}; }
Column money(const char* name) { return Column{name, ValueType::decimal, true, 2}; }
Column boolean(const char* name) { return Column{name, ValueType::boolean, true, 0}; }
Decimal tl(const char* turkish) { return *Decimal::parse_tr(turkish); }

// One administration, four units, two years of expenditure, two aims, one goal with four
// indicators (increasing, decreasing, maintenance, missing data).
dizgi::Dataset sample_dataset() {
  dizgi::Dataset data;
  dizgi::Table idare("idare",
                     {integer("id"), text("ad"), text("tur"), text("il"), integer("nufus"),
                      integer("nufus_yili"), integer("yuzolcumu_km2"), text("ust_yonetici")});
  idare.add_row({int64_t{1}, std::string("Kuzeykent Büyükşehir Belediyesi"),
                 std::string("büyükşehir belediyesi"), std::string("Kuzeykent"), int64_t{4100000},
                 int64_t{2024}, int64_t{12000}, std::string("Deniz Yılmazer")});
  data.put(std::move(idare));

  dizgi::Table birim("birim", {integer("id"), text("kod"), text("ad"), text("kisa_ad"), text("tur"),
                               boolean("harcama_birimi"), text("harcama_yetkilisi")});
  auto unit = [&](int64_t id, const char* ad, bool spending) {
    birim.add_row({id, std::string("B") + std::to_string(id), std::string(ad), std::monostate{},
                   std::string("daire başkanlığı"), spending,
                   id == 7 ? Value{std::string("Ece Karaağaç")} : Value{}});
  };
  unit(1, "İmar ve Şehircilik Dairesi Başkanlığı", true);
  unit(2, "Halk Sağlığı Dairesi Başkanlığı", true);
  unit(3, "Çevre Koruma ve Kontrol Dairesi Başkanlığı", true);
  unit(4, "Bilgi İşlem Dairesi Başkanlığı", true);
  unit(5, "Işıklandırma Koordinasyon Şube Müdürlüğü", false);
  unit(6, "Zabıta Dairesi Başkanlığı", true);
  unit(7, "Mali Hizmetler Dairesi Başkanlığı", true);
  data.put(std::move(birim));

  dizgi::Table kod("ekonomik_kod", {text("kod"), text("ad"), integer("duzey"), text("tur")});
  kod.add_row(
      {std::string("01"), std::string("Personel Giderleri"), int64_t{1}, std::string("gider")});
  kod.add_row({std::string("03"), std::string("Mal ve Hizmet Alım Giderleri"), int64_t{1},
               std::string("gider")});
  kod.add_row(
      {std::string("06"), std::string("Sermaye Giderleri"), int64_t{1}, std::string("gider")});
  kod.add_row({std::string("03.2"), std::string("Tüketime Yönelik Mal ve Malzeme Alımları"),
               int64_t{2}, std::string("gider")});
  data.put(std::move(kod));

  dizgi::Table gider("butce_gider", {integer("yil"), integer("birim_id"), text("ekonomik_kod"),
                                     text("fonksiyonel_kod"), money("baslangic_odenegi"),
                                     money("eklenen"), money("dusulen"), money("yil_sonu_odenegi"),
                                     money("harcama"), text("sapma_aciklamasi")});
  auto line = [&](int64_t year, int64_t unit_id, const char* code, const char* initial,
                  const char* year_end, const char* spent) {
    gider.add_row({year, unit_id, std::string(code), std::string("01.3.9.00"), tl(initial),
                   Decimal{0, 2}, Decimal{0, 2}, tl(year_end), tl(spent), std::monostate{}});
  };
  // 01: 1.000.000,00 ödenek, 874.500,00 harcama -> %87,45 realisation.
  line(2025, 1, "01.1.1.01", "600.000,00", "600.000,00", "524.700,00");
  line(2025, 2, "01.1.1.01", "400.000,00", "400.000,00", "349.800,00");
  // 03: kuruş amounts that must add up exactly: 123.456.789,01 + 876.543.210,99.
  line(2025, 3, "03.2.1.01", "100.000.000,00", "123.456.789,01", "100.000.000,01");
  line(2025, 4, "03.5.2.01", "900.000.000,00", "876.543.210,99", "800.000.000,02");
  // 06 and another year that must be ignored.
  line(2025, 1, "06.1", "50.000.000,00", "49.999.999,99", "25.000.000,00");
  line(2024, 1, "01.1.1.01", "999.999,99", "999.999,99", "999.999,99");
  data.put(std::move(gider));

  dizgi::Table amac("amac", {text("kod"), text("metin"), integer("sira")});
  amac.add_row({std::string("A2"), std::string("Çevreyi korumak"), int64_t{2}});
  amac.add_row({std::string("A1"), std::string("Kentsel altyapıyı güçlendirmek"), int64_t{1}});
  data.put(std::move(amac));
  dizgi::Table hedef("hedef", {text("kod"), text("amac_kod"), text("metin"), text("aciklama"),
                               integer("sorumlu_birim_id")});
  hedef.add_row({std::string("H1.10"), std::string("A1"), std::string("Onuncu hedef"),
                 std::monostate{}, int64_t{1}});
  hedef.add_row({std::string("H1.2"), std::string("A1"), std::string("Yol ağını genişletmek"),
                 std::monostate{}, int64_t{1}});
  data.put(std::move(hedef));

  dizgi::Table gosterge(
      "gosterge", {text("kod"), text("hedef_kod"), text("ad"), text("olcu_birimi"),
                   money("hedefe_etkisi"), text("yon"), text("tur"), text("hesaplama_yontemi"),
                   money("baslangic_degeri"), integer("baslangic_yili")});
  auto indicator = [&](const char* code, const char* name, const char* unit_name,
                       const char* weight, const char* direction, const char* baseline) {
    gosterge.add_row({std::string(code), std::string("H1.2"), std::string(name),
                      std::string(unit_name), tl(weight), std::string(direction),
                      std::string("kümülatif"), std::monostate{}, tl(baseline), int64_t{2024}});
  };
  indicator("G1.2.1", "Asfaltlanan yol uzunluğu", "km", "20", "artan", "150");
  indicator("G1.2.2", "İtfaiye ortalama varış süresi", "dk", "20", "azalan", "12");
  indicator("G1.2.3", "Atık su arıtma oranı", "%", "30", "koruma", "100");
  indicator("G1.2.4", "Akıllı kavşak sayısı", "adet", "30", "artan", "10");
  gosterge.add_row({std::string("G1.10.1"), std::string("H1.10"), std::string("Yeni durak sayısı"),
                    std::string("adet"), tl("100"), std::string("artan"), std::string("kümülatif"),
                    std::monostate{}, tl("0"), int64_t{2024}});
  data.put(std::move(gosterge));
  dizgi::Table hedef_degeri("gosterge_hedef",
                            {text("gosterge_kod"), integer("yil"), money("deger")});
  for (auto [code, value] : std::vector<std::pair<const char*, const char*>>{{"G1.2.1", "180"},
                                                                             {"G1.2.2", "11"},
                                                                             {"G1.2.3", "100"},
                                                                             {"G1.2.4", "20"},
                                                                             {"G1.10.1", "10"}}) {
    hedef_degeri.add_row({std::string(code), int64_t{2025}, tl(value)});
  }
  data.put(std::move(hedef_degeri));
  dizgi::Table olcum("gosterge_olcum", {text("gosterge_kod"), integer("yil"), text("donem"),
                                        money("deger"), text("sapma_nedeni"), text("tedbir")});
  olcum.add_row({std::string("G1.2.1"), int64_t{2025}, std::string("yil_sonu"), tl("171"),
                 std::string("Yağışlı geçen sonbahar asfalt sezonunu kısalttı."),
                 std::string("Çalışma takvimi öne çekilecek.")});
  olcum.add_row({std::string("G1.2.2"), int64_t{2025}, std::string("yil_sonu"), tl("11,5"),
                 std::monostate{}, std::monostate{}});
  olcum.add_row({std::string("G1.2.3"), int64_t{2025}, std::string("yil_sonu"), tl("100"),
                 std::monostate{}, std::monostate{}});
  olcum.add_row({std::string("G1.2.4"), int64_t{2025}, std::string("yil_sonu"), std::monostate{},
                 std::monostate{}, std::monostate{}});
  olcum.add_row({std::string("G1.10.1"), int64_t{2025}, std::string("yil_sonu"), tl("5"),
                 std::string("İhale süreci uzadı."), std::monostate{}});
  olcum.add_row({std::string("G1.10.1"), int64_t{2025}, std::string("6_ay"), tl("9"),
                 std::monostate{},
                 std::monostate{}});  // the mid-year value must not be taken for the year end
  data.put(std::move(olcum));
  return data;
}

struct Composed {
  doc::Document document;
  dizgi::DiagnosticSink sink;
};

// Composes the book from `data` plus the tables the host derives for 2025, as a build does.
void compose(const dizgi::Dataset& data, Composed& out,
             std::map<std::string, std::string> texts = {{"misyon", "Kente hizmet etmek."}},
             std::map<std::string, std::string> params = {}) {
  dizgi::Dataset derived = data;
  dizgi::data::DerivedOptions options;
  options.year = 2025;
  options.missing = dizgi::data::MissingPolicy::count_as_zero;
  dizgi::data::add_derived_tables(derived, options);
  dizgi::LayoutContext context;
  context.data = &derived;
  context.params = std::move(params);
  context.params["yil"] = "2025";
  context.texts = std::move(texts);
  context.sink = &out.sink;
  fr::FaaliyetRaporu layout;
  out.document = layout.compose(context);
}

std::vector<const doc::Block*> all_blocks(const doc::Document& document) {
  std::vector<const doc::Block*> blocks;
  for (const auto& section : document.sections) {
    for (const auto& block : section.blocks) blocks.push_back(&block);
  }
  return blocks;
}

const doc::Table* find_table(const doc::Document& document, const std::string& id) {
  for (const doc::Block* block : all_blocks(document)) {
    if (const auto* table = std::get_if<doc::Table>(block); table && table->id == id) return table;
  }
  return nullptr;
}

std::string text_of(const std::vector<doc::Span>& spans) {
  std::string out;
  for (const auto& span : spans) out += span.text;
  return out;
}

// A cell as the page shows it: its text, or its typed value written with its number format (the
// host's table code; "–" for a missing figure).
std::string text_of(const doc::TableCell& cell) {
  if (!cell.content.empty()) return text_of(cell.content);
  return dizgi::layout::format_value(cell.value, cell.format, "–");
}

// The exact value of a typed cell.
Decimal value_of(const doc::TableCell& cell) { return std::get<Decimal>(cell.value); }

std::vector<std::string> header_of(const doc::Table& table) {
  std::vector<std::string> out;
  for (const auto& cell : table.header.at(0).cells) out.push_back(text_of(cell));
  return out;
}

bool has_warning_naming(const dizgi::DiagnosticSink& sink, const std::string& what) {
  for (const auto& d : sink.diagnostics()) {
    if (d.severity == dizgi::Severity::warning && d.message.find(what) != std::string::npos)
      return true;
  }
  return false;
}

TEST(FaaliyetRaporu, OutlineHasPartsOneToFiveAsChapterOpeners) {
  auto data = sample_dataset();
  Composed c;
  compose(data, c);
  std::vector<std::string> parts;
  std::vector<std::string> sections_of_part_one;
  std::vector<std::string> subs;
  int part_count = 0;
  for (const doc::Block* block : all_blocks(c.document)) {
    const auto* h = std::get_if<doc::Heading>(block);
    if (h == nullptr) continue;
    if (h->level == 1 && !h->number.empty()) {
      ++part_count;
      EXPECT_TRUE(h->chapter_opener) << h->number;
      parts.push_back(h->number + " " + text_of(h->content));
    }
    if (h->level == 2 && part_count == 1)
      sections_of_part_one.push_back(h->number + " " + text_of(h->content));
    if (h->level == 3 && part_count == 1) subs.push_back(h->number + " " + text_of(h->content));
  }
  EXPECT_EQ(parts,
            (std::vector<std::string>{"I- GENEL BİLGİLER", "II- AMAÇ VE HEDEFLER",
                                      "III- FAALİYETLERE İLİŞKİN BİLGİ VE DEĞERLENDİRMELER",
                                      "IV- KURUMSAL KABİLİYET VE KAPASİTENİN DEĞERLENDİRİLMESİ",
                                      "V- ÖNERİ VE TEDBİRLER"}));
  EXPECT_EQ(sections_of_part_one,
            (std::vector<std::string>{"A- Misyon ve Vizyon", "B- Yetki, Görev ve Sorumluluklar",
                                      "C- İdareye İlişkin Bilgiler", "D- Diğer Hususlar"}));
  ASSERT_EQ(subs.size(), 6u);
  EXPECT_EQ(subs.front(), "1. Fiziksel Yapı");
  EXPECT_EQ(subs.back(), "6. Yönetim ve İç Kontrol Sistemi");

  // Front matter: cover, foreword, contents, list of tables; body; back matter with the form.
  ASSERT_EQ(c.document.sections.size(), 3u);
  EXPECT_EQ(c.document.sections[0].matter, doc::Matter::front);
  const auto* cover = std::get_if<doc::Cover>(&c.document.sections[0].blocks.front());
  ASSERT_NE(cover, nullptr);
  // The year once, large; the title without it; the book's accent for the engine's cover.
  EXPECT_EQ(cover->title, "İdare Faaliyet Raporu");
  EXPECT_EQ(cover->year, "2025");
  EXPECT_EQ(cover->organisation, "Kuzeykent Büyükşehir Belediyesi");
  EXPECT_EQ(cover->props.at("accent"), "vurgu");
  EXPECT_EQ(cover->props.count("side"), 0u);
  // The back cover ends the book: the administration's contact lines and the full title.
  const auto* back = std::get_if<doc::Cover>(&c.document.sections.back().blocks.back());
  ASSERT_NE(back, nullptr);
  EXPECT_EQ(back->props.at("side"), "back");
  EXPECT_EQ(back->title, "2025 Yılı İdare Faaliyet Raporu");
  EXPECT_EQ(back->organisation, cover->organisation);
  std::vector<doc::ListOfKind> lists;
  for (const auto& block : c.document.sections[0].blocks) {
    if (const auto* l = std::get_if<doc::ListOf>(&block)) lists.push_back(l->kind);
  }
  EXPECT_NE(std::find(lists.begin(), lists.end(), doc::ListOfKind::contents), lists.end());
  EXPECT_NE(std::find(lists.begin(), lists.end(), doc::ListOfKind::tables), lists.end());
  EXPECT_EQ(c.document.metadata.year, 2025);
}

TEST(FaaliyetRaporu, TurkishSectionLettersOnRequest) {
  // The Yönetmelik goes C- then D-; harfler="turkce" gives the Turkish alphabet's Ç- instead.
  auto data = sample_dataset();
  Composed c;
  compose(data, c, {}, {{"harfler", "turkce"}});
  std::vector<std::string> numbers;
  for (const doc::Block* block : all_blocks(c.document)) {
    const auto* h = std::get_if<doc::Heading>(block);
    if (h && h->level == 2 && !h->number.empty()) numbers.push_back(h->number);  // not Künye's
  }
  ASSERT_GE(numbers.size(), 4u);
  EXPECT_EQ(numbers[3], "Ç-");
}

TEST(FaaliyetRaporu, ExpenditureTableAddsUpToTheKurus) {
  auto data = sample_dataset();
  Composed c;
  compose(data, c);
  const doc::Table* t = find_table(c.document, "tablo-butce-gider-ekonomik");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->caption, "Ekonomik Sınıflandırmaya Göre Bütçe Giderleri");
  ASSERT_EQ(t->header.size(), 1u);
  // The columns of the law's table, Eklenen and Düşülen included (domain §2.6).
  EXPECT_EQ(header_of(*t), (std::vector<std::string>{"Kod", "Gider Türü", "Başlangıç Ödeneği", "Eklenen",
                                                      "Düşülen", "Yıl Sonu Ödeneği", "Harcama",
                                                      "Gerçekleşme Oranı (%)", "Bütçe İçindeki Payı (%)"}));
  EXPECT_NE(t->note.find("(Bin TL)"), std::string::npos);
  ASSERT_EQ(t->body.size(), 3u);  // 01, 03, 06; the 2024 row is not counted
  EXPECT_EQ(text_of(t->body[0][0]), "01");
  EXPECT_EQ(text_of(t->body[0][1]), "Personel Giderleri");
  // Exact values reach the cells; the page shows thousands, rounded once.
  EXPECT_EQ(value_of(t->body[0][5]), tl("1.000.000,00"));
  EXPECT_EQ(value_of(t->body[0][6]), tl("874.500,00"));
  EXPECT_EQ(text_of(t->body[0][6]), "875");
  EXPECT_EQ(text_of(t->body[0][7]), "87,45");
  EXPECT_EQ(t->body[0][6].align, doc::Align::end);
  EXPECT_EQ(value_of(t->body[1][5]), tl("1.000.000.000,00"));  // 123.456.789,01 + 876.543.210,99
  EXPECT_EQ(value_of(t->body[1][6]), tl("900.000.000,03"));
  ASSERT_EQ(t->footer.size(), 1u);
  const auto& total = t->footer[0];
  EXPECT_EQ(total.kind, doc::RowKind::total);
  EXPECT_EQ(text_of(total[1]), "Toplam");
  EXPECT_EQ(value_of(total[2]), tl("1.051.000.000,00"));
  EXPECT_EQ(value_of(total[5]), tl("1.050.999.999,99"));
  EXPECT_EQ(value_of(total[6]), tl("925.874.500,03"));
  EXPECT_EQ(text_of(total[6]), "925.875");
  EXPECT_EQ(text_of(total[8]), "100,00");
  // 925.874.500,03 / 1.050.999.999,99 = 0,880946... -> %88,09
  EXPECT_EQ(text_of(total[7]), "88,09");
  // Bütçe içindeki payı is the share of the year-end appropriation (domain §8.4): 01 has
  // 1.000.000,00 of 1.050.999.999,99 -> %0,10.
  EXPECT_EQ(text_of(t->body[0][8]), "0,10");

  // The chart follows the table with one bar per code.
  bool found_chart = false;
  for (const doc::Block* block : all_blocks(c.document)) {
    const auto* chart = std::get_if<doc::Chart>(block);
    if (chart && chart->id == "grafik-gider-gerceklesme") {
      found_chart = true;
      EXPECT_EQ(chart->kind, doc::ChartKind::bar);
      ASSERT_EQ(chart->series.size(), 1u);
      EXPECT_EQ(chart->series[0].values.size(), 3u);
      // Exact decimals reach the chart, not binary floats.
      EXPECT_EQ(std::get<Decimal>(chart->series[0].values[0]), *Decimal::parse("87.45"));
    }
  }
  EXPECT_TRUE(found_chart);
}

TEST(FaaliyetRaporu, RealisationOnInitialAppropriationOnRequest) {
  auto data = sample_dataset();
  Composed c;
  compose(data, c, {}, {{"oran_paydasi", "baslangic"}});
  const doc::Table* t = find_table(c.document, "tablo-butce-gider-ekonomik");
  ASSERT_NE(t, nullptr);
  // 03: 900.000.000,03 / 1.000.000.000,00 (başlangıç) -> %90,00; 06: 25.000.000 / 50.000.000.
  EXPECT_EQ(text_of(t->body[1][7]), "90,00");
  EXPECT_EQ(text_of(t->body[2][7]), "50,00");
  EXPECT_NE(t->note.find("Başlangıç"), std::string::npos);
}

TEST(FaaliyetRaporu, RevenueTableSubtractsRefunds) {
  auto data = sample_dataset();
  dizgi::Table gelir("butce_gelir", {integer("yil"), text("ekonomik_kod"), money("butce_tahmini"),
                                     money("tahakkuk"), money("tahsilat"), money("red_iade")});
  gelir.add_row({int64_t{2025}, std::string("01.1"), tl("1.000.000,00"), tl("900.000,00"),
                 tl("776.200,00"), Decimal{0, 2}});
  gelir.add_row({int64_t{2025}, std::string("03"), tl("500.000,00"), tl("500.000,00"),
                 tl("500.000,00"), tl("10.000,00")});
  gelir.add_row(
      {int64_t{2024}, std::string("03"), tl("1,00"), tl("1,00"), tl("1,00"), std::monostate{}});
  data.put(std::move(gelir));
  Composed c;
  compose(data, c);
  EXPECT_FALSE(has_warning_naming(c.sink, "butce_gelir"));
  const doc::Table* t = find_table(c.document, "tablo-butce-gelir-ekonomik");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(header_of(*t), (std::vector<std::string>{"Kod", "Gelir Türü", "Bütçe Tahmini", "Tahakkuk", "Tahsilat",
                                                      "Red ve İade", "Gerçekleşme Oranı (%)",
                                                      "Tahsilat Oranı (%)"}));
  ASSERT_EQ(t->body.size(), 4u);  // 01, 03, Brüt Toplam, 09
  EXPECT_EQ(text_of(t->body[0][1]), "Vergi Gelirleri");
  EXPECT_EQ(text_of(t->body[0][6]), "77,62");
  EXPECT_EQ(value_of(t->body[1][5]), tl("10.000,00"));  // the refund on its own code
  EXPECT_EQ(text_of(t->body[2][1]), "Brüt Toplam");
  EXPECT_EQ(t->body[2].kind, doc::RowKind::subtotal);
  EXPECT_EQ(value_of(t->body[2][3]), tl("1.400.000,00"));
  EXPECT_EQ(value_of(t->body[2][4]), tl("1.276.200,00"));
  EXPECT_EQ(text_of(t->body[3][0]), "09");
  EXPECT_EQ(value_of(t->body[3][4]), tl("-10.000,00"));
  // Net totals: tahakkuk and tahsilat both net of the refunds.
  EXPECT_EQ(text_of(t->footer[0][1]), "Net Toplam");
  EXPECT_EQ(value_of(t->footer[0][2]), tl("1.500.000,00"));
  EXPECT_EQ(value_of(t->footer[0][3]), tl("1.390.000,00"));
  EXPECT_EQ(value_of(t->footer[0][4]), tl("1.266.200,00"));
  EXPECT_EQ(text_of(t->footer[0][6]), "84,41");
}

TEST(FaaliyetRaporu, IdareInfoTableUsesTurkishNumbers) {
  auto data = sample_dataset();
  Composed c;
  compose(data, c);
  const doc::Table* t = find_table(c.document, "tablo-idare-bilgileri");
  ASSERT_NE(t, nullptr);
  std::map<std::string, std::string> rows;
  for (const auto& row : t->body) rows[text_of(row[0])] = text_of(row[1]);
  EXPECT_EQ(rows["Nüfus"], "4.100.000 (2024)");
  EXPECT_EQ(rows["Yüzölçümü"], "12.000 km²");
}

TEST(FaaliyetRaporu, UnitBudgetTableSortsTurkishAndTotals) {
  auto data = sample_dataset();
  Composed c;
  compose(data, c);
  const doc::Table* t = find_table(c.document, "tablo-butce-gider-birim");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->body.size(), 4u);
  EXPECT_EQ(text_of(t->body[0][0]), "Bilgi İşlem Dairesi Başkanlığı");
  EXPECT_EQ(text_of(t->body[1][0]), "Çevre Koruma ve Kontrol Dairesi Başkanlığı");
  EXPECT_EQ(value_of(t->footer[0][2]), tl("925.874.500,03"));
  EXPECT_EQ(t->footer[0].kind, doc::RowKind::total);
}

TEST(FaaliyetRaporu, MissingOptionalTableGivesWarningAndPlaceholder) {
  auto data = sample_dataset();  // has no butce_gelir
  Composed c;
  compose(data, c);
  EXPECT_TRUE(has_warning_naming(c.sink, "missing optional table 'butce_gelir'"));
  bool placeholder = false;
  for (const doc::Block* block : all_blocks(c.document)) {
    const auto* p = std::get_if<doc::Paragraph>(block);
    if (p && p->style == "placeholder" &&
        text_of(p->content).find("butce_gelir") != std::string::npos) {
      placeholder = true;
    }
  }
  EXPECT_TRUE(placeholder);
}

TEST(FaaliyetRaporu, MissingTextGivesWarningAndPlaceholder) {
  auto data = sample_dataset();
  Composed c;
  compose(data, c);
  EXPECT_TRUE(has_warning_naming(c.sink, "missing narrative text 'vizyon'"));
  EXPECT_FALSE(has_warning_naming(c.sink, "'misyon'"));
}

TEST(FaaliyetRaporu, MissingButceGiderThrowsNamingTheTable) {
  dizgi::Dataset data = sample_dataset();
  dizgi::Dataset without;
  for (const auto& [name, table] : data.tables()) {
    if (name != "butce_gider") without.put(table);
  }
  Composed c;
  try {
    compose(without, c);
    FAIL() << "expected dizgi::Error";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.code(), dizgi::ErrorCode::data);
    EXPECT_NE(error.message().find("missing required table 'butce_gider'"), std::string::npos);
  }
}

TEST(FaaliyetRaporu, UnitListFollowsTurkishAlphabet) {
  auto data = sample_dataset();
  Composed c;
  compose(data, c);
  const doc::Table* t = find_table(c.document, "tablo-birimler");
  ASSERT_NE(t, nullptr);
  std::vector<std::string> names;
  for (const auto& row : t->body) names.push_back(text_of(row[0]));
  EXPECT_EQ(names,
            (std::vector<std::string>{
                "Bilgi İşlem Dairesi Başkanlığı", "Çevre Koruma ve Kontrol Dairesi Başkanlığı",
                "Halk Sağlığı Dairesi Başkanlığı", "Işıklandırma Koordinasyon Şube Müdürlüğü",
                "İmar ve Şehircilik Dairesi Başkanlığı", "Mali Hizmetler Dairesi Başkanlığı",
                "Zabıta Dairesi Başkanlığı"}));
  EXPECT_EQ(text_of(t->body[3][2]), "Hayır");
}

TEST(FaaliyetRaporu, PerformanceTableShowsRatesDeviationsAndGoalLevel) {
  auto data = sample_dataset();
  Composed c;
  compose(data, c);
  const doc::Table* t = find_table(c.document, "tablo-performans-h1-2");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->body.size(), 4u);
  EXPECT_EQ(text_of(t->body[0][0]), "G1.2.1 Asfaltlanan yol uzunluğu (km)");
  EXPECT_EQ(text_of(t->body[0][1]), "20");
  EXPECT_EQ(text_of(t->body[0][6]), "70,00");
  EXPECT_EQ(text_of(t->body[1][5]), "11,5");
  EXPECT_EQ(text_of(t->body[1][6]), "50,00");
  EXPECT_EQ(text_of(t->body[2][6]), "100,00");
  EXPECT_TRUE(dizgi::is_null(t->body[3][5].value));  // no measurement: the book's one missing marker
  EXPECT_EQ(text_of(t->header[0][4]), "6 Aylık Gerçekleşme");
  EXPECT_EQ(text_of(t->body[0][4]), "–");  // no mid-year value for G1.2.1
  // 20×70 + 20×50 + 30×100 + 30×0 over 100 = 14 + 10 + 30 = %54,00
  EXPECT_EQ(text_of(t->footer[0].cells.back()), "54,00");
  // The deviation of G1.2.1 is listed with its reason; G1.2.2 deviates without one: warning.
  bool reason_listed = false;
  for (const doc::Block* block : all_blocks(c.document)) {
    if (const auto* list = std::get_if<doc::List>(block)) {
      for (const auto& item : list->items) {
        if (text_of(item.content).find("Yağışlı geçen sonbahar") != std::string::npos)
          reason_listed = true;
      }
    }
  }
  EXPECT_TRUE(reason_listed);
  EXPECT_TRUE(has_warning_naming(c.sink, "'G1.2.2'"));
  const doc::Table* summary = find_table(c.document, "tablo-hedef-gerceklesme");
  ASSERT_NE(summary, nullptr);
  // Amaç A1 (mean of %54 and %50) then its hedefler in natural order: H1.2 before H1.10.
  ASSERT_EQ(summary->body.size(), 3u);
  EXPECT_EQ(text_of(summary->body[0][0]), "Amaç A1");
  EXPECT_EQ(text_of(summary->body[0][1]), "Kentsel altyapıyı güçlendirmek");
  EXPECT_EQ(summary->body[0].kind, doc::RowKind::group);
  EXPECT_EQ(text_of(summary->body[0][2]), "52,00");
  EXPECT_EQ(text_of(summary->body[1][0]), "H1.2");
  EXPECT_EQ(text_of(summary->body[1][2]), "54,00");
  EXPECT_EQ(text_of(summary->body[2][0]), "H1.10");
  EXPECT_EQ(text_of(summary->body[2][2]), "50,00");
}

// The statements of a composed book, in order.
std::vector<const doc::Form*> forms_of(const doc::Document& document) {
  std::vector<const doc::Form*> forms;
  for (const doc::Block* block : all_blocks(document)) {
    if (const auto* f = std::get_if<doc::Form>(block)) forms.push_back(f);
  }
  return forms;
}

std::vector<std::string> paragraphs_of(const doc::Form& form) {
  std::vector<std::string> out;
  for (const auto& p : form.body) out.push_back(text_of(p.content));
  return out;
}

Column date(const char* name) { return Column{name, ValueType::date, true, 0}; }

// The beyan rows of the sample municipality: the üst yönetici, the mali hizmetler birim
// yöneticisi (a different person from any unit-name guess) and a harcama yetkilisi with a
// reservation.
void add_statements(dizgi::Dataset& data) {
  dizgi::Table beyan("beyan", {integer("id"), text("tur"), integer("yil"), integer("birim_id"), text("imzalayan"),
                               text("unvan"), text("yer"), date("tarih"), text("cekinceler")});
  beyan.add_row({int64_t{1}, std::string("ic_kontrol_idare"), int64_t{2025}, Value{}, std::string("Deniz Yılmazer"),
                 std::string("Belediye Başkanı"), std::string("Kuzeykent"), dizgi::Date{2026, 3, 27}, Value{}});
  beyan.add_row({int64_t{2}, std::string("mali_hizmetler"), int64_t{2025}, int64_t{7}, std::string("Işıl Çağlar"),
                 std::string("Mali Hizmetler Dairesi Başkanı"), std::string("Kuzeykent"),
                 dizgi::Date{2026, 3, 20}, Value{}});
  beyan.add_row({int64_t{3}, std::string("ic_kontrol_idare"), int64_t{2024}, Value{}, std::string("Eski Başkan"),
                 std::string("Belediye Başkanı"), std::string("Kuzeykent"), dizgi::Date{2025, 3, 20}, Value{}});
  data.put(std::move(beyan));
}

TEST(FaaliyetRaporu, StatementsAreTheAnnexTextsWordForWord) {
  auto data = sample_dataset();
  add_statements(data);
  Composed c;
  compose(data, c);
  auto forms = forms_of(c.document);
  ASSERT_EQ(forms.size(), 2u);
  EXPECT_EQ(forms[0]->title, fr::statements::idare_title);
  std::vector<std::string> expected(fr::statements::idare.begin(), fr::statements::idare.end());
  EXPECT_EQ(paragraphs_of(*forms[0]), expected);
  EXPECT_EQ(forms[1]->title, fr::statements::mali_hizmetler_title);
  // The annex's "20.." is the report year; nothing else differs.
  std::vector<std::string> financial(fr::statements::mali_hizmetler.begin(), fr::statements::mali_hizmetler.end());
  financial[1].replace(financial[1].find("{yil}"), 5, "2025");
  EXPECT_EQ(paragraphs_of(*forms[1]), financial);
  EXPECT_NE(financial[1].find("“III/A- Mali Bilgiler”"), std::string::npos);
}

TEST(FaaliyetRaporu, StatementSignerTitleAndDateComeFromBeyan) {
  auto data = sample_dataset();
  add_statements(data);
  Composed c;
  // A layout parameter does not override the data.
  compose(data, c, {}, {{"beyan_tarihi", "2026-02-27"}});
  auto forms = forms_of(c.document);
  ASSERT_EQ(forms.size(), 2u);
  ASSERT_EQ(forms[0]->fields.size(), 4u);
  EXPECT_EQ(forms[0]->fields[0].label, "Yer – Tarih");
  EXPECT_EQ(forms[0]->fields[0].value, "Kuzeykent, 27.03.2026");  // the 2025 row, not 2024's
  EXPECT_EQ(forms[0]->fields[1].kind, doc::FieldKind::signature);
  EXPECT_EQ(forms[0]->fields[2].value, "Deniz YILMAZER");  // surname in capitals, Turkish rules
  EXPECT_EQ(forms[0]->fields[3].value, "Belediye Başkanı");
  // The mali hizmetler signer is the beyan row's, not the head of a unit found by its name
  // (birim 7 'Mali Hizmetler Dairesi Başkanlığı' has Ece Karaağaç as harcama yetkilisi).
  EXPECT_EQ(forms[1]->fields[0].value, "Kuzeykent, 20.03.2026");
  EXPECT_EQ(forms[1]->fields[2].value, "Işıl ÇAĞLAR");
  EXPECT_EQ(forms[1]->fields[3].value, "Mali Hizmetler Dairesi Başkanı");
  EXPECT_FALSE(has_warning_naming(c.sink, "no signer"));
}

TEST(FaaliyetRaporu, StatementWithoutItsBeyanRowIsLeftBlankWithAWarning) {
  auto data = sample_dataset();  // no beyan table
  Composed c;
  compose(data, c);
  auto forms = forms_of(c.document);
  ASSERT_EQ(forms.size(), 2u);
  for (const doc::Form* form : forms) {
    EXPECT_EQ(form->fields[0].value, "");
    EXPECT_EQ(form->fields[2].value, "");
  }
  EXPECT_TRUE(has_warning_naming(c.sink, "no signer for the statement 'İç Kontrol Güvence Beyanı'"));
  EXPECT_TRUE(has_warning_naming(c.sink, "no signer for the statement 'Mali Hizmetler Birim Yöneticisinin Beyanı'"));
}

TEST(FaaliyetRaporu, HarcamaYetkilisiStatementCarriesItsReservation) {
  auto data = sample_dataset();
  dizgi::Table beyan("beyan", {integer("id"), text("tur"), integer("yil"), integer("birim_id"), text("imzalayan"),
                               text("unvan"), text("yer"), text("tarih"), text("cekinceler")});
  beyan.add_row({int64_t{3}, std::string("ic_kontrol_birim"), int64_t{2025}, int64_t{1}, std::string("Ayla İnce"),
                 std::string("İmar ve Şehircilik Dairesi Başkanı"), std::string("Kuzeykent"),
                 std::string("2026-02-16"), std::string("Çınarlı kavşağı ihalesine ilişkin yargı süreci devam etmektedir.")});
  data.put(std::move(beyan));
  dizgi::Dataset derived = data;
  dizgi::data::DerivedOptions options;
  options.year = 2025;
  dizgi::data::add_derived_tables(derived, options);
  dizgi::LayoutContext context;
  context.data = &derived;
  context.params["yil"] = "2025";
  dizgi::DiagnosticSink sink;
  context.sink = &sink;
  fr::Composer composer(context, sink, 2025);
  const doc::Form form = fr::statement_form(composer, fr::StatementKind::birim, std::string("1"));
  auto paragraphs = paragraphs_of(form);
  ASSERT_EQ(paragraphs.size(), fr::statements::birim.size() + 1);
  for (std::size_t i = 0; i < fr::statements::birim.size(); ++i) EXPECT_EQ(paragraphs[i], fr::statements::birim[i]);
  EXPECT_EQ(paragraphs.back(), "Çekince: Çınarlı kavşağı ihalesine ilişkin yargı süreci devam etmektedir.");
  EXPECT_EQ(form.fields[0].value, "Kuzeykent, 16.02.2026");
  EXPECT_EQ(form.fields[2].value, "Ayla İNCE");
  EXPECT_EQ(form.fields[3].value, "İmar ve Şehircilik Dairesi Başkanı");
  // Another unit's statement is not this one's.
  const doc::Form other = fr::statement_form(composer, fr::StatementKind::birim, std::string("2"));
  EXPECT_EQ(other.fields[2].value, "");
}

// The tables the law asks the İdare report to show (5393 md. 56, 5018 md. 41(4), domain §2.6,
// §2.7, §2.9): debts, aid, affiliates, staff, buildings and vehicles, IT, council, internal
// control, the goals' evaluations and costs.
void add_report_data(dizgi::Dataset& data) {
  dizgi::Table borc("borc", {integer("id"), text("tur"), text("vade"), money("tutar"), date("tarih")});
  borc.add_row({int64_t{1}, std::string("ic_borc"), std::string("kisa"), tl("1.000.000,50"), dizgi::Date{2025, 12, 31}});
  borc.add_row({int64_t{2}, std::string("ic_borc"), std::string("uzun"), tl("3.000.000,00"), dizgi::Date{2025, 12, 31}});
  borc.add_row({int64_t{3}, std::string("sgk"), std::string("kisa"), tl("250.000,25"), dizgi::Date{2025, 12, 31}});
  data.put(std::move(borc));
  dizgi::Table yardim("yardim", {integer("yil"), text("alan"), text("tur"), money("tutar"), integer("birim_id"),
                                 text("aciklama")});
  yardim.add_row({int64_t{2025}, std::string("Zafer Spor Kulübü Derneği"), std::string("dernek"),
                  tl("150.000,00"), int64_t{2}, std::string("Malzeme")});
  yardim.add_row({int64_t{2025}, std::string("Çevre Vakfı"), std::string("vakif"), tl("50.000,00"), Value{}, Value{}});
  yardim.add_row({int64_t{2024}, std::string("Eski Yıl Derneği"), std::string("dernek"), tl("9,00"), Value{}, Value{}});
  data.put(std::move(yardim));
  dizgi::Table istirak("istirak", {integer("id"), text("ad"), text("tur"), money("sermaye"), money("pay"),
                                   text("faaliyet_alani")});
  istirak.add_row({int64_t{1}, std::string("Kuzeykent Ulaşım A.Ş."), std::string("sirket"), tl("185.000.000,00"),
                   tl("100"), std::string("Raylı sistem")});
  data.put(std::move(istirak));
  dizgi::Table personel("personel", {integer("yil"), integer("birim_id"), text("statu"), text("cinsiyet"),
                                     text("egitim"), text("yas_grubu"), text("hizmet_yili_grubu"), text("kadro"),
                                     integer("adet")});
  auto staff = [&](const char* statu, Value cinsiyet, Value egitim, const char* kadro, int64_t n) {
    personel.add_row({int64_t{2025}, Value{}, std::string(statu), cinsiyet, egitim, Value{}, Value{},
                      std::string(kadro), n});
  };
  staff("memur", std::string("kadin"), Value{}, "dolu", 40);
  staff("memur", std::string("erkek"), Value{}, "dolu", 60);
  staff("memur", Value{}, Value{}, "bos", 25);
  staff("sozlesmeli", std::string("kadin"), Value{}, "dolu", 7);
  staff("sirket", std::string("erkek"), Value{}, "dolu", 900);
  staff("memur", Value{}, std::string("lisans"), "dolu", 70);
  data.put(std::move(personel));
  dizgi::Table fiziksel("fiziksel_kaynak", {integer("id"), text("tur"), text("ad"), integer("adet"),
                                            money("alan_m2"), text("mulkiyet"), text("aciklama")});
  fiziksel.add_row({int64_t{1}, std::string("bina"), std::string("Ana hizmet binası"), int64_t{1}, tl("48.500"),
                    std::string("belediye"), Value{}});
  fiziksel.add_row({int64_t{2}, std::string("arac"), std::string("İtfaiye aracı"), int64_t{318}, Value{},
                    std::string("belediye"), Value{}});
  fiziksel.add_row({int64_t{3}, std::string("bt_donanim"), std::string("Sunucu"), int64_t{186}, Value{},
                    std::string("belediye"), std::string("İki veri merkezi")});
  data.put(std::move(fiziksel));
  dizgi::Table meclis("meclis", {integer("yil"), integer("uye_sayisi"), integer("toplanti_sayisi"),
                                 integer("karar_sayisi"), integer("encumen_toplanti_sayisi"),
                                 integer("encumen_karar_sayisi"), integer("komisyon_sayisi")});
  meclis.add_row({int64_t{2025}, int64_t{121}, int64_t{22}, int64_t{1684}, int64_t{52}, int64_t{3127}, int64_t{14}});
  data.put(std::move(meclis));
  dizgi::Table ick("ic_kontrol", {text("standart"), text("bilesen"), integer("eylem_sayisi"), integer("tamamlanan")});
  ick.add_row({std::string("KOS5"), std::string("Risk Değerlendirme"), int64_t{4}, int64_t{1}});
  ick.add_row({std::string("KOS1"), std::string("Kontrol Ortamı"), int64_t{6}, int64_t{6}});
  ick.add_row({std::string("KOS2"), std::string("Kontrol Ortamı"), int64_t{2}, int64_t{1}});
  data.put(std::move(ick));
  dizgi::Table degerlendirme("hedef_degerlendirme", {text("hedef_kod"), integer("yil"), text("degerlendirme"),
                                                     text("sapma_nedenleri"), text("tedbirler"),
                                                     text("gosterge_degerlendirmesi")});
  degerlendirme.add_row({std::string("H1.2"), int64_t{2025}, std::string("Dört göstergeden biri hedefi tuttu."),
                         std::string("Asfalt sezonu kısa kaldı."), std::string("Takvim öne çekilecek."), Value{}});
  data.put(std::move(degerlendirme));
  dizgi::Table maliyet("hedef_maliyet", {text("hedef_kod"), integer("yil"), money("tutar")});
  maliyet.add_row({std::string("H1.2"), int64_t{2025}, tl("2.000.000,00")});
  maliyet.add_row({std::string("H1.2"), int64_t{2026}, tl("9.999.999,00")});
  data.put(std::move(maliyet));
  dizgi::Table faaliyet("faaliyet", {text("kod"), text("tur"), text("ad"), integer("yil"), text("hedef_kod"),
                                     integer("sorumlu_birim_id"), money("butce"), money("harcanan")});
  faaliyet.add_row({std::string("F1.2.1"), std::string("faaliyet"), std::string("Asfalt"), int64_t{2025},
                    std::string("H1.2"), int64_t{1}, tl("1.500.000,00"), tl("1.200.000,00")});
  data.put(std::move(faaliyet));
  dizgi::Table fonk("fonksiyonel_kod", {text("kod"), text("ad"), integer("duzey")});
  fonk.add_row({std::string("01"), std::string("Genel Kamu Hizmetleri"), int64_t{1}});
  data.put(std::move(fonk));
}

std::vector<std::string> column_texts(const doc::Table& table, std::size_t column) {
  std::vector<std::string> out;
  for (const auto& row : table.body) out.push_back(text_of(row[column]));
  return out;
}

TEST(FaaliyetRaporu, DebtTableShowsKindsTermsAndTotal) {
  auto data = sample_dataset();
  add_report_data(data);
  Composed c;
  compose(data, c);
  const doc::Table* t = find_table(c.document, "tablo-borc");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(header_of(*t),
            (std::vector<std::string>{"Borç Türü", "Kısa Vadeli", "Uzun Vadeli", "Toplam", "Payı (%)"}));
  EXPECT_EQ(column_texts(*t, 0), (std::vector<std::string>{"İç Borçlar (Banka Kredileri)", "SGK Borçları"}));
  EXPECT_EQ(value_of(t->body[0][3]), tl("4.000.000,50"));
  ASSERT_EQ(t->footer.size(), 1u);
  EXPECT_EQ(t->footer[0].kind, doc::RowKind::total);
  EXPECT_EQ(value_of(t->footer[0][1]), tl("1.250.000,75"));
  EXPECT_EQ(value_of(t->footer[0][3]), tl("4.250.000,75"));
  EXPECT_EQ(text_of(t->footer[0][4]), "100,00");
}

TEST(FaaliyetRaporu, BudgetDeviationReasonsTableListsExplainedLines) {
  auto data = sample_dataset();
  // Explain one line of unit 1 and leave the others: only the explained line is listed.
  dizgi::Table& gider = *data.find("butce_gider");
  dizgi::Table copy("butce_gider", gider.columns());
  for (std::size_t r = 0; r < gider.row_count(); ++r) {
    auto row = gider.row(r);
    if (r == 4) row.back() = std::string("Kavşak ihalesi Kasım ayında sonuçlandı.");
    copy.add_row(row);
  }
  data.put(std::move(copy));
  Composed c;
  compose(data, c);
  const doc::Table* t = find_table(c.document, "tablo-butce-sapma");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(header_of(*t), (std::vector<std::string>{"Birim", "Kod", "Yıl Sonu Ödeneği", "Harcama", "Oran (%)",
                                                      "Sapmanın Nedeni"}));
  ASSERT_EQ(t->body.size(), 1u);
  EXPECT_EQ(text_of(t->body[0][0]), "İmar ve Şehircilik Dairesi Başkanlığı");
  EXPECT_EQ(text_of(t->body[0][1]), "06.1");
  EXPECT_EQ(text_of(t->body[0][4]), "50,00");
  EXPECT_EQ(text_of(t->body[0][5]), "Kavşak ihalesi Kasım ayında sonuçlandı.");
}

TEST(FaaliyetRaporu, FunctionalClassificationAndBudgetBalance) {
  auto data = sample_dataset();
  add_report_data(data);
  dizgi::Table gelir("butce_gelir", {integer("yil"), text("ekonomik_kod"), money("butce_tahmini"),
                                     money("tahakkuk"), money("tahsilat"), money("red_iade")});
  gelir.add_row({int64_t{2025}, std::string("01"), tl("1.000.000.000,00"), tl("950.000.000,00"),
                 tl("900.000.000,00"), tl("0,00")});
  data.put(std::move(gelir));
  Composed c;
  compose(data, c);
  const doc::Table* f = find_table(c.document, "tablo-butce-gider-fonksiyonel");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->body.size(), 1u);  // every line is 01.3.9.00
  EXPECT_EQ(text_of(f->body[0][1]), "Genel Kamu Hizmetleri");
  EXPECT_EQ(value_of(f->footer[0][4]), tl("925.874.500,03"));
  const doc::Table* b = find_table(c.document, "tablo-butce-denge");
  ASSERT_NE(b, nullptr);
  ASSERT_EQ(b->body.size(), 2u);
  EXPECT_EQ(value_of(b->body[0][2]), tl("900.000.000,00"));
  EXPECT_EQ(value_of(b->body[1][2]), tl("925.874.500,03"));
  EXPECT_EQ(b->footer[0].kind, doc::RowKind::total);
  EXPECT_EQ(value_of(b->footer[0][2]), tl("-25.874.500,03"));
  EXPECT_EQ(value_of(b->footer[0][1]), tl("-50.999.999,99"));  // 1.000.000.000 − 1.050.999.999,99
}

TEST(FaaliyetRaporu, AidSubsidiariesStaffResourcesCouncilAndInternalControl) {
  auto data = sample_dataset();
  add_report_data(data);
  Composed c;
  compose(data, c);
  const doc::Table* aid = find_table(c.document, "tablo-yardim");
  ASSERT_NE(aid, nullptr);
  EXPECT_EQ(column_texts(*aid, 0), (std::vector<std::string>{"Çevre Vakfı", "Zafer Spor Kulübü Derneği"}));
  EXPECT_EQ(text_of(aid->body[1][2]), "Halk Sağlığı Dairesi Başkanlığı");
  EXPECT_EQ(value_of(aid->footer[0][1]), tl("200.000,00"));  // 2024's aid left out

  const doc::Table* affiliates = find_table(c.document, "tablo-istirak");
  ASSERT_NE(affiliates, nullptr);
  EXPECT_EQ(text_of(affiliates->body[0][1]), "Şirket");
  EXPECT_EQ(text_of(affiliates->body[0][2]), "185.000");

  const doc::Table* staff = find_table(c.document, "tablo-personel");
  ASSERT_NE(staff, nullptr);
  EXPECT_EQ(header_of(*staff), (std::vector<std::string>{"İstihdam Türü", "Kadın", "Erkek", "Dolu Kadro",
                                                          "Boş Kadro", "Toplam Kadro"}));
  EXPECT_EQ(column_texts(*staff, 0), (std::vector<std::string>{"Memur", "Sözleşmeli Personel"}));
  EXPECT_EQ(text_of(staff->body[0][5]), "125");
  EXPECT_EQ(text_of(staff->footer[0][3]), "107");  // company staff are not in the total
  const doc::Table* education = find_table(c.document, "tablo-personel-dagilim");
  ASSERT_NE(education, nullptr);
  EXPECT_EQ(education->body[0].kind, doc::RowKind::group);
  EXPECT_EQ(text_of(education->body[1][0]), "Lisans");

  const doc::Table* buildings = find_table(c.document, "tablo-fiziksel-bina");
  ASSERT_NE(buildings, nullptr);
  EXPECT_EQ(text_of(buildings->body[0][3]), "48.500");
  const doc::Table* vehicles = find_table(c.document, "tablo-fiziksel-arac");
  ASSERT_NE(vehicles, nullptr);
  EXPECT_EQ(text_of(vehicles->body[0][1]), "318");
  const doc::Table* it = find_table(c.document, "tablo-bilgi-teknoloji");
  ASSERT_NE(it, nullptr);
  EXPECT_EQ(text_of(it->body[1][0]), "Sunucu");

  const doc::Table* council = find_table(c.document, "tablo-meclis");
  ASSERT_NE(council, nullptr);
  EXPECT_EQ(text_of(council->body[2][1]), "1.684");

  const doc::Table* control = find_table(c.document, "tablo-ic-kontrol");
  ASSERT_NE(control, nullptr);
  EXPECT_EQ(column_texts(*control, 0), (std::vector<std::string>{"Kontrol Ortamı", "Risk Değerlendirme"}));
  EXPECT_EQ(text_of(control->body[0][1]), "KOS1–KOS2");
  EXPECT_EQ(text_of(control->footer[0][2]), "12");
  EXPECT_EQ(text_of(control->footer[0][3]), "8");
  EXPECT_EQ(text_of(control->footer[0][4]), "66,67");
}

TEST(FaaliyetRaporu, GoalEvaluationsAndPlannedAgainstActualCost) {
  auto data = sample_dataset();
  add_report_data(data);
  Composed c;
  compose(data, c);
  const doc::Table* cost = find_table(c.document, "tablo-hedef-maliyet");
  ASSERT_NE(cost, nullptr);
  EXPECT_EQ(header_of(*cost), (std::vector<std::string>{"Hedef", "Planlanan Maliyet", "Faaliyet Bütçesi",
                                                         "Harcanan", "Gerçekleşme Oranı (%)"}));
  EXPECT_EQ(text_of(cost->body[1][0]), "H1.2");
  EXPECT_EQ(value_of(cost->body[1][1]), tl("2.000.000,00"));  // 2025's, not 2026's
  EXPECT_EQ(value_of(cost->body[1][3]), tl("1.200.000,00"));
  EXPECT_EQ(text_of(cost->body[1][4]), "60,00");
  EXPECT_EQ(value_of(cost->footer[0][1]), tl("2.000.000,00"));
  std::vector<std::string> texts;
  for (const doc::Block* block : all_blocks(c.document)) {
    if (const auto* p = std::get_if<doc::Paragraph>(block)) texts.push_back(text_of(p->content));
  }
  auto has = [&](const std::string& text) { return std::find(texts.begin(), texts.end(), text) != texts.end(); };
  EXPECT_TRUE(has("Gerçekleşme durumu: Dört göstergeden biri hedefi tuttu."));
  EXPECT_TRUE(has("Sapmanın nedenleri: Asfalt sezonu kısa kaldı."));
  EXPECT_TRUE(has("Alınacak tedbirler: Takvim öne çekilecek."));
}

TEST(FaaliyetRaporu, MissionAndVisionAreThePlansWording) {
  auto data = sample_dataset();
  dizgi::Table plan("stratejik_plan", {integer("id"), integer("baslangic_yili"), integer("bitis_yili"),
                                       text("misyon"), text("vizyon")});
  plan.add_row({int64_t{1}, int64_t{2020}, int64_t{2024}, std::string("Eski misyon."), std::string("Eski vizyon.")});
  plan.add_row({int64_t{2}, int64_t{2025}, int64_t{2029}, std::string("Onaylı misyon."),
                std::string("Onaylı vizyon.")});
  data.put(std::move(plan));
  Composed c;
  compose(data, c, {{"misyon", "Başka bir misyon."}, {"vizyon", "Onaylı vizyon.\n"}});
  std::vector<std::string> texts;
  for (const doc::Block* block : all_blocks(c.document)) {
    if (const auto* p = std::get_if<doc::Paragraph>(block)) texts.push_back(text_of(p->content));
  }
  EXPECT_NE(std::find(texts.begin(), texts.end(), "Onaylı misyon."), texts.end());
  EXPECT_EQ(std::find(texts.begin(), texts.end(), "Başka bir misyon."), texts.end());
  EXPECT_TRUE(has_warning_naming(c.sink, "misyon text differs from the approved plan"));
  EXPECT_FALSE(has_warning_naming(c.sink, "vizyon text differs"));
}

TEST(FaaliyetRaporu, AimsAndGoalsInOrder) {
  auto data = sample_dataset();
  Composed c;
  compose(data, c);
  const doc::List* aims = nullptr;
  for (const doc::Block* block : all_blocks(c.document)) {
    if (const auto* l = std::get_if<doc::List>(block); l && l->style == "amac-hedef") aims = l;
  }
  ASSERT_NE(aims, nullptr);
  ASSERT_EQ(aims->items.size(), 4u);
  EXPECT_EQ(text_of(aims->items[0].content), "Amaç A1: Kentsel altyapıyı güçlendirmek");
  EXPECT_EQ(text_of(aims->items[1].content), "Hedef H1.2: Yol ağını genişletmek");
  EXPECT_EQ(aims->items[1].level, 1);
  EXPECT_EQ(text_of(aims->items[2].content), "Hedef H1.10: Onuncu hedef");
  EXPECT_EQ(text_of(aims->items[3].content), "Amaç A2: Çevreyi korumak");
}

TEST(FaaliyetRaporu, MissingYearIsAProjectError) {
  auto data = sample_dataset();
  dizgi::LayoutContext context;
  context.data = &data;
  fr::FaaliyetRaporu layout;
  try {
    layout.compose(context);
    FAIL() << "expected dizgi::Error";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.code(), dizgi::ErrorCode::project);
  }
}

TEST(FaaliyetRaporu, SampleBookProvidesEveryTextTheLayoutUses) {
  // The demo book's texts (samples/kuzeykent/texts/faaliyet-2025/*.md, id = file stem) cover
  // every text the layout asks for, and the book file lists each of them.
  namespace fs = std::filesystem;
  const fs::path root = fs::path(DIZGI_SAMPLES_DIR) / "kuzeykent";
  std::ifstream book_in(root / "faaliyet-2025.xml");
  ASSERT_TRUE(book_in) << "missing sample book file";
  std::stringstream book;
  book << book_in.rdbuf();
  std::map<std::string, std::string> texts;
  for (const auto& entry : fs::directory_iterator(root / "texts" / "faaliyet-2025")) {
    if (entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path());
    std::stringstream content;
    content << in.rdbuf();
    std::string id = entry.path().stem().string();
    texts[id] = content.str();
    EXPECT_NE(
        book.str().find("<text id=\"" + id + "\" file=\"texts/faaliyet-2025/" + id + ".md\"/>"),
        std::string::npos)
        << id;
  }
  auto data = sample_dataset();
  Composed c;
  compose(data, c, texts);
  for (const auto& d : c.sink.diagnostics()) {
    EXPECT_EQ(d.message.find("missing narrative text"), std::string::npos) << d.message;
  }
  // The foreword's footnote survives the markup.
  bool footnote = false;
  for (const auto& block : c.document.sections[0].blocks) {
    if (const auto* p = std::get_if<doc::Paragraph>(&block)) {
      for (const auto& span : p->content) footnote = footnote || span.footnote != nullptr;
    }
  }
  EXPECT_TRUE(footnote);
}

}  // namespace

namespace {

TEST(FaaliyetRaporu, AbbreviationsListWhatTheBookUsesAndTheForewordIsSigned) {
  auto data = sample_dataset();
  add_report_data(data);  // debts print "SGK Borçları"
  dizgi::Table istirak("istirak", {integer("id"), text("ad"), text("tur"), money("sermaye"), money("pay"),
                                   text("faaliyet_alani")});
  istirak.add_row({int64_t{1}, std::string("Kuzeykent Su ve Kanalizasyon İdaresi (KUSKİ)"),
                   std::string("bagli_kurulus"), Value{}, Value{}, std::string("Su")});
  data.put(std::move(istirak));
  Composed c;
  compose(data, c);
  const doc::Table* t = find_table(c.document, "tablo-kisaltmalar");
  ASSERT_NE(t, nullptr);
  std::map<std::string, std::string> rows;
  for (const auto& row : t->body) rows[text_of(row[0])] = text_of(row[1]);
  EXPECT_EQ(rows["SGK"], "Sosyal Güvenlik Kurumu");
  EXPECT_EQ(rows["KUSKİ"], "Kuzeykent Su ve Kanalizasyon İdaresi");  // defined by the data
  EXPECT_EQ(rows.count("EBYS"), 0u);                                  // not used by this book
  // Turkish alphabetical order.
  std::vector<std::string> order = column_texts(*t, 0);
  EXPECT_TRUE(std::is_sorted(order.begin(), order.end(),
                             [](const std::string& a, const std::string& b) { return dizgi::compare_tr(a, b) < 0; }));
  // The foreword is signed by the üst yönetici, surname in capitals.
  bool signed_foreword = false;
  for (const auto& block : c.document.sections[0].blocks) {
    if (const auto* p = std::get_if<doc::Paragraph>(&block); p && p->style == "imza")
      signed_foreword = signed_foreword || text_of(p->content) == "Deniz YILMAZER";
  }
  EXPECT_TRUE(signed_foreword);
}

}  // namespace

namespace {

TEST(FaaliyetRaporu, BirimReportScopesTheBookToOneUnit) {
  auto data = sample_dataset();
  add_report_data(data);
  dizgi::Table hedef("hedef", {text("kod"), text("amac_kod"), text("metin"), integer("sorumlu_birim_id"),
                               text("isbirligi_birimleri")});
  hedef.add_row({std::string("H1.2"), std::string("A1"), std::string("Yol ağını genişletmek"), int64_t{1}, Value{}});
  hedef.add_row({std::string("H1.10"), std::string("A1"), std::string("Onuncu hedef"), int64_t{4},
                 std::string("3;1")});
  hedef.add_row({std::string("H1.3"), std::string("A1"), std::string("Başka birimin hedefi"), int64_t{4},
                 std::string("3")});
  data.put(std::move(hedef));
  dizgi::Table beyan("beyan", {integer("id"), text("tur"), integer("yil"), integer("birim_id"), text("imzalayan"),
                               text("unvan"), text("yer"), text("tarih"), text("cekinceler")});
  beyan.add_row({int64_t{3}, std::string("ic_kontrol_birim"), int64_t{2025}, int64_t{1}, std::string("Ayla İnce"),
                 std::string("İmar ve Şehircilik Dairesi Başkanı"), std::string("Kuzeykent"),
                 std::string("2026-02-16"), std::string("Bir dava sürmektedir.")});
  data.put(std::move(beyan));
  Composed idare;
  compose(data, idare);
  Composed c;
  compose(data, c, {}, {{"birim", "B1"}});  // birim.kod of İmar ve Şehircilik
  EXPECT_EQ(c.document.metadata.title, "2025 Yılı İmar ve Şehircilik Dairesi Başkanlığı Birim Faaliyet Raporu");

  // Its budget by code, and its total equals its line in the İdare report.
  const doc::Table* budget = find_table(c.document, "tablo-birim-butce");
  ASSERT_NE(budget, nullptr);
  EXPECT_EQ(column_texts(*budget, 0), (std::vector<std::string>{"01.1.1.01", "06.1"}));
  const doc::Table* units = find_table(idare.document, "tablo-butce-gider-birim");
  ASSERT_NE(units, nullptr);
  bool matched = false;
  for (const auto& row : units->body) {
    if (text_of(row[0]) != "İmar ve Şehircilik Dairesi Başkanlığı") continue;
    EXPECT_EQ(value_of(budget->footer.at(0)[5]), value_of(row[1]));  // yıl sonu ödeneği
    EXPECT_EQ(value_of(budget->footer.at(0)[6]), value_of(row[2]));  // harcama
    matched = true;
  }
  EXPECT_TRUE(matched);

  // Only its goals, marked responsible or cooperating, in natural order.
  const doc::Table* goals = find_table(c.document, "tablo-birim-hedefler");
  ASSERT_NE(goals, nullptr);
  ASSERT_EQ(goals->body.size(), 2u);
  EXPECT_EQ(text_of(goals->body[0][0]), "H1.2");
  EXPECT_EQ(text_of(goals->body[0][2]), "Sorumlu");
  EXPECT_EQ(text_of(goals->body[1][0]), "H1.10");
  EXPECT_EQ(text_of(goals->body[1][2]), "İşbirliği");
  // The indicators of the goal it is responsible for; its activities.
  EXPECT_NE(find_table(c.document, "tablo-birim-performans-h1-2"), nullptr);
  EXPECT_EQ(find_table(c.document, "tablo-birim-performans-h1-10"), nullptr);
  const doc::Table* activities = find_table(c.document, "tablo-birim-faaliyetler");
  ASSERT_NE(activities, nullptr);
  EXPECT_EQ(column_texts(*activities, 0), (std::vector<std::string>{"F1.2.1"}));

  // The harcama yetkilisi's statement with its reservation.
  auto forms = forms_of(c.document);
  ASSERT_EQ(forms.size(), 1u);
  EXPECT_EQ(paragraphs_of(*forms[0]).front(), fr::statements::birim.front());
  EXPECT_EQ(paragraphs_of(*forms[0]).back(), "Çekince: Bir dava sürmektedir.");
  EXPECT_EQ(forms[0]->fields[2].value, "Ayla İNCE");

  // A unit that does not exist is a project error naming the parameter.
  Composed wrong;
  EXPECT_THROW(compose(data, wrong, {}, {{"birim", "B99"}}), dizgi::Error);
}

}  // namespace
