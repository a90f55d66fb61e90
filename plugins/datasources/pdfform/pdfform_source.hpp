// The pdfform data source: the fields of filled PDF forms — the fillable forms dizgi writes in
// the web profile (docs/forms.md) — read from their stored values (/V), never from their
// appearances, which some viewers do not regenerate.
//
//   <source name="toplanan" plugin="pdfform" folder="doldurulan"/>   every *.pdf of a folder
//   <source name="birim" plugin="pdfform" file="form.pdf" form="veri-toplama/1"/>
//
// One table (named by `table=`, default the source's name) with a row per field per file:
//   dosya (text), form (text), alan (text: the field's full name), tur (text: its kind),
//   metin (text), sayi (decimal), tarih (date), isaret (boolean)
// and the value in the column of its kind: text, multi-line and choice fields in `metin`;
// number, money and percentage in `sayi` as exact decimals ("1.234,5" → 1234.5); dates
// ("31.12.2025") in `tarih`; checkboxes in `isaret` (ticked → true, unticked → false). An
// unfilled field is null in every value column, never 0 or "".
//
// Problems are errors naming the file and the field: a field dizgi did not write (unknown), a
// value that is not of its field's kind, a form of another template or version than `form=`
// (default: the first file's).
#pragma once

#include <dizgi/sdk/datasource.hpp>

#include <string>

namespace dizgi::pdfform {

class Source : public DataSource {
 public:
  void load(const DataSourceContext& context, Dataset& dataset) override;
};

// Reads the PDF `bytes` (named `file` in messages) into rows of `table`; problems go to `sink`
// as errors. `expected_form` is the form id every file must carry (set from the first file
// when empty). Returns the number of problems.
int read_form(const std::string& bytes, const std::string& file, std::string& expected_form, Table& table,
              DiagnosticSink& sink);

// The columns of the table.
std::vector<Column> columns();

}  // namespace dizgi::pdfform
