// Building blocks of the books that more than one layout prints (Stratejik Plan, Performans
// Programı; the Faaliyet Raporu's own tables come from its composition library, which this one
// builds on): the outline numbering, the report year, cover and front matter, the organisation
// chart, the goal overview and small table helpers. Internal to the layout plugins.
#pragma once

#include "composer.hpp"

#include <dizgi/model/document.hpp>
#include <dizgi/model/outline.hpp>
#include <dizgi/sdk/layout.hpp>

#include <string>
#include <vector>

namespace dizgi::books {

using faaliyet::Blocks;
using faaliyet::Composer;

// Parts "I-", sections in the Turkish alphabet "A-" … "Ç-" … "İ-" (domain §1.1), sub-sections
// "1."; anchors "bolum-<part>[-<section>[-<sub>]]". Parts open a chapter on a recto page.
class Outline {
 public:
  explicit Outline(Blocks& target, OutlineStyle sections = OutlineStyle::turkish) : out(target), sections_(sections) {}
  void part(const std::string& title);
  void section(const std::string& title);
  void sub(const std::string& title);
  Blocks& out;

 private:
  void heading(int level, OutlineStyle style, const char* suffix, const std::string& title);
  OutlineStyle sections_;
  OutlineCounter counter_;
};

// The layout parameter `name` as a four-digit year, else the metadata year; throws
// Error(ErrorCode::project) naming `layout` when neither is given or the value is not a year.
int year_param(const LayoutContext& context, const std::string& name, const std::string& layout);

// idare.ad (else the metadata author) and whether the administration is a municipality.
struct Administration {
  std::string name;
  bool is_municipality = true;
};
Administration administration(const Composer& c);

using faaliyet::BookCover;

// The front matter every book opens with: the front cover (the family's cover: the title without
// the year, the year or period, the book's accent colour, the administration and the layout
// parameter `logo`), the head's foreword (text `sunus`, signed from idare), contents and the
// lists of tables and charts. Returns the position where Kısaltmalar goes (after the lists).
std::size_t add_front_matter(const Composer& c, Blocks& out, const BookCover& cover, const Administration& idare);
// The back cover (the family's, with idare's contact lines and `full_title`) as the last block
// of the document's last section: the book's last page, on a verso in print.
void add_back_cover(const Composer& c, doc::Document& document, const BookCover& cover, const std::string& full_title);
// Inserts Kısaltmalar (the abbreviations the composed book uses) into the front section.
void insert_abbreviations(const Composer& c, doc::Document& document, std::size_t at);

// The organisation chart (Teşkilat Şeması) from `birim` (ust_birim_id): the head of the
// administration (idare.ust_yonetici_unvan) on top, the units without a parent and the genel
// sekreter yardımcılıkları under it, each unit by its short name. A placeholder paragraph plus a warning without the table.
void add_organisation_chart(const Composer& c, Blocks& out, const std::string& id);

// The amaç/hedef overview: a group row per amaç (code and text), its hedefler under it, in
// the order of amac.sira and the natural order of the codes.
void add_goal_overview(const Composer& c, Blocks& out, const std::string& id, const std::string& caption);

// birim.id -> birim.ad.
std::string unit_name(const Composer& c, const Value& id);
// A hedef's or amaç's text by its code ("" when unknown).
std::string goal_text(const Composer& c, const std::string& table, const std::string& code);

// A cell spanning `span` columns.
doc::TableCell spanning(doc::TableCell cell, int span);
// A two-column label/value row spanning `columns` in all.
doc::TableRow label_row(const std::string& label, const std::string& value, int columns);

// Rows of `table` in the order of an integer column (`sira`), the table's order for ties.
std::vector<std::size_t> rows_by(const Table& table, const std::string& column);

}  // namespace dizgi::books
