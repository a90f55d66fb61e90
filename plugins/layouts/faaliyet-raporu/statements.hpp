// The assurance statements of the activity reports, word for word as the annexes of the
// regulation print them. This is the one copy in the repository: the layout fills in the year
// and takes signer, title, place, date and reservations from the `beyan` table; the tests
// compare the composed forms with these texts.
//
// Source: Kamu İdarelerince Hazırlanacak Faaliyet Raporları Hakkında Yönetmelik (Resmî Gazete,
// 17/03/2006, 26111), the statement annexes. Legislation is not protected by copyright (5846
// sayılı FSEK md. 31). Each paragraph is one element; "{yil}" stands for the report year
// (the annex prints "20..").
#pragma once

#include <array>
#include <string_view>

namespace dizgi::faaliyet::statements {

inline constexpr std::string_view source =
    "Kamu İdarelerince Hazırlanacak Faaliyet Raporları Hakkında Yönetmelik (RG 17.03.2006/26111), ekler";

// İç Kontrol Güvence Beyanı of the üst yönetici (the İdare report).
inline constexpr std::string_view idare_title = "İç Kontrol Güvence Beyanı";
inline constexpr std::array<std::string_view, 5> idare = {
    "Üst yönetici olarak yetkim dahilinde;",
    "Bu raporda yer alan bilgilerin güvenilir, tam ve doğru olduğunu beyan ederim.",
    "Bu raporda açıklanan faaliyetler için idare bütçesinden harcama birimlerimize tahsis edilmiş "
    "kaynakların, planlanmış amaçlar doğrultusunda ve iyi mali yönetim ilkelerine uygun olarak "
    "kullanıldığını ve iç kontrol sisteminin işlemlerin yasallık ve düzenliliğine ilişkin yeterli "
    "güvenceyi sağladığını bildiririm.",
    "Bu güvence, üst yönetici olarak sahip olduğum bilgi ve değerlendirmeler, iç kontroller, iç "
    "denetçi raporları ile Sayıştay raporları gibi bilgim dahilindeki hususlara dayanmaktadır.",
    "Burada raporlanmayan, idarenin menfaatlerine zarar veren herhangi bir husus hakkında bilgim "
    "olmadığını beyan ederim."};

// İç Kontrol Güvence Beyanı of the harcama yetkilisi (a Birim report).
inline constexpr std::string_view birim_title = "İç Kontrol Güvence Beyanı";
inline constexpr std::array<std::string_view, 5> birim = {
    "Harcama yetkilisi olarak yetkim dahilinde;",
    "Bu raporda yer alan bilgilerin güvenilir, tam ve doğru olduğunu beyan ederim.",
    "Bu raporda açıklanan faaliyetler için bütçe ile tahsis edilmiş kaynakların, planlanmış amaçlar "
    "doğrultusunda ve iyi mali yönetim ilkelerine uygun olarak kullanıldığını ve iç kontrol "
    "sisteminin işlemlerin yasallık ve düzenliliğine ilişkin yeterli güvenceyi sağladığını "
    "bildiririm.",
    "Bu güvence, harcama yetkilisi olarak sahip olduğum bilgi ve değerlendirmeler, iç kontroller, "
    "iç denetçi raporları ile Sayıştay raporları gibi bilgim dahilindeki hususlara dayanmaktadır.",
    "Burada raporlanmayan, idarenin menfaatlerine zarar veren herhangi bir husus hakkında bilgim "
    "olmadığını beyan ederim."};

// Mali Hizmetler Birim Yöneticisinin Beyanı (the İdare report).
inline constexpr std::string_view mali_hizmetler_title = "Mali Hizmetler Birim Yöneticisinin Beyanı";
inline constexpr std::array<std::string_view, 2> mali_hizmetler = {
    "Mali hizmetler birim yöneticisi olarak yetkim dahilinde;",
    "İdaremizin {yil} yılı faaliyet raporunun “III/A- Mali Bilgiler” bölümünde yer alan bilgilerin "
    "güvenilir, tam ve doğru olduğunu teyit ederim."};

}  // namespace dizgi::faaliyet::statements
