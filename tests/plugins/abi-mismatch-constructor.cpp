// Fixture "abi-mismatch-constructor": an incompatible record (the next SDK ABI major) and a
// static constructor that aborts. The plugin guide promises that no plugin code runs before
// the record is accepted: the host must refuse it from the file, without loading it.
#include <dizgi/sdk/plugin.hpp>

#include <cstdlib>

namespace {

void register_never(dizgi::Registry& /*registry*/) { std::abort(); }

__attribute__((constructor)) void construct_never() { std::abort(); }

const dizgi::PluginInfo info_record{
    sizeof(dizgi::PluginInfo), DIZGI_SDK_ABI_PACK(DIZGI_SDK_ABI_MAJOR + 1, 0),
    "abi-mismatch-constructor", "layout", "1.0.0", DIZGI_TOOLCHAIN};

}  // namespace

BOOST_DLL_ALIAS_SECTIONED(info_record, dizgi_plugin_info, dizgi)
BOOST_DLL_ALIAS_SECTIONED(register_never, dizgi_plugin_register, dizgi)
