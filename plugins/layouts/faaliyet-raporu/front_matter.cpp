// Book craft of the front matter from the data: the covers (front and back, the engine's cover
// block in the family look), the imprint (künye) on the back of the cover, the signature under
// the foreword, and the Kısaltmalar list built from the abbreviations the composed book actually
// uses.
#include "composer.hpp"

#include <dizgi/model/case.hpp>
#include <dizgi/model/format.hpp>

#include <algorithm>
#include <map>

namespace dizgi::faaliyet {

namespace {

// Abbreviations the books (this report, the Performans Programı, the Stratejik Plan) may use,
// with their long forms (template defaults); a book lists only those it uses.
const std::map<std::string, std::string>& known_abbreviations() {
  static const std::map<std::string, std::string> names = {
      {"A.Ş.", "Anonim Şirketi"},
      {"BT", "Bilgi Teknolojileri"},
      {"CBS", "Coğrafi Bilgi Sistemi"},
      {"EBYS", "Elektronik Belge Yönetim Sistemi"},
      {"FSEK", "Fikir ve Sanat Eserleri Kanunu"},
      {"GZFT", "Güçlü Yönler, Zayıf Yönler, Fırsatlar ve Tehditler"},
      {"KBS", "Kent Bilgi Sistemi"},
      {"KOS", "Kamu İç Kontrol Standardı"},
      {"LED", "Işık Yayan Diyot (Light Emitting Diode)"},
      {"PESTLE", "Politik, Ekonomik, Sosyokültürel, Teknolojik, Yasal ve Çevresel Etkenler"},
      {"PG", "Performans Göstergesi"},
      {"RG", "Resmî Gazete"},
      {"SGK", "Sosyal Güvenlik Kurumu"},
      {"SKA", "Sürdürülebilir Kalkınma Amaçları"},
      {"TL", "Türk Lirası"},
  };
  return names;
}

bool is_word_char(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Whether `word` occurs in `text` as a word of its own (or as the head of a code: "PG1.1.1",
// "KOS12").
bool uses(const std::string& text, const std::string& word) {
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || !is_word_char(static_cast<unsigned char>(text[at - 1]));
    const std::size_t end = at + word.size();
    const bool ends = end >= text.size() || !std::isalpha(static_cast<unsigned char>(text[end])) ||
                      word.back() == '.';
    if (starts && ends && !(end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80)) return true;
  }
  return false;
}

void collect_text(const std::vector<doc::Span>& spans, std::string& out) {
  for (const doc::Span& span : spans) {
    out += span.text;
    out += ' ';
  }
}

// All the text of the composed blocks: paragraphs, headings, lists, table cells and captions.
std::string text_of_blocks(const std::vector<doc::Section>& sections) {
  std::string out;
  for (const doc::Section& section : sections) {
    for (const doc::Block& block : section.blocks) {
      if (const auto* p = std::get_if<doc::Paragraph>(&block)) collect_text(p->content, out);
      if (const auto* h = std::get_if<doc::Heading>(&block)) collect_text(h->content, out);
      if (const auto* l = std::get_if<doc::List>(&block)) {
        for (const doc::ListItem& item : l->items) collect_text(item.content, out);
      }
      if (const auto* t = std::get_if<doc::Table>(&block)) {
        out += t->caption + ' ' + t->note + ' ';
        for (const auto* rows : {&t->header, &t->body, &t->footer}) {
          for (const doc::TableRow& row : *rows) {
            for (const doc::TableCell& cell : row.cells) {
              collect_text(cell.content, out);
              if (const auto* s = std::get_if<std::string>(&cell.value)) out += *s + ' ';
            }
          }
        }
      }
      if (const auto* f = std::get_if<doc::Form>(&block)) {
        for (const doc::Paragraph& p : f->body) collect_text(p.content, out);
      }
    }
  }
  return out;
}

// "Kuzeykent Su ve Kanalizasyon İdaresi (KUSKİ)" -> {"KUSKİ", "Kuzeykent Su ve Kanalizasyon
// İdaresi"}: abbreviations the data defines in its own names.
void defined_in(const std::string& name, std::map<std::string, std::string>& out) {
  const std::size_t open = name.rfind(" (");
  if (open == std::string::npos || name.empty() || name.back() != ')') return;
  const std::string short_form = name.substr(open + 2, name.size() - open - 3);
  if (short_form.empty() || short_form.size() > 12 || upper_tr(short_form) != short_form) return;
  out.emplace(short_form, name.substr(0, open));
}

}  // namespace

void add_imprint(const Composer& c, Blocks& out, const std::string& title, const std::string& preparer) {
  const Table* idare = c.data.find("idare");
  if (idare == nullptr || idare->row_count() == 0) return;
  auto field = [&](const char* column) { return text_of(optional_at(*idare, 0, column)); };
  std::vector<std::pair<std::string, std::string>> lines = {
      {"Yayımlayan", field("ad")},
      {"Adres", field("adres")},
      {"Telefon", field("telefon")},
      {"E-posta", field("eposta")},
      {"İnternet", field("web")},
  };
  // The unit that prepares the report: the one given (a Birim report's own unit), else the
  // strategy unit by its type of work, when the data names one through the mali hizmetler
  // statement's unit; else left out.
  if (!preparer.empty()) {
    lines.insert(lines.begin() + 1, {"Hazırlayan", preparer});
  } else if (auto row = statement_row(c, "mali_hizmetler")) {
    const Table& beyan = c.data.table("beyan");
    const std::string unit_id = text_of(optional_at(beyan, *row, "birim_id"));
    if (const Table* units = c.data.find("birim")) {
      for (std::size_t r = 0; r < units->row_count(); ++r)
        if (text_of(units->at(r, "id")) == unit_id) lines.insert(lines.begin() + 1, {"Hazırlayan", text_of(units->at(r, "ad"))});
    }
  }
  doc::Heading heading = make_heading(2, "", "Künye", "kunye");
  heading.in_toc = false;
  out.emplace_back(std::move(heading));
  out.emplace_back(paragraph({span(title, true)}, "kunye"));
  for (const auto& [label, value] : lines) {
    if (value.empty()) continue;
    out.emplace_back(paragraph({span(label + ": ", true), span(value)}, "kunye"));
  }
  out.emplace_back(paragraph(
      {span("Bu rapor, 5018 sayılı Kamu Mali Yönetimi ve Kontrol Kanununun 41 inci maddesi ve Kamu "
            "İdarelerince Hazırlanacak Faaliyet Raporları Hakkında Yönetmelik uyarınca hazırlanmıştır. "
            "Kaynak gösterilerek alıntı yapılabilir.")},
      "kunye"));
}

doc::Cover front_cover(const Composer& c, const BookCover& book) {
  doc::Cover cover;
  cover.id = "kapak";
  cover.title = book.title;
  cover.subtitle = book.subtitle;
  cover.year = book.year;
  cover.organisation = c.context.metadata.author;
  const Table* idare = c.data.find("idare");
  if (idare != nullptr && idare->row_count() > 0) {
    if (std::string name = text_of(optional_at(*idare, 0, "ad")); !name.empty()) cover.organisation = name;
    // The address as people write it: without the scheme.
    std::string web = text_of(optional_at(*idare, 0, "web"));
    for (const char* scheme : {"https://", "http://"})
      if (web.rfind(scheme, 0) == 0) web.erase(0, std::char_traits<char>::length(scheme));
    if (!web.empty()) cover.props["web"] = web;
  }
  cover.logo = c.file_param("logo");
  cover.props["accent"] = c.param("kapak_rengi", book.accent);
  return cover;
}

doc::Cover back_cover(const Composer& c, const BookCover& book, const std::string& full_title) {
  doc::Cover cover = front_cover(c, book);
  cover.id = "arka-kapak";
  cover.title = full_title;
  cover.subtitle.clear();
  cover.year.clear();
  cover.props["side"] = "back";
  if (const Table* idare = c.data.find("idare"); idare != nullptr && idare->row_count() > 0) {
    auto field = [&](const char* column) { return text_of(optional_at(*idare, 0, column)); };
    if (std::string address = field("adres"); !address.empty()) cover.props["address"] = address;
    if (std::string phone = field("telefon"); !phone.empty()) cover.props["phone"] = "Telefon: " + phone;
    if (std::string mail = field("eposta"); !mail.empty()) cover.props["email"] = mail;
  }
  return cover;
}

void add_foreword_signature(const Composer& c, Blocks& out, bool photo_placeholder) {
  const Table* idare = c.data.find("idare");
  if (idare == nullptr || idare->row_count() == 0) return;
  const std::string name = text_of(optional_at(*idare, 0, "ust_yonetici"));
  std::string title = text_of(optional_at(*idare, 0, "ust_yonetici_unvan"));
  if (name.empty()) {
    c.sink.warn("layout.missing-value", location_of(*idare, "table 'idare', column 'ust_yonetici'"),
                "the foreword has no signer", "fill idare.ust_yonetici");
    return;
  }
  const std::size_t space = name.find_last_of(' ');
  const std::string signed_name =
      space == std::string::npos ? upper_tr(name) : name.substr(0, space + 1) + upper_tr(name.substr(space + 1));
  out.emplace_back(paragraph({span(signed_name, true)}, "imza"));
  if (!title.empty()) out.emplace_back(paragraph({span(title)}, "imza"));
  const std::string photo = c.param("baskan_fotografi", "");
  if (photo.empty() && !photo_placeholder) return;
  doc::Image image;
  image.id = "baskan-fotografi";
  image.width = "35mm";
  image.float_mode = doc::Float::none;  // under the signature it belongs to
  if (!photo.empty()) {
    image.path = photo;
    image.alt_text = name;
  } else {
    // The box of the photo for the designer to replace (35 × 45 mm, a portrait's proportions):
    // drawn, not content; the warning names the parameter that fills it.
    image.props["placeholder"] = "Fotoğraf";
    image.props["height"] = "45mm";
    c.sink.warn("layout.missing-photo", Location{"", 0, 0, "layout '" + c.layout_name + "', parameter 'baskan_fotografi'"},
                "the foreword has no photo of its signer; a framed placeholder is set in its place",
                "set <param name=\"baskan_fotografi\" value=\"…\"/> (a picture relative to the book file), "
                "or replace the placeholder in design");
  }
  out.emplace_back(std::move(image));
}

Blocks abbreviations(const Composer& c, const std::vector<doc::Section>& sections) {
  const std::string text = text_of_blocks(sections);
  std::map<std::string, std::string> candidates = known_abbreviations();
  for (const char* table_name : {"istirak", "birim"}) {
    if (const Table* table = c.data.find(table_name)) {
      for (std::size_t r = 0; r < table->row_count(); ++r) defined_in(text_of(table->at(r, "ad")), candidates);
    }
  }
  std::vector<std::pair<std::string, std::string>> used;
  for (const auto& [short_form, long_form] : candidates)
    if (uses(text, short_form)) used.emplace_back(short_form, long_form);
  std::stable_sort(used.begin(), used.end(),
                   [](const auto& a, const auto& b) { return compare_tr(a.first, b.first) < 0; });
  Blocks out;
  if (used.empty()) return out;
  // On the next page, recto or verso: a short list is not worth a blank page before it.
  out.emplace_back(doc::Break{doc::BreakKind::page, {}});
  out.emplace_back(make_heading(1, "", "Kısaltmalar", "kisaltmalar", false));
  doc::Table t;
  t.id = "tablo-kisaltmalar";
  t.columns = {{"18%", doc::Align::start}, {"82%", doc::Align::start}};
  for (const auto& [short_form, long_form] : used) t.body.push_back({cell(short_form, doc::Align::start, "kisaltma"), cell(long_form)});
  out.emplace_back(std::move(t));
  return out;
}

}  // namespace dizgi::faaliyet
