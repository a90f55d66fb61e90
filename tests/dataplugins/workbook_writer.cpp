#include "workbook_writer.hpp"

#include <zip.h>

#include <stdexcept>

namespace dizgi::test {

void write_zip(const std::string& path, const ZipParts& parts) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("zip_open failed");
  for (const auto& [name, content] : parts) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (!source || zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE) < 0) {
      zip_source_free(source);
      zip_discard(archive);
      throw std::runtime_error("zip_file_add failed");
    }
  }
  // The buffers must live until zip_close writes them.
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
}

static std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else out.push_back(c);
  }
  return out;
}

void write_xlsx(const std::string& path,
                const std::vector<std::pair<std::string, std::string>>& sheets,
                const std::vector<std::string>& shared, const std::string& styles_xml,
                bool date1904) {
  const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  ZipParts parts;
  std::string workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + ns +
                         "\" xmlns:r=\"" + rns + "\">";
  if (date1904) workbook += "<workbookPr date1904=\"1\"/>";
  workbook += "<sheets>";
  std::string rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                     "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    std::string id = std::to_string(i + 1);
    workbook += "<sheet name=\"" + escape(sheets[i].first) + "\" sheetId=\"" + id +
                "\" r:id=\"rId" + id + "\"/>";
    rels += "<Relationship Id=\"rId" + id + "\" Type=\"" + rns + "/worksheet\" Target=\"worksheets/sheet" +
            id + ".xml\"/>";
    parts.push_back({"xl/worksheets/sheet" + id + ".xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + ns +
                         "\"><sheetData>" + sheets[i].second + "</sheetData></worksheet>"});
  }
  workbook += "</sheets></workbook>";
  if (!shared.empty()) {
    rels += "<Relationship Id=\"rIdS\" Type=\"" + rns + "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
    std::string sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + ns + "\">";
    for (const auto& s : shared) sst += "<si><t xml:space=\"preserve\">" + escape(s) + "</t></si>";
    parts.push_back({"xl/sharedStrings.xml", sst + "</sst>"});
  }
  if (!styles_xml.empty()) {
    rels += "<Relationship Id=\"rIdT\" Type=\"" + rns + "/styles\" Target=\"styles.xml\"/>";
    parts.push_back({"xl/styles.xml", styles_xml});
  }
  rels += "</Relationships>";
  parts.push_back({"xl/workbook.xml", workbook});
  parts.push_back({"xl/_rels/workbook.xml.rels", rels});
  parts.push_back({"[Content_Types].xml",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
                   "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"});
  write_zip(path, parts);
}

void write_ods(const std::string& path, const std::string& tables_xml) {
  std::string content =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
      "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
      "<office:body><office:spreadsheet>" +
      tables_xml + "</office:spreadsheet></office:body></office:document-content>";
  write_zip(path, {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                   {"content.xml", content}});
}

}  // namespace dizgi::test
