// Fixture "missing-entry": an ordinary shared library with no dizgi section at all, as a stray
// library in a plugin folder would be. Its code must never run.
#include <cstdlib>

namespace {
struct AbortOnLoad {
  AbortOnLoad() { std::abort(); }
};
const AbortOnLoad abort_on_load;
}  // namespace

extern "C" __attribute__((visibility("default"))) int dizgi_fixture_unrelated_function() {
  return 42;
}
