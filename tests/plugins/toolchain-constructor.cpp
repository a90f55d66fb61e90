// Fixture "toolchain-constructor": built, it says, with another toolchain, and a static
// constructor that aborts: refused from the file, never loaded.
#include <dizgi/sdk/plugin.hpp>

#include <cstdlib>

namespace {

void register_never(dizgi::Registry& /*registry*/) { std::abort(); }

__attribute__((constructor)) void construct_never() { std::abort(); }

const dizgi::PluginInfo info_record{sizeof(dizgi::PluginInfo), DIZGI_SDK_ABI, "toolchain-constructor",
                                    "layout", "1.0.0", "gcc-1/libstdc++-1/cxx11abi-0"};

}  // namespace

BOOST_DLL_ALIAS_SECTIONED(info_record, dizgi_plugin_info, dizgi)
BOOST_DLL_ALIAS_SECTIONED(register_never, dizgi_plugin_register, dizgi)
