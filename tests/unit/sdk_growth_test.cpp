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
