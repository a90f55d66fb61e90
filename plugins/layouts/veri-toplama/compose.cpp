#include "veri_toplama.hpp"

#include <dizgi/model/case.hpp>
#include <dizgi/model/collate.hpp>
#include <dizgi/model/form.hpp>
#include <dizgi/model/format.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace dizgi::veri_toplama {

namespace {

std::string text_of(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<Decimal>(&v)) return d->to_string();
  return {};
}

// A column's value, null when the table has no such column.
const Value& at(const Table& t, std::size_t r, const std::string& column) {
  static const Value null;
  const int c = t.column_index(column);
  return c < 0 ? null : t.row(r)[static_cast<std::size_t>(c)];
}

std::optional<int64_t> integer_of(const Value& v) {
  if (const auto* i = std::get_if<int64_t>(&v)) return *i;
  if (const auto* d = std::get_if<Decimal>(&v); d && d->scale == 0) return d->units;
  return std::nullopt;
}

// A figure as the form shows it: Turkish digits, the value's own decimals without trailing zeros.
std::string figure(const Value& v) {
  if (const auto* d = std::get_if<Decimal>(&v)) return format_decimal_tr(*d, -1);
  if (const auto* i = std::get_if<int64_t>(&v)) return format_integer_tr(*i);
  return {};
}

doc::FormField heading(std::string label, int span = 1) {
  doc::FormField f;
  f.kind = doc::FieldKind::heading;
  f.label = std::move(label);
  f.column_span = span;
  return f;
}

doc::FormField shown(std::string value, std::string help) {
  doc::FormField f;
  f.kind = doc::FieldKind::number;  // figures, right-aligned
  f.read_only = true;
  f.value = value.empty() ? "–" : std::move(value);
  f.help = std::move(help);
  return f;
}

doc::FormField input(std::string name, doc::FieldKind kind, std::string help, std::string unit = {}) {
  doc::FormField f;
  f.name = std::move(name);
  f.kind = kind;
  f.help = std::move(help);
  f.unit = std::move(unit);
  return f;
}

// The value of `table` for (key column = key, yil = year[, donem = yil_sonu]).
Value yearly(const Dataset& data, const std::string& table, const std::string& key, int year, bool year_end) {
  const Table* t = data.find(table);
  if (!t) return {};
  for (std::size_t r = 0; r < t->row_count(); ++r) {
    if (text_of(at(*t, r, "gosterge_kod")) != key || integer_of(at(*t, r, "yil")) != year) continue;
    if (year_end && text_of(at(*t, r, "donem")) != "yil_sonu") continue;
    return at(*t, r, "deger");
  }
  return {};
}

}  // namespace

std::optional<doc::Form> unit_form(const Dataset& data, const std::string& unit_id, int year) {
  const Table& units = data.table("birim");
  const Table& indicators = data.table("gosterge");
  std::optional<std::size_t> unit;
  for (std::size_t r = 0; r < units.row_count(); ++r)
    if (text_of(units.at(r, "id")) == unit_id) unit = r;
  if (!unit) return std::nullopt;
  const std::string y = std::to_string(year), previous = std::to_string(year - 1);

  std::vector<std::size_t> mine;
  for (std::size_t r = 0; r < indicators.row_count(); ++r)
    if (text_of(at(indicators, r, "sorumlu_birim_id")) == unit_id) mine.push_back(r);
  std::sort(mine.begin(), mine.end(), [&](std::size_t a, std::size_t b) {
    return natural_less(text_of(indicators.at(a, "kod")), text_of(indicators.at(b, "kod")));
  });
  std::vector<std::size_t> activities;
  const Table* acts = data.find("faaliyet");
  if (acts) {
    for (std::size_t r = 0; r < acts->row_count(); ++r) {
      const auto act_year = integer_of(at(*acts, r, "yil"));
      if (text_of(at(*acts, r, "sorumlu_birim_id")) == unit_id && (!act_year || *act_year == year)) activities.push_back(r);
    }
    std::sort(activities.begin(), activities.end(), [&](std::size_t a, std::size_t b) {
      return natural_less(text_of(acts->at(a, "kod")), text_of(acts->at(b, "kod")));
    });
  }
  if (mine.empty() && activities.empty()) return std::nullopt;

  const std::string unit_name = text_of(units.at(*unit, "ad"));
  doc::Form form;
  form.id = "veri-toplama-" + unit_id;
  form.title = unit_name + " — " + y + " Yılı Veri Toplama Formu";
  form.origin = doc::Origin{"birim", 0, "birim " + unit_id, "veri toplama formu"};
  form.props["form-id"] = form_id;
  form.props["column-widths"] = "3.0,1.15,1.3,1.3,2.5";
  form.columns = 5;
  doc::Paragraph intro;
  intro.style = "body";
  intro.content.push_back(doc::text_span(
      "Hedef ve önceki yıl değerleri bilgi içindir. " + y +
      " yılı gerçekleşmelerini Türkçe sayı biçimiyle (1.234,5) yazınız; hedeften sapma varsa nedenini "
      "açıklayınız. Yıldızlı alanlar zorunludur."));
  form.body.push_back(std::move(intro));

  if (!mine.empty()) {
    form.fields.push_back(heading("Performans Göstergesi"));
    form.fields.push_back(heading(y + " Hedefi"));
    form.fields.push_back(heading(previous + " Gerçekleşme"));
    form.fields.push_back(heading(y + " Gerçekleşme"));
    form.fields.push_back(heading("Sapma Nedeni"));
    for (std::size_t r : mine) {
      const std::string kod = text_of(indicators.at(r, "kod"));
      const std::string unit_text = text_of(at(indicators, r, "olcu_birimi"));
      std::string label = kod + " " + text_of(indicators.at(r, "ad")) + (unit_text.empty() ? "" : " (" + unit_text + ")");
      form.fields.push_back(heading(label));
      form.fields.push_back(shown(figure(yearly(data, "gosterge_hedef", kod, year, false)), kod + " " + y + " hedefi"));
      form.fields.push_back(
          shown(figure(yearly(data, "gosterge_olcum", kod, year - 1, true)), kod + " " + previous + " gerçekleşmesi"));
      doc::FormField value = input("gosterge." + kod + ".gerceklesme." + y, doc::FieldKind::number,
                                   kod + " " + y + " yılı gerçekleşme değeri" +
                                       (unit_text.empty() ? std::string() : " (" + unit_text + ")"));
      value.required = true;
      form.fields.push_back(std::move(value));
      form.fields.push_back(input("gosterge." + kod + ".sapma_nedeni." + y, doc::FieldKind::multiline,
                                  kod + " hedeften sapmanın nedeni"));
    }
  }
  if (!activities.empty()) {
    form.fields.push_back(heading("Faaliyet / Proje"));
    form.fields.push_back(heading("Bütçe (TL)"));
    form.fields.push_back(heading("Harcanan (TL)"));
    form.fields.push_back(heading("Fiziki Gerçekleşme (%)"));
    form.fields.push_back(heading("Durum"));
    for (std::size_t r : activities) {
      const std::string kod = text_of(acts->at(r, "kod"));
      form.fields.push_back(heading(kod + " " + text_of(acts->at(r, "ad"))));
      form.fields.push_back(shown(figure(at(*acts, r, "butce")), kod + " bütçesi (TL)"));
      form.fields.push_back(input("faaliyet." + kod + ".harcanan." + y, doc::FieldKind::money, kod + " harcanan tutar (TL)"));
      form.fields.push_back(input("faaliyet." + kod + ".fiziki_gerceklesme." + y, doc::FieldKind::percentage,
                                  kod + " fiziki gerçekleşme oranı (%)"));
      doc::FormField state = input("faaliyet." + kod + ".durum." + y, doc::FieldKind::choice, kod + " durumu");
      state.choices = {"Planlandı", "Devam ediyor", "Tamamlandı", "Ertelendi", "İptal"};
      form.fields.push_back(std::move(state));
    }
  }
  doc::FormField checked = input("birim." + unit_id + ".kontrol", doc::FieldKind::checkbox,
                                 "Veriler birim kayıtlarıyla karşılaştırıldı");
  checked.label = "Veriler birim kayıtlarıyla karşılaştırıldı";
  checked.column_span = 3;
  form.fields.push_back(std::move(checked));
  doc::FormField date = input("birim." + unit_id + ".tarih", doc::FieldKind::date, "Formun doldurulduğu tarih (gg.aa.yyyy)");
  date.label = "Doldurma Tarihi";
  date.required = true;
  date.column_span = 2;
  form.fields.push_back(std::move(date));

  std::string head = text_of(at(units, *unit, "harcama_yetkilisi"));
  const std::size_t space = head.find_last_of(' ');
  if (space != std::string::npos) head = head.substr(0, space + 1) + upper_tr(head.substr(space + 1));
  for (doc::FormField& line : doc::signature_block(1, "imza", "", head, text_of(at(units, *unit, "harcama_yetkilisi_unvan"))))
    form.fields.push_back(std::move(line));
  return form;
}

doc::Document VeriToplama::compose(const LayoutContext& context) {
  const Dataset& data = *context.data;
  int year = context.metadata.year;
  if (auto it = context.params.find("yil"); it != context.params.end()) year = std::atoi(it->second.c_str());
  if (year <= 0) {
    throw Error(ErrorCode::project, Location{}, "the veri-toplama layout needs a year",
                "set <layout><param name=\"yil\">2025</param></layout> or the book's year");
  }
  const Table& units = data.table("birim");
  data.table("gosterge");
  std::vector<std::string> ids;
  const auto only = context.params.find("birim");  // a unit's id or kurumsal kod
  for (std::size_t r = 0; r < units.row_count(); ++r) {
    const std::string id = text_of(units.at(r, "id"));
    if (only == context.params.end() || only->second == id || only->second == text_of(at(units, r, "kod"))) ids.push_back(id);
  }
  if (only != context.params.end() && ids.empty()) {
    throw Error(ErrorCode::project, Location{}, "no unit '" + only->second + "' in the table birim",
                "the parameter birim takes a unit's id or kurumsal kod");
  }
  doc::Document document;
  document.metadata = context.metadata;
  if (document.metadata.title.empty()) document.metadata.title = std::to_string(year) + " Yılı Veri Toplama Formları";
  doc::Section section;
  section.matter = doc::Matter::body;
  for (const std::string& id : ids) {
    if (auto form = unit_form(data, id, year)) section.blocks.push_back(std::move(*form));
  }
  if (section.blocks.empty()) {
    context.sink->warn("layout.empty", Location{"birim"}, "no unit has indicators or activities to collect for " +
                                                              std::to_string(year),
                       "check gosterge.sorumlu_birim_id and faaliyet.sorumlu_birim_id");
    doc::Paragraph none;
    none.content.push_back(doc::text_span("Toplanacak veri yok."));
    section.blocks.push_back(std::move(none));
  }
  document.sections.push_back(std::move(section));
  return document;
}

}  // namespace dizgi::veri_toplama
