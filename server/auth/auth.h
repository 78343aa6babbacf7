#pragma once
// Passwords and session tokens. Passwords are hashed with Argon2id (libsodium's
// crypto_pwhash_str, interactive limits); tokens are 256 random bits, of which the server
// stores only the SHA-256 hash, so a copied database holds no usable session.
// At most one Argon2id computation per core runs at a time (each takes 64 MiB and a core);
// more callers wait their turn, so a burst of logins cannot exhaust memory or starve syncs.

#include <string>
#include <string_view>

#include "shared/result.h"

namespace kinerja::server {

// Initialises libsodium once; fails with kInternal if the library cannot start.
Status InitCrypto();
// The encoded Argon2id hash (salt and limits included). Fails on a password over 256 bytes.
Result<std::string> HashPassword(std::string_view password);
// True when `password` matches `encoded`.
bool VerifyPassword(std::string_view encoded, std::string_view password);
// Seconds one Argon2id hash takes on this machine now: hashes a fixed text once. The login
// queue starts its moving average from it, so the first burst after a start is estimated
// from this machine's speed instead of a guess (server/auth/hash_queue.h).
double TimeOneHash();
// A fresh random token (64 hex characters).
std::string NewToken();
// Hex SHA-256 of `token`: what the sessions table stores.
std::string TokenHash(std::string_view token);

}  // namespace kinerja::server
