// Fixture "missing-register": a dizgi section with the info record but no register function.
// The loader sees that in the section, before loading the library.
#include <dizgi/sdk/plugin.hpp>

#include <cstdlib>

namespace {

struct AbortOnLoad {
  AbortOnLoad() { std::abort(); }
};
const AbortOnLoad abort_on_load;

const dizgi::PluginInfo info_record{sizeof(dizgi::PluginInfo), DIZGI_SDK_ABI, "missing-register",
                                    "layout", "1.0.0", DIZGI_TOOLCHAIN};

}  // namespace

BOOST_DLL_ALIAS_SECTIONED(info_record, dizgi_plugin_info, dizgi)
