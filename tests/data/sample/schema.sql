-- A small stand-in for the standard schema, written in the SQL both SQLite and PostgreSQL
-- accept. It matches plugins/datasources/common/standard-columns.txt column for column.
-- The data-source equivalence test loads it (with data.sql) when the project's own schema and
-- sample (schemas/sql/postgres.sql, samples/kuzeykent/data/kuzeykent.sql) are not there.
CREATE TABLE idare (id INTEGER NOT NULL PRIMARY KEY, ad TEXT NOT NULL, tur TEXT, il TEXT,
  nufus INTEGER, nufus_yili INTEGER, yuzolcumu_km2 NUMERIC(20,2), ilce_sayisi INTEGER,
  mahalle_sayisi INTEGER, web TEXT);
CREATE TABLE birim (id INTEGER NOT NULL PRIMARY KEY, kod TEXT NOT NULL, ad TEXT NOT NULL,
  kisa_ad TEXT, tur TEXT, ust_birim_id INTEGER, harcama_birimi BOOLEAN);
CREATE TABLE amac (id INTEGER NOT NULL PRIMARY KEY, kod TEXT NOT NULL, metin TEXT NOT NULL,
  sira INTEGER);
CREATE TABLE hedef (id INTEGER NOT NULL PRIMARY KEY, amac_id INTEGER NOT NULL, kod TEXT NOT NULL,
  metin TEXT NOT NULL, sorumlu_birim_id INTEGER);
CREATE TABLE gosterge (id INTEGER NOT NULL PRIMARY KEY, hedef_id INTEGER NOT NULL,
  kod TEXT NOT NULL, ad TEXT NOT NULL, olcu_birimi TEXT, hedefe_etkisi NUMERIC(20,2), yon TEXT,
  baslangic_degeri NUMERIC(20,4), baslangic_yili INTEGER);
CREATE TABLE gosterge_hedef (gosterge_id INTEGER NOT NULL, yil INTEGER NOT NULL,
  deger NUMERIC(20,4));
CREATE TABLE gosterge_olcum (gosterge_id INTEGER NOT NULL, yil INTEGER NOT NULL,
  donem TEXT NOT NULL, deger NUMERIC(20,4), olcum_tarihi DATE, sapma_nedeni TEXT);
CREATE TABLE ekonomik_kod (kod TEXT NOT NULL PRIMARY KEY, duzey INTEGER NOT NULL,
  ad TEXT NOT NULL);
CREATE TABLE butce_gider (yil INTEGER NOT NULL, birim_id INTEGER NOT NULL,
  ekonomik_kod TEXT NOT NULL, baslangic_odenegi NUMERIC(20,2) NOT NULL, eklenen NUMERIC(20,2),
  dusulen NUMERIC(20,2), harcama NUMERIC(20,2));
CREATE TABLE butce_gelir (yil INTEGER NOT NULL, ekonomik_kod TEXT NOT NULL,
  butce_tahmini NUMERIC(20,2) NOT NULL, tahsilat NUMERIC(20,2));
CREATE TABLE faaliyet (id INTEGER NOT NULL PRIMARY KEY, kod TEXT NOT NULL, tur TEXT NOT NULL,
  ad TEXT NOT NULL, hedef_id INTEGER, sorumlu_birim_id INTEGER, baslangic DATE, bitis DATE,
  fiziki_gerceklesme NUMERIC(20,2), maliyet NUMERIC(20,2));
CREATE TABLE metin (anahtar TEXT NOT NULL PRIMARY KEY, baslik TEXT, icerik TEXT NOT NULL);
