// Turkish case mapping for the engine: the SDK's (dizgi/model/case.hpp, one implementation in
// libdizgi that layouts share), under the names the engine has always used.
#pragma once

#include <dizgi/model/case.hpp>

#include <string>
#include <string_view>

namespace dizgi::text {

inline std::string to_upper_tr(std::string_view text) { return dizgi::upper_tr(text); }
inline std::string to_lower_tr(std::string_view text) { return dizgi::lower_tr(text); }
using dizgi::title_case_tr;

}  // namespace dizgi::text
