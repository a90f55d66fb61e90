// Reading typed values from the dataset leniently (a data source may deliver a year as text or
// a boolean as 0/1) and building table cells. Internal to the faaliyet-raporu plugin.
#pragma once

#include "faaliyet_raporu.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/dataset.hpp>
#include <dizgi/model/document.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dizgi::faaliyet {

// Text of a value: strings as they are, numbers in classic form, null as "".
std::string text_of(const Value& value);
// Exact decimal of an integer, decimal or numeric text ("12.5" or "12,5"); nullopt for null/junk.
std::optional<Decimal> decimal_of(const Value& value);
// A money amount: decimal_of, with null counted as zero.
Decimal amount_of(const Value& value);
std::optional<int64_t> integer_of(const Value& value);
// true, nonzero integers and the texts "1", "true", "evet" (any case of ASCII letters).
bool boolean_of(const Value& value);

// Value of `column` in `row`, or null when the table has no such column (optional columns).
const Value& optional_at(const Table& table, std::size_t row, const std::string& column);

// A number as a Turkish display string: integers grouped, decimals with their own digits.
std::string display_number(const Value& value);

// An identifier fragment safe for anchors: "H1.2" -> "h1-2".
std::string anchor_of(const std::string& text);

// Where a table came from, for diagnostics.
Location location_of(const Table& table, const std::string& where = {});

doc::Span span(std::string text, bool bold = false);
doc::TableCell cell(std::string text, doc::Align align = doc::Align::start, std::string style = {});
doc::TableCell header_cell(std::string text, doc::Align align = doc::Align::start);
doc::Paragraph paragraph(std::vector<doc::Span> content, std::string style = "body");

// Typed figure cells (the host writes them with the Turkish formats, aligns the decimals and
// shows a null as the book's missing-value marker, never as 0):
// amounts in thousands of TL, rounded once from the exact value ("(Bin TL)" in the header);
doc::TableCell thousands_cell(const Value& value);
// percentages in percent units with two decimals (the unit is in the header: "Oran (%)");
doc::TableCell percent_cell(const Value& value);
// counts and other whole or decimal quantities as they are.
doc::TableCell count_cell(const Value& value);
// A row of `kind` (group, subtotal, total) from its cells.
doc::TableRow row_of_kind(std::vector<doc::TableCell> cells, doc::RowKind kind);
// Appends a row of a derived table: its 'TOPLAM' row (`is_total`) as the footer's total row,
// any other to the body.
void add_summary_row(doc::Table& table, doc::TableRow row, bool is_total);

}  // namespace dizgi::faaliyet
