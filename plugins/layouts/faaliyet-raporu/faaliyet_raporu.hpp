// The İdare Faaliyet Raporu layout: composes the yearly activity report of an administration
// (domain §1.3 outline, §2.6 financial tables, §2.9 performance results, §2.10 assurance
// statement) from the standard dataset and the book's narrative texts.
//
// Everything here is internal to the plugin; the tests in tests/layouts link it directly.
#pragma once

#include <dizgi/model/value.hpp>
#include <dizgi/sdk/layout.hpp>

#include <string>

namespace dizgi::faaliyet {

inline constexpr const char* layout_id = "faaliyet-raporu";

class FaaliyetRaporu final : public Layout {
 public:
  // Throws Error(ErrorCode::data) when the required table 'butce_gider' is missing and
  // Error(ErrorCode::project) when no report year is given (param "yil" or metadata year).
  // Missing texts and optional tables become placeholders plus warnings on context.sink.
  doc::Document compose(const LayoutContext& context) override;
};

// The figures of the report (indicator rates, hedef and amaç levels, budget sums and ratios)
// are the tables the host derives in its data stage (docs/data-model.md, "Derived tables"):
// this layout reads them and computes none. Turkish collation and the natural order of codes
// come from the SDK (dizgi/model/collate.hpp).

}  // namespace dizgi::faaliyet
