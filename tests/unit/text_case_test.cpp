// Turkish case mapping: dotted and dotless i, and heading title case.
#include <gtest/gtest.h>

#include "text/case.hpp"

using dizgi::text::title_case_tr;
using dizgi::text::to_lower_tr;
using dizgi::text::to_upper_tr;

TEST(TextCase, UpperUsesDottedCapitalI) {
  EXPECT_EQ(to_upper_tr("İçindekiler"), "İÇİNDEKİLER");
  EXPECT_EQ(to_upper_tr("amaç ve hedefler"), "AMAÇ VE HEDEFLER");
  EXPECT_EQ(to_upper_tr("ışık"), "IŞIK");
}

TEST(TextCase, LowerUsesDotlessSmallI) {
  EXPECT_EQ(to_lower_tr("IŞIK"), "ışık");
  EXPECT_EQ(to_lower_tr("GİDER"), "gider");
  EXPECT_EQ(to_lower_tr("FAALİYETLERE İLİŞKİN BİLGİ"), "faaliyetlere ilişkin bilgi");
}

TEST(TextCase, TitleCaseKeepsConjunctionsLowercase) {
  EXPECT_EQ(title_case_tr("amaç ve hedefler"), "Amaç ve Hedefler");
  EXPECT_EQ(title_case_tr("YETKİ, GÖREV VE SORUMLULUKLAR"), "Yetki, Görev ve Sorumluluklar");
  EXPECT_EQ(title_case_tr("izleme ile değerlendirme veya raporlama"),
            "İzleme ile Değerlendirme veya Raporlama");
  EXPECT_EQ(title_case_tr("ve sonrası"), "Ve Sonrası");
  EXPECT_EQ(title_case_tr("İZMİR’İN ılıman iklimi"), "İzmir’in Ilıman İklimi");
}
