// What a table brings to a page break: at the foot of the page its carried totals ("Nakli
// yekûn") or the closing rule, and at the top of the next page its continuation caption
// ("Tablo 3 (devamı)"), its header rows and the same totals brought forward ("Devreden").
// Carried figures are the exact sums of the body rows placed before the break, written once
// with the column's format; they are set when the page run asks for them.
#pragma once

#include "layout/page_model.hpp"
#include "layout/table/rows.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dizgi::layout {

// The running sums of a table's summed columns (aggregate = sum) over its body rows of kind
// body: group, subtotal and total rows are not added again.
class ColumnSums {
 public:
  ColumnSums(const TableGrid& grid, const std::vector<doc::TableColumn>& columns);
  bool empty() const { return columns_.empty(); }
  const std::vector<std::size_t>& columns() const { return columns_; }
  // The sum of column columns()[k] over the first `rows` body rows.
  const Decimal& sum(std::size_t k, std::size_t rows) const { return prefix_[k][rows]; }
  // The format of the column's figures (its first typed body cell's).
  const doc::NumberFormat& format(std::size_t k) const { return formats_[k]; }

 private:
  std::vector<std::size_t> columns_;
  std::vector<std::vector<Decimal>> prefix_;
  std::vector<doc::NumberFormat> formats_;
};

// Checks the subtotal and total rows a layout composed against the exact sums of their rows: a
// subtotal is the sum of the body rows since the last group, subtotal or total row; a total
// row of the footer the sum of all body rows. Each mismatch is reported through `problem`.
void check_totals(const TableGrid& grid, const std::vector<doc::TableColumn>& columns,
                  const std::function<void(const std::string&)>& problem);

class TableContinuation : public Splittable {
 public:
  struct Carried {
    ColumnSums sums;
    std::string carried_label, brought_label;
    std::vector<std::size_t> rows_before;  // by element index: body rows started before it
    std::size_t last_row = 0;              // index of the table's last row element
  };

  // `caption`: the continuation caption lines; `header`: the header rows; `closing`: what ends
  // the table's part on a page without carried totals (its bottom rule), may be empty.
  TableContinuation(std::vector<Element> caption, std::vector<Element> header, std::vector<Element> closing);
  // Makes the table carry its totals across breaks: the rows are set with `rows`'s geometry
  // through a paragraph setter of its own on `shaper` (both must outlive the pages).
  void carry(const Template& style, const RowSetter& rows, text::Shaper& shaper, Carried carried);

  std::vector<const Element*> continuation(std::size_t next) const override;
  std::vector<const Element*> foot(std::size_t next) const override;
  double foot_height(std::size_t next) const override;

 private:
  struct Totals;
  const Element* totals_row(std::size_t next, bool brought) const;

  std::vector<Element> caption_;
  std::vector<Element> header_;
  std::vector<Element> closing_;
  std::shared_ptr<Totals> totals_;
};

}  // namespace dizgi::layout
