// `dizgi plugins`: the listing of the build tree's dizgi over the fixture plugins.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace {

struct CliRun {
  std::string output;
  int exit_code = -1;
};

// Runs the build tree's dizgi with DIZGI_PLUGIN_PATH set to the fixture folder. `redirect`
// picks the stream captured: "2>/dev/null" for stdout, "2>&1 >/dev/null" for stderr.
CliRun run_dizgi(const std::string& args, const std::string& redirect) {
  const std::string command = "DIZGI_PLUGIN_PATH='" DIZGI_FIXTURE_PLUGIN_DIR "' '" DIZGI_CLI_PATH
                              "' " + args + " " + redirect;
  CliRun run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.output.append(buffer.data(), n);
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string fixture(const std::string& name) {
  return std::string(DIZGI_FIXTURE_PLUGIN_DIR) + "/dizgi-fixture-" + name + ".so";
}

TEST(CliPlugins, JsonListsLoadedPluginsWithTheirComponents) {
  CliRun run = run_dizgi("plugins --json", "2>/dev/null");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.output.front(), '[');
  EXPECT_NE(run.output.find("{\"id\": \"ok\", \"kind\": \"mixed\", \"version\": \"1.2.3\", "
                            "\"abi\": \"2.5\""),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("\"file\": \"" + fixture("ok") +
                            "\", \"components\": [\"layout:ok-layout\", \"datasource:ok-source\"]}"),
            std::string::npos)
      << run.output;
  EXPECT_EQ(run.output.find("abi-major-mismatch"), std::string::npos) << "skipped plugins are not listed";
  EXPECT_EQ(run.output.substr(run.output.size() - 3), "\n]\n");
}

TEST(CliPlugins, SkippedPluginsAreExplainedOnStderrOneLineEach) {
  CliRun run = run_dizgi("plugins --json", "2>&1 >/dev/null");
  EXPECT_EQ(run.exit_code, 0) << "warnings alone do not fail";
  EXPECT_NE(run.output.find(fixture("abi-major-mismatch") +
                            ": warning: plugin ABI 3.0 is not compatible with this host's 2.5 "
                            "(hint: rebuild the plugin against the installed SDK)\n"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find(fixture("not-a-plugin") + ": warning: not a dizgi plugin"),
            std::string::npos);
}

TEST(CliPlugins, StrictFailsWhenAPluginWasSkipped) {
  EXPECT_EQ(run_dizgi("plugins --strict", ">/dev/null 2>&1").exit_code, 1);
  EXPECT_EQ(run_dizgi("plugins --bogus", ">/dev/null 2>&1").exit_code, 2);
}

TEST(CliPlugins, TextListingNamesFileAndComponents) {
  CliRun run = run_dizgi("plugins", "2>/dev/null");
  EXPECT_NE(run.output.find("ok 1.2.3 (mixed, ABI 2.5)\n  file: " + fixture("ok") +
                            "\n  components: layout:ok-layout datasource:ok-source\n"),
            std::string::npos)
      << run.output;
}

}  // namespace
