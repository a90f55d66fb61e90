// The RelaxNG schemas of schemas/*.rng, embedded into the binary at build time
// (cmake/EmbedSchemas.cmake), so validation never depends on finding data files at run time.
#pragma once

#include <string_view>

namespace dizgi::util {

// The text of the schema file `name` ("book.rng"), or empty when no such schema was embedded.
std::string_view embedded_schema(std::string_view name);

}  // namespace dizgi::util
