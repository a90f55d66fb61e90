// The Performans Programı layout: the yearly performance programme of an administration
// (domain §1.2 outline, §2.5 Tablo 1–4 of the 2009 Rehber) from the standard dataset and the
// book's narrative texts. Internal to the plugin; tests/layouts link it directly.
#pragma once

#include "blocks.hpp"

#include <dizgi/sdk/layout.hpp>

namespace dizgi::programme {

inline constexpr const char* layout_id = "performans-programi";

class PerformansProgrami final : public Layout {
 public:
  // Throws Error(ErrorCode::project) without a programme year (param "yil" or metadata year)
  // and Error(ErrorCode::data) when the dataset has no activities of that year (table
  // 'faaliyet'). Missing texts and optional tables become placeholders plus warnings.
  doc::Document compose(const LayoutContext& context) override;
};

// tables.cpp — II-C and II-D. The figures are the host's derived tables (pp_performans,
// pp_kaynak_ihtiyaci, pp_faaliyet_maliyet, pp_kaynak_dagilimi); the layout computes none.
// Per hedef with activities: Tablo 1 (`tablo1-<hedef>`), then Tablo 2 per activity
// (`tablo2-<faaliyet>`).
void add_goal_tables(const books::Composer& c, books::Blocks& out, const std::string& idare);
// Tablo 3 (`tablo3`), Tablo 4 (`tablo4`) and the charts of resources by amaç, economic code
// and unit.
void add_resource_tables(const books::Composer& c, books::Blocks& out);

}  // namespace dizgi::programme
