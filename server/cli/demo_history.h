#pragma once
// A history for the demo city (docs/demo.md §"The history"): a year of appraisals, surveys and
// queue tickets so that HR's reports (docs/reports.md) show something on the first start.
//
// Beside the demo city's own units and staff (which it leaves exactly as SeedDemoCity made
// them: no appraisal of theirs in any period), it adds four bidang with their heads (logins
// sari, wati, teguh, joko; sari rates leniently and teguh severely) and 44 staff, positions
// with required competencies, an enumerator (loket2, at the Disdukcapil), and pushes through
// CentralStore::Push as each record's own writer, so the server checks and scores everything:
// - appraisals (PermenPANRB 6/2022) of the previous year ("2025" when today is in 2026) and
//   of this year's Semester I ("2026-S1"), all five predikat, signed off or submitted;
// - self-assessments, some accepts and exactly one objection (a signed-off appraisal);
// - unit_performance for every new bidang but one (pengembangan has none);
// - competency assessments (previous and this year) for the new staff;
// - about 3,000 SKM survey responses over the twelve months before `today` at the DPMPTSP and
//   the Disdukcapil, whose IKM rises after the training date;
// - queue tickets at the DPMPTSP over those twelve months whose waits fall after the training
//   date, and that training (a training_record of the DPMPTSP's officers).
// Everything is derived from `today`: the same day gives the same data.

#include <cstdint>

#include "engine/org/date.h"
#include "server/store/central_store.h"

namespace kinerja::server {

// The case study's training: 182 days before `today` (docs/demo.md).
org::Date DemoTrainingDate(const org::Date& today);

// Seeds the history into a store that holds the demo city (SeedDemoCity) and nothing else of
// the history: kAlreadyExists when its first unit exists. `now` is the server time of every
// push. Fails with the first refused change (every push must be applied) or store error.
Status SeedDemoHistory(CentralStore& store, const org::Date& today, int64_t now);

}  // namespace kinerja::server
