// The SDK's Turkish collation and natural order of codes (dizgi/model/collate.hpp): the one
// implementation the host's data views and the layouts share.
#include <dizgi/model/collate.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

TEST(SdkCollate, DottedAndDotlessIInTurkishOrder) {
  std::vector<std::string> words = {"İmar", "ırmak", "Zabıta",  "Çevre", "Halk",
                                    "Işık", "Bilgi", "Öğrenci", "Oda"};
  dizgi::sort_tr(words);
  EXPECT_EQ(words, (std::vector<std::string>{"Bilgi", "Çevre", "Halk", "ırmak", "Işık", "İmar",
                                             "Oda", "Öğrenci", "Zabıta"}));
  EXPECT_LT(dizgi::compare_tr("Işık", "İmar"), 0);
  EXPECT_GT(dizgi::compare_tr("şehir", "su"), 0);
  EXPECT_EQ(dizgi::compare_tr("Zabıta", "Zabıta"), 0);
}

TEST(SdkCollate, SortKeysOrderAsTheCollator) {
  std::vector<std::string> words = {"Zabıta", "çarşı", "cadde", "ğa", "gaz", "İmar", "Işık"};
  std::vector<std::string> by_key = words;
  std::stable_sort(by_key.begin(), by_key.end(), [](const std::string& a, const std::string& b) {
    return dizgi::sort_key_tr(a) < dizgi::sort_key_tr(b);
  });
  dizgi::sort_tr(words);
  EXPECT_EQ(by_key, words);
  EXPECT_EQ(dizgi::sort_key_tr("Işık"), dizgi::sort_key_tr("Işık"));
}

// The letter a sorted list files a name under is its first letter in Turkish capitals: dotless
// ı under I, i under İ, never ASCII casing.
TEST(SdkCollate, InitialIsTheFirstLetterInTurkishCapitals) {
  EXPECT_EQ(dizgi::initial_tr("ılıca"), "I");
  EXPECT_EQ(dizgi::initial_tr("izmir"), "İ");
  EXPECT_EQ(dizgi::initial_tr("Ilgaz"), "I");
  EXPECT_EQ(dizgi::initial_tr("İnegöl"), "İ");
  EXPECT_EQ(dizgi::initial_tr("çankaya"), "Ç");
  EXPECT_EQ(dizgi::initial_tr("Üsküdar"), "Ü");
  EXPECT_EQ(dizgi::initial_tr("gebze"), "G");
  EXPECT_EQ(dizgi::initial_tr(""), "");
}

TEST(SdkCollate, NaturalOrderOfCodes) {
  EXPECT_TRUE(dizgi::natural_less("H1.2", "H1.10"));
  EXPECT_FALSE(dizgi::natural_less("H1.10", "H1.2"));
  EXPECT_TRUE(dizgi::natural_less("A1", "A2"));
  EXPECT_TRUE(dizgi::natural_less("PG1.1.9", "PG1.1.10"));
  EXPECT_FALSE(dizgi::natural_less("A01", "A1"));
  EXPECT_FALSE(dizgi::natural_less("A1", "A01"));
  EXPECT_TRUE(dizgi::natural_less("A1", "A1.1"));
}

}  // namespace
