// <batch> books (host/src/job/batch.hpp): one book per row of a data table, file names from the
// rows, the checks of book.xml and of the table, the shard rule; and every Birim report of the
// sample totals to its line in the İdare report.
#include "job/batch.hpp"
#include "job/job_private.hpp"

#include "project/project.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>

namespace {

namespace fs = std::filesystem;
using dizgi::Error;
using dizgi::job::BatchMember;
using dizgi::job::BookData;

std::string book_xml(const std::string& batch, const std::string& file = "birim-{name}-2025.pdf",
                     const std::string& param = "<param name=\"birim\" value=\"B2\"/>") {
  return "<book><meta><title>Birim Raporları</title></meta><layout plugin=\"faaliyet-raporu\">" + param +
         "</layout>" + batch + "<outputs><output profile=\"web\" file=\"" + file + "\"/></outputs></book>";
}

dizgi::project::Project parse(const std::string& xml) {
  return dizgi::project::parse_project(xml, fs::path(DIZGI_TEST_BINARY_DIR) / "batch-book.xml");
}

// Units B1..B4; B3 is not a spending unit.
BookData units_book(const std::string& xml) {
  BookData data{parse(xml), {}, 2025};
  dizgi::Table birim("birim", {{"kod", dizgi::ValueType::text}, {"kisa_ad", dizgi::ValueType::text},
                               {"harcama_birimi", dizgi::ValueType::boolean}});
  birim.add_row({std::string("B1"), std::string("Özel Kalem"), true});
  birim.add_row({std::string("B2"), std::string("Fen İşleri"), true});
  birim.add_row({std::string("B3"), std::string("Genel Sekreterlik"), false});
  birim.add_row({std::string("B4"), std::string("İklim ve Sıfır Atık"), true});
  data.dataset.put(std::move(birim));
  return data;
}

const std::string units_batch = "<batch param=\"birim\" table=\"birim\" value=\"kod\" name=\"kisa_ad\" where=\"harcama_birimi\"/>";

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(JobBatch, FileSlugsWriteTurkishLettersAsAscii) {
  EXPECT_EQ(dizgi::job::file_slug("Fen İşleri"), "fen-isleri");
  EXPECT_EQ(dizgi::job::file_slug("İklim ve Sıfır Atık"), "iklim-ve-sifir-atik");
  EXPECT_EQ(dizgi::job::file_slug("  Çevre Koruma / Kontrol (ÇKK) "), "cevre-koruma-kontrol-ckk");
  EXPECT_EQ(dizgi::job::file_slug("Gençlik ve Spor — Ğ Ö Ü Ş"), "genclik-ve-spor-g-o-u-s");
  EXPECT_EQ(dizgi::job::file_slug("46.01.34.13"), "46-01-34-13");
}

TEST(JobBatch, OneBookPerSelectedRowInTheTablesOrder) {
  BookData data = units_book(book_xml(units_batch));
  ASSERT_TRUE(data.project.batch);
  std::vector<BatchMember> members = dizgi::job::batch_members(data);
  ASSERT_EQ(members.size(), 3u);
  EXPECT_EQ(members[0].value, "B1");
  EXPECT_EQ(members[1].slug, "fen-isleri");
  EXPECT_EQ(members[2].name, "İklim ve Sıfır Atık");
  dizgi::project::Project third = dizgi::job::member_project(data.project, members[2]);
  EXPECT_EQ(third.layout_params.at("birim"), "B4");
  EXPECT_EQ(third.outputs.at(0).file, "birim-iklim-ve-sifir-atik-2025.pdf");
  // `dizgi build` makes the book the layout parameter names.
  EXPECT_EQ(dizgi::job::batch_member_named(data).slug, "fen-isleri");
}

TEST(JobBatch, ValuePlaceholderAndNoNameColumn) {
  BookData data = units_book(book_xml("<batch param=\"birim\" table=\"birim\" value=\"kod\"/>", "rapor-{value}.pdf"));
  std::vector<BatchMember> members = dizgi::job::batch_members(data);
  ASSERT_EQ(members.size(), 4u);  // no where: every row
  EXPECT_EQ(dizgi::job::member_project(data.project, members[3]).outputs.at(0).file, "rapor-B4.pdf");
}

TEST(JobBatch, WrongTableColumnOrDuplicatesNameTheBatchElement) {
  EXPECT_NE(error_of([] { dizgi::job::batch_members(units_book(book_xml("<batch param=\"birim\" table=\"birimler\" value=\"kod\"/>"))); })
                .find("batch-book.xml:1:"),
            std::string::npos);
  EXPECT_NE(error_of([] { dizgi::job::batch_members(units_book(book_xml("<batch param=\"birim\" table=\"birim\" value=\"kodu\"/>"))); })
                .find("names column 'kodu', which table 'birim' has not"),
            std::string::npos);
  BookData twice = units_book(book_xml(units_batch));
  twice.dataset.find("birim")->add_row({std::string("B5"), std::string("Fen  İşleri"), true});
  EXPECT_NE(error_of([&] { dizgi::job::batch_members(twice); }).find("file name part 'fen-isleri' (table 'birim', rows 2 and 5)"),
            std::string::npos);
  BookData no_param = units_book(book_xml(units_batch, "birim-{name}.pdf", ""));
  EXPECT_NE(error_of([&] { dizgi::job::batch_member_named(no_param); }).find("is a batch of 3 books"), std::string::npos);
  BookData unknown = units_book(book_xml(units_batch, "birim-{name}.pdf", "<param name=\"birim\" value=\"B3\"/>"));
  EXPECT_NE(error_of([&] { dizgi::job::batch_member_named(unknown); }).find("'B3', which no book of the <batch> has"),
            std::string::npos);
}

TEST(JobBatch, OutputPlaceholdersAreCheckedInBookXml) {
  EXPECT_NE(error_of([] { parse(book_xml(units_batch, "birim-2025.pdf")); }).find("is the same for every book of the <batch>"),
            std::string::npos);
  EXPECT_NE(error_of([] { parse(book_xml("", "birim-{name}.pdf")); }).find("uses {name} but the book has no <batch>"),
            std::string::npos);
  EXPECT_NE(error_of([] { parse(book_xml(units_batch, "birim-{ad}.pdf")); }).find("unknown placeholder '{ad}'"),
            std::string::npos);
  EXPECT_NE(error_of([] { parse(book_xml("<batch param=\"\" table=\"birim\" value=\"kod\"/>")); }).find("empty param in <batch>"),
            std::string::npos);
}

TEST(JobBatch, ShardsTakeEveryNthBook) {
  std::vector<int> hits(10, 0);
  for (int shard = 1; shard <= 3; ++shard) {
    for (std::size_t i = 0; i < hits.size(); ++i) hits[i] += dizgi::job::in_shard(i, shard, 3) ? 1 : 0;
  }
  for (int h : hits) EXPECT_EQ(h, 1);
  EXPECT_TRUE(dizgi::job::in_shard(0, 1, 3));
  EXPECT_TRUE(dizgi::job::in_shard(4, 2, 3));
  EXPECT_TRUE(dizgi::job::in_shard(7, 1, 1));
}

}  // namespace

// ---- the sample's Birim reports against its İdare report ----


namespace {

const fs::path kuzeykent = fs::path(DIZGI_TEST_SOURCE_DIR) / ".." / "samples" / "kuzeykent";

const dizgi::doc::Table* find_table(const dizgi::doc::Document& document, const std::string& id) {
  for (const dizgi::doc::Section& section : document.sections) {
    for (const dizgi::doc::Block& block : section.blocks) {
      if (const auto* table = std::get_if<dizgi::doc::Table>(&block); table && table->id == id) return table;
    }
  }
  return nullptr;
}

std::string cell_text(const dizgi::doc::TableCell& cell) {
  std::string text;
  for (const dizgi::doc::Span& span : cell.content) text += span.text;
  if (text.empty()) {
    if (const auto* value = std::get_if<std::string>(&cell.value)) text = *value;
  }
  return text;
}

std::string amount(const dizgi::doc::TableCell& cell) {
  const auto* value = std::get_if<dizgi::Decimal>(&cell.value);
  return value ? value->rescaled(2).to_string() : "not an amount";
}

TEST(JobBatch, EveryBirimTotalEqualsItsLineInTheIdareReport) {
  dizgi::job::Session session;
  dizgi::DiagnosticSink sink;
  BookData idare = session.load_data(kuzeykent / "faaliyet-2025.xml", {}, sink);
  const dizgi::doc::Document idare_book = dizgi::job::compose_document(session.plugins(), idare, sink);
  const dizgi::doc::Table* lines = find_table(idare_book, "tablo-butce-gider-birim");
  ASSERT_NE(lines, nullptr);
  std::map<std::string, std::pair<std::string, std::string>> idare_lines;  // unit -> appropriation, spending
  for (const dizgi::doc::TableRow& row : lines->body)
    idare_lines[cell_text(row.cells.at(0))] = {amount(row.cells.at(1)), amount(row.cells.at(2))};

  BookData birim = session.load_data(kuzeykent / "birim-2025.xml", {}, sink);
  const dizgi::project::Project whole = birim.project;
  const std::vector<BatchMember> members = dizgi::job::batch_members(birim);
  ASSERT_EQ(members.size(), 32u);
  for (const BatchMember& member : members) {
    birim.project = dizgi::job::member_project(whole, member);
    const dizgi::doc::Document book = dizgi::job::compose_document(session.plugins(), birim, sink);
    const dizgi::doc::Table* budget = find_table(book, "tablo-birim-butce");
    ASSERT_NE(budget, nullptr) << member.name;
    ASSERT_EQ(budget->footer.size(), 1u) << member.name;  // the TOPLAM row
    const dizgi::doc::TableRow& total = budget->footer.front();
    const std::string unit = book.metadata.title.substr(std::string("2025 Yılı ").size(),
                                                        book.metadata.title.size() - std::string("2025 Yılı ").size() -
                                                            std::string(" Birim Faaliyet Raporu").size());
    ASSERT_EQ(idare_lines.count(unit), 1u) << unit;
    EXPECT_EQ(amount(total.cells.at(5)), idare_lines[unit].first) << unit << ": yıl sonu ödeneği";
    EXPECT_EQ(amount(total.cells.at(6)), idare_lines[unit].second) << unit << ": harcama";
  }
}

}  // namespace
