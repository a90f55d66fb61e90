// Fillable forms (docs/forms.md), checked with tools nobody here wrote. The veri-toplama book of
// one unit is built in the web and the print profile: pdfinfo finds an AcroForm in the web PDF
// and none in the print PDF (which has no widget either). pypdf fills the web form; the pdfform
// source reads it back through `dizgi data --format json`, and every value arrives exactly as
// typed — Turkish numbers as exact decimals, the date as a date, the tick as true, Turkish
// letters intact, unfilled fields as null. A wrong number and a form of another version are
// one-line errors naming the file and the field. Figure and date fields carry the viewers'
// Turkish format scripts; in the structure tree each widget follows its label in its row.
#include "separations.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using dizgi::testing::Result;
using dizgi::testing::run;

const fs::path samples = fs::path(DIZGI_TEST_SOURCE_DIR) / ".." / "samples" / "kuzeykent";
const std::string fill_script = (fs::path(DIZGI_TEST_SOURCE_DIR) / "output" / "fill_form.py").string();
const std::string actions_script = (fs::path(DIZGI_TEST_SOURCE_DIR) / "output" / "field_actions.py").string();

void write(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A book of the veri-toplama layout for unit 27 (Raylı Sistem Dairesi Başkanlığı) in `dir`.
void write_unit_book(const fs::path& dir) {
  fs::create_directories(dir / "data");
  fs::copy_file(samples / "data" / "kuzeykent.sql", dir / "data" / "kuzeykent.sql", fs::copy_options::overwrite_existing);
  write(dir / "book.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<book>
  <meta><title>Veri Toplama Formu</title><year>2025</year><language>tr-TR</language></meta>
  <layout plugin="veri-toplama"><param name="yil" value="2025"/><param name="birim" value="27"/></layout>
  <template name="kurumsal"/>
  <data><source name="ana" plugin="sqlite" file="data/kuzeykent.sql"/></data>
  <outputs>
    <output profile="print" file="form-print.pdf"/>
    <output profile="web" file="form-web.pdf"/>
  </outputs>
</book>
)");
}

// A book whose only source reads the filled forms of `folder` (relative to the book).
void write_collect_book(const fs::path& dir, const std::string& extra = {}) {
  write(dir / "collect.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<book>
  <meta><title>Toplanan</title><year>2025</year></meta>
  <layout plugin="veri-toplama"/>
  <data><source name="toplanan" plugin="pdfform" folder="doldurulan" )" + extra + R"(/></data>
  <outputs><output profile="web" file="toplanan.pdf"/></outputs>
</book>
)");
}

class FillableForm : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::path(DIZGI_TEST_BINARY_DIR) / ("forms-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    write_unit_book(dir_);
    build_ = run("'" DIZGI_CLI_PATH "' build '" + (dir_ / "book.xml").string() + "' -o '" + (dir_ / "out").string() +
                 "' --quiet");
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  // Fills the web form with `values` (JSON) into doldurulan/<name>.
  static Result fill(const std::string& values, const std::string& name) {
    fs::create_directories(dir_ / "doldurulan");
    write(dir_ / (name + ".json"), values);
    return run(std::string(DIZGI_PYPDF_PYTHON) + " '" + fill_script + "' '" + (dir_ / "out" / "form-web.pdf").string() +
               "' '" + (dir_ / "doldurulan" / name).string() + "' '" + (dir_ / (name + ".json")).string() + "'");
  }
  static fs::path dir_;
  static Result build_;
};
fs::path FillableForm::dir_;
Result FillableForm::build_;

TEST_F(FillableForm, WebHasAnAcroFormAndPrintHasNone) {
  ASSERT_EQ(build_.status, 0) << build_.output;
  Result web = run("pdfinfo '" + (dir_ / "out" / "form-web.pdf").string() + "'");
  EXPECT_NE(web.output.find("Form:            AcroForm"), std::string::npos) << web.output;
  Result print = run("pdfinfo '" + (dir_ / "out" / "form-print.pdf").string() + "'");
  EXPECT_NE(print.output.find("Form:            none"), std::string::npos) << print.output;
  // Flattened: no widget, no annotation of any kind in the print file.
  Result qdf = run("qpdf --qdf --object-streams=disable '" + (dir_ / "out" / "form-print.pdf").string() + "' -");
  EXPECT_EQ(qdf.output.find("/Widget"), std::string::npos);
  EXPECT_EQ(qdf.output.find("/Annots"), std::string::npos);
}

TEST_F(FillableForm, FieldsAreNamedFromTheDataModelWithTooltipsAndATurkishFont) {
  ASSERT_EQ(build_.status, 0) << build_.output;
  Result qdf = run("qpdf --qdf --object-streams=disable '" + (dir_ / "out" / "form-web.pdf").string() + "' -");
  // gosterge.PG1.1.1.gerceklesme.2025: the hierarchy gosterge > PG1 > 1 > 1 > gerceklesme > 2025.
  EXPECT_NE(qdf.output.find("/T (gerceklesme)"), std::string::npos);
  EXPECT_NE(qdf.output.find("/DizgiKind /number"), std::string::npos);
  EXPECT_NE(qdf.output.find("/DizgiForm (veri-toplama/1)"), std::string::npos);
  EXPECT_NE(qdf.output.find("/TU "), std::string::npos);
  // The form font: DejaVu Sans, embedded, with İ ı Ş ş Ğ ğ in its encoding.
  for (const char* glyph : {"/Gbreve", "/Idotaccent", "/Scedilla", "/gbreve", "/dotlessi", "/scedilla"})
    EXPECT_NE(qdf.output.find(glyph), std::string::npos) << glyph;
  EXPECT_NE(qdf.output.find("/BaseFont /DejaVuSans"), std::string::npos);
  EXPECT_NE(qdf.output.find("/FontFile2"), std::string::npos);
  // Tab order: the structure's (the web PDF is tagged), in which every widget is a Form element.
  EXPECT_NE(qdf.output.find("/Tabs /S"), std::string::npos);
  EXPECT_NE(qdf.output.find("/S /Form"), std::string::npos);
}

// The widgets as pypdf reads them (field_actions.py), in page and annotation order: name, kind,
// /V, the format script, the keystroke script, the object number.
std::vector<std::vector<std::string>> widgets_of(const fs::path& pdf) {
  Result fields = run(std::string(DIZGI_PYPDF_PYTHON) + " '" + actions_script + "' '" + pdf.string() + "'");
  EXPECT_EQ(fields.status, 0) << fields.output;
  std::vector<std::vector<std::string>> out;
  std::istringstream lines(fields.output);
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> parts;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '\t');) parts.push_back(cell);
    EXPECT_EQ(parts.size(), 6u) << line;
    if (parts.size() == 6) out.push_back(std::move(parts));
  }
  return out;
}

// Figures and dates show and accept Turkish forms in a viewer that runs the form scripts; text
// fields have none.
TEST_F(FillableForm, NumberAndDateFieldsCarryTurkishFormatScripts) {
  ASSERT_EQ(build_.status, 0) << build_.output;
  std::map<std::string, std::vector<std::string>> by_name;
  for (auto& widget : widgets_of(dir_ / "out" / "form-web.pdf")) by_name[widget[0]] = widget;
  auto format = [&](const std::string& name) { return by_name.at(name).at(3); };
  auto keystroke = [&](const std::string& name) { return by_name.at(name).at(4); };
  // A number keeps its own decimals, money shows two; both with separator style 2 (1.234,50),
  // and the keystroke script keeps the decimal comma in the stored value.
  EXPECT_NE(format("gosterge.PG1.1.1.gerceklesme.2025").find("AFNumber_Format(n, 2, 0, 0, \"\", false)"), std::string::npos);
  EXPECT_NE(keystroke("gosterge.PG1.1.1.gerceklesme.2025").find("AFNumber_Keystroke(6, 2, 0, 0, \"\", false);"),
            std::string::npos);
  EXPECT_NE(keystroke("gosterge.PG1.1.1.gerceklesme.2025").find("replace(\".\", \",\")"), std::string::npos);
  EXPECT_EQ(format("faaliyet.P1.1.1.harcanan.2025"), "AFNumber_Format(2, 2, 0, 0, \"\", false);");
  EXPECT_NE(format("faaliyet.P1.1.1.fiziki_gerceklesme.2025").find("AFNumber_Format(n, 2, 0, 0, \"\", false); "),
            std::string::npos);
  EXPECT_NE(format("faaliyet.P1.1.1.fiziki_gerceklesme.2025").find("\"%\" + event.value"), std::string::npos);
  EXPECT_EQ(format("birim.27.tarih"), "AFDate_FormatEx(\"dd.mm.yyyy\");");
  EXPECT_EQ(keystroke("birim.27.tarih"), "AFDate_KeystrokeEx(\"dd.mm.yyyy\");");
  for (const char* text : {"gosterge.PG1.1.1.sapma_nedeni.2025", "imza.adi_soyadi", "faaliyet.P1.1.1.durum.2025"}) {
    EXPECT_EQ(format(text), "-") << text;
    EXPECT_EQ(keystroke(text), "-") << text;
  }
}

// In the structure tree (read by Poppler: pdfinfo -struct-text) each widget sits in a Form
// element after its label, inside the P of its form row, and the widgets come in the order of
// the page's annotations (the tab order follows the structure: /Tabs /S).
TEST_F(FillableForm, EachWidgetFollowsItsLabelInItsRowOfTheStructure) {
  ASSERT_EQ(build_.status, 0) << build_.output;
  const fs::path pdf = dir_ / "out" / "form-web.pdf";
  const auto widgets = widgets_of(pdf);
  ASSERT_GT(widgets.size(), 10u);
  Result tree = run("pdfinfo -struct-text '" + pdf.string() + "'");
  ASSERT_EQ(tree.status, 0) << tree.output;
  struct Node {
    std::string type, text, object;
    int parent = -1;
  };
  std::vector<Node> nodes;
  std::vector<int> open;  // the open node at each depth
  std::istringstream lines(tree.output);
  for (std::string line; std::getline(lines, line);) {
    const std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string::npos) continue;
    const std::size_t depth = indent / 2;
    const std::string item = line.substr(indent);
    open.resize(depth);
    const int parent = depth == 0 ? -1 : open.back();
    if (item.front() == '"') {  // text of the open element and of those above it
      for (int n = parent; n >= 0; n = nodes[static_cast<std::size_t>(n)].parent)
        nodes[static_cast<std::size_t>(n)].text += item.substr(1, item.rfind('"') - 1);
    } else if (item.rfind("Object ", 0) == 0) {
      ASSERT_GE(parent, 0);
      nodes[static_cast<std::size_t>(parent)].object = item.substr(7, item.find(' ', 7) - 7);
    } else {
      nodes.push_back(Node{item.substr(0, item.find(' ')), {}, {}, parent});
      open.push_back(static_cast<int>(nodes.size()) - 1);
    }
  }
  std::vector<std::string> in_structure;
  std::map<std::string, const Node*> form_of;  // object number -> its Form element
  for (const Node& node : nodes) {
    if (node.object.empty()) continue;
    EXPECT_EQ(node.type, "Form") << node.object;
    ASSERT_GE(node.parent, 0);
    EXPECT_EQ(nodes[static_cast<std::size_t>(node.parent)].type, "P") << "widget " << node.object;
    in_structure.push_back(node.object);
    form_of[node.object] = &node;
  }
  std::vector<std::string> in_annotations;
  std::map<std::string, std::string> object_of;
  for (const auto& w : widgets) {
    in_annotations.push_back(w[5]);
    object_of[w[0]] = w[5];
  }
  EXPECT_EQ(in_structure, in_annotations);
  auto row_text = [&](const std::string& name) {
    const Node* form = form_of.at(object_of.at(name));
    return nodes[static_cast<std::size_t>(form->parent)].text;
  };
  auto own_text = [&](const std::string& name) { return form_of.at(object_of.at(name))->text; };
  // A value in an indicator's row: the row is the indicator's; a labelled field holds its label.
  EXPECT_NE(row_text("gosterge.PG1.1.1.gerceklesme.2025").find("PG1.1.1 Raylı sistem"), std::string::npos);
  EXPECT_EQ(row_text("gosterge.PG1.1.2.gerceklesme.2025").find("PG1.1.1"), std::string::npos);
  EXPECT_NE(own_text("birim.27.tarih").find("Doldurma Tarihi"), std::string::npos) << own_text("birim.27.tarih");
  EXPECT_NE(own_text("imza.adi_soyadi").find("Adı Soyadı"), std::string::npos) << own_text("imza.adi_soyadi");
  EXPECT_EQ(own_text("imza.adi_soyadi").find("Unvanı"), std::string::npos) << own_text("imza.adi_soyadi");
}

TEST_F(FillableForm, ValuesFilledByPypdfComeBackTyped) {
  ASSERT_EQ(build_.status, 0) << build_.output;
  Result filled = fill(R"({
    "gosterge.PG1.1.1.gerceklesme.2025": "1.234,5",
    "gosterge.PG1.1.1.sapma_nedeni.2025": "İhale süreci uzadı; ışık, şişe, ağaç: İ ı Ş ş Ğ ğ",
    "gosterge.PG1.1.2.gerceklesme.2025": "-4,25",
    "faaliyet.P1.1.1.harcanan.2025": "455.886.000,00",
    "faaliyet.P1.1.1.fiziki_gerceklesme.2025": "%31,5",
    "faaliyet.P1.1.1.durum.2025": "Devam ediyor",
    "faaliyet.P1.1.2.harcanan.2025": "1234,5",
    "faaliyet.P1.1.3.harcanan.2025": "98765.25",
    "faaliyet.P1.1.2.fiziki_gerceklesme.2025": "1.250",
    "birim.27.kontrol": true,
    "birim.27.tarih": "31.12.2025",
    "imza.adi_soyadi": "Şule IŞIK"
  })", "birim-27.pdf");
  ASSERT_EQ(filled.status, 0) << filled.output;
  write_collect_book(dir_);
  Result data = run("'" DIZGI_CLI_PATH "' data '" + (dir_ / "collect.xml").string() +
                    "' --show toplanan --format json 2>&1");
  ASSERT_EQ(data.status, 0) << data.output;
  const std::string& out = data.output;
  auto row = [](const std::string& field, const std::string& kind, const std::string& values) {
    return "[\"doldurulan/birim-27.pdf\", \"veri-toplama/1\", \"" + field + "\", \"" + kind + "\", " + values + "]";
  };
  EXPECT_NE(out.find(row("gosterge.PG1.1.1.gerceklesme.2025", "number", "null, 1234.5, null, null")), std::string::npos) << out;
  EXPECT_NE(out.find(row("gosterge.PG1.1.1.sapma_nedeni.2025", "multiline",
                         "\"İhale süreci uzadı; ışık, şişe, ağaç: İ ı Ş ş Ğ ğ\", null, null, null")),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(row("gosterge.PG1.1.2.gerceklesme.2025", "number", "null, -4.25, null, null")), std::string::npos);
  EXPECT_NE(out.find(row("faaliyet.P1.1.1.harcanan.2025", "money", "null, 455886000.00, null, null")), std::string::npos);
  EXPECT_NE(out.find(row("faaliyet.P1.1.1.fiziki_gerceklesme.2025", "percentage", "null, 31.5, null, null")),
            std::string::npos);
  EXPECT_NE(out.find(row("faaliyet.P1.1.1.durum.2025", "choice", "\"Devam ediyor\", null, null, null")), std::string::npos);
  // As the viewer's keystroke script stores a figure (decimal comma, no grouping); the classic
  // form where it cannot be Turkish; "1.250" is always Turkish: one thousand two hundred fifty.
  EXPECT_NE(out.find(row("faaliyet.P1.1.2.harcanan.2025", "money", "null, 1234.5, null, null")), std::string::npos) << out;
  EXPECT_NE(out.find(row("faaliyet.P1.1.3.harcanan.2025", "money", "null, 98765.25, null, null")), std::string::npos) << out;
  EXPECT_NE(out.find(row("faaliyet.P1.1.2.fiziki_gerceklesme.2025", "percentage", "null, 1250, null, null")),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(row("birim.27.kontrol", "checkbox", "null, null, null, true")), std::string::npos);
  EXPECT_NE(out.find(row("birim.27.tarih", "date", "null, null, \"2025-12-31\", null")), std::string::npos);
  EXPECT_NE(out.find(row("imza.adi_soyadi", "text", "\"Şule IŞIK\", null, null, null")), std::string::npos);
  // Unfilled: null, not zero.
  EXPECT_NE(out.find(row("gosterge.PG1.1.3.gerceklesme.2025", "number", "null, null, null, null")), std::string::npos);
  // The same table as CSV: null is an empty field, decimals keep their digits.
  Result csv = run("'" DIZGI_CLI_PATH "' data '" + (dir_ / "collect.xml").string() + "' --show toplanan --format csv");
  EXPECT_NE(csv.output.find("doldurulan/birim-27.pdf,veri-toplama/1,gosterge.PG1.1.1.gerceklesme.2025,number,,1234.5,,\n"),
            std::string::npos)
      << csv.output;
  fs::remove(dir_ / "doldurulan" / "birim-27.pdf");
}

TEST_F(FillableForm, WrongValuesAndOtherVersionsAreNamed) {
  ASSERT_EQ(build_.status, 0) << build_.output;
  Result filled = fill(R"({"gosterge.PG1.1.1.gerceklesme.2025": "12 km", "birim.27.tarih": "31.02.2025"})", "hatali.pdf");
  ASSERT_EQ(filled.status, 0) << filled.output;
  fs::create_directories(dir_ / "v");
  write_collect_book(dir_);
  Result data = run("'" DIZGI_CLI_PATH "' data '" + (dir_ / "collect.xml").string() + "' --show toplanan --format csv 2>&1");
  EXPECT_EQ(data.status, 2) << data.output;
  EXPECT_NE(data.output.find("doldurulan/hatali.pdf: field 'gosterge.PG1.1.1.gerceklesme.2025': error: '12 km' is not a number"),
            std::string::npos)
      << data.output;
  EXPECT_NE(data.output.find("field 'birim.27.tarih': error: '31.02.2025' is not a date"), std::string::npos) << data.output;
  write_collect_book(dir_, "form=\"veri-toplama/2\"");
  Result version = run("'" DIZGI_CLI_PATH "' data '" + (dir_ / "collect.xml").string() + "' --list 2>&1");
  EXPECT_EQ(version.status, 2) << version.output;
  EXPECT_NE(version.output.find("the form is 'veri-toplama/1', another template or version than 'veri-toplama/2'"),
            std::string::npos)
      << version.output;
  fs::remove(dir_ / "doldurulan" / "hatali.pdf");
}

}  // namespace
