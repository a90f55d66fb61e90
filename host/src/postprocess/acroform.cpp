#include "postprocess/acroform.hpp"

#include "util/atomic_file.hpp"

#include <dizgi/diagnostics.hpp>

#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <sstream>

namespace dizgi::postprocess {

namespace {

constexpr const char* font_family = "DejaVu Sans";
constexpr const char* font_resource = "/DzSans";

// Windows-1254 (Turkish) for the form font: WinAnsiEncoding with six differences. Code → Unicode
// for 0x80–0xFF (0 = unused); below 0x80 codes are ASCII.
constexpr uint16_t high_codes[128] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
    0,      0,      0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
    0x0161, 0x203A, 0x0153, 0,      0,      0x0178, 0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6,
    0x00A7, 0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF, 0x00B0, 0x00B1, 0x00B2, 0x00B3,
    0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF, 0x00C0,
    0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD,
    0x00CE, 0x00CF, 0x011E, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA,
    0x00DB, 0x00DC, 0x0130, 0x015E, 0x00DF, 0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF, 0x011F, 0x00F1, 0x00F2, 0x00F3, 0x00F4,
    0x00F5, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x0131, 0x015F, 0x00FF};

uint32_t unicode_of(int code) { return code < 0x80 ? static_cast<uint32_t>(code) : high_codes[code - 0x80]; }

// UTF-8 text in the form font's encoding; characters it lacks become '?'.
std::string encode_1254(const std::string& utf8) {
  static const std::map<uint32_t, char> codes = [] {
    std::map<uint32_t, char> m;
    for (int c = 0x80; c < 0x100; ++c)
      if (high_codes[c - 0x80]) m[high_codes[c - 0x80]] = static_cast<char>(c);
    return m;
  }();
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const unsigned char b = static_cast<unsigned char>(utf8[i]);
    uint32_t cp = b;
    int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
    if (extra) cp = b & (0x3F >> extra);
    for (int k = 1; k <= extra && i + k < utf8.size(); ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
    i += static_cast<std::size_t>(extra) + 1;
    if (cp >= 0x20 && cp < 0x7F) out += static_cast<char>(cp);
    else if (auto it = codes.find(cp); it != codes.end()) out += it->second;
    else out += '?';
  }
  return out;
}

std::string literal(const std::string& bytes) {
  std::string out = "(";
  for (char c : bytes) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out + ")";
}

std::string number(double v) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out.setf(std::ios::fixed);
  out.precision(2);
  out << v;
  return out.str();
}

std::string find_font_file() {
  FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>("DejaVu Sans:style=Book"));
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  std::string file, family;
  if (match) {
    FcChar8* value = nullptr;
    if (FcPatternGetString(match, FC_FILE, 0, &value) == FcResultMatch) file = reinterpret_cast<char*>(value);
    if (FcPatternGetString(match, FC_FAMILY, 0, &value) == FcResultMatch) family = reinterpret_cast<char*>(value);
    FcPatternDestroy(match);
  }
  FcPatternDestroy(pattern);
  const bool truetype = file.size() > 4 && file.compare(file.size() - 4, 4, ".ttf") == 0;
  if (family != font_family || !truetype) {
    throw Error(ErrorCode::usage, Location{"fonts/fonts.conf"},
                "the form font 'DejaVu Sans' (TrueType) is not installed; fillable forms need it",
                "install the Debian package fonts-dejavu-core");
  }
  return file;
}

int16_t be16(const char* p) {
  return static_cast<int16_t>((static_cast<unsigned char>(p[0]) << 8) | static_cast<unsigned char>(p[1]));
}

// The form font: DejaVu Sans embedded whole (a user may type any letter), simple TrueType with
// the Windows-1254 encoding, widths from the font.
QPDFObjectHandle form_font(QPDF& pdf) {
  const std::string file = find_font_file();
  const std::string bytes = util::read_file(file);
  hb_blob_t* blob = hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY,
                                   nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  hb_font_t* font = hb_font_create(face);
  const unsigned upem = hb_face_get_upem(face);
  hb_font_set_scale(font, static_cast<int>(upem), static_cast<int>(upem));
  auto scaled = [&](double v) { return std::lround(v * 1000.0 / upem); };
  QPDFObjectHandle widths = QPDFObjectHandle::newArray();
  for (int code = 32; code < 256; ++code) {
    hb_codepoint_t glyph = 0;
    const uint32_t u = unicode_of(code);
    long w = 0;
    if (u && hb_font_get_nominal_glyph(font, u, &glyph)) w = scaled(hb_font_get_glyph_h_advance(font, glyph));
    widths.appendItem(QPDFObjectHandle::newInteger(w));
  }
  hb_font_extents_t extents{};
  hb_font_get_h_extents(font, &extents);
  hb_blob_t* head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
  unsigned head_size = 0;
  const char* h = hb_blob_get_data(head, &head_size);
  QPDFObjectHandle bbox = QPDFObjectHandle::newArray();
  for (int k = 0; k < 4; ++k) bbox.appendItem(QPDFObjectHandle::newInteger(head_size >= 44 ? scaled(be16(h + 36 + 2 * k)) : 0));
  hb_blob_destroy(head);
  hb_font_destroy(font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);

  QPDFObjectHandle program = QPDFObjectHandle::newStream(&pdf, bytes);
  program.getDict().replaceKey("/Length1", QPDFObjectHandle::newInteger(static_cast<long long>(bytes.size())));
  QPDFObjectHandle descriptor = QPDFObjectHandle::newDictionary();
  descriptor.replaceKey("/Type", QPDFObjectHandle::newName("/FontDescriptor"));
  descriptor.replaceKey("/FontName", QPDFObjectHandle::newName("/DejaVuSans"));
  descriptor.replaceKey("/Flags", QPDFObjectHandle::newInteger(32));
  descriptor.replaceKey("/FontBBox", bbox);
  descriptor.replaceKey("/ItalicAngle", QPDFObjectHandle::newInteger(0));
  descriptor.replaceKey("/Ascent", QPDFObjectHandle::newInteger(scaled(extents.ascender)));
  descriptor.replaceKey("/Descent", QPDFObjectHandle::newInteger(scaled(extents.descender)));
  descriptor.replaceKey("/CapHeight", QPDFObjectHandle::newInteger(scaled(extents.ascender)));
  descriptor.replaceKey("/StemV", QPDFObjectHandle::newInteger(80));
  descriptor.replaceKey("/FontFile2", program);
  QPDFObjectHandle encoding = QPDFObjectHandle::parse(
      "<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [ 208 /Gbreve 221 /Idotaccent /Scedilla "
      "240 /gbreve 253 /dotlessi /scedilla ] >>");
  QPDFObjectHandle dict = QPDFObjectHandle::newDictionary();
  dict.replaceKey("/Type", QPDFObjectHandle::newName("/Font"));
  dict.replaceKey("/Subtype", QPDFObjectHandle::newName("/TrueType"));
  dict.replaceKey("/BaseFont", QPDFObjectHandle::newName("/DejaVuSans"));
  dict.replaceKey("/FirstChar", QPDFObjectHandle::newInteger(32));
  dict.replaceKey("/LastChar", QPDFObjectHandle::newInteger(255));
  dict.replaceKey("/Widths", widths);
  dict.replaceKey("/Encoding", encoding);
  dict.replaceKey("/FontDescriptor", pdf.makeIndirectObject(descriptor));
  return pdf.makeIndirectObject(dict);
}

double font_size_for(const layout::FieldWidget& w, double height) {
  if (w.kind == doc::FieldKind::multiline) return 9;
  return std::min(9.0, std::max(6.0, height - 4));
}

QPDFObjectHandle appearance(QPDF& pdf, double w, double h, const std::string& content, QPDFObjectHandle resources) {
  QPDFObjectHandle stream = QPDFObjectHandle::newStream(&pdf, content);
  QPDFObjectHandle dict = stream.getDict();
  dict.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
  dict.replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
  dict.replaceKey("/BBox", QPDFObjectHandle::newFromRectangle(QPDFObjectHandle::Rectangle(0, 0, w, h)));
  if (!resources.isNull()) dict.replaceKey("/Resources", resources);
  return stream;
}

// The appearance of a text or choice field showing `value` (lines top down for multi-line).
std::string text_appearance(const layout::FieldWidget& widget, double h, double size) {
  std::string content = "/Tx BMC\nq\nBT\n" + std::string(font_resource) + " " + number(size) + " Tf\n0 g\n";
  std::istringstream lines(widget.value);
  std::string line;
  double y = widget.kind == doc::FieldKind::multiline ? h - 2 - size : (h - size) / 2 + size * 0.22;
  bool first = true;
  while (std::getline(lines, line)) {
    content += (first ? "2 " + number(y) + " Td\n" : "0 " + number(-size * 1.2) + " Td\n") + literal(encode_1254(line)) +
               " Tj\n";
    first = false;
    if (widget.kind != doc::FieldKind::multiline) break;
  }
  return content + "ET\nQ\nEMC\n";
}

bool is_figure(doc::FieldKind kind) {
  return kind == doc::FieldKind::number || kind == doc::FieldKind::money || kind == doc::FieldKind::percentage;
}

// The stored value (/V) of a prefilled figure: Turkish digits without grouping ("1.234,5" →
// "1234,5", "%12,5" → "12,5"), what the keystroke script below stores for a typed value, and
// what both the viewers' number scripts and the pdfform source read. Text that is no number
// stays as it is.
std::string stored_figure(const std::string& shown) {
  const std::optional<Decimal> value = Decimal::parse_tr(shown);
  if (!value) return shown;
  std::string out = value->to_string();
  if (auto dot = out.find('.'); dot != std::string::npos) out[dot] = ',';
  return out;
}

// The format (/F) and keystroke (/K) scripts of a number or date field, with the functions of
// Acrobat's form library that PDF.js and other viewers also provide: the viewer shows a figure
// with Turkish grouping and decimal comma (separator style 2: "1.234,50"; a percentage "%12,5")
// and refuses letters; a date is dd.mm.yyyy. AFNumber_Keystroke turns the committed text into
// a number ("1234,5" → 1234.5); the keystroke script writes it back with the decimal comma, so
// the stored value stays Turkish and never reads as a grouped figure ("1.234"). A number or
// percentage keeps its own decimals, money always shows two. Empty for other kinds.
std::pair<std::string, std::string> field_scripts(doc::FieldKind kind) {
  const std::string own_digits = "var m = String(event.value).match(/[.,](\\d+)$/); var n = m ? Math.min(m[1].length, 6) : 0; ";
  const std::string keep_comma =
      " if (event.willCommit && event.rc !== false && event.value !== \"\") "
      "event.value = String(event.value).replace(\".\", \",\");";
  switch (kind) {
    case doc::FieldKind::number:
      return {own_digits + "AFNumber_Format(n, 2, 0, 0, \"\", false);",
              "AFNumber_Keystroke(6, 2, 0, 0, \"\", false);" + keep_comma};
    case doc::FieldKind::money:
      return {"AFNumber_Format(2, 2, 0, 0, \"\", false);", "AFNumber_Keystroke(2, 2, 0, 0, \"\", false);" + keep_comma};
    case doc::FieldKind::percentage:
      // The sign before the figure ("%12,5", "-%4,2"), added after formatting: a "%" passed as
      // the currency would reach PDF.js's printf as part of its format.
      return {own_digits + "AFNumber_Format(n, 2, 0, 0, \"\", false); " +
                  "if (event.value) event.value = String(event.value).charAt(0) == \"-\" ? "
                  "\"-%\" + String(event.value).substring(1) : \"%\" + event.value;",
              "AFNumber_Keystroke(6, 2, 0, 0, \"\", false);" + keep_comma};
    case doc::FieldKind::date:
      return {"AFDate_FormatEx(\"dd.mm.yyyy\");", "AFDate_KeystrokeEx(\"dd.mm.yyyy\");"};
    default: return {};
  }
}

QPDFObjectHandle javascript(const std::string& code) {
  QPDFObjectHandle action = QPDFObjectHandle::newDictionary();
  action.replaceKey("/S", QPDFObjectHandle::newName("/JavaScript"));
  action.replaceKey("/JS", QPDFObjectHandle::newString(code));
  return action;
}

}  // namespace

std::string field_kind_name(doc::FieldKind kind) {
  switch (kind) {
    case doc::FieldKind::text: return "text";
    case doc::FieldKind::multiline: return "multiline";
    case doc::FieldKind::date: return "date";
    case doc::FieldKind::signature: return "signature";
    case doc::FieldKind::checkbox: return "checkbox";
    case doc::FieldKind::number: return "number";
    case doc::FieldKind::money: return "money";
    case doc::FieldKind::percentage: return "percentage";
    case doc::FieldKind::choice:
    case doc::FieldKind::radio: return "choice";
    case doc::FieldKind::heading:
    case doc::FieldKind::invalid: break;
  }
  return "text";
}

std::vector<QPDFObjectHandle> add_form_fields(QPDF& pdf, const render::PageGeometry& g) {
  std::vector<QPDFObjectHandle> widgets;
  if (g.fields.empty()) return widgets;
  const std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
  QPDFObjectHandle font = form_font(pdf);
  QPDFObjectHandle fonts = QPDFObjectHandle::newDictionary();
  fonts.replaceKey(font_resource, font);
  // The check mark viewers draw when they redraw a check box (/MK /CA "4"): a standard font,
  // used by no page content.
  fonts.replaceKey("/ZaDb", QPDFObjectHandle::parse("<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>"));
  QPDFObjectHandle resources = QPDFObjectHandle::newDictionary();
  resources.replaceKey("/Font", fonts);
  resources = pdf.makeIndirectObject(resources);

  QPDFObjectHandle top = QPDFObjectHandle::newArray();  // the AcroForm's /Fields
  // Non-terminal fields by their qualified name ("gosterge", "gosterge.PG1", ...).
  std::map<std::string, QPDFObjectHandle> parents;
  std::map<std::string, int> used;
  for (const render::FieldRecord& record : g.fields) {
    const layout::FieldWidget& w = record.widget;
    std::string name = w.name.empty() ? "alan" : w.name;
    // A name used twice (reported by layout) gets a suffix: two fields never share a value.
    if (int n = used[name]++; n > 0) name += "_" + std::to_string(n + 1);
    const double width = record.x1 - record.x0, height = record.y1 - record.y0;
    QPDFObjectHandle page = pages.at(static_cast<std::size_t>(record.page)).getObjectHandle();
    QPDFObjectHandle field = QPDFObjectHandle::newDictionary();
    field.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
    field.replaceKey("/Subtype", QPDFObjectHandle::newName("/Widget"));
    field.replaceKey("/Rect", QPDFObjectHandle::newFromRectangle(
                                  QPDFObjectHandle::Rectangle(record.x0, record.y0, record.x1, record.y1)));
    field.replaceKey("/P", page);
    field.replaceKey("/F", QPDFObjectHandle::newInteger(4));  // print
    field.replaceKey("/TU", QPDFObjectHandle::newUnicodeString(w.tooltip.empty() ? w.name : w.tooltip));
    field.replaceKey("/DizgiKind", QPDFObjectHandle::newName("/" + field_kind_name(w.kind)));
    if (!w.form_id.empty()) field.replaceKey("/DizgiForm", QPDFObjectHandle::newUnicodeString(w.form_id));
    int flags = (w.read_only ? 1 : 0) | (w.required ? 2 : 0);
    const double size = font_size_for(w, height);
    field.replaceKey("/DA", QPDFObjectHandle::newString(std::string(font_resource) + " " + number(size) + " Tf 0 g"));
    QPDFObjectHandle mk = QPDFObjectHandle::newDictionary();
    mk.replaceKey("/BC", QPDFObjectHandle::parse("[0.55 0.6 0.7]"));
    field.replaceKey("/MK", mk);
    QPDFObjectHandle ap = QPDFObjectHandle::newDictionary();
    if (w.kind == doc::FieldKind::checkbox) {
      const bool on = w.value == "true" || w.value == "Evet" || w.value == "1";
      field.replaceKey("/FT", QPDFObjectHandle::newName("/Btn"));
      field.replaceKey("/V", QPDFObjectHandle::newName(on ? "/Yes" : "/Off"));
      field.replaceKey("/AS", QPDFObjectHandle::newName(on ? "/Yes" : "/Off"));
      mk.replaceKey("/CA", QPDFObjectHandle::newString("4"));
      field.replaceKey("/DA", QPDFObjectHandle::newString("/ZaDb 0 Tf 0 g"));
      const std::string tick = "q 0 g 1 w 1 J 1 j " + number(width * 0.2) + " " + number(height * 0.5) + " m " +
                               number(width * 0.42) + " " + number(height * 0.2) + " l " + number(width * 0.82) + " " +
                               number(height * 0.82) + " l S Q\n";
      QPDFObjectHandle states = QPDFObjectHandle::newDictionary();
      states.replaceKey("/Yes", appearance(pdf, width, height, tick, QPDFObjectHandle::newNull()));
      states.replaceKey("/Off", appearance(pdf, width, height, "", QPDFObjectHandle::newNull()));
      ap.replaceKey("/N", states);
    } else {
      if (w.kind == doc::FieldKind::choice || w.kind == doc::FieldKind::radio) {
        field.replaceKey("/FT", QPDFObjectHandle::newName("/Ch"));
        flags |= 1 << 17;  // combo box
        QPDFObjectHandle options = QPDFObjectHandle::newArray();
        for (const std::string& c : w.choices) options.appendItem(QPDFObjectHandle::newUnicodeString(c));
        field.replaceKey("/Opt", options);
      } else {
        field.replaceKey("/FT", QPDFObjectHandle::newName("/Tx"));
        if (w.kind == doc::FieldKind::multiline) flags |= 1 << 12;
        if (w.max_length > 0) field.replaceKey("/MaxLen", QPDFObjectHandle::newInteger(w.max_length));
      }
      if (!w.value.empty())
        field.replaceKey("/V", QPDFObjectHandle::newUnicodeString(is_figure(w.kind) ? stored_figure(w.value) : w.value));
      if (const auto [format, keystroke] = field_scripts(w.kind); !format.empty()) {
        QPDFObjectHandle actions = QPDFObjectHandle::newDictionary();
        actions.replaceKey("/F", javascript(format));
        actions.replaceKey("/K", javascript(keystroke));
        field.replaceKey("/AA", actions);
      }
      ap.replaceKey("/N", appearance(pdf, width, height, text_appearance(w, height, size), resources));
    }
    field.replaceKey("/AP", ap);
    if (flags) field.replaceKey("/Ff", QPDFObjectHandle::newInteger(flags));

    // The qualified name: each dotted part but the last is a non-terminal field.
    std::string qualified, partial = name;
    QPDFObjectHandle parent = QPDFObjectHandle::newNull();
    for (std::size_t dot = name.find('.'), start = 0; dot != std::string::npos; start = dot + 1, dot = name.find('.', start)) {
      const std::string part = name.substr(start, dot - start);
      const std::string path = qualified.empty() ? part : qualified + "." + part;
      auto it = parents.find(path);
      if (it == parents.end()) {
        QPDFObjectHandle node = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        node.replaceKey("/T", QPDFObjectHandle::newUnicodeString(part));
        node.replaceKey("/Kids", QPDFObjectHandle::newArray());
        if (parent.isNull()) top.appendItem(node);
        else {
          node.replaceKey("/Parent", parent);
          parent.getKey("/Kids").appendItem(node);
        }
        it = parents.emplace(path, node).first;
      }
      parent = it->second;
      qualified = path;
      partial = name.substr(dot + 1);
    }
    field.replaceKey("/T", QPDFObjectHandle::newUnicodeString(partial));
    QPDFObjectHandle handle = pdf.makeIndirectObject(field);
    if (parent.isNull()) top.appendItem(handle);
    else {
      handle.replaceKey("/Parent", parent);
      parent.getKey("/Kids").appendItem(handle);
    }
    if (!page.getKey("/Annots").isArray()) page.replaceKey("/Annots", QPDFObjectHandle::newArray());
    page.getKey("/Annots").appendItem(handle);
    page.replaceKey("/Tabs", QPDFObjectHandle::newName("/R"));
    widgets.push_back(handle);
  }
  QPDFObjectHandle form = QPDFObjectHandle::newDictionary();
  form.replaceKey("/Fields", top);
  form.replaceKey("/DR", resources);
  form.replaceKey("/DA", QPDFObjectHandle::newString(std::string(font_resource) + " 9 Tf 0 g"));
  // Viewers regenerate appearances from the stored values (a prefilled field already has one).
  form.replaceKey("/NeedAppearances", QPDFObjectHandle::newBool(true));
  pdf.getRoot().replaceKey("/AcroForm", pdf.makeIndirectObject(form));
  return widgets;
}

}  // namespace dizgi::postprocess
