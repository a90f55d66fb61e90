// The SDK's outline numbering (dizgi/model/outline.hpp) and Turkish case mapping
// (dizgi/model/case.hpp), which layouts share with the host.
#include <dizgi/model/case.hpp>
#include <dizgi/model/outline.hpp>

#include <gtest/gtest.h>

namespace {

using dizgi::OutlineStyle;

TEST(SdkOutline, LabelsInEachStyle) {
  EXPECT_EQ(dizgi::format_outline_label(4, OutlineStyle::roman), "IV");
  EXPECT_EQ(dizgi::format_outline_label(4, OutlineStyle::latin), "D");  // the Yönetmelik: no Ç
  EXPECT_EQ(dizgi::format_outline_label(4, OutlineStyle::turkish), "Ç");
  EXPECT_EQ(dizgi::format_outline_label(12, OutlineStyle::arabic), "12");
  EXPECT_EQ(dizgi::format_outline_label(0, OutlineStyle::roman), "");
}

TEST(SdkOutline, CounterRestartsDeeperLevelsAndNamesAnchors) {
  dizgi::OutlineCounter counter;
  EXPECT_EQ(counter.next(1), 1);
  EXPECT_EQ(counter.anchor("bolum"), "bolum-1");
  EXPECT_EQ(counter.next(2), 1);
  EXPECT_EQ(counter.next(2), 2);
  EXPECT_EQ(counter.next(3), 1);
  EXPECT_EQ(counter.anchor("bolum"), "bolum-1-2-1");
  EXPECT_EQ(counter.next(1), 2);
  EXPECT_EQ(counter.at(2), 0);
  EXPECT_EQ(counter.anchor("bolum"), "bolum-2");
  EXPECT_EQ(counter.next(0), 0);
  EXPECT_EQ(counter.next(dizgi::OutlineCounter::max_levels + 1), 0);
}

TEST(SdkCase, TurkishUpperLowerAndTitleCase) {
  EXPECT_EQ(dizgi::upper_tr("içindekiler"), "İÇİNDEKİLER");
  EXPECT_EQ(dizgi::lower_tr("IŞIK"), "ışık");
  EXPECT_EQ(dizgi::title_case_tr("YETKİ, GÖREV VE SORUMLULUKLAR"), "Yetki, Görev ve Sorumluluklar");
}

}  // namespace
