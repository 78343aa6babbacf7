#pragma once
// Pushing seeded records the way devices and HR send them (the demo history, demo_history.h,
// and the report benchmark's city, bench/reports/city.h): every change goes through
// CentralStore::Push as its writer's principal, so the server checks and scores it.

#include <cstdint>
#include <string>
#include <vector>

#include "server/auth/principal.h"
#include "server/store/central_store.h"
#include "shared/json_util.h"

namespace kinerja::server {

// A new record's change: change id "c-<record_id>", base version 0.
wire::Change NewChange(std::string record_id, const char* kind, Json body);

// Pushes `changes` as `who` at server time `now` in batches of wire::kMaxChangesPerPush; every
// change must be applied (otherwise kInternal naming it, or the push's own error). Adds the
// number applied to `*count` when `count` is not null.
Status PushAll(CentralStore& store, const Principal& who, std::vector<wire::Change> changes,
               int64_t now, int64_t* count = nullptr);

// A principal for an employee's own device (self-assessments, responses, queue tickets): user
// id "u-<employee_id>", role employee, device "hp-<employee_id>".
Principal EmployeePrincipal(const std::string& employee_id, const std::string& unit_path);

// The seven BerAKHLAK values' codes (docs/rules/appraisal.md), as an SKP's "perilaku" keys.
extern const char* const kBerakhlakValues[7];

// The n-th generated survey response's service ("Permohonan izin", "Pengaduan", ...) and
// respondent profile ({"gender", "age_band", "education", "occupation"}), spread evenly.
const char* DemoSurveyService(int64_t n);
Json DemoSurveyProfile(int64_t n);

// `v` with leading zeros to `width` digits ("007").
std::string PadNumber(int64_t v, int width);

}  // namespace kinerja::server
