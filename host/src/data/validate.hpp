// Validation rules of the standard data (domain §4.6), reported as diagnostics that name the
// table, the row (1-based, with its key) and the column, e.g.
//   "table 'gosterge', row 12 (PG1.2.3), column 'hedefe_etkisi'".
// Errors mean the figures of the book would be wrong; warnings are what an auditor (Sayıştay)
// would flag. Strict mode reports every warning as an error. Rules whose tables are absent are
// skipped.
//
//   code                            severity  rule
//   data.weights-sum                error     Σ hedefe_etkisi of a hedef's indicators = 100
//   data.unknown-hedef              error     gosterge.hedef_kod names an existing hedef
//   data.baseline-equals-target     error     B == A needs yon = koruma (or a ratio method)
//   data.budget-identity            error     yıl sonu ödeneği = başlangıç + eklenen − düşülen
//   data.overspent                  warning   harcama ≤ yıl sonu ödeneği
//   data.target-missing             warning   every indicator has a target for the year
//   data.baseline-missing           warning   baseline_ratio indicators have a başlangıç değeri
//   data.measurement-missing        warning   a year-end value, or a reason why not
//   data.deviation-reason-missing   warning   measurement ≠ target needs sapma_nedeni
//   data.activity-cost              warning   faaliyet.butce = Σ faaliyet_maliyet
//   data.source-total               warning   Σ kaynak = Σ hedef_maliyet per year
#pragma once

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/dataset.hpp>

#include <cstddef>
#include <cstdint>

namespace dizgi::data {

struct ValidateOptions {
  int32_t year = 0;     // the reported year; 0 = the latest year with year-end measurements
  bool strict = false;  // warnings become errors
};

struct ValidateSummary {
  std::size_t errors = 0;
  std::size_t warnings = 0;
};

// Checks `dataset` and reports every finding to `sink`. Never throws for bad data.
ValidateSummary validate(const Dataset& dataset, const ValidateOptions& options, DiagnosticSink& sink);

}  // namespace dizgi::data
