// Fixture "frozen-2.0": a layout compiled against the SDK headers exactly as ABI 2.0 shipped them
// (tests/plugins/frozen-2.0/include, never edited). The current host must still load it and lay
// out what it composes after every later 2.x addition: this is the proof of the growth rule in
// docs/plugin-guide.md §5. It uses every block kind and the 2.0 fields that cross the boundary.
#include <dizgi/sdk/plugin.hpp>

#include <memory>
#include <string>
#include <utility>

namespace {

namespace doc = dizgi::doc;

doc::Origin origin(int line, std::string what) {
  doc::Origin o;
  o.file = "frozen-2.0";
  o.line = line;
  o.what = std::move(what);
  return o;
}

doc::TableCell money(const char* classic) {
  doc::NumberFormat format;
  format.fraction_digits = 2;
  return doc::TableCell::typed(*dizgi::Decimal::parse(classic), format);
}

class FrozenLayout final : public dizgi::Layout {
 public:
  doc::Document compose(const dizgi::LayoutContext& context) override {
    doc::Document document;
    document.metadata = context.metadata;
    document.metadata.title = "frozen-2.0";

    doc::Section body;
    body.matter = doc::Matter::body;

    doc::Heading heading;
    heading.level = 1;
    heading.id = "giris";
    heading.content.push_back(doc::text_span("Dondurulmuş başlıklar"));
    heading.origin = origin(1, "heading");
    body.blocks.emplace_back(std::move(heading));

    for (doc::Block& block : dizgi::parse_markup(
             "Tablo için bkz. [@frozen-tablo]; dipnot burada.[^ Dipnot metni.]\n\n- bir\n- iki",
             "body", "frozen-2.0.txt"))
      body.blocks.push_back(std::move(block));

    doc::Table table;
    table.id = "frozen-tablo";
    table.caption = "Dondurulmuş Tablo";
    table.origin = origin(20, "table");
    table.columns = {{"60%", doc::Align::start}, {"40%", doc::Align::decimal}};
    table.header.push_back({doc::TableCell("Kalem"), doc::TableCell("Tutar (TL)", doc::Align::end)});
    table.body.push_back(doc::TableRow({doc::TableCell("Gruplar")}, doc::RowKind::group));
    table.body.push_back({doc::TableCell("Personel"), money("1234.5")});
    table.body.push_back({doc::TableCell("Yatırım"), doc::TableCell::null()});
    table.footer.push_back({doc::TableCell("Toplam"), money("1234.5")});
    body.blocks.emplace_back(std::move(table));

    doc::Chart chart;
    chart.id = "frozen-grafik";
    chart.caption = "Dondurulmuş Grafik";
    chart.categories = {"A", "B"};
    doc::ChartSeries series;
    series.name = "Seri";
    series.values = {dizgi::Value(*dizgi::Decimal::parse("12.5")), dizgi::Value()};
    chart.series.push_back(std::move(series));
    body.blocks.emplace_back(std::move(chart));

    doc::Form form;
    form.title = "Beyan";
    doc::FormField field;
    field.name = "imza";
    field.label = "İmza";
    field.kind = doc::FieldKind::signature;
    form.fields.push_back(std::move(field));
    body.blocks.emplace_back(std::move(form));

    document.sections.push_back(std::move(body));
    return document;
  }
};

dizgi::Layout* make_layout() { return new FrozenLayout; }

void register_frozen(dizgi::Registry& registry) {
  dizgi::ComponentInfo info{};
  info.kind = dizgi::ComponentKind::layout;
  info.id = "frozen-2.0";
  info.description = "layout built against the frozen SDK 2.0 headers";
  info.create_layout = make_layout;
  registry.add_component(info, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("frozen-2.0", "layout", "2.0.0", register_frozen)
