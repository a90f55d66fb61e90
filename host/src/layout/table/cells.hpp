// Table cells: the text a typed value is written as (Turkish formats, scaling, negatives in
// parentheses, the template's missing-value marker) and the row kinds' roles.
#pragma once

#include <dizgi/model/document.hpp>

#include <optional>
#include <string>
#include <vector>

namespace dizgi::layout {

// The text of a typed value. A null value gives `missing`; text is returned as it is.
std::string format_value(const Value& value, const doc::NumberFormat& format, const std::string& missing);

// The spans a cell is set from: its rich content, or its typed value written with its format.
// In text a one-word unit in parentheses stays with the word before it ("Oran (%)", "Tutar
// (TL)", "uzunluğu (km)"), so that "(%)" never stands alone; a unit of several words ("(Bin
// TL)") is never broken inside. The spaces are made no-break.
std::vector<doc::Span> cell_spans(const doc::TableCell& cell, const std::string& missing);

// `text` with its short parenthesized units bound (no-break spaces).
std::string bind_units(const std::string& text);

// A typed number (an integer or an exact decimal, or a null figure): never hyphenated.
bool is_figure(const doc::TableCell& cell);

// The exact value of a numeric cell, or nothing (text, null, a date).
std::optional<Decimal> exact_value(const doc::TableCell& cell);

// The row kind a row has in its section: rows of the header are header rows, rows of the
// footer total rows (unless marked subtotal), body rows keep theirs.
doc::RowKind effective_kind(const doc::TableRow& row, int section /*0 header, 1 body, 2 footer*/);

}  // namespace dizgi::layout
