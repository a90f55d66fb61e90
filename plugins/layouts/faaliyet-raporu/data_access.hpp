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

}  // namespace dizgi::faaliyet
