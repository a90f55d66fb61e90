// Prints the size of every type that crosses the plugin boundary and the offset of each of its
// members, one per line. meta.sdk_layout compares the output with tests/meta/sdk-layout.txt: a
// line that changes breaks plugins built against an earlier 2.x SDK (docs/plugin-guide.md §5).
// A 2.x addition only adds lines (a member carved from reserved room) and shrinks a reserved
// array's line; everything else stays byte for byte.
#include <dizgi/diagnostics.hpp>
#include <dizgi/model/dataset.hpp>
#include <dizgi/model/document.hpp>
#include <dizgi/sdk/datasource.hpp>
#include <dizgi/sdk/layout.hpp>
#include <dizgi/sdk/plugin.hpp>

#include <cstddef>
#include <iostream>

// Blocks derive from BlockBase, so they are not standard-layout; GCC and Clang still give the
// offsets of such members, which is all this program needs.
#pragma GCC diagnostic ignored "-Winvalid-offsetof"

#define SIZE(T) std::cout << #T << " size " << sizeof(T) << " align " << alignof(T) << '\n'
#define AT(T, m) std::cout << #T "." #m " " << offsetof(T, m) << '\n'

int main() {
  using namespace dizgi;
  using namespace dizgi::doc;
  SIZE(PluginInfo); AT(PluginInfo, struct_size); AT(PluginInfo, abi); AT(PluginInfo, id); AT(PluginInfo, kind);
  AT(PluginInfo, version); AT(PluginInfo, toolchain);
  SIZE(ComponentInfo); AT(ComponentInfo, kind); AT(ComponentInfo, id); AT(ComponentInfo, description);
  AT(ComponentInfo, create_datasource); AT(ComponentInfo, create_layout);
  SIZE(Location); AT(Location, file); AT(Location, line); AT(Location, column); AT(Location, where);
  SIZE(Diagnostic);
  SIZE(Decimal); AT(Decimal, units); AT(Decimal, scale);
  SIZE(Date); AT(Date, year); AT(Date, month); AT(Date, day);
  SIZE(Value);
  SIZE(Column); AT(Column, name); AT(Column, type); AT(Column, nullable); AT(Column, scale);
  SIZE(dizgi::Table); SIZE(Dataset);
  SIZE(DataSourceContext);
  SIZE(LayoutContext); AT(LayoutContext, data); AT(LayoutContext, metadata); AT(LayoutContext, params);
  AT(LayoutContext, texts); AT(LayoutContext, text_files); AT(LayoutContext, base_dir); AT(LayoutContext, sink);
  AT(LayoutContext, allow_outside); AT(LayoutContext, reserved);
  SIZE(Origin); AT(Origin, file); AT(Origin, line); AT(Origin, where); AT(Origin, what);
  SIZE(InlineStyle); AT(InlineStyle, bold); AT(InlineStyle, italic); AT(InlineStyle, small_caps);
  AT(InlineStyle, script); AT(InlineStyle, color); AT(InlineStyle, style); AT(InlineStyle, reserved);
  SIZE(Span); AT(Span, kind); AT(Span, text); AT(Span, style); AT(Span, target); AT(Span, footnote); AT(Span, reserved);
  SIZE(Footnote); AT(Footnote, content);
  SIZE(BlockBase); AT(BlockBase, id); AT(BlockBase, style); AT(BlockBase, keep_together);
  AT(BlockBase, keep_with_next); AT(BlockBase, float_mode); AT(BlockBase, origin); AT(BlockBase, props);
  AT(BlockBase, reserved);
  SIZE(Heading); AT(Heading, level); AT(Heading, content); AT(Heading, number); AT(Heading, in_toc);
  AT(Heading, chapter_opener); AT(Heading, reserved_heading);
  SIZE(Paragraph); AT(Paragraph, content); AT(Paragraph, reserved_paragraph);
  SIZE(ListItem); AT(ListItem, content); AT(ListItem, level); AT(ListItem, reserved);
  SIZE(List); AT(List, ordered); AT(List, items); AT(List, reserved_list);
  SIZE(NumberFormat); AT(NumberFormat, fraction_digits); AT(NumberFormat, percent); AT(NumberFormat, group);
  AT(NumberFormat, negative); AT(NumberFormat, scale_power); AT(NumberFormat, reserved);
  SIZE(TableCell); AT(TableCell, content); AT(TableCell, value); AT(TableCell, format); AT(TableCell, col_span);
  AT(TableCell, row_span); AT(TableCell, align); AT(TableCell, style); AT(TableCell, reserved);
  SIZE(TableColumn); AT(TableColumn, width); AT(TableColumn, align); AT(TableColumn, aggregate);
  AT(TableColumn, reserved);
  SIZE(TableRow); AT(TableRow, kind); AT(TableRow, cells); AT(TableRow, style); AT(TableRow, origin);
  AT(TableRow, reserved);
  SIZE(CarriedTotals); AT(CarriedTotals, enabled); AT(CarriedTotals, carried_label);
  AT(CarriedTotals, brought_label); AT(CarriedTotals, reserved);
  SIZE(doc::Table); AT(doc::Table, caption); AT(doc::Table, note); AT(doc::Table, columns); AT(doc::Table, header);
  AT(doc::Table, body); AT(doc::Table, footer); AT(doc::Table, carried); AT(doc::Table, keep_whole_rows);
  AT(doc::Table, page); AT(doc::Table, reserved_table);
  SIZE(Axis); AT(Axis, title); AT(Axis, scale_note); AT(Axis, minimum); AT(Axis, maximum); AT(Axis, format);
  AT(Axis, reserved);
  SIZE(ChartSeries); AT(ChartSeries, name); AT(ChartSeries, values); AT(ChartSeries, color);
  AT(ChartSeries, labels); AT(ChartSeries, colors); AT(ChartSeries, format); AT(ChartSeries, reserved);
  SIZE(Chart); AT(Chart, kind); AT(Chart, caption); AT(Chart, categories); AT(Chart, series);
  AT(Chart, value_axis); AT(Chart, category_axis); AT(Chart, alt_text); AT(Chart, show_values);
  AT(Chart, reserved_chart);
  SIZE(FormField); AT(FormField, name); AT(FormField, label); AT(FormField, kind); AT(FormField, value);
  AT(FormField, required); AT(FormField, read_only); AT(FormField, max_length); AT(FormField, choices);
  AT(FormField, help); AT(FormField, unit); AT(FormField, column_span); AT(FormField, signer);
  AT(FormField, reserved);
  SIZE(Form); AT(Form, title); AT(Form, body); AT(Form, fields); AT(Form, columns);
  AT(Form, reserved_form_int); AT(Form, reserved_form);
  SIZE(Image); AT(Image, path); AT(Image, caption); AT(Image, width); AT(Image, alt_text); AT(Image, reserved_image);
  SIZE(Break); AT(Break, kind); AT(Break, reserved);
  SIZE(ListOf); AT(ListOf, kind); AT(ListOf, title); AT(ListOf, depth); AT(ListOf, reserved_listof);
  SIZE(Cover); AT(Cover, title); AT(Cover, subtitle); AT(Cover, organisation); AT(Cover, year); AT(Cover, logo);
  AT(Cover, reserved_cover);
  SIZE(Block); SIZE(Section); AT(Section, matter); AT(Section, blocks); AT(Section, reserved);
  SIZE(Metadata); AT(Metadata, title); AT(Metadata, author); AT(Metadata, subject); AT(Metadata, keywords);
  AT(Metadata, language); AT(Metadata, year); AT(Metadata, reserved);
  SIZE(Document); AT(Document, metadata); AT(Document, sections); AT(Document, reserved);
  return 0;
}
