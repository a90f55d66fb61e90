// The faaliyet-raporu layout composed from a small hand-built dataset: outline and numbering,
// exact budget totals, Turkish ratios and collation, placeholders and errors.
#include "faaliyet_raporu.hpp"

#include "data/derived.hpp"
#include "layout/table/cells.hpp"

#include <dizgi/model/format.hpp>

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

// The exact value of a typed figure cell, to the kuruş ("1.000.000,00"), whatever it shows.
std::string exact_of(const doc::TableCell& cell) {
  const auto* value = std::get_if<Decimal>(&cell.value);
  return value ? dizgi::format_decimal_tr(*value, 2) : "(not a decimal)";
}

// A cell as the engine writes it: its text, or its typed value in its format ("–" for null).
std::string text_of(const doc::TableCell& cell) {
  return cell.content.empty() ? dizgi::layout::format_value(cell.value, cell.format, "–") : text_of(cell.content);
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
  EXPECT_EQ(cover->title, "2025 Yılı İdare Faaliyet Raporu");
  EXPECT_EQ(cover->organisation, "Kuzeykent Büyükşehir Belediyesi");
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
    if (h && h->level == 2) numbers.push_back(h->number);
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
  EXPECT_EQ(text_of(t->header[0][2]), "Başlangıç Ödeneği (Bin TL)");
  // Amounts are written in thousands, rounded once from the exact value in the cell.
  EXPECT_EQ(text_of(t->body[0][3]), "1.000");
  EXPECT_EQ(text_of(t->body[0][4]), "875");
  ASSERT_EQ(t->body.size(), 3u);  // 01, 03, 06; the 2024 row is not counted
  EXPECT_EQ(text_of(t->body[0][0]), "01");
  EXPECT_EQ(text_of(t->body[0][1]), "Personel Giderleri");
  EXPECT_EQ(exact_of(t->body[0][3]), "1.000.000,00");
  EXPECT_EQ(exact_of(t->body[0][4]), "874.500,00");
  EXPECT_EQ(text_of(t->body[0][5]), "87,45");
  EXPECT_EQ(t->body[0][4].align, doc::Align::end);
  EXPECT_EQ(exact_of(t->body[1][3]), "1.000.000.000,00");  // 123.456.789,01 + 876.543.210,99
  EXPECT_EQ(exact_of(t->body[1][4]), "900.000.000,03");
  ASSERT_EQ(t->footer.size(), 1u);
  const auto& total = t->footer[0];
  EXPECT_EQ(text_of(total[1]), "Toplam");
  EXPECT_EQ(exact_of(total[2]), "1.051.000.000,00");
  EXPECT_EQ(exact_of(total[3]), "1.050.999.999,99");
  EXPECT_EQ(exact_of(total[4]), "925.874.500,03");
  EXPECT_EQ(text_of(total[6]), "100,00");
  // 925.874.500,03 / 1.050.999.999,99 = 0,880946... -> %88,09
  EXPECT_EQ(text_of(total[5]), "88,09");
  // Bütçe içindeki payı is the share of the year-end appropriation (domain §8.4): 01 has
  // 1.000.000,00 of 1.050.999.999,99 -> %0,10.
  EXPECT_EQ(text_of(t->body[0][6]), "0,10");

  // The chart follows the table with one bar per code.
  bool found_chart = false;
  for (const doc::Block* block : all_blocks(c.document)) {
    if (const auto* chart = std::get_if<doc::Chart>(block)) {
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
  EXPECT_EQ(text_of(t->body[1][5]), "90,00");
  EXPECT_EQ(text_of(t->body[2][5]), "50,00");
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
  ASSERT_EQ(t->body.size(), 3u);
  EXPECT_EQ(text_of(t->body[0][1]), "Vergi Gelirleri");
  EXPECT_EQ(text_of(t->body[0][5]), "77,62");
  EXPECT_EQ(text_of(t->body[2][0]), "09");
  EXPECT_EQ(exact_of(t->body[2][4]), "-10.000,00");
  EXPECT_EQ(exact_of(t->footer[0][2]), "1.500.000,00");
  EXPECT_EQ(exact_of(t->footer[0][4]), "1.266.200,00");
  EXPECT_EQ(text_of(t->footer[0][5]), "84,41");
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
  EXPECT_EQ(exact_of(t->footer[0][2]), "925.874.500,03");
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
  EXPECT_EQ(text_of(t->body[0][5]), "70,00");
  EXPECT_EQ(text_of(t->body[1][4]), "11,5");
  EXPECT_EQ(text_of(t->body[1][5]), "50,00");
  EXPECT_EQ(text_of(t->body[2][5]), "100,00");
  EXPECT_EQ(text_of(t->body[3][4]), "–");  // the template's one marker for a missing figure
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

TEST(FaaliyetRaporu, AssuranceStatementIsFilledIn) {
  auto data = sample_dataset();
  Composed c;
  compose(data, c);
  const doc::Form* form = nullptr;
  for (const doc::Block* block : all_blocks(c.document)) {
    if (const auto* f = std::get_if<doc::Form>(block); f && !form) form = f;
  }
  ASSERT_NE(form, nullptr);
  EXPECT_EQ(form->title, "İç Kontrol Güvence Beyanı");
  std::string body;
  for (const auto& p : form->body) body += text_of(p.content);
  EXPECT_NE(body.find("Kuzeykent Büyükşehir Belediyesi için 2025 yılı"), std::string::npos);
  ASSERT_EQ(form->fields.size(), 4u);
  EXPECT_EQ(form->fields[1].kind, doc::FieldKind::signature);
  EXPECT_EQ(form->fields[2].value, "Deniz Yılmazer");
  EXPECT_EQ(form->fields[3].value, "Belediye Başkanı");
}

TEST(FaaliyetRaporu, FinancialServicesStatementSignedByTheUnitHead) {
  auto data = sample_dataset();
  Composed c;
  compose(data, c, {}, {{"beyan_tarihi", "2026-02-27"}});
  std::vector<const doc::Form*> forms;
  for (const doc::Block* block : all_blocks(c.document)) {
    if (const auto* f = std::get_if<doc::Form>(block)) forms.push_back(f);
  }
  ASSERT_EQ(forms.size(), 2u);
  EXPECT_EQ(forms[1]->title, "Mali Hizmetler Birim Yöneticisinin Beyanı");
  EXPECT_EQ(forms[1]->fields[0].value, "Kuzeykent, 27.02.2026");
  EXPECT_EQ(forms[1]->fields[2].value, "Ece Karaağaç");
  EXPECT_EQ(forms[1]->fields[3].value, "Mali Hizmetler Dairesi Başkanı");
  EXPECT_EQ(forms[0]->fields[0].value, "Kuzeykent, 27.02.2026");
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
