// The form helpers of the SDK (dizgi/model/form.hpp) and the form block's layout rules: statement
// placeholders, signature blocks, a goal card composed in code (as a Stratejik Plan layout does)
// laid out by the engine, and a statement kept on one page while a long form breaks between its
// grid rows.
#include "paginate/paginate.hpp"

#include <dizgi/model/form.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

namespace {

using namespace dizgi;

std::unique_ptr<layout::LaidOutBook> lay_out(doc::Form form, DiagnosticSink& sink, int before = 0) {
  doc::Document document;
  document.metadata.title = "Form";
  doc::Section section;
  for (int i = 0; i < before; ++i) {
    doc::Paragraph p;
    p.content.push_back(doc::text_span("Önceki metin, formdan önce sayfayı dolduran bir paragraf."));
    section.blocks.push_back(std::move(p));
  }
  section.blocks.push_back(std::move(form));
  document.sections.push_back(std::move(section));
  static text::Shaper* shaper = new text::Shaper(nullptr);
  return paginate::lay_out(document, layout::default_template(), *shaper, sink);
}

// Pages that hold an element of the form's grid or signature rows (the rows of a grid with
// nothing to fill in are table rows).
std::set<int> form_pages(const layout::LaidOutBook& book) {
  std::set<int> pages;
  for (const layout::Page& page : book.pages)
    for (const layout::Placed& placed : page.content)
      if (placed.element->role == layout::StructRole::form || placed.element->role == layout::StructRole::table_row)
        pages.insert(page.index);
  return pages;
}

doc::GoalCard card() {
  doc::GoalCard c;
  c.id = "hedef-karti-h1-1";
  c.title = "Hedef Kartı: H1.1";
  c.aim = "A1 Yaşanabilir, yeşil ve dirençli bir kent oluşturmak";
  c.goal = "H1.1 Kişi başına düşen aktif yeşil alan miktarını artırmak";
  c.years = {"2025", "2026", "2027", "2028", "2029 (Plan Sonu)"};
  c.indicators = {{"PG1.1.1 Kişi başına aktif yeşil alan (m²)", "40", "8,2", {"8,6", "9,0", "9,5", "10,1", "10,8"},
                   "6 Aylık", "Yıllık"},
                  {"PG1.1.2 Yeni yapılan park sayısı (adet)", "60", "0", {"6", "12", "19", "26", "32"}, "3 Aylık",
                   "Yıllık"}};
  c.rows = {{"Sorumlu Birim", "Park ve Bahçeler Dairesi Başkanlığı"}, {"Maliyet Tahmini", "15.520.000,0 TL"}};
  return c;
}

}  // namespace

TEST(FormHelpers, PlaceholdersAreFilledAndMissingOnesListed) {
  std::vector<std::string> missing;
  EXPECT_EQ(doc::fill_placeholders("İdaremizin {yıl} yılı {idare_adı} raporu {bilinmeyen}",
                                   {{"yıl", "2025"}, {"idare_adı", "Kuzeykent"}}, &missing),
            "İdaremizin 2025 yılı Kuzeykent raporu {bilinmeyen}");
  EXPECT_EQ(missing, std::vector<std::string>{"bilinmeyen"});
  EXPECT_EQ(doc::fill_placeholders("açık { parantez", {}), "açık { parantez");
}

TEST(FormHelpers, SignatureBlockHasTheFourLinesOfOneSigner) {
  auto lines = doc::signature_block(2, "mali", "Kuzeykent, 18.02.2026", "Gülşen ÖZDEMİR", "Daire Başkanı");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].name, "mali.yer_tarih");
  EXPECT_EQ(lines[0].label, "Yer – Tarih");
  EXPECT_EQ(lines[1].kind, doc::FieldKind::signature);
  EXPECT_EQ(lines[2].value, "Gülşen ÖZDEMİR");
  EXPECT_EQ(lines[3].label, "Unvanı");
  for (const doc::FormField& f : lines) EXPECT_EQ(f.signer, 2);
  EXPECT_EQ(doc::signature_block(1, "", "", "", "")[0].name, "yer_tarih");
}

TEST(FormHelpers, GoalCardIsAPrintedGridWithoutWidgets) {
  doc::Form form = doc::goal_card_form(card());
  EXPECT_EQ(form.columns, 10);
  EXPECT_EQ(form.props.at("break-before"), "none");
  for (const doc::FormField& f : form.fields) EXPECT_TRUE(f.kind == doc::FieldKind::heading || f.read_only);
  DiagnosticSink sink;
  auto book = lay_out(form, sink);
  ASSERT_TRUE(book);
  EXPECT_TRUE(sink.diagnostics().empty()) << format(sink.diagnostics().front());
  EXPECT_EQ(form_pages(*book).size(), 1u);
  for (const auto& element : book->element_lists.front()) EXPECT_TRUE(element.fields.empty());
}

// Tablo 1 of a Performans Programı composed in code: a read-only grid numbered as a table (its
// title the caption "Tablo 1: …", no heading in the outline), the indicator years t−2 … t and
// the activities' amounts with their unit in the heading above them.
TEST(FormHelpers, PerformanceTargetIsAPrintedGridNumberedAsATable) {
  doc::PerformanceTarget t;
  t.id = "tablo1-h1-1";
  t.title = "Performans Hedefi Tablosu: H1.1";
  t.year = 2026;
  t.amount_unit = "Bin TL";
  t.rows = {{"İdare Adı", "Kuzeykent Büyükşehir Belediyesi"}, {"Performans Hedefi", "Yeşil alanı artırmak"}};
  t.indicators = {{"1. Kişi başına aktif yeşil alan", "m²", "8,2", "8,4", "9"}};
  t.activities = {{"1. Cep parkları yapımı", "4.250", "–", "4.250"}, {"2. Ağaçlandırma", "1.181", "300", "1.481"}};
  t.overall = {"", "5.431", "300", "5.731"};
  doc::Form form = doc::performance_target_form(t);
  EXPECT_EQ(form.columns, 6);
  EXPECT_EQ(form.props.at("numbered"), "table");
  std::vector<std::string> headings;
  for (const doc::FormField& f : form.fields) {
    EXPECT_TRUE(f.kind == doc::FieldKind::heading || f.read_only);
    if (f.kind == doc::FieldKind::heading) headings.push_back(f.label);
  }
  EXPECT_EQ(headings, (std::vector<std::string>{"İdare Adı", "Performans Hedefi", "Performans Göstergeleri",
                                                "Ölçü Birimi", "2024 Gerçekleşme", "2025 Gerçekleşme Tahmini",
                                                "2026 Hedef", "1. Kişi başına aktif yeşil alan",
                                                "Faaliyetler (Kaynak İhtiyacı, Bin TL)", "Bütçe", "Bütçe Dışı", "Toplam",
                                                "1. Cep parkları yapımı", "2. Ağaçlandırma", "Genel Toplam"}));
  EXPECT_EQ(form.fields.back().value, "5.731");
  EXPECT_EQ(form.fields.back().kind, doc::FieldKind::money);

  DiagnosticSink sink;
  auto book = lay_out(form, sink);
  ASSERT_TRUE(book);
  EXPECT_TRUE(sink.diagnostics().empty()) << format(sink.diagnostics().front());
  EXPECT_EQ(form_pages(*book).size(), 1u);
  const auto& elements = book->element_lists.front();
  ASSERT_FALSE(elements.empty());
  EXPECT_EQ(elements.front().role, layout::StructRole::caption);
  std::string caption;
  for (const layout::Run& run : elements.front().runs) caption += (caption.empty() ? "" : " ") + run.shaped->text;
  EXPECT_EQ(caption, "Tablo 1: Performans Hedefi Tablosu: H1.1");
  EXPECT_NE(std::find(elements.front().anchors.begin(), elements.front().anchors.end(), "tablo1-h1-1"),
            elements.front().anchors.end());
  for (const auto& element : elements) {
    EXPECT_TRUE(element.fields.empty());
    EXPECT_EQ(element.heading_level, 0);  // a caption, not a heading
  }
  EXPECT_TRUE(book->outline.empty());
}

TEST(FormLayout, AStatementIsKeptOnOnePageAndALongFormBreaksBetweenRows) {
  doc::Form statement;
  statement.title = "İç Kontrol Güvence Beyanı";
  for (int i = 0; i < 4; ++i) {
    doc::Paragraph p;
    p.content.push_back(doc::text_span("Bu raporda yer alan bilgilerin güvenilir, tam ve doğru olduğunu beyan ederim."));
    statement.body.push_back(std::move(p));
  }
  statement.fields = doc::signature_block(1, "", "Kuzeykent, 20.02.2026", "Ayşe YILMAZ", "Belediye Başkanı");
  statement.props["break-before"] = "none";
  DiagnosticSink sink;
  auto book = lay_out(statement, sink, 40);  // the text before fills most of a page
  ASSERT_TRUE(book);
  EXPECT_EQ(form_pages(*book).size(), 1u);

  doc::Form long_form;
  long_form.title = "Veri Toplama";
  long_form.columns = 2;
  for (int i = 0; i < 120; ++i) {
    doc::FormField f;
    f.name = "alan." + std::to_string(i);
    f.label = "Alan " + std::to_string(i);
    f.kind = doc::FieldKind::number;
    long_form.fields.push_back(std::move(f));
  }
  auto long_book = lay_out(long_form, sink);
  ASSERT_TRUE(long_book);
  EXPECT_GT(form_pages(*long_book).size(), 1u);
  EXPECT_TRUE(sink.diagnostics().empty());
}

TEST(FormLayout, EditableFieldsGetNamedWidgetsAndDuplicatesAreReported) {
  doc::Form form;
  form.columns = 2;
  for (const char* name : {"a.b", "a.c", "a.b"}) {
    doc::FormField f;
    f.name = name;
    f.label = name;
    form.fields.push_back(std::move(f));
  }
  DiagnosticSink sink;
  auto book = lay_out(form, sink);
  std::vector<std::string> names;
  for (const auto& element : book->element_lists.front())
    for (const layout::FieldWidget& w : element.fields) names.push_back(w.name);
  EXPECT_EQ(names, (std::vector<std::string>{"a.b", "a.c", "a.b"}));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_NE(sink.diagnostics()[0].message.find("form field name 'a.b' is used twice"), std::string::npos);
}
