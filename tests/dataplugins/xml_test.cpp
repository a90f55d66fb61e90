// The XML data source: the default <dataset>/<table>/<row> format, configurable element names,
// attributes as values, RelaxNG validation and the errors that name file and line.
#include "test_support.hpp"
#include "xml_source.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>

using dizgi::Date;
using dizgi::Decimal;
using dizgi::Table;
namespace data = dizgi::data;

namespace {

std::map<std::string, Table> read_xml(const std::string& text, data::Params params = {},
                                      const std::string& base_dir = {}) {
  std::map<std::string, Table> tables;
  std::map<std::string, std::unique_ptr<data::TableSink>> sinks;
  dizgi::xml::TableOpened opened = [&](const data::SchemaTable& table) -> data::RowSink& {
    if (!tables.count(table.name)) {
      tables.emplace(table.name, Table(table.name, table.columns));
      sinks[table.name] = std::make_unique<data::TableSink>(tables.at(table.name));
    }
    return *sinks[table.name];
  };
  dizgi::xml::read({}, text.data(), text.size(), "veri.xml", dizgi::test::fixture_schema(), params,
                   base_dir, opened);
  return tables;
}

std::string error_of(const std::string& text, data::Params params = {},
                     const std::string& base_dir = {}) {
  try {
    read_xml(text, params, base_dir);
  } catch (const dizgi::Error& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST(XmlSource, DefaultFormatWithSeveralTables) {
  auto tables = read_xml(R"(<?xml version="1.0" encoding="UTF-8"?>
<dataset>
  <table name="amac">
    <row><id>1</id><kod>A1</kod><metin>Yaşanabilir, &amp; dirençli kent</metin><sira>1</sira></row>
    <row id="2" kod="A2"><metin><![CDATA[Güçlü <ekonomi>]]></metin></row>
  </table>
  <table name="faaliyet">
    <row><id>5</id><kod>F5</kod><tur>proje</tur><ad>İstasyon</ad>
         <baslangic>2025-03-01</baslangic><maliyet>1500000.25</maliyet><bitis/></row>
  </table>
</dataset>)");
  ASSERT_EQ(tables.size(), 2u);
  const Table& amac = tables.at("amac");
  ASSERT_EQ(amac.row_count(), 2u);
  EXPECT_EQ(std::get<std::string>(amac.at(0, "metin")), "Yaşanabilir, & dirençli kent");
  EXPECT_EQ(std::get<int64_t>(amac.at(1, "id")), 2);
  EXPECT_EQ(std::get<std::string>(amac.at(1, "metin")), "Güçlü <ekonomi>");
  EXPECT_TRUE(dizgi::is_null(amac.at(1, "sira")));
  const Table& faaliyet = tables.at("faaliyet");
  EXPECT_EQ(std::get<Date>(faaliyet.at(0, "baslangic")), (Date{2025, 3, 1}));
  EXPECT_EQ(std::get<Decimal>(faaliyet.at(0, "maliyet")), (Decimal{150000025, 2}));
  EXPECT_TRUE(dizgi::is_null(faaliyet.at(0, "bitis")));
}

TEST(XmlSource, RowsUnderTheRootWithRenamedElements) {
  auto tables = read_xml(R"(<birimler>
  <birim><No>1</No><kod>38.01</kod><ad>Fen İşleri Dairesi Başkanlığı</ad><harcama_birimi>evet</harcama_birimi></birim>
</birimler>)",
                         {{"table", "birim"}, {"row-element", "birim"}, {"map.No", "id"}});
  const Table& birim = tables.at("birim");
  EXPECT_EQ(std::get<int64_t>(birim.at(0, "id")), 1);
  EXPECT_EQ(std::get<bool>(birim.at(0, "harcama_birimi")), true);
}

TEST(XmlSource, TableParamSelectsOneTable) {
  auto tables = read_xml(R"(<dataset>
  <table name="metin"><row><anahtar>sunus</anahtar><icerik>x</icerik></row></table>
  <table name="amac"><row><id>1</id><kod>A1</kod><metin>m</metin></row></table>
</dataset>)",
                         {{"table", "amac"}});
  EXPECT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables.at("amac").row_count(), 1u);
}

TEST(XmlSource, ErrorsNameFileLineAndColumn) {
  EXPECT_EQ(error_of("<dataset>\n<table name=\"butce_gelir\">\n<row><yil>2025</yil>"
                     "<ekonomik_kod>01</ekonomik_kod>\n<butce_tahmini>12,5a</butce_tahmini></row>"
                     "</table></dataset>"),
            "veri.xml:4: error: column 'butce_tahmini': not a number: '12,5a'");
  EXPECT_EQ(error_of("<dataset>\n<table name=\"amac\">\n<row><id>1</id><kod>A1</kod></row>"
                     "</table></dataset>"),
            "veri.xml:3: error: column 'metin': a value is required (hint: add <metin> to the "
            "<row>)");
  EXPECT_EQ(error_of("<dataset>\n<table name=\"amac\"><row>\n<renk>mavi</renk></row></table>"
                     "</dataset>"),
            "veri.xml:3: error: unknown column 'renk' in table 'amac' (hint: rename it with "
            "map.renk=<column> or skip it with ignore=renk)");
  EXPECT_EQ(error_of("<dataset>\n<table name=\"yok\"/></dataset>").substr(0, 40),
            "veri.xml:2: error: unknown table 'yok' (");
}

TEST(XmlSource, MalformedXmlNamesTheLine) {
  std::string message = error_of("<dataset>\n<table name=\"amac\">\n<row><id>1</kod></row>");
  EXPECT_EQ(message.substr(0, 19), "veri.xml:3: error: ") << message;
}

TEST(XmlSource, EntitiesAreNeverExpanded) {
  // A "billion laughs" document: refused (by libxml2's loop guard or at the first entity
  // reference), nothing expanded.
  std::string bomb = R"(<?xml version="1.0"?>
<!DOCTYPE dataset [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<dataset><table name="metin"><row><anahtar>k</anahtar><icerik>&c;</icerik></row></table></dataset>)";
  EXPECT_NE(error_of(bomb).find("entity"), std::string::npos) << error_of(bomb);
  std::string external = R"(<?xml version="1.0"?>
<!DOCTYPE dataset [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<dataset><table name="metin"><row><anahtar>k</anahtar><icerik>&x;</icerik></row></table></dataset>)";
  EXPECT_EQ(error_of(external).find("root:"), std::string::npos);
  EXPECT_NE(error_of(external), "no error");
}

TEST(XmlSource, RelaxNgValidationWhenSchemaGiven) {
  dizgi::test::TempDir dir;
  dir.write("veri.rng", R"(<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <start><element name="dataset"><oneOrMore><element name="table">
    <attribute name="name"/>
    <zeroOrMore><element name="row"><oneOrMore><element><anyName/><text/></element></oneOrMore></element></zeroOrMore>
  </element></oneOrMore></element></start>
</grammar>)");
  std::string good = "<dataset><table name=\"amac\"><row><id>1</id><kod>A</kod><metin>m</metin>"
                     "</row></table></dataset>";
  EXPECT_EQ(read_xml(good, {{"schema", "veri.rng"}}, dir.path().string()).at("amac").row_count(), 1u);
  std::string bad = "<dataset>\n<tablo name=\"amac\"/></dataset>";
  std::string message = error_of(bad, {{"schema", "veri.rng"}}, dir.path().string());
  EXPECT_EQ(message.substr(0, 19), "veri.xml:2: error: ") << message;
  EXPECT_NE(error_of(good, {{"schema", "yok.rng"}}, dir.path().string()), "no error");
}
