// The pdfform reading core on forms made here with qpdf (no dizgi writer involved): stored
// values to typed rows, unfilled fields as null, and one error per bad field naming the file.
#include "pdfform_source.hpp"

#include <gtest/gtest.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <string>
#include <vector>

namespace {

using dizgi::Decimal;
using dizgi::Value;

struct Field {
  std::string name, kind;  // kind "" = no /DizgiKind (a field dizgi did not write)
  std::string value;       // "" = no /V
  std::string form = "vt/1";
  bool checkbox_name = false;  // /V as a name (/Yes, /Off)
};

// A one-page PDF whose AcroForm holds `fields` as flat terminal fields.
std::string form_pdf(const std::vector<Field>& fields) {
  QPDF pdf;
  pdf.emptyPDF();
  QPDFObjectHandle page = pdf.makeIndirectObject(QPDFObjectHandle::parse(
      "<< /Type /Page /MediaBox [0 0 200 200] /Contents null >>"));
  pdf.addPage(page, true);
  QPDFObjectHandle list = QPDFObjectHandle::newArray();
  for (const Field& f : fields) {
    QPDFObjectHandle d = QPDFObjectHandle::parse("<< /Type /Annot /Subtype /Widget /Rect [0 0 10 10] >>");
    d.replaceKey("/T", QPDFObjectHandle::newUnicodeString(f.name));
    d.replaceKey("/FT", QPDFObjectHandle::newName(f.kind == "checkbox" ? "/Btn" : "/Tx"));
    if (!f.kind.empty()) d.replaceKey("/DizgiKind", QPDFObjectHandle::newName("/" + f.kind));
    d.replaceKey("/DizgiForm", QPDFObjectHandle::newUnicodeString(f.form));
    if (!f.value.empty()) {
      d.replaceKey("/V", f.checkbox_name ? QPDFObjectHandle::newName("/" + f.value)
                                         : QPDFObjectHandle::newUnicodeString(f.value));
    }
    list.appendItem(pdf.makeIndirectObject(d));
  }
  QPDFObjectHandle acro = QPDFObjectHandle::newDictionary();
  acro.replaceKey("/Fields", list);
  pdf.getRoot().replaceKey("/AcroForm", acro);
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.write();
  auto buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

struct Read {
  dizgi::Table table{"t", dizgi::pdfform::columns()};
  dizgi::DiagnosticSink sink;
  int problems = 0;
};

Read read(const std::vector<Field>& fields, std::string expected = {}) {
  Read r;
  r.problems = dizgi::pdfform::read_form(form_pdf(fields), "a.pdf", expected, r.table, r.sink);
  return r;
}

}  // namespace

TEST(PdfForm, StoredValuesBecomeTypedValues) {
  Read r = read({{"g.sayi", "number", "1.234,5"},
                 {"g.tutar", "money", "1.250,00 TL"},
                 {"g.oran", "percentage", "%12,5"},
                 {"g.tarih", "date", "31.12.2025"},
                 {"g.metin", "multiline", "Işık ve ağaç: İ ı Ş ş Ğ ğ"},
                 {"g.evet", "checkbox", "Yes", "vt/1", true},
                 {"g.hayir", "checkbox", "Off", "vt/1", true},
                 {"g.bos", "number", ""},
                 {"g.bos_metin", "text", ""}});
  ASSERT_EQ(r.problems, 0);
  ASSERT_EQ(r.table.row_count(), 9u);
  EXPECT_EQ(r.table.at(0, "sayi"), Value(Decimal{12345, 1}));
  EXPECT_EQ(r.table.at(1, "sayi"), Value(Decimal{125000, 2}));
  EXPECT_EQ(r.table.at(2, "sayi"), Value(Decimal{125, 1}));
  EXPECT_EQ(r.table.at(3, "tarih"), Value(dizgi::Date{2025, 12, 31}));
  EXPECT_EQ(r.table.at(4, "metin"), Value(std::string("Işık ve ağaç: İ ı Ş ş Ğ ğ")));
  EXPECT_EQ(r.table.at(5, "isaret"), Value(true));
  EXPECT_EQ(r.table.at(6, "isaret"), Value(false));
  for (const char* column : {"metin", "sayi", "tarih", "isaret"}) {
    EXPECT_TRUE(dizgi::is_null(r.table.at(7, column))) << column;  // unfilled: null, not 0
    EXPECT_TRUE(dizgi::is_null(r.table.at(8, column))) << column;  // unfilled text: null, not ""
  }
  EXPECT_EQ(r.table.at(0, "alan"), Value(std::string("g.sayi")));
  EXPECT_EQ(r.table.at(0, "form"), Value(std::string("vt/1")));
}

TEST(PdfForm, BadValuesUnknownFieldsAndOtherVersionsAreNamed) {
  Read r = read({{"g.sayi", "number", "1,2,3"},
                 {"g.tarih", "date", "29.02.2025"},
                 {"eklenen", "", "x"},
                 {"g.tamam", "number", "7"}});
  EXPECT_EQ(r.problems, 3);
  ASSERT_EQ(r.sink.diagnostics().size(), 3u);
  EXPECT_EQ(dizgi::format(r.sink.diagnostics()[0]),
            "a.pdf: field 'g.sayi': error: '1,2,3' is not a number (number field) (hint: write Turkish numbers: 1.234,5)");
  EXPECT_NE(dizgi::format(r.sink.diagnostics()[1]).find("field 'g.tarih': error: '29.02.2025' is not a date"),
            std::string::npos);
  EXPECT_NE(dizgi::format(r.sink.diagnostics()[2]).find("field 'eklenen': error: unknown field"), std::string::npos);
  EXPECT_EQ(r.table.row_count(), 1u);  // only the good field
  Read other = read({{"g.sayi", "number", "1", "vt/2"}}, "vt/1");
  EXPECT_EQ(other.problems, 1);
  EXPECT_NE(dizgi::format(other.sink.diagnostics()[0]).find("the form is 'vt/2', another template or version than 'vt/1'"),
            std::string::npos);
}

TEST(PdfForm, NotAPdfIsOneError) {
  Read r;
  std::string expected;
  EXPECT_EQ(dizgi::pdfform::read_form("not a pdf at all", "x.pdf", expected, r.table, r.sink), 1);
  ASSERT_EQ(r.sink.diagnostics().size(), 1u);
  EXPECT_NE(dizgi::format(r.sink.diagnostics()[0]).find("x.pdf: error: not a readable PDF"), std::string::npos);
}
