#pragma once
// SHA-256 (FIPS 180-4) for the kiosk PIN: the browser keeps only a salted, stretched hash of
// the PIN in its local store. Small and synchronous (WebCrypto is async-only), web-only.

#include <string>
#include <string_view>

namespace kinerja::web {

// The SHA-256 digest of `data` as 64 lower-case hex characters.
std::string Sha256Hex(std::string_view data);

// A salted, stretched PIN hash: "v1:<salt>:<hex>" (10 000 rounds of SHA-256). `salt` must not
// contain ':'. A 4-6 digit PIN stays guessable offline by anyone holding the database file;
// the hash only keeps the PIN itself off the disk, the lock-out in the app slows tapping.
std::string HashPin(std::string_view pin, std::string_view salt);
// True when `pin` hashes to `stored` (a HashPin result); false for a malformed `stored`.
bool PinMatches(std::string_view pin, std::string_view stored);

}  // namespace kinerja::web
