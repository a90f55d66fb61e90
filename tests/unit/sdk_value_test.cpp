// Exact decimals and the markup parser of the SDK.
#include <dizgi/model/value.hpp>
#include <dizgi/sdk/layout.hpp>

#include <gtest/gtest.h>

using dizgi::Decimal;

TEST(Decimal, ParsesTurkishMoneyExactly) {
  auto value = Decimal::parse_tr("15.809.134,35");
  ASSERT_TRUE(value);
  EXPECT_EQ(value->units, 1580913435);
  EXPECT_EQ(value->scale, 2);
  EXPECT_EQ(value->to_string(), "15809134.35");
}

TEST(Decimal, RejectsJunkAndMisplacedGrouping) {
  EXPECT_FALSE(Decimal::parse_tr("12,5a"));
  EXPECT_FALSE(Decimal::parse_tr("1.23,5"));
  EXPECT_FALSE(Decimal::parse_tr(""));
  EXPECT_FALSE(Decimal::parse("1,5"));
}

TEST(Decimal, PercentAndNegative) {
  EXPECT_EQ(Decimal::parse_tr("%12,5")->to_string(), "12.5");
  EXPECT_EQ(Decimal::parse_tr("-%4,2")->to_string(), "-4.2");
}

TEST(Decimal, ArithmeticIsExactToTheKurus) {
  Decimal sum{};
  for (int i = 0; i < 10; ++i) sum = sum + *Decimal::parse("0.10");
  EXPECT_EQ(sum, Decimal::from_int(1));
  EXPECT_EQ(dizgi::divide(*Decimal::parse("-0.5"), *Decimal::parse("-1"), 2).to_string(), "0.50");
  EXPECT_EQ(Decimal::parse("2.345")->rescaled(2).to_string(), "2.35");
}

TEST(Markup, ParagraphsInlineStylesFootnotesAndLists) {
  auto blocks = dizgi::parse_markup("İlk **kalın** ve *eğik*[^Dipnot.]\nsatır.\n\n- bir\n- iki\n");
  ASSERT_EQ(blocks.size(), 2u);
  const auto& p = std::get<dizgi::doc::Paragraph>(blocks[0]);
  ASSERT_GE(p.content.size(), 4u);
  EXPECT_EQ(p.content[0].text, "İlk ");
  EXPECT_TRUE(p.content[1].style.bold);
  EXPECT_TRUE(p.content[3].style.italic);
  EXPECT_TRUE(p.content[4].footnote);
  const auto& list = std::get<dizgi::doc::List>(blocks[1]);
  EXPECT_EQ(list.items.size(), 2u);
}
