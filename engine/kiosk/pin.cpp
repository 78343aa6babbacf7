// The kiosk PIN's hash: Argon2id from libsodium, and the check of the legacy SHA-256 stretch.
#include "engine/kiosk/pin.h"

#include <sodium.h>

#include <array>

namespace kinerja::kiosk {
namespace {

bool SodiumReady() { return sodium_init() >= 0; }  // idempotent; 1 once initialised

// --- Legacy "v1:<salt>:<hex>" (the web app's hash before libsodium) ---------------------------
// digest = SHA-256 hex of "<salt>:<pin>", then 9,999 times digest = SHA-256 hex of digest+salt.

constexpr std::string_view kLegacyPrefix = "v1:";
constexpr int kLegacyRounds = 10000;

std::string Sha256Hex(std::string_view data) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(data.data()),
                     data.size());
  std::array<char, 2 * crypto_hash_sha256_BYTES + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), 2 * crypto_hash_sha256_BYTES);
}

bool LegacyPinMatches(std::string_view pin, std::string_view stored) {
  size_t colon = stored.find(':', kLegacyPrefix.size());
  if (colon == std::string_view::npos) return false;
  std::string salt(stored.substr(kLegacyPrefix.size(), colon - kLegacyPrefix.size()));
  std::string_view stored_hex = stored.substr(colon + 1);
  std::string digest = Sha256Hex(salt + ":" + std::string(pin));
  for (int i = 1; i < kLegacyRounds; ++i) digest = Sha256Hex(digest + salt);
  // Constant-time compare: the length is public, the content is not.
  return stored_hex.size() == digest.size() &&
         sodium_memcmp(digest.data(), stored_hex.data(), digest.size()) == 0;
}

}  // namespace

Result<std::string> HashPin(std::string_view pin) {
  if (!SodiumReady()) return Status::Internal("libsodium failed to initialise");
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str(out.data(), pin.data(), pin.size(), kPinOpsLimit, kPinMemLimit) != 0) {
    return Status::Internal("out of memory while hashing the kiosk PIN");
  }
  return std::string(out.data());
}

bool PinMatches(std::string_view pin, std::string_view stored) {
  if (!SodiumReady()) return false;
  if (stored.substr(0, kLegacyPrefix.size()) == kLegacyPrefix) {
    return LegacyPinMatches(pin, stored);
  }
  // Anything else is an Argon2 string or malformed; crypto_pwhash_str_verify tells which.
  std::string encoded(stored);  // it reads a NUL-terminated string
  return crypto_pwhash_str_verify(encoded.c_str(), pin.data(), pin.size()) == 0;
}

}  // namespace kinerja::kiosk
