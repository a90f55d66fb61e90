#!/usr/bin/env python3
"""Writes kuzeykent.sql, the fictional sample data set of dizgi (standard schema, INSERTs only).

Kuzeykent Büyükşehir Belediyesi is invented: names, people and figures are illustrative.
The output is deterministic (fixed seed); run `python3 generate.py > kuzeykent.sql` after a
change and commit both files. Money is computed in integer kuruş so every total adds up exactly.
"""
import random
import sys

rng = random.Random(20251231)
out = []


def lit(v):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, Num):
        return v.text
    return "'" + str(v).replace("'", "''") + "'"


class Num:
    """A decimal literal written verbatim (never through a float)."""

    def __init__(self, text):
        self.text = text


def money(kurus):
    sign = "-" if kurus < 0 else ""
    k = abs(kurus)
    return Num(f"{sign}{k // 100}.{k % 100:02d}")


def dec(value, places):
    """value is an int scaled by 10^places."""
    sign = "-" if value < 0 else ""
    v = abs(value)
    if places == 0:
        return Num(f"{sign}{v}")
    return Num(f"{sign}{v // 10**places}.{v % 10**places:0{places}d}")


def insert(table, columns, rows):
    out.append(f"-- {table}")
    for row in rows:
        values = ", ".join(lit(v) for v in row)
        out.append(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values});")
    out.append("")


YIL = 2025
PLAN = list(range(2025, 2030))

# --- idare ---------------------------------------------------------------------------------------
insert("idare", ["id", "ad", "kisa_ad", "tur", "il", "nufus", "nufus_yili", "yuzolcumu_km2",
                 "ilce_sayisi", "mahalle_sayisi", "adres", "telefon", "eposta", "web", "logo",
                 "ust_yonetici", "ust_yonetici_unvan", "mali_hizmetler_yoneticisi",
                 "mali_hizmetler_unvan"],
       [[1, "Kuzeykent Büyükşehir Belediyesi", "Kuzeykent BB", "buyuksehir_belediyesi", "Kuzeykent",
         4100000, 2024, Num("12000.00"), 28, 1312,
         "Cumhuriyet Meydanı No: 1, 34999 Merkez/Kuzeykent", "0 (299) 444 00 00",
         "bilgi@kuzeykent.bel.tr", "https://www.kuzeykent.bel.tr", "logo.svg",
         "Şükrü Çağlayan Işıkgöz", "Belediye Başkanı", "Oğuz Aydın",
         "Mali Hizmetler Dairesi Başkanı"]])

# --- birim ---------------------------------------------------------------------------------------
# (short name, full name, type, weight for the budget, fonksiyonel kod, task text)
UNITS = [
    ("Özel Kalem", "Özel Kalem Müdürlüğü", "ozel_kalem", 3, "01", "Başkanlık makamının yazışma, protokol ve randevu işlerini yürütür."),
    ("Teftiş Kurulu", "Teftiş Kurulu Başkanlığı", "kurul", 1, "01", "Belediye birimlerinin iş ve işlemlerini teftiş eder, inceleme ve soruşturma yürütür."),
    ("İç Denetim", "İç Denetim Birimi Başkanlığı", "ic_denetim", 1, "01", "Risk odaklı iç denetim yapar, yönetim ve kontrol süreçlerini değerlendirir."),
    ("Hukuk Müşavirliği", "Hukuk Müşavirliği", "musavirlik", 2, "01", "Belediyenin dava ve icra işlerini takip eder, hukuki görüş verir."),
    ("Basın Yayın", "Basın Yayın ve Halkla İlişkiler Dairesi Başkanlığı", "daire_baskanligi", 6, "01", "Kurumsal iletişimi, Beyaz Masa ve halkla ilişkiler hizmetlerini yürütür."),
    ("Strateji Geliştirme", "Strateji Geliştirme Dairesi Başkanlığı", "daire_baskanligi", 3, "01", "Stratejik plan, performans programı ve faaliyet raporlarını hazırlar; iç kontrolü koordine eder."),
    ("Mali Hizmetler", "Mali Hizmetler Dairesi Başkanlığı", "daire_baskanligi", 30, "01", "Bütçe, muhasebe, gelir ve borç yönetimi işlerini yürütür."),
    ("İnsan Kaynakları", "İnsan Kaynakları ve Eğitim Dairesi Başkanlığı", "daire_baskanligi", 9, "01", "Personel işlemlerini, norm kadroyu ve hizmet içi eğitimleri yürütür."),
    ("Bilgi İşlem", "Bilgi İşlem Dairesi Başkanlığı", "daire_baskanligi", 8, "01", "Bilgi sistemlerini, ağ altyapısını ve e-belediye hizmetlerini işletir."),
    ("Destek Hizmetleri", "Destek Hizmetleri Dairesi Başkanlığı", "daire_baskanligi", 14, "01", "Satın alma, araç ve hizmet binası işletme hizmetlerini yürütür."),
    ("Yazı İşleri", "Yazı İşleri ve Kararlar Dairesi Başkanlığı", "daire_baskanligi", 2, "01", "Meclis ve encümen çalışmalarının sekretaryasını yürütür."),
    ("Emlak ve İstimlak", "Emlak ve İstimlak Dairesi Başkanlığı", "daire_baskanligi", 18, "06", "Taşınmaz edinimi, kamulaştırma ve kiralama işlerini yürütür."),
    ("Fen İşleri", "Fen İşleri Dairesi Başkanlığı", "daire_baskanligi", 60, "04", "Yol, köprü, kavşak ve altyapı yapım ve bakım işlerini yürütür."),
    ("Etüt ve Projeler", "Etüt ve Projeler Dairesi Başkanlığı", "daire_baskanligi", 6, "06", "Yatırım projelerinin etüt ve tasarım işlerini yürütür."),
    ("İmar ve Şehircilik", "İmar ve Şehircilik Dairesi Başkanlığı", "daire_baskanligi", 5, "06", "Nazım ve uygulama imar planlarını hazırlar, yapı denetimini yürütür."),
    ("Kentsel Dönüşüm", "Kentsel Dönüşüm Dairesi Başkanlığı", "daire_baskanligi", 20, "06", "Riskli alanların dönüşümünü planlar ve yürütür."),
    ("Ulaşım", "Ulaşım Dairesi Başkanlığı", "daire_baskanligi", 25, "04", "Toplu taşıma, trafik ve akıllı ulaşım sistemlerini planlar ve işletir."),
    ("Raylı Sistem", "Raylı Sistem Dairesi Başkanlığı", "daire_baskanligi", 55, "04", "Metro ve tramvay hatlarının proje ve yapım işlerini yürütür."),
    ("Park ve Bahçeler", "Park ve Bahçeler Dairesi Başkanlığı", "daire_baskanligi", 16, "06", "Park, bahçe ve yeşil alanların yapım ve bakımını yürütür."),
    ("Çevre Koruma", "Çevre Koruma ve Kontrol Dairesi Başkanlığı", "daire_baskanligi", 14, "05", "Çevre denetimi, atık su ve hava kalitesi işlerini yürütür."),
    ("İklim ve Sıfır Atık", "İklim Değişikliği ve Sıfır Atık Dairesi Başkanlığı", "daire_baskanligi", 22, "05", "Katı atık yönetimini, geri kazanımı ve iklim eylem planını yürütür."),
    ("Sağlık", "Sağlık Dairesi Başkanlığı", "daire_baskanligi", 9, "07", "Evde sağlık, hasta nakil ve koruyucu sağlık hizmetlerini sunar."),
    ("Sosyal Hizmetler", "Sosyal Hizmetler Dairesi Başkanlığı", "daire_baskanligi", 15, "10", "Sosyal yardım, evde bakım ve engelli hizmetlerini yürütür."),
    ("Kadın ve Aile", "Kadın ve Aile Hizmetleri Dairesi Başkanlığı", "daire_baskanligi", 7, "10", "Kadın danışma merkezlerini, kreşleri ve aile destek programlarını yürütür."),
    ("Gençlik ve Spor", "Gençlik ve Spor Hizmetleri Dairesi Başkanlığı", "daire_baskanligi", 9, "08", "Spor tesislerini işletir, gençlik programları ve spor okulları düzenler."),
    ("Kültür ve Sosyal İşler", "Kültür ve Sosyal İşler Dairesi Başkanlığı", "daire_baskanligi", 10, "08", "Kültür ve sanat etkinliklerini, kütüphaneleri ve kültür merkezlerini yürütür."),
    ("Tarihi Çevre", "Tarihi Çevre ve Kültür Varlıkları Dairesi Başkanlığı", "daire_baskanligi", 5, "08", "Tescilli yapıların rölöve, restorasyon ve envanter işlerini yürütür."),
    ("İtfaiye", "İtfaiye Dairesi Başkanlığı", "daire_baskanligi", 14, "03", "Yangın, kurtarma ve afet müdahale hizmetlerini yürütür."),
    ("Zabıta", "Zabıta Dairesi Başkanlığı", "daire_baskanligi", 9, "03", "Kent düzenini sağlar, işyeri ve tüketici denetimlerini yürütür."),
    ("Afet İşleri", "Afet İşleri ve Risk Yönetimi Dairesi Başkanlığı", "daire_baskanligi", 6, "03", "Afet risk azaltma, toplanma alanları ve tatbikat işlerini yürütür."),
    ("Kırsal Hizmetler", "Kırsal Hizmetler ve Tarım Dairesi Başkanlığı", "daire_baskanligi", 7, "04", "Kırsal altyapı, tarımsal destek ve üretici programlarını yürütür."),
    ("Muhtarlıklar", "Muhtarlıklar Dairesi Başkanlığı", "daire_baskanligi", 2, "01", "Muhtarlarla iletişimi ve mahalle taleplerinin takibini yürütür."),
]
FIRST = ["Ayşe", "Mehmet", "Çiğdem", "İsmail", "Gökhan", "Şebnem", "Oğuz", "Özlem", "Ümit", "Işıl",
         "Barış", "Ebru", "Ilgaz", "Serdar", "Nilüfer", "Tuğçe", "Hüseyin", "Gülay", "Cüneyt", "Şule",
         "Doğan", "Ağah", "İpek", "Rüştü", "Zeynep", "Kıvanç", "Feride", "Çağrı", "Sevgül", "Yiğit",
         "Müge", "Erdoğan"]
LAST = ["Yıldırım", "Kılıç", "Şahin", "Güneş", "Çelik", "Öztürk", "Aydın", "Karagöz", "Doğru",
        "Işık", "Ünal", "Sarıgül", "Eğilmez", "Çakır", "Özdemir", "Tuncer", "Kaçar", "Gürsoy",
        "Erdağ", "Bilgiç", "Akgül", "Sönmez", "İnan", "Koçak", "Uğurlu", "Şimşek", "Demirağ",
        "Türkoğlu", "Özçelik", "Yücel", "Aksoy", "Çınar"]

birim_rows = [[1, "46.01.00.01", "Genel Sekreterlik", "Genel Sekreterlik", "genel_sekreterlik", None,
               False, None, None, "Belediye birimlerini başkan adına koordine eder.", None, 1]]
# The six deputies of the secretary general, each over a field of services (no budget of their own).
GSY = [("Yönetim Hizmetleri", "yönetim, mali ve idari hizmetler"),
       ("Altyapı Hizmetleri", "altyapı, yapım ve imar hizmetleri"),
       ("Ulaşım Hizmetleri", "ulaşım ve raylı sistem hizmetleri"),
       ("Çevre Hizmetleri", "çevre, iklim ve yeşil alan hizmetleri"),
       ("Sosyal Hizmetler", "sosyal, sağlık ve kültür hizmetleri"),
       ("Kent Güvenliği Hizmetleri", "itfaiye, zabıta ve afet hizmetleri")]
for i, (field, scope) in enumerate(GSY):
    birim_rows.append([2 + i, f"46.01.00.{10 + i}", f"{field} Genel Sekreter Yardımcılığı",
                       f"GSY {field}", "genel_sekreter_yardimciligi", 1, False, None, None,
                       f"Genel sekreter adına {scope} alanındaki daire başkanlıklarını koordine eder.", None, 2 + i])
UNIT_ID = {}
for n, (short, name, kind, _w, _f, task) in enumerate(UNITS):
    uid = 10 + n
    UNIT_ID[short] = uid
    person = f"{FIRST[n]} {LAST[n]}"
    title = "Müdür" if kind == "ozel_kalem" else ("Kurul Başkanı" if kind == "kurul" else
            ("Hukuk Müşaviri" if kind == "musavirlik" else ("İç Denetim Birimi Başkanı" if kind == "ic_denetim" else "Daire Başkanı")))
    parent = None if kind in ("ozel_kalem", "kurul", "ic_denetim", "musavirlik") else 2 + (n % 6)
    birim_rows.append([uid, f"46.01.34.{n + 1:02d}", name, short, kind, parent, True, person, title,
                       task, "Cumhuriyet Meydanı No: 1, Merkez/Kuzeykent", 10 + n])
insert("birim", ["id", "kod", "ad", "kisa_ad", "tur", "ust_birim_id", "harcama_birimi",
                 "harcama_yetkilisi", "harcama_yetkilisi_unvan", "gorev_tanimi", "adres", "sira"],
       birim_rows)

insert("kisi", ["id", "ad_soyad", "unvan", "gorev", "birim_id", "imza"], [
    [1, "Şükrü Çağlayan Işıkgöz", "Belediye Başkanı", "Üst Yönetici", None, None],
    [2, "Oğuz Aydın", "Daire Başkanı", "Mali Hizmetler Birim Yöneticisi", UNIT_ID["Mali Hizmetler"], None],
    [3, "Ömer Faruk Çağıl", "Genel Sekreter", "Genel Sekreter", 1, None],
])

insert("meclis", ["yil", "uye_sayisi", "toplanti_sayisi", "karar_sayisi", "encumen_toplanti_sayisi",
                  "encumen_karar_sayisi", "komisyon_sayisi"], [[2025, 121, 22, 1684, 52, 3127, 14]])

insert("istirak", ["id", "ad", "tur", "sermaye", "pay", "faaliyet_alani"], [
    [1, "Kuzeykent Su ve Kanalizasyon İdaresi (KUSKİ)", "bagli_kurulus", None, None, "İçme suyu ve atık su hizmetleri"],
    [2, "Kuzeykent Otobüs İşletmesi (KOTİ)", "bagli_kurulus", None, None, "Toplu taşıma"],
    [3, "Kuzeykent Ulaşım A.Ş.", "sirket", money(185000000000), Num("100.00"), "Raylı sistem işletmeciliği"],
    [4, "Kuzeykent Enerji ve Çevre A.Ş.", "sirket", money(42000000000), Num("99.80"), "Atık bertarafı ve enerji üretimi"],
    [5, "Kuzeykent Halk Ekmek ve Gıda A.Ş.", "sirket", money(6500000000), Num("98.50"), "Ekmek ve gıda üretimi"],
    [6, "Kuzeykent Bilişim A.Ş.", "sirket", money(2500000000), Num("100.00"), "Yazılım ve bilişim hizmetleri"],
    [7, "Kuzeykent Park ve Peyzaj A.Ş.", "sirket", money(4000000000), Num("100.00"), "Peyzaj ve bakım hizmetleri"],
    [8, "Kuzeykent Kültür Sanat A.Ş.", "sirket", money(1200000000), Num("51.00"), "Kültür ve turizm hizmetleri"],
])

# --- strategic plan ------------------------------------------------------------------------------
# The approved plan's mission and vision: the one wording every text of the data repeats.
MISYON = ("Kuzeykent’te yaşayan herkese katılımcı, şeffaf ve sürdürülebilir belediye hizmetlerini eşit ve "
          "nitelikli biçimde sunmak.")
VIZYON = "Afetlere dirençli, yeşil, erişilebilir ve herkes için yaşanabilir bir Kuzeykent."
insert("stratejik_plan", ["id", "baslangic_yili", "bitis_yili", "onay_tarihi", "onay_karar_no", "misyon", "vizyon"], [
    [1, 2025, 2029, "2024-11-14", "2024/1186",
     MISYON, VIZYON]])

insert("temel_deger", ["sira", "ad", "aciklama"], [
    [1, "Şeffaflık", "Kararlarımızı ve kaynak kullanımımızı kamuoyuyla açıkça paylaşırız."],
    [2, "Katılımcılık", "Hizmetleri paydaşlarımızla birlikte tasarlarız."],
    [3, "Hesap verebilirlik", "Sonuçlarımızın sorumluluğunu üstleniriz."],
    [4, "Eşitlik ve hakkaniyet", "Hizmetlere erişimde kimseyi geride bırakmayız."],
    [5, "Sürdürülebilirlik", "Bugünün ihtiyaçlarını gelecek kuşakların hakkını gözeterek karşılarız."],
    [6, "Yenilikçilik", "Akıllı şehir çözümlerini ve veriye dayalı yönetimi benimseriz."],
    [7, "Güvenilirlik", "Verdiğimiz sözü zamanında ve eksiksiz yerine getiririz."],
    [8, "Erişilebilirlik", "Engelli, yaşlı ve çocuk dostu hizmet sunarız."],
    [9, "Liyakat", "Çalışanlarımızı bilgi ve yetkinliklerine göre görevlendiririz."],
    [10, "Çevreye duyarlılık", "Doğal kaynakları ve kültürel mirası koruruz."],
    [11, "İşbirliği", "Kamu kurumları, üniversiteler ve sivil toplumla birlikte çalışırız."],
    [12, "Halk odaklılık", "Her işimizde önce vatandaşın ihtiyacını dinleriz."],
])

insert("mevzuat", ["sira", "yukumluluk", "dayanak", "tespit", "ihtiyac"], [
    [1, "Stratejik plan hazırlamak", "5216 sayılı Kanun md. 7; 5018 sayılı Kanun md. 9", "Plan 2025–2029 dönemi için hazırlandı.", "İzleme sisteminin güçlendirilmesi"],
    [2, "Performans programı hazırlamak", "5018 sayılı Kanun md. 9", "Programlar bütçeyle birlikte sunuluyor.", "Faaliyet maliyetlerinin ayrıntılandırılması"],
    [3, "Faaliyet raporu hazırlamak", "5018 sayılı Kanun md. 41", "Raporlar nisan ayında meclise sunuluyor.", "Verilerin tek kaynaktan derlenmesi"],
    [4, "Toplu taşıma hizmeti sunmak", "5216 sayılı Kanun md. 7/f", "Raylı sistem ağı nüfusa göre yetersiz.", "Yeni hat yatırımları"],
    [5, "Katı atık bertarafı", "5216 sayılı Kanun md. 7/i; 2872 sayılı Çevre Kanunu", "Düzenli depolamaya giden atık fazla.", "Ayrıştırma tesislerinin artırılması"],
    [6, "İtfaiye hizmetleri", "5216 sayılı Kanun md. 7/ı", "Kırsal ilçelerde varış süresi uzun.", "Yeni istasyonlar"],
    [7, "Afet ve acil durum planlaması", "5902 sayılı Kanun", "Toplanma alanları yetersiz.", "Afet risk azaltma planı"],
    [8, "İç kontrol sistemi kurmak", "5018 sayılı Kanun md. 55–58", "Eylem planının %70'i tamamlandı.", "Risk yönetiminin yaygınlaştırılması"],
])

insert("ust_politika", ["sira", "belge", "referans", "gorev"], [
    [1, "On İkinci Kalkınma Planı (2024–2028)", "Afetlere dirençli yaşam alanları", "Kentsel dönüşümün hızlandırılması"],
    [2, "Orta Vadeli Program (2025–2027)", "Yerel yönetimler", "Mali disiplin ve öz gelirlerin artırılması"],
    [3, "İklim Değişikliği Eylem Planı", "Atık ve ulaşım sektörleri", "Sera gazı emisyonlarının azaltılması"],
    [4, "Sıfır Atık Yönetmeliği", "Belediyelerin yükümlülükleri", "Sıfır atık yönetim sisteminin kurulması"],
    [5, "Ulusal Akıllı Şehirler Stratejisi", "Kentsel veri yönetimi", "Akıllı ulaşım ve e-belediye uygulamaları"],
])

insert("faaliyet_alani", ["sira", "ad", "urun_hizmetler"], [
    [1, "Ulaşım", "Raylı sistem\nOtobüs işletmeciliği\nTrafik yönetimi\nBisiklet yolları"],
    [2, "Çevre ve iklim", "Katı atık yönetimi\nÇevre denetimi\nYeşil alan bakımı"],
    [3, "Afet ve güvenlik", "İtfaiye\nAfet hazırlığı\nZabıta denetimi"],
    [4, "Sosyal hizmetler", "Sosyal yardım\nEvde bakım\nKreş ve gündüz bakımevi"],
    [5, "Kültür ve spor", "Kültür merkezleri\nKütüphaneler\nSpor tesisleri"],
    [6, "Kentsel gelişim", "İmar planlama\nKentsel dönüşüm\nAltyapı yatırımları"],
])

PAYDAS = [
    ("Belediye Meclisi", "ic", "temel_ortak", "guclu", "guclu"),
    ("Belediye Çalışanları", "ic", "temel_ortak", "guclu", "guclu"),
    ("Bağlı Kuruluşlar (KUSKİ, KOTİ)", "ic", "stratejik_ortak", "guclu", "guclu"),
    ("Belediye Şirketleri", "ic", "stratejik_ortak", "orta", "guclu"),
    ("İlçe Belediyeleri", "dis", "stratejik_ortak", "guclu", "guclu"),
    ("Kuzeykent Valiliği", "dis", "stratejik_ortak", "guclu", "orta"),
    ("Muhtarlar", "dis", "hizmet_alan", "orta", "guclu"),
    ("Kentte Yaşayanlar", "dis", "hizmet_alan", "orta", "guclu"),
    ("Kuzeykent Üniversitesi", "dis", "stratejik_ortak", "orta", "orta"),
    ("Ticaret ve Sanayi Odası", "dis", "stratejik_ortak", "orta", "orta"),
    ("Meslek Odaları", "dis", "stratejik_ortak", "zayif", "orta"),
    ("Sivil Toplum Kuruluşları", "dis", "hizmet_alan", "zayif", "orta"),
    ("Yükleniciler ve Tedarikçiler", "dis", "tedarikci", "zayif", "zayif"),
    ("Kalkınma Ajansı", "dis", "stratejik_ortak", "orta", "zayif"),
    ("Sayıştay", "dis", "temel_ortak", "guclu", "orta"),
    ("Engelli Dernekleri", "dis", "hizmet_alan", "zayif", "guclu"),
]
def oncelik(etki, onem):
    hi_e, hi_o = etki == "guclu", onem == "guclu"
    if hi_e and hi_o:
        return "birlikte_calis"
    if hi_e:
        return "cikarlarini_gozet"
    if hi_o:
        return "bilgilendir"
    return "izle"
insert("paydas", ["id", "ad", "ic_dis", "tur", "etki", "onem", "oncelik", "gorus_alma_yontemi"],
       [[i + 1, a, b, c, d, e, oncelik(d, e), rng.choice(["anket", "çalıştay", "odak grup", "mülakat"])]
        for i, (a, b, c, d, e) in enumerate(PAYDAS)])

GZFT = {
    "guclu": ["Güçlü mali yapı ve yüksek öz gelir payı", "Deneyimli teknik kadro", "Yaygın hizmet binası ağı",
              "E-belediye altyapısının olgunluğu", "Bağlı şirketlerle hızlı uygulama kapasitesi"],
    "zayif": ["Birimler arası veri paylaşımının zayıflığı", "Kırsal ilçelerde hizmet erişiminin düşüklüğü",
              "Eskimiş araç filosu", "İzleme ve değerlendirme kültürünün yetersizliği"],
    "firsat": ["Dış finansman ve hibe olanakları", "Üniversitelerle iş birliği potansiyeli",
               "Genç ve eğitimli nüfus", "Yeşil dönüşüm fonları"],
    "tehdit": ["Deprem riski ve eski yapı stoku", "Yüksek enflasyonun yatırım maliyetlerine etkisi",
               "Hızlı ve plansız kentleşme", "İklim değişikliğine bağlı aşırı hava olayları"],
}
insert("gzft", ["tur", "sira", "metin"], [[t, i + 1, m] for t, items in GZFT.items() for i, m in enumerate(items)])

insert("pestle", ["faktor", "sira", "tespit", "firsat", "tehdit", "oneri"], [
    ["politik", 1, "Merkezi yönetimle proje onay süreçleri uzun.", "Ortak projeler", "Onay gecikmeleri", "Erken koordinasyon"],
    ["ekonomik", 1, "İnşaat maliyetleri hızla artıyor.", None, "Yatırım bütçesinin aşınması", "Etaplı ihale"],
    ["sosyokulturel", 1, "Yaşlı nüfusun oranı artıyor.", "Gönüllülük programları", "Bakım ihtiyacının artması", "Evde bakımın yaygınlaştırılması"],
    ["teknolojik", 1, "Akıllı şehir teknolojileri ucuzluyor.", "Veriye dayalı yönetim", "Siber güvenlik riskleri", "Kent veri platformu"],
    ["yasal", 1, "Sıfır atık mevzuatı yeni yükümlülükler getiriyor.", "Hibe programları", "Yaptırımlar", "Uyum eylem planı"],
    ["cevresel", 1, "Kuraklık ve sel olayları sıklaştı.", "Yağmur suyu hasadı", "Altyapı hasarı", "İklim uyum planı"],
])

insert("tespit_ihtiyac", ["sira", "asama", "tespit", "ihtiyac"], [
    [1, "Mevzuat analizi", "Yeni yükümlülükler için yeterli personel yok.", "Norm kadro güncellemesi"],
    [2, "Paydaş analizi", "Vatandaşlar ulaşım hizmetlerini öncelikli görüyor.", "Raylı sistem yatırımları"],
    [3, "Kuruluş içi analiz", "Veri tekrarları raporlamayı yavaşlatıyor.", "Merkezi veri ambarı"],
    [4, "PESTLE analizi", "İklim riskleri artıyor.", "Yeşil altyapı yatırımları"],
])

insert("onceki_plan_degerlendirmesi", ["kod", "metin", "oran", "aciklama"], [
    ["A1", "Ulaşımda erişilebilirliği artırmak", Num("72.40"), "Raylı sistem hattının bir bölümü ertelendi."],
    ["A2", "Çevreyi korumak", Num("81.15"), None],
    ["A3", "Afetlere hazırlıklı kent", Num("58.90"), "Kamulaştırma süreçleri uzadı."],
])

# --- amaç, hedef, gösterge -----------------------------------------------------------------------
# indicator: (name, unit, direction, baseline, target 2029, 2025 rate or special, decimals)
AMAC = [
    ("Kent içi ulaşımı erişilebilir, güvenli ve sürdürülebilir kılmak", [
        ("Raylı sistem ağını genişletmek ve yolcu kapasitesini artırmak", "Raylı Sistem", [
            ("Raylı sistem hat uzunluğu", "km", "artan", 62, 95, 1.0, 1),
            ("Günlük raylı sistem yolcu sayısı", "kişi", "artan", 410000, 620000, 0.82, 0),
            ("Raylı sisteme 500 metre yürüme mesafesindeki nüfus oranı", "%", "artan", 31, 45, 1.1, 1)]),
        ("Toplu taşımada hizmet kalitesini yükseltmek", "Ulaşım", [
            ("Otobüs filosunda erişilebilir araç oranı", "%", "artan", 78, 100, 1.2, 1),
            ("Toplu taşıma memnuniyet oranı", "%", "artan", 64, 75, 0.55, 1),
            ("Durakta ortalama bekleme süresi", "dk", "azalan", 14, 9, 1.0, 1)]),
        ("Bisiklet ve yaya ulaşımını yaygınlaştırmak", "Ulaşım", [
            ("Bisiklet yolu uzunluğu", "km", "artan", 150, 270, "A150B180C171", 1),
            ("Yayalaştırılan cadde uzunluğu", "km", "artan", 12, 32, 1.33, 1),
            ("Akıllı kavşak sayısı", "adet", "artan", 140, 340, 0.5, 0),
            ("Erişilebilir yaya geçidi sayısı", "adet", "artan", 1200, 2200, 1.2, 0)]),
    ]),
    ("Çevreyi korumak, iklim değişikliğine uyum sağlamak ve sıfır atık anlayışını yaygınlaştırmak", [
        ("Atık yönetimini geri kazanım odaklı hâle getirmek", "İklim ve Sıfır Atık", [
            ("Ambalaj atığı geri kazanım oranı", "%", "artan", 18, 35, 0.9, 1),
            ("Düzenli depolamaya giden atık miktarı", "ton/gün", "azalan", 5200, 4200, 0.7, 0),
            ("Sıfır atık belgeli kurum sayısı", "adet", "artan", 420, 1400, 1.05, 0)]),
        ("Atık su arıtımını tam kapasiteyle sürdürmek", "Çevre Koruma", [
            ("Atık su arıtma oranı", "%", "koruma", 100, 100, "K100", 1),
            ("Arıtılmış suyun yeniden kullanım oranı", "%", "artan", 6, 15, 1.0, 1),
            ("Çevre denetimi sayısı", "adet", "artan", 8200, 12000, 1.15, 0)]),
        ("Kişi başına yeşil alanı artırmak", "Park ve Bahçeler", [
            ("Kişi başına aktif yeşil alan", "m²", "artan", 7.4, 10, 0.8, 2),
            ("Dikilen ağaç sayısı", "adet", "artan", 0, 250000, 1.0, 0),
            ("Yeni yapılan park sayısı", "adet", "artan", 0, 60, 0.75, 0),
            ("Engelsiz oyun alanı sayısı", "adet", "artan", 14, 64, 1.4, 0)]),
        ("Kurumsal sera gazı emisyonlarını azaltmak", "İklim ve Sıfır Atık", [
            ("Belediye binalarında yenilenebilir enerji oranı", "%", "artan", 9, 30, 1.0, 1),
            ("Kurumsal karbon ayak izi", "ton CO₂e", "azalan", 186000, 150000, "NULL", 0),
            ("LED'e dönüştürülen sokak aydınlatması oranı", "%", "artan", 35, 90, 1.1, 1)]),
    ]),
    ("Afetlere dirençli, planlı ve yaşanabilir bir kent oluşturmak", [
        ("Riskli yapı stokunu dönüştürmek", "Kentsel Dönüşüm", [
            ("Dönüştürülen bağımsız bölüm sayısı", "adet", "artan", 0, 25000, 0.6, 0),
            ("Tamamlanan dönüşüm alanı sayısı", "adet", "artan", 3, 13, 1.0, 0),
            ("Hak sahipleriyle uzlaşma oranı", "%", "artan", 52, 80, 0.9, 1)]),
        ("Afete hazırlık kapasitesini güçlendirmek", "Afet İşleri", [
            ("Standartlara uygun toplanma alanı sayısı", "adet", "artan", 640, 1100, 1.0, 0),
            ("Afet bilinci eğitimi alan kişi sayısı", "kişi", "artan", 0, 400000, 1.25, 0),
            ("Afet ve acil durum tatbikatı sayısı", "adet", "artan", 0, 150, 1.0, 0)]),
        ("İtfaiye müdahale süresini kısaltmak", "İtfaiye", [
            ("İtfaiye ortalama varış süresi", "dk", "azalan", 12, 7, "A12B11C11.5", 1),
            ("İtfaiye istasyonu sayısı", "adet", "artan", 48, 63, 1.0, 0),
            ("Yangınlara ilk 10 dakikada müdahale oranı", "%", "koruma", 95, 95, "K96.2", 1)]),
        ("Uygulama imar planlarını tamamlamak", "İmar ve Şehircilik", [
            ("1/1000 ölçekli uygulama imar planı tamamlanma oranı", "%", "artan", 71, 96, 0.8, 1),
            ("Sayısallaştırılan imar arşivi oranı", "%", "artan", 40, 100, 1.0, 1)]),
    ]),
    ("Sosyal hizmetleri hakkaniyetle sunmak ve dezavantajlı grupların kentsel yaşama katılımını artırmak", [
        ("Sosyal yardımlarda hedeflemeyi iyileştirmek", "Sosyal Hizmetler", [
            ("Yardım başvurularının sonuçlandırılma süresi", "gün", "azalan", 21, 7, 1.3, 0),
            ("Sosyal yardım alan hane sayısı", "hane", "artan", 85000, 110000, 0.9, 0),
            ("Evde bakım hizmeti verilen kişi sayısı", "kişi", "artan", 9200, 15000, 1.0, 0)]),
        ("Kadın ve aile destek hizmetlerini yaygınlaştırmak", "Kadın ve Aile", [
            ("Kadın danışma merkezi sayısı", "adet", "artan", 9, 28, 1.0, 0),
            ("Kreş kapasitesi", "çocuk", "artan", 2400, 6400, 0.65, 0),
            ("Meslek edindirme kursuna katılan kadın sayısı", "kişi", "artan", 0, 60000, 1.18, 0)]),
        ("Sağlık hizmetlerine erişimi kolaylaştırmak", "Sağlık", [
            ("Evde sağlık hizmeti verilen hasta sayısı", "kişi", "artan", 14500, 22000, 1.0, 0),
            ("Engelli bireylere ulaştırılan ortez-protez sayısı", "adet", "artan", 0, 12000, 0.85, 0),
            ("Hasta nakil ortalama ulaşım süresi", "dk", "azalan", 34, 24, 0.6, 1)]),
    ]),
    ("Kültür, sanat ve sporla kentlinin yaşam kalitesini yükseltmek", [
        ("Kültür ve sanat etkinliklerini çeşitlendirmek", "Kültür ve Sosyal İşler", [
            ("Düzenlenen kültür-sanat etkinliği sayısı", "adet", "artan", 1850, 2600, 1.0, 0),
            ("Etkinliklere katılan kişi sayısı", "kişi", "artan", 1400000, 2100000, 1.12, 0),
            ("Kütüphane üye sayısı", "kişi", "artan", 96000, 150000, 0.7, 0)]),
        ("Tarihî ve kültürel mirası korumak", "Tarihi Çevre", [
            ("Restore edilen tescilli yapı sayısı", "adet", "artan", 0, 45, 1.0, 0),
            ("Kent müzelerinin yıllık ziyaretçi sayısı", "kişi", "artan", 310000, 500000, "NULL", 0),
            ("Envanteri çıkarılan kültür varlığı sayısı", "adet", "artan", 2100, 3600, 1.0, 0)]),
        ("Gençlerin spora ve sosyal yaşama katılımını artırmak", "Gençlik ve Spor", [
            ("Belediye spor kulübü lisanslı sporcu sayısı", "kişi", "artan", 3800, 6000, 1.05, 0),
            ("Spor tesisi sayısı", "adet", "artan", 74, 98, 1.0, 0),
            ("Yaz spor okulu katılımcı sayısı", "kişi", "artan", 42000, 60000, 0.88, 0)]),
    ]),
    ("Kentin ekonomik ve kırsal kalkınmasını desteklemek", [
        ("Kırsal üreticiyi desteklemek", "Kırsal Hizmetler", [
            ("Dağıtılan fide ve fidan sayısı", "adet", "artan", 0, 12000000, 1.0, 0),
            ("Desteklenen üretici sayısı", "kişi", "artan", 0, 30000, 1.2, 0),
            ("Kurulan üretici kooperatifi sayısı", "adet", "artan", 12, 32, 0.5, 0)]),
        ("Denetimle tüketiciyi ve kent düzenini korumak", "Zabıta", [
            ("İşyeri denetimi sayısı", "adet", "artan", 64000, 90000, 1.0, 0),
            ("Şikâyetlerin sonuçlandırılma süresi", "gün", "azalan", 6, 2, 1.0, 1),
            ("Ruhsatsız işyeri oranı", "%", "azalan", 7.5, 3, 0.8, 1)]),
    ]),
    ("Katılımcı, şeffaf ve hesap verebilir bir yönetimle kurumsal kapasiteyi güçlendirmek", [
        ("Dijital belediyecilik hizmetlerini yaygınlaştırmak", "Bilgi İşlem", [
            ("E-belediye üzerinden sunulan hizmet sayısı", "adet", "artan", 145, 260, 1.0, 0),
            ("Çevrim içi yapılan işlemlerin oranı", "%", "artan", 48, 75, 1.1, 1),
            ("Kritik sistemlerin erişilebilirlik oranı", "%", "koruma", 99.9, 99.9, "K99.95", 2)]),
        ("İnsan kaynaklarının yetkinliğini geliştirmek", "İnsan Kaynakları", [
            ("Personel başına yıllık eğitim saati", "saat", "artan", 14, 30, 0.75, 1),
            ("Çalışan memnuniyet oranı", "%", "artan", 61, 75, 1.0, 1)]),
        ("Mali yönetimi ve iç kontrolü güçlendirmek", "Mali Hizmetler", [
            ("Öz gelirlerin toplam gelir içindeki payı", "%", "artan", 31, 38, 1.0, 1),
            ("Gider bütçesi gerçekleşme oranı", "%", "artan", 78, 90, 1.17, 1),
            ("İç kontrol eylemlerinin tamamlanma oranı", "%", "artan", 70, 100, 0.9, 1)]),
        ("Vatandaş iletişimini ve memnuniyetini artırmak", "Basın Yayın", [
            ("Beyaz Masa başvurularının çözüm oranı", "%", "artan", 86, 95, 1.0, 1),
            ("Vatandaş memnuniyet oranı", "%", "artan", 62, 72, 0.4, 1),
            ("Mobil uygulama kullanıcı sayısı", "kişi", "artan", 420000, 1200000, 1.3, 0)]),
    ]),
]

SAPMA_UNDER = [
    "İhale süreci itiraz nedeniyle uzadığından işler yıl sonuna yetişmedi.",
    "Bütçe revizyonuyla ödenek başka önceliklere aktarıldı.",
    "Kamulaştırma işlemleri planlanandan uzun sürdü.",
    "Yüklenici firmanın iş programındaki gecikmeler hedefi etkiledi.",
    "Kış koşulları nedeniyle saha çalışmaları ertelendi.",
]
SAPMA_OVER = [
    "Talebin beklenenden yüksek olması ve ek kapasite açılması hedefin aşılmasını sağladı.",
    "Dış kaynaklı hibe ile ek uygulama yapıldı.",
    "İlçe belediyeleriyle ortak yürütülen çalışma hedefin üzerinde sonuç verdi.",
]
TEDBIR_UNDER = [
    "İş programı güncellenerek kalan işler 2026 yılının ilk yarısına planlandı.",
    "Birimler arası koordinasyon toplantıları aylık yapılacak.",
    "Hedef değerleri 2026 performans programında yeniden değerlendirilecek.",
]
TEDBIR_OVER = ["Plan dönemi hedefleri yukarı yönlü güncellenecek.", "Hedef belirleme yöntemi gözden geçirilecek."]

# Deviation reasons and measures written for each indicator that missed or passed its 2025 target
# (domain §8.8: each reason explains its own indicator). Keyed by indicator name.
REASONS = {
    "Günlük raylı sistem yolcu sayısı": (
        "Kuzey–Güney metro hattının ikinci etabı yıl sonunda açılabildiğinden yeni istasyonların yolcusu 2025 sayımlarına girmedi.",
        "Etap açılışından sonraki ilk altı ayda istasyon bazında yolcu sayımı yapılacak."),
    "Raylı sisteme 500 metre yürüme mesafesindeki nüfus oranı": (
        "Tramvay uzatmasının güzergâhı yoğun konut alanlarından geçirildiğinden erişim oranı öngörülenden fazla arttı.",
        "2026–2029 hedefleri yeni güzergâh verisiyle yeniden hesaplanacak."),
    "Otobüs filosunda erişilebilir araç oranı": (
        "Erişilebilir otobüs alımı ihalesi erken sonuçlandı ve 120 araç planlanandan önce filoya katıldı.",
        "2026 alımlarında eski araçların tasfiye takvimi öne çekilecek."),
    "Toplu taşıma memnuniyet oranı": (
        "Yaz aylarındaki hat düzenlemesi sırasında sefer sıklığının düşmesi anket sonuçlarına olumsuz yansıdı.",
        "Hat değişiklikleri önceden duyurulacak ve yoğun hatlarda sefer sıklığı artırılacak."),
    "Bisiklet yolu uzunluğu": (
        "Sahil bisiklet yolunun 9 km'lik bölümü altyapı deplasesi beklendiğinden yıl içinde tamamlanamadı.",
        "Altyapı kurumlarıyla ortak iş programı yapılarak kalan bölüm 2026 ilkbaharında bitirilecek."),
    "Yayalaştırılan cadde uzunluğu": (
        "Esnafın talebiyle iki çarşı caddesi de yayalaştırma programına alındı.",
        "Yayalaştırma etkileri trafik sayımlarıyla izlenecek."),
    "Akıllı kavşak sayısı": (
        "Sinyalizasyon cihazlarının teslimi tedarikçideki yarı iletken sıkıntısı nedeniyle beş ay gecikti.",
        "Gecikmeli teslim için sözleşmedeki cezai hükümler uygulandı; kalan kavşaklar 2026 ilk yarısında devreye alınacak."),
    "Erişilebilir yaya geçidi sayısı": (
        "Okul çevrelerindeki geçitler Milli Eğitim ile ortak programa alındığından ek uygulama yapıldı.",
        "Ortak program 2026'da da sürdürülecek; hedef yukarı yönlü güncellenecek."),
    "Ambalaj atığı geri kazanım oranı": (
        "Yeni toplama araçlarının teslimi gecikti ve ayrı toplama iki ilçede yıl sonuna kadar başlatılamadı.",
        "Araçlar teslim alındığında ayrı toplama kalan ilçelere yayılacak."),
    "Düzenli depolamaya giden atık miktarı": (
        "Kompost tesisinin devreye alınması kabul işlemleri nedeniyle ekim ayına kaldığından organik atık depolamaya gitmeye devam etti.",
        "Tesis tam kapasiteye ulaştığında depolanan atık aylık olarak izlenecek."),
    "Sıfır atık belgeli kurum sayısı": (
        "Okulların sıfır atık belgesi başvuruları toplu kampanyayla alındığından belgeli kurum sayısı hızla arttı.",
        "Belge alan kurumların yıllık denetim takvimi oluşturulacak."),
    "Çevre denetimi sayısı": (
        "Hava kalitesi şikâyetleri üzerine sanayi bölgelerinde ek denetim dönemi açıldı.",
        "Denetim kapasitesi risk esaslı planlamayla dengelenecek."),
    "Kişi başına aktif yeşil alan": (
        "Millet bahçesinin ikinci etabı kamulaştırma davası nedeniyle açılamadığından yeşil alan artışı sınırlı kaldı.",
        "Dava sonuçlandığında etap ihalesi hemen yapılacak."),
    "Yeni yapılan park sayısı": (
        "Üç park arsasının imar planı değişikliği meclis onayını bekledi; yapımları 2026'ya kaldı.",
        "Plan değişiklikleri onaylandıktan sonra parkların yapımı ilk çeyrekte başlatılacak."),
    "Engelsiz oyun alanı sayısı": (
        "Mevcut parklardaki oyun gruplarının yenilenmesi engelsiz tasarımla yapıldığından sayı planı aştı.",
        "Yenileme programı engelsiz tasarım standardıyla sürdürülecek."),
    "Kurumsal karbon ayak izi": (
        "Karbon ayak izi hesabını doğrulayan bağımsız kuruluşun raporu raporlama tarihine yetişmedi.",
        "Doğrulanmış değer 2026 ara raporunda yayımlanacak; doğrulama sözleşmesi takvime bağlanacak."),
    "LED'e dönüştürülen sokak aydınlatması oranı": (
        "Dağıtım şirketiyle yapılan protokolle ana arterlerde dönüşüm şirket tarafından da üstlenildi.",
        "Protokolün ikinci yılı için dönüşüm hedefi güncellenecek."),
    "Dönüştürülen bağımsız bölüm sayısı": (
        "Çınarlı Mahallesi etabında hak sahipleriyle uzlaşma beklenenden uzun sürdüğünden yıkım ve yapım işleri başlatılamadı.",
        "Uzlaşma ofislerinin sayısı artırılarak etap 2026'da ihale edilecek."),
    "Hak sahipleriyle uzlaşma oranı": (
        "Değerleme raporlarına yapılan itirazlar uzlaşma görüşmelerini uzattı.",
        "İtirazlar için bağımsız değerleme komisyonu kurulacak."),
    "Afet bilinci eğitimi alan kişi sayısı": (
        "Okullarda yapılan eğitimler ilçe milli eğitim müdürlükleriyle ortak yürütüldüğünden katılım iki katına çıktı.",
        "Eğitimlerin kalıcılığı için ölçme anketi uygulanacak."),
    "İtfaiye ortalama varış süresi": (
        "İki yeni istasyon yıl sonunda hizmete girdiğinden bu bölgelerde varış süreleri yılın büyük bölümünde uzun kaldı.",
        "Yeni istasyonların etkisi 2026 ilk çeyreğinde ölçülecek."),
    "Yangınlara ilk 10 dakikada müdahale oranı": (
        "Trafik yönetim merkeziyle kurulan yeşil dalga uygulaması itfaiye araçlarının geçişini hızlandırdı.",
        "Uygulama tüm ana arterlere yaygınlaştırılacak."),
    "1/1000 ölçekli uygulama imar planı tamamlanma oranı": (
        "Kırsal ilçelerde halihazır harita üretimi gecikti; planlama çalışması haritalar olmadan başlatılamadı.",
        "Harita üretimi için ek ekip görevlendirildi."),
    "Yardım başvurularının sonuçlandırılma süresi": (
        "Başvuruların e-belediye üzerinden alınmaya başlanması inceleme süresini kısalttı.",
        "Süre hedefleri dijital başvuru oranına göre güncellenecek."),
    "Sosyal yardım alan hane sayısı": (
        "Hane ziyaretleriyle yapılan hak sahipliği güncellemesinde ölçütleri karşılamayan hanelerin yardımı sona erdi.",
        "Yeni başvuruların değerlendirilmesi hızlandırılacak."),
    "Kreş kapasitesi": (
        "Üç kreş binasının yapımı zemin etüdü sonrası proje revizyonu gerektirdiğinden tamamlanamadı.",
        "Revize projelerle yapım 2026 yazında bitirilecek."),
    "Meslek edindirme kursuna katılan kadın sayısı": (
        "Kursların akşam ve hafta sonu saatlerine de açılması katılımı artırdı.",
        "Kurs sonrası istihdam oranı izlenecek."),
    "Engelli bireylere ulaştırılan ortez-protez sayısı": (
        "Ortez-protez alımı ihalesi teklif yetersizliği nedeniyle iki kez yenilendi.",
        "Çerçeve anlaşmayla tedarik yöntemine geçilecek."),
    "Hasta nakil ortalama ulaşım süresi": (
        "Yeni ambulansların ruhsat işlemleri uzadığından filo genişlemesi yıl sonuna kaldı.",
        "Araç yerleşim noktaları talep verisine göre yeniden belirlenecek."),
    "Etkinliklere katılan kişi sayısı": (
        "Açık hava konserleri ilçe meydanlarına taşındığından katılım beklentiyi aştı.",
        "Katılım verisi etkinlik türüne göre ayrıştırılarak izlenecek."),
    "Kütüphane üye sayısı": (
        "Merkez kütüphanenin modernizasyon için altı ay kapalı kalması yeni üyelikleri azalttı.",
        "Açılışla birlikte okul ziyaretleri ve üyelik kampanyası düzenlenecek."),
    "Kent müzelerinin yıllık ziyaretçi sayısı": (
        "Kent müzesi yenileme çalışması nedeniyle elektronik bilet sistemi değiştirildi ve yıllık ziyaretçi verisi raporlama tarihine kadar birleştirilemedi.",
        "Bilet sistemleri tek veri tabanında birleştirilecek; 2025 verisi ara raporda yayımlanacak."),
    "Belediye spor kulübü lisanslı sporcu sayısı": (
        "Yaz spor okullarından kulübe geçen çocukların lisans işlemleri toplu yapıldı.",
        "Branş bazında antrenör kapasitesi artırılacak."),
    "Yaz spor okulu katılımcı sayısı": (
        "Havuz bakım çalışmaları nedeniyle yüzme branşındaki kontenjan azaltıldı.",
        "Bakım takvimi yaz dönemi dışına alınacak."),
    "Desteklenen üretici sayısı": (
        "Kooperatifler aracılığıyla yapılan toplu başvurular desteklenen üretici sayısını artırdı.",
        "Destek ölçütleri üretim verimine göre gözden geçirilecek."),
    "Kurulan üretici kooperatifi sayısı": (
        "Kuruluş aşamasındaki altı kooperatifin ana sözleşme onayı Ticaret Bakanlığında bekledi.",
        "Kuruluş sürecinde danışmanlık desteği verilecek."),
    "Ruhsatsız işyeri oranı": (
        "Ruhsat denetimleri yılın ikinci yarısında pazar yerleri denetimine kaydırıldı.",
        "Ruhsat denetim programı mahalle bazında yeniden planlanacak."),
    "Çevrim içi yapılan işlemlerin oranı": (
        "Emlak vergisi ve su aboneliği işlemlerinin mobil uygulamaya eklenmesi çevrim içi işlemleri artırdı.",
        "Kalan yüz yüze işlemler için dijitalleştirme takvimi hazırlanacak."),
    "Kritik sistemlerin erişilebilirlik oranı": (
        "İkinci veri merkezinin devreye alınmasıyla planlı bakım kesintileri ortadan kalktı.",
        "Hedef değer yeni altyapıya göre güncellenecek."),
    "Personel başına yıllık eğitim saati": (
        "Eğitim salonlarının tadilatı nedeniyle hizmet içi eğitimler yılın son çeyreğinde yapılamadı.",
        "Uzaktan eğitim platformu 2026'da kullanıma açılacak."),
    "Vatandaş memnuniyet oranı": (
        "Su kesintileri ve yol çalışmalarının yoğunlaştığı dönemde yapılan anket memnuniyeti düşürdü.",
        "Çalışmalar önceden duyurulacak; anket iki döneme bölünecek."),
    "Mobil uygulama kullanıcı sayısı": (
        "Toplu taşıma kartı dolumunun uygulamaya eklenmesi kullanıcı sayısını hızla artırdı.",
        "Aktif kullanıcı sayısı ayrıca izlenecek."),
    "Gider bütçesi gerçekleşme oranı": (
        "Personel ve mal-hizmet giderleri ödeneğe yakın gerçekleştiği, yatırım ihalelerinin çoğu yılın ilk yarısında "
        "sonuçlandığı için gider bütçesi hedeflenen oranın üzerinde gerçekleşti.",
        "2026 hedefi bu yılın gerçekleşmesi esas alınarak güncellenecek."),
    "İç kontrol eylemlerinin tamamlanma oranı": (
        "Risk değerlendirme ve izleme bileşenlerindeki eylemler birim risk kütüklerinin güncellenmesini beklediğinden tamamlanamadı.",
        "Risk kütükleri 2026 ilk çeyreğinde güncellenecek ve eylem planı revize edilecek."),
}


RISK = ["Ödenek yetersizliği", "İhale süreçlerinde gecikme", "Mevzuat değişiklikleri", "Paydaş desteğinin zayıflaması",
        "Kamulaştırma güçlükleri", "Nitelikli personel eksikliği"]
STRATEJI = ["Dış finansman olanakları araştırılacak.", "İlçe belediyeleriyle ortak projeler yürütülecek.",
            "Hizmetler veriye dayalı olarak önceliklendirilecek.", "Üniversitelerle iş birliği yapılacak.",
            "Vatandaş geri bildirimleri düzenli olarak izlenecek."]
TESPIT = ["Hizmet talebi nüfus artışından hızlı büyüyor.", "Mevcut kapasite ilçeler arasında dengesiz dağılmış.",
          "Veri toplama süreçleri birimden birime farklılık gösteriyor."]
IHTIYAC = ["Yatırım ödeneğinin artırılması", "Teknik personel alımı", "Ortak veri standardı"]

# Where an indicator itself needs review (hedef_degerlendirme.gosterge_degerlendirmesi).
INDICATOR_REVIEW = {
    "H7.3": "Gider bütçesi gerçekleşme oranı, bütçe uygulama sonuçları tablosundaki oranı tekrar ettiğinden "
            "2026 performans programında yatırımların zamanında tamamlanmasını ölçen bir göstergeyle değiştirilecek.",
    "H1.2": "Toplu taşıma memnuniyet oranı yılda bir anketle ölçüldüğünden 2026'dan itibaren altı aylık ölçüme geçilecek.",
    "H2.4": "Kurumsal karbon ayak izi bağımsız doğrulamaya bağlı olduğundan yıl sonu değeri ara raporla yayımlanacak.",
}

WEIGHTS = {2: [40, 60], 3: [30, 30, 40], 4: [20, 20, 30, 30]}


def scaled(x, places):
    return int(round(x * 10**places))


amac_rows, hedef_rows, madde_rows, maliyet_rows, gosterge_rows = [], [], [], [], []
MEASURED = {}  # indicator name -> (code, year-end value scaled, places, index in olcum_rows)
# Indicators that restate a figure of the report (gosterge.kaynak_rakam): their year-end value is
# set from that figure once the budget and the internal-control plan are generated.
RESTATED = {"Gider bütçesi gerçekleşme oranı": "butce_gider_ozet.gerceklesme_orani[TOPLAM]",
            "İç kontrol eylemlerinin tamamlanma oranı": "ic_kontrol_ozet.tamamlanma_orani[TOPLAM]",
            "Spor tesisi sayısı": "fiziksel_kaynak.adet[Spor tesisleri]",
            "İtfaiye istasyonu sayısı": "fiziksel_kaynak.adet[İtfaiye istasyonları]"}
hedef_target_rows, olcum_rows, degerlendirme_rows = [], [], []
HEDEFLER = []  # (hedef_kod, unit short)
for a, (amac_text, hedefler) in enumerate(AMAC, start=1):
    amac_rows.append([f"A{a}", amac_text, a])
    for h, (hedef_text, unit, indicators) in enumerate(hedefler, start=1):
        hk = f"H{a}.{h}"
        HEDEFLER.append((hk, unit))
        uid = UNIT_ID[unit]
        cost_year = rng.randrange(150, 2400) * 1000000 * 100  # kuruş, per year
        costs = [cost_year * (100 + 12 * i) // 100 for i in range(5)]
        partners = ";".join(str(UNIT_ID[u]) for u in rng.sample([u[0] for u in UNITS if u[0] != unit], 2))
        hedef_rows.append([hk, f"A{a}", hedef_text, f"{hedef_text} amacıyla yürütülecek çalışmaları kapsar.",
                           uid, partners if h % 3 else "tum_birimler", money(sum(costs)), h])
        for kind, pool, n in (("risk", RISK, 2), ("strateji", STRATEJI, 3), ("tespit", TESPIT, 2), ("ihtiyac", IHTIYAC, 2)):
            for s, text in enumerate(rng.sample(pool, n), start=1):
                madde_rows.append([hk, kind, s, text])
        for y, c in zip(PLAN, costs):
            maliyet_rows.append([hk, y, money(c)])
        weights = WEIGHTS[len(indicators)]
        deviations = []
        for g, (name, unit_name, yon, base, final, case, places) in enumerate(indicators, start=1):
            gk = f"PG{a}.{h}.{g}"
            A = scaled(base, places)
            B29 = scaled(final, places)
            targets = [A + (B29 - A) * (i + 1) // 5 for i in range(5)]
            method = "baseline_ratio"
            if isinstance(case, str) and case.startswith("A") and "B" in case:
                # worked examples of the guide: pin A, B(2025) and C
                parts = case[1:].replace("C", "B").split("B")
                A = scaled(float(parts[0]), places)
                targets[0] = scaled(float(parts[1]), places)
                C = scaled(float(parts[2]), places)
            elif isinstance(case, str) and case.startswith("K"):
                targets = [A] * 5
                C = scaled(float(case[1:]), places)
            elif case == "NULL":
                C = None
            else:
                C = A + int(round((targets[0] - A) * case))
            tur = "kumulatif" if unit_name not in ("%", "dk", "gün", "ton/gün", "m²") else "son_deger"
            gosterge_rows.append([gk, hk, name, unit_name, dec(weights[g - 1] * 100, 2), yon, tur, method,
                                  dec(A, places), 2024, rng.choice(["6_aylik", "3_aylik", "aylik"]), "6_aylik",
                                  f"{UNITS[[u[0] for u in UNITS].index(unit)][1]} kayıtları",
                                  f"{name} ({unit_name})", uid, g, RESTATED.get(name)])
            for y, t in zip(PLAN, targets):
                hedef_target_rows.append([gk, y, dec(t, places)])
            half = None if C is None else A + (C - A) // 2
            olcum_rows.append([gk, YIL, "6_ay", None if half is None else dec(half, places), "onayli", None, None, None])
            sapma = tedbir = None
            if C is None:
                sapma, tedbir = REASONS[name]
            elif C != targets[0]:
                over = (C > targets[0]) == (yon != "azalan")
                if yon == "koruma":
                    over = C >= targets[0]
                # the draws are kept so the rest of the sample stays as it was
                rng.choice(SAPMA_OVER if over else SAPMA_UNDER)
                rng.choice(TEDBIR_OVER if over else TEDBIR_UNDER)
                sapma, tedbir = REASONS[name]
                deviations.append((gk, sapma))
            olcum_rows.append([gk, YIL, "yil_sonu", None if C is None else dec(C, places), "onayli", sapma, tedbir,
                               "Birim faaliyet kayıtları"])
            MEASURED[name] = (gk, C, places, len(olcum_rows) - 1)
        on_target = len(indicators) - len(deviations)
        degerlendirme_rows.append([hk, YIL,
                                   f"Hedefin {len(indicators)} göstergesinden {on_target} tanesi yıl sonu "
                                   f"hedef değerini tam olarak tuttu"
                                   + ("." if not deviations else
                                      f"; {', '.join(g for g, _ in deviations)} hedef değerinden ayrıştı."),
                                   None, None,  # the reasons and measures are given per indicator
                                   INDICATOR_REVIEW.get(hk)])

insert("amac", ["kod", "metin", "sira"], amac_rows)
insert("hedef", ["kod", "amac_kod", "metin", "aciklama", "sorumlu_birim_id", "isbirligi_birimleri",
                 "maliyet_tahmini", "sira"], hedef_rows)
insert("hedef_madde", ["hedef_kod", "tur", "sira", "metin"], madde_rows)
gyg = [money(rng.randrange(3000, 3600) * 1000000 * 100 * (100 + 12 * i) // 100) for i in range(5)]
insert("hedef_maliyet", ["hedef_kod", "yil", "tutar"], maliyet_rows + [["GYG", y, g] for y, g in zip(PLAN, gyg)])
plan_total = [0] * 5
for hk, y, m in maliyet_rows:
    plan_total[y - 2025] += int(m.text.replace(".", ""))
for i, g in enumerate(gyg):
    plan_total[i] += int(g.text.replace(".", ""))
kaynak_rows = []
for i, y in enumerate(PLAN):
    total = plan_total[i]
    shares = [("oz_gelirler", 34), ("merkezi_yonetim_paylari", 48), ("dis_finansman", 12), ("hibe_ve_bagis", 2)]
    used = 0
    for name, pct in shares:
        part = total * pct // 100
        used += part
        kaynak_rows.append([name, y, money(part)])
    kaynak_rows.append(["butce_disi_kaynaklar", y, money(total - used)])
insert("kaynak", ["kaynak_turu", "yil", "tutar"], kaynak_rows)
insert("gosterge", ["kod", "hedef_kod", "ad", "olcu_birimi", "hedefe_etkisi", "yon", "tur", "hesaplama_yontemi",
                    "baslangic_degeri", "baslangic_yili", "izleme_sikligi", "raporlama_sikligi", "veri_kaynagi",
                    "tanim", "sorumlu_birim_id", "sira", "kaynak_rakam"], gosterge_rows)
insert("gosterge_hedef", ["gosterge_kod", "yil", "deger"], hedef_target_rows)
insert("hedef_degerlendirme", ["hedef_kod", "yil", "degerlendirme", "sapma_nedenleri", "tedbirler",
                               "gosterge_degerlendirmesi"], degerlendirme_rows)

# --- ekonomik / fonksiyonel kodlar ---------------------------------------------------------------
GIDER = [("01", "Personel Giderleri"), ("02", "Sosyal Güvenlik Kurumlarına Devlet Primi Giderleri"),
         ("03", "Mal ve Hizmet Alım Giderleri"), ("04", "Faiz Giderleri"), ("05", "Cari Transferler"),
         ("06", "Sermaye Giderleri"), ("07", "Sermaye Transferleri"), ("08", "Borç Verme"), ("09", "Yedek Ödenekler")]
GELIR = [("01", "Vergi Gelirleri"), ("03", "Teşebbüs ve Mülkiyet Gelirleri"),
         ("04", "Alınan Bağış ve Yardımlar ile Özel Gelirler"), ("05", "Diğer Gelirler"), ("06", "Sermaye Gelirleri"),
         ("08", "Alacaklardan Tahsilat"), ("09", "Red ve İadeler (-)")]
insert("ekonomik_kod", ["tur", "kod", "ad", "duzey"],
       [["gider", k, n, 1] for k, n in GIDER] + [["gelir", k, n, 1] for k, n in GELIR])
FONK = [("01", "Genel Kamu Hizmetleri"), ("02", "Savunma Hizmetleri"), ("03", "Kamu Düzeni ve Güvenlik Hizmetleri"),
        ("04", "Ekonomik İşler ve Hizmetler"), ("05", "Çevre Koruma Hizmetleri"), ("06", "İskan ve Toplum Refahı Hizmetleri"),
        ("07", "Sağlık Hizmetleri"), ("08", "Dinlenme, Kültür ve Din Hizmetleri"), ("09", "Eğitim Hizmetleri"),
        ("10", "Sosyal Güvenlik ve Sosyal Yardım Hizmetleri")]
insert("fonksiyonel_kod", ["kod", "ad", "duzey"], [[k, n, 1] for k, n in FONK])

# --- bütçe gider ---------------------------------------------------------------------------------
TOTAL_BUDGET = 64_500_000_000 * 100  # kuruş
# base shares per code for an ordinary unit (per mille); interest, reserves and lending are central
PROFILE = {"01": 160, "02": 35, "03": 380, "05": 40, "06": 360, "07": 25}
weight_sum = sum(u[3] for u in UNITS)
central = {"04": TOTAL_BUDGET * 45 // 1000, "08": TOTAL_BUDGET * 6 // 1000, "09": TOTAL_BUDGET * 9 // 1000}
distributable = TOTAL_BUDGET - sum(central.values())
# Capital works each unit tenders (the reason a 06 line falls behind names the unit's own work).
CAPITAL_WORK = {
    "Raylı Sistem": "Kuzey–Güney metro hattı", "Ulaşım": "akıllı durak sistemi", "Fen İşleri": "Çınarlı kavşağı",
    "Kentsel Dönüşüm": "Çınarlı Mahallesi dönüşüm projesi", "Park ve Bahçeler": "millet bahçesi ikinci etabı",
    "İklim ve Sıfır Atık": "kompost tesisi", "Çevre Koruma": "hava kalitesi ölçüm istasyonları",
    "İtfaiye": "iki yeni itfaiye istasyonu", "Afet İşleri": "toplanma alanlarının altyapısı",
    "Kültür ve Sosyal İşler": "kültür merkezi", "Tarihi Çevre": "tescilli yapıların restorasyonu",
    "Gençlik ve Spor": "spor tesisi", "Kadın ve Aile": "üç kreş binası", "Sağlık": "ambulans alımı",
    "Sosyal Hizmetler": "engelli yaşam merkezi", "Emlak ve İstimlak": "kamulaştırma",
    "Bilgi İşlem": "ikinci veri merkezi", "Kırsal Hizmetler": "kırsal yol iyileştirme",
    "Etüt ve Projeler": "zemin etüdü ve proje hizmetleri", "İmar ve Şehircilik": "halihazır harita üretimi",
    "Destek Hizmetleri": "hizmet binası onarımı", "Zabıta": "mobil denetim araçları",
}
MONTHS = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım",
          "Aralık"]


def percent_tr(numerator, denominator):
    tenths = (numerator * 1000 * 2 + denominator) // (2 * denominator)
    return f"%{tenths // 10},{tenths % 10}"


def deviation_reason(short, name, code, spent, appropriation):
    """A reason written for this unit's line: what the unit did with that kind of appropriation."""
    rate = percent_tr(spent, appropriation)
    month = MONTHS[(len(short) * 7 + int(code)) % 5 + 6]
    if code == "06":
        work = CAPITAL_WORK.get(short, f"{name} hizmet binası ve donanım yatırımları")
        return (f"{work[0].upper() + work[1:]} işinin ihalesi {month} ayında sonuçlandığından sermaye ödeneğinin "
                f"{rate}'i harcanabildi; kalan iş 2026 yılına devredildi.")
    if code == "03":
        return (f"{name} hizmet alımı sözleşmeleri {month} ayında yenilendi ve yeni sözleşme bedelleri "
                f"öngörülenin altında kaldığından mal ve hizmet ödeneğinin {rate}'i kullanıldı.")
    if code == "05":
        return (f"{name} eliyle yapılan sosyal yardım ve transfer başvuruları {month} ayından sonra azaldığından "
                f"cari transfer ödeneğinin {rate}'i kullanıldı.")
    if code == "07":
        return (f"{name} sorumluluğundaki ortak projede ilçe belediyesinin hakediş belgeleri yıl sonuna "
                f"yetişmediğinden sermaye transferi ödeneğinin {rate}'i aktarılabildi.")
    return (f"{name} bütçesinin {code} tertibinde {month} ayından sonraki kadro ve ödeme değişiklikleri nedeniyle "
            f"ödeneğin {rate}'i kullanıldı.")


gider_rows = []
GIDER_TOTAL = [0, 0]  # yıl sonu ödeneği, harcama (kuruş)
for n, (short, _name, _kind, weight, fonk, _task) in enumerate(UNITS):
    uid = UNIT_ID[short]
    unit_total = distributable * weight // weight_sum
    profile = dict(PROFILE)
    if fonk == "01":
        profile["06"] = 120
        profile["03"] = 520
    if short in ("Raylı Sistem", "Fen İşleri", "Kentsel Dönüşüm"):
        profile["06"] = 620
        profile["03"] = 180
    if short not in ("Mali Hizmetler", "Sosyal Hizmetler", "Kültür ve Sosyal İşler", "Gençlik ve Spor"):
        profile["05"] = 10
    if short not in ("Raylı Sistem", "Ulaşım", "Mali Hizmetler", "Kırsal Hizmetler"):
        profile.pop("07")
    lines = sorted(profile.items())
    if short == "Mali Hizmetler":
        lines += [(k, None) for k in ("04", "08", "09")]
    psum = sum(v for _k, v in lines if v)
    for code, share in lines:
        start = central[code] if share is None else unit_total * share // psum
        start -= start % 100000  # whole thousands of TL
        if code == "09":
            eklenen, dusulen = 0, start * 88 // 100
        elif code == "06":
            eklenen = start * rng.randrange(0, 25) // 100
            dusulen = start * rng.randrange(0, 18) // 100
        else:
            eklenen = start * rng.randrange(0, 12) // 100
            dusulen = start * rng.randrange(0, 8) // 100
        eklenen -= eklenen % 100
        dusulen -= dusulen % 100
        yil_sonu = start + eklenen - dusulen
        if code == "09":
            harcama = 0
        elif code == "06":
            harcama = yil_sonu * rng.randrange(6400, 9300) // 10000
        elif code in ("01", "02", "04"):
            harcama = yil_sonu * rng.randrange(9400, 9990) // 10000
        else:
            harcama = yil_sonu * rng.randrange(7800, 9700) // 10000
        kurus = rng.randrange(0, 100)
        if harcama > 0:
            harcama += kurus  # spending is rarely a round figure
        if harcama > yil_sonu:
            harcama = yil_sonu
        note = None
        if code != "09" and yil_sonu and harcama * 100 < yil_sonu * 85:
            note = deviation_reason(short, _name, code, harcama, yil_sonu)
        GIDER_TOTAL[0] += yil_sonu
        GIDER_TOTAL[1] += harcama
        gider_rows.append([YIL, uid, code, fonk if code not in ("04", "08", "09") else "01", "2",
                           money(start), money(eklenen), money(dusulen), money(yil_sonu), money(harcama), note])
insert("butce_gider", ["yil", "birim_id", "ekonomik_kod", "fonksiyonel_kod", "finansman_tipi", "baslangic_odenegi",
                       "eklenen", "dusulen", "yil_sonu_odenegi", "harcama", "sapma_aciklamasi"], gider_rows)

# --- bütçe gelir ---------------------------------------------------------------------------------
GELIR_PLAN = [("01", 0.075, 0.78, 0.93), ("03", 0.105, 0.95, 0.88), ("04", 0.02, 1.0, 0.71),
              ("05", 0.66, 1.0, 1.04), ("06", 0.11, 0.90, 0.42), ("08", 0.03, 0.85, 0.96)]
gelir_rows = []
income_total = TOTAL_BUDGET * 93 // 100
for code, share, collect_of_accrual, realised in GELIR_PLAN:
    tahmin = int(income_total * share)
    tahmin -= tahmin % 100000
    tahsilat = int(tahmin * realised) + rng.randrange(0, 100)
    tahakkuk = -(-int(tahsilat / collect_of_accrual) // 100) * 100  # whole lira, never below tahsilat
    red = tahsilat * rng.randrange(1, 9) // 1000 if code in ("01", "03", "05") else 0
    gelir_rows.append([YIL, code, money(tahmin), money(tahakkuk), money(tahsilat), money(red)])
insert("butce_gelir", ["yil", "ekonomik_kod", "butce_tahmini", "tahakkuk", "tahsilat", "red_iade"], gelir_rows)

insert("borc", ["id", "tur", "vade", "tutar", "tarih"], [
    [1, "ic_borc", "kisa", money(412500000000), "2025-12-31"],
    [2, "ic_borc", "uzun", money(1186000000000), "2025-12-31"],
    [3, "dis_borc", "uzun", money(958240000000), "2025-12-31"],
    [4, "sgk", "kisa", money(27835000000), "2025-12-31"],
    [5, "vergi", "kisa", money(9412000000), "2025-12-31"],
])

# Aid given in 2025 (5018 md. 41(4)): recipient, kind, amount, giving unit, purpose.
insert("yardim", ["yil", "alan", "tur", "tutar", "birim_id", "aciklama"], [
    [YIL, "Kuzeykent Amatör Spor Kulüpleri Federasyonu", "dernek", money(1850000000), UNIT_ID["Gençlik ve Spor"],
     "Amatör kulüplere malzeme desteği"],
    [YIL, "Kuzeykent Engelliler Derneği", "dernek", money(420000000), UNIT_ID["Sosyal Hizmetler"],
     "Erişilebilir ulaşım hizmeti"],
    [YIL, "Kuzeykent Eğitim ve Kültür Vakfı", "vakif", money(960000000), UNIT_ID["Kültür ve Sosyal İşler"],
     "Öğrenci bursları"],
    [YIL, "Kuzeykent İl Afet ve Acil Durum Müdürlüğü", "kurum", money(2750000000), UNIT_ID["Afet İşleri"],
     "Arama kurtarma ekipmanı"],
    [YIL, "Kuzeykent Çevre Belediyeleri Birliği", "birlik", money(1200000000), UNIT_ID["Mali Hizmetler"],
     "Üyelik aidatı ve ortak proje payı"],
    [YIL, "Kuzeykent Halk Ekmek ve Gıda A.Ş.", "sirket", money(3500000000), UNIT_ID["Sosyal Hizmetler"],
     "Askıda ekmek uygulaması"],
])

# The programme's Genel Yönetim Giderleri of 2026 are the plan's (hedef_maliyet GYG, 2026), split
# over economic codes in these proportions: the Stratejik Plan and the Performans Programı give one
# figure (dizgi data --check: data.plan-programme).
GENEL_YONETIM_SHARES = (("01", 512), ("02", 96), ("03", 384), ("04", 290), ("05", 35))
gyg_2026 = int(gyg[PLAN.index(2026)].text.replace(".", ""))
genel_yonetim = [gyg_2026 * w // sum(w for _k, w in GENEL_YONETIM_SHARES) // 100000 * 100000  # whole thousands of TL
                 for _k, w in GENEL_YONETIM_SHARES[:-1]]
genel_yonetim.append(gyg_2026 - sum(genel_yonetim))
insert("genel_gider", ["yil", "tur", "ekonomik_kod", "tutar"],
       [[2026, "genel_yonetim", k, money(v)] for (k, _w), v in zip(GENEL_YONETIM_SHARES, genel_yonetim)] +
       [[2026, "diger_idare_transfer", "05", money(410000000000)], [2026, "diger_idare_transfer", "07", money(125000000000)]])

# --- faaliyet / proje ----------------------------------------------------------------------------
ACTIVITY_NAMES = {
    "Raylı Sistem": ["Kuzey–Güney metro hattı yapımı", "Tramvay hattı uzatma projesi", "Raylı sistem araç alımı"],
    "Ulaşım": ["Akıllı durak sistemi kurulumu", "Bisiklet yolu ağı genişletme", "Erişilebilir otobüs alımı"],
    "İklim ve Sıfır Atık": ["Mahalle atık getirme merkezleri", "Kompost tesisi yapımı", "Sıfır atık eğitim programı"],
    "Çevre Koruma": ["Atık su arıtma tesisi bakım ve işletme", "Hava kalitesi ölçüm istasyonları", "Çevre denetimleri"],
    "Park ve Bahçeler": ["Millet bahçesi yapımı", "Ağaçlandırma seferberliği", "Engelsiz oyun alanları"],
    "Kentsel Dönüşüm": ["Çınarlı Mahallesi dönüşüm projesi", "Riskli yapı tespit çalışması", "Hak sahipliği uzlaşma ofisleri"],
    "Afet İşleri": ["Toplanma alanlarının iyileştirilmesi", "Afet bilinci eğitimleri", "Mahalle afet gönüllüleri"],
    "İtfaiye": ["Yeni itfaiye istasyonları yapımı", "İtfaiye araç filosunun yenilenmesi", "Yangın güvenliği denetimleri"],
    "İmar ve Şehircilik": ["Uygulama imar planlarının tamamlanması", "İmar arşivinin sayısallaştırılması"],
    "Sosyal Hizmetler": ["Sosyal yardım bilgi sistemi", "Evde bakım hizmetleri", "Engelli destek programı"],
    "Kadın ve Aile": ["Kadın danışma merkezleri", "Kreş ve gündüz bakımevleri", "Meslek edindirme kursları"],
    "Sağlık": ["Evde sağlık hizmetleri", "Ortez-protez desteği", "Hasta nakil hizmetleri"],
    "Kültür ve Sosyal İşler": ["Kültür-sanat etkinlikleri", "Kütüphane modernizasyonu", "Kültür merkezi yapımı"],
    "Tarihi Çevre": ["Tescilli yapıların restorasyonu", "Kent müzesi yenileme", "Kültür varlıkları envanteri"],
    "Gençlik ve Spor": ["Yaz spor okulları", "Spor tesisi yapımı", "Amatör kulüplere destek"],
    "Kırsal Hizmetler": ["Fide ve fidan dağıtımı", "Üretici kooperatiflerine destek", "Kırsal yol iyileştirme"],
    "Zabıta": ["İşyeri ve tüketici denetimleri", "Seyyar satıcı denetimi"],
    "Bilgi İşlem": ["E-belediye hizmetlerinin genişletilmesi", "Siber güvenlik altyapısı", "Kent veri platformu"],
    "İnsan Kaynakları": ["Hizmet içi eğitim programı", "Çalışan memnuniyet araştırması"],
    "Mali Hizmetler": ["Gelir tahsilat sisteminin iyileştirilmesi", "İç kontrol eylem planı", "Borç yönetimi"],
    "Basın Yayın": ["Beyaz Masa çözüm merkezi", "Vatandaş memnuniyet araştırması", "Mobil uygulama geliştirme"],
}
faaliyet_rows, faaliyet_maliyet_rows, butce_disi_rows, cikti_rows = [], [], [], []
used_names = {}
for hk, unit in HEDEFLER:
    names = ACTIVITY_NAMES[unit]
    k = used_names.get(unit, 0)
    count = 3 if len(names) - k >= 3 else max(2, len(names) - k)
    for i in range(count):
        name = names[(k + i) % len(names)]
        is_project = any(w in name for w in ("yapımı", "projesi", "alımı", "kurulumu", "uzatma"))
        kod = f"{'P' if is_project else 'F'}{hk[1:]}.{i + 1}"
        total = rng.randrange(20, 2500 if is_project else 400) * 1000000 * 100
        split = {"03": 0.7, "06": 0.2, "01": 0.1} if not is_project else {"06": 0.85, "03": 0.15}
        parts = {c: int(total * s) // 100000 * 100000 for c, s in split.items()}
        budget = sum(parts.values())
        off = 0
        if rng.random() < 0.18:
            off = rng.randrange(5, 400) * 1000000 * 100
            butce_disi_rows.append([kod, rng.choice(["doner_sermaye", "diger_yurt_ici", "yurt_disi"]), money(off)])
        durum = rng.choice(["devam", "devam", "tamamlandi", "tamamlandi", "planlandi", "ertelendi"])
        fiziki = {"tamamlandi": 10000, "planlandi": 0, "ertelendi": rng.randrange(0, 2000)}.get(durum, rng.randrange(2000, 9500))
        spent = budget * fiziki // 10000 * rng.randrange(85, 101) // 100
        start = f"{rng.choice([2023, 2024, 2025])}-{rng.randrange(1, 13):02d}-01"
        end = f"{rng.choice([2025, 2026, 2027])}-12-31"
        faaliyet_rows.append([kod, "proje" if is_project else "faaliyet", name,
                              f"{name} kapsamında ilçelerde yürütülen çalışmalar.", 2025, hk, UNIT_ID[unit], None,
                              rng.choice(["Merkez", "Çınarlı", "Yenidere", "Kuzeykent geneli", "Ilıcaköy", "Şehitler"]),
                              start, end, durum, dec(fiziki, 2), money(budget), money(off) if off else None, money(spent)])
        for c, v in sorted(parts.items()):
            faaliyet_maliyet_rows.append([kod, c, money(v)])
        cikti_rows.append([kod, 1, "Yararlanan kişi sayısı", dec(rng.randrange(500, 250000), 0), "kişi"])
    used_names[unit] = k + count
# The city data platform started in 2025 with its needs analysis (its hedef's indicators were all
# reached, so an activity with no spending at all would contradict them).
for row in faaliyet_rows:
    if row[0] == "F7.1.3" and row[11] == "planlandi":
        budget = int(row[13].text.replace(".", ""))
        row[11], row[12], row[15] = "devam", dec(800, 2), money(budget * 8 // 100)
insert("faaliyet", ["kod", "tur", "ad", "aciklama", "yil", "hedef_kod", "sorumlu_birim_id", "isbirligi_birimleri",
                    "konum", "baslangic_tarihi", "bitis_tarihi", "durum", "fiziki_gerceklesme", "butce", "butce_disi",
                    "harcanan"], faaliyet_rows)
insert("faaliyet_maliyet", ["faaliyet_kod", "ekonomik_kod", "tutar"], faaliyet_maliyet_rows)
insert("faaliyet_butce_disi", ["faaliyet_kod", "kaynak_turu", "tutar"], butce_disi_rows)
insert("faaliyet_cikti", ["faaliyet_kod", "sira", "ad", "miktar", "birim"], cikti_rows)

# --- personel, fiziksel kaynak, iç kontrol -------------------------------------------------------
personel_rows = []
for statu, total, women in (("memur", 2840, 38), ("sozlesmeli", 560, 52), ("kadrolu_isci", 1320, 21),
                            ("gecici_isci", 90, 30), ("sirket", 14650, 27)):
    w = total * women // 100
    personel_rows.append([YIL, None, statu, "kadin", None, None, None, "dolu", w])
    personel_rows.append([YIL, None, statu, "erkek", None, None, None, "dolu", total - w])
for statu, bos in (("memur", 1460), ("sozlesmeli", 140), ("kadrolu_isci", 380)):
    personel_rows.append([YIL, None, statu, None, None, None, None, "bos", bos])
for egitim, n in (("ilkogretim", 180), ("lise", 610), ("on_lisans", 520), ("lisans", 1290), ("yuksek_lisans", 215), ("doktora", 25)):
    personel_rows.append([YIL, None, "memur", None, egitim, None, None, "dolu", n])
for grup, n in (("18-30", 420), ("31-40", 910), ("41-50", 1030), ("51+", 480)):
    personel_rows.append([YIL, None, "memur", None, None, grup, None, "dolu", n])
for grup, n in (("0-5", 640), ("6-10", 520), ("11-15", 610), ("16-20", 470), ("21+", 600)):
    personel_rows.append([YIL, None, "memur", None, None, None, grup, "dolu", n])
for short, uid in UNIT_ID.items():
    personel_rows.append([YIL, uid, "memur", None, None, None, None, "dolu", 0])
# per-unit memur counts add up to the memur total
memur_total = 2840
weights = [u[3] + 4 for u in UNITS]
alloc = [memur_total * w // sum(weights) for w in weights]
alloc[0] += memur_total - sum(alloc)
for row, n in zip(personel_rows[-len(UNITS):], alloc):
    row[8] = n
insert("personel", ["yil", "birim_id", "statu", "cinsiyet", "egitim", "yas_grubu", "hizmet_yili_grubu", "kadro",
                    "adet"], personel_rows)

insert("fiziksel_kaynak", ["id", "tur", "ad", "adet", "alan_m2", "mulkiyet", "aciklama"], [
    [1, "bina", "Ana hizmet binası", 1, Num("48500.00"), "belediye", "Cumhuriyet Meydanı"],
    [2, "bina", "Ek hizmet binaları", 14, Num("61240.50"), "belediye", None],
    [3, "sosyal_tesis", "Kültür merkezleri", 9, Num("38100.00"), "belediye", None],
    [4, "sosyal_tesis", "Spor tesisleri", MEASURED["Spor tesisi sayısı"][1], Num("226300.00"), "belediye", None],
    [5, "sosyal_tesis", "Parklar", 1180, Num("9650000.00"), "belediye", "Aktif yeşil alan"],
    [6, "arac", "Binek araç", 412, None, "kiralık", None],
    [7, "arac", "Otobüs", 1650, None, "belediye", "KOTİ filosu dahil"],
    [8, "arac", "Kamyon", 286, None, "belediye", None],
    [9, "is_makinesi", "İş makinesi", 534, None, "belediye", "Greyder, loder, ekskavatör"],
    [10, "arac", "İtfaiye aracı", 318, None, "belediye", None],
    [11, "bt_donanim", "Masaüstü bilgisayar", 5240, None, "belediye", None],
    [12, "bt_donanim", "Dizüstü bilgisayar", 1420, None, "belediye", None],
    [13, "bt_donanim", "Sunucu", 186, None, "belediye", "İki veri merkezi"],
    [14, "yazilim", "Kent Bilgi Sistemi (KBS/CBS)", 1, None, "belediye", None],
    [15, "yazilim", "Elektronik Belge Yönetim Sistemi (EBYS)", 1, None, "belediye", None],
    [16, "bina", "İtfaiye istasyonları", MEASURED["İtfaiye istasyonu sayısı"][1], Num("96900.00"), "belediye",
     "Merkez ve ilçe istasyonları"],
])

BILESEN = [("Kontrol Ortamı", 1, 4), ("Risk Değerlendirme", 5, 6), ("Kontrol Faaliyetleri", 7, 12),
           ("Bilgi ve İletişim", 13, 16), ("İzleme", 17, 18)]
ick = []
for name, lo, hi in BILESEN:
    for s in range(lo, hi + 1):
        n = rng.randrange(3, 9)
        ick.append([f"KOS{s}", name, n, rng.randrange(1, n + 1)])
insert("ic_kontrol", ["standart", "bilesen", "eylem_sayisi", "tamamlanan"], ick)


def restate(name, numerator, denominator):
    """Sets the year-end value of a restating indicator to numerator/denominator × 100, rounded
    half up to the indicator's places, as the report prints the figure."""
    _gk, _c, places, index = MEASURED[name]
    scale = 10 ** places
    value = (numerator * 100 * scale * 2 + denominator) // (2 * denominator)
    olcum_rows[index][3] = dec(value, places)


restate("Gider bütçesi gerçekleşme oranı", GIDER_TOTAL[1], GIDER_TOTAL[0])
restate("İç kontrol eylemlerinin tamamlanma oranı", sum(r[3] for r in ick), sum(r[2] for r in ick))
insert("gosterge_olcum", ["gosterge_kod", "yil", "donem", "deger", "durum", "sapma_nedeni", "tedbir", "veri_kaynagi"],
       olcum_rows)

insert("beyan", ["id", "tur", "yil", "birim_id", "imzalayan", "unvan", "yer", "tarih", "cekinceler"], [
    [1, "ic_kontrol_idare", 2025, None, "Şükrü Çağlayan Işıkgöz", "Belediye Başkanı", "Kuzeykent", "2026-03-27", None],
    [2, "mali_hizmetler", 2025, UNIT_ID["Mali Hizmetler"], "Oğuz Aydın", "Mali Hizmetler Dairesi Başkanı",
     "Kuzeykent", "2026-03-20", None],
    [3, "ic_kontrol_birim", 2025, UNIT_ID["Fen İşleri"], f"{FIRST[12]} {LAST[12]}", "Fen İşleri Dairesi Başkanı",
     "Kuzeykent", "2026-02-16", "Çınarlı kavşağı ihalesine ilişkin yargı süreci devam etmektedir."],
] + [
    # Every other spending unit's harcama yetkilisi signed without a reservation in February.
    [4 + k, "ic_kontrol_birim", 2025, UNIT_ID[short], f"{FIRST[n]} {LAST[n]}",
     name.replace("Başkanlığı", "Başkanı").replace("Müdürlüğü", "Müdürü").replace("Müşavirliği", "Müşaviri"),
     "Kuzeykent", f"2026-02-{2 + (n * 7) % 26:02d}", None]
    for k, (n, (short, name, *_rest)) in enumerate((n, u) for n, u in enumerate(UNITS) if u[0] != "Fen İşleri")
])

insert("metin", ["id", "baslik", "icerik"], [
    ["sunus", "Başkanın Sunuşu",
     "Değerli Kuzeykentliler,\n\n2025 yılı, 2025–2029 Stratejik Planımızın ilk uygulama yılı oldu. "
     "Raylı sistem ağımız 6,6 km uzadı; 250 bin fidanı toprakla buluşturduk; afet hazırlığında "
     "ilçelerimizin tamamında toplanma alanlarını yeniledik.\n\nBu raporda, kaynaklarımızı nasıl kullandığımızı "
     "ve hedeflerimize ne ölçüde ulaştığımızı şeffaf biçimde paylaşıyoruz. Emeği geçen tüm çalışma arkadaşlarıma "
     "ve meclis üyelerimize teşekkür ederim."],
    ["misyon", "Misyonumuz", MISYON],
    ["vizyon", "Vizyonumuz", VIZYON],
    ["tarihce", "Kurumsal Tarihçe",
     "Kuzeykent Belediyesi 1878 yılında kurulmuş, 2012 yılında 6360 sayılı Kanun ile büyükşehir belediyesi olmuştur. "
     "Bugün 28 ilçe ve 1.312 mahallede yaklaşık 4,1 milyon kişiye hizmet vermektedir."],
    ["degerlendirme", "Üstünlükler ve Zayıflıklar",
     "Güçlü mali yapımız ve deneyimli teknik kadromuz en önemli üstünlüklerimizdir. Kırsal ilçelerde hizmet erişimi "
     "ve birimler arası veri paylaşımı geliştirilmesi gereken alanlardır."],
    ["oneriler", "Öneri ve Tedbirler",
     "İzleme sisteminin tek veri kaynağından beslenmesi, yatırım ihalelerinin yılın ilk çeyreğinde başlatılması ve "
     "kırsal ilçelerde mobil hizmet noktalarının artırılması önerilmektedir."],
])

sys.stdout.write("-- Kuzeykent Büyükşehir Belediyesi: fictional sample data for dizgi (standard schema).\n"
                 "-- Generated by generate.py in this folder; edit the script, not this file.\n"
                 "BEGIN;\n\n" + "\n".join(out) + "COMMIT;\n")
