// The faaliyet-raporu module as the host sees it: the exported info record, registration, and
// a layout object created by the factory composing a document across the library boundary.
#include <dizgi/model/dataset.hpp>
#include <dizgi/sdk/plugin.hpp>

#include <boost/dll/shared_library.hpp>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace {

class RecordingRegistry : public dizgi::Registry {
 public:
  void add_component(const dizgi::ComponentInfo& info, std::size_t info_size) override {
    components.push_back(info);
    sizes.push_back(info_size);
  }
  std::vector<dizgi::ComponentInfo> components;
  std::vector<std::size_t> sizes;
};

TEST(FaaliyetPlugin, ExportsInfoRecordAndRegistersTheLayout) {
  boost::dll::shared_library library(DIZGI_FAALIYET_PLUGIN_PATH);
  const auto& info = library.get_alias<const dizgi::PluginInfo>("dizgi_plugin_info");
  EXPECT_EQ(info.struct_size, sizeof(dizgi::PluginInfo));
  EXPECT_EQ(info.abi, DIZGI_SDK_ABI);
  EXPECT_EQ(std::string(info.id), "faaliyet-raporu");
  EXPECT_EQ(std::string(info.kind), "layout");
  EXPECT_EQ(std::string(info.version), "0.1.0");
  EXPECT_EQ(std::string(info.toolchain), DIZGI_TOOLCHAIN);

  auto& register_fn = library.get_alias<dizgi::RegisterFunction>("dizgi_plugin_register");
  RecordingRegistry registry;
  register_fn(registry);
  ASSERT_EQ(registry.components.size(), 1u);
  const dizgi::ComponentInfo& component = registry.components[0];
  EXPECT_EQ(registry.sizes[0], sizeof(dizgi::ComponentInfo));
  EXPECT_EQ(component.kind, dizgi::ComponentKind::layout);
  EXPECT_EQ(std::string(component.id), "faaliyet-raporu");
  EXPECT_EQ(component.create_datasource, nullptr);
  ASSERT_NE(component.create_layout, nullptr);

  // Compose through the plugin's own object; the library stays loaded while it lives.
  dizgi::Dataset data;
  dizgi::Table gider("butce_gider", {{"yil", dizgi::ValueType::integer, true, 0},
                                     {"birim_id", dizgi::ValueType::integer, true, 0},
                                     {"ekonomik_kod", dizgi::ValueType::text, true, 0},
                                     {"baslangic_odenegi", dizgi::ValueType::decimal, true, 2},
                                     {"yil_sonu_odenegi", dizgi::ValueType::decimal, true, 2},
                                     {"harcama", dizgi::ValueType::decimal, true, 2}});
  gider.add_row({int64_t{2025}, int64_t{1}, std::string("01"), dizgi::Decimal{100000, 2},
                 dizgi::Decimal{100000, 2}, dizgi::Decimal{87450, 2}});
  data.put(std::move(gider));
  dizgi::DiagnosticSink sink;
  dizgi::LayoutContext context;
  context.data = &data;
  context.metadata.year = 2025;
  context.sink = &sink;
  std::unique_ptr<dizgi::Layout> layout(component.create_layout());
  dizgi::doc::Document document = layout->compose(context);
  EXPECT_EQ(document.sections.size(), 3u);
  EXPECT_GT(sink.count(dizgi::Severity::warning), 0u);  // texts and optional tables are missing
  // An error thrown inside the plugin arrives as dizgi::Error with its code.
  dizgi::Dataset empty;
  context.data = &empty;
  try {
    layout->compose(context);
    FAIL() << "expected dizgi::Error";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.code(), dizgi::ErrorCode::data);
  }
  layout.reset();
}

}  // namespace
