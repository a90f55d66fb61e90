// Fixture "newer-minor": built against a newer minor SDK ABI than the host's; the host cannot
// know what the plugin expects from it and must refuse it without calling it.
#include <dizgi/sdk/plugin.hpp>

#include <cstdlib>

namespace {

void register_never(dizgi::Registry& /*registry*/) { std::abort(); }

const dizgi::PluginInfo info_record{
    sizeof(dizgi::PluginInfo), DIZGI_SDK_ABI_PACK(DIZGI_SDK_ABI_MAJOR, DIZGI_SDK_ABI_MINOR + 1),
    "newer-minor", "layout", "1.0.0", DIZGI_TOOLCHAIN};

}  // namespace

BOOST_DLL_ALIAS_SECTIONED(info_record, dizgi_plugin_info, dizgi)
BOOST_DLL_ALIAS_SECTIONED(register_never, dizgi_plugin_register, dizgi)
