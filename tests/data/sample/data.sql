-- A small fictional data set (Kuzeykent Büyükşehir Belediyesi) for the data-source tests, with
-- the stress cases of the domain notes: Turkish letters, quotes, delimiters and line breaks in
-- text, negative and billion-scale money, nulls, dates, booleans and leading-zero codes.
INSERT INTO idare VALUES (1, 'Kuzeykent Büyükşehir Belediyesi', 'büyükşehir belediyesi', 'Kuzeykent',
  4100000, 2024, 12000.50, 28, 1300, 'https://www.kuzeykent.bel.tr');
INSERT INTO birim VALUES (1, '38.01', 'Genel Sekreterlik', 'GS', 'Genel Sekreterlik', NULL, FALSE);
INSERT INTO birim VALUES (2, '38.02', 'Strateji Geliştirme Dairesi Başkanlığı', 'SGDB', 'Daire Başkanlığı', 1, TRUE);
INSERT INTO birim VALUES (3, '38.03', 'İklim Değişikliği ve Sıfır Atık Dairesi Başkanlığı', NULL, 'Daire Başkanlığı', 1, TRUE);
INSERT INTO birim VALUES (4, '38.04', 'Afet İşleri; Risk Yönetimi, "Acil" Durum Dairesi Başkanlığı', 'AİRY', 'Daire Başkanlığı', 1, TRUE);
INSERT INTO amac VALUES (1, 'A1', 'Yaşanabilir, dirençli ve çevreye duyarlı bir kent oluşturmak', 1);
INSERT INTO amac VALUES (2, 'A2', 'Kurumsal kapasiteyi güçlendirmek', 2);
INSERT INTO hedef VALUES (1, 1, 'H1.1', 'Toplu taşımanın payını artırmak', 2);
INSERT INTO hedef VALUES (2, 1, 'H1.2', 'Atık su arıtma oranını %100''de tutmak', 3);
INSERT INTO hedef VALUES (3, 2, 'H2.1', 'E-belediye hizmetlerini yaygınlaştırmak', NULL);
INSERT INTO gosterge VALUES (1, 1, 'PG1.1.1', 'Raylı sistem hat uzunluğu (km)', 'km', 40.00, 'artan', 112.5000, 2024);
INSERT INTO gosterge VALUES (2, 1, 'PG1.1.2', 'İtfaiye ortalama varış süresi (dk)', 'dk', 60.00, 'azalan', 9.2500, 2024);
INSERT INTO gosterge VALUES (3, 2, 'PG1.2.1', 'Atık su arıtma oranı (%)', '%', 100.00, 'koruma', 100.0000, 2024);
INSERT INTO gosterge VALUES (4, 3, 'PG2.1.1', 'E-hizmet sayısı', 'adet', 100.00, 'artan', NULL, NULL);
INSERT INTO gosterge_hedef VALUES (1, 2025, 118.0000);
INSERT INTO gosterge_hedef VALUES (1, 2026, 125.7500);
INSERT INTO gosterge_hedef VALUES (2, 2025, 8.5000);
INSERT INTO gosterge_hedef VALUES (3, 2025, 100.0000);
INSERT INTO gosterge_hedef VALUES (4, 2025, NULL);
INSERT INTO gosterge_olcum VALUES (1, 2025, '6_ay', 115.2500, '2025-06-30', NULL);
INSERT INTO gosterge_olcum VALUES (1, 2025, 'yil_sonu', 121.0000, '2025-12-31', 'Hedefin üzerinde: ek hat
erken açıldı.');
INSERT INTO gosterge_olcum VALUES (2, 2025, 'yil_sonu', 9.1000, '2025-12-31', 'Trafik yoğunluğu; "yeni" istasyonlar gecikti.');
INSERT INTO gosterge_olcum VALUES (4, 2025, 'yil_sonu', NULL, NULL, 'Veri yok');
INSERT INTO ekonomik_kod VALUES ('01', 1, 'Personel Giderleri');
INSERT INTO ekonomik_kod VALUES ('03', 1, 'Mal ve Hizmet Alım Giderleri');
INSERT INTO ekonomik_kod VALUES ('03.5', 2, 'Hizmet Alımları');
INSERT INTO ekonomik_kod VALUES ('06', 1, 'Sermaye Giderleri');
INSERT INTO butce_gider VALUES (2025, 2, '01', 15809134.35, 250000.00, 0.00, 15011220.10);
INSERT INTO butce_gider VALUES (2025, 3, '03.5', 1250000000.00, 0.00, 125000000.00, 987654321.99);
INSERT INTO butce_gider VALUES (2025, 4, '06', 98000000.50, NULL, NULL, NULL);
INSERT INTO butce_gelir VALUES (2025, '01', 4500000000.00, 4321987654.32);
INSERT INTO butce_gelir VALUES (2025, '09', -12500.75, -12500.75);
INSERT INTO faaliyet VALUES (1, 'F1.1.1', 'proje', 'Kuzey hattı raylı sistem uzatması', 1, 2, '2025-01-15', '2026-12-31', 45.50, 2500000000.00);
INSERT INTO faaliyet VALUES (2, 'F1.2.1', 'faaliyet', 'Arıtma tesisleri bakım ve işletimi', 2, 3, '2025-01-01', '2025-12-31', 100.00, 75000000.25);
INSERT INTO faaliyet VALUES (3, 'F2.1.1', 'faaliyet', 'Şikâyet ve öneri sistemi', 3, NULL, NULL, NULL, NULL, NULL);
INSERT INTO metin VALUES ('sunus', 'Sunuş', 'Değerli hemşehrilerim,

2025 yılında "yaşanabilir kent" hedefimize; ölçülebilir adımlarla yaklaştık.');
INSERT INTO metin VALUES ('misyon', NULL, 'Kuzeykent''te herkes için adil, şeffaf ve katılımcı hizmet.');
