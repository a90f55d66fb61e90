-- dizgi standard schema, SQLite flavour.
--
-- The neutral data model of a municipal strategy office (docs/data-model.md): organisation,
-- strategic plan, performance programme, monitoring, budget, human and physical resources,
-- stakeholders, statements and narrative texts. schemas/sql/postgres.sql holds the same tables
-- and columns for PostgreSQL; keep the two in step.
--
-- Conventions
--   * identifiers are ASCII snake_case (no Turkish letters): hedefe_etkisi, yil_sonu_odenegi;
--   * money is DECIMAL(20,2) (exact; dizgi reads it as text, never as a binary float);
--     percentages DECIMAL(7,2); quantities DECIMAL(20,4) and nullable, because null is not zero;
--   * codes are text: 'A1', 'H1.1', 'PG1.1.1', '03', '03.5.2.01';
--   * dates are ISO-8601 text 'YYYY-MM-DD' declared DATE; booleans are 0/1 declared BOOLEAN;
--   * enumerations are lowercase ASCII words checked by CHECK constraints.
--
-- dizgi maps declared types to its value types: INTEGER -> integer, DECIMAL(p,s) -> decimal
-- with scale s, DATE -> date, BOOLEAN -> boolean, TEXT -> text.

PRAGMA foreign_keys = ON;

-- 4.1 Organisation ------------------------------------------------------------------------------

CREATE TABLE idare (
  id                        INTEGER PRIMARY KEY,
  ad                        TEXT NOT NULL,
  kisa_ad                   TEXT,
  tur                       TEXT NOT NULL,   -- buyuksehir_belediyesi, il_belediyesi, ilce_belediyesi, bagli_kurulus
  il                        TEXT,
  nufus                     INTEGER,
  nufus_yili                INTEGER,
  yuzolcumu_km2             DECIMAL(12,2),
  ilce_sayisi               INTEGER,
  mahalle_sayisi            INTEGER,
  adres                     TEXT,
  telefon                   TEXT,
  eposta                    TEXT,
  web                       TEXT,
  logo                      TEXT,            -- path of an SVG/PNG relative to the data file
  ust_yonetici              TEXT,            -- name of the üst yönetici (belediye başkanı)
  ust_yonetici_unvan        TEXT,
  mali_hizmetler_yoneticisi TEXT,
  mali_hizmetler_unvan      TEXT
);

CREATE TABLE birim (
  id                INTEGER PRIMARY KEY,
  kod               TEXT NOT NULL UNIQUE,    -- kurumsal kod, e.g. '46.01.34.02'
  ad                TEXT NOT NULL,
  kisa_ad           TEXT,
  tur               TEXT NOT NULL,           -- genel_sekreterlik, daire_baskanligi, sube_mudurlugu, musavirlik, kurul, ozel_kalem, ic_denetim, genel_sekreter_yardimciligi
  ust_birim_id      INTEGER REFERENCES birim(id),
  harcama_birimi    BOOLEAN NOT NULL DEFAULT 0,
  harcama_yetkilisi TEXT,
  harcama_yetkilisi_unvan TEXT,
  gorev_tanimi      TEXT,
  adres             TEXT,
  sira              INTEGER
);

CREATE TABLE kisi (
  id        INTEGER PRIMARY KEY,
  ad_soyad  TEXT NOT NULL,
  unvan     TEXT,
  gorev     TEXT,
  birim_id  INTEGER REFERENCES birim(id),
  imza      TEXT                              -- path of a signature image, optional
);

CREATE TABLE meclis (
  yil                 INTEGER PRIMARY KEY,
  uye_sayisi          INTEGER,
  toplanti_sayisi     INTEGER,
  karar_sayisi        INTEGER,
  encumen_toplanti_sayisi INTEGER,
  encumen_karar_sayisi    INTEGER,
  komisyon_sayisi     INTEGER
);

CREATE TABLE istirak (
  id              INTEGER PRIMARY KEY,
  ad              TEXT NOT NULL,
  tur             TEXT NOT NULL,             -- bagli_kurulus, sirket
  sermaye         DECIMAL(20,2),
  pay             DECIMAL(7,2),              -- belediye payı (%)
  faaliyet_alani  TEXT
);

-- 4.2 Strategic plan ----------------------------------------------------------------------------

CREATE TABLE stratejik_plan (
  id              INTEGER PRIMARY KEY,
  baslangic_yili  INTEGER NOT NULL,
  bitis_yili      INTEGER NOT NULL,
  onay_tarihi     DATE,
  onay_karar_no   TEXT,
  misyon          TEXT,
  vizyon          TEXT
);

CREATE TABLE temel_deger (
  sira      INTEGER PRIMARY KEY,
  ad        TEXT NOT NULL,
  aciklama  TEXT
);

CREATE TABLE mevzuat (
  sira        INTEGER PRIMARY KEY,
  yukumluluk  TEXT NOT NULL,
  dayanak     TEXT,
  tespit      TEXT,
  ihtiyac     TEXT
);

CREATE TABLE ust_politika (
  sira      INTEGER PRIMARY KEY,
  belge     TEXT NOT NULL,
  referans  TEXT,
  gorev     TEXT
);

CREATE TABLE faaliyet_alani (
  sira             INTEGER PRIMARY KEY,
  ad               TEXT NOT NULL,
  urun_hizmetler   TEXT                       -- one item per line
);

CREATE TABLE paydas (
  id                  INTEGER PRIMARY KEY,
  ad                  TEXT NOT NULL,
  ic_dis              TEXT NOT NULL CHECK (ic_dis IN ('ic', 'dis')),
  tur                 TEXT,                   -- temel_ortak, stratejik_ortak, tedarikci, hizmet_alan
  etki                TEXT CHECK (etki IN ('zayif', 'orta', 'guclu')),
  onem                TEXT CHECK (onem IN ('zayif', 'orta', 'guclu')),
  oncelik             TEXT,                   -- izle, bilgilendir, cikarlarini_gozet, birlikte_calis
  gorus_alma_yontemi  TEXT
);

CREATE TABLE gzft (
  tur    TEXT NOT NULL CHECK (tur IN ('guclu', 'zayif', 'firsat', 'tehdit')),
  sira   INTEGER NOT NULL,
  metin  TEXT NOT NULL,
  PRIMARY KEY (tur, sira)
);

CREATE TABLE pestle (
  faktor  TEXT NOT NULL CHECK (faktor IN ('politik', 'ekonomik', 'sosyokulturel', 'teknolojik', 'yasal', 'cevresel')),
  sira    INTEGER NOT NULL,
  tespit  TEXT NOT NULL,
  firsat  TEXT,
  tehdit  TEXT,
  oneri   TEXT,
  PRIMARY KEY (faktor, sira)
);

CREATE TABLE tespit_ihtiyac (
  sira     INTEGER PRIMARY KEY,
  asama    TEXT NOT NULL,                     -- durum analizi aşaması
  tespit   TEXT NOT NULL,
  ihtiyac  TEXT
);

CREATE TABLE onceki_plan_degerlendirmesi (
  kod       TEXT PRIMARY KEY,                 -- amaç or hedef code of the previous plan
  metin     TEXT,
  oran      DECIMAL(7,2),
  aciklama  TEXT
);

CREATE TABLE plan_ekip (
  sira      INTEGER PRIMARY KEY,
  grup      TEXT NOT NULL CHECK (grup IN ('kurul', 'ekip')),
  ad_soyad  TEXT NOT NULL,
  unvan     TEXT,
  birim_id  INTEGER                           -- → birim.id
);

CREATE TABLE plan_takvim (
  sira       INTEGER PRIMARY KEY,
  asama      TEXT NOT NULL,
  baslangic  DATE NOT NULL,
  bitis      DATE NOT NULL,
  sorumlu    TEXT
);

CREATE TABLE paydas_hizmet (
  paydas_id            INTEGER NOT NULL,      -- → paydas.id
  faaliyet_alani_sira  INTEGER NOT NULL,      -- → faaliyet_alani.sira
  PRIMARY KEY (paydas_id, faaliyet_alani_sira)
);

CREATE TABLE anket_sonuc (
  anket      TEXT NOT NULL CHECK (anket IN ('vatandas', 'kurumsal', 'calisan')),
  sira       INTEGER NOT NULL,
  soru       TEXT NOT NULL,
  katilimci  INTEGER,
  yontem     TEXT,
  olumlu     DECIMAL(7,2),                      -- % of answers
  kararsiz   DECIMAL(7,2),
  olumsuz    DECIMAL(7,2),
  PRIMARY KEY (anket, sira)
);

CREATE TABLE hedef_baglanti (
  hedef_kod  TEXT NOT NULL,                   -- → hedef.kod
  tur        TEXT NOT NULL CHECK (tur IN ('ust_politika', 'ska')),
  referans   TEXT NOT NULL,                   -- '12. Kalkınma Planı', 'SKA 11'
  PRIMARY KEY (hedef_kod, tur, referans)
);

CREATE TABLE izleme_takvim (
  sira     INTEGER PRIMARY KEY,
  rapor    TEXT NOT NULL,
  donem    TEXT,
  sure     TEXT,                              -- when it is due
  sunulan  TEXT
);

-- Realised revenue (net collections: tahsilat − red ve iade) and expense (harcama) of the years
-- before the plan, by economic code: the five-year trend of the plan's internal analysis.
CREATE TABLE mali_gecmis (
  yil           INTEGER NOT NULL,
  tur           TEXT NOT NULL CHECK (tur IN ('gelir', 'gider')),
  ekonomik_kod  TEXT NOT NULL,                -- level I: '01', '03' …
  tutar         DECIMAL(20,2) NOT NULL,
  PRIMARY KEY (yil, tur, ekonomik_kod)
);

CREATE TABLE amac (
  kod    TEXT PRIMARY KEY,                    -- 'A1'
  metin  TEXT NOT NULL,
  sira   INTEGER NOT NULL
);

CREATE TABLE hedef (
  kod                  TEXT PRIMARY KEY,      -- 'H1.1'
  amac_kod             TEXT NOT NULL REFERENCES amac(kod),
  metin                TEXT NOT NULL,
  aciklama             TEXT,
  sorumlu_birim_id     INTEGER REFERENCES birim(id),
  isbirligi_birimleri  TEXT,                  -- birim ids separated by ';', or 'tum_birimler'
  maliyet_tahmini      DECIMAL(20,2),         -- for the whole plan period
  sira                 INTEGER
);

-- Bullet lists of a hedef card: risks, strategies, findings, needs.
CREATE TABLE hedef_madde (
  hedef_kod  TEXT NOT NULL REFERENCES hedef(kod),
  tur        TEXT NOT NULL CHECK (tur IN ('risk', 'strateji', 'tespit', 'ihtiyac')),
  sira       INTEGER NOT NULL,
  metin      TEXT NOT NULL,
  PRIMARY KEY (hedef_kod, tur, sira)
);

-- Maliyetlendirme: yearly cost per hedef; hedef_kod 'GYG' is genel yönetim giderleri.
CREATE TABLE hedef_maliyet (
  hedef_kod  TEXT NOT NULL,
  yil        INTEGER NOT NULL,
  tutar      DECIMAL(20,2) NOT NULL,
  PRIMARY KEY (hedef_kod, yil)
);

-- Kaynak tablosu: funding sources per year.
CREATE TABLE kaynak (
  kaynak_turu  TEXT NOT NULL,
  yil          INTEGER NOT NULL,
  tutar        DECIMAL(20,2) NOT NULL,
  PRIMARY KEY (kaynak_turu, yil)
);

CREATE TABLE gosterge (
  kod                TEXT PRIMARY KEY,        -- 'PG1.1.1'
  hedef_kod          TEXT NOT NULL REFERENCES hedef(kod),
  ad                 TEXT NOT NULL,
  olcu_birimi        TEXT,                    -- adet, %, km, m², kişi, dk, gün, TL
  hedefe_etkisi      DECIMAL(7,2) NOT NULL,   -- weight (%); Σ per hedef = 100
  yon                TEXT NOT NULL CHECK (yon IN ('artan', 'azalan', 'koruma')),
  tur                TEXT NOT NULL DEFAULT 'kumulatif' CHECK (tur IN ('kumulatif', 'yillik', 'ortalama', 'son_deger')),
  hesaplama_yontemi  TEXT NOT NULL DEFAULT 'baseline_ratio' CHECK (hesaplama_yontemi IN ('baseline_ratio', 'simple_ratio', 'inverse_ratio')),
  baslangic_degeri   DECIMAL(20,4),           -- A: value at the end of the year before the plan
  baslangic_yili     INTEGER,
  izleme_sikligi     TEXT CHECK (izleme_sikligi IN ('aylik', '3_aylik', '6_aylik', 'yillik')),
  raporlama_sikligi  TEXT CHECK (raporlama_sikligi IN ('aylik', '3_aylik', '6_aylik', 'yillik')),
  veri_kaynagi       TEXT,
  tanim              TEXT,
  sorumlu_birim_id   INTEGER REFERENCES birim(id),
  sira               INTEGER,
  kaynak_rakam       TEXT                     -- the report figure it restates: 'tablo.sutun[anahtar]'
);

-- B: the target of an indicator for a year (the plan's five yearly targets, or a PP target).
CREATE TABLE gosterge_hedef (
  gosterge_kod  TEXT NOT NULL REFERENCES gosterge(kod),
  yil           INTEGER NOT NULL,
  deger         DECIMAL(20,4) NOT NULL,
  PRIMARY KEY (gosterge_kod, yil)
);

-- C: a measurement; deger is null when no value was reported (null is not zero).
CREATE TABLE gosterge_olcum (
  gosterge_kod  TEXT NOT NULL REFERENCES gosterge(kod),
  yil           INTEGER NOT NULL,
  donem         TEXT NOT NULL CHECK (donem IN ('3_ay', '6_ay', '9_ay', 'yil_sonu')),
  deger         DECIMAL(20,4),
  durum         TEXT CHECK (durum IN ('taslak', 'onayli')),
  sapma_nedeni  TEXT,
  tedbir        TEXT,
  veri_kaynagi  TEXT,
  PRIMARY KEY (gosterge_kod, yil, donem)
);

CREATE TABLE hedef_degerlendirme (
  hedef_kod                 TEXT NOT NULL REFERENCES hedef(kod),
  yil                       INTEGER NOT NULL,
  degerlendirme             TEXT,
  sapma_nedenleri           TEXT,
  tedbirler                 TEXT,
  gosterge_degerlendirmesi  TEXT,
  PRIMARY KEY (hedef_kod, yil)
);

-- 4.3 Performance programme and activities ------------------------------------------------------

CREATE TABLE faaliyet (
  kod                 TEXT PRIMARY KEY,       -- 'F1.1.1' / 'P1.1.2'
  tur                 TEXT NOT NULL CHECK (tur IN ('faaliyet', 'proje')),
  ad                  TEXT NOT NULL,
  aciklama            TEXT,
  yil                 INTEGER,
  hedef_kod           TEXT REFERENCES hedef(kod),
  sorumlu_birim_id    INTEGER REFERENCES birim(id),
  isbirligi_birimleri TEXT,
  konum               TEXT,
  baslangic_tarihi    DATE,
  bitis_tarihi        DATE,
  durum               TEXT CHECK (durum IN ('planlandi', 'devam', 'tamamlandi', 'ertelendi', 'iptal')),
  fiziki_gerceklesme  DECIMAL(7,2),           -- %
  butce               DECIMAL(20,2),          -- Σ faaliyet_maliyet
  butce_disi          DECIMAL(20,2),          -- Σ faaliyet_butce_disi
  harcanan            DECIMAL(20,2)
);

-- Budget cost of an activity by ekonomik kod level I ('01'..'09').
CREATE TABLE faaliyet_maliyet (
  faaliyet_kod  TEXT NOT NULL REFERENCES faaliyet(kod),
  ekonomik_kod  TEXT NOT NULL,
  tutar         DECIMAL(20,2) NOT NULL,
  PRIMARY KEY (faaliyet_kod, ekonomik_kod)
);

-- Off-budget sources of an activity: doner_sermaye, diger_yurt_ici, yurt_disi (or hibe, ...).
CREATE TABLE faaliyet_butce_disi (
  faaliyet_kod  TEXT NOT NULL REFERENCES faaliyet(kod),
  kaynak_turu   TEXT NOT NULL,
  tutar         DECIMAL(20,2) NOT NULL,
  PRIMARY KEY (faaliyet_kod, kaynak_turu)
);

CREATE TABLE faaliyet_cikti (
  faaliyet_kod  TEXT NOT NULL REFERENCES faaliyet(kod),
  sira          INTEGER NOT NULL,
  ad            TEXT NOT NULL,
  miktar        DECIMAL(20,4),
  birim         TEXT,
  PRIMARY KEY (faaliyet_kod, sira)
);

-- Tablo 3/4 closing rows: genel yönetim giderleri and transfers to other administrations.
CREATE TABLE genel_gider (
  yil           INTEGER NOT NULL,
  tur           TEXT NOT NULL CHECK (tur IN ('genel_yonetim', 'diger_idare_transfer')),
  ekonomik_kod  TEXT NOT NULL,
  tutar         DECIMAL(20,2) NOT NULL,
  PRIMARY KEY (yil, tur, ekonomik_kod)
);

-- 4.4 Budget --------------------------------------------------------------------------------------

-- Economic classification codes; level I rows '01'..'09' for both sides.
CREATE TABLE ekonomik_kod (
  tur    TEXT NOT NULL CHECK (tur IN ('gider', 'gelir')),
  kod    TEXT NOT NULL,
  ad     TEXT NOT NULL,
  duzey  INTEGER NOT NULL,
  PRIMARY KEY (tur, kod)
);

CREATE TABLE fonksiyonel_kod (
  kod    TEXT PRIMARY KEY,
  ad     TEXT NOT NULL,
  duzey  INTEGER NOT NULL
);

CREATE TABLE butce_gider (
  yil                INTEGER NOT NULL,
  birim_id           INTEGER NOT NULL REFERENCES birim(id),
  ekonomik_kod       TEXT NOT NULL,
  fonksiyonel_kod    TEXT,
  finansman_tipi     TEXT,
  baslangic_odenegi  DECIMAL(20,2) NOT NULL,
  eklenen            DECIMAL(20,2) NOT NULL DEFAULT 0,
  dusulen            DECIMAL(20,2) NOT NULL DEFAULT 0,
  yil_sonu_odenegi   DECIMAL(20,2) NOT NULL,  -- = baslangic_odenegi + eklenen - dusulen
  harcama            DECIMAL(20,2) NOT NULL,
  sapma_aciklamasi   TEXT
);

CREATE TABLE butce_gelir (
  yil            INTEGER NOT NULL,
  ekonomik_kod   TEXT NOT NULL,
  butce_tahmini  DECIMAL(20,2) NOT NULL,
  tahakkuk       DECIMAL(20,2),
  tahsilat       DECIMAL(20,2) NOT NULL,
  red_iade       DECIMAL(20,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (yil, ekonomik_kod)
);

CREATE TABLE borc (
  id     INTEGER PRIMARY KEY,
  tur    TEXT NOT NULL,                       -- ic_borc, dis_borc, sgk, vergi, kredi
  vade   TEXT CHECK (vade IN ('kisa', 'uzun')),
  tutar  DECIMAL(20,2) NOT NULL,
  tarih  DATE
);

-- Aid given to associations, foundations, unions, institutions and companies (5018 md. 41(4)).
CREATE TABLE yardim (
  yil        INTEGER NOT NULL,
  alan       TEXT NOT NULL,                   -- the recipient
  tur        TEXT NOT NULL CHECK (tur IN ('dernek', 'vakif', 'birlik', 'kurum', 'sirket', 'diger')),
  tutar      DECIMAL(20,2) NOT NULL,
  birim_id   INTEGER REFERENCES birim(id),
  aciklama   TEXT
);

-- 4.4 Human and physical resources, internal control --------------------------------------------

-- One row per combination; a dimension left null means "all" (totals by one dimension only).
CREATE TABLE personel (
  yil                INTEGER NOT NULL,
  birim_id           INTEGER REFERENCES birim(id),
  statu              TEXT NOT NULL CHECK (statu IN ('memur', 'sozlesmeli', 'kadrolu_isci', 'gecici_isci', 'sirket')),
  cinsiyet           TEXT CHECK (cinsiyet IN ('kadin', 'erkek')),
  egitim             TEXT CHECK (egitim IN ('ilkogretim', 'lise', 'on_lisans', 'lisans', 'yuksek_lisans', 'doktora')),
  yas_grubu          TEXT,                    -- '18-30', '31-40', '41-50', '51+'
  hizmet_yili_grubu  TEXT,                    -- '0-5', '6-10', '11-15', '16-20', '21+'
  kadro              TEXT NOT NULL DEFAULT 'dolu' CHECK (kadro IN ('dolu', 'bos')),
  adet               INTEGER NOT NULL
);

CREATE TABLE fiziksel_kaynak (
  id         INTEGER PRIMARY KEY,
  tur        TEXT NOT NULL,                   -- bina, sosyal_tesis, arac, is_makinesi, bt_donanim, yazilim
  ad         TEXT NOT NULL,
  adet       INTEGER,
  alan_m2    DECIMAL(14,2),
  mulkiyet   TEXT,
  aciklama   TEXT
);

CREATE TABLE ic_kontrol (
  standart      TEXT PRIMARY KEY,             -- 'KOS1' .. 'KOS18' (and the other components' codes)
  bilesen       TEXT NOT NULL,
  eylem_sayisi  INTEGER NOT NULL,
  tamamlanan    INTEGER NOT NULL
);

-- 4.5 Statements and texts -------------------------------------------------------------------------

CREATE TABLE beyan (
  id          INTEGER PRIMARY KEY,
  tur         TEXT NOT NULL CHECK (tur IN ('ic_kontrol_idare', 'ic_kontrol_birim', 'mali_hizmetler')),
  yil         INTEGER NOT NULL,
  birim_id    INTEGER REFERENCES birim(id),   -- for ic_kontrol_birim
  imzalayan   TEXT NOT NULL,
  unvan       TEXT,
  yer         TEXT,
  tarih       DATE,
  cekinceler  TEXT
);

-- Narrative texts addressed by id: 'sunus', 'misyon', 'vizyon', 'degerlendirme', ...
CREATE TABLE metin (
  id      TEXT PRIMARY KEY,
  baslik  TEXT,
  icerik  TEXT NOT NULL
);
