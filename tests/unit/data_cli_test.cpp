// `dizgi data` end to end: a generated book over the sample data, listings in Turkish formats,
// --check exit codes (1 on errors, --strict), and input errors that exit 2 without a crash.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;

namespace {

struct CliRun {
  int code = -1;
  std::string output;  // stdout and stderr together
};

CliRun run(const std::string& arguments) {
  std::string command = std::string(DIZGI_CLI_PATH) + " " + arguments + " 2>&1";
  CliRun result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  int status = pclose(pipe);
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

// A book folder with book.xml reading `data_file` (copied or written into data/).
fs::path make_book(const std::string& name, const std::string& data_file, const std::string& content) {
  fs::path dir = fs::path(DIZGI_TEST_BINARY_DIR) / "data_cli" / name;
  fs::remove_all(dir);
  fs::create_directories(dir / "data");
  std::ofstream(dir / "data" / data_file, std::ios::binary) << content;
  std::ofstream(dir / "book.xml") << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                     "<book version=\"1\">\n"
                                     "  <meta><title>Kuzeykent 2025</title><year>2025</year></meta>\n"
                                     "  <layout plugin=\"faaliyet-raporu\"/>\n"
                                     "  <data><source name=\"veri\" plugin=\"sqlite\" file=\"data/" +
                                         data_file +
                                         "\"/></data>\n"
                                         "  <outputs><output profile=\"print\" file=\"kitap.pdf\"/></outputs>\n"
                                         "</book>\n";
  return dir / "book.xml";
}

std::string sample_sql() {
  std::ifstream in(fs::path(DIZGI_SOURCE_DIR) / "samples/kuzeykent/data/kuzeykent.sql", std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

const std::string small_plan =
    "INSERT INTO amac (kod, metin, sira) VALUES ('A1', 'Ulaşım', 1);\n"
    "INSERT INTO hedef (kod, amac_kod, metin) VALUES ('H1.1', 'A1', 'Raylı sistem');\n";

}  // namespace

TEST(DataCli, ListsTablesOfTheSampleBookIncludingDerivedOnes) {
  fs::path book = make_book("sample", "kuzeykent.sql", sample_sql());
  CliRun r = run("data " + book.string() + " --list");
  EXPECT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("gosterge_sonuc"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("derived"), std::string::npos);
  EXPECT_NE(r.output.find("data/kuzeykent.sql"), std::string::npos);
}

TEST(DataCli, ShowsATableInTurkishFormats) {
  fs::path book = make_book("sample", "kuzeykent.sql", sample_sql());
  CliRun r = run("data " + book.string() + " --show butce_gider_ozet --limit 0");
  EXPECT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("Personel Giderleri"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("TOPLAM"), std::string::npos);
  EXPECT_NE(r.output.find("64.499.913.000,00"), std::string::npos) << r.output;  // başlangıç ödeneği total
  CliRun limited = run("data " + book.string() + " --show birim --limit 3");
  EXPECT_NE(limited.output.find("36 satır daha"), std::string::npos) << limited.output;
}

TEST(DataCli, CheckPassesOnTheSampleAndFailsOnBadWeights) {
  fs::path book = make_book("sample", "kuzeykent.sql", sample_sql());
  CliRun clean = run("data " + book.string() + " --check");
  EXPECT_EQ(clean.code, 0) << clean.output;
  EXPECT_NE(clean.output.find("0 error(s), 0 warning(s)"), std::string::npos) << clean.output;

  fs::path bad = make_book("weights", "veri.sql",
                           small_plan +
                               "INSERT INTO gosterge (kod, hedef_kod, ad, hedefe_etkisi, yon, baslangic_degeri) VALUES "
                               "('PG1.1.1', 'H1.1', 'Hat uzunluğu', 70, 'artan', 10);\n");
  CliRun failed = run("data " + bad.string() + " --check");
  EXPECT_EQ(failed.code, 1) << failed.output;
  EXPECT_NE(failed.output.find("table 'gosterge', row 1 (PG1.1.1), column 'hedefe_etkisi': error: weights"),
            std::string::npos)
      << failed.output;
}

TEST(DataCli, StrictTurnsAWarningIntoAFailure) {
  fs::path book = make_book("strict", "veri.sql",
                            small_plan +
                                "INSERT INTO gosterge (kod, hedef_kod, ad, hedefe_etkisi, yon, baslangic_degeri) VALUES "
                                "('PG1.1.1', 'H1.1', 'Hat uzunluğu', 100, 'artan', 10);\n"
                                "INSERT INTO gosterge_hedef VALUES ('PG1.1.1', 2025, 20);\n"
                                "INSERT INTO gosterge_olcum (gosterge_kod, yil, donem, deger) VALUES "
                                "('PG1.1.1', 2025, 'yil_sonu', 25);\n");
  CliRun normal = run("data " + book.string() + " --check");
  EXPECT_EQ(normal.code, 0) << normal.output;
  EXPECT_NE(normal.output.find("warning: 'PG1.1.1' realised 25"), std::string::npos) << normal.output;
  CliRun strict = run("data " + book.string() + " --check --strict");
  EXPECT_EQ(strict.code, 1) << strict.output;
}

TEST(DataCli, CorruptDatabaseExitsTwoWithOneLineNamingTheFile) {
  // Regression: the plugin's exception used to outlive the plugin library and crash on exit.
  fs::path book = make_book("corrupt", "bozuk.sqlite", std::string(4096, '\x5a'));
  CliRun r = run("data " + book.string() + " --list");
  EXPECT_EQ(r.code, 2) << r.output;
  EXPECT_NE(r.output.find("data/bozuk.sqlite"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("file is not a database"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find('\n'), r.output.size() - 1) << "one line: " << r.output;
}

TEST(DataCli, UsageErrorsExitTwo) {
  fs::path book = make_book("sample", "kuzeykent.sql", sample_sql());
  EXPECT_EQ(run("data").code, 2);
  EXPECT_EQ(run("data " + book.string()).code, 2);
  EXPECT_EQ(run("data " + book.string() + " --list --check").code, 2);
  EXPECT_EQ(run("data " + book.string() + " --show").code, 2);
  EXPECT_EQ(run("data " + book.string() + " --list --limit x").code, 2);
  CliRun missing = run("data " + book.string() + " --show yok_tablo");
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.output.find("no table 'yok_tablo'"), std::string::npos) << missing.output;
}

// The Performans Programı's total rule as `dizgi data --check` applies it to the sample book:
// clean on the sample, exit 1 naming the activity and both tables' totals on a copy of the book
// whose programme data gives one activity a budget its economic-code costs do not add up to.
TEST(DataCli, ProgrammeTotalsRuleFiresOnABrokenCopyOfTheSampleBook) {
  const fs::path sample = fs::path(DIZGI_SOURCE_DIR) / "samples" / "kuzeykent";
  const fs::path dir = fs::path(DIZGI_TEST_BINARY_DIR) / "data_cli" / "programme-totals";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy(sample, dir, fs::copy_options::recursive);
  EXPECT_EQ(run("data " + (dir / "performans-2026.xml").string() + " --check --strict").code, 0);

  const fs::path data = dir / "data" / "performans-2026.sql";
  std::string text;
  {
    std::ifstream in(data, std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const std::string from = "'planlandi', NULL, 558813811.59,";
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(), "'planlandi', NULL, 559813811.59,");
  std::ofstream(data, std::ios::binary | std::ios::trunc) << text;
  CliRun broken = run("data " + (dir / "performans-2026.xml").string() + " --check");
  EXPECT_EQ(broken.code, 1) << broken.output;
  EXPECT_NE(broken.output.find("table 'faaliyet', row 1 (P1.1.1), column 'butce': error: bütçe 559.813.811,59 differs "
                               "from the sum of its economic-code costs 558.813.811,59 (Tablo 1 against Tablo 4)"),
            std::string::npos)
      << broken.output;
  EXPECT_NE(broken.output.find("Tablo 4 totals"), std::string::npos) << broken.output;
  fs::remove_all(dir);
}
