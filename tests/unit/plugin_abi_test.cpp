// The records that cross the plugin boundary keep their layout within SDK ABI major 2 (qpdf
// check_abi compares type sizes between releases). Fields are only ever appended: a change here
// that is not an append needs DIZGI_SDK_ABI_MAJOR + 1; an append needs DIZGI_SDK_ABI_MINOR + 1.
#include <dizgi/sdk/plugin.hpp>

#include <gtest/gtest.h>

#include <cstddef>

namespace {

static_assert(sizeof(void*) == 8, "the layouts below are those of LP64 targets");

TEST(PluginAbi, PluginInfoLayoutOfAbi2) {
  EXPECT_EQ(DIZGI_SDK_ABI_MAJOR, 2);
  EXPECT_EQ(offsetof(dizgi::PluginInfo, struct_size), 0u);
  EXPECT_EQ(offsetof(dizgi::PluginInfo, abi), 4u);
  EXPECT_EQ(offsetof(dizgi::PluginInfo, id), 8u);
  EXPECT_EQ(offsetof(dizgi::PluginInfo, kind), 16u);
  EXPECT_EQ(offsetof(dizgi::PluginInfo, version), 24u);
  EXPECT_EQ(offsetof(dizgi::PluginInfo, toolchain), 32u);
  EXPECT_GE(sizeof(dizgi::PluginInfo), 40u);
}

TEST(PluginAbi, ComponentInfoLayoutOfAbi2) {
  EXPECT_EQ(offsetof(dizgi::ComponentInfo, kind), 0u);
  EXPECT_EQ(offsetof(dizgi::ComponentInfo, id), 8u);
  EXPECT_EQ(offsetof(dizgi::ComponentInfo, description), 16u);
  EXPECT_EQ(offsetof(dizgi::ComponentInfo, create_datasource), 24u);
  EXPECT_EQ(offsetof(dizgi::ComponentInfo, create_layout), 32u);
  EXPECT_GE(sizeof(dizgi::ComponentInfo), 40u);
}

TEST(PluginAbi, PackedVersionRoundTrips) {
  constexpr uint32_t packed = DIZGI_SDK_ABI_PACK(3, 7);
  EXPECT_EQ(packed, 0x03070000u);
  EXPECT_EQ(DIZGI_SDK_ABI_MAJOR_OF(packed), 3u);
  EXPECT_EQ(DIZGI_SDK_ABI_MINOR_OF(packed), 7u);
}

}  // namespace
