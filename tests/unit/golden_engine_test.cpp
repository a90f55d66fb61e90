// Golden tests of the page engine (STYLE.md §2.5, docs/testing.md). Each folder of
// tests/golden/engine/ is one case: input.xml describes a small document (and optionally the
// template and which pages to rasterize); the engine lays it out and the runner compares
//   expected.dump          the text dump of the pages (layout/dump.hpp) — the main oracle,
//   expected.diagnostics   what the engine reported (codes, places, messages),
//   expected-p<N>.png      page N rasterized at low dpi, per-channel tolerance (file `tolerance`).
// On a mismatch the actual output is written beside the expected file (*.actual,
// *.actual.png); DIZGI_UPDATE_GOLDEN=1 writes the expected files instead, for review.
#include "layout/dump.hpp"
#include "layout/fonts.hpp"
#include "paginate/paginate.hpp"
#include "layout/template.hpp"
#include "render/pdf.hpp"
#include "text/shaper.hpp"

#include "../tools/chart_text.hpp"
#include "../tools/golden_files.hpp"
#include "../tools/png_diff.hpp"

#include <dizgi/model/collate.hpp>
#include <dizgi/sdk/layout.hpp>

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <locale>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace dizgi;
namespace fs = std::filesystem;
using dizgi::testing::check_text;
using dizgi::testing::lines_of;
using dizgi::testing::read_text;
using dizgi::testing::tolerance_of;
using dizgi::testing::write_text;

fs::path cases_dir() { return fs::path(DIZGI_TEST_SOURCE_DIR) / "golden" / "engine"; }

std::vector<std::string> discover() {
  std::vector<std::string> names;
  if (!fs::is_directory(cases_dir())) return names;
  for (const auto& entry : fs::directory_iterator(cases_dir())) {
    if (entry.is_directory() && fs::exists(entry.path() / "input.xml")) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// --- input.xml -------------------------------------------------------------------------------

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::string attr(xmlNode* node, const char* name, const std::string& fallback = {}) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return fallback;
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

bool is(xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, reinterpret_cast<const xmlChar*>(name));
}

// The element's text with runs of ASCII white space collapsed, so that input lines can wrap.
std::string text_of(xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string raw = content ? reinterpret_cast<const char*>(content) : "";
  if (content) xmlFree(content);
  std::string out;
  bool space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::vector<doc::Span> spans_of(const std::string& markup) {
  for (doc::Block& block : parse_markup(markup)) {
    if (auto* p = std::get_if<doc::Paragraph>(&block)) return p->content;
  }
  return {};
}

struct CaseInput {
  doc::Document document;
  layout::Template style = layout::default_template();
  std::vector<int> png_pages;  // 1-based
  double dpi = 36;
};

[[noreturn]] void fail(const fs::path& file, xmlNode* node, const std::string& message) {
  throw std::runtime_error(file.string() + ":" + std::to_string(node ? xmlGetLineNo(node) : 0) + ": " + message);
}

// A cell's words, as a layout would have them before it builds the cell.
std::string plain(const doc::TableCell& cell) {
  std::string out;
  for (const doc::Span& span : cell.content) out += span.text;
  return out;
}

doc::Table read_table(const fs::path& file, xmlNode* node) {
  doc::Table t;
  t.id = attr(node, "id");
  t.caption = attr(node, "caption");
  t.note = attr(node, "note");
  // Carried totals: carried="true" (labels from the template unless given).
  t.carried.enabled = attr(node, "carried") == "true";
  t.carried.carried_label = attr(node, "carried-label");
  t.carried.brought_label = attr(node, "brought-label");
  t.keep_whole_rows = std::stoi(attr(node, "keep-whole", "0"));
  t.keep_together = attr(node, "keep-together") == "true";
  // The pages the layout asks for: page="portrait|landscape" (none: the template decides).
  std::string page = attr(node, "page");
  t.page = page == "landscape" ? doc::TablePage::landscape
           : page == "portrait" ? doc::TablePage::portrait
                                : doc::TablePage::automatic;
  for (xmlNode* c = node->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is(c, "col")) {
      doc::TableColumn column;
      column.width = attr(c, "width", "auto");
      std::string align = attr(c, "align");
      column.align = align == "end"       ? doc::Align::end
                     : align == "center"  ? doc::Align::center
                     : align == "decimal" ? doc::Align::decimal
                                          : doc::Align::start;
      if (attr(c, "sum") == "true") column.aggregate = doc::Aggregate::sum;
      t.columns.push_back(column);
    } else if (is(c, "row")) {
      std::vector<doc::TableCell> row;
      for (xmlNode* cell = c->children; cell; cell = cell->next) {
        if (!is(cell, "cell")) continue;
        doc::TableCell tc;
        // A typed cell: value="-1234.5" (classic form) or null="true", with its number format.
        if (attr(cell, "null") == "true") {
          tc = doc::TableCell::null();
        } else if (std::string value = attr(cell, "value"); !value.empty()) {
          auto decimal = Decimal::parse(value);
          if (!decimal) fail(file, cell, "value '" + value + "' is not a decimal");
          doc::NumberFormat format;
          format.fraction_digits = std::stoi(attr(cell, "digits", "2"));
          format.percent = attr(cell, "percent") == "true";
          format.scale_power = std::stoi(attr(cell, "scale", "0"));
          if (attr(cell, "negative") == "parentheses") format.negative = doc::Negative::parentheses;
          tc = doc::TableCell::typed(*decimal, format);
        } else {
          tc.content = spans_of(text_of(cell));
        }
        tc.col_span = std::stoi(attr(cell, "span", "1"));
        tc.row_span = std::stoi(attr(cell, "rows", "1"));
        std::string align = attr(cell, "align");
        if (align == "end") tc.align = doc::Align::end;
        if (align == "center") tc.align = doc::Align::center;
        if (align == "decimal") tc.align = doc::Align::decimal;
        tc.style = attr(cell, "style");
        row.push_back(std::move(tc));
      }
      std::string kind = attr(c, "kind", "body");
      doc::RowKind row_kind = kind == "group"      ? doc::RowKind::group
                              : kind == "subtotal" ? doc::RowKind::subtotal
                              : kind == "total"    ? doc::RowKind::total
                                                   : doc::RowKind::body;
      (kind == "header" ? t.header : kind == "footer" ? t.footer : t.body).emplace_back(std::move(row), row_kind);
    } else {
      fail(file, c, "unknown element in <table>");
    }
  }
  // As a layout orders a list of names: sort="tr" sorts the body rows by their first cell in
  // Turkish order (SDK collation), group="initial" opens each letter with a group row holding
  // the letter in Turkish capitals.
  if (attr(node, "sort") == "tr") {
    const auto key = [](const doc::TableRow& row) { return row.cells.empty() ? std::string() : plain(row.cells[0]); };
    std::stable_sort(t.body.begin(), t.body.end(),
                     [&](const doc::TableRow& a, const doc::TableRow& b) { return compare_tr(key(a), key(b)) < 0; });
    if (attr(node, "group") == "initial") {
      std::vector<doc::TableRow> grouped;
      std::string letter;
      for (doc::TableRow& row : t.body) {
        if (std::string initial = initial_tr(key(row)); initial != letter) {
          letter = initial;
          doc::TableCell cell(letter);
          cell.col_span = static_cast<int>(std::max<std::size_t>(1, t.columns.size()));
          grouped.emplace_back(std::vector<doc::TableCell>{cell}, doc::RowKind::group);
        }
        grouped.push_back(std::move(row));
      }
      t.body = std::move(grouped);
    }
  }
  return t;
}

// <chart kind="bar|stacked|percent|line|area|pie|donut|combination|gauge|bullet|waterfall|figures|
//   org|gantt|matrix|checks|swot|process|cycle" caption="…" values="true" percent="true" note="…" x-title="…"
//   y-title="…" max="…"> <category>…</category>… <series name="…" color="…" digits="1"
//   percent="true" labels="a|b">1.5 null -3</series> </chart>. A value is a classic decimal, a
// date (2025-01-31), true/false, "null" (no value) or any other word (kept as text, for the
// bad-data cases).
doc::Chart read_chart(const fs::path& file, xmlNode* node) {
  doc::Chart chart;
  chart.id = attr(node, "id");
  chart.caption = attr(node, "caption");
  std::string kind = attr(node, "kind", "bar");
  chart.kind = kind == "bar"       ? doc::ChartKind::bar
               : kind == "stacked" ? doc::ChartKind::stacked_bar
               : kind == "line"    ? doc::ChartKind::line
               : kind == "pie"     ? doc::ChartKind::pie
               : kind == "gauge"   ? doc::ChartKind::gauge
               : kind == "percent" ? doc::ChartKind::stacked_percent
               : kind == "area"    ? doc::ChartKind::area
               : kind == "donut"   ? doc::ChartKind::donut
               : kind == "combination" ? doc::ChartKind::combination
               : kind == "bullet"  ? doc::ChartKind::bullet
               : kind == "waterfall" ? doc::ChartKind::waterfall
               : kind == "figures" ? doc::ChartKind::key_figures
               : kind == "org"     ? doc::ChartKind::org_chart
               : kind == "gantt"   ? doc::ChartKind::gantt
               : kind == "matrix"  ? doc::ChartKind::matrix
               : kind == "checks"  ? doc::ChartKind::check_matrix
               : kind == "swot"    ? doc::ChartKind::swot
               : kind == "process" ? doc::ChartKind::process_flow
               : kind == "cycle"   ? doc::ChartKind::cycle
                                   : doc::ChartKind::invalid;
  chart.show_values = attr(node, "values") == "true";
  chart.value_axis.format.percent = attr(node, "percent") == "true";
  chart.value_axis.scale_note = attr(node, "note");
  chart.value_axis.title = attr(node, "y-title");
  chart.category_axis.title = attr(node, "x-title");
  if (std::string max = attr(node, "max"); !max.empty()) chart.value_axis.maximum = *Decimal::parse(max);
  for (xmlNode* c = node->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is(c, "category")) {
      chart.categories.push_back(text_of(c));
    } else if (is(c, "series")) {
      doc::ChartSeries series;
      series.name = attr(c, "name");
      series.color = attr(c, "color");
      series.format.fraction_digits = std::stoi(attr(c, "digits", "2"));
      series.format.percent = attr(c, "percent") == "true";
      // Per-point labels: labels="first|second|…".
      std::istringstream labels(attr(c, "labels"));
      for (std::string label; std::getline(labels, label, '|');) series.labels.push_back(label);
      std::istringstream words(text_of(c));
      for (std::string word; words >> word;) {
        int year = 0, month = 0, day = 0;
        char dash1 = 0, dash2 = 0;
        std::istringstream date(word);
        if (word == "null") {
          series.values.emplace_back();
        } else if (word == "true" || word == "false") {
          series.values.emplace_back(word == "true");
        } else if (word.size() == 10 && (date >> year >> dash1 >> month >> dash2 >> day) && dash1 == '-') {
          series.values.emplace_back(Date{year, month, day});
        } else if (auto d = Decimal::parse(word)) {
          series.values.emplace_back(*d);
        } else {
          series.values.emplace_back(word);
        }
      }
      chart.series.push_back(std::move(series));
    } else {
      fail(file, c, "unknown element in <chart>");
    }
  }
  return chart;
}

// <form id="…" title="…" columns="8" widths="4,1,1" form-id="…" break="none">
//   <p>body text</p>…
//   <field name="…" label="…" kind="heading|text|multiline|number|money|percentage|date|choice|
//     checkbox|signature" value="…" unit="…" help="…" required="true" readonly="true" span="2"
//     signer="1" choices="a|b"/>…
// </form>
doc::Form read_form(const fs::path& file, xmlNode* node) {
  doc::Form form;
  form.id = attr(node, "id");
  form.title = attr(node, "title");
  form.columns = std::stoi(attr(node, "columns", "0"));
  if (std::string w = attr(node, "widths"); !w.empty()) form.props["column-widths"] = w;
  if (std::string id = attr(node, "form-id"); !id.empty()) form.props["form-id"] = id;
  if (std::string b = attr(node, "break"); !b.empty()) form.props["break-before"] = b;
  for (xmlNode* c = node->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is(c, "p")) {
      for (doc::Block& b : parse_markup(text_of(c), attr(c, "style", "body")))
        if (auto* p = std::get_if<doc::Paragraph>(&b)) form.body.push_back(std::move(*p));
    } else if (is(c, "field")) {
      doc::FormField f;
      f.name = attr(c, "name");
      f.label = attr(c, "label");
      const std::string kind = attr(c, "kind", "text");
      f.kind = kind == "heading"      ? doc::FieldKind::heading
               : kind == "multiline"  ? doc::FieldKind::multiline
               : kind == "number"     ? doc::FieldKind::number
               : kind == "money"      ? doc::FieldKind::money
               : kind == "percentage" ? doc::FieldKind::percentage
               : kind == "date"       ? doc::FieldKind::date
               : kind == "choice"     ? doc::FieldKind::choice
               : kind == "checkbox"   ? doc::FieldKind::checkbox
               : kind == "signature"  ? doc::FieldKind::signature
               : kind == "text"       ? doc::FieldKind::text
                                      : doc::FieldKind::invalid;
      if (f.kind == doc::FieldKind::invalid) fail(file, c, "unknown field kind '" + kind + "'");
      f.value = attr(c, "value");
      f.unit = attr(c, "unit");
      f.help = attr(c, "help");
      f.required = attr(c, "required") == "true";
      f.read_only = attr(c, "readonly") == "true";
      f.column_span = std::stoi(attr(c, "span", "0"));
      f.signer = std::stoi(attr(c, "signer", "0"));
      std::istringstream choices(attr(c, "choices"));
      for (std::string choice; std::getline(choices, choice, '|');) f.choices.push_back(choice);
      form.fields.push_back(std::move(f));
    } else {
      fail(file, c, "unknown element in <form>");
    }
  }
  return form;
}

void read_block(const fs::path& file, xmlNode* node, std::vector<doc::Block>& blocks) {
  if (node->type != XML_ELEMENT_NODE) return;
  if (is(node, "heading")) {
    doc::Heading h;
    h.level = std::stoi(attr(node, "level", "1"));
    h.number = attr(node, "number");
    h.id = attr(node, "id");
    h.in_toc = attr(node, "toc", "true") == "true";
    h.chapter_opener = attr(node, "opener") == "true";
    h.style = attr(node, "style");
    h.content.push_back(doc::text_span(text_of(node)));
    blocks.push_back(std::move(h));
  } else if (is(node, "p")) {
    for (doc::Block& b : parse_markup(text_of(node), attr(node, "style", "body"))) blocks.push_back(std::move(b));
  } else if (is(node, "list")) {
    doc::List list;
    list.ordered = attr(node, "ordered") == "true";
    for (xmlNode* item = node->children; item; item = item->next) {
      if (!is(item, "item")) continue;
      list.items.push_back(doc::ListItem{spans_of(text_of(item)), std::stoi(attr(item, "level", "0"))});
    }
    blocks.push_back(std::move(list));
  } else if (is(node, "table")) {
    blocks.push_back(read_table(file, node));
  } else if (is(node, "chart")) {
    blocks.push_back(read_chart(file, node));
  } else if (is(node, "form")) {
    blocks.push_back(read_form(file, node));
  } else if (is(node, "break")) {
    std::string kind = attr(node, "kind", "page");
    blocks.push_back(doc::Break{kind == "recto" ? doc::BreakKind::recto : doc::BreakKind::page});
  } else if (is(node, "toc")) {
    doc::ListOf toc;
    toc.kind = doc::ListOfKind::contents;
    toc.title = attr(node, "title", "İçindekiler");
    toc.depth = std::stoi(attr(node, "depth", "3"));
    blocks.push_back(std::move(toc));
  } else if (is(node, "cover")) {
    doc::Cover cover;
    cover.title = attr(node, "title");
    cover.subtitle = attr(node, "subtitle");
    cover.organisation = attr(node, "organisation");
    cover.year = attr(node, "year");
    blocks.push_back(std::move(cover));
  } else {
    fail(file, node, "unknown block <" + std::string(reinterpret_cast<const char*>(node->name)) + ">");
  }
}

void read_blocks(const fs::path& file, xmlNode* parent, std::vector<doc::Block>& blocks) {
  for (xmlNode* node = parent->children; node; node = node->next) read_block(file, node, blocks);
}

CaseInput read_case(const fs::path& file, const fs::path& scratch) {
  std::unique_ptr<xmlDoc, DocDeleter> xml(xmlReadFile(file.c_str(), nullptr, XML_PARSE_NONET));
  if (!xml) throw std::runtime_error(file.string() + ": not well-formed XML");
  xmlNode* root = xmlDocGetRootElement(xml.get());
  if (!root || !is(root, "case")) fail(file, root, "the root element must be <case>");
  CaseInput input;
  input.document.metadata.title = attr(root, "title", "Golden");
  doc::Section loose;  // blocks written directly under <case> go to one body section
  for (xmlNode* node = root->children; node; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (is(node, "template")) {
      // The real template format: the element is written out and read by load_template.
      xmlBufferPtr buffer = xmlBufferCreate();
      xmlNodeDump(buffer, xml.get(), node, 0, 0);
      fs::path template_file = scratch / "template.xml";
      write_text(template_file, std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer))));
      xmlBufferFree(buffer);
      input.style = layout::load_template(template_file);
    } else if (is(node, "render")) {
      input.dpi = std::stod(attr(node, "dpi", "36"));
      std::istringstream pages(attr(node, "pages"));
      int page = 0;
      while (pages >> page) input.png_pages.push_back(page);
    } else if (is(node, "section")) {
      doc::Section section;
      std::string matter = attr(node, "matter", "body");
      section.matter = matter == "front" ? doc::Matter::front : matter == "back" ? doc::Matter::back : doc::Matter::body;
      read_blocks(file, node, section.blocks);
      input.document.sections.push_back(std::move(section));
    } else {
      read_block(file, node, loose.blocks);
    }
  }
  if (!loose.blocks.empty()) input.document.sections.push_back(std::move(loose));
  return input;
}

// --- comparison ------------------------------------------------------------------------------

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, Case) {
  const std::string name = GetParam();
  const fs::path dir = cases_dir() / name;
  const fs::path scratch = fs::path(DIZGI_TEST_BINARY_DIR) / "golden" / "engine" / name;
  fs::create_directories(scratch);

  // Every case says what it is for on its first line.
  std::string first_line = lines_of(read_text(dir / "input.xml")).at(0);
  ASSERT_EQ(first_line.rfind("<!--", 0), 0u) << name << ": input.xml must open with an intent comment";

  CaseInput input = read_case(dir / "input.xml", scratch);
  DiagnosticSink sink;
  text::Shaper shaper(&sink);
  auto book = paginate::lay_out(input.document, input.style, shaper, sink);
  layout::report_font_fallback(*book, sink);  // as a build reports it
  ASSERT_TRUE(book);

  check_text(dir / "expected.dump", layout::dump(*book));
  check_text(dir / "expected.diagnostics", layout::dump_diagnostics(sink.diagnostics()));

  // Charts: their text, read back from the PDF, never overlaps and stays inside the frame.
  if (auto frames = dizgi::testing::chart_frames(*book); !frames.empty()) {
    fs::path pdf = scratch / "case.pdf";
    render::write_pdf(*book, input.document.metadata, pdf, render::PdfOptions{});
    EXPECT_EQ(dizgi::testing::check_chart_text(pdf, frames), "");
  }

  // DIZGI_GOLDEN_PREVIEW_DPI=150 writes every page at a readable size into the build tree, for
  // reviewing a case by eye.
  if (const char* preview = std::getenv("DIZGI_GOLDEN_PREVIEW_DPI"); preview && std::atof(preview) > 0) {
    for (std::size_t i = 0; i < book->pages.size(); ++i)
      render::write_png(*book, static_cast<int>(i), std::atof(preview), scratch / ("preview-p" + std::to_string(i + 1) + ".png"));
  }

  // Pages to compare: those the input asks for and those that have a reference.
  std::vector<int> pages = input.png_pages;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string file = entry.path().filename().string();
    if (file.rfind("expected-p", 0) == 0 && file.size() > 14 && file.ends_with(".png") &&
        file.find(".actual") == std::string::npos) {
      pages.push_back(std::stoi(file.substr(10, file.size() - 14)));
    }
  }
  std::sort(pages.begin(), pages.end());
  pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
  int tolerance = tolerance_of(dir);
  for (int page : pages) {
    SCOPED_TRACE("page " + std::to_string(page));
    ASSERT_GE(page, 1);
    ASSERT_LE(page, static_cast<int>(book->pages.size())) << name << " has no page " << page;
    fs::path rendered = scratch / ("p" + std::to_string(page) + ".png");
    render::write_png(*book, page - 1, input.dpi, rendered);
    fs::path expected = dir / ("expected-p" + std::to_string(page) + ".png");
    if (!dizgi::testing::check_png(expected, rendered, tolerance)) continue;
    // References stay small: low dpi on small pages.
    EXPECT_LE(fs::file_size(expected), 20u * 1024u) << expected << " is too large for a reference";
  }
}

std::string case_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string out = info.param;
  for (char& c : out)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return out;
}

INSTANTIATE_TEST_SUITE_P(Engine, Golden, ::testing::ValuesIn(discover()), case_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Golden);

// --- the dump itself -------------------------------------------------------------------------

struct CommaDecimal : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
};

text::Shaped fragment(const std::string& text, double width) {
  text::Shaped s;
  s.text = text;
  s.width_pt = width;
  return s;
}

// Intent: the dump joins fragments set edge to edge into words, marks raised runs and inserted
// hyphens, collapses dot leaders, spells invisible characters and writes numbers in the
// classic locale whatever the global locale is.
TEST(GoldenDump, WritesWordsFlagsAndClassicNumbers) {
  text::Shaped ka = fragment("ka", 10), ti = fragment("tı", 8), hyphen = fragment("-", 3), note = fragment("1", 4),
               dot = fragment(".", 2), soft = fragment("a\u00ADb", 9), number = fragment("12", 9);
  layout::LaidOutBook book;
  layout::Element line;
  line.height = 14;
  line.keep_with_next = true;
  line.ends_with_hyphen = true;
  line.runs = {{&ka, 0, 10, {}}, {&ti, 10, 10, {}}, {&hyphen, 18, 10, {}}, {&note, 30, 7, {}}, {&soft, 40, 10, {}}};
  layout::Element leaders;
  leaders.height = 12;
  for (int i = 0; i < 5; ++i) leaders.runs.push_back({&dot, 100.0 + 5 * i, 9, {}});
  leaders.runs.push_back({&number, -0.04, 9, {}});
  layout::Page page;
  page.label = "iv";
  page.recto = false;
  page.show_furniture = false;
  page.content = {{&line, 0}, {&leaders, 14.25}};
  book.pages.push_back(page);

  std::locale previous = std::locale::global(std::locale(std::locale::classic(), new CommaDecimal));
  std::string dump = layout::dump(book);
  std::locale::global(previous);

  EXPECT_NE(dump.find("page 1 label=\"iv\" verso body no-furniture"), std::string::npos) << dump;
  EXPECT_NE(dump.find("y=0.0 h=14.0 keep <hyphen>\n    | katı- ^1 a<U+00AD>b @ 0.0 30.0 40.0\n"), std::string::npos) << dump;
  EXPECT_NE(dump.find("y=14.3 h=12.0\n    | 12 .×5 @ 0.0 100.0..120.0\n"), std::string::npos) << dump;
  EXPECT_EQ(dump.find(','), std::string::npos) << dump;
}

// Intent: diagnostics are listed one a line with their code first.
TEST(GoldenDump, ListsDiagnosticsWithTheirCode) {
  DiagnosticSink sink;
  sink.error("text.missing-glyph", Location{{}, 0, 0, "page 3"}, "font 'X' has no glyph for 'y' (U+0079)");
  EXPECT_EQ(layout::dump_diagnostics(sink.diagnostics()),
            "[text.missing-glyph] page 3: error: font 'X' has no glyph for 'y' (U+0079)\n");
}

}  // namespace
