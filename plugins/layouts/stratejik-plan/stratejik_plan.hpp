// The Stratejik Plan layout: the five-year strategic plan of an administration in the model of
// the 2019 Belediyeler guide (domain §1.1 outline, §2.1 Hedef Kartı, §2.2–§2.4 tables) from the
// standard dataset and the book's narrative texts. Internal to the plugin.
#pragma once

#include "blocks.hpp"

#include <dizgi/sdk/layout.hpp>

#include <vector>

namespace dizgi::plan {

inline constexpr const char* layout_id = "stratejik-plan";

class StratejikPlan final : public Layout {
 public:
  // Throws Error(ErrorCode::data) when the dataset has no stratejik_plan row (the plan's years
  // and approval) and Error(ErrorCode::project) when the parameter "baslangic" names a plan the
  // data does not have. Missing texts and optional tables become placeholders plus warnings.
  doc::Document compose(const LayoutContext& context) override;
};

// The plan's years and approval (the row of stratejik_plan).
struct Plan {
  int first_year = 0;
  int last_year = 0;
  std::string approval_date;
  std::string decision;
  std::string mission;
  std::string vision;
  std::vector<int> years() const;
};

// A process drawn as boxes joined by arrows (the chart kind process_flow), each step with the
// phase it belongs to; consecutive steps of one phase are bracketed under its name.
struct Step {
  std::string phase;
  std::string text;
};
doc::Chart process_chart(const std::string& id, const std::string& caption, const std::vector<Step>& steps);
// A cycle drawn around an ellipse, the last step leading back to the first, `centre` in the middle.
doc::Chart cycle_chart(const std::string& id, const std::string& caption, const std::vector<std::string>& steps,
                       const std::string& centre);

// analysis.cpp — I Hazırlık Süreci tables and programme, II Durum Analizi.
void add_preparation(const books::Composer& c, books::Blocks& out);
void add_situation_analysis(const books::Composer& c, books::Outline& o);

// strategy.cpp — IV: goal overview, alignment matrices, one Hedef Kartı per hedef, the cost and
// source tables with their charts; V: the reporting calendar; EKLER: indicator cards.
void add_goals(const books::Composer& c, books::Blocks& out, const Plan& plan);
void add_costs(const books::Composer& c, books::Blocks& out, const Plan& plan);
void add_monitoring(const books::Composer& c, books::Blocks& out, const Plan& plan);
void add_indicator_cards(const books::Composer& c, books::Blocks& out);

}  // namespace dizgi::plan
