#!/usr/bin/env python3
"""Writes the planning data of the Kuzeykent sample beside kuzeykent.sql:

  performans-2026.sql  the 2026 activities of the Performans Programı (faaliyet, faaliyet_maliyet,
                       faaliyet_butce_disi). Each hedef's activities cost exactly what the
                       Stratejik Plan's maliyet table (hedef_maliyet) foresees for it in 2026,
                       split over the hedef's 2025 activities in proportion to their 2025 cost and
                       over economic codes as in 2025; amounts in integer kuruş.
  stratejik-plan.sql   the plan's own tables: planning team, preparation programme,
                       stakeholder × service matrix, survey results, policy/SDG links of the
                       hedefler, the monitoring calendar and the realised revenue and expense of
                       2020–2024 by economic code (mali_gecmis), carried back from the 2025
                       budget of kuzeykent.sql at the period's nominal growth.

Reads kuzeykent.sql (and the standard schema) so that codes, units and amounts agree with it.
Deterministic: run it again and the files do not change. Edit this script, not the .sql files.
"""
import pathlib
import random
import sqlite3

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
YEAR = 2026


def load():
    db = sqlite3.connect(":memory:")
    db.executescript((ROOT / "schemas/sql/sqlite.sql").read_text(encoding="utf-8"))
    db.executescript((HERE / "kuzeykent.sql").read_text(encoding="utf-8"))
    return db


def sql_value(value):
    if value is None:
        return "NULL"
    if isinstance(value, Kurus):
        return value.text()
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


class Kurus(int):
    """An amount in kuruş, written as TL with two decimals."""

    def text(self):
        return f"{self // 100}.{self % 100:02d}"


def insert(table, columns, rows):
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    return [head + "(" + ", ".join(sql_value(v) for v in row) + ");" for row in rows]


def split(total, weights):
    """Splits `total` (kuruş) in proportion to `weights`; the last part takes the remainder."""
    whole = sum(weights)
    parts = [total * w // whole for w in weights[:-1]]
    parts.append(total - sum(parts))
    return parts


def kurus(value):
    return int(round(float(value) * 100))


def programme(db):
    q = lambda s, *a: db.execute(s, a).fetchall()
    lines = []
    activities, costs, off_rows = [], [], []
    for goal, planned in q("SELECT hedef_kod, tutar FROM hedef_maliyet WHERE yil = ? AND hedef_kod <> 'GYG' "
                           "ORDER BY rowid", YEAR):
        rows = q("SELECT kod, tur, ad, aciklama, hedef_kod, sorumlu_birim_id, isbirligi_birimleri, konum, "
                 "butce, butce_disi FROM faaliyet WHERE hedef_kod = ? ORDER BY rowid", goal)
        weights = [kurus(r[8] or 0) + kurus(r[9] or 0) for r in rows]
        for row, amount in zip(rows, split(kurus(planned), weights)):
            code = row[0]
            old_budget, old_off = kurus(row[8] or 0), kurus(row[9] or 0)
            off_share = amount * old_off // (old_budget + old_off)
            # Off-budget money in whole thousands of TL, as sources pledge it.
            off_share -= off_share % 100000
            budget = amount - off_share
            activities.append((code, row[1], row[2], row[3], YEAR, goal, row[5], row[6], row[7],
                               f"{YEAR}-01-01", f"{YEAR}-12-31", "planlandi", None,
                               Kurus(budget), Kurus(off_share) if off_share else None, None))
            old_costs = q("SELECT ekonomik_kod, tutar FROM faaliyet_maliyet WHERE faaliyet_kod = ? ORDER BY ekonomik_kod",
                          code)
            for (ekod, _), part in zip(old_costs, split(budget, [kurus(c[1]) for c in old_costs])):
                costs.append((code, ekod, Kurus(part)))
            if off_share:
                kind = q("SELECT kaynak_turu FROM faaliyet_butce_disi WHERE faaliyet_kod = ? ORDER BY rowid", code)
                off_rows.append((code, kind[0][0] if kind else "diger_yurt_ici", Kurus(off_share)))
    lines.append(f"-- {YEAR} activities of the Performans Programı")
    lines += insert("faaliyet", ["kod", "tur", "ad", "aciklama", "yil", "hedef_kod", "sorumlu_birim_id",
                                 "isbirligi_birimleri", "konum", "baslangic_tarihi", "bitis_tarihi", "durum",
                                 "fiziki_gerceklesme", "butce", "butce_disi", "harcanan"], activities)
    lines.append("")
    lines.append("-- their budget cost by economic code (level I)")
    lines += insert("faaliyet_maliyet", ["faaliyet_kod", "ekonomik_kod", "tutar"], costs)
    lines.append("")
    lines.append("-- their off-budget sources")
    lines += insert("faaliyet_butce_disi", ["faaliyet_kod", "kaynak_turu", "tutar"], off_rows)
    return lines


TEAM = [
    ("kurul", "Şükrü Çağlayan Işıkgöz", "Belediye Başkanı", None),
    ("kurul", "Ömer Faruk Çağıl", "Genel Sekreter", 1),
    ("kurul", "Şebnem Öztürk", "Daire Başkanı", 15),
    ("kurul", "Oğuz Aydın", "Daire Başkanı", 16),
    ("kurul", "Özlem Karagöz", "Daire Başkanı", 17),
    ("kurul", "Ümit Doğru", "Daire Başkanı", 18),
    ("kurul", "Ilgaz Eğilmez", "Daire Başkanı", 22),
    ("ekip", "Şebnem Öztürk", "Daire Başkanı (Ekip Başkanı)", 15),
    ("ekip", "Gülşen Aktaş", "Stratejik Yönetim Şube Müdürü", 15),
    ("ekip", "Çağrı Yılmaz", "Uzman", 15),
    ("ekip", "İpek Özkan", "Bütçe ve Performans Şube Müdürü", 16),
    ("ekip", "Tuğba Erdem", "İstatistikçi", 18),
    ("ekip", "Hakan Uçar", "Mühendis", 22),
    ("ekip", "Seda Ünlü", "Şehir Plancısı", 24),
    ("ekip", "Murat Işık", "Uzman", 30),
    ("ekip", "Dilek Şen", "Sosyal Çalışmacı", 32),
]

SCHEDULE = [
    ("Planın sahiplenilmesi ve hazırlık genelgesi", "2024-04-15", "2024-05-10", "Başkanlık"),
    ("Kurul ve ekibin oluşturulması, eğitimler", "2024-05-01", "2024-05-31", "Strateji Geliştirme"),
    ("Önceki planın değerlendirilmesi", "2024-05-20", "2024-06-21", "Stratejik Planlama Ekibi"),
    ("Mevzuat ve üst politika belgeleri analizi", "2024-06-03", "2024-06-28", "Stratejik Planlama Ekibi"),
    ("Paydaş analizi, anketler ve çalıştaylar", "2024-06-10", "2024-07-26", "Stratejik Planlama Ekibi"),
    ("Kuruluş içi analiz, PESTLE ve GZFT", "2024-07-01", "2024-08-09", "Tüm birimler"),
    ("Misyon, vizyon ve temel değerler", "2024-08-12", "2024-08-30", "Strateji Geliştirme Kurulu"),
    ("Amaç, hedef ve göstergelerin belirlenmesi", "2024-09-02", "2024-09-27", "Tüm birimler"),
    ("Maliyetlendirme ve kaynak tahmini", "2024-09-16", "2024-10-11", "Mali Hizmetler"),
    ("Taslak planın yazılması ve görüşe açılması", "2024-10-07", "2024-10-31", "Strateji Geliştirme"),
    ("Meclis onayı ve yayımlama", "2024-11-01", "2024-11-29", "Belediye Meclisi"),
]

# stakeholder id -> fields of activity (faaliyet_alani.sira) it is served by or concerned with
STAKEHOLDER_SERVICES = {
    1: [1, 2, 3, 4, 5, 6], 2: [1, 2, 3, 4, 5, 6], 3: [1, 2, 6], 4: [1, 5, 6], 5: [1, 2, 3, 6],
    6: [3, 6], 7: [3, 4, 6], 8: [1, 2, 3, 4, 5, 6], 9: [2, 5, 6], 10: [1, 6], 11: [3, 6],
    12: [4, 5], 13: [1, 2, 6], 14: [2, 6], 15: [6], 16: [1, 4, 5],
}

SURVEY = [
    ("vatandas", "Toplu taşıma hizmetlerinden memnunum", 2400, "Yüz yüze anket, ilçelere göre tabakalı örneklem", 58, 17, 25),
    ("vatandas", "Çöp toplama ve temizlik hizmetleri yeterlidir", 2400, None, 71, 12, 17),
    ("vatandas", "Park ve yeşil alanlar yaşadığım yere yakındır", 2400, None, 46, 15, 39),
    ("vatandas", "Afet durumunda nereye gideceğimi biliyorum", 2400, None, 39, 22, 39),
    ("vatandas", "Belediyeye başvurularım zamanında sonuçlanır", 2400, None, 62, 20, 18),
    ("kurumsal", "Belediye ile iş birliği süreçleri etkilidir", 86, "Çevrim içi anket, kurumsal paydaşlar", 64, 23, 13),
    ("kurumsal", "Belediye kararları şeffaf biçimde paylaşılır", 86, None, 55, 27, 18),
    ("calisan", "Görev tanımım açıktır", 1150, "Çevrim içi anket, tüm birimler", 74, 14, 12),
    ("calisan", "Birimler arası bilgi paylaşımı yeterlidir", 1150, None, 41, 24, 35),
    ("calisan", "Hizmet içi eğitimler işime katkı sağlar", 1150, None, 68, 19, 13),
]

# hedef -> (higher policy documents by ust_politika.belge, SDGs)
LINKS = {
    "H1.1": (["On İkinci Kalkınma Planı (2024–2028)", "Ulusal Akıllı Şehirler Stratejisi"], ["SKA 9", "SKA 11"]),
    "H1.2": (["Ulusal Akıllı Şehirler Stratejisi"], ["SKA 11"]),
    "H1.3": (["İklim Değişikliği Eylem Planı"], ["SKA 3", "SKA 11", "SKA 13"]),
    "H2.1": (["Sıfır Atık Yönetmeliği", "İklim Değişikliği Eylem Planı"], ["SKA 12"]),
    "H2.2": (["On İkinci Kalkınma Planı (2024–2028)"], ["SKA 6"]),
    "H2.3": (["On İkinci Kalkınma Planı (2024–2028)"], ["SKA 11", "SKA 15"]),
    "H2.4": (["İklim Değişikliği Eylem Planı"], ["SKA 7", "SKA 13"]),
    "H3.1": (["On İkinci Kalkınma Planı (2024–2028)"], ["SKA 11"]),
    "H3.2": (["On İkinci Kalkınma Planı (2024–2028)"], ["SKA 11", "SKA 13"]),
    "H3.3": ([], ["SKA 11"]),
    "H3.4": (["On İkinci Kalkınma Planı (2024–2028)"], ["SKA 11"]),
    "H4.1": (["Orta Vadeli Program (2025–2027)"], ["SKA 1", "SKA 10"]),
    "H4.2": (["On İkinci Kalkınma Planı (2024–2028)"], ["SKA 5"]),
    "H4.3": ([], ["SKA 3"]),
    "H5.1": ([], ["SKA 4", "SKA 11"]),
    "H5.2": ([], ["SKA 11"]),
    "H5.3": ([], ["SKA 3", "SKA 4"]),
    "H6.1": (["On İkinci Kalkınma Planı (2024–2028)"], ["SKA 2", "SKA 8"]),
    "H6.2": ([], ["SKA 12", "SKA 16"]),
    "H7.1": (["Ulusal Akıllı Şehirler Stratejisi"], ["SKA 16"]),
    "H7.2": ([], ["SKA 8"]),
    "H7.3": (["Orta Vadeli Program (2025–2027)"], ["SKA 16"]),
    "H7.4": ([], ["SKA 16"]),
}

MONITORING = [
    ("Altı Aylık İzleme Raporu", "Ocak–Haziran", "Temmuz sonu", "Üst Yönetici"),
    ("Yıllık İzleme ve Değerlendirme Raporu", "Ocak–Aralık", "Şubat sonu", "Üst Yönetici, Belediye Meclisi"),
    ("İdare Faaliyet Raporu", "Ocak–Aralık", "Nisan meclis toplantısı", "Belediye Meclisi, Sayıştay"),
    ("Kurumsal Mali Durum ve Beklentiler Raporu", "Ocak–Haziran", "Temmuz", "Kamuoyu"),
    ("Performans Programı", "Bir sonraki yıl", "Ekim", "Belediye Meclisi (bütçe ile)"),
    ("Stratejik Plan Gerçekleşme Raporu", "2025–2029", "2030 Şubat sonu", "Belediye Meclisi"),
]


def plan(db):
    lines = ["-- Strateji Geliştirme Kurulu and Stratejik Planlama Ekibi"]
    lines += insert("plan_ekip", ["sira", "grup", "ad_soyad", "unvan", "birim_id"],
                    [(i + 1,) + row for i, row in enumerate(TEAM)])
    lines += ["", "-- the preparation programme"]
    lines += insert("plan_takvim", ["sira", "asama", "baslangic", "bitis", "sorumlu"],
                    [(i + 1,) + row for i, row in enumerate(SCHEDULE)])
    lines += ["", "-- stakeholder × field of activity"]
    lines += insert("paydas_hizmet", ["paydas_id", "faaliyet_alani_sira"],
                    [(p, s) for p, fields in sorted(STAKEHOLDER_SERVICES.items()) for s in fields])
    lines += ["", "-- survey results (shares in %)"]
    numbered, counters = [], {}
    for row in SURVEY:
        counters[row[0]] = counters.get(row[0], 0) + 1
        numbered.append((row[0], counters[row[0]]) + row[1:4] + tuple(Kurus(v * 100) for v in row[4:]))
    lines += insert("anket_sonuc", ["anket", "sira", "soru", "katilimci", "yontem", "olumlu", "kararsiz", "olumsuz"],
                    numbered)
    lines += ["", "-- hedef × higher policy documents and SDGs"]
    documents = {r[0] for r in db.execute("SELECT belge FROM ust_politika")}
    links = []
    for goal, (policies, sdgs) in LINKS.items():
        for policy in policies:
            assert policy in documents, policy
            links.append((goal, "ust_politika", policy))
        links += [(goal, "ska", sdg) for sdg in sdgs]
    lines += insert("hedef_baglanti", ["hedef_kod", "tur", "referans"], links)
    lines += ["", "-- monitoring and reporting calendar"]
    lines += insert("izleme_takvim", ["sira", "rapor", "donem", "sure", "sunulan"],
                    [(i + 1,) + row for i, row in enumerate(MONITORING)])
    lines += ["", "-- realised revenue and expense of the five years before the plan (TL, nominal)"]
    lines += insert("mali_gecmis", ["yil", "tur", "ekonomik_kod", "tutar"], history(db))
    return lines


# Nominal growth of a year's realised budget over the year before (the period's high inflation:
# consumer prices rose about 36 %, 64 %, 65 % and 44 % in 2021–2024), from 2021 to 2025.
GROWTH = {2021: 1.24, 2022: 1.60, 2023: 1.66, 2024: 1.58, 2025: 1.36}
HISTORY_YEARS = range(2020, 2025)


def history(db):
    """Realised revenue (net collections) and expense (spending) of 2020–2024 by level-I code:
    each code's 2025 figure carried back year by year at GROWTH, with a code's own swing around it
    (capital items swing most)."""
    swing = random.Random(2020)
    rows = []
    realised = {
        "gelir": db.execute("SELECT substr(ekonomik_kod, 1, 2), SUM(tahsilat) - SUM(red_iade) FROM butce_gelir "
                            "WHERE yil = 2025 GROUP BY 1 ORDER BY 1").fetchall(),
        "gider": db.execute("SELECT substr(ekonomik_kod, 1, 2), SUM(harcama) FROM butce_gider WHERE yil = 2025 "
                            "GROUP BY 1 HAVING SUM(harcama) > 0 ORDER BY 1").fetchall(),
    }
    for kind, codes in realised.items():
        for code, amount in codes:
            spread = 120 if code == "06" else 60
            value = kurus(amount)
            by_year = {}
            for year in sorted(HISTORY_YEARS, reverse=True):
                value = value * 1000 // int(GROWTH[year + 1] * 1000)
                value = value * (1000 + swing.randrange(-spread, spread + 1)) // 1000
                by_year[year] = value
            rows += [(year, kind, code, Kurus(by_year[year])) for year in HISTORY_YEARS]
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    return rows


def write(name, title, lines, note=()):
    text = [f"-- Kuzeykent Büyükşehir Belediyesi: {title}.",
            "-- Generated by generate_plan.py in this folder; edit the script, not this file."]
    text += list(note) + ["BEGIN;", ""] + lines + ["", "COMMIT;", ""]
    (HERE / name).write_text("\n".join(text), encoding="utf-8")


def main():
    db = load()
    write("performans-2026.sql", f"{YEAR} Performans Programı activities (standard schema)", programme(db),
          ["-- Its hedef and unit codes refer to kuzeykent.sql, a source of its own in the book, so the",
           "-- database of this file cannot enforce them: `dizgi data --check` checks them on the whole",
           "-- dataset (data.programme-total, data.unknown-hedef).",
           "PRAGMA foreign_keys = OFF;"])
    write("stratejik-plan.sql", "2025–2029 Stratejik Plan tables (standard schema)", plan(db))


if __name__ == "__main__":
    main()
