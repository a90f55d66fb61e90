// Out-of-line destructors: the vtables of the SDK interfaces live in libdizgi.
#include <dizgi/sdk/plugin.hpp>

namespace dizgi {

Registry::~Registry() = default;
DataSource::~DataSource() = default;
Layout::~Layout() = default;

}  // namespace dizgi
