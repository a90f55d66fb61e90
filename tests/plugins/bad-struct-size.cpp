// Fixture "bad-struct-size": a record whose struct_size is smaller than any SDK's record; the
// host must not read the fields it does not have.
#include <dizgi/sdk/plugin.hpp>

#include <cstdlib>

namespace {

void register_never(dizgi::Registry& /*registry*/) { std::abort(); }

const dizgi::PluginInfo info_record{8, DIZGI_SDK_ABI, "bad-struct-size", "layout", "1.0.0",
                                    DIZGI_TOOLCHAIN};

}  // namespace

BOOST_DLL_ALIAS_SECTIONED(info_record, dizgi_plugin_info, dizgi)
BOOST_DLL_ALIAS_SECTIONED(register_never, dizgi_plugin_register, dizgi)
