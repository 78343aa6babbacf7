#include "server/auth/auth.h"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <semaphore>
#include <thread>

namespace kinerja::server {
namespace {

std::string Hex(const unsigned char* p, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

// Argon2id computations allowed at once: one per core.
std::counting_semaphore<>& HashSlots() {
  static std::counting_semaphore<> slots(
      static_cast<std::ptrdiff_t>(std::max(1u, std::thread::hardware_concurrency())));
  return slots;
}

// Holds one of the slots for its scope.
class HashSlot {
 public:
  HashSlot() { HashSlots().acquire(); }
  ~HashSlot() { HashSlots().release(); }
  HashSlot(const HashSlot&) = delete;
  HashSlot& operator=(const HashSlot&) = delete;
};

}  // namespace

Status InitCrypto() {
  if (sodium_init() < 0) return Status::Internal("libsodium failed to initialise");
  return Status::Ok();
}

Result<std::string> HashPassword(std::string_view password) {
  if (password.size() > 256) return Status::InvalidArgument("password is over 256 characters");
  char out[crypto_pwhash_STRBYTES];
  HashSlot slot;
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Status::Internal("out of memory while hashing a password");
  }
  return std::string(out);
}

double TimeOneHash() {
  const auto start = std::chrono::steady_clock::now();
  (void)HashPassword("kinerja-calibration");
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

bool VerifyPassword(std::string_view encoded, std::string_view password) {
  std::string enc(encoded);  // must be NUL-terminated
  HashSlot slot;
  return crypto_pwhash_str_verify(enc.c_str(), password.data(), password.size()) == 0;
}

std::string NewToken() {
  unsigned char b[32];
  randombytes_buf(b, sizeof b);
  return Hex(b, sizeof b);
}

std::string TokenHash(std::string_view token) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return Hex(h, sizeof h);
}

}  // namespace kinerja::server
