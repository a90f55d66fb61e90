// The SDK growth rule (docs/plugin-guide.md §5): a layout built against the frozen ABI 2.0
// headers (tests/plugins/frozen-2.0) loads into the current 2.x host, composes, and its blocks
// are laid out as 2.0 defined them — typed cells, decimal alignment, group rows, references,
// footnotes, a chart with a gap and a form — although later 2.x versions took room from the
// structs' reserved words.
#include "layout/dump.hpp"
#include "layout/template.hpp"
#include "paginate/paginate.hpp"
#include "plugin/host.hpp"
#include "text/shaper.hpp"

#include <dizgi/sdk/plugin.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace {

using namespace dizgi;

TEST(SdkGrowth, LayoutBuiltAgainstFrozen20HeadersLoadsAndLaysOut) {
  DiagnosticSink sink;
  plugin::Host host;
  auto file = std::filesystem::path(DIZGI_FIXTURE_PLUGIN_DIR) / "dizgi-fixture-frozen-2.0.so";
  ASSERT_EQ(host.load_file(file, sink), plugin::LoadStatus::ok) << sink.diagnostics().front().message;
  ASSERT_EQ(host.plugins().size(), 1u);
  EXPECT_EQ(DIZGI_SDK_ABI_MAJOR_OF(host.plugins()[0].abi), 2u);
  EXPECT_EQ(DIZGI_SDK_ABI_MINOR_OF(host.plugins()[0].abi), 0u);
  EXPECT_GE(DIZGI_SDK_ABI_MINOR, 1) << "the proof needs at least one 2.x addition";

  auto layout = host.create_layout("frozen-2.0");
  LayoutContext context;
  Dataset data;
  context.data = &data;
  context.sink = &sink;
  doc::Document document = layout->compose(context);
  ASSERT_EQ(document.sections.size(), 1u);

  text::Shaper shaper(&sink);
  auto book = paginate::lay_out(document, layout::default_template(), shaper, sink);
  std::string dump = layout::dump(*book);
  EXPECT_NE(dump.find("1.234,50"), std::string::npos) << dump;   // typed money cell
  EXPECT_NE(dump.find("Tablo 1"), std::string::npos) << dump;    // reference span resolved
  EXPECT_NE(dump.find("Gruplar"), std::string::npos) << dump;    // group row
  EXPECT_NE(dump.find("–"), std::string::npos) << dump;          // null cell: the missing marker
  EXPECT_NE(dump.find("Dipnot metni."), std::string::npos) << dump;
  EXPECT_NE(dump.find("Beyan"), std::string::npos) << dump;
  for (const Diagnostic& d : sink.diagnostics()) {
    EXPECT_NE(d.severity, Severity::error) << d.message;
  }
}

}  // namespace

namespace {

using namespace dizgi;

std::vector<Diagnostic> lay_out_one(doc::Block block) {
  doc::Document document;
  doc::Section section;
  section.blocks.push_back(std::move(block));
  document.sections.push_back(std::move(section));
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  paginate::lay_out(document, layout::default_template(), shaper, sink);
  return sink.diagnostics();
}

bool has(const std::vector<Diagnostic>& diagnostics, const std::string& code, const std::string& text) {
  for (const Diagnostic& d : diagnostics)
    if (d.code == code && (d.message + " " + to_string(d.location)).find(text) != std::string::npos) return true;
  return false;
}

doc::Origin origin_at(const char* file, int line) {
  doc::Origin o;
  o.file = file;
  o.line = line;
  return o;
}

// What the engine does not do yet is said at the block's origin, never approximated silently.
TEST(SdkModel, RequestsTheEngineCannotHonourAreUnsupportedAtTheBlocksOrigin) {
  doc::Table table;
  table.id = "t";
  table.origin = origin_at("gider.csv", 14);
  table.columns = {{"50%", doc::Align::start}, {"50%", doc::Align::end}};
  doc::TableCell tall("uzun");
  tall.row_span = 2;
  table.body.push_back({tall, doc::TableCell("1")});
  table.carried.enabled = true;
  auto d = lay_out_one(table);
  // Row spans and carried totals are laid out; what of them cannot be honoured (a span past
  // the last row, totals with no summed column) is said at the table's origin.
  EXPECT_TRUE(has(d, "layout.table-span", "row span of 2 in body row 1, column 1 runs past the body's last row")) << d.size();
  EXPECT_TRUE(has(d, "layout.table-carried", "no column is summed"));
  EXPECT_TRUE(has(d, "layout.table-carried", "gider.csv:14"));

  doc::Chart pie;
  pie.kind = doc::ChartKind::pie;
  pie.caption = "Pay";
  pie.origin = origin_at("grafik.xml", 3);
  d = lay_out_one(pie);
  EXPECT_TRUE(has(d, "layout.unsupported", "a pie chart ('Pay') is not supported yet"));
  EXPECT_TRUE(has(d, "layout.unsupported", "grafik.xml:3"));

  doc::Paragraph p;
  p.content.push_back(doc::text_span("metin"));
  p.props["szie"] = "12";
  p.origin = origin_at("metin.txt", 7);
  d = lay_out_one(p);
  EXPECT_TRUE(has(d, "layout.unknown-property", "unknown block property 'szie'"));
  EXPECT_TRUE(has(d, "layout.unknown-property", "metin.txt:7"));
}

// Typed cells are written the Turkish way by the engine; null is the template's marker, never 0.
TEST(SdkModel, TypedCellsAreFormattedAndNullIsNeverZero) {
  doc::Table table;
  table.id = "t";
  table.columns = {{"50%", doc::Align::start}, {"50%", doc::Align::decimal}};
  doc::NumberFormat thousands;
  thousands.fraction_digits = 0;
  thousands.scale_power = 3;
  doc::NumberFormat parentheses;
  parentheses.fraction_digits = 1;
  parentheses.negative = doc::Negative::parentheses;
  doc::NumberFormat percent;
  percent.percent = true;
  percent.fraction_digits = 1;
  table.body.push_back({doc::TableCell("a"), doc::TableCell::typed(*Decimal::parse("64123456789.40"), thousands)});
  table.body.push_back({doc::TableCell("b"), doc::TableCell::typed(*Decimal::parse("-4.25"), parentheses)});
  table.body.push_back({doc::TableCell("c"), doc::TableCell::typed(*Decimal::parse("45.24"), percent)});
  table.body.push_back({doc::TableCell("d"), doc::TableCell::null()});
  doc::Document document;
  doc::Section section;
  section.blocks.push_back(table);
  document.sections.push_back(std::move(section));
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  auto book = paginate::lay_out(document, layout::default_template(), shaper, sink);
  std::string dump = layout::dump(*book);
  EXPECT_NE(dump.find("64.123.457"), std::string::npos) << dump;  // thousands, rounded once
  EXPECT_NE(dump.find("(4,3)"), std::string::npos) << dump;       // half away from zero
  EXPECT_NE(dump.find("%45,2"), std::string::npos) << dump;
  EXPECT_NE(dump.find("| d – @"), std::string::npos) << dump;
  EXPECT_EQ(dump.find("| d 0 @"), std::string::npos) << dump;
}

// A style name the template lacks is said once, at the block's origin, not set silently as body.
TEST(SdkModel, AStyleTheTemplateLacksIsReportedOnce) {
  doc::Paragraph p;
  p.content.push_back(doc::text_span("metin"));
  p.style = "govde-yok";
  p.origin = origin_at("metin.txt", 9);
  auto d = lay_out_one(p);
  EXPECT_TRUE(has(d, "layout.unknown-style", "the template has no style 'govde-yok'"));
  EXPECT_TRUE(has(d, "layout.unknown-style", "metin.txt:9"));
  p.style = "body";
  d = lay_out_one(p);
  EXPECT_FALSE(has(d, "layout.unknown-style", "")) << "a defined style is not reported";
}

}  // namespace
