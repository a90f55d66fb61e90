// Templates, the file designers edit most: every silent mistake of the old reader is now an
// error at file:line:col with a hint (unknown attribute, unknown colour, a style based on a
// style that does not exist, a based-on cycle, negative or absurd lengths), `based-on` really
// inherits, and the built-in template printed as XML reads back to the same values.
#include "layout/template.hpp"

#include <dizgi/diagnostics.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace layout = dizgi::layout;

namespace {

// Line 1 is <template>; the piece under test is on line 2.
std::string wrap(const std::string& body) { return "<template name=\"t\">\n" + body + "\n</template>\n"; }

struct Failure {
  std::string message;
  std::string hint;
  uint32_t line = 0;
  uint32_t column = 0;
};

Failure failure_of(const std::string& body) {
  try {
    layout::parse_template(wrap(body), "t.xml");
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.code(), dizgi::ErrorCode::project);
    EXPECT_EQ(error.location().file, "t.xml");
    return {error.message(), error.hint(), error.location().line, error.location().column};
  }
  ADD_FAILURE() << "accepted: " << body;
  return {};
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

TEST(Template, UnknownAttributeIsAnErrorAtItsColumn) {
  Failure f = failure_of(R"(<style name="h1" szie="12pt"/>)");
  EXPECT_EQ(f.message, "unknown attribute 'szie' on 'style'");
  EXPECT_TRUE(starts_with(f.hint, "did you mean 'size'?")) << f.hint;
  EXPECT_EQ(f.line, 2u);
  EXPECT_EQ(f.column, 18u);
}

TEST(Template, UnknownElementIsAnError) {
  Failure f = failure_of(R"(<colours><color name="x" cmyk="0 0 0 100"/></colours>)");
  EXPECT_EQ(f.message, "unknown element 'colours' in 'template'");
  EXPECT_TRUE(starts_with(f.hint, "did you mean 'colors'?")) << f.hint;
}

TEST(Template, SingleElementGivenTwice) {
  Failure f = failure_of("<page size=\"A4\"/>\n<page size=\"A5\"/>");
  EXPECT_EQ(f.message, "'page' is given twice in 'template'");
  EXPECT_EQ(f.line, 3u);
}

TEST(Template, MisspeltValueIsAnError) {
  Failure f = failure_of(R"(<style name="h1" align="justfy"/>)");
  EXPECT_TRUE(starts_with(f.message, "attribute 'align' of 'style' is 'justfy', expected")) << f.message;
  EXPECT_EQ(f.hint, "did you mean 'justify'?");
}

TEST(Template, UnknownColourInAStyle) {
  Failure f = failure_of(R"(<style name="h1" color="anaa"/>)");
  EXPECT_EQ(f.message, "unknown colour 'anaa' in style 'h1'");
  EXPECT_TRUE(starts_with(f.hint, "did you mean 'ana'? define it in <colors> or use one of")) << f.hint;
  EXPECT_EQ(f.line, 2u);
  EXPECT_EQ(f.column, 18u);
}

TEST(Template, UnknownColourInTheTable) {
  Failure f = failure_of(R"(<table rule-color="cizgii"/>)");
  EXPECT_EQ(f.message, "unknown colour 'cizgii' in table");
  EXPECT_TRUE(starts_with(f.hint, "did you mean 'cizgi'?")) << f.hint;
}

TEST(Template, ColourDefinedAnywhereInTheFileMayBeUsed) {
  layout::Template t = layout::parse_template(
      wrap(R"(<style name="h1" color="marka"/><colors><color name="marka" cmyk="0 100 100 0"/></colors>)"), "t.xml");
  EXPECT_EQ(t.style("h1").color, "marka");
  EXPECT_DOUBLE_EQ(t.color("marka").m, 100);
}

TEST(Template, BadCmykIsAnError) {
  Failure f = failure_of(R"(<colors><color name="x" cmyk="0 0 120 0"/></colors>)");
  EXPECT_EQ(f.message, "cmyk of colour 'x' must be four percentages, not '0 0 120 0'");
  EXPECT_EQ(failure_of(R"(<colors><color name="x" cmyk="0 0 0 100 5"/></colors>)").message,
            "cmyk of colour 'x' must be four percentages, not '0 0 0 100 5'");
}

TEST(Template, BasedOnAStyleThatDoesNotExist) {
  Failure f = failure_of(R"(<style name="lead" based-on="bdy"/>)");
  EXPECT_EQ(f.message, "style 'lead' is based on unknown style 'bdy'");
  EXPECT_TRUE(starts_with(f.hint, "did you mean 'body'? base it on a style of this template or a built-in one"))
      << f.hint;
  EXPECT_EQ(f.column, 20u);
}

TEST(Template, BasedOnCycleIsAnError) {
  Failure f = failure_of(R"(<style name="a" based-on="b"/><style name="b" based-on="a"/>)");
  EXPECT_EQ(f.message, "style 'a' is based on itself (a -> b -> a)");
  EXPECT_EQ(f.hint, "break the cycle: base one of these styles on 'body' or on none");
  EXPECT_EQ(failure_of(R"(<style name="x" based-on="x"/>)").message, "style 'x' is based on itself (x -> x)");
}

TEST(Template, StyleDefinedTwice) {
  Failure f = failure_of("<style name=\"body\" size=\"10pt\"/>\n<style name=\"body\" size=\"11pt\"/>");
  EXPECT_EQ(f.message, "style 'body' is defined twice");
  EXPECT_EQ(f.hint, "the first is on line 2; keep one of them");
  EXPECT_EQ(f.line, 3u);
}

TEST(Template, NegativePaddingIsAnError) {
  Failure f = failure_of(R"(<table padding="-2pt"/>)");
  EXPECT_EQ(f.message, "padding of table is negative: '-2pt'");
  EXPECT_EQ(f.hint, "write 0 or a positive length such as 3pt");
  EXPECT_EQ(failure_of(R"(<table padding-left="-1mm"/>)").message, "padding-left of table is negative: '-1mm'");
}

TEST(Template, NegativeMarginAndLeadingAreErrors) {
  EXPECT_EQ(failure_of(R"(<page inner="-5mm"/>)").message, "inner of page is negative: '-5mm'");
  EXPECT_EQ(failure_of(R"(<style name="body" leading="-14pt"/>)").message,
            "leading of style 'body' is negative: '-14pt'");
  EXPECT_EQ(failure_of(R"(<style name="body" space-after="-1pt"/>)").message,
            "space-after of style 'body' is negative: '-1pt'");
}

TEST(Template, NanInfAndHugePageSizesAreErrors) {
  Failure nan = failure_of(R"(<page width="nan"/>)");
  EXPECT_EQ(nan.message, "width of page is not a length: 'nan'");
  EXPECT_EQ(nan.hint, "write a number with a unit: 25mm, 10.5pt, 1.2cm, 1.5em");
  EXPECT_EQ(failure_of(R"(<page height="infmm"/>)").message, "height of page is not a length: 'infmm'");
  Failure huge = failure_of(R"(<page width="1e9mm"/>)");
  EXPECT_EQ(huge.message, "width of page is out of range: '1e9mm'");
  EXPECT_EQ(huge.hint, "use a length from 50mm to 5080mm");
  EXPECT_EQ(failure_of(R"(<style name="body" size="0pt"/>)").message, "size of style 'body' is out of range: '0pt'");
  EXPECT_EQ(failure_of(R"(<page columns="0"/>)").message, "columns of page must be a whole number from 1 to 12, not '0'");
}

TEST(Template, MarginsThatLeaveNoRoom) {
  EXPECT_EQ(failure_of(R"(<page width="100mm" inner="45mm" outer="40mm"/>)").message,
            "page margins leave no room for text");
}

TEST(Template, MalformedXmlPointsAtTheLine) {
  Failure f = failure_of("<style name=\"h1\">\n</stil>");
  EXPECT_EQ(f.line, 3u);
  EXPECT_TRUE(starts_with(f.message, "closing tag '</stil>'")) << f.message;
}

TEST(Template, BasedOnInheritsFromTheParentNotFromBuiltInDefaults) {
  // h2 has built-in values (bold, 14pt, ana); based on "kutu", its unset values come from kutu.
  layout::Template t = layout::parse_template(wrap(R"(
    <style name="h2" based-on="kutu" space-after="3pt"/>
    <style name="kutu" based-on="body" font="DejaVu Sans" size="20pt" color="vurgu"/>
    <style name="body" size="9pt" leading="12pt" first-indent="0"/>)"),
                                               "t.xml");
  const layout::Style& h2 = t.style("h2");
  EXPECT_EQ(h2.font, "DejaVu Sans");
  EXPECT_DOUBLE_EQ(h2.size_pt, 20);
  EXPECT_EQ(h2.color, "vurgu");
  EXPECT_FALSE(h2.bold);              // from body through kutu, not the built-in bold h2
  EXPECT_DOUBLE_EQ(h2.leading_pt, 12);  // from the template's body
  EXPECT_DOUBLE_EQ(h2.space_after_pt, 3);
  EXPECT_EQ(h2.align, layout::Alignment::justify);
  // A style without based-on starts from the built-in style of its name, or from body.
  layout::Template u = layout::parse_template(wrap(R"(<style name="h1" size="30pt"/><style name="yeni" color="ana"/>)"), "u.xml");
  EXPECT_TRUE(u.style("h1").bold);
  EXPECT_DOUBLE_EQ(u.style("h1").size_pt, 30);
  EXPECT_DOUBLE_EQ(u.style("yeni").size_pt, u.style("body").size_pt);
}

TEST(Template, EmLengthsAreOfTheStylesOwnSize) {
  layout::Template t = layout::parse_template(wrap(R"(<style name="body" size="10pt" first-indent="1.5em"/>)"), "t.xml");
  EXPECT_DOUBLE_EQ(t.style("body").first_indent_pt, 15);
}

TEST(Template, PaddingPerSide) {
  layout::Template t = layout::parse_template(wrap(R"(<table padding="2pt 4pt" padding-bottom="5pt"/>)"), "t.xml");
  EXPECT_EQ(t.table.padding, (layout::Padding{2, 4, 5, 4}));
  EXPECT_EQ(failure_of(R"(<table padding="1pt 2pt 3pt"/>)").message,
            "padding of table takes 1, 2 or 4 lengths, not '1pt 2pt 3pt'");
}

TEST(Template, PointFiveAttributesAreRead) {
  layout::Template t = layout::parse_template(wrap(R"(
    <page facing="false"/>
    <heading level="1" break="page" drop="20mm"/>
    <heading level="2" break="recto"/>
    <folio position="top" align="center"/>
    <matter body-start="page"/>
    <table rules="booktabs"/>
    <captions numbering="none"/>)"),
                                              "t.xml");
  EXPECT_EQ(t.heading(1).break_before, layout::PageBreak::page);
  EXPECT_DOUBLE_EQ(t.heading(1).drop_pt, layout::mm_to_pt(20));
  EXPECT_EQ(t.heading(2).break_before, layout::PageBreak::recto);
  EXPECT_EQ(t.effective(layout::PageBreak::recto), layout::PageBreak::page);  // single-sided
  EXPECT_EQ(t.heading(3).break_before, layout::PageBreak::none);
  EXPECT_EQ(t.folio.position, layout::FolioPosition::top);
  EXPECT_EQ(t.folio.align, layout::FolioAlign::center);
  EXPECT_EQ(t.body_start, layout::PageBreak::page);
  EXPECT_EQ(t.table.rules, layout::TableRules::booktabs);
  EXPECT_EQ(t.captions.numbering, "none");
  EXPECT_EQ(failure_of(R"(<heading level="7"/>)").message, "level of heading must be a whole number from 1 to 6, not '7'");
  EXPECT_EQ(failure_of(R"(<heading level="1" drop="-3mm"/>)").message, "drop of heading level 1 is negative: '-3mm'");
}

TEST(Template, ChaptersRectoIsTheLevelOneBreak) {
  layout::Template t = layout::parse_template(wrap(R"(<chapters recto="false"/>)"), "t.xml");
  EXPECT_EQ(t.heading(1).break_before, layout::PageBreak::page);
  EXPECT_DOUBLE_EQ(t.heading(1).drop_pt, layout::mm_to_pt(30));
}

TEST(Template, FontSourcesPointAtTheAttribute) {
  layout::Template t = layout::parse_template(wrap(R"(<style name="h1" font="Yok Böyle Sans"/>)"), "t.xml");
  ASSERT_EQ(t.font_sources.count("Yok Böyle Sans"), 1u);
  EXPECT_EQ(t.font_sources.at("Yok Böyle Sans").line, 2u);
  EXPECT_EQ(t.font_sources.at("Yok Böyle Sans").column, 18u);
}

void expect_same_values(const layout::Template& a, const layout::Template& b) {
  EXPECT_EQ(a.page, b.page);
  EXPECT_EQ(a.styles, b.styles);
  EXPECT_EQ(a.colors, b.colors);
  EXPECT_EQ(a.table, b.table);
  EXPECT_EQ(a.running_head_verso, b.running_head_verso);
  EXPECT_EQ(a.running_head_recto, b.running_head_recto);
  EXPECT_EQ(a.folio, b.folio);
  EXPECT_EQ(a.headings, b.headings);
  EXPECT_EQ(a.body_start, b.body_start);
  EXPECT_EQ(a.numbering, b.numbering);
  EXPECT_EQ(a.captions, b.captions);
  EXPECT_EQ(a.smart_quotes, b.smart_quotes);
}

TEST(Template, PrintedDefaultParsesValidatesAndRoundTrips) {
  const layout::Template defaults = layout::default_template();
  const std::string xml = layout::template_xml(defaults);
  layout::Template read = layout::parse_template(xml, "default.xml");  // validates against the schema
  expect_same_values(read, defaults);
  EXPECT_EQ(layout::template_xml(read), xml);
}

TEST(Template, ShippedTemplateLoadsAndRoundTrips) {
  const layout::Template kurumsal =
      layout::load_template(std::string(DIZGI_TEST_SOURCE_DIR) + "/../layouts/kurumsal/template.xml");
  EXPECT_EQ(kurumsal.name, "kurumsal");
  EXPECT_DOUBLE_EQ(kurumsal.style("body").first_indent_pt, 1.2 * 10.5);
  expect_same_values(layout::parse_template(layout::template_xml(kurumsal), "k.xml"), kurumsal);
}

TEST(Template, DocsListEveryBuiltInStyle) {
  std::ifstream in(std::string(DIZGI_TEST_SOURCE_DIR) + "/../docs/templates.md");
  std::stringstream docs;
  docs << in.rdbuf();
  for (const auto& [name, style] : layout::default_template().styles) {
    EXPECT_NE(docs.str().find("| `" + name + "` |"), std::string::npos) << "docs/templates.md misses style " << name;
  }
}

// `dizgi template ...` with its standard output and error in one string, and its exit status.
std::pair<int, std::string> dizgi(const std::string& arguments) {
  // One file per test process: ctest runs the tests of this file in parallel.
  const std::filesystem::path out =
      std::filesystem::path(DIZGI_TEST_BINARY_DIR) / ("template-cli-" + std::to_string(::getpid()) + ".out");
  int raw = std::system(("'" DIZGI_CLI_PATH "' " + arguments + " > '" + out.string() + "' 2>&1").c_str());
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, text.str()};
}

TEST(TemplateCli, ShowPrintsTheBuiltInTemplate) {
  auto [status, output] = dizgi("template show");
  EXPECT_EQ(status, 0);
  EXPECT_EQ(output, layout::template_xml(layout::default_template()));
  EXPECT_NE(dizgi("--help").second.find("template"), std::string::npos);
}

TEST(TemplateCli, CheckReportsTheMistakeAtItsPlace) {
  const std::filesystem::path file = std::filesystem::path(DIZGI_TEST_BINARY_DIR) / "template-szie.xml";
  std::ofstream(file) << wrap(R"(<style name="h1" szie="12pt"/>)");
  auto [status, output] = dizgi("template check '" + file.string() + "'");
  EXPECT_EQ(status, 2);
  EXPECT_NE(output.find(file.string() + ":2:18: error: unknown attribute 'szie' on 'style'"), std::string::npos) << output;
  EXPECT_EQ(dizgi("template frobnicate").first, 2);
}

}  // namespace

namespace {

TEST(Template, TypographySettingsAreRead) {
  layout::Template t = layout::parse_template(
      wrap(R"(<typography expansion="1.5%" expansion-step="0.25%" protrusion="false" letter-spacing="0.01em"
                          word-space-stretch="40%" word-space-shrink="30%" word-space-max="140%"
                          hyphen-penalty="300" consecutive-hyphen-demerits="8000" final-hyphen-demerits="4000"
                          fitness-demerits="6000" hyphens-in-a-row="3">
             <protrude chars="-," right="80%"/>
             <protrude chars="«" left="45%"/>
           </typography>)"),
      "t.xml");
  const layout::Typography& ty = t.typography;
  EXPECT_DOUBLE_EQ(ty.expansion, 0.015);
  EXPECT_DOUBLE_EQ(ty.expansion_step, 0.0025);
  EXPECT_FALSE(ty.protrusion);
  EXPECT_DOUBLE_EQ(ty.letter_spacing_em, 0.01);
  EXPECT_DOUBLE_EQ(ty.word_space_stretch, 0.4);
  EXPECT_DOUBLE_EQ(ty.word_space_shrink, 0.3);
  EXPECT_DOUBLE_EQ(ty.word_space_max, 1.4);
  EXPECT_EQ(ty.hyphen_penalty, 300);
  EXPECT_EQ(ty.consecutive_hyphen_demerits, 8000);
  EXPECT_EQ(ty.final_hyphen_demerits, 4000);
  EXPECT_EQ(ty.fitness_demerits, 6000);
  EXPECT_EQ(ty.hyphens_in_a_row, 3);
  EXPECT_DOUBLE_EQ(ty.protrude.at("-").right, 0.8);
  EXPECT_DOUBLE_EQ(ty.protrude.at(",").right, 0.8);
  EXPECT_DOUBLE_EQ(ty.protrude.at("«").left, 0.45);
  EXPECT_DOUBLE_EQ(ty.protrude.at("«").right, 0);
  EXPECT_DOUBLE_EQ(ty.protrude.at(".").right, layout::default_protrusion().at(".").right);  // kept

  // What `template show` prints reads back to the same settings.
  EXPECT_EQ(layout::parse_template(layout::template_xml(t), "shown.xml").typography, ty);
}

TEST(Template, TypographyMistakesNameTheAttribute) {
  Failure f = failure_of(R"(<typography expansion="2"/>)");
  EXPECT_EQ(f.message, "expansion of typography must be a percentage from 0% to 5%, not '2'");
  EXPECT_EQ(f.hint, "write a number and a percent sign: 2%");
  EXPECT_EQ(f.line, 2u);
  f = failure_of(R"(<typography expansion="9%"/>)");
  EXPECT_EQ(f.message, "expansion of typography must be a percentage from 0% to 5%, not '9%'");
  f = failure_of(R"(<typography letter-spacing="0.5pt"/>)");
  EXPECT_EQ(f.message, "letter-spacing of typography must be a length in em from 0em to 0.1em, not '0.5pt'");
  f = failure_of(R"(<typography expansion="1%" expansion-step="2%"/>)");
  EXPECT_EQ(f.message, "expansion-step of typography is larger than expansion");
  f = failure_of(R"(<typography hyphen-penalty="lots"/>)");
  EXPECT_EQ(f.message, "hyphen-penalty of typography must be a number from 0 to 10000, not 'lots'");
  f = failure_of("<typography>\n<protrude chars=\"-\" right=\"150%\"/></typography>");
  EXPECT_EQ(f.message, "right of protrude must be a percentage from 0% to 100%, not '150%'");
  EXPECT_EQ(f.line, 3u);
}

}  // namespace
