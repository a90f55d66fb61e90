// The data-collection layout (docs/forms.md): for each unit (birim) responsible for indicators
// or activities, a form listing them — this year's target and last year's realisation prefilled
// and read-only, empty fields for this year's realisation and the deviation reason, the
// activities' spending, physical progress and state — and the unit head's signature block. In
// the web profile every empty field is fillable; the pdfform source reads the filled forms back.
//
// Parameters: yil (the year collected; default the book's year), birim (a unit's id or kurumsal
// kod: only its form). Field names: gosterge.<kod>.gerceklesme.<yil>, gosterge.<kod>.sapma_nedeni.<yil>,
// faaliyet.<kod>.harcanan.<yil>, faaliyet.<kod>.fiziki_gerceklesme.<yil>,
// faaliyet.<kod>.durum.<yil>, birim.<id>.kontrol, birim.<id>.tarih and the signature block's
// imza.yer_tarih, imza.adi_soyadi, imza.unvani.
#pragma once

#include <dizgi/sdk/layout.hpp>

#include <optional>
#include <string>

namespace dizgi::veri_toplama {

inline constexpr const char* layout_id = "veri-toplama";
// The template version written into every form ("form-id"); raise it when field names change.
inline constexpr const char* form_id = "veri-toplama/1";

class VeriToplama final : public Layout {
 public:
  // Throws Error(ErrorCode::data) when the table 'birim' or 'gosterge' is missing and
  // Error(ErrorCode::project) when no year is given.
  doc::Document compose(const LayoutContext& context) override;
};

// One unit's form (a unit with nothing to collect gets none: nullopt).
std::optional<doc::Form> unit_form(const Dataset& data, const std::string& unit_id, int year);

}  // namespace dizgi::veri_toplama
