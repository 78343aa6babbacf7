#pragma once
// A small demo city (Palangka Raya): organisation units, employees with valid NIPs,
// supervisors, an HR officer, an enumerator and an admin. docs/demo.md lists the logins.

#include <string>

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

// The i-th generated person, for demo and benchmark data: a valid NIP (birth dates spread over
// 1970-1999, TMT CPNS at age 24, gender alternating, a sequence keeping NIPs unique for
// i < 30 x 12 x 28 x 999) and an Indonesian name.
std::string GeneratedNip(int i);
std::string GeneratedName(int i);
Status AddDemoStaff(CentralStore& store, int count, const org::Date& today);

}  // namespace kinerja::server
