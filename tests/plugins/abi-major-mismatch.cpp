// Fixture "abi-major-mismatch": the record claims the next SDK ABI major. Written by hand
// instead of DIZGI_PLUGIN so that the ABI can be wrong; the host must refuse it before calling
// the register function (which would abort the test run if it were called).
#include <dizgi/sdk/plugin.hpp>

#include <cstdlib>

namespace {

void register_never(dizgi::Registry& /*registry*/) { std::abort(); }

const dizgi::PluginInfo info_record{
    sizeof(dizgi::PluginInfo), DIZGI_SDK_ABI_PACK(DIZGI_SDK_ABI_MAJOR + 1, 0),
    "abi-major-mismatch", "layout", "1.0.0", DIZGI_TOOLCHAIN};

}  // namespace

BOOST_DLL_ALIAS_SECTIONED(info_record, dizgi_plugin_info, dizgi)
BOOST_DLL_ALIAS_SECTIONED(register_never, dizgi_plugin_register, dizgi)
