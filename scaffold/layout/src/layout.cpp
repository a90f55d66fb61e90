// @NAME@: a dizgi report layout.
//
// `dizgi new-layout @NAME@` wrote this file as a starting point; dizgi's docs/plugin-guide.md
// walks through it. A layout decides what goes where: it reads the dataset (context.data) and
// the narrative texts (context.texts) and returns a document of sections and blocks. How the
// blocks look is the template's business (template.xml), never the layout's.
#include <dizgi/model/collate.hpp>
#include <dizgi/model/format.hpp>
#include <dizgi/sdk/plugin.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using namespace dizgi;

// A layout parameter from book.xml (<param name="..." value="..."/>), or `fallback`.
std::string param(const LayoutContext& context, const std::string& name, const std::string& fallback) {
  auto found = context.params.find(name);
  return found == context.params.end() ? fallback : found->second;
}

// One row of the `harcama` table, read by column name.
struct Line {
  std::string birim;
  Value odenek;
  Value harcama;
};

// Reads the table the book's data source produced. A missing table or column is an error that
// names the table (Dataset::table and Table::require_column throw dizgi::Error).
std::vector<Line> read_lines(const Dataset& data) {
  const Table& table = data.table("harcama");
  const std::size_t birim = table.require_column("birim");
  const std::size_t odenek = table.require_column("odenek");
  const std::size_t harcama = table.require_column("harcama");
  std::vector<Line> lines;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    const std::vector<Value>& row = table.row(r);
    lines.push_back({std::get<std::string>(row[birim]), row[odenek], row[harcama]});
  }
  // Turkish alphabetical order (ç after c, ı before i), the same the host's data views use.
  std::stable_sort(lines.begin(), lines.end(),
                   [](const Line& a, const Line& b) { return compare_tr(a.birim, b.birim) < 0; });
  return lines;
}

// The front matter: a cover and the table of contents, with Roman page numbers.
doc::Section front_matter(const LayoutContext& context) {
  doc::Section front;
  front.matter = doc::Matter::front;
  doc::Cover cover;
  cover.title = context.metadata.title;
  cover.subtitle = context.metadata.subject;
  cover.organisation = context.metadata.author;
  if (context.metadata.year != 0) cover.year = std::to_string(context.metadata.year);
  front.blocks.push_back(cover);
  doc::ListOf contents;
  contents.kind = doc::ListOfKind::contents;
  contents.title = "İçindekiler";
  contents.depth = 2;
  front.blocks.push_back(contents);
  return front;
}

doc::Heading heading(int level, const std::string& text, bool chapter_opener = false) {
  doc::Heading h;
  h.level = level;
  h.content.push_back(doc::text_span(text));
  h.chapter_opener = chapter_opener;
  return h;
}

// The budget table: one row per unit with typed figures. The engine writes them in Turkish
// (1.234.567,89), lines them up on the decimal comma and shows a missing figure with the
// template's marker, never as 0. The total row's figures are checked against the rows above.
doc::Table budget_table(const std::vector<Line>& lines) {
  doc::Table table;
  table.id = "tablo-harcama";
  table.caption = "Birimlere Göre Ödenek ve Harcama";
  table.note = "(TL)";
  table.origin.file = "data/harcama.csv";
  table.origin.what = "Tablo: Birimlere Göre Ödenek ve Harcama";
  table.columns = {{"auto", doc::Align::start},
                   {"auto", doc::Align::decimal, doc::Aggregate::sum},
                   {"auto", doc::Align::decimal, doc::Aggregate::sum},
                   {"auto", doc::Align::end}};
  table.header.push_back({{doc::TableCell("Birim"), doc::TableCell("Ödenek", doc::Align::end),
                           doc::TableCell("Harcama", doc::Align::end),
                           doc::TableCell("Gerçekleşme (%)", doc::Align::end)}});
  doc::NumberFormat money;  // two decimals, grouped
  doc::NumberFormat rate;
  rate.fraction_digits = 1;
  Decimal total_odenek{0, 2}, total_harcama{0, 2};
  for (const Line& line : lines) {
    doc::TableRow row;
    row.cells.push_back(doc::TableCell(line.birim));
    row.cells.push_back(doc::TableCell::typed(line.odenek, money));
    row.cells.push_back(doc::TableCell::typed(line.harcama, money));
    // A rate is shown only where both figures exist. (A real layout reads rates the host
    // derived in its data stage; this one is the layout's own example.)
    if (is_null(line.harcama) || is_null(line.odenek) || std::get<Decimal>(line.odenek) == Decimal{0, 2}) {
      row.cells.push_back(doc::TableCell::null());
    } else {
      Decimal percent = divide(std::get<Decimal>(line.harcama) * Decimal{100, 0}, std::get<Decimal>(line.odenek), 1);
      row.cells.push_back(doc::TableCell::typed(percent, rate));
    }
    total_odenek = total_odenek + std::get<Decimal>(line.odenek);
    if (!is_null(line.harcama)) total_harcama = total_harcama + std::get<Decimal>(line.harcama);
    table.body.push_back(std::move(row));
  }
  doc::TableRow total;
  total.kind = doc::RowKind::total;
  total.cells = {doc::TableCell("Toplam"), doc::TableCell::typed(total_odenek, money),
                 doc::TableCell::typed(total_harcama, money), doc::TableCell::null()};
  table.footer.push_back(std::move(total));
  return table;
}

// A bar chart of the same figures: one category per unit, two series. Null values leave a gap.
doc::Chart budget_chart(const std::vector<Line>& lines, std::size_t count) {
  doc::Chart chart;
  chart.id = "grafik-harcama";
  chart.kind = doc::ChartKind::bar;
  chart.caption = "Ödenek ve Harcama";
  chart.value_axis.scale_note = "Milyon TL";
  chart.value_axis.format.fraction_digits = 0;
  doc::ChartSeries odenek, harcama;
  odenek.name = "Ödenek";
  harcama.name = "Harcama";
  for (std::size_t i = 0; i < lines.size() && i < count; ++i) {
    chart.categories.push_back(lines[i].birim);
    auto millions = [](const Value& v) -> Value {
      if (is_null(v)) return std::monostate{};
      return divide(std::get<Decimal>(v), Decimal{1000000, 0}, 1);
    };
    odenek.values.push_back(millions(lines[i].odenek));
    harcama.values.push_back(millions(lines[i].harcama));
  }
  chart.series = {odenek, harcama};
  return chart;
}

class Layout final : public dizgi::Layout {
 public:
  doc::Document compose(const LayoutContext& context) override {
    doc::Document document;
    document.metadata = context.metadata;
    document.sections.push_back(front_matter(context));

    doc::Section body;
    body.blocks.push_back(heading(1, "Ödenek ve Harcama", true));
    // A narrative text from book.xml, parsed as markup (paragraphs, **bold**, lists, ...).
    auto text = context.texts.find("giris");
    if (text != context.texts.end()) {
      auto file = context.text_files.find("giris");
      for (doc::Block& block : parse_markup(text->second, "body", file == context.text_files.end() ? "" : file->second))
        body.blocks.push_back(std::move(block));
    } else {
      context.sink->warn("layout.missing-text", Location{}, "the book has no text 'giris'",
                            "add <text id=\"giris\" file=\"...\"/> to book.xml");
    }
    const std::vector<Line> lines = read_lines(*context.data);
    body.blocks.push_back(heading(2, "Birimler"));
    body.blocks.push_back(budget_table(lines));
    const std::size_t count = static_cast<std::size_t>(std::atoi(param(context, "birim-sayisi", "6").c_str()));
    body.blocks.push_back(budget_chart(lines, count));
    document.sections.push_back(std::move(body));
    return document;
  }
};

dizgi::Layout* make_layout() { return new Layout; }

void register_layout(Registry& registry) {
  ComponentInfo info{};
  info.kind = ComponentKind::layout;
  info.id = "@NAME@";
  info.description = "@NAME@ report layout";
  info.create_layout = make_layout;
  registry.add_component(info, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("@NAME@", "layout", "0.1.0", register_layout)
