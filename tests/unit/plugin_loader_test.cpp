// The plugin loader against the fixture plugins of tests/plugins: each broken plugin yields
// exactly one warning that names its file and the reason, and the "ok" plugin still loads
// beside it; objects keep their library loaded after the Host is gone.
#include "plugin/host.hpp"
#include "plugin/loader.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/sdk/plugin.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <filesystem>
#include <memory>
#include <string>

namespace {

namespace fs = std::filesystem;
using dizgi::DiagnosticSink;
using dizgi::Severity;
using dizgi::plugin::Host;
using dizgi::plugin::LoadStatus;

fs::path fixture(const std::string& name) {
  return fs::path(DIZGI_FIXTURE_PLUGIN_DIR) / ("dizgi-fixture-" + name + ".so");
}

// True when the library is mapped in this process (RTLD_NOLOAD never loads it).
bool is_mapped(const fs::path& file) {
  void* handle = ::dlopen(file.c_str(), RTLD_NOW | RTLD_NOLOAD);
  if (handle == nullptr) return false;
  ::dlclose(handle);
  return true;
}

struct Outcome {
  LoadStatus status = LoadStatus::invalid;
  std::string line;  // the one diagnostic, formatted
  std::size_t count = 0;
};

// Loads the broken fixture, then "ok", into `host`; returns the fixture's outcome.
Outcome load_beside_ok(Host& host, const std::string& broken) {
  DiagnosticSink sink;
  Outcome outcome;
  outcome.status = host.load_file(fixture(broken), sink);
  outcome.count = sink.diagnostics().size();
  if (!sink.diagnostics().empty()) outcome.line = dizgi::format(sink.diagnostics().front());
  EXPECT_EQ(host.load_file(fixture("ok"), sink), LoadStatus::ok);
  EXPECT_EQ(sink.diagnostics().size(), outcome.count) << "ok must load without a diagnostic";
  return outcome;
}

void expect_ok_plugin_works(const Host& host) {
  bool found = false;
  for (const auto& record : host.plugins()) found = found || record.id == "ok";
  EXPECT_TRUE(found);
  auto layout = host.create_layout("ok-layout");
  ASSERT_TRUE(layout);
  dizgi::Dataset data;
  dizgi::LayoutContext context;
  context.data = &data;
  EXPECT_EQ(layout->compose(context).metadata.title, "ok-layout");
}

void expect_refused(const std::string& broken, LoadStatus status, const std::string& reason) {
  Host host;
  Outcome outcome = load_beside_ok(host, broken);
  EXPECT_EQ(outcome.status, status);
  ASSERT_EQ(outcome.count, 1u);
  EXPECT_EQ(outcome.line.find('\n'), std::string::npos);
  EXPECT_EQ(outcome.line.rfind(fixture(broken).string() + ": warning: ", 0), 0u) << outcome.line;
  EXPECT_NE(outcome.line.find(reason), std::string::npos) << outcome.line;
  EXPECT_EQ(host.plugins().size(), 1u);
  expect_ok_plugin_works(host);
}

TEST(PluginLoader, OkPluginRegistersItsComponents) {
  Host host;
  DiagnosticSink sink;
  ASSERT_EQ(host.load_file(fixture("ok"), sink), LoadStatus::ok);
  EXPECT_TRUE(sink.diagnostics().empty());
  ASSERT_EQ(host.plugins().size(), 1u);
  const auto& record = host.plugins().front();
  EXPECT_EQ(record.id, "ok");
  EXPECT_EQ(record.kind, "mixed");
  EXPECT_EQ(record.version, "1.2.3");
  EXPECT_EQ(record.abi, static_cast<uint32_t>(DIZGI_SDK_ABI));
  EXPECT_EQ(record.toolchain, DIZGI_TOOLCHAIN);
  EXPECT_EQ(record.file, fixture("ok"));
  EXPECT_EQ(record.components,
            (std::vector<std::string>{"layout:ok-layout", "datasource:ok-source"}));
  auto source = host.create_datasource("ok-source");
  ASSERT_TRUE(source);
  dizgi::Dataset data;
  dizgi::DataSourceContext context;
  context.sink = &sink;
  source->load(context, data);
  EXPECT_TRUE(data.has("ok-source"));
  expect_ok_plugin_works(host);
}

TEST(PluginLoader, AbiMajorMismatchIsRefusedBeforeRegistering) {
  // The fixture's register function aborts: reaching it would end the test run.
  expect_refused("abi-major-mismatch", LoadStatus::incompatible_abi,
                 "plugin ABI 3.0 is not compatible with this host's 2.5 "
                 "(hint: rebuild the plugin against the installed SDK)");
}

// Issue 16: an incompatible plugin's static constructors ran before its record was refused.
// The record's ABI and toolchain are read from the file: these fixtures abort if loaded.
TEST(PluginLoader, IncompatibleRecordIsRefusedWithoutRunningAnyOfItsCode) {
  expect_refused("abi-mismatch-constructor", LoadStatus::incompatible_abi,
                 "plugin ABI 3.0 is not compatible with this host's 2.5");
  EXPECT_FALSE(is_mapped(fixture("abi-mismatch-constructor")));
  expect_refused("toolchain-constructor", LoadStatus::incompatible_abi,
                 "plugin was built with toolchain 'gcc-1/libstdc++-1/cxx11abi-0'");
  EXPECT_FALSE(is_mapped(fixture("toolchain-constructor")));
}

TEST(PluginLoader, NewerMinorAbiIsRefused) {
  expect_refused("newer-minor", LoadStatus::incompatible_abi,
                 "plugin ABI 2.6 is newer than this host's 2.5");
}

TEST(PluginLoader, OtherToolchainIsRefused) {
  expect_refused("toolchain-mismatch", LoadStatus::incompatible_abi,
                 "plugin was built with toolchain 'gcc-1/libstdc++-1/cxx11abi-0' but this host "
                 "with '" DIZGI_TOOLCHAIN "'");
}

TEST(PluginLoader, ImpossibleInfoSizeIsRefused) {
  expect_refused("bad-struct-size", LoadStatus::incompatible_abi,
                 "plugin info record has an impossible size (8 bytes");
}

TEST(PluginLoader, LibraryWithoutDizgiSectionIsNotAPluginAndNeverRuns) {
  // The fixture aborts in a static constructor: it must not even be dlopen'ed.
  expect_refused("missing-entry", LoadStatus::not_a_plugin,
                 "not a dizgi plugin: the library has no 'dizgi' section");
  EXPECT_FALSE(is_mapped(fixture("missing-entry")));
}

TEST(PluginLoader, MissingRegisterFunctionIsSeenWithoutLoading) {
  expect_refused("missing-register", LoadStatus::missing_exports,
                 "plugin does not export 'dizgi_plugin_register'");
  EXPECT_FALSE(is_mapped(fixture("missing-register")));
}

TEST(PluginLoader, TextFileNamedSoIsNotAPlugin) {
  expect_refused("not-a-plugin", LoadStatus::not_a_plugin,
                 "not a dizgi plugin: not a shared library for this system");
}

TEST(PluginLoader, TruncatedLibraryIsNotAPluginAndDoesNotCrash) {
  // Copies of the ok plugin cut short, written at test time (no binaries in the repository).
  const fs::path dir = fs::path(DIZGI_TEST_BINARY_DIR) / "truncated-plugins";
  fs::create_directories(dir);
  const auto size = fs::file_size(fixture("ok"));
  for (std::uintmax_t keep : {std::uintmax_t{4}, std::uintmax_t{64}, size / 2, size - 64}) {
    const fs::path cut = dir / ("dizgi-truncated-" + std::to_string(keep) + ".so");
    fs::copy_file(fixture("ok"), cut, fs::copy_options::overwrite_existing);
    fs::resize_file(cut, keep);
    Host host;
    DiagnosticSink sink;
    EXPECT_EQ(host.load_file(cut, sink), LoadStatus::not_a_plugin) << cut;
    ASSERT_EQ(sink.diagnostics().size(), 1u);
    EXPECT_EQ(sink.diagnostics().front().location.file, cut.string());
    EXPECT_TRUE(host.plugins().empty());
  }
}

TEST(PluginLoader, MissingDependencyIsFailedToOpenWithTheLoadersReason) {
  expect_refused("missing-dependency", LoadStatus::failed_to_open,
                 "cannot load the plugin: libdizgi_fixture_dependency.so: cannot open shared "
                 "object file");
}

TEST(PluginLoader, ThrowInRegisterBecomesDiagnosticAndLeavesNothingBehind) {
  expect_refused("throws-in-register", LoadStatus::register_failed,
                 "plugin registration failed: the fixture refuses to register");
  Host host;
  load_beside_ok(host, "throws-in-register");
  // The layout it registered before throwing is not kept.
  try {
    host.create_layout("throws-in-register");
    FAIL() << "the layout of a plugin that failed to register must not exist";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.code(), dizgi::ErrorCode::plugin);
    EXPECT_EQ(error.message(), "no layout 'throws-in-register' is loaded");
    EXPECT_EQ(error.hint(), "known layouts: ok-layout");
  }
}

TEST(PluginLoader, ComponentRecordLargerThanHostKnowsFailsRegistration) {
  expect_refused("bad-component", LoadStatus::register_failed,
                 "plugin registration failed: component record of " +
                     std::to_string(sizeof(dizgi::ComponentInfo) + 2 * sizeof(void*)) +
                     " bytes is larger than this host knows");
}

TEST(PluginLoader, DuplicatePluginIdNamesBothFiles) {
  Host host;
  DiagnosticSink sink;
  ASSERT_EQ(host.load_file(fixture("duplicate-id-a"), sink), LoadStatus::ok);
  Outcome outcome = load_beside_ok(host, "duplicate-id-b");
  EXPECT_EQ(outcome.status, LoadStatus::duplicate_id);
  EXPECT_EQ(outcome.line, fixture("duplicate-id-b").string() +
                              ": warning: plugin id 'duplicate' is already taken by " +
                              fixture("duplicate-id-a").string() +
                              " (hint: remove one of the two libraries from the plugin folders)");
  EXPECT_EQ(host.plugins().size(), 2u);
  EXPECT_TRUE(host.create_layout("duplicate-a"));
  EXPECT_THROW(host.create_layout("duplicate-b"), dizgi::Error);
  expect_ok_plugin_works(host);
}

TEST(PluginLoader, DuplicateComponentIdNamesBothFiles) {
  Host host;
  DiagnosticSink sink;
  ASSERT_EQ(host.load_file(fixture("ok"), sink), LoadStatus::ok);
  EXPECT_EQ(host.load_file(fixture("repeats-component"), sink), LoadStatus::duplicate_id);
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(dizgi::format(sink.diagnostics().front()),
            fixture("repeats-component").string() +
                ": warning: layout 'ok-layout' is already provided by " +
                fixture("ok").string() +
                " (hint: rename the component or remove one of the two plugins)");
  // The first provider keeps the id.
  expect_ok_plugin_works(host);
}

TEST(PluginLoader, FactoryThatThrowsBecomesPluginErrorNamingTheFile) {
  Host host;
  Outcome outcome = load_beside_ok(host, "factory-throws");
  EXPECT_EQ(outcome.status, LoadStatus::ok);
  EXPECT_EQ(outcome.count, 0u);
  try {
    host.create_layout("factory-throws");
    FAIL() << "a throwing factory must surface as dizgi::Error";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.code(), dizgi::ErrorCode::plugin);
    EXPECT_EQ(error.location().file, fixture("factory-throws").string());
    EXPECT_EQ(error.message(),
              "layout 'factory-throws' could not be created: the fixture factory always fails");
  }
  try {
    host.create_datasource("factory-returns-null");
    FAIL() << "a null factory result must surface as dizgi::Error";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.location().file, fixture("factory-throws").string());
    EXPECT_EQ(error.message(),
              "datasource 'factory-returns-null' could not be created: its factory returned null");
  }
  expect_ok_plugin_works(host);
}

TEST(PluginLoader, UnknownComponentListsTheKnownOnes) {
  Host host;
  DiagnosticSink sink;
  host.load_file(fixture("ok"), sink);
  try {
    host.create_datasource("sqlite");
    FAIL();
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.message(), "no datasource 'sqlite' is loaded");
    EXPECT_EQ(error.hint(), "known datasources: ok-source");
  }
}

TEST(PluginLoader, FolderScanLoadsGoodPluginsAndReportsEachBadOneOnce) {
  Host host;
  DiagnosticSink sink;
  host.load_directory(DIZGI_FIXTURE_PLUGIN_DIR, sink);
  std::vector<std::string> ids;
  for (const auto& record : host.plugins()) ids.push_back(record.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"duplicate", "factory-throws", "frozen-2.0", "ok"}));
  const std::vector<std::string> refused = {
      "abi-major-mismatch", "abi-mismatch-constructor", "bad-component",     "bad-struct-size",
      "duplicate-id-b",     "missing-dependency",       "missing-entry",     "missing-register",
      "newer-minor",        "not-a-plugin",             "repeats-component", "throws-in-register",
      "toolchain-constructor", "toolchain-mismatch"};
  ASSERT_EQ(sink.diagnostics().size(), refused.size());
  for (std::size_t i = 0; i < refused.size(); ++i) {
    EXPECT_EQ(sink.diagnostics()[i].severity, Severity::warning);
    EXPECT_EQ(sink.diagnostics()[i].location.file, fixture(refused[i]).string());
  }
  expect_ok_plugin_works(host);
}

TEST(PluginLoader, SameFileTwiceIsLoadedOnce) {
  Host host;
  DiagnosticSink sink;
  EXPECT_EQ(host.load_file(fixture("ok"), sink), LoadStatus::ok);
  EXPECT_EQ(host.load_file(fs::path(DIZGI_FIXTURE_PLUGIN_DIR) / "." / "dizgi-fixture-ok.so", sink),
            LoadStatus::ok);
  EXPECT_TRUE(sink.diagnostics().empty());
  EXPECT_EQ(host.plugins().size(), 1u);
}

TEST(PluginLoader, ObjectKeepsItsLibraryLoadedAfterTheHostIsGone) {
  const fs::path ok = fixture("ok");
  ASSERT_FALSE(is_mapped(ok)) << "an earlier test leaked a reference to the ok plugin";
  std::shared_ptr<dizgi::Layout> layout;
  {
    Host host;
    DiagnosticSink sink;
    ASSERT_EQ(host.load_file(ok, sink), LoadStatus::ok);
    layout = host.create_layout("ok-layout");
  }
  ASSERT_TRUE(is_mapped(ok));
  dizgi::Dataset data;
  dizgi::LayoutContext context;
  context.data = &data;
  // A virtual call into the plugin's code: it would crash if the library had been unloaded.
  EXPECT_EQ(layout->compose(context).metadata.title, "ok-layout");
  layout.reset();
  EXPECT_FALSE(is_mapped(ok)) << "the last object gone, the library is unloaded";
}

TEST(PluginLoader, HostUnloadsLibrariesNothingUses) {
  const fs::path ok = fixture("ok");
  {
    Host host;
    DiagnosticSink sink;
    ASSERT_EQ(host.load_file(ok, sink), LoadStatus::ok);
    EXPECT_TRUE(is_mapped(ok));
  }
  EXPECT_FALSE(is_mapped(ok));
}

TEST(PluginLoader, CheckInfoAcceptsOwnRecordAndRefusesMalformedOnes) {
  dizgi::PluginInfo info{sizeof(dizgi::PluginInfo), DIZGI_SDK_ABI, "x", "layout", "1.0.0",
                         DIZGI_TOOLCHAIN};
  EXPECT_FALSE(dizgi::plugin::check_info(info));
  info.id = "";
  EXPECT_TRUE(dizgi::plugin::check_info(info));
  info.id = "has space";
  EXPECT_TRUE(dizgi::plugin::check_info(info));
  info.id = "x";
  info.toolchain = nullptr;
  EXPECT_TRUE(dizgi::plugin::check_info(info));
}

// DIZGI_PLUGIN_PATH: colon-separated, empty entries (the current directory) ignored, order kept.
TEST(PluginSearchPaths, EnvironmentFoldersComeLastAndNeverTheCurrentDirectory) {
  const char* saved = std::getenv("DIZGI_PLUGIN_PATH");
  std::string saved_value = saved != nullptr ? saved : "";
  ::setenv("DIZGI_PLUGIN_PATH", "/opt/one::/opt/two:", 1);
  auto paths = Host::default_search_paths();
  ::setenv("DIZGI_PLUGIN_PATH", saved_value.c_str(), 1);
  ASSERT_GE(paths.size(), 2u);
  EXPECT_EQ(paths[paths.size() - 2], fs::path("/opt/one"));
  EXPECT_EQ(paths.back(), fs::path("/opt/two"));
  for (const auto& path : paths) {
    EXPECT_NE(fs::weakly_canonical(path), fs::current_path()) << path;
  }
}

TEST(PluginSearchPaths, BuildTreeExecutableSeesTheBuildPluginFolderFirst) {
  // The test program is written to <build>/bin, like the dizgi of the build tree.
  auto paths = Host::default_search_paths();
  ASSERT_FALSE(paths.empty());
  EXPECT_EQ(paths.front(), fs::path(DIZGI_BUILD_PLUGIN_DIR));
}

TEST(PluginSearchPaths, MissingUserFolderIsReportedOnce) {
  const char* saved = std::getenv("DIZGI_PLUGIN_PATH");
  std::string saved_value = saved != nullptr ? saved : "";
  const std::string missing = (fs::path(DIZGI_TEST_BINARY_DIR) / "no-such-plugin-folder").string();
  ::setenv("DIZGI_PLUGIN_PATH", (missing + ":" + DIZGI_FIXTURE_PLUGIN_DIR).c_str(), 1);
  Host host;
  DiagnosticSink sink;
  host.load_default(sink);
  ::setenv("DIZGI_PLUGIN_PATH", saved_value.c_str(), 1);
  std::vector<std::string> about_missing;
  for (const auto& diagnostic : sink.diagnostics()) {
    if (diagnostic.location.file == missing) about_missing.push_back(dizgi::format(diagnostic));
  }
  ASSERT_EQ(about_missing.size(), 1u);
  EXPECT_EQ(about_missing.front(),
            missing + ": warning: plugin folder from DIZGI_PLUGIN_PATH does not exist "
                      "(hint: fix DIZGI_PLUGIN_PATH, a colon-separated list of folders)");
  expect_ok_plugin_works(host);
}

}  // namespace
