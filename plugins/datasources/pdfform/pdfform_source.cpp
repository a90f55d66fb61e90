#include "pdfform_source.hpp"

#include <dizgi/sdk/files.hpp>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFFormFieldObjectHelper.hh>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <vector>

namespace dizgi::pdfform {

namespace {

constexpr std::size_t max_pdf_bytes = 64u << 20;

std::string trim(std::string text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// "1.234,5", "1234,5", "-4,2", "%12,5", "12,5 %", "1.250,00 TL" → exact decimals; nullopt for
// other text. A value in the classic form a viewer's number script may store ("1234.5", "12.5")
// is read as such when it cannot be Turkish; "1.234" is always one thousand two hundred
// thirty-four (dizgi's own scripts store "1,234" for one point two three four).
std::optional<Decimal> number_tr(std::string text, bool percent, bool money) {
  if (percent) {
    if (!text.empty() && text.front() == '%') text = trim(text.substr(1));
    else if (ends_with(text, "%")) text = trim(text.substr(0, text.size() - 1));
  }
  if (money) {
    for (const std::string unit : {"TL", "₺"})
      if (ends_with(text, unit)) text = trim(text.substr(0, text.size() - unit.size()));
  }
  if (text.empty() || text.find_first_not_of("0123456789.,-") != std::string::npos) return std::nullopt;
  if (auto turkish = Decimal::parse_tr(text)) return turkish;
  if (text.find(',') == std::string::npos) return Decimal::parse(text);
  return std::nullopt;
}

// "31.12.2025" → a valid calendar date; nullopt for anything else.
std::optional<Date> date_tr(const std::string& text) {
  if (text.size() != 10 || text[2] != '.' || text[5] != '.') return std::nullopt;
  for (int i : {0, 1, 3, 4, 6, 7, 8, 9})
    if (text[static_cast<std::size_t>(i)] < '0' || text[static_cast<std::size_t>(i)] > '9') return std::nullopt;
  Date d{std::stoi(text.substr(6, 4)), std::stoi(text.substr(3, 2)), std::stoi(text.substr(0, 2))};
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days[d.month - 1]) return std::nullopt;
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.month == 2 && d.day == 29 && !leap) return std::nullopt;
  return d;
}

enum class Slot { text = 3, number, date, mark };

std::optional<Slot> slot_of(const std::string& kind) {
  if (kind == "text" || kind == "multiline" || kind == "choice" || kind == "signature") return Slot::text;
  if (kind == "number" || kind == "money" || kind == "percentage") return Slot::number;
  if (kind == "date") return Slot::date;
  if (kind == "checkbox") return Slot::mark;
  return std::nullopt;
}

}  // namespace

std::vector<Column> columns() {
  return {{"dosya", ValueType::text, false, 0},   {"form", ValueType::text, true, 0},
          {"alan", ValueType::text, false, 0},    {"tur", ValueType::text, false, 0},
          {"metin", ValueType::text, true, 0},    {"sayi", ValueType::decimal, true, 2},
          {"tarih", ValueType::date, true, 0},    {"isaret", ValueType::boolean, true, 0}};
}

int read_form(const std::string& bytes, const std::string& file, std::string& expected_form, Table& table,
              DiagnosticSink& sink) {
  int problems = 0;
  auto problem = [&](const std::string& field, const std::string& message, const std::string& hint) {
    ++problems;
    sink.error("data.pdfform", Location{file, 0, 0, field.empty() ? std::string() : "field '" + field + "'"}, message,
               hint);
  };
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  try {
    pdf.processMemoryFile(file.c_str(), bytes.data(), bytes.size());
  } catch (const std::exception& e) {
    problem("", std::string("not a readable PDF: ") + e.what(), "");
    return problems;
  }
  QPDFAcroFormDocumentHelper form(pdf);
  if (!form.hasAcroForm()) {
    problem("", "the PDF has no form fields", "give the fillable form written by dizgi's web profile");
    return problems;
  }
  bool reported_version = false;
  for (QPDFFormFieldObjectHelper field : form.getFormFields()) {
    const std::string name = field.getFullyQualifiedName();
    QPDFObjectHandle dict = field.getObjectHandle();
    QPDFObjectHandle kind_key = dict.getKey("/DizgiKind");
    const std::string kind = kind_key.isName() ? kind_key.getName().substr(1) : std::string();
    const std::optional<Slot> slot = slot_of(kind);
    if (!slot) {
      problem(name, "unknown field (not written by dizgi)", "fill the form dizgi wrote; do not add fields");
      continue;
    }
    QPDFObjectHandle form_key = dict.getKey("/DizgiForm");
    const std::string form_id = form_key.isString() ? form_key.getUTF8Value() : std::string();
    if (expected_form.empty()) expected_form = form_id;
    if (form_id != expected_form) {
      if (!reported_version) {
        problem(name, "the form is '" + form_id + "', another template or version than '" + expected_form + "'",
                "collect the forms of one template version in one source, or set form= on the source");
      }
      reported_version = true;
      continue;
    }
    std::vector<Value> row(8);
    row[0] = file;
    row[1] = form_id.empty() ? Value{} : Value{form_id};
    row[2] = name;
    row[3] = kind;
    QPDFObjectHandle v = field.getInheritableFieldValue("/V");
    if (*slot == Slot::mark) {
      // The on state is any name but /Off; a viewer may also store it as a string.
      if (v.isName()) row[7] = v.getName() != "/Off";
      else if (v.isString()) {
        const std::string state = trim(v.getUTF8Value());
        row[7] = state != "Off" && state != "/Off" && !state.empty();
      }
      table.add_row(std::move(row));
      continue;
    }
    std::string text;
    if (v.isString()) text = v.getUTF8Value();
    else if (v.isName()) text = v.getName().substr(1);
    else if (v.isArray() && v.getArrayNItems() > 0 && v.getArrayItem(0).isString()) text = v.getArrayItem(0).getUTF8Value();
    const std::string value = *slot == Slot::text ? text : trim(text);
    if (value.empty()) {  // unfilled: null
      table.add_row(std::move(row));
      continue;
    }
    switch (*slot) {
      case Slot::text: row[4] = value; break;
      case Slot::number:
        if (auto d = number_tr(value, kind == "percentage", kind == "money")) row[5] = *d;
        else {
          problem(name, "'" + value + "' is not a number (" + kind + " field)", "write Turkish numbers: 1.234,5");
          continue;
        }
        break;
      case Slot::date:
        if (auto d = date_tr(value)) row[6] = *d;
        else {
          problem(name, "'" + value + "' is not a date (gg.aa.yyyy)", "write the date as 31.12.2025");
          continue;
        }
        break;
      case Slot::mark: break;
    }
    table.add_row(std::move(row));
  }
  return problems;
}

void Source::load(const DataSourceContext& context, Dataset& dataset) {
  auto param = [&](const char* key) {
    auto it = context.params.find(key);
    return it == context.params.end() ? std::string() : it->second;
  };
  const std::string file = param("file"), folder = param("folder");
  if (file.empty() == folder.empty()) {
    throw Error(ErrorCode::usage, context.origin, "the pdfform source needs one of file= or folder=",
                "file=\"form.pdf\" reads one filled form, folder=\"doldurulan\" every PDF in a folder");
  }
  std::vector<ProjectFile> inputs;
  if (!file.empty()) {
    inputs.push_back(resolve_project_path(context, file));
  } else {
    ProjectFile dir = resolve_project_path(context, folder);
    std::error_code error;
    if (!std::filesystem::is_directory(dir.path, error)) {
      throw Error(ErrorCode::io, Location{dir.display}, "not a folder", "folder= names a folder of filled PDF forms");
    }
    std::vector<std::filesystem::path> pdfs;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path, error)) {
      std::string ext = entry.path().extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (ext == ".pdf") pdfs.push_back(entry.path());
    }
    std::sort(pdfs.begin(), pdfs.end());
    for (const auto& pdf : pdfs) {
      inputs.push_back(resolve_project_path(context, (std::filesystem::path(folder) / pdf.filename()).string()));
    }
    if (inputs.empty()) {
      context.sink->warn("data.pdfform", Location{dir.display}, "the folder has no PDF files", "");
    }
  }
  Table table(param("table").empty() ? context.name : param("table"), columns());
  table.source = !file.empty() ? file : folder;
  std::string expected = param("form");
  int problems = 0;
  for (const ProjectFile& input : inputs) {
    const std::string bytes = read_project_file(input, max_pdf_bytes, context.origin);
    problems += read_form(bytes, input.display, expected, table, *context.sink);
  }
  if (problems > 0) {
    throw Error(ErrorCode::data, Location{table.source}, std::to_string(problems) + " problem(s) in the filled forms",
                "see the errors above");
  }
  dataset.put(std::move(table));
}

}  // namespace dizgi::pdfform
