// bench-kitap: composes a deterministic book of any length for the typesetting benchmark.
//
// Parameters: `chapters` (default 8), or `prose` for the quality benchmark's book of prose only
// (prose.hpp; the value is its number of chapters). Each chapter has three sections; each section has five
// justified paragraphs of prose recombined from a fixed Turkish vocabulary and one table of
// 25 rows × 6 columns (money and percentages, formatted with the SDK) whose header repeats on
// every page it crosses. The same parameters always give the same book.
//
// `table_rows` instead composes one table of that many rows × 8 columns (typed amounts and
// percentages, carried totals, a total row): the long-table benchmark (bench/table_bench.sh).
#include <dizgi/model/format.hpp>
#include <dizgi/sdk/layout.hpp>
#include <dizgi/sdk/plugin.hpp>

#include "dice.hpp"
#include "prose.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace dizgi;

using bench::Dice;

constexpr std::array<std::string_view, 40> adjectives = {
    "stratejik", "kurumsal", "yerel", "bütüncül", "sürdürülebilir", "etkin", "verimli",
    "katılımcı", "şeffaf", "hesap verebilir", "çevreci", "kapsayıcı", "güvenli", "erişilebilir",
    "nitelikli", "planlı", "düzenli", "yenilikçi", "dijital", "sosyal", "ekonomik", "kültürel",
    "mali", "teknik", "idari", "yıllık", "orta vadeli", "uzun soluklu", "öncelikli", "ortak",
    "bölgesel", "kentsel", "kırsal", "çağdaş", "dengeli", "ölçülebilir", "somut", "güçlü",
    "esnek", "tutarlı"};

constexpr std::array<std::string_view, 60> subjects = {
    "belediyemiz", "müdürlüğümüz", "birimlerimiz", "meclisimiz", "encümen", "iç denetim birimi",
    "strateji geliştirme dairesi", "fen işleri ekipleri", "park ve bahçeler müdürlüğü",
    "zabıta ekipleri", "itfaiye teşkilatı", "sosyal destek hizmetleri", "kültür merkezi",
    "gençlik meclisi", "kent konseyi", "muhtarlıklar", "mahalle sakinleri", "gönüllüler",
    "proje ekibi", "bilgi işlem birimi", "insan kaynakları birimi", "mali hizmetler birimi",
    "çevre koruma birimi", "ulaşım planlama birimi", "imar ve şehircilik birimi",
    "emlak ve istimlak birimi", "sağlık işleri birimi", "veteriner hizmetleri",
    "afet koordinasyon merkezi", "kadın ve aile hizmetleri", "engelli hizmetleri birimi",
    "spor hizmetleri birimi", "basın ve halkla ilişkiler", "hukuk işleri birimi",
    "destek hizmetleri birimi", "yazı işleri birimi", "kütüphane hizmetleri",
    "kentsel dönüşüm ekibi", "iklim değişikliği çalışma grubu", "su ve kanalizasyon idaresi",
    "toplu taşıma işletmesi", "katı atık tesisi", "hal müdürlüğü", "mezarlıklar birimi",
    "temizlik işleri ekipleri", "çocuk kulüpleri", "meslek edindirme kursları",
    "yaşlı bakım merkezi", "aşevi", "sosyal market", "gıda bankası", "bisiklet ağı",
    "akıllı şehir platformu", "coğrafi bilgi sistemi", "e-belediye hizmetleri",
    "çağrı merkezi", "denetim komisyonu", "performans izleme ekibi", "bütçe komisyonu",
    "yönetim kurulu"};

constexpr std::array<std::string_view, 60> objects = {
    "hizmet kalitesini", "harcama disiplinini", "yatırım programını", "bütçe hedeflerini",
    "performans göstergelerini", "mahalle ziyaretlerini", "yeşil alan miktarını",
    "kaldırım yenileme çalışmalarını", "altyapı projelerini", "atık toplama düzenini",
    "geri dönüşüm oranını", "enerji tüketimini", "su kayıplarını", "trafik akışını",
    "toplu taşıma seferlerini", "sosyal yardım başvurularını", "eğitim programlarını",
    "kültür etkinliklerini", "spor tesislerinin kullanımını", "afet hazırlık planlarını",
    "iç kontrol standartlarını", "risk değerlendirmelerini", "denetim bulgularını",
    "vatandaş memnuniyetini", "şikâyet çözüm süresini", "ihale süreçlerini",
    "taşınmaz kayıtlarını", "personel eğitimlerini", "iş sağlığı önlemlerini",
    "dijital dönüşüm adımlarını", "veri güvenliğini", "arşiv düzenini", "kamulaştırma işlemlerini",
    "imar planı değişikliklerini", "yapı denetimlerini", "gıda denetimlerini",
    "hayvan sağlığı hizmetlerini", "kreş kapasitesini", "engelli erişimini",
    "gençlik projelerini", "kadın kooperatiflerini", "tarihî yapıların onarımını",
    "meydan düzenlemelerini", "otopark kapasitesini", "aydınlatma yatırımlarını",
    "yağmur suyu hatlarını", "dere ıslah çalışmalarını", "fidan dikim kampanyalarını",
    "kompost üretimini", "güneş enerjisi kurulumlarını", "elektrikli araç dönüşümünü",
    "bisiklet yollarını", "yaya önceliğini", "mahalle kütüphanelerini", "sağlık taramalarını",
    "evde bakım ziyaretlerini", "burs programlarını", "istihdam desteklerini",
    "gelir tahsilatını", "borç yapılandırmasını"};

constexpr std::array<std::string_view, 30> verbs = {
    "artırmıştır", "güçlendirmiştir", "yeniden düzenlemiştir", "izlemeye almıştır",
    "hızlandırmıştır", "iyileştirmiştir", "genişletmiştir", "raporlamıştır",
    "değerlendirmiştir", "planlamıştır", "tamamlamıştır", "desteklemiştir", "yaygınlaştırmıştır",
    "sadeleştirmiştir", "gözden geçirmiştir", "kayıt altına almıştır", "önceliklendirmiştir",
    "uygulamaya koymuştur", "dijital ortama taşımıştır", "ölçülebilir kılmıştır",
    "sürdürmüştür", "başlatmıştır", "yeniden tanımlamıştır", "hedeflerle ilişkilendirmiştir",
    "kamuoyuyla paylaşmıştır", "bütçeye yansıtmıştır", "yerinde incelemiştir",
    "paydaşlarla görüşmüştür", "denetlemiştir", "takvime bağlamıştır"};

constexpr std::array<std::string_view, 24> openers = {
    "Bu dönemde", "Yıl içinde", "Ayrıca", "Bunun yanı sıra", "Öte yandan", "Geçen yıla göre",
    "Stratejik plan doğrultusunda", "Performans programı kapsamında", "Meclis kararıyla",
    "İlk çeyrekte", "İkinci yarıyılda", "Yapılan anketlere göre", "Denetim raporlarında da belirtildiği gibi",
    "Kaynakların etkin kullanımı için", "Mahalle toplantılarında gelen talepler üzerine",
    "Ulusal mevzuat çerçevesinde", "Paydaş analizinin sonuçlarına göre", "Kış aylarında",
    "Bütçe imkânları ölçüsünde", "Özellikle", "Buna ek olarak", "Sonuç olarak", "Öncelikle",
    "Bununla birlikte"};

constexpr std::array<std::string_view, 20> qualifiers = {
    "planlanan takvime uygun olarak", "ölçülebilir hedefler koyarak", "ilçe genelinde",
    "mahalle ölçeğinde", "gönüllülerin katkısıyla", "dış kaynak kullanmadan",
    "ulusal fonlardan yararlanarak", "yüzde yüz yerli malzemeyle", "vatandaş görüşleri alınarak",
    "üniversitelerle iş birliği içinde", "öngörülen bütçenin altında kalarak",
    "hafta sonları dâhil", "engelli bireylerin ihtiyaçları gözetilerek", "yıl boyunca",
    "her çeyrek sonunda", "kademeli olarak", "ilk kez", "yeniden", "sistemli biçimde",
    "şeffaf bir süreçle"};

constexpr std::array<std::string_view, 18> topics = {
    "Mali Yönetim", "Kentsel Altyapı", "Çevre ve İklim", "Sosyal Hizmetler", "Kültür ve Sanat",
    "Ulaşım", "İmar ve Planlama", "Afet Yönetimi", "Dijital Dönüşüm", "İnsan Kaynakları",
    "İç Kontrol", "Sağlık Hizmetleri", "Eğitim ve Gençlik", "Spor", "Yeşil Alanlar",
    "Su ve Atık Su", "Katı Atık", "Ekonomik Kalkınma"};

constexpr std::array<std::string_view, 12> aspects = {
    "Genel Değerlendirme", "Hedefler ve Sonuçlar", "Bütçe Uygulaması", "Faaliyetler",
    "Projeler", "Göstergeler", "Riskler ve Önlemler", "Paydaş Görüşleri", "Kaynak Kullanımı",
    "Yatırımlar", "Hizmet Sunumu", "Gelecek Dönem"};

constexpr std::array<std::string_view, 25> items = {
    "Personel giderleri", "Sosyal güvenlik primleri", "Mal ve hizmet alımları", "Faiz giderleri",
    "Cari transferler", "Sermaye giderleri", "Sermaye transferleri", "Borç verme",
    "Yedek ödenekler", "Kırtasiye alımları", "Enerji alımları", "Yolluklar", "Görev giderleri",
    "Hizmet alımları", "Temsil ve tanıtma giderleri", "Menkul mal alımları", "Bakım ve onarım",
    "Gayrimenkul alımları", "Yapım işleri", "Etüt ve proje giderleri", "Kira giderleri",
    "Akaryakıt alımları", "Yazılım alımları", "Eğitim giderleri", "Diğer giderler"};

std::string capitalised(std::string_view text) {
  // The openers already start with a capital; only a lower-case subject needs one.
  static const std::array<std::pair<std::string_view, std::string_view>, 9> capitals = {{
      {"ç", "Ç"}, {"ş", "Ş"}, {"ğ", "Ğ"}, {"ü", "Ü"}, {"ö", "Ö"}, {"ı", "I"}, {"i", "İ"},
      {"e-", "E-"}, {"", ""}}};
  for (const auto& [low, up] : capitals) {
    if (!low.empty() && text.substr(0, low.size()) == low) return std::string(up) + std::string(text.substr(low.size()));
  }
  std::string out(text);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string sentence(Dice& dice) {
  std::string s;
  bool with_opener = dice.below(3) == 0;
  if (with_opener) s = std::string(dice.pick(openers)) + " " + std::string(dice.pick(subjects));
  else s = capitalised(dice.pick(subjects));
  s += " ";
  if (dice.below(2) == 0) s += std::string(dice.pick(qualifiers)) + " ";
  s += std::string(dice.pick(adjectives)) + " bir anlayışla " + std::string(dice.pick(objects));
  if (dice.below(3) == 0) s += " ve " + std::string(dice.pick(objects));
  s += " " + std::string(dice.pick(verbs));
  return s + ".";
}

doc::Paragraph paragraph(Dice& dice) {
  std::string text;
  int count = 5 + static_cast<int>(dice.below(3));
  for (int i = 0; i < count; ++i) text += (i ? " " : "") + sentence(dice);
  doc::Paragraph p;
  p.content.push_back(doc::text_span(text));
  p.style = "body";
  return p;
}

doc::TableCell cell(std::string text, doc::Align align = doc::Align::start) {
  doc::TableCell c;
  c.content.push_back(doc::text_span(std::move(text)));
  c.align = align;
  return c;
}

doc::ListOf contents_list() {
  doc::ListOf list;
  list.kind = doc::ListOfKind::contents;
  list.title = "İçindekiler";
  list.depth = 2;
  return list;
}

doc::Table money_table(Dice& dice, const std::string& id, const std::string& caption) {
  doc::Table t;
  t.id = id;
  t.caption = caption;
  t.note = "(TL)";
  t.columns = {{"auto", doc::Align::start}, {"auto", doc::Align::end}, {"auto", doc::Align::end},
               {"auto", doc::Align::end},   {"auto", doc::Align::end}, {"auto", doc::Align::end}};
  t.header.push_back({cell("Gider Kalemi"), cell("Başlangıç Ödeneği", doc::Align::end),
                      cell("Yıl Sonu Ödeneği", doc::Align::end), cell("Harcama", doc::Align::end),
                      cell("Gerçekleşme", doc::Align::end), cell("Pay", doc::Align::end)});
  for (std::size_t r = 0; r < 25; ++r) {
    int64_t initial = 250000 + static_cast<int64_t>(dice.below(90000000));
    int64_t final_ = initial + static_cast<int64_t>(dice.below(static_cast<std::size_t>(initial / 4 + 1)));
    int64_t spent = final_ / 2 + static_cast<int64_t>(dice.below(static_cast<std::size_t>(final_ / 2 + 1)));
    Decimal realised{spent * 10000 / final_, 2};  // percent with two digits
    Decimal share{static_cast<int64_t>(dice.below(2500)), 2};
    t.body.push_back({cell(std::string(items[r])),
                      cell(format_decimal_tr(Decimal{initial * 100 + static_cast<int64_t>(dice.below(100)), 2}), doc::Align::end),
                      cell(format_decimal_tr(Decimal{final_ * 100, 2}), doc::Align::end),
                      cell(format_decimal_tr(Decimal{spent * 100 + static_cast<int64_t>(dice.below(100)), 2}), doc::Align::end),
                      cell(format_percent_tr(realised), doc::Align::end),
                      cell(format_percent_tr(share), doc::Align::end)});
  }
  return t;
}

// The layout parameter `name` as a number of chapters (1 to 2000), `fallback` when absent.
int chapter_count(const LayoutContext& context, const std::string& name, int fallback) {
  int chapters = fallback;
  const std::string where = "layout parameter '" + name + "'";
  if (auto it = context.params.find(name); it != context.params.end()) {
    try {
      chapters = std::stoi(it->second);
    } catch (const std::exception&) {
      throw Error(ErrorCode::project, Location{{}, 0, 0, where}, "'" + it->second + "' is not a number of chapters",
                  "give a whole number such as 30");
    }
  }
  if (chapters < 1 || chapters > 2000) {
    throw Error(ErrorCode::project, Location{{}, 0, 0, where}, "the number of chapters must be between 1 and 2000",
                "give a whole number such as 30");
  }
  return chapters;
}

// One table of `rows` budget lines × 8 columns (code, item, four summed amounts kept to the
// kuruş and shown in thousands, two percentages), typed cells, carried totals and a total row:
// the long-table benchmark.
doc::Table long_table(std::size_t rows) {
  doc::Table t;
  t.id = "uzun-tablo";
  t.caption = "Ekonomik Kodlara Göre Ödenek ve Harcamalar";
  t.note = "Tutarlar bin TL'dir; toplamlar kuruşlu tutarlardan bir kez yuvarlanmıştır.";
  t.carried.enabled = true;
  auto sum = doc::Aggregate::sum;
  t.columns = {{"auto", doc::Align::start},     {"auto", doc::Align::start},     {"auto", doc::Align::end, sum},
               {"auto", doc::Align::end, sum}, {"auto", doc::Align::end, sum}, {"auto", doc::Align::end, sum},
               {"auto", doc::Align::decimal},   {"auto", doc::Align::decimal}};
  t.header.push_back({cell("Kod"), cell("Gider Kalemi"), cell("Başlangıç Ödeneği"), cell("Yıl Sonu Ödeneği"),
                      cell("Harcama"), cell("Kalan"), cell("Gerçekleşme (%)"), cell("Pay (%)")});
  Dice dice(7);
  doc::NumberFormat thousands;
  thousands.scale_power = 3;
  thousands.fraction_digits = 0;
  doc::NumberFormat rate;
  rate.fraction_digits = 1;
  Decimal totals[4] = {Decimal::from_int(0), Decimal::from_int(0), Decimal::from_int(0), Decimal::from_int(0)};
  t.body.reserve(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    int64_t initial = 250000 + static_cast<int64_t>(dice.below(90000000));
    int64_t final_ = initial + static_cast<int64_t>(dice.below(static_cast<std::size_t>(initial / 4 + 1)));
    int64_t spent = final_ / 2 + static_cast<int64_t>(dice.below(static_cast<std::size_t>(final_ / 2 + 1)));
    Decimal amounts[4] = {Decimal{initial * 100 + static_cast<int64_t>(dice.below(100)), 2}, Decimal{final_ * 100, 2},
                          Decimal{spent * 100 + static_cast<int64_t>(dice.below(100)), 2}, Decimal{0, 2}};
    amounts[3] = amounts[1] - amounts[2];
    std::string code = "0" + std::to_string(1 + r % 9) + "." + std::to_string(1 + r % 7) + "." +
                       std::to_string(1 + r % 5) + "." + std::to_string(10 + r % 90);
    doc::TableRow row;
    row.cells = {cell(code), cell(std::string(items[r % items.size()]))};
    for (int k = 0; k < 4; ++k) {
      row.cells.push_back(doc::TableCell::typed(amounts[k], thousands));
      totals[k] = totals[k] + amounts[k];
    }
    row.cells.push_back(doc::TableCell::typed(Decimal{spent * 1000 / final_, 1}, rate));
    row.cells.push_back(doc::TableCell::typed(Decimal{static_cast<int64_t>(dice.below(250)), 1}, rate));
    t.body.push_back(std::move(row));
  }
  doc::TableRow total;
  total.cells = {cell("Toplam"), cell("")};
  for (const Decimal& sum_k : totals) total.cells.push_back(doc::TableCell::typed(sum_k, thousands));
  total.cells.push_back(cell(""));
  total.cells.push_back(cell(""));
  t.footer.push_back(std::move(total));
  return t;
}

class BenchKitap final : public Layout {
 public:
  doc::Document compose(const LayoutContext& context) override {
    if (auto it = context.params.find("table_rows"); it != context.params.end()) {
      std::size_t rows = 0;
      try {
        rows = static_cast<std::size_t>(std::stoul(it->second));
      } catch (const std::exception&) {
        throw Error(ErrorCode::project, Location{{}, 0, 0, "layout parameter 'table_rows'"},
                    "'" + it->second + "' is not a number of rows", "give a whole number such as 100000");
      }
      doc::Document document;
      document.metadata = context.metadata;
      doc::Section body{doc::Matter::body, {}};
      body.blocks.push_back(doc::Block{std::in_place_type<doc::Table>, long_table(rows)});
      document.sections.push_back(std::move(body));
      return document;
    }
    if (context.params.count("prose") > 0) return bench::prose_book(chapter_count(context, "prose", 12), context.metadata);
    const int chapters = chapter_count(context, "chapters", 8);
    doc::Document document;
    document.metadata = context.metadata;
    doc::Section front{doc::Matter::front, {}};
    // Built in place: GCC 12 reports a false -Wnull-dereference for emplace_back of a temporary.
    front.blocks.push_back(doc::Block{std::in_place_type<doc::ListOf>, contents_list()});
    document.sections.push_back(std::move(front));
    doc::Section body{doc::Matter::body, {}};
    int table_number = 0;
    for (int c = 1; c <= chapters; ++c) {
      Dice dice(static_cast<uint64_t>(c));
      doc::Heading chapter;
      chapter.level = 1;
      chapter.number = format_roman(c) + "-";
      chapter.content.push_back(doc::text_span(std::string(topics[static_cast<std::size_t>(c - 1) % topics.size()])));
      chapter.id = "bolum-" + std::to_string(c);
      body.blocks.push_back(doc::Block{std::in_place_type<doc::Heading>, std::move(chapter)});
      for (int s = 1; s <= 3; ++s) {
        doc::Heading section;
        section.level = 2;
        section.number = format_letter_tr(s) + "-";
        section.content.push_back(doc::text_span(std::string(dice.pick(aspects))));
        section.id = "bolum-" + std::to_string(c) + "-" + std::to_string(s);
        body.blocks.push_back(doc::Block{std::in_place_type<doc::Heading>, std::move(section)});
        for (int p = 0; p < 5; ++p) body.blocks.push_back(doc::Block{std::in_place_type<doc::Paragraph>, paragraph(dice)});
        ++table_number;
        body.blocks.push_back(doc::Block{std::in_place_type<doc::Table>,
                                         money_table(dice, "tablo-" + std::to_string(table_number),
                                                     std::string(topics[static_cast<std::size_t>(c - 1) % topics.size()]) +
                                                         " Bütçe Gerçekleşmeleri")});
      }
    }
    document.sections.push_back(std::move(body));
    return document;
  }
};

Layout* create_bench_kitap() { return new BenchKitap; }

void register_bench_kitap(Registry& registry) {
  ComponentInfo info{};
  info.kind = ComponentKind::layout;
  info.id = "bench-kitap";
  info.description = "synthetic book of any length for the typesetting benchmark";
  info.create_layout = create_bench_kitap;
  registry.add_component(info, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("bench-kitap", "layout", "0.1.0", register_bench_kitap)
