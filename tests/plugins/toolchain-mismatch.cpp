// Fixture "toolchain-mismatch": the right ABI but another toolchain; std::string and
// shared_ptr cross the boundary, so the host must refuse it without calling it.
#include <dizgi/sdk/plugin.hpp>

#include <cstdlib>

namespace {

void register_never(dizgi::Registry& /*registry*/) { std::abort(); }

const dizgi::PluginInfo info_record{sizeof(dizgi::PluginInfo), DIZGI_SDK_ABI,
                                    "toolchain-mismatch",     "layout",
                                    "1.0.0",                  "gcc-1/libstdc++-1/cxx11abi-0"};

}  // namespace

BOOST_DLL_ALIAS_SECTIONED(info_record, dizgi_plugin_info, dizgi)
BOOST_DLL_ALIAS_SECTIONED(register_never, dizgi_plugin_register, dizgi)
