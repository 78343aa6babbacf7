#pragma once
// The record kinds an employee writes about herself (docs/sync.md):
//   self_assessment     her own SKP ratings for a period, in the appraisal's raw-input format
//                       ("skp"), scored by the server with the engine; draft, then submitted
//                       (final: a later edit is refused as locked and kept for HR).
//   appraisal_response  her answer to a submitted or signed-off appraisal of her: accept, or
//                       object with a reason (keberatan: to a signed-off one, within 14 days,
//                       routed to the atasan pejabat penilai); create-only, one per appraisal.
// Only the employee herself writes them (the subject is always the caller's own employee id;
// nobody writes on her behalf, not HR, not an admin). Her appraiser, HR and admins read them;
// the appraiser sees a self-assessment only once it is submitted.

#include <optional>
#include <string>

#include "server/kinds/record_kinds.h"

namespace kinerja::server {

// Checks a self_assessment change. Fails with kPermissionDenied (not the caller's own
// employee id), kInvalidArgument (unknown fields, wrong types, bad status, a submitted
// self-assessment that does not score, a second record for the same period), kNotFound (the
// caller's employee record is missing) or kLocked (already submitted).
Result<Accepted> CheckSelfAssessment(Database& db, const Principal& who, const wire::Change& c,
                                     const std::optional<StoredRecord>& existing,
                                     const std::string& where, PushContext& push);

// Checks an appraisal_response change. Fails with kPermissionDenied (the appraisal is not of
// the caller), kNotFound (no such appraisal, or not yet submitted), kInvalidArgument (unknown
// fields, wrong types, an objection without a reason or to an appraisal not signed off) or
// kLocked (a response was already sent: responses are final; or the objection is late).
Result<Accepted> CheckAppraisalResponse(Database& db, const Principal& who, const wire::Change& c,
                                        const std::optional<StoredRecord>& existing,
                                        const std::string& where, PushContext& push);

// Scope SQL over `records` (parameters as in CentralStore::ScopeSql: ?4 = user id,
// ?5 = employee id), each a parenthesised condition to OR into the role's scope:
// what a supervisor reads of these kinds (submitted self-assessments and responses of the
// staff they appraise) ...
const char* SupervisorReadsEmployeeKindsSql();
// ... and what an employee reads (her own self-assessments, responses and the decisions on
// her objections) ...
const char* EmployeeReadsOwnKindsSql();
// ... and what the atasan pejabat penilai reads: the objections routed to her and her
// decisions (whatever unit she is in).
const char* AtasanReadsObjectionsSql();

}  // namespace kinerja::server
