// Preflight reports: the JSON shape documented in docs/preflight.md, numbers in the classic
// locale, escaping, the text listing and the exit codes; and the CLI's handling of bad input.
#include "preflight/preflight.hpp"
#include "util/json.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <locale>
#include <sstream>

namespace pf = dizgi::preflight;

namespace {

pf::Report sample() {
  pf::Report report;
  report.file = "kapak \"son\".pdf";
  report.profile = "print-sheetfed";
  report.pages = 2;
  pf::Finding doc;
  doc.id = "document.output-intent-missing";
  doc.severity = pf::Severity::error;
  doc.message = "no PDF/X output intent";
  pf::Finding page;
  page.id = "lines.hairline";
  page.severity = pf::Severity::warning;
  page.page = 2;
  page.bbox_mm = std::array<double, 4>{1.5, 2.0, 30.25, 40.126};
  page.message = "line width 0.1 pt";
  report.findings = {doc, page};
  return report;
}

TEST(PreflightReport, JsonHasTheDocumentedShape) {
  const std::string json = pf::to_json(sample());
  EXPECT_NE(json.find("\"file\": \"kapak \\\"son\\\".pdf\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"profile\": \"print-sheetfed\""), std::string::npos);
  EXPECT_NE(json.find("{\"id\": \"document.output-intent-missing\", \"severity\": \"error\", \"page\": null, \"bbox_mm\": null"),
            std::string::npos) << json;
  EXPECT_NE(json.find("\"page\": 2, \"bbox_mm\": [1.5, 2, 30.25, 40.13]"), std::string::npos) << json;
  EXPECT_NE(json.find("\"summary\": {\"errors\": 1, \"warnings\": 1, \"infos\": 0, \"result\": \"fail\"}"),
            std::string::npos) << json;
}

// Turkish writes 1,5: a global locale with a comma decimal point must not leak into JSON.
struct CommaDecimal : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
  char do_thousands_sep() const override { return '.'; }
  std::string do_grouping() const override { return "\3"; }
};

TEST(PreflightReport, JsonNumbersIgnoreATurkishStyleLocale) {
  const std::locale saved = std::locale::global(std::locale(std::locale::classic(), new CommaDecimal));
  const std::string json = pf::to_json(sample());
  std::locale::global(saved);
  EXPECT_NE(json.find("[1.5, 2, 30.25, 40.13]"), std::string::npos) << json;
}

TEST(PreflightReport, JsonEscapeHandlesControlsAndBadUtf8) {
  EXPECT_EQ(dizgi::util::json_escape("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
  EXPECT_EQ(dizgi::util::json_escape("İğ"), "\"İğ\"");
  EXPECT_EQ(dizgi::util::json_escape("x\xFFy"), "\"x\\ufffdy\"");  // U+FFFD, escaped
  EXPECT_EQ(dizgi::util::json_number(-0.0001), "0");
}

TEST(PreflightReport, ExitCodes) {
  pf::Report report = sample();
  EXPECT_EQ(pf::exit_code(report), 1);
  report.findings.erase(report.findings.begin());  // warnings only
  EXPECT_EQ(pf::exit_code(report), 0);
  report.could_not_check = true;
  EXPECT_EQ(pf::exit_code(report), 2);
}

TEST(PreflightReport, TextGroupsFindingsByPage) {
  std::ostringstream out;
  pf::print_text(sample(), out);
  const std::string text = out.str();
  const auto document = text.find("document:");
  const auto page = text.find("page 2:");
  ASSERT_NE(document, std::string::npos) << text;
  ASSERT_NE(page, std::string::npos) << text;
  EXPECT_LT(document, page);
  EXPECT_NE(text.find("summary: 1 error, 1 warning, 0 info"), std::string::npos) << text;
  EXPECT_NE(text.find("FAIL"), std::string::npos);
}

int run_cli(const std::string& arguments) {
  const int status = std::system((std::string(DIZGI_CLI_PATH) + " preflight " + arguments + " >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(PreflightCli, ExitCodesForBadInputAndUsage) {
  const std::filesystem::path dir = std::filesystem::path(DIZGI_TEST_BINARY_DIR);
  const std::filesystem::path empty = dir / "preflight-cli-empty.pdf";
  std::ofstream(empty).close();
  EXPECT_EQ(run_cli("'" + empty.string() + "' --json"), 2);
  EXPECT_EQ(run_cli("'" + (dir / "does-not-exist.pdf").string() + "'"), 2);
  EXPECT_EQ(run_cli("'" + empty.string() + "' --binding spiral"), 2);
  EXPECT_EQ(run_cli("'" + empty.string() + "' --profile no-such-profile"), 2);
  EXPECT_EQ(run_cli(""), 2);
}

TEST(PreflightCli, CheckedFileWithErrorsExitsOneAndWritesTheReport) {
  const std::filesystem::path dir = std::filesystem::path(DIZGI_TEST_BINARY_DIR);
  // A one-page PDF with an RGB fill and no boxes, written by hand with its xref.
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  const std::string content = "1 0 0 rg 10 10 50 50 re f";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream"};
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 5\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  const std::filesystem::path file = dir / "preflight-cli-rgb.pdf";
  std::ofstream(file, std::ios::binary) << pdf;
  const std::filesystem::path report = dir / "preflight-cli-report.pdf";
  std::filesystem::remove(report);
  EXPECT_EQ(run_cli("'" + file.string() + "' --report '" + report.string() + "' --quiet"), 1);
  ASSERT_TRUE(std::filesystem::exists(report));
  std::ifstream in(report, std::ios::binary);
  std::string head(5, '\0');
  in.read(head.data(), 5);
  EXPECT_EQ(head, "%PDF-");
  EXPECT_EQ(run_cli("'" + file.string() + "' --profile web --no-ink-coverage"), 0);  // web: warnings only
}

}  // namespace
