// Workbooks (XLSX and ODS) read as streams of rows, and the loader that binds sheets to tables
// of the standard schema. Both formats are zip archives of XML parts read with libzip and the
// libxml2 streaming reader; nothing holds a whole sheet in memory (XLSX shared strings are held,
// bounded by the zip limits).
#pragma once

#include "mapping.hpp"
#include "zip_archive.hpp"

#include <dizgi/sdk/datasource.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace dizgi::sheet {

struct SheetLimits {
  uint32_t max_rows = 2000000;
  uint32_t max_cols = 1024;
};

// Row numbers are 1-based; `cells` is dense from column A to the last non-empty cell.
using RowCallback =
    std::function<void(const std::string& sheet, uint32_t row, std::vector<data::Cell>& cells)>;
using SheetFilter = std::function<bool(const std::string& sheet)>;

class Workbook {
 public:
  virtual ~Workbook() = default;
  virtual std::vector<std::string> sheet_names() = 0;
  // Streams the rows of every sheet `want` accepts, in workbook order. Throws
  // Error(ErrorCode::data) naming the sheet and cell on bad content or a passed limit.
  virtual void read(const SheetFilter& want, const RowCallback& row) = 0;
};

std::unique_ptr<Workbook> open_xlsx(ZipArchive& archive, SheetLimits limits);
std::unique_ptr<Workbook> open_ods(ZipArchive& archive, SheetLimits limits);

// "C7" for column index 2 (0-based), row 7.
std::string cell_name(std::size_t column, uint32_t row);

// Called for each table met; returns the sink its rows go to.
using TableOpened = std::function<data::RowSink&(const data::SchemaTable& table)>;

// Binds sheets to tables (sheet=, table=, or every sheet named like a table) and streams their
// rows into the sinks `opened` returns. The first non-empty row of a sheet is its header.
// Unmatched sheets are reported to `sink` (may be null) and skipped. Returns the rows read.
std::size_t read_workbook(Workbook& workbook, const std::string& file, const data::Schema& schema,
                          const data::Params& params, const std::string& base_dir,
                          DiagnosticSink* sink, const TableOpened& opened);

// Limits from params: max-rows, max-cols, max-entry-mb, max-total-mb, max-ratio, max-entries.
SheetLimits sheet_limits(const data::Params& params, const Location& at);
ZipLimits zip_limits(const data::Params& params, const Location& at);

enum class Format { invalid = 0, xlsx, ods };

// Reads `file=` (a workbook of `format`) into the dataset.
void load(Format format, const DataSourceContext& context, Dataset& dataset);

class Source : public DataSource {
 public:
  explicit Source(Format format) : format_(format) {}
  void load(const DataSourceContext& context, Dataset& dataset) override {
    sheet::load(format_, context, dataset);
  }

 private:
  Format format_;
};

}  // namespace dizgi::sheet
