#pragma once
// The record kinds HR writes about a unit rather than an employee (docs/sync.md):
//   unit_performance  a unit's capaian kinerja organisasi for one period (SE MenPANRB 03/2023;
//                     docs/rules/distribution.md §"Capaian kinerja organisasi"), which bounds
//                     the distribution of its staff's predikat, and optionally the number of
//                     the unit's service users in that period, the population the SKM sample is
//                     measured against (docs/rules/survey.md §"Sample size").
//   training_record   a training some of a unit's staff received (title, dates, hours in JP,
//                     participants, competencies addressed, provider): the case study ties a
//                     unit's service figures to it (docs/reports.md §"Unit timeline").
// unit_performance: one record per unit and period, id "unit_performance.<unit_id>.<period>",
// read by HR, admins and the supervisors of the unit, the units below it and above it (as
// unit records are). training_record: any id, read by HR, admins and the supervisors whose
// subtree contains the unit. Both are written by HR and admins only (issue 14 adds the head of
// the unit one level up).

#include <optional>
#include <string>

#include "server/kinds/record_kinds.h"

namespace kinerja::server {

// The record id of unit `unit_id`'s performance in `period`.
std::string UnitPerformanceId(const std::string& unit_id, const std::string& period);

// Checks a unit_performance change. Fails with kPermissionDenied (not HR or admin),
// kInvalidArgument (unknown fields, wrong types, a period that is not a period key of
// docs/rules/periods.md, a predikat that is not an organisation predikat code, service_users
// outside 1-100,000,000, a note over 4000 characters, a record id other than
// UnitPerformanceId) or kNotFound (no such unit).
Result<Accepted> CheckUnitPerformance(Database& db, const Principal& who, const wire::Change& c,
                                      const std::optional<StoredRecord>& existing,
                                      const std::string& where, PushContext& push);

// Checks a training_record change. Fails with kPermissionDenied (not HR or admin),
// kInvalidArgument (unknown fields, wrong types, a title that is not 1-200 characters, a date
// that is not YYYY-MM-DD or an end before the start, hours outside 1-1000, participants that
// are not 1-500 distinct employee ids, a competency that is not a code like "M.03", a
// provider over 200 characters) or kNotFound (no such unit, or a participant who is not an
// employee).
Result<Accepted> CheckTrainingRecord(Database& db, const Principal& who, const wire::Change& c,
                                     const std::optional<StoredRecord>& existing,
                                     const std::string& where, PushContext& push);

// Scope SQL over `records` (as SupervisorReadsEmployeeKindsSql; ?3 = the caller's unit path):
// what a supervisor reads of these kinds, a parenthesised condition to OR into the scope.
const char* SupervisorReadsUnitKindsSql();

}  // namespace kinerja::server
