// The veri-toplama layout: a fillable form per unit with something to collect — targets and last
// year's realisations prefilled read-only (Turkish figures), empty fields named from the data
// model for this year's values, the unit head's signature block.
#include "veri_toplama.hpp"

#include <dizgi/diagnostics.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

using dizgi::Column;
using dizgi::Decimal;
using dizgi::Value;
using dizgi::ValueType;
namespace doc = dizgi::doc;

Column col(const char* name, ValueType type) { return Column{name, type, true, type == ValueType::decimal ? 4 : 0}; }

dizgi::Dataset data() {
  dizgi::Dataset d;
  dizgi::Table birim("birim", {col("id", ValueType::integer), col("kod", ValueType::text), col("ad", ValueType::text),
                               col("harcama_yetkilisi", ValueType::text), col("harcama_yetkilisi_unvan", ValueType::text)});
  birim.add_row({int64_t{1}, std::string("46.01.34.20"), std::string("Park ve Bahçeler Dairesi Başkanlığı"),
                 std::string("İlkay Işıl Şişli"), std::string("Daire Başkanı")});
  birim.add_row({int64_t{2}, std::string("46.01.34.21"), std::string("Hukuk Müşavirliği"), Value{}, Value{}});
  d.put(std::move(birim));
  dizgi::Table gosterge("gosterge", {col("kod", ValueType::text), col("ad", ValueType::text),
                                     col("olcu_birimi", ValueType::text), col("sorumlu_birim_id", ValueType::integer)});
  gosterge.add_row({std::string("PG1.1.10"), std::string("Ağaçlandırılan alan"), std::string("hektar"), int64_t{1}});
  gosterge.add_row({std::string("PG1.1.2"), std::string("Yeni park sayısı"), std::string("adet"), int64_t{1}});
  d.put(std::move(gosterge));
  dizgi::Table hedef("gosterge_hedef", {col("gosterge_kod", ValueType::text), col("yil", ValueType::integer),
                                        col("deger", ValueType::decimal)});
  hedef.add_row({std::string("PG1.1.2"), int64_t{2025}, Decimal{12000, 3}});
  hedef.add_row({std::string("PG1.1.10"), int64_t{2025}, Decimal{12505, 1}});
  d.put(std::move(hedef));
  dizgi::Table olcum("gosterge_olcum", {col("gosterge_kod", ValueType::text), col("yil", ValueType::integer),
                                        col("donem", ValueType::text), col("deger", ValueType::decimal)});
  olcum.add_row({std::string("PG1.1.2"), int64_t{2024}, std::string("6_ay"), Decimal{3, 0}});
  olcum.add_row({std::string("PG1.1.2"), int64_t{2024}, std::string("yil_sonu"), Decimal{7, 0}});
  d.put(std::move(olcum));
  dizgi::Table faaliyet("faaliyet", {col("kod", ValueType::text), col("ad", ValueType::text), col("yil", ValueType::integer),
                                     col("sorumlu_birim_id", ValueType::integer), col("butce", ValueType::decimal)});
  faaliyet.add_row({std::string("F1.1.1"), std::string("Cep parkları"), int64_t{2025}, int64_t{1}, Decimal{425000000, 2}});
  faaliyet.add_row({std::string("F1.1.9"), std::string("Eski yıl"), int64_t{2024}, int64_t{1}, Decimal{1, 0}});
  d.put(std::move(faaliyet));
  return d;
}

const doc::FormField* field(const doc::Form& form, const std::string& name) {
  for (const doc::FormField& f : form.fields)
    if (f.name == name) return &f;
  return nullptr;
}

// A layout context for the year 2025 over `d`.
dizgi::LayoutContext context_for(const dizgi::Dataset& d, dizgi::DiagnosticSink& sink) {
  dizgi::LayoutContext context;
  context.data = &d;
  context.metadata.year = 2025;
  context.sink = &sink;
  return context;
}

}  // namespace

TEST(VeriToplama, OneFormPerUnitWithSomethingToCollect) {
  dizgi::Dataset d = data();
  dizgi::DiagnosticSink sink;
  dizgi::LayoutContext context = context_for(d, sink);
  doc::Document document = dizgi::veri_toplama::VeriToplama{}.compose(context);
  ASSERT_EQ(document.sections.size(), 1u);
  ASSERT_EQ(document.sections[0].blocks.size(), 1u);  // the Hukuk Müşavirliği has nothing to collect
  const auto& form = std::get<doc::Form>(document.sections[0].blocks[0]);
  EXPECT_EQ(form.title, "Park ve Bahçeler Dairesi Başkanlığı — 2025 Yılı Veri Toplama Formu");
  EXPECT_EQ(form.props.at("form-id"), "veri-toplama/1");
  EXPECT_EQ(form.columns, 5);
}

TEST(VeriToplama, PrefilledFiguresAreReadOnlyAndNewValuesAreNamedFields) {
  auto form = dizgi::veri_toplama::unit_form(data(), "1", 2025);
  ASSERT_TRUE(form);
  // Natural order of codes: PG1.1.2 before PG1.1.10.
  std::string order;
  for (const doc::FormField& f : form->fields)
    if (f.kind == doc::FieldKind::heading && f.label.rfind("PG", 0) == 0) order += f.label.substr(0, 8) + ";";
  EXPECT_EQ(order, "PG1.1.2 ;PG1.1.10;");
  const doc::FormField* value = field(*form, "gosterge.PG1.1.2.gerceklesme.2025");
  ASSERT_NE(value, nullptr);
  EXPECT_EQ(value->kind, doc::FieldKind::number);
  EXPECT_TRUE(value->required);
  EXPECT_FALSE(value->read_only);
  EXPECT_NE(field(*form, "gosterge.PG1.1.10.sapma_nedeni.2025"), nullptr);
  EXPECT_EQ(field(*form, "faaliyet.F1.1.1.harcanan.2025")->kind, doc::FieldKind::money);
  EXPECT_EQ(field(*form, "faaliyet.F1.1.1.fiziki_gerceklesme.2025")->kind, doc::FieldKind::percentage);
  EXPECT_EQ(field(*form, "faaliyet.F1.1.1.durum.2025")->choices.size(), 5u);
  EXPECT_EQ(field(*form, "faaliyet.F1.1.9.harcanan.2025"), nullptr);  // another year's activity
  EXPECT_EQ(field(*form, "birim.1.kontrol")->kind, doc::FieldKind::checkbox);
  EXPECT_EQ(field(*form, "birim.1.tarih")->kind, doc::FieldKind::date);
  // Targets and last year's year-end value, in Turkish form, read-only.
  std::vector<std::string> shown;
  for (const doc::FormField& f : form->fields)
    if (f.read_only) shown.push_back(f.value);
  ASSERT_GE(shown.size(), 5u);
  EXPECT_EQ(shown[0], "12");       // PG1.1.2 target 12.000
  EXPECT_EQ(shown[1], "7");        // its 2024 year-end value, not the 6-month one
  EXPECT_EQ(shown[2], "1.250,5");  // PG1.1.10 target
  EXPECT_EQ(shown[3], "–");        // no 2024 value
  EXPECT_EQ(shown[4], "4.250.000");
  // The signature block: the unit head with the surname in capitals.
  EXPECT_EQ(field(*form, "imza.adi_soyadi")->value, "İlkay Işıl ŞİŞLİ");
  EXPECT_EQ(field(*form, "imza.adi_soyadi")->signer, 1);
  EXPECT_EQ(field(*form, "imza.unvani")->value, "Daire Başkanı");
}

TEST(VeriToplama, AnUnknownUnitIsAnError) {
  dizgi::Dataset d = data();
  dizgi::DiagnosticSink sink;
  dizgi::LayoutContext context = context_for(d, sink);
  context.params["birim"] = "99";
  try {
    dizgi::veri_toplama::VeriToplama{}.compose(context);
    FAIL() << "no error";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.message(), "no unit '99' in the table birim");
  }
  context.params["birim"] = "46.01.34.20";  // the kurumsal kod works too
  EXPECT_EQ(dizgi::veri_toplama::VeriToplama{}.compose(context).sections[0].blocks.size(), 1u);
}
