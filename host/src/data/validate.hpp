// Validation rules of the standard data (domain §4.6), reported as diagnostics that name the
// table, the row (1-based, with its key) and the column, e.g.
//   "table 'gosterge', row 12 (PG1.2.3), column 'hedefe_etkisi'".
// Errors mean the figures of the book would be wrong; warnings are what an auditor (Sayıştay)
// would flag. Strict mode reports every warning as an error. Rules whose tables are absent (or,
// for the plan and statement rules, empty) are skipped. A year the data has no results of (no
// year-end measurement, no budget line: the year a Performans Programı plans) skips the rules
// about reporting it: missing measurements, restated figures and missing statements.
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
//   data.plan-programme             warning   the year's genel_gider (genel yönetim) = plan's GYG cost;
//                                             in a programme year Σ activities of a hedef = its plan cost
//   data.figure-reference           error     gosterge.kaynak_rakam names an existing figure
//   data.restated-figure            warning   an indicator equals the report figure it restates
//   data.activity-indicators        warning   no activity at 0 spending whose hedef is all ≥ %100
//   data.plan-missing, data.plan-text  warning  a plan covers the year; metin misyon/vizyon = plan's
//   data.statement-signer           warning   beyan signers = idare/birim's persons
//   data.statement-unit, -duplicate error     a birim statement names its unit; one row per kind
//   data.statement-date, -missing   warning   dated in the next year (birim: by end of February);
//                                             both İdare statements present
//   data.revenue-basis              warning   tahsilat ≤ tahakkuk; refunds given once
//   data.budget-deviation-reason    warning   a line spent below %85 of its appropriation has a reason
//   data.repeated-reason            warning   one reason text per indicator / budget line
//   data.ic-kontrol-component       warning   KOS standards under their component
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

// Checks `dataset` and reports every finding to `sink`. Never throws for bad data. A dataset
// without the derived tables (docs/data-model.md) is checked on a copy that has them.
ValidateSummary validate(const Dataset& dataset, const ValidateOptions& options, DiagnosticSink& sink);

}  // namespace dizgi::data
