// The library "missing-dependency" needs; it is built into a folder no plugin looks in.
extern "C" __attribute__((visibility("default"))) int dizgi_fixture_dependency_answer() {
  return 42;
}
