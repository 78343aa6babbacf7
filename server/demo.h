#pragma once
// A small demo city (Palangka Raya): organisation units, employees with valid NIPs,
// supervisors, an HR officer, an enumerator and an admin. docs/demo.md lists the logins.

#include "server/central_store.h"

namespace kinerja::server {

inline constexpr const char* kDemoPassword = "kinerja-demo";

// Seeds the demo data into an empty store. Fails with kAlreadyExists when users exist.
Status SeedDemoCity(CentralStore& store);

}  // namespace kinerja::server
