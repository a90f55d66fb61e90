// Prose for the typesetting-quality benchmark. Every chapter has the three registers a
// municipality's books are written in: the articles of a directive (long sentences, definitions
// with lettered items, references to laws), an account of the year's work (figures with
// thousands separators, dates, amounts, quotations, place names with suffix apostrophes) and an
// evaluation (long clauses joined by semicolons). The phrases are this plugin's own; sentences
// are drawn from them with a fixed seed per chapter.
#include "prose.hpp"

#include "dice.hpp"

#include <dizgi/model/format.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bench {
namespace {

using namespace dizgi;
using Words = std::string_view;

struct Topic {
  std::string_view title;
  std::string_view subject;  // in the dative: "… ilişkin usul ve esasları düzenler"
};

constexpr std::array<Topic, 14> topics = {{
    {"Harcama Süreçleri", "belediye bütçesinden yapılan harcamaların belgelendirilmesine ve ödenmesine"},
    {"Taşınır Mal Yönetimi", "taşınırların edinilmesine, kayda alınmasına, kullanılmasına ve elden çıkarılmasına"},
    {"İç Kontrol", "iç kontrol sisteminin kurulmasına, izlenmesine ve değerlendirilmesine"},
    {"Sözleşme Yönetimi", "mal ve hizmet alımı ile yapım işlerine ait sözleşmelerin yürütülmesine"},
    {"Arşiv ve Belge Düzeni", "resmî yazışmaların dosyalanmasına, saklanmasına ve imhasına"},
    {"Bilgi Güvenliği", "bilgi sistemlerinin ve kişisel verilerin güvenliğinin sağlanmasına"},
    {"Afet ve Acil Durum Hazırlığı", "afet ve acil durumlara hazırlık ile müdahale çalışmalarına"},
    {"Sosyal Yardımlar", "ihtiyaç sahibi hanelere yapılacak ayni ve nakdî yardımlara"},
    {"Kentsel Altyapı Bakımı", "yol, kaldırım, köprü ve yağmur suyu hatlarının bakım ve onarımına"},
    {"Çevre ve Atık Yönetimi", "evsel atıkların toplanmasına, ayrıştırılmasına ve geri kazanımına"},
    {"Performans İzleme", "stratejik plan hedeflerinin göstergelerle izlenmesine ve raporlanmasına"},
    {"Başvuru ve Şikâyetler", "vatandaş başvurularının alınmasına, yanıtlanmasına ve sonuçlarının izlenmesine"},
    {"Personel Eğitimi", "hizmet içi eğitim programlarının hazırlanmasına ve uygulanmasına"},
    {"Kültür ve Sanat Etkinlikleri", "kültür ve sanat etkinliklerinin planlanmasına ve duyurulmasına"},
}};

// --- the directive ------------------------------------------------------------------------------

constexpr std::array<Words, 16> actors = {
    "Harcama yetkilileri", "Gerçekleştirme görevlileri", "Strateji geliştirme birimi", "Birim amirleri",
    "Muhasebe yetkilisi", "Taşınır kayıt yetkilisi", "Taşınır kontrol yetkilisi", "İç denetçiler",
    "Bilgi işlem sorumlusu", "Arşiv sorumlusu", "Muayene ve kabul komisyonu", "Proje yürütücüleri",
    "Sosyal inceleme görevlileri", "Destek hizmetleri birimi", "İnsan kaynakları birimi", "Hukuk müşavirliği"};

constexpr std::array<Words, 16> documents_accusative = {
    "ödeme emri belgelerini", "taşınır işlem fişlerini", "sözleşme dosyalarını", "hak ediş raporlarını",
    "birim faaliyet raporunu", "risk kayıtlarını", "toplantı tutanaklarını", "başvuru dosyalarını",
    "kabul tutanaklarını", "bütçe gerçekleşme tablolarını", "yıllık eğitim planını", "ön mali kontrol görüşlerini",
    "envanter listelerini", "iş akış şemalarını", "hizmet envanterini", "yedekleme kayıtlarını"};

constexpr std::array<Words, 11> manners = {
    "mevzuatta öngörülen süreler içinde", "her ayın son iş gününe kadar",
    "ilgili yönetmelik hükümlerine uygun olarak", "gecikmeksizin", "eksiksiz ve doğru biçimde",
    "elektronik imza ile onaylanmış olarak", "üçer aylık dönemler hâlinde", "yazılı ve gerekçeli olarak",
    "standart dosya planına göre", "ilgili birimle eş güdüm içinde", "yılda en az bir kez"};

constexpr std::array<Words, 12> duties = {
    "düzenlemekle", "onaylamakla", "muhafaza etmekle", "güncel tutmakla", "ilgili birime göndermekle",
    "kayıt altına almakla", "gözden geçirmekle", "raporlamakla", "üst yöneticiye sunmakla",
    "yerinde incelemekle", "kontrol etmekle", "arşive teslim etmekle"};

constexpr std::array<Words, 10> conditions = {
    "Belgelerde eksiklik ya da çelişki tespit edilmesi hâlinde", "Ödemenin süresinde yapılamaması durumunda",
    "Bütçe ödeneğinin yetersiz kaldığı anlaşıldığında", "Başvurunun elektronik ortamda yapılması durumunda",
    "Sözleşmenin feshedilmesi hâlinde", "Taşınırın kaybolduğu ya da kullanılamaz hâle geldiği anlaşıldığında",
    "Aynı konuda birden fazla başvuru bulunduğunda", "Bilgi sistemlerinde yetkisiz bir erişim fark edildiğinde",
    "Denetim sırasında mevzuata aykırı bir işlem görüldüğünde",
    "İşin öngörülen tarihte bitirilemeyeceği anlaşıldığında"};

constexpr std::array<Words, 9> consequences = {
    "durumu en geç beş iş günü içinde üst yöneticiye bildirir",
    "eksikliklerin giderilmesi için ilgiliye yazılı olarak makul bir süre verir",
    "işlemi durdurarak gerekçesini tutanakla kayıt altına alır",
    "konuyu bir sonraki kurul toplantısının gündemine alır",
    "gerekli düzeltmeyi yapar ve sonucu ilgili birimlere duyurur",
    "sorumluluğun belirlenmesi için inceleme başlatır",
    "başvuru sahibine gecikmenin nedenini açıklayan bir yanıt gönderir",
    "olayı bütün ayrıntılarıyla bir raporda belgelendirir", "yeni bir iş programı hazırlanmasını ister"};

constexpr std::array<Words, 12> documents = {
    "Ödeme emri belgeleri", "Taşınır işlem fişleri", "Sözleşme dosyaları", "Hak ediş raporları",
    "Risk kayıtları", "Toplantı tutanakları", "Başvuru dosyaları", "Kabul tutanakları",
    "Envanter listeleri", "Yedekleme kayıtları", "Eğitim sertifikaları", "Teminat mektupları"};

constexpr std::array<Words, 8> passive_manners = {
    "ekleriyle birlikte", "sıra numarası verilerek", "ilgili birim amirinin onayından sonra",
    "asılları saklanmak kaydıyla", "kişisel veriler korunarak", "dosya planındaki kodlarıyla",
    "imza karşılığında", "en geç üç iş günü içinde"};

constexpr std::array<Words, 8> passive_verbs = {
    "muhasebe birimine teslim edilir", "elektronik ortamda arşivlenir", "yıl sonunda kapatılır",
    "ilgili deftere işlenir", "beş yıl süreyle saklanır", "denetim elemanlarının incelemesine hazır tutulur",
    "birim arşivine kaldırılır", "yetkili kişilerce imzalanır"};

constexpr std::array<Words, 6> laws = {
    "5018 sayılı Kamu Mali Yönetimi ve Kontrol Kanunu", "5393 sayılı Belediye Kanunu",
    "4734 sayılı Kamu İhale Kanunu", "6698 sayılı Kişisel Verilerin Korunması Kanunu",
    "Taşınır Mal Yönetmeliği", "Mahallî İdareler Bütçe ve Muhasebe Yönetmeliği"};

constexpr std::array<Words, 4> scopes = {
    "Bu bölüm hükümleri, belediyenin bütün hizmet birimlerini ve bağlı kuruluşlarını kapsar.",
    "Bu bölüm hükümleri, belediye adına iş yapan yükleniciler ile danışmanlar hakkında da uygulanır.",
    "Bu bölümde geçen süreler, aksi belirtilmedikçe iş günü olarak hesaplanır.",
    "Birimler, bu bölümün uygulanmasına ilişkin iç düzenlemelerini üç ay içinde yapar."};

constexpr std::array<std::pair<Words, Words>, 10> definitions = {{
    {"Birim", "belediye teşkilatında yer alan ve bütçede ödeneği bulunan daire başkanlıklarını"},
    {"Harcama yetkilisi", "bütçeden ödenek tahsis edilen birimin en üst yöneticisini"},
    {"Gerçekleştirme görevlisi", "harcama talimatı üzerine işin yapılmasını ve belgelenmesini sağlayan görevliyi"},
    {"Sistem", "belediyenin elektronik belge yönetim sistemini"},
    {"Kayıt", "bir işlemin tarihini, tutarını ve sorumlusunu gösteren elektronik ya da basılı bilgiyi"},
    {"Risk", "amaç ve hedeflerin gerçekleşmesini olumsuz etkileyebilecek durum ya da olayları"},
    {"Komisyon", "bu bölüm uyarınca görevlendirilen en az üç kişilik çalışma grubunu"},
    {"Taşınır", "kullanıma verilen ya da depoda tutulan her türlü malzeme ve demirbaşı"},
    {"Başvuru", "hizmetten yararlanmak için yazılı ya da elektronik ortamda yapılan talebi"},
    {"Yüklenici", "belediye ile sözleşme imzalayan gerçek ya da tüzel kişiyi"},
}};

constexpr std::array<Words, 5> item_letters = {"a)", "b)", "c)", "ç)", "d)"};

// --- the account of the year --------------------------------------------------------------------

constexpr std::array<Words, 9> times = {
    "Yılın ilk çeyreğinde", "Nisan ve mayıs aylarında", "Yaz döneminde", "Eylül ayı sonuna kadar",
    "Yılın son iki ayında", "Okulların açılmasından önce", "Kış bakım programı kapsamında",
    "Bayram tatillerinden önce", "İkinci yarıyılda"};

constexpr std::array<Words, 10> units = {
    "fen işleri dairesi", "park ve bahçeler müdürlüğü", "sosyal hizmetler müdürlüğü", "zabıta müdürlüğü",
    "bilgi işlem dairesi", "itfaiye dairesi", "kültür ve sosyal işler dairesi",
    "çevre koruma ve kontrol dairesi", "su ve kanalizasyon idaresi", "destek hizmetleri dairesi"};

constexpr std::array<std::pair<Words, Words>, 12> works = {{
    {"sokakta kaldırım ve bordür yenileme çalışması", "tamamlanmıştır"},
    {"okulun bahçesinde bakım ve onarım işi", "yapılmıştır"},
    {"hane için sosyal inceleme raporu", "hazırlanmıştır"},
    {"işyerinde ruhsat ve hijyen denetimi", "gerçekleştirilmiştir"},
    {"kilometre yağmur suyu hattı", "döşenmiştir"},
    {"adet fidan", "toprakla buluşturulmuştur"},
    {"personele iş sağlığı ve güvenliği eğitimi", "verilmiştir"},
    {"mahallede afet farkındalık toplantısı", "düzenlenmiştir"},
    {"kişiye evde bakım hizmeti", "sunulmuştur"},
    {"konser, sergi ve söyleşi", "izleyiciyle buluşmuştur"},
    {"bina için enerji kimlik belgesi", "alınmıştır"},
    {"araç için periyodik bakım", "yaptırılmıştır"},
}};

constexpr std::array<Words, 7> causes = {
    "Yüklenici firmanın iş programına uymaması", "Kamulaştırma işlemlerinin uzaması",
    "Şubat ayındaki şiddetli yağışlar", "Malzeme fiyatlarındaki beklenmedik artış",
    "İhalenin bir kez iptal edilmesi", "Altyapı kurumlarıyla yapılan eş güdüm toplantılarının uzaması",
    "Proje tasarımında yapılan değişiklikler"};

constexpr std::array<Words, 6> projects = {
    "Yeşilvadi Mahallesi'ndeki kreş binasının yapımı", "merkez kütüphanenin onarımı",
    "sahil yolu yaya köprüsü projesi", "kuzey kavşağının yeniden düzenlenmesi",
    "Çamlıtepe spor salonunun çatı yalıtımı", "Ilıca Caddesi'nin aydınlatma projesi"};

constexpr std::array<Words, 4> delays = {
    "yaklaşık iki ay gecikmiştir", "bir sonraki yıla sarkmıştır",
    "planlanandan üç hafta sonra tamamlanabilmiştir", "ancak kasım ayında başlatılabilmiştir"};

constexpr std::array<Words, 8> openers = {
    "Öte yandan", "Bunun yanı sıra", "Aynı dönemde", "Buna ek olarak", "Geçen yılla karşılaştırıldığında",
    "Stratejik plan hedefleri doğrultusunda", "Vatandaşlardan gelen talepler üzerine", "Meclis kararı uyarınca"};

constexpr std::array<Words, 6> doers = {
    "belediyemiz", "ilgili birimler", "proje ekibi", "muhtarlıklarla birlikte çalışan ekipler",
    "gönüllü kuruluşlar", "kent konseyi"};

constexpr std::array<Words, 8> improvements = {
    "hizmet binalarının erişilebilirliğini", "toplu taşıma duraklarının aydınlatmasını",
    "sokak hayvanlarının bakım koşullarını", "başvuruların yanıtlanma süresini",
    "yeşil alanların sulama düzenini", "pazar yerlerinin temizlik programını",
    "engelli bireylere yönelik ulaşım desteğini", "gençlere yönelik meslek kurslarını"};

constexpr std::array<Words, 7> improved = {
    "iyileştirmiştir", "yeniden düzenlemiştir", "genişletmiştir", "izlemeye almıştır",
    "güçlendirmiştir", "yaygınlaştırmıştır", "gözden geçirmiştir"};

constexpr std::array<Words, 6> wishes = {
    "daha sık otobüs seferi", "akşamları da açık kalan kütüphane", "çocuklar için güvenli oyun alanı",
    "daha temiz pazar yerleri", "kaldırımlarda engelsiz geçiş", "mahalleye yakın sağlık noktası"};

constexpr std::array<Words, 4> responses = {
    "gelecek yılın iş programına alınmıştır", "kısmen karşılanmış, kalan bölümü için ödenek istenmiştir",
    "ilgili birimlere iletilmiş ve izlemeye alınmıştır", "seçilen iki mahallede deneme uygulamasıyla sınanmaktadır"};

constexpr std::array<Words, 5> decisions = {
    "ücret tarifesi yeniden belirlenmiştir", "iki yeni mahalle parkının adı kesinleşmiştir",
    "kreş hizmetinden yararlanma koşulları genişletilmiştir",
    "öğrencilere yönelik ulaşım indirimi bir yıl daha sürdürülmüştür",
    "kent arşivinin kuruluş esasları kabul edilmiştir"};

constexpr std::array<Words, 4> shares = {"yarısı", "üçte biri", "dörtte biri", "beşte biri"};

// "Ek-3'te": the locative suffix after each digit, as it is read.
constexpr std::array<Words, 9> annex_suffix = {"1'de", "2'de", "3'te", "4'te", "5'te", "6'da", "7'de", "8'de", "9'da"};

constexpr std::array<Words, 3> annex_tails = {
    "bütçe uygulama sonuçlarıyla birlikte izlenmektedir", "ayrıca meclisin bilgisine sunulmuştur",
    "birim faaliyet raporlarında da yer almaktadır"};

// --- the evaluation -----------------------------------------------------------------------------

constexpr std::array<Words, 6> evaluation_openers = {
    "Yapılan değerlendirmeye göre", "İzleme raporlarının gösterdiği üzere",
    "Göstergeler bir bütün olarak ele alındığında", "Önceki yıllarla karşılaştırıldığında",
    "Birimlerden alınan bilgiler ışığında", "Denetim bulguları dikkate alındığında"};

constexpr std::array<Words, 6> findings = {
    "hizmet binalarının enerji tüketimi belirgin biçimde azalmıştır",
    "başvuruların ortalama yanıt süresi kısalmıştır", "yatırım bütçesinin gerçekleşme oranı yükselmiştir",
    "personel başına düşen eğitim saati artmıştır",
    "şikâyetlerin önemli bir bölümü ilk başvuruda çözülmüştür",
    "taşınır kayıtlarıyla fiilî durum arasındaki farklar azalmıştır"};

constexpr std::array<Words, 6> contrasts = {
    "ancak bu iyileşmenin bir bölümü ılıman geçen kış aylarından kaynaklanmaktadır",
    "bununla birlikte, bazı birimlerde kayıtların geç girilmesi sorunu sürmektedir",
    "yine de hedefe ulaşmak için ek önlemler gerekmektedir",
    "öte yandan, ilçeler arasındaki farklar hâlâ dikkat çekicidir",
    "ne var ki yıl sonuna doğru yoğunlaşan işler bu eğilimi zayıflatmıştır",
    "ancak ölçüm yönteminin değişmesi, karşılaştırmayı bir ölçüde güçleştirmektedir"};

constexpr std::array<Words, 6> next_steps = {
    "risk kayıtlarının üç ayda bir gözden geçirilmesi", "veri girişlerinin tek bir sistemde toplanması",
    "birimler arası yazışmaların tümüyle elektronik ortama taşınması",
    "hedeflerin ölçülebilir göstergelerle ilişkilendirilmesi",
    "yüklenicilerin performansının düzenli olarak puanlanması",
    "vatandaş anketlerinin mahalle ölçeğinde yapılması"};

constexpr std::array<Words, 5> plans = {
    "planlanmaktadır", "önerilmektedir", "öngörülmüştür", "yararlı görülmektedir", "hedeflenmektedir"};

constexpr std::array<Words, 5> conclusions = {
    "iç kontrol sisteminin kurumda giderek yerleştiğini göstermektedir",
    "kaynakların öncelikli alanlara yönlendirildiğini ortaya koymaktadır",
    "hedeflerin gerçekçi biçimde belirlendiğini düşündürmektedir",
    "birimler arası iş birliğinin güçlendiğine işaret etmektedir",
    "planlama ile uygulama arasındaki bağın sıkılaştığını doğrulamaktadır"};

constexpr std::array<Words, 10> fields = {
    "mali disiplin", "hizmet kalitesi", "şeffaflık", "çevre koruma", "dijital hizmetler",
    "afet hazırlığı", "sosyal destek", "kentsel altyapı", "personel gelişimi", "katılımcılık"};

std::string str(Words words) { return std::string(words); }

// A count as it is written in Turkish text: digits grouped with dots from 1.000 on.
std::string count(Dice& dice, std::size_t below) {
  return format_integer_tr(static_cast<int64_t>(12 + dice.below(below)));
}

std::string amount(Dice& dice) {
  return format_decimal_tr(Decimal{static_cast<int64_t>(150000 + dice.below(40000000)) * 100, 2});
}

std::string percent(Dice& dice) {
  return format_percent_tr(Decimal{static_cast<int64_t>(620 + dice.below(375)), 1}, 1);
}

// --- sentences ----------------------------------------------------------------------------------

std::string duty(Dice& dice) {
  return str(dice.pick(actors)) + ", " + str(dice.pick(documents_accusative)) + " " + str(dice.pick(manners)) + " " +
         str(dice.pick(duties)) + " yükümlüdür.";
}

std::string procedure(Dice& dice) {
  return str(dice.pick(documents)) + ", " + str(dice.pick(passive_manners)) + " " + str(dice.pick(passive_verbs)) + ".";
}

std::string exception(Dice& dice) {
  std::string actor(dice.pick(actors));
  // "Birim amirleri …": in the middle of a sentence the actor is written in lower case, except
  // the capital İ of "İç denetçiler" and "İnsan kaynakları", which lower-case to i.
  if (actor.rfind("İ", 0) == 0) actor = "i" + actor.substr(std::string_view("İ").size());
  else actor[0] = static_cast<char>(actor[0] - 'A' + 'a');
  return str(dice.pick(conditions)) + ", " + actor + " " + str(dice.pick(consequences)) + ".";
}

std::string reference(Dice& dice) {
  if (dice.below(2) == 0) return "Bu bölümde hüküm bulunmayan hâllerde " + str(dice.pick(laws)) + " hükümleri uygulanır.";
  return str(dice.pick(laws)) + " ile bu Yönergenin diğer bölümlerindeki özel hükümler saklıdır.";
}

std::string work_done(Dice& dice) {
  const auto& [work, done] = works[dice.below(works.size())];
  return str(dice.pick(times)) + " " + str(dice.pick(units)) + " tarafından " + count(dice, 1900) + " " + str(work) +
         " " + str(done) + ".";
}

std::string spending(Dice& dice) {
  switch (dice.below(3)) {
    case 0:
      return "Yapılan harcama " + amount(dice) + " TL olup yıl sonu ödeneğine göre gerçekleşme oranı " + percent(dice) +
             " düzeyindedir.";
    case 1:
      return amount(dice) + " TL tutarındaki bu harcamanın " + str(dice.pick(shares)) +
             " ulusal ve uluslararası hibe programlarından karşılanmıştır.";
    default:
      return "Bu iş için ayrılan " + amount(dice) + " TL'lik ödeneğin " + percent(dice) +
             " oranında kullanıldığı görülmektedir.";
  }
}

std::string setback(Dice& dice) {
  return str(dice.pick(causes)) + " nedeniyle " + str(dice.pick(projects)) + " " + str(dice.pick(delays)) + ".";
}

std::string improvement(Dice& dice) {
  return str(dice.pick(openers)) + " " + str(dice.pick(doers)) + " " + str(dice.pick(improvements)) + " " +
         str(dice.pick(improved)) + ".";
}

std::string wish(Dice& dice) {
  return "Vatandaş anketlerinde en sık dile getirilen \"" + str(dice.pick(wishes)) + "\" isteği " +
         str(dice.pick(responses)) + ".";
}

std::string decision(Dice& dice, int year) {
  Date date{year, static_cast<int32_t>(1 + dice.below(12)), static_cast<int32_t>(1 + dice.below(28))};
  std::string text = format_date_tr(date, true) + " tarihli ve " + std::to_string(year) + "/" +
                     std::to_string(10 + dice.below(190)) + " sayılı meclis kararıyla " + str(dice.pick(decisions)) + ".";
  if (dice.below(2) == 0) {
    text += " Söz konusu çalışmalar (ayrıntıları Ek-" + str(dice.pick(annex_suffix)) + " verilmiştir) " +
            str(dice.pick(annex_tails)) + ".";
  }
  return text;
}

std::string evaluation(Dice& dice) {
  return str(dice.pick(evaluation_openers)) + ", " + str(dice.pick(findings)) + "; " + str(dice.pick(contrasts)) + ".";
}

std::string next_step(Dice& dice) {
  return "Önümüzdeki dönemde " + str(dice.pick(next_steps)) + " " + str(dice.pick(plans)) + ".";
}

std::string conclusion(Dice& dice) { return "Bu sonuçlar, " + str(dice.pick(conclusions)) + "."; }

std::string summary(Dice& dice) {
  // Four different fields, in the order drawn.
  std::array<std::size_t, 4> picked{};
  for (std::size_t i = 0; i < picked.size(); ++i) {
    bool fresh = false;
    while (!fresh) {
      picked[i] = dice.below(fields.size());
      fresh = true;
      for (std::size_t j = 0; j < i; ++j) fresh = fresh && picked[j] != picked[i];
    }
  }
  return "Sonuç olarak, " + str(fields[picked[0]]) + ", " + str(fields[picked[1]]) + " ve " + str(fields[picked[2]]) +
         " alanlarında kayda değer ilerleme sağlanmış; " + str(fields[picked[3]]) +
         " konusunda ise beklenen düzeye ulaşılamamıştır.";
}

// --- blocks -------------------------------------------------------------------------------------

doc::Block paragraph(std::string text) {
  doc::Paragraph p;
  p.content.push_back(doc::text_span(std::move(text)));
  p.style = "body";
  return doc::Block{std::in_place_type<doc::Paragraph>, std::move(p)};
}

doc::Block heading(int level, std::string number, std::string text, std::string id) {
  doc::Heading h;
  h.level = level;
  h.number = std::move(number);
  h.content.push_back(doc::text_span(std::move(text)));
  h.id = std::move(id);
  return doc::Block{std::in_place_type<doc::Heading>, std::move(h)};
}

std::string article(int number) { return "Madde " + std::to_string(number) + " – "; }

void directive(Dice& dice, const Topic& topic, int& number, std::vector<doc::Block>& blocks) {
  blocks.push_back(paragraph(article(number++) + "(1) Bu bölüm, " + str(topic.subject) +
                             " ilişkin usul ve esasları düzenler."));
  blocks.push_back(paragraph("(2) " + str(dice.pick(scopes))));
  // Definitions: four distinct terms with lettered items.
  std::string text = article(number++) + "(1) Bu bölümde geçen;";
  std::size_t first = dice.below(definitions.size());
  for (std::size_t i = 0; i < 4; ++i) {
    const auto& [term, meaning] = definitions[(first + i * 3) % definitions.size()];
    text += " " + str(item_letters[i]) + " " + str(term) + ": " + str(meaning) + (i < 3 ? "," : ", ifade eder.");
  }
  blocks.push_back(paragraph(text));
  for (int a = 0; a < 3; ++a) {
    std::string first_clause = article(number++) + "(1) " + duty(dice) + " " + procedure(dice);
    if (dice.below(2) == 0) first_clause += " " + duty(dice);
    blocks.push_back(paragraph(first_clause));
    blocks.push_back(paragraph("(2) " + exception(dice) + " " + procedure(dice)));
    if (dice.below(3) == 0) blocks.push_back(paragraph("(3) " + reference(dice)));
  }
}

void account(Dice& dice, int year, std::vector<doc::Block>& blocks) {
  for (int p = 0; p < 6; ++p) {
    std::string text = work_done(dice) + " " + spending(dice);
    const int sentences = 2 + static_cast<int>(dice.below(3));
    for (int s = 0; s < sentences; ++s) {
      text += " ";
      switch (dice.below(5)) {
        case 0: text += setback(dice); break;
        case 1: text += wish(dice); break;
        case 2: text += decision(dice, year); break;
        case 3: text += work_done(dice); break;
        default: text += improvement(dice); break;
      }
    }
    blocks.push_back(paragraph(text));
  }
}

void assessment(Dice& dice, std::vector<doc::Block>& blocks) {
  for (int p = 0; p < 3; ++p) {
    std::string text = evaluation(dice) + " " + conclusion(dice) + " " + evaluation(dice) + " " + next_step(dice);
    if (dice.below(2) == 0) text += " " + next_step(dice);
    blocks.push_back(paragraph(text));
  }
  blocks.push_back(paragraph(summary(dice) + " " + next_step(dice)));
}

}  // namespace

doc::Document prose_book(int chapters, const doc::Metadata& metadata) {
  doc::Document document;
  document.metadata = metadata;
  doc::Section body{doc::Matter::body, {}};
  int number = 1;
  for (int c = 1; c <= chapters; ++c) {
    Dice dice(static_cast<uint64_t>(1000 + c));
    const Topic& topic = topics[static_cast<std::size_t>(c - 1) % topics.size()];
    const std::string id = "metin-" + std::to_string(c);
    body.blocks.push_back(heading(1, format_roman(c) + "-", str(topic.title), id));
    body.blocks.push_back(heading(2, "A-", "Hükümler", id + "-a"));
    directive(dice, topic, number, body.blocks);
    body.blocks.push_back(heading(2, "B-", "Yıl İçindeki Uygulamalar", id + "-b"));
    account(dice, 2025, body.blocks);
    body.blocks.push_back(heading(2, "C-", "Değerlendirme", id + "-c"));
    assessment(dice, body.blocks);
  }
  document.sections.push_back(std::move(body));
  return document;
}

}  // namespace bench
