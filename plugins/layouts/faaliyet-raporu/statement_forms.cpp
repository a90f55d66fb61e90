// The assurance statements as forms (domain §2.10, §8.1): the annex text word for word
// (statements.hpp), then the reservations, then the signature block — Yer – Tarih, İmza, Adı
// SOYADI, Unvanı — filled from the `beyan` row of the statement's kind and year. Nothing is
// guessed from unit names or layout parameters: a statement without its row is printed with
// empty signature fields and a warning naming the table.
#include "composer.hpp"
#include "statements.hpp"

#include <dizgi/model/case.hpp>
#include <dizgi/model/form.hpp>
#include <dizgi/model/format.hpp>

namespace dizgi::faaliyet {

namespace {

// "Şükrü Çağlayan Işıkgöz" -> "Şükrü Çağlayan IŞIKGÖZ": the surname (the last word) in capitals
// with the Turkish case rules, as signature blocks write it.
std::string signature_name(const std::string& name) {
  const std::size_t end = name.find_last_not_of(' ');
  if (end == std::string::npos) return name;
  const std::size_t space = name.find_last_of(' ', end);
  if (space == std::string::npos) return upper_tr(name.substr(0, end + 1));
  return name.substr(0, space + 1) + upper_tr(name.substr(space + 1, end - space));
}

// A date value (or ISO text) in the numeric Turkish form; other text as it is.
std::string date_text(const Value& value) {
  if (const auto* date = std::get_if<Date>(&value)) return format_date_tr(*date);
  const std::string iso = text_of(value);
  if (iso.size() == 10 && iso[4] == '-' && iso[7] == '-') {
    auto y = Decimal::parse(iso.substr(0, 4)), m = Decimal::parse(iso.substr(5, 2)),
         d = Decimal::parse(iso.substr(8, 2));
    if (y && m && d && y->scale == 0 && m->scale == 0 && d->scale == 0) {
      return format_date_tr(Date{static_cast<int32_t>(y->units), static_cast<int32_t>(m->units),
                                 static_cast<int32_t>(d->units)});
    }
  }
  return iso;
}

}  // namespace

std::optional<std::size_t> statement_row(const Composer& c, const std::string& kind,
                                         const std::optional<std::string>& unit_id) {
  const Table* table = c.data.find("beyan");
  if (table == nullptr) return std::nullopt;
  for (std::size_t r = 0; r < table->row_count(); ++r) {
    if (text_of(table->at(r, "tur")) != kind || !c.is_report_year(*table, r)) continue;
    if (unit_id && text_of(optional_at(*table, r, "birim_id")) != *unit_id) continue;
    return r;
  }
  return std::nullopt;
}

doc::Form statement_form(const Composer& c, StatementKind kind, const std::optional<std::string>& unit_id) {
  std::string_view title;
  std::vector<std::string_view> body;
  std::string code, id;
  switch (kind) {
    case StatementKind::idare:
      title = statements::idare_title;
      body.assign(statements::idare.begin(), statements::idare.end());
      code = "ic_kontrol_idare";
      id = "ic-kontrol-guvence-beyani";
      break;
    case StatementKind::birim:
      title = statements::birim_title;
      body.assign(statements::birim.begin(), statements::birim.end());
      code = "ic_kontrol_birim";
      id = "ic-kontrol-guvence-beyani-birim";
      break;
    case StatementKind::mali_hizmetler:
      title = statements::mali_hizmetler_title;
      body.assign(statements::mali_hizmetler.begin(), statements::mali_hizmetler.end());
      code = "mali_hizmetler";
      id = "mali-hizmetler-beyani";
      break;
  }
  doc::Form form;
  form.id = id;
  form.title = std::string(title);
  form.style = "beyan";
  const std::map<std::string, std::string> values{{"yil", std::to_string(c.year)}};
  for (std::string_view text : body) form.body.push_back(paragraph({span(doc::fill_placeholders(text, values))}, "beyan"));

  std::string place_date, signer, position;
  if (auto row = statement_row(c, code, kind == StatementKind::birim ? unit_id : std::nullopt)) {
    const Table& t = c.data.table("beyan");
    const std::string place = text_of(optional_at(t, *row, "yer"));
    const std::string date = date_text(optional_at(t, *row, "tarih"));
    place_date = place.empty() ? date : date.empty() ? place : place + ", " + date;
    signer = signature_name(text_of(t.at(*row, "imzalayan")));
    position = text_of(optional_at(t, *row, "unvan"));
    const std::string reservation = text_of(optional_at(t, *row, "cekinceler"));
    if (reservation.find_first_not_of(" \t\r\n") != std::string::npos) {
      form.body.push_back(paragraph({span("Çekince: ", true), span(reservation)}, "beyan"));
    }
  } else {
    c.sink.warn("layout.missing-statement",
                Location{"", 0, 0, "table 'beyan', tur '" + code + "', yil " + std::to_string(c.year)},
                "no signer for the statement '" + std::string(title) + "'",
                "add the statement's row (imzalayan, unvan, yer, tarih) to the beyan table; the "
                "signature fields are left empty");
  }
  // A published statement is signed, not filled in: no field becomes a form field on the web.
  form.fields = doc::signature_block(1, "", place_date, signer, position);
  for (doc::FormField& field : form.fields) field.read_only = true;
  return form;
}

}  // namespace dizgi::faaliyet
