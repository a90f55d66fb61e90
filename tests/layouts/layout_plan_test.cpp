// The planning layouts refuse what they cannot compose with one clear error, and compose the
// rest with placeholders: the Performans Programı without the year's activities, the Stratejik
// Plan without its plan row or with a plan the data does not have, a year that is not a year.
#include "performans_programi.hpp"
#include "stratejik_plan.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/dataset.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

dizgi::ErrorCode compose_error(dizgi::Layout& layout, const dizgi::LayoutContext& context, std::string& message) {
  try {
    layout.compose(context);
  } catch (const dizgi::Error& error) {
    message = error.what();
    return error.code();
  }
  return dizgi::ErrorCode::internal;
}

dizgi::Table plan_row(int64_t first, int64_t last) {
  dizgi::Table plan("stratejik_plan", {{"id", dizgi::ValueType::integer, false, 0},
                                       {"baslangic_yili", dizgi::ValueType::integer, false, 0},
                                       {"bitis_yili", dizgi::ValueType::integer, false, 0}});
  plan.add_row({int64_t{1}, first, last});
  return plan;
}

}  // namespace

TEST(PlanLayouts, ProgrammeWithoutActivitiesIsADataError) {
  dizgi::Dataset data;
  dizgi::DiagnosticSink sink;
  dizgi::LayoutContext context;
  context.data = &data;
  context.sink = &sink;
  context.params["yil"] = "2026";
  dizgi::programme::PerformansProgrami layout;
  std::string message;
  EXPECT_EQ(compose_error(layout, context, message), dizgi::ErrorCode::data);
  EXPECT_NE(message.find("no activities of 2026"), std::string::npos) << message;
  context.params["yil"] = "iki bin";
  EXPECT_EQ(compose_error(layout, context, message), dizgi::ErrorCode::project);
  EXPECT_NE(message.find("'iki bin' is not a four-digit year"), std::string::npos) << message;
}

TEST(PlanLayouts, PlanNeedsItsRowAndComposesTheRestWithPlaceholders) {
  dizgi::Dataset data;
  dizgi::DiagnosticSink sink;
  dizgi::LayoutContext context;
  context.data = &data;
  context.sink = &sink;
  context.metadata.year = 2025;
  dizgi::plan::StratejikPlan layout;
  std::string message;
  EXPECT_EQ(compose_error(layout, context, message), dizgi::ErrorCode::data);
  EXPECT_NE(message.find("missing required table 'stratejik_plan'"), std::string::npos) << message;

  data.put(plan_row(2025, 2029));
  context.params["baslangic"] = "2020";
  EXPECT_EQ(compose_error(layout, context, message), dizgi::ErrorCode::project);
  EXPECT_NE(message.find("no plan starting in 2020"), std::string::npos) << message;

  // With only the plan row: every part is there, the missing tables are placeholders + warnings.
  context.params["baslangic"] = "2025";
  const dizgi::doc::Document document = layout.compose(context);
  ASSERT_EQ(document.sections.size(), 3u);
  EXPECT_EQ(document.metadata.title, "2025–2029 Stratejik Planı");
  bool warned_gzft = false;
  for (const auto& d : sink.diagnostics())
    warned_gzft = warned_gzft || (d.code == "layout.missing-table" && d.message == "missing optional table 'gzft'" &&
                                  d.location.where == "layout 'stratejik-plan'");
  EXPECT_TRUE(warned_gzft);
}
