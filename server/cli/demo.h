#pragma once
// A small demo city (Palangka Raya): organisation units, employees with valid NIPs,
// supervisors, an HR officer, an enumerator and an admin. docs/demo.md lists the logins.

#include "engine/org/date.h"
#include "server/store/central_store.h"

namespace kinerja::server {

inline constexpr const char* kDemoPassword = "kinerja-demo";

// Seeds the demo data into an empty store. Fails with kAlreadyExists when users exist.
Status SeedDemoCity(CentralStore& store);

// Load-test staff for the field app's roster (tests and bench/web): a unit of its own,
// "upt-uji" under the DPMPTSP, whose head Kepala UPT Uji logs in as `upt` (the demo
// password) and supervises `count` generated employees (ids = their NIPs, which are valid and
// unique; Indonesian names, positions). They reach the tablet by the normal pull. Needs the
// demo city (SeedDemoCity) first; fails with kAlreadyExists when the unit exists, and with
// kInvalidArgument when `count` is not 1..100000. `today` bounds the generated NIPs.
inline constexpr int kMaxDemoStaff = 100000;
Status AddDemoStaff(CentralStore& store, int count, const org::Date& today);

}  // namespace kinerja::server
