// The state shared by the parts of the composition (compose.cpp, finance.cpp,
// performance.cpp): the context, the report year, the diagnostics and the helpers for texts,
// headings and placeholders. Internal to the faaliyet-raporu plugin.
#pragma once

#include "data_access.hpp"
#include "faaliyet_raporu.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/collate.hpp>
#include <dizgi/model/dataset.hpp>
#include <dizgi/model/document.hpp>
#include <dizgi/sdk/layout.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace dizgi::faaliyet {

using Blocks = std::vector<doc::Block>;

class Composer {
 public:
  Composer(const LayoutContext& context, DiagnosticSink& sink, int year);

  const LayoutContext& context;
  const Dataset& data;
  DiagnosticSink& sink;
  const int year;
  // The layout whose diagnostics these are (the planning books reuse this composer).
  std::string layout_name = layout_id;

  // The table, or nullptr after a warning naming the table and the section that needed it.
  const Table* optional_table(const std::string& name, const std::string& section) const;
  // The file text `id` came from (for the blocks' origins).
  std::string text_file(const std::string& id) const;
  // Appends the narrative text `id`, or a placeholder paragraph plus a warning.
  void text(Blocks& out, const std::string& id) const;
  // Appends the text `id` when the book has it, else the standard "nothing further" sentence.
  void optional_text(Blocks& out, const std::string& id) const;
  // A placeholder paragraph (style "placeholder") saying that data or text is missing.
  static doc::Paragraph placeholder(const std::string& message);
  // Warns that optional table `name` is missing, once per composition.
  void warn_missing_table(const std::string& name, const std::string& hint) const;
  // The layout parameter `name`, or `fallback` when absent or empty.
  std::string param(const std::string& name, const std::string& fallback) const;
  // The file a layout parameter names (the logo), resolved in the book's folder with the SDK's
  // project-path rule, as an absolute path; empty when the parameter is absent.
  std::string file_param(const std::string& name) const;
  // Whether a row's `yil` column equals the report year.
  bool is_report_year(const Table& table, std::size_t row) const;

 private:
  mutable std::set<std::string> warned_tables_;
};

doc::ListOf list_of(doc::ListOfKind kind, std::string title, int depth);

doc::Heading make_heading(int level, std::string number, std::string title, std::string id,
                          bool chapter_opener = false);

// glance.cpp — the year at a glance: key-figure cards ("2025 Yılı Rakamlarla") and a page per
// amaç with its goals' and indicators' bullet charts, before the detailed tables.
void add_key_figures(const Composer& composer, Blocks& out);
void add_aims_at_a_glance(const Composer& composer, Blocks& out);

// finance.cpp — III-A-1 Bütçe Uygulama Sonuçları.
void add_budget_expenditure(const Composer& composer, Blocks& out);
void add_budget_by_unit(const Composer& composer, Blocks& out);
void add_budget_revenue(const Composer& composer, Blocks& out);
void add_budget_functional(const Composer& composer, Blocks& out);
// The lines whose spending deviates with a reason (5018 md. 41(4)).
void add_budget_deviations(const Composer& composer, Blocks& out);
void add_budget_balance(const Composer& composer, Blocks& out);
// The state of the municipality's debts (5393 md. 56).
void add_debts(const Composer& composer, Blocks& out);
// Aid to associations, foundations, institutions and companies (5018 md. 41(4)).
void add_aid(const Composer& composer, Blocks& out);

// organisation.cpp — I-C and I-D tables from the data.
void add_physical_resources(const Composer& composer, Blocks& out);
void add_it_resources(const Composer& composer, Blocks& out);
void add_staff(const Composer& composer, Blocks& out);
// The name of a personel_ozet status ("kadrolu_isci" -> "Kadrolu (Daimi) İşçi"); the code itself
// when unknown.
std::string staff_status_name(const std::string& code);
void add_internal_control(const Composer& composer, Blocks& out);
void add_council(const Composer& composer, Blocks& out);
void add_subsidiaries(const Composer& composer, Blocks& out);

// front_matter.cpp — the imprint (künye), the foreword's signature (idare.ust_yonetici, and the
// photo of the layout parameter baskan_fotografi), and Kısaltmalar: the abbreviations the
// composed `sections` use (template defaults plus those the data defines in names, "… (KUSKİ)").
// The imprint's "Hazırlayan" is `preparer` when given (a Birim report: the unit itself).
void add_imprint(const Composer& composer, Blocks& out, const std::string& title, const std::string& preparer = {});

// The covers of the book family (the engine draws them: docs/plugin-guide.md, cover props). The
// front: `title` without the year, the year or period large, the subtitle (a unit's name), the
// accent colour (a template colour; the layout parameter kapak_rengi overrides it), the logo
// (parameter logo) and idare.ad and idare.web. The back: the same administration, logo and
// accent, the contact lines of idare (adres, telefon, eposta, web) and the book's full title.
struct BookCover {
  std::string title, year, subtitle, accent;
};
doc::Cover front_cover(const Composer& composer, const BookCover& book);
doc::Cover back_cover(const Composer& composer, const BookCover& book, const std::string& full_title);
// The signature of the foreword and the photo of the parameter baskan_fotografi; without the
// parameter, a framed placeholder of the photo's size and a warning `layout.missing-photo` when
// `photo_placeholder` (the İdare report), else nothing.
void add_foreword_signature(const Composer& composer, Blocks& out, bool photo_placeholder = false);
Blocks abbreviations(const Composer& composer, const std::vector<doc::Section>& sections);

// birim.cpp — the Birim Faaliyet Raporu of the unit `unit` (birim.id or birim.kod). Throws
// Error(ErrorCode::project) when the unit does not exist.
doc::Document compose_birim(const Composer& composer, const std::string& unit, const std::string& idare_name);

// statement_forms.cpp — the assurance statements (EKLER), verbatim from statements.hpp.
enum class StatementKind { idare = 1, birim, mali_hizmetler };
// The row of table 'beyan' of `kind` ('ic_kontrol_idare', 'ic_kontrol_birim', 'mali_hizmetler')
// for the report year (and, when given, the unit), or nullopt.
std::optional<std::size_t> statement_row(const Composer& composer, const std::string& kind,
                                         const std::optional<std::string>& unit_id = std::nullopt);
// The statement as a form: annex text, reservation, signature fields from its beyan row (empty
// fields and a warning when the row is missing).
doc::Form statement_form(const Composer& composer, StatementKind kind,
                         const std::optional<std::string>& unit_id = std::nullopt);

// performance.cpp — III-B.
void add_activities(const Composer& composer, Blocks& out);
// Adds the per-hedef Performans Sonuçları tables to `results` (III-B-2) and the summary of
// hedef achievement levels to `evaluation` (III-B-3).
void add_performance_results(const Composer& composer, Blocks& results, Blocks& evaluation);
// III-B-3: the planned (strategic plan) and actual cost of each goal.
void add_goal_costs(const Composer& composer, Blocks& out);

}  // namespace dizgi::faaliyet
