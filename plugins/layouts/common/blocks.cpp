#include "blocks.hpp"

#include <dizgi/model/collate.hpp>
#include <dizgi/model/format.hpp>

#include <algorithm>
#include <map>
#include <utility>

namespace dizgi::books {

using namespace faaliyet;

void Outline::heading(int level, OutlineStyle style, const char* suffix, const std::string& title) {
  const int number = counter_.next(level);
  out.emplace_back(make_heading(level, format_outline_label(number, style) + suffix, title,
                                counter_.anchor("bolum"), level == 1));
}

void Outline::part(const std::string& title) { heading(1, OutlineStyle::roman, "-", title); }
void Outline::section(const std::string& title) { heading(2, sections_, "-", title); }
void Outline::sub(const std::string& title) { heading(3, OutlineStyle::arabic, ".", title); }

int year_param(const LayoutContext& context, const std::string& name, const std::string& layout) {
  if (auto it = context.params.find(name); it != context.params.end()) {
    auto parsed = Decimal::parse(it->second);
    if (!parsed || parsed->scale != 0 || parsed->units < 1900 || parsed->units > 9999) {
      throw Error(ErrorCode::project, Location{"", 0, 0, "layout parameter '" + name + "'"},
                  "year '" + it->second + "' is not a four-digit year",
                  "write <param name=\"" + name + "\" value=\"2026\"/>");
    }
    return static_cast<int>(parsed->units);
  }
  if (context.metadata.year > 0) return context.metadata.year;
  throw Error(ErrorCode::project, Location{"", 0, 0, "layout '" + layout + "'"}, "no year given",
              "add <param name=\"" + name + "\" value=\"2026\"/> to <layout> or <year> to <meta>");
}

Administration administration(const Composer& c) {
  Administration idare;
  idare.name = c.context.metadata.author;
  if (const Table* t = c.data.find("idare"); t != nullptr && t->row_count() > 0) {
    if (std::string ad = text_of(optional_at(*t, 0, "ad")); !ad.empty()) idare.name = ad;
    const std::string kind = text_of(optional_at(*t, 0, "tur"));
    idare.is_municipality = kind.empty() || kind.find("elediye") != std::string::npos ||
                            idare.name.find("Belediye") != std::string::npos;
  }
  return idare;
}

std::size_t add_front_matter(const Composer& c, Blocks& out, const BookCover& cover, const Administration& idare) {
  out.push_back(doc::Block{std::in_place_type<doc::Cover>, front_cover(c, cover)});
  const std::string foreword =
      c.param("sunus_basligi", idare.is_municipality ? "Başkan Sunuşu" : "Üst Yönetici Sunuşu");
  out.emplace_back(make_heading(1, "", foreword, "sunus", true));
  c.text(out, "sunus");
  add_foreword_signature(c, out);
  out.emplace_back(list_of(doc::ListOfKind::contents, "İçindekiler", 3));
  out.emplace_back(list_of(doc::ListOfKind::tables, "Tablolar Listesi", 1));
  out.emplace_back(list_of(doc::ListOfKind::charts, "Grafikler Listesi", 1));
  return out.size();
}

void add_back_cover(const Composer& c, doc::Document& document, const BookCover& cover, const std::string& full_title) {
  if (document.sections.empty()) document.sections.push_back(doc::Section{doc::Matter::back, {}});
  document.sections.back().blocks.push_back(doc::Block{std::in_place_type<doc::Cover>, back_cover(c, cover, full_title)});
}

void insert_abbreviations(const Composer& c, doc::Document& document, std::size_t at) {
  Blocks list = abbreviations(c, document.sections);
  auto& front = document.sections.front().blocks;
  front.insert(front.begin() + static_cast<std::ptrdiff_t>(std::min(at, front.size())),
               std::make_move_iterator(list.begin()), std::make_move_iterator(list.end()));
}

void add_organisation_chart(const Composer& c, Blocks& out, const std::string& id) {
  const Table* units = c.optional_table("birim", "Teşkilat Yapısı");
  if (units == nullptr || units->row_count() == 0) {
    out.emplace_back(Composer::placeholder("Teşkilat şeması için veri bulunamadı (tablo: birim)."));
    return;
  }
  std::string head = "Belediye Başkanı";
  if (const Table* idare = c.data.find("idare"); idare != nullptr && idare->row_count() > 0) {
    if (std::string title = text_of(optional_at(*idare, 0, "ust_yonetici_unvan")); !title.empty()) head = title;
  }
  doc::Chart chart;
  chart.kind = doc::ChartKind::org_chart;
  chart.id = id;
  chart.caption = "Teşkilat Şeması";
  chart.float_mode = doc::Float::none;
  chart.categories.push_back(head);
  doc::ChartSeries parents;
  parents.name = "Üst birim";
  parents.values.push_back(Value{});
  std::map<std::string, int64_t> index_of;  // birim.id -> 1-based category
  const std::vector<std::size_t> order = rows_by(*units, "sira");
  for (std::size_t r : order) {
    std::string name = text_of(optional_at(*units, r, "kisa_ad"));
    if (name.empty()) name = text_of(units->at(r, "ad"));
    chart.categories.push_back(name);
    index_of[text_of(units->at(r, "id"))] = static_cast<int64_t>(chart.categories.size());
  }
  // The genel sekreter yardımcılıkları stand beside the genel sekreterlik in the head's row, as
  // municipal charts draw them (the deputies coordinate for the secretary general; the chart
  // would otherwise hang every department in one column under the secretariat).
  std::map<std::string, std::string> kind_of;
  for (std::size_t r : order) kind_of[text_of(units->at(r, "id"))] = text_of(optional_at(*units, r, "tur"));
  for (std::size_t r : order) {
    const std::string parent_id = text_of(optional_at(*units, r, "ust_birim_id"));
    auto parent = index_of.find(parent_id);
    const bool beside_secretariat = kind_of[parent_id] == "genel_sekreterlik" &&
                                    text_of(optional_at(*units, r, "tur")) == "genel_sekreter_yardimciligi";
    parents.values.push_back(parent == index_of.end() || beside_secretariat ? int64_t{1} : parent->second);
  }
  chart.series.push_back(std::move(parents));
  out.emplace_back(std::move(chart));
}

void add_goal_overview(const Composer& c, Blocks& out, const std::string& id, const std::string& caption) {
  const Table* aims = c.optional_table("amac", caption);
  const Table* goals = c.optional_table("hedef", caption);
  if (aims == nullptr || goals == nullptr) {
    out.emplace_back(Composer::placeholder("Amaç ve hedefler için veri bulunamadı (tablo: amac, hedef)."));
    return;
  }
  doc::Table t;
  t.id = id;
  t.caption = caption;
  t.columns = {{"12%", doc::Align::start}, {"88%", doc::Align::start}};
  t.header.push_back({header_cell("Kod"), header_cell("Amaç ve Hedefler")});
  std::vector<std::size_t> aim_rows = rows_by(*aims, "sira");
  for (std::size_t a : aim_rows) {
    const std::string aim = text_of(aims->at(a, "kod"));
    t.body.push_back(row_of_kind({cell(aim), cell(text_of(aims->at(a, "metin")))}, doc::RowKind::group));
    std::vector<std::pair<std::string, std::string>> mine;
    for (std::size_t h = 0; h < goals->row_count(); ++h)
      if (text_of(goals->at(h, "amac_kod")) == aim)
        mine.emplace_back(text_of(goals->at(h, "kod")), text_of(goals->at(h, "metin")));
    std::stable_sort(mine.begin(), mine.end(), [](const auto& x, const auto& y) { return natural_less(x.first, y.first); });
    for (const auto& [code, text] : mine) t.body.push_back({cell(code), cell(text)});
  }
  out.emplace_back(std::move(t));
}

std::string unit_name(const Composer& c, const Value& id) {
  const std::string key = text_of(id);
  if (key.empty()) return {};
  if (const Table* units = c.data.find("birim")) {
    for (std::size_t r = 0; r < units->row_count(); ++r)
      if (text_of(units->at(r, "id")) == key) return text_of(units->at(r, "ad"));
  }
  return key;
}

std::string goal_text(const Composer& c, const std::string& table, const std::string& code) {
  if (const Table* t = c.data.find(table)) {
    for (std::size_t r = 0; r < t->row_count(); ++r)
      if (text_of(t->at(r, "kod")) == code) return text_of(t->at(r, "metin"));
  }
  return {};
}

doc::TableCell spanning(doc::TableCell c, int span) {
  c.col_span = span;
  return c;
}

doc::TableRow label_row(const std::string& label, const std::string& value, int columns) {
  return doc::TableRow{cell(label, doc::Align::start, "emphasis"), spanning(cell(value), columns - 1)};
}

std::vector<std::size_t> rows_by(const Table& table, const std::string& column) {
  std::vector<std::size_t> rows(table.row_count());
  for (std::size_t r = 0; r < rows.size(); ++r) rows[r] = r;
  if (table.column_index(column) < 0) return rows;
  std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
    return integer_of(table.at(a, column)).value_or(0) < integer_of(table.at(b, column)).value_or(0);
  });
  return rows;
}

}  // namespace dizgi::books
