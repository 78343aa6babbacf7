#pragma once
// The Dokumen Evaluasi Kinerja Pegawai (server/export/evaluation_document.h) filled from the
// store: an employee's appraisal of a period with the employee, the pejabat penilai (their
// supervisor) and the atasan pejabat penilai (the supervisor's supervisor) as the roster
// holds them now. Who may print what: docs/reports.md ("Printable documents").

#include <string>
#include <vector>

#include "server/auth/principal.h"
#include "server/export/evaluation_document.h"
#include "server/export/unit_recap.h"
#include "server/reports/reports.h"
#include "server/store/central_store.h"
#include "shared/result.h"

namespace kinerja::server {

// The document of `employee_id` for `period` ("2026", "2026-S1", "2026-Q2", ...). HR and
// admins may print anyone's, a supervisor their own staff's (whose supervisor_id they are),
// everyone their own. Fails with kInvalidArgument for a malformed period or an appraisal
// scored with a numeric template (the document is PermenPANRB 6/2022's), kNotFound for an
// unknown employee or when the employee has no submitted or signed-off appraisal of the
// period (a draft's message says so), kPermissionDenied outside the caller's reach.
Result<exports::EvaluationDocument> EvaluationDocumentOf(CentralStore& store, const Principal& who,
                                                         const std::string& employee_id,
                                                         const std::string& period);

// The documents of every employee of unit `unit_id` (that unit only, not the units below)
// who has a submitted or signed-off PermenPANRB 6/2022 appraisal of `period` (numeric-template
// appraisals are left out), in name order, for HR and admins and for the unit's supervisors
// (their own staff only). Fails with kInvalidArgument for a
// malformed period, kNotFound for an unknown unit or when nobody there has such an appraisal,
// kPermissionDenied for employees and enumerators. At most kMaxBatchDocuments documents
// (kTooLarge above).
Result<std::vector<exports::EvaluationDocument>> UnitEvaluationDocuments(CentralStore& store,
                                                                         const Principal& who,
                                                                         const std::string& unit_id,
                                                                         const std::string& period);

inline constexpr size_t kMaxBatchDocuments = 500;

// The Rekapitulasi Evaluasi Kinerja Unit of `q.unit_id` (required; that unit only, not the
// units below) for `q.period`: its numbers are the distribution report's entry for the unit
// (DistributionCurveReport with the same query, so the two never disagree) and the progress
// report's; the unit head (an employee of the unit whose supervisor is outside it, the one
// supervising most of its staff) signs. The same scope and errors as the distribution
// report: kPermissionDenied for employees and enumerators, kInvalidArgument for a malformed
// period or no unit, kNotFound for an unknown unit. A unit with no counted appraisal still
// gives a recap, which says so.
Result<exports::UnitRecap> UnitRecapOf(CentralStore& store, const Principal& who,
                                       const ReportQuery& q);

}  // namespace kinerja::server
