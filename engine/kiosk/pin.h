#pragma once
// The kiosk PIN's hash. The survey kiosk (web/app/kiosk.cpp) is locked with a 4-6 digit PIN the
// enumerator sets; the tablet keeps only this hash of it in its local store's meta table, and
// leaving kiosk mode checks a typed PIN against it.
//
// Scheme: Argon2id through libsodium's crypto_pwhash_str, the algorithm the server uses for
// passwords (server/auth/auth.cpp), with limits sized for a cheap tablet rather than the server's
// interactive ones (64 MiB): 3 passes over 16 MiB. Measured on a 2-core EPYC server (2026-12-06):
// a check takes ~40 ms in wasm under Node 20 and ~60 ms in headless Chromium 156 (the first
// hash of a page ~190 ms: the wasm memory grows once), 18 ms natively. A low-end ARM tablet is
// 5-8 times slower than that core, so a check there stays around 0.3-0.5 s.
//
// What the hash protects against: the PIN itself is never on the disk, so a copy of the browser
// profile does not hand over a PIN the enumerator may use elsewhere, and each guess costs a
// full Argon2id run. It does not make a 4-6 digit PIN strong: with the database file, the
// 10^4..10^6 candidates fall in minutes to hours on one machine. Against someone at the counter,
// the app's lock-out after five wrong PINs is the protection.
//
// Legacy: before libsodium the web app stored "v1:<salt>:<hex>", a 10,000-round SHA-256 stretch.
// PinMatches still accepts that form, so a tablet left in kiosk mode across the update can
// be unlocked once: a successful unlock ends kiosk mode and drops the stored hash, and the next
// set-up stores Argon2id. Nothing keeps a hash past a successful check, so there is no rehash
// step; one that does would store HashPin(pin) after a legacy match.

#include <cstddef>
#include <string>
#include <string_view>

#include "shared/result.h"

namespace kinerja::kiosk {

inline constexpr unsigned long long kPinOpsLimit = 3;       // Argon2id passes
inline constexpr size_t kPinMemLimit = size_t{16} << 20;  // 16 MiB

// The Argon2id string ("$argon2id$v=19$m=16384,t=3,p=1$<salt>$<hash>") for `pin`, with a fresh
// random salt. Fails with kInternal when libsodium cannot start or the memory is not there.
// The caller checks the PIN's form (4-6 digits) first; any byte string is hashed.
Result<std::string> HashPin(std::string_view pin);

// True when `pin` is the PIN `stored` was made from: an Argon2id string (any limits) or a
// legacy "v1:" stretch. False for a wrong PIN and for a malformed or empty `stored`.
bool PinMatches(std::string_view pin, std::string_view stored);

}  // namespace kinerja::kiosk
