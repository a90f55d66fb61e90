// The planning books of the sample municipality (issue 14) build from the sample data: the data
// passes `dizgi data --check --strict`, the print PDF passes preflight without errors, and the
// composed document holds the tables the guides require, with the figures the data stage derives.
#include "job/job.hpp"

#include "plugin/host.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <unistd.h>
#include <variant>

namespace {

namespace fs = std::filesystem;

const fs::path samples = fs::path(DIZGI_TEST_SOURCE_DIR) / ".." / "samples" / "kuzeykent";

const dizgi::doc::Table* table_of(const dizgi::doc::Document& document, const std::string& id) {
  for (const auto& section : document.sections)
    for (const auto& block : section.blocks)
      if (const auto* t = std::get_if<dizgi::doc::Table>(&block); t && t->id == id) return t;
  return nullptr;
}

int count_tables(const dizgi::doc::Document& document, const std::string& prefix) {
  int n = 0;
  for (const auto& section : document.sections)
    for (const auto& block : section.blocks)
      if (const auto* t = std::get_if<dizgi::doc::Table>(&block); t && t->id.rfind(prefix, 0) == 0) ++n;
  return n;
}

// The goal cards are form blocks (doc::goal_card_form): counted with their grid's fields.
const dizgi::doc::Form* form_of(const dizgi::doc::Document& document, const std::string& id) {
  for (const auto& section : document.sections)
    for (const auto& block : section.blocks)
      if (const auto* f = std::get_if<dizgi::doc::Form>(&block); f && f->id == id) return f;
  return nullptr;
}

int count_forms(const dizgi::doc::Document& document, const std::string& prefix) {
  int n = 0;
  for (const auto& section : document.sections)
    for (const auto& block : section.blocks)
      if (const auto* f = std::get_if<dizgi::doc::Form>(&block); f && f->id.rfind(prefix, 0) == 0) ++n;
  return n;
}

std::string text_of(const dizgi::doc::TableCell& cell) {
  std::string out;
  for (const auto& span : cell.content) out += span.text;
  return out;
}

// The book's data, checked as `dizgi data --check --strict` does: no finding at all.
dizgi::job::BookData clean_data(dizgi::job::Session& session, const fs::path& book) {
  dizgi::DiagnosticSink sink;
  dizgi::job::BookData data = session.load_data(book, {}, sink);
  dizgi::DiagnosticSink check;
  const auto summary = session.check_data(data, true, check);
  for (const auto& d : check.diagnostics()) ADD_FAILURE() << format(d);
  EXPECT_EQ(summary.errors, 0u);
  return data;
}

// Builds `book` (print profile, preflighted) into a folder of this test and process.
void builds_clean(dizgi::job::Session& session, const fs::path& book, const std::string& name) {
  const fs::path root = fs::path(DIZGI_TEST_BINARY_DIR) / (name + "-" + std::to_string(getpid()));
  fs::remove_all(root);
  dizgi::job::BuildOptions options;
  options.book = book;
  options.out_dir = root;
  options.profiles = {"print"};
  options.preview = false;
  const dizgi::job::BuildResult result = session.build(options);
  for (const auto& d : result.diagnostics)
    if (d.severity == dizgi::Severity::error) ADD_FAILURE() << format(d);
  ASSERT_EQ(result.outcome, dizgi::job::Outcome::ok);
  ASSERT_EQ(result.outputs.size(), 1u);
  EXPECT_TRUE(result.outputs[0].preflighted);
  EXPECT_EQ(result.outputs[0].preflight_errors, 0u);
  EXPECT_GT(result.outputs[0].pages, 40);
  fs::remove_all(root);
}

}  // namespace

TEST(PlanBooks, PerformansProgramiBuildsFromTheSampleAndItsDataIsClean) {
  dizgi::job::Session session;
  const fs::path book = samples / "performans-2026.xml";
  const dizgi::job::BookData data = clean_data(session, book);
  EXPECT_EQ(data.year, 2026);

  dizgi::DiagnosticSink layout;
  auto laid_out = session.lay_out(data, layout);
  const auto& document = laid_out->document;
  // One Tablo 1 per performans hedefi (23 hedefler with activities: a form block,
  // doc::performance_target_form), one Tablo 2 per activity.
  EXPECT_EQ(count_forms(document, "tablo1-"), 23);
  EXPECT_EQ(count_tables(document, "tablo1-"), 0);
  // H1.1's Tablo 1: printed, not filled in; numbered with the tables; its Genel Toplam is the
  // data stage's subtotal of H1.1 (pp_performans), in thousands of TL.
  const auto* tablo1 = form_of(document, "tablo1-h1-1");
  ASSERT_NE(tablo1, nullptr);
  EXPECT_EQ(tablo1->props.at("numbered"), "table");
  for (const auto& field : tablo1->fields) EXPECT_TRUE(field.read_only || field.kind == dizgi::doc::FieldKind::heading) << field.label;
  const auto& pp = data.dataset.table("pp_performans");
  std::string subtotal;
  for (std::size_t r = 0; r < pp.row_count(); ++r)
    if (std::get<std::string>(pp.at(r, "satir")) == "hedef" && std::get<std::string>(pp.at(r, "hedef_kod")) == "H1.1" &&
        pp.at(r, "yil") == dizgi::Value(int64_t{2026}))
      subtotal = std::get<dizgi::Decimal>(pp.at(r, "toplam")).to_string();
  EXPECT_EQ(subtotal, "2391200000.00");
  const auto& last = tablo1->fields.back();  // Genel Toplam's Toplam
  EXPECT_EQ(tablo1->fields[tablo1->fields.size() - 4].label, "Genel Toplam");
  EXPECT_EQ(last.value, "2.391.200");
  EXPECT_EQ(count_tables(document, "tablo2-"), static_cast<int>(data.dataset.table("faaliyet").row_count()));
  const auto* t3 = table_of(document, "tablo3");
  const auto* t4 = table_of(document, "tablo4");
  ASSERT_TRUE(t3 && t4);
  ASSERT_EQ(t3->footer.size(), 4u);  // Faaliyetler Toplamı, Genel Yönetim, Transfer, Genel Toplam
  EXPECT_EQ(text_of(t3->footer.back().cells[0]), "Genel Toplam");
  EXPECT_EQ(text_of(t4->footer.back().cells[1]), "Toplam Kaynak İhtiyacı");
  // Tablo 3's Genel Toplam and Tablo 4's total are the same figure (column Toplam).
  EXPECT_EQ(t3->footer.back().cells[3].value, t4->footer.back().cells[5].value);
  builds_clean(session, book, "plan_books_pp");
}

TEST(PlanBooks, StratejikPlanBuildsFromTheSampleWithTheGuidesOutline) {
  dizgi::job::Session session;
  const fs::path book = samples / "stratejik-plan-2025.xml";
  const dizgi::job::BookData data = clean_data(session, book);

  dizgi::DiagnosticSink layout;
  auto laid_out = session.lay_out(data, layout);
  const auto& document = laid_out->document;
  // Durum Analizi's sections are lettered in the Turkish alphabet, A to İ.
  std::string letters;
  bool in_analysis = false;
  for (const auto& block : document.sections[1].blocks) {
    const auto* h = std::get_if<dizgi::doc::Heading>(&block);
    if (!h) continue;
    if (h->level == 1) in_analysis = h->content[0].text == "DURUM ANALİZİ";
    if (in_analysis && h->level == 2) letters += h->number;
  }
  EXPECT_EQ(letters, "A-B-C-Ç-D-E-F-G-Ğ-H-I-İ-");
  EXPECT_EQ(count_forms(document, "hedef-karti-"), 23);  // one Hedef Kartı per hedef, a form block
  // H1.1's card: read-only (a printed card), its three indicators with their weights 30/30/40.
  const auto* card = form_of(document, "hedef-karti-h1-1");
  ASSERT_NE(card, nullptr);
  std::vector<std::string> weights;
  for (std::size_t i = 0; i < card->fields.size(); ++i) {
    const auto& field = card->fields[i];
    EXPECT_TRUE(field.read_only || field.kind == dizgi::doc::FieldKind::heading) << field.label;
    // An indicator's row: its label cell, then its weight.
    if (field.kind == dizgi::doc::FieldKind::heading && field.label.rfind("PG", 0) == 0 && i + 1 < card->fields.size())
      weights.push_back(card->fields[i + 1].value);
  }
  EXPECT_EQ(weights, (std::vector<std::string>{"30", "30", "40"}));
  EXPECT_EQ(count_tables(document, "gosterge-karti-"), 69);  // one card per indicator in the annex
  const auto* costs = table_of(document, "tablo-maliyet");
  const auto* sources = table_of(document, "tablo-kaynak");
  ASSERT_TRUE(costs && sources);
  // The totals of the two tables are the same figures, year by year and for the period.
  ASSERT_EQ(costs->footer.size(), 1u);
  ASSERT_EQ(sources->footer.size(), 1u);
  for (std::size_t column = 1; column <= 6; ++column)
    EXPECT_EQ(costs->footer[0].cells[column].value, sources->footer[0].cells[column].value) << column;
  // The approval stands on the back of the cover.
  bool approval = false;
  for (const auto& block : document.sections[0].blocks)
    if (const auto* p = std::get_if<dizgi::doc::Paragraph>(&block))
      approval = approval || p->content[0].text.find("2024/1186 sayılı kararıyla kabul edilmiştir") != std::string::npos;
  EXPECT_TRUE(approval);
  builds_clean(session, book, "plan_books_sp");
}
