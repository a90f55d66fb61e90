// The book project file: a valid book loads completely; each malformed book fails with one
// precise error at file:line:col, both through load_project and through `dizgi check`.
#include "project/project.hpp"

#include "util/xml.hpp"

#include <dizgi/diagnostics.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using dizgi::project::load_project;
using dizgi::project::Project;
using dizgi::project::ProjectOptions;

namespace {

// Line numbers below refer to this text; tests derive their cases by replacing one piece.
const char* const valid_book = R"(<?xml version="1.0" encoding="UTF-8"?>
<book version="1">
  <meta>
    <title>Kuzeykent Belediyesi
      2025 Faaliyet Raporu</title>
    <author>Strateji Geliştirme Müdürlüğü</author>
    <subject>İdare Faaliyet Raporu</subject>
    <keywords>faaliyet, rapor</keywords>
    <year>2025</year>
  </meta>
  <layout plugin="faaliyet-raporu">
    <param name="birim" value="Kuzeykent"/>
  </layout>
  <template name="kurumsal"/>
  <data>
    <source name="ana" plugin="sqlite" file="data/kuzeykent.sql" table="gostergeler">
      <param name="encoding" value="UTF-8"/>
    </source>
  </data>
  <texts>
    <text id="sunus" file="texts/sunus.md"/>
    <text id="kapanis">
      Birinci satır.

        İkinci paragraf.
    </text>
  </texts>
  <outputs>
    <output profile="print" file="kuzeykent-print.pdf"/>
    <output profile="web" file="kuzeykent-web.pdf"/>
  </outputs>
</book>
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "test bug: '" << from << "' is not in the book";
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

void write(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

class ProjectFile : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "dizgi-project-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    dir_ = root_ / "kitap";
    write(dir_ / "data/kuzeykent.sql", "CREATE TABLE gostergeler(ad TEXT);\n");
    write(dir_ / "texts/sunus.md", "Değerli **hemşehrilerimiz**,\r\nbu rapor...\n");
    write(dir_ / "templates/kurumsal/template.xml", "<template/>\n");
    write(root_ / "outside.sql", "-- outside the project\n");
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  fs::path book(const std::string& text) {
    write(dir_ / "book.xml", text);
    return dir_ / "book.xml";
  }

  // The error of loading `text` as book.xml; fails the test when it loads.
  dizgi::Error error_of(const std::string& text, const ProjectOptions& options = {}) {
    try {
      load_project(book(text), options);
    } catch (const dizgi::Error& error) {
      return error;
    }
    ADD_FAILURE() << "the book loaded, but an error was expected";
    return dizgi::Error(dizgi::ErrorCode::invalid, {}, "no error");
  }

  // The one-line error as printed by the CLI: the file is named as the user wrote it.
  std::string line_of(const dizgi::Error& error) {
    std::string line = error.what();
    std::string prefix = (dir_ / "book.xml").string();
    if (line.rfind(prefix, 0) == 0) line = "book.xml" + line.substr(prefix.size());
    return line;
  }

  struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
  };
  Run run_check(const std::string& args) {
    fs::path out = root_ / "cli-out.txt";
    fs::path err = root_ / "cli-err.txt";
    std::string command = "cd '" + dir_.string() + "' && '" DIZGI_CLI_PATH "' check " + args +
                          " >'" + out.string() + "' 2>'" + err.string() + "'";
    int status = std::system(command.c_str());
    Run run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = slurp(out);
    run.err = slurp(err);
    return run;
  }

  fs::path root_;
  fs::path dir_;
};

// --- the valid book -------------------------------------------------------------------------

TEST_F(ProjectFile, ValidBookLoadsEveryPart) {
  Project project = load_project(book(valid_book));
  EXPECT_EQ(project.file, dir_ / "book.xml");
  EXPECT_EQ(project.dir, dir_);
  EXPECT_EQ(project.metadata.title, "Kuzeykent Belediyesi 2025 Faaliyet Raporu");
  EXPECT_EQ(project.metadata.author, "Strateji Geliştirme Müdürlüğü");
  EXPECT_EQ(project.metadata.subject, "İdare Faaliyet Raporu");
  EXPECT_EQ(project.metadata.keywords, "faaliyet, rapor");
  EXPECT_EQ(project.metadata.year, 2025);
  EXPECT_EQ(project.metadata.language, "tr-TR");
  EXPECT_EQ(project.layout, "faaliyet-raporu");
  EXPECT_EQ(project.layout_params.at("birim"), "Kuzeykent");
  EXPECT_EQ(project.template_file, fs::weakly_canonical(dir_ / "templates/kurumsal/template.xml"));

  ASSERT_EQ(project.sources.size(), 1u);
  const auto& source = project.sources.front();
  EXPECT_EQ(source.name, "ana");
  EXPECT_EQ(source.plugin, "sqlite");
  EXPECT_EQ(source.params.at("file"), "data/kuzeykent.sql");
  EXPECT_EQ(source.params.at("table"), "gostergeler");
  EXPECT_EQ(source.params.at("encoding"), "UTF-8");
  EXPECT_EQ(source.params.count("name"), 0u);
  EXPECT_EQ(source.origin.line, 16u);
  EXPECT_EQ(source.origin.column, 5u);

  EXPECT_EQ(project.texts.at("sunus"), "Değerli **hemşehrilerimiz**,\nbu rapor...\n");
  EXPECT_EQ(project.texts.at("kapanis"), "Birinci satır.\n\n  İkinci paragraf.");

  ASSERT_EQ(project.outputs.size(), 2u);
  EXPECT_EQ(project.outputs[0].profile, "print");
  EXPECT_EQ(project.outputs[0].file, "kuzeykent-print.pdf");
  EXPECT_EQ(project.outputs[1].profile, "web");
  EXPECT_EQ(project.outputs[1].file, "kuzeykent-web.pdf");
}

TEST_F(ProjectFile, LanguageDefaultsToTurkishAndCanBeSet) {
  Project project = load_project(book(replaced(valid_book, "<year>2025</year>",
                                               "<year>2025</year><language>en-GB</language>")));
  EXPECT_EQ(project.metadata.language, "en-GB");
  auto error = error_of(replaced(valid_book, "<year>2025</year>", "<language>türkçe</language>"));
  EXPECT_EQ(line_of(error),
            "book.xml:9:5: error: language 'türkçe' is not a language tag "
            "(hint: use a BCP 47 tag such as tr-TR or en-GB)");
}

TEST_F(ProjectFile, TemplateIsFoundInTemplateDirsAndByFile) {
  write(root_ / "shared/resmi/template.xml", "<template/>\n");
  ProjectOptions options;
  options.template_dirs.push_back(root_ / "shared");
  Project by_name = load_project(book(replaced(valid_book, "kurumsal", "resmi")), options);
  EXPECT_EQ(by_name.template_file, fs::weakly_canonical(root_ / "shared/resmi/template.xml"));

  Project by_file = load_project(
      book(replaced(valid_book, R"(name="kurumsal")", R"(file="templates/kurumsal/template.xml")")));
  EXPECT_EQ(by_file.template_file, fs::weakly_canonical(dir_ / "templates/kurumsal/template.xml"));

  auto error = error_of(replaced(valid_book, "kurumsal", "resmi"));
  EXPECT_EQ(error.location().line, 14u);
  EXPECT_EQ(error.location().column, 13u);
  EXPECT_EQ(error.message(), "template 'resmi' not found");
}

TEST_F(ProjectFile, MissingTemplateElementFallsBackToTheLayoutsTemplate) {
  write(dir_ / "layouts/faaliyet-raporu/template.xml", "<template/>\n");
  Project project = load_project(book(replaced(valid_book, "  <template name=\"kurumsal\"/>\n", "")));
  EXPECT_EQ(project.template_file,
            fs::weakly_canonical(dir_ / "layouts/faaliyet-raporu/template.xml"));
}

// --- malformed XML --------------------------------------------------------------------------

TEST_F(ProjectFile, MismatchedClosingTagNamesBothTags) {
  auto error = error_of(replaced(valid_book, "  </layout>\n", ""));
  EXPECT_EQ(error.code(), dizgi::ErrorCode::project);
  EXPECT_EQ(line_of(error),
            "book.xml:31:1: error: closing tag '</book>' does not match '<layout>' opened on "
            "line 11 (hint: close <layout> with </layout> first)");
  EXPECT_EQ(error.message(), "closing tag '</book>' does not match '<layout>' opened on line 11");
  EXPECT_EQ(error.location().line, 31u);
  EXPECT_EQ(error.location().column, 1u);
}

TEST_F(ProjectFile, UnclosedTagAtEndOfFilePointsAtTheOpeningTag) {
  std::string text = valid_book;
  text = replaced(text, "</book>\n", "");
  auto error = error_of(text);
  EXPECT_EQ(line_of(error),
            "book.xml:2:1: error: element '<book>' is never closed "
            "(hint: add </book> after its content, or write <book .../>)");
}

TEST_F(ProjectFile, UnknownElementListsTheExpectedOne) {
  auto error = error_of(replaced(valid_book, "<source name=\"ana\"", "<sourc name=\"ana\""));
  // The parse fails first: <sourc> is closed by </source>.
  EXPECT_EQ(error.location().line, 18u);

  std::string text = replaced(valid_book, "<source name=\"ana\"", "<sourc name=\"ana\"");
  text = replaced(text, "</source>", "</sourc>");
  error = error_of(text);
  EXPECT_EQ(line_of(error),
            "book.xml:16:5: error: unknown element 'sourc' in 'data' (hint: expected 'source')");
}

TEST_F(ProjectFile, UnknownElementSuggestsTheClosestName) {
  auto error = error_of(replaced(valid_book, "<author>Strateji Geliştirme Müdürlüğü</author>",
                                 "<autor>Strateji</autor>"));
  EXPECT_EQ(line_of(error),
            "book.xml:6:5: error: unknown element 'autor' in 'meta' (hint: did you mean "
            "'author'? expected 'title', 'author', 'subject', 'keywords', 'year' or 'language')");
}

TEST_F(ProjectFile, MissingRequiredAttributeIsNamed) {
  auto error = error_of(replaced(valid_book, R"(<output profile="web" file="kuzeykent-web.pdf"/>)",
                                 R"(<output profile="web"/>)"));
  EXPECT_EQ(line_of(error),
            "book.xml:30:5: error: missing required attribute 'file' on 'output' "
            "(hint: write <output file=\"...\" ...>)");
}

TEST_F(ProjectFile, UnknownAttributeAndBadEnumeratedValue) {
  auto error = error_of(replaced(valid_book, "<text id=\"sunus\"", "<text idd=\"x\" id=\"sunus\""));
  EXPECT_EQ(line_of(error),
            "book.xml:21:11: error: unknown attribute 'idd' on 'text' "
            "(hint: did you mean 'id'? allowed: 'id' and 'file')");
  error = error_of(replaced(valid_book, R"(profile="web")", R"(profile="wep")"));
  EXPECT_EQ(line_of(error),
            "book.xml:30:13: error: unknown output profile 'wep' (hint: did you mean 'web'? use 'print', "
            "'print-newspaper', 'print-pdfx4' or 'web', or the file name of an output profile)");
}

TEST_F(ProjectFile, MissingRequiredElementAndDuplicates) {
  auto error = error_of(replaced(valid_book, "<title>Kuzeykent Belediyesi\n      2025 Faaliyet Raporu</title>\n", ""));
  EXPECT_EQ(line_of(error), "book.xml:3:3: error: 'meta' has no 'title' (hint: add <title> inside <meta>)");
  error = error_of(replaced(valid_book, "<year>2025</year>", "<year>2025</year><year>2026</year>"));
  EXPECT_EQ(line_of(error), "book.xml:9:22: error: 'year' is given twice in 'meta' (hint: keep one)");
}

TEST_F(ProjectFile, WrongRootAndNamespaceAreRefused) {
  auto error = error_of("<kitap/>\n");
  EXPECT_EQ(line_of(error),
            "book.xml:1:1: error: root element is 'kitap', expected 'book' "
            "(hint: this is not a book.xml file)");
  error = error_of(replaced(valid_book, "<book version=\"1\">", "<book xmlns=\"urn:dizgi\">"));
  EXPECT_EQ(error.location().line, 2u);
  EXPECT_NE(error.message().find("namespace"), std::string::npos);
}

TEST_F(ProjectFile, ValuesTheSchemaCannotCheck) {
  auto error = error_of(replaced(valid_book, "<year>2025</year>", "<year>20x5</year>"));
  EXPECT_EQ(line_of(error),
            "book.xml:9:5: error: year '20x5' is not a four-digit year "
            "(hint: write e.g. <year>2025</year>)");
  error = error_of(replaced(valid_book, "<book version=\"1\">", "<book version=\"2\">"));
  EXPECT_EQ(error.location().column, 7u);
  error = error_of(replaced(valid_book, R"(file="kuzeykent-web.pdf")", R"(file="../kuzeykent-web.pdf")"));
  EXPECT_EQ(error.location().line, 30u);
  EXPECT_EQ(error.location().column, 27u);
  error = error_of(replaced(valid_book, R"(file="kuzeykent-web.pdf")", R"(file="kuzeykent-print.pdf")"));
  EXPECT_EQ(error.message(), "output file 'kuzeykent-print.pdf' is written twice");
}

// --- hostile XML ----------------------------------------------------------------------------

TEST_F(ProjectFile, ExternalEntityIsRefusedAndNeverRead) {
  write(root_ / "secret.txt", "TOP-SECRET-42");
  std::string doctype = "<!DOCTYPE book [\n  <!ENTITY xxe SYSTEM \"file://" +
                        (root_ / "secret.txt").string() + "\">\n]>\n";
  std::string text = replaced(valid_book, "<book version=\"1\">", doctype + "<book>");
  text = replaced(text, "<author>Strateji Geliştirme Müdürlüğü</author>", "<author>&xxe;</author>");
  auto error = error_of(text);
  EXPECT_EQ(error.location().line, 3u);
  EXPECT_EQ(error.location().column, 3u);
  EXPECT_NE(error.message().find("external entity 'xxe'"), std::string::npos) << error.what();
  EXPECT_EQ(std::string(error.what()).find("TOP-SECRET"), std::string::npos);

  text = replaced(valid_book, "<book version=\"1\">",
                  "<!DOCTYPE book [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<book>");
  text = replaced(text, "<author>Strateji Geliştirme Müdürlüğü</author>", "<author>&xxe;</author>");
  error = error_of(text);
  EXPECT_EQ(line_of(error),
            "book.xml:2:17: error: external entity 'xxe' ('file:///etc/passwd') is not allowed; "
            "external entities are never loaded (hint: write the content into the file itself)");
  EXPECT_EQ(std::string(error.what()).find("root:"), std::string::npos);
}

TEST_F(ProjectFile, ExternalParameterEntityAndDtdAreRefused) {
  auto error = error_of(replaced(valid_book, "<book version=\"1\">",
                                 "<!DOCTYPE book [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>\n<book>"));
  EXPECT_EQ(error.location().line, 2u);
  EXPECT_NE(error.message().find("external entity 'p'"), std::string::npos) << error.what();

  error = error_of(replaced(valid_book, "<book version=\"1\">",
                            "<!DOCTYPE book SYSTEM \"file:///etc/passwd\">\n<book>"));
  EXPECT_EQ(error.location().line, 2u);
  EXPECT_NE(error.message().find("external DTD"), std::string::npos) << error.what();
}

TEST_F(ProjectFile, BillionLaughsFailsFastWithoutExpanding) {
  std::string doctype = "<!DOCTYPE book [\n <!ENTITY lol0 \"lol\">\n";
  for (int level = 1; level <= 10; ++level) {
    doctype += " <!ENTITY lol" + std::to_string(level) + " \"";
    for (int i = 0; i < 10; ++i) doctype += "&lol" + std::to_string(level - 1) + ";";
    doctype += "\">\n";
  }
  doctype += "]>\n";
  std::string text = replaced(valid_book, "<book version=\"1\">", doctype + "<book>");
  text = replaced(text, "<author>Strateji Geliştirme Müdürlüğü</author>", "<author>&lol10;</author>");
  auto start = std::chrono::steady_clock::now();
  auto error = error_of(text);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(2));
  EXPECT_EQ(line_of(error),
            "book.xml:3:2: error: entity declaration 'lol0' is not allowed (hint: write the "
            "character itself (UTF-8) or a numeric reference such as &#x130;)");
}

TEST_F(ProjectFile, UndeclaredEntityIsNamed) {
  auto error = error_of(replaced(valid_book, "Raporu</subject>", "Raporu&nbsp;</subject>"));
  EXPECT_EQ(error.location().line, 7u);
  EXPECT_EQ(error.location().column, 35u);  // the '&', after a two-byte 'İ'
  EXPECT_EQ(error.message(), "unknown entity '&nbsp;'");
}

// --- paths ----------------------------------------------------------------------------------

TEST_F(ProjectFile, PathLeavingTheFolderIsRefusedUnlessAllowed) {
  std::string text = replaced(valid_book, "data/kuzeykent.sql", "../outside.sql");
  auto error = error_of(text);
  EXPECT_EQ(line_of(error),
            "book.xml:16:40: error: path '../outside.sql' leaves the project folder (hint: keep "
            "data, texts and templates inside the book's folder, or allow it with "
            "--allow-outside)");
  ProjectOptions options;
  options.allow_outside = true;
  Project project = load_project(book(text), options);
  EXPECT_EQ(project.sources.front().params.at("file"), "../outside.sql");
}

TEST_F(ProjectFile, PathParametersOfTheLayoutAreChecked) {
  auto error = error_of(replaced(valid_book, R"(<param name="birim" value="Kuzeykent"/>)",
                                 R"(<param name="logo" value="../logo.svg"/>)"));
  EXPECT_EQ(error.location().line, 12u);
  EXPECT_EQ(error.location().column, 24u);
  EXPECT_EQ(error.message(), "path '../logo.svg' leaves the project folder");
  write(dir_ / "assets/logo.svg", "<svg/>");
  Project project = load_project(book(replaced(valid_book, R"(<param name="birim" value="Kuzeykent"/>)",
                                               R"(<param name="logo" value="assets/logo.svg"/>)")));
  EXPECT_EQ(project.layout_params.at("logo"), "assets/logo.svg");
}

TEST_F(ProjectFile, SymlinkLeavingTheFolderIsRefused) {
  fs::create_symlink(root_ / "outside.sql", dir_ / "data/link.sql");
  auto error = error_of(replaced(valid_book, "data/kuzeykent.sql", "data/link.sql"));
  EXPECT_EQ(error.location().line, 16u);
  EXPECT_EQ(error.location().column, 40u);
  EXPECT_EQ(error.message(), "path 'data/link.sql' leaves the project folder");

  error = error_of(replaced(valid_book, "texts/sunus.md", "/etc/hostname"));
  EXPECT_EQ(error.location().line, 21u);
  EXPECT_EQ(error.location().column, 22u);
}

TEST_F(ProjectFile, TemplateLinkedFromOutsideIsRefused) {
  fs::remove_all(dir_ / "templates/kurumsal");
  write(root_ / "elsewhere/template.xml", "<template/>\n");
  fs::create_directory_symlink(root_ / "elsewhere", dir_ / "templates/kurumsal");
  auto error = error_of(valid_book);
  EXPECT_EQ(error.location().line, 14u);
  EXPECT_EQ(error.location().column, 13u);
  EXPECT_EQ(error.message(), "template 'kurumsal' leads outside the project folder through a link");
  ProjectOptions options;
  options.allow_outside = true;
  EXPECT_NO_THROW(load_project(book(valid_book), options));
}

TEST_F(ProjectFile, ResolvePathKeepsInsidePathsAndRefusesOthers) {
  Project project;
  project.dir = dir_;
  dizgi::Location at{"book.xml", 3, 4};
  EXPECT_EQ(dizgi::project::resolve_path(project, "data/../data/kuzeykent.sql", at, false),
            fs::weakly_canonical(dir_ / "data/kuzeykent.sql"));
  EXPECT_THROW(dizgi::project::resolve_path(project, "../kitap2/x", at, false), dizgi::Error);
  EXPECT_NO_THROW(dizgi::project::resolve_path(project, "../kitap2/x", at, true));
  try {
    dizgi::project::resolve_path(project, "/etc/passwd", at, false);
    ADD_FAILURE() << "an absolute path outside the folder was accepted";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.location().line, 3u);
    EXPECT_EQ(error.location().column, 4u);
  }
}

TEST_F(ProjectFile, MissingTextAndDataFilesAreNamed) {
  auto error = error_of(replaced(valid_book, "texts/sunus.md", "texts/yok.md"));
  EXPECT_EQ(line_of(error),
            "book.xml:21:22: error: text file 'texts/yok.md' not found "
            "(hint: create it, or fix the path (relative to the book's folder))");
  error = error_of(replaced(valid_book, "data/kuzeykent.sql", "data/yok.sql"));
  EXPECT_EQ(error.location().line, 16u);
  EXPECT_EQ(error.message(), "file 'data/yok.sql' not found");
}

TEST_F(ProjectFile, TextFileMustBeUtf8) {
  write(dir_ / "texts/sunus.md", "ilk satır\nikinci \xC4 satır\n");
  auto error = error_of(valid_book);
  EXPECT_EQ(error.location().file, (dir_ / "texts/sunus.md").string());
  EXPECT_EQ(error.location().line, 2u);
  EXPECT_EQ(error.location().column, 8u);
}

// --- secrets --------------------------------------------------------------------------------

TEST_F(ProjectFile, PasswordIsRefusedInEveryForm) {
  const std::string expected_tail =
      "error: never put a password in book.xml (hint: use PGPASSFILE or a libpq service file)";
  auto error = error_of(replaced(valid_book, R"(table="gostergeler")",
                                 R"(table="gostergeler" password="gizli")"));
  EXPECT_EQ(line_of(error), "book.xml:16:86: " + expected_tail);

  error = error_of(replaced(valid_book, R"(<param name="encoding" value="UTF-8"/>)",
                            R"(<param name="password" value="gizli"/>)"));
  EXPECT_EQ(line_of(error), "book.xml:17:14: " + expected_tail);

  error = error_of(replaced(valid_book, R"(table="gostergeler")",
                            R"(table="gostergeler" conninfo="host=db user=rapor password=gizli")"));
  EXPECT_EQ(error.location().line, 16u);
  EXPECT_EQ(error.message(), "never put a password in book.xml");

  error = error_of(replaced(valid_book, R"(table="gostergeler")",
                            R"(table="gostergeler" url="postgresql://rapor:gizli@db/kent")"));
  EXPECT_EQ(error.message(), "never put a password in book.xml");
}

TEST_F(ProjectFile, DuplicateNamesAreRefused) {
  auto error = error_of(replaced(valid_book, "  </data>",
                                 "    <source name=\"ana\" plugin=\"csv\"/>\n  </data>"));
  EXPECT_EQ(error.location().line, 19u);
  EXPECT_EQ(error.message(), "source 'ana' is defined twice");
  error = error_of(replaced(valid_book, R"(<text id="kapanis">)", R"(<text id="sunus">)"));
  EXPECT_EQ(error.location().line, 22u);
  EXPECT_EQ(error.message(), "text 'sunus' is defined twice");
}

// --- the XML helper -------------------------------------------------------------------------

TEST(XmlHelper, PositionsOfElementsAndAttributes) {
  auto document = dizgi::xml::parse_memory("<a>\n  <b  x='1'\n     y=\"2\"/>\n</a>\n", "t.xml");
  const xmlNode* b = dizgi::xml::first_element(document.root(), "b");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(dizgi::to_string(document.at(b)), "t.xml:2:3");
  EXPECT_EQ(dizgi::to_string(document.at(b, "x")), "t.xml:2:7");
  EXPECT_EQ(dizgi::to_string(document.at(b, "y")), "t.xml:3:6");
  EXPECT_EQ(dizgi::xml::attribute(b, "y").value_or(""), "2");
}

TEST(XmlHelper, DeclaredEncodingAndByteOrderMarkAreHonoured) {
  // "Şükran" in windows-1254: Ş = 0xDE, ü = 0xFC.
  auto latin5 = dizgi::xml::parse_memory(
      "<?xml version=\"1.0\" encoding=\"windows-1254\"?>\n<a>\xDE\xFCkran</a>\n", "t.xml");
  EXPECT_EQ(dizgi::xml::text(latin5.root()), "Şükran");
  auto bom = dizgi::xml::parse_memory("\xEF\xBB\xBF<a><b/></a>", "t.xml");
  EXPECT_EQ(dizgi::to_string(bom.at(bom.root())), "t.xml:1:1");
  EXPECT_EQ(dizgi::to_string(bom.at(dizgi::xml::first_element(bom.root(), "b"))), "t.xml:1:4");
}

TEST(XmlHelper, SchemaOrderErrorsFallBackToLibxml2Quietly) {
  // The structure check has nothing to say about order; libxml2's validator does, and its
  // message still comes with a place and nothing is printed behind our back.
  const char* rng = R"(<element name="a" xmlns="http://relaxng.org/ns/structure/1.0">
  <element name="b"><empty/></element>
  <element name="c"><empty/></element>
</element>)";
  dizgi::xml::Schema schema(rng, "order");
  auto good = dizgi::xml::parse_memory("<a><b/><c/></a>", "t.xml");
  EXPECT_NO_THROW(schema.validate(good));
  auto bad = dizgi::xml::parse_memory("<a>\n  <c/>\n  <b/>\n</a>", "t.xml");
  testing::internal::CaptureStderr();
  try {
    schema.validate(bad);
    ADD_FAILURE() << "wrong order was accepted";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.location().file, "t.xml");
    EXPECT_GE(error.location().line, 1u);
    EXPECT_FALSE(error.message().empty());
  }
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

TEST(XmlHelper, InvalidCharacterReference) {
  try {
    dizgi::xml::parse_memory("<a>\n  x&#0;</a>", "t.xml");
    ADD_FAILURE() << "&#0; was accepted";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.message(), "invalid character reference");
    EXPECT_EQ(error.location().line, 2u);
  }
}

TEST(XmlHelper, ParallelParsesKeepTheirOwnErrors) {
  // Errors are collected per parser context: threads never see each other's errors.
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &wrong] {
      for (int i = 0; i < 50; ++i) {
        std::string bad_line(static_cast<std::size_t>(t + 1), '\n');
        std::string text = "<a>" + bad_line + "<b></c></a>";
        try {
          dizgi::xml::parse_memory(text, "t" + std::to_string(t) + ".xml");
          ++wrong;
        } catch (const dizgi::Error& error) {
          if (error.location().file != "t" + std::to_string(t) + ".xml" ||
              error.location().line != static_cast<uint32_t>(t + 2)) {
            ++wrong;
          }
        }
        if (i % 5 == 0) {
          auto ok = dizgi::xml::parse_memory("<a><b/></a>", "ok.xml");
          if (dizgi::xml::first_element(ok.root(), "b") == nullptr) ++wrong;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST(XmlHelper, UndeclaredEntityIsAnErrorEvenAfterParameterEntityReferences) {
  // With a %pe; reference in the DOCTYPE libxml2 only warns about &nbsp; and drops it.
  try {
    dizgi::xml::parse_memory("<!DOCTYPE a [ %x; ]>\n<a>b&nbsp;c</a>", "t.xml");
    ADD_FAILURE() << "an undeclared entity was accepted";
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.location().file, "t.xml");
    EXPECT_NE(error.message().find("unknown"), std::string::npos) << error.what();
  }
}

TEST(XmlHelper, BrokenEncodingsFailQuietly) {
  // Found by the fuzzer: a UCS-4 looking start made libxml2 print "encoding error" on stderr.
  const std::string inputs[] = {std::string("\0\0\0<\0\0\0\0\0\0\0\0", 12),
                                std::string("\xFF\xFE<\0a\0>\0\0\xD8", 10),
                                "<?xml version=\"1.0\" encoding=\"no-such-encoding\"?><a/>",
                                std::string("<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n<a>\x80\0</a>", 48)};
  for (const std::string& input : inputs) {
    testing::internal::CaptureStderr();
    EXPECT_THROW(dizgi::xml::parse_memory(input, "t.xml"), dizgi::Error);
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  }
  try {
    dizgi::xml::parse_memory(inputs[3], "t.xml");
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.message(), "the file's bytes do not match its encoding");
  }
  try {
    dizgi::xml::parse_memory(inputs[2], "t.xml");
  } catch (const dizgi::Error& error) {
    EXPECT_EQ(error.message(), "unsupported encoding 'no-such-encoding'");
  }
}

TEST(XmlHelper, ClosestNameIsOnlyAPlausibleTypo) {
  EXPECT_EQ(dizgi::xml::closest("sourc", {"source", "param"}).value_or(""), "source");
  EXPECT_FALSE(dizgi::xml::closest("zzzzzz", {"source", "param"}));
}

// --- through the CLI ------------------------------------------------------------------------

TEST_F(ProjectFile, CliCheckPrintsOkForAValidBook) {
  book(valid_book);
  Run run = run_check("book.xml");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "book.xml: ok\n");
  EXPECT_EQ(run.err, "");
}

TEST_F(ProjectFile, CliCheckReadsTheTemplateToo) {
  write(dir_ / "templates/kurumsal/template.xml", "<template>\n  <table padding=\"-2pt\"/>\n</template>\n");
  book(valid_book);
  Run run = run_check("book.xml");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("templates/kurumsal/template.xml:2:10: error: padding of table is negative: '-2pt'"),
            std::string::npos)
      << run.err;
}

TEST_F(ProjectFile, CliCheckPrintsOneErrorLineAndExits2) {
  struct Case {
    std::string name;
    std::string text;
    std::string expected;
  };
  std::string sourc = replaced(replaced(valid_book, "<source name=\"ana\"", "<sourc name=\"ana\""),
                               "</source>", "</sourc>");
  std::string xxe = replaced(
      replaced(valid_book, "<book version=\"1\">",
               "<!DOCTYPE book [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<book>"),
      "<author>Strateji Geliştirme Müdürlüğü</author>", "<author>&xxe;</author>");
  std::string laughs = replaced(
      valid_book, "<book version=\"1\">",
      "<!DOCTYPE book [\n <!ENTITY a \"aaaaaaaaaa\">\n <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>\n<book>");
  const Case cases[] = {
      {"unclosed", replaced(valid_book, "</book>\n", ""),
       "book.xml:2:1: error: element '<book>' is never closed (hint: add </book> after its "
       "content, or write <book .../>)"},
      {"unknown element", sourc,
       "book.xml:16:5: error: unknown element 'sourc' in 'data' (hint: expected 'source')"},
      {"missing attribute",
       replaced(valid_book, R"(<output profile="web" file="kuzeykent-web.pdf"/>)", R"(<output profile="web"/>)"),
       "book.xml:30:5: error: missing required attribute 'file' on 'output' (hint: write <output "
       "file=\"...\" ...>)"},
      {"external entity", xxe,
       "book.xml:2:17: error: external entity 'xxe' ('file:///etc/passwd') is not allowed; "
       "external entities are never loaded (hint: write the content into the file itself)"},
      {"billion laughs", laughs,
       "book.xml:3:2: error: entity declaration 'a' is not allowed (hint: write the character "
       "itself (UTF-8) or a numeric reference such as &#x130;)"},
      {"escaping path", replaced(valid_book, "data/kuzeykent.sql", "../outside.sql"),
       "book.xml:16:40: error: path '../outside.sql' leaves the project folder (hint: keep data, "
       "texts and templates inside the book's folder, or allow it with --allow-outside)"},
      {"password", replaced(valid_book, R"(<param name="encoding" value="UTF-8"/>)", R"(<param name="password" value="x"/>)"),
       "book.xml:17:14: error: never put a password in book.xml (hint: use PGPASSFILE or a "
       "libpq service file)"},
      {"missing text file", replaced(valid_book, "texts/sunus.md", "texts/yok.md"),
       "book.xml:21:22: error: text file 'texts/yok.md' not found (hint: create it, or fix the "
       "path (relative to the book's folder))"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    book(c.text);
    Run run = run_check("book.xml");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, c.expected + "\n");
  }
}

TEST_F(ProjectFile, CliCheckAllowOutsideAcceptsTheEscapingPath) {
  book(replaced(valid_book, "data/kuzeykent.sql", "../outside.sql"));
  EXPECT_EQ(run_check("book.xml").exit_code, 2);
  Run run = run_check("--allow-outside book.xml");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "book.xml: ok\n");
}

TEST_F(ProjectFile, CliCheckUsageErrors) {
  Run run = run_check("");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("name one book file"), std::string::npos) << run.err;
  run = run_check("--bogus book.xml");
  EXPECT_EQ(run.exit_code, 2);
  run = run_check("yok.xml");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "yok.xml: error: book file not found (hint: check the path; a project is a "
                     "folder with a book.xml)\n");
}

}  // namespace
