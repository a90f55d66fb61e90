// I-C İdareye İlişkin Bilgiler and I-D Diğer Hususlar from the data (domain §2.7): buildings,
// facilities and vehicles (fiziksel_kaynak), IT resources, staff by status (personel_ozet),
// the internal-control action plan by component (ic_kontrol_ozet), the council and committee
// (meclis) and the affiliates and companies (istirak). Totals come from the derived tables;
// the layout chooses, orders and labels.
#include "composer.hpp"

#include <dizgi/model/format.hpp>

#include <map>
#include <set>

namespace dizgi::faaliyet {

namespace {

const std::map<std::string, std::string>& ownership_names() {
  static const std::map<std::string, std::string> names = {
      {"belediye", "Belediye"}, {"kiralik", "Kiralık"}, {"tahsisli", "Tahsisli"}, {"hazine", "Hazine"}};
  return names;
}

std::string ownership(const Value& value) {
  const std::string code = text_of(value);
  auto it = ownership_names().find(code);
  return it == ownership_names().end() ? code : it->second;
}

// The rows of fiziksel_kaynak whose tur is one of `kinds`, in the table's order.
std::vector<std::size_t> rows_of_kinds(const Table& table, const std::set<std::string>& kinds) {
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < table.row_count(); ++r)
    if (kinds.count(text_of(table.at(r, "tur")))) rows.push_back(r);
  return rows;
}

}  // namespace

void add_physical_resources(const Composer& c, Blocks& out) {
  const Table* table = c.optional_table("fiziksel_kaynak", "I-C-1 Fiziksel Yapı");
  if (table == nullptr) {
    out.emplace_back(Composer::placeholder("Fiziksel kaynaklar için veri bulunamadı (tablo: fiziksel_kaynak)."));
    return;
  }
  static const std::map<std::string, std::string> kind_names = {
      {"bina", "Hizmet binası"}, {"sosyal_tesis", "Sosyal tesis"}};
  const auto buildings = rows_of_kinds(*table, {"bina", "sosyal_tesis"});
  if (!buildings.empty()) {
    doc::Table t;
    t.id = "tablo-fiziksel-bina";
    t.caption = "Hizmet Binaları ve Tesisler";
    t.keep_whole_rows = 15;
    t.columns = {{"20%", doc::Align::start}, {"30%", doc::Align::start}, {"10%", doc::Align::end},
                 {"16%", doc::Align::end},   {"12%", doc::Align::start}, {"12%", doc::Align::start}};
    t.header.push_back({header_cell("Türü"), header_cell("Adı"), header_cell("Adet", doc::Align::end),
                        header_cell("Kapalı / Toplam Alan (m²)", doc::Align::end), header_cell("Mülkiyet"),
                        header_cell("Açıklama")});
    for (std::size_t r : buildings) {
      auto kind = kind_names.find(text_of(table->at(r, "tur")));
      doc::TableCell area = count_cell(optional_at(*table, r, "alan_m2"));
      area.format.fraction_digits = 0;
      t.body.push_back({cell(kind == kind_names.end() ? text_of(table->at(r, "tur")) : kind->second),
                        cell(text_of(table->at(r, "ad"))), count_cell(optional_at(*table, r, "adet")),
                        std::move(area), cell(ownership(optional_at(*table, r, "mulkiyet"))),
                        cell(text_of(optional_at(*table, r, "aciklama")))});
    }
    out.emplace_back(std::move(t));
  }
  const auto vehicles = rows_of_kinds(*table, {"arac", "is_makinesi"});
  if (!vehicles.empty()) {
    doc::Table t;
    t.id = "tablo-fiziksel-arac";
    t.caption = "Araç ve İş Makineleri";
    t.keep_whole_rows = 15;
    t.columns = {{"34%", doc::Align::start}, {"14%", doc::Align::end}, {"18%", doc::Align::start},
                 {"34%", doc::Align::start}};
    t.header.push_back({header_cell("Cinsi"), header_cell("Adet", doc::Align::end), header_cell("Mülkiyet"),
                        header_cell("Açıklama")});
    for (std::size_t r : vehicles) {
      t.body.push_back({cell(text_of(table->at(r, "ad"))), count_cell(optional_at(*table, r, "adet")),
                        cell(ownership(optional_at(*table, r, "mulkiyet"))),
                        cell(text_of(optional_at(*table, r, "aciklama")))});
    }
    out.emplace_back(std::move(t));
  }
}

void add_it_resources(const Composer& c, Blocks& out) {
  const Table* table = c.data.find("fiziksel_kaynak");
  if (table == nullptr) return;  // add_physical_resources warned
  const auto hardware = rows_of_kinds(*table, {"bt_donanim"});
  const auto software = rows_of_kinds(*table, {"yazilim"});
  if (hardware.empty() && software.empty()) return;
  doc::Table t;
  t.id = "tablo-bilgi-teknoloji";
  t.caption = "Bilgi ve Teknolojik Kaynaklar";
  t.keep_whole_rows = 20;
  t.columns = {{"50%", doc::Align::start}, {"14%", doc::Align::end}, {"36%", doc::Align::start}};
  t.header.push_back({header_cell("Kaynak"), header_cell("Adet", doc::Align::end), header_cell("Açıklama")});
  auto group = [&](const std::string& title, const std::vector<std::size_t>& rows) {
    if (rows.empty()) return;
    doc::TableCell head = cell(title);
    head.col_span = 3;
    t.body.push_back(row_of_kind({std::move(head)}, doc::RowKind::group));
    for (std::size_t r : rows) {
      t.body.push_back({cell(text_of(table->at(r, "ad"))), count_cell(optional_at(*table, r, "adet")),
                        cell(text_of(optional_at(*table, r, "aciklama")))});
    }
  };
  group("Donanım", hardware);
  group("Yazılım ve Bilgi Sistemleri", software);
  out.emplace_back(std::move(t));
}

std::string staff_status_name(const std::string& code) {
  static const std::map<std::string, std::string> statuses = {
      {"memur", "Memur"},           {"sozlesmeli", "Sözleşmeli Personel"},
      {"kadrolu_isci", "Kadrolu (Daimi) İşçi"}, {"gecici_isci", "Geçici İşçi"},
      {"sirket", "Şirket Personeli"}};
  auto it = statuses.find(code);
  return it == statuses.end() ? code : it->second;
}

void add_staff(const Composer& c, Blocks& out) {
  const Table* table = c.optional_table("personel_ozet", "I-C-4 İnsan Kaynakları");
  if (table == nullptr || table->row_count() == 0) {
    out.emplace_back(Composer::placeholder("Personel verisi bulunamadı (tablo: personel)."));
    return;
  }
  doc::Table t;
  t.id = "tablo-personel";
  t.caption = "Personelin İstihdam Türüne ve Cinsiyete Göre Dağılımı";
  t.note = "Şirket personeli idarenin kadrolarında değildir; toplamın dışında gösterilmiştir.";
  t.keep_whole_rows = 10;
  t.columns = {{"30%", doc::Align::start}, {"14%", doc::Align::end}, {"14%", doc::Align::end},
               {"14%", doc::Align::end},   {"14%", doc::Align::end}, {"14%", doc::Align::end}};
  t.header.push_back({header_cell("İstihdam Türü"), header_cell("Kadın", doc::Align::end),
                      header_cell("Erkek", doc::Align::end), header_cell("Dolu Kadro", doc::Align::end),
                      header_cell("Boş Kadro", doc::Align::end), header_cell("Toplam Kadro", doc::Align::end)});
  std::optional<std::size_t> company;
  for (std::size_t r = 0; r < table->row_count(); ++r) {
    if (!c.is_report_year(*table, r)) continue;
    const std::string status = text_of(table->at(r, "statu"));
    std::vector<doc::TableCell> cells{cell(status == "TOPLAM" ? "Toplam" : staff_status_name(status))};
    for (const char* column : {"kadin", "erkek", "dolu", "bos", "toplam_kadro"})
      cells.push_back(count_cell(table->at(r, column)));
    if (status == "TOPLAM") {
      t.footer.push_back(row_of_kind(std::move(cells), doc::RowKind::total));
    } else if (status == "sirket") {
      company = r;
    } else {
      t.body.push_back(doc::TableRow(std::move(cells)));
    }
  }
  out.emplace_back(std::move(t));
  if (company) {
    out.emplace_back(paragraph({span(
        "Bunlara ek olarak belediye şirketlerinde " + display_number(table->at(*company, "dolu")) +
        " personel çalışmaktadır.")}));
  }

  // The distributions of civil servants by education, age and years of service (raw rows).
  const Table* personel = c.data.find("personel");
  if (personel == nullptr) return;
  struct Dimension {
    const char* column;
    const char* title;
  };
  static const std::map<std::string, std::string> education = {
      {"ilkogretim", "İlköğretim"}, {"lise", "Lise"},     {"on_lisans", "Ön Lisans"},
      {"lisans", "Lisans"},         {"yuksek_lisans", "Yüksek Lisans"}, {"doktora", "Doktora"}};
  doc::Table d;
  d.id = "tablo-personel-dagilim";
  d.caption = "Memur Personelin Eğitim, Yaş ve Hizmet Yılına Göre Dağılımı";
  d.keep_whole_rows = 25;
  d.columns = {{"70%", doc::Align::start}, {"30%", doc::Align::end}};
  d.header.push_back({header_cell("Grup"), header_cell("Kişi", doc::Align::end)});
  for (const Dimension& dim : {Dimension{"egitim", "Eğitim Durumu"}, Dimension{"yas_grubu", "Yaş Grubu"},
                               Dimension{"hizmet_yili_grubu", "Hizmet Yılı"}}) {
    std::vector<doc::TableRow> rows;
    for (std::size_t r = 0; r < personel->row_count(); ++r) {
      if (!c.is_report_year(*personel, r) || text_of(personel->at(r, "statu")) != "memur") continue;
      if (!text_of(optional_at(*personel, r, "birim_id")).empty()) continue;
      const std::string group = text_of(optional_at(*personel, r, dim.column));
      if (group.empty()) continue;
      auto label = education.find(group);
      rows.push_back({cell(label == education.end() ? group : label->second),
                      count_cell(personel->at(r, "adet"))});
    }
    if (rows.empty()) continue;
    doc::TableCell head = cell(dim.title);
    head.col_span = 2;
    d.body.push_back(row_of_kind({std::move(head)}, doc::RowKind::group));
    for (auto& row : rows) d.body.push_back(std::move(row));
  }
  if (!d.body.empty()) out.emplace_back(std::move(d));
}

void add_internal_control(const Composer& c, Blocks& out) {
  const Table* table = c.optional_table("ic_kontrol_ozet", "I-C-6 Yönetim ve İç Kontrol Sistemi");
  if (table == nullptr || table->row_count() == 0) {
    out.emplace_back(
        Composer::placeholder("İç kontrol eylem planı verisi bulunamadı (tablo: ic_kontrol)."));
    return;
  }
  doc::Table t;
  t.id = "tablo-ic-kontrol";
  t.caption = "İç Kontrol Eylem Planının Bileşenlere Göre Durumu";
  t.keep_whole_rows = 8;
  t.columns = {{"32%", doc::Align::start}, {"20%", doc::Align::start}, {"16%", doc::Align::end},
               {"16%", doc::Align::end},   {"16%", doc::Align::end}};
  t.header.push_back({header_cell("Bileşen"), header_cell("Standartlar"),
                      header_cell("Eylem Sayısı", doc::Align::end),
                      header_cell("Tamamlanan", doc::Align::end),
                      header_cell("Tamamlanma Oranı (%)", doc::Align::end)});
  for (std::size_t r = 0; r < table->row_count(); ++r) {
    const std::string name = text_of(table->at(r, "bilesen"));
    doc::TableRow row({cell(name == "TOPLAM" ? "Toplam" : name), cell(text_of(table->at(r, "standartlar"))),
                       count_cell(table->at(r, "eylem_sayisi")), count_cell(table->at(r, "tamamlanan")),
                       percent_cell(table->at(r, "tamamlanma_orani"))});
    add_summary_row(t, std::move(row), name == "TOPLAM");
  }
  out.emplace_back(std::move(t));
}

void add_council(const Composer& c, Blocks& out) {
  const Table* table = c.optional_table("meclis", "I-D Diğer Hususlar");
  if (table == nullptr) return;
  std::optional<std::size_t> row;
  for (std::size_t r = 0; r < table->row_count(); ++r)
    if (c.is_report_year(*table, r)) row = r;
  if (!row) {
    c.sink.warn("layout.no-rows", location_of(*table),
                "table 'meclis' has no row for " + std::to_string(c.year),
                "add the year's council figures");
    return;
  }
  out.emplace_back(paragraph({span("Belediye Meclisi, Encümen ve İhtisas Komisyonları", true)}, "subhead"));
  doc::Table t;
  t.id = "tablo-meclis";
  t.caption = "Meclis ve Encümen Çalışmaları";
  t.keep_whole_rows = 10;
  t.columns = {{"70%", doc::Align::start}, {"30%", doc::Align::end}};
  t.header.push_back({header_cell("Konu"), header_cell("Sayı", doc::Align::end)});
  const std::vector<std::pair<const char*, const char*>> lines = {
      {"uye_sayisi", "Meclis üye sayısı"},
      {"toplanti_sayisi", "Meclis toplantı (birleşim) sayısı"},
      {"karar_sayisi", "Meclis karar sayısı"},
      {"komisyon_sayisi", "İhtisas komisyonu sayısı"},
      {"encumen_toplanti_sayisi", "Encümen toplantı sayısı"},
      {"encumen_karar_sayisi", "Encümen karar sayısı"}};
  for (const auto& [column, label] : lines) {
    const Value& value = optional_at(*table, *row, column);
    if (is_null(value)) continue;
    t.body.push_back({cell(label), count_cell(value)});
  }
  out.emplace_back(std::move(t));
}

void add_subsidiaries(const Composer& c, Blocks& out) {
  const Table* table = c.optional_table("istirak", "I-D Diğer Hususlar");
  if (table == nullptr || table->row_count() == 0) return;
  out.emplace_back(paragraph({span("Bağlı Kuruluşlar ve Şirketler", true)}, "subhead"));
  doc::Table t;
  t.id = "tablo-istirak";
  t.caption = "Bağlı Kuruluşlar, İştirakler ve Şirketler";
  t.note = "Sermaye (Bin TL); bağlı kuruluşların ayrı tüzel kişiliği ve bütçesi vardır.";
  t.keep_whole_rows = 15;
  t.columns = {{"36%", doc::Align::start}, {"14%", doc::Align::start}, {"14%", doc::Align::end},
               {"12%", doc::Align::end},   {"24%", doc::Align::start}};
  t.header.push_back({header_cell("Adı"), header_cell("Türü"), header_cell("Sermaye", doc::Align::end),
                      header_cell("Belediye Payı (%)", doc::Align::end), header_cell("Faaliyet Alanı")});
  static const std::map<std::string, std::string> kinds = {{"bagli_kurulus", "Bağlı kuruluş"},
                                                           {"sirket", "Şirket"},
                                                           {"istirak", "İştirak"}};
  for (std::size_t r = 0; r < table->row_count(); ++r) {
    auto kind = kinds.find(text_of(table->at(r, "tur")));
    t.body.push_back({cell(text_of(table->at(r, "ad"))),
                      cell(kind == kinds.end() ? text_of(table->at(r, "tur")) : kind->second),
                      thousands_cell(optional_at(*table, r, "sermaye")), percent_cell(optional_at(*table, r, "pay")),
                      cell(text_of(optional_at(*table, r, "faaliyet_alani")))});
  }
  out.emplace_back(std::move(t));
}

}  // namespace dizgi::faaliyet
