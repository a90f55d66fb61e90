// A minimal XLSX/ODS writer for the tests: just enough parts for a reader, so edge cases a
// spreadsheet program rarely writes (1904 dates, inline strings, huge repeats) can be made.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace dizgi::test {

using ZipParts = std::vector<std::pair<std::string, std::string>>;

// Writes a zip archive of `parts` (deflated) to `path`.
void write_zip(const std::string& path, const ZipParts& parts);

// An XLSX with the given sheets: (name, sheetData inner XML). `shared` are the shared strings,
// `styles_xml` the whole styles.xml (empty: none), `date1904` the workbook's date system.
void write_xlsx(const std::string& path,
                const std::vector<std::pair<std::string, std::string>>& sheets,
                const std::vector<std::string>& shared = {}, const std::string& styles_xml = {},
                bool date1904 = false);

// An ODS whose content.xml body is `tables_xml` (table:table elements).
void write_ods(const std::string& path, const std::string& tables_xml);

}  // namespace dizgi::test
