// Table cells: the text a typed value is written as (Turkish formats, scaling, negatives in
// parentheses, the template's missing-value marker) and the row kinds' roles.
#pragma once

#include <dizgi/model/document.hpp>

#include <string>

namespace dizgi::layout {

// The text of a typed value. A null value gives `missing`; text is returned as it is.
std::string format_value(const Value& value, const doc::NumberFormat& format, const std::string& missing);

// The row kind a row has in its section: rows of the header are header rows, rows of the
// footer total rows (unless marked subtotal), body rows keep theirs.
doc::RowKind effective_kind(const doc::TableRow& row, int section /*0 header, 1 body, 2 footer*/);

}  // namespace dizgi::layout
