#include "engine/sync/ids.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <random>

namespace kinerja {

namespace {

// The last timestamp and counter handed out by this process, so ids made in the same
// millisecond still come out in order.
struct IdClock {
  std::mutex mu;
  uint64_t last_ms = 0;
  uint32_t counter = 0;  // 12 bits
};

IdClock& Clock() {
  static IdClock c;
  return c;
}

}  // namespace

std::string NewId() {
  // Opening the platform's random source is far dearer than reading it: once per thread.
  thread_local std::random_device rd;
  unsigned char b[16];
  for (int i = 0; i < 16; i += 4) {
    uint32_t v = rd();
    for (int k = 0; k < 4; ++k) b[i + k] = static_cast<unsigned char>(v >> (8 * k));
  }
  const uint64_t now_ms = static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::system_clock::now().time_since_epoch())
          .count());
  uint64_t ms;
  uint32_t counter;
  {
    IdClock& c = Clock();
    std::lock_guard<std::mutex> lock(c.mu);
    if (now_ms > c.last_ms) {
      c.last_ms = now_ms;
      // Start low in the 12-bit range (random, below 2048) so a burst has room to count up.
      c.counter = (static_cast<uint32_t>(b[6]) << 3 | b[7] >> 5) & 0x7ff;
    } else if (++c.counter > 0xfff) {
      // 4,096 ids in one millisecond (or the wall clock stepped back): borrow the next one.
      ++c.last_ms;
      c.counter = 0;
    }
    ms = c.last_ms;
    counter = c.counter;
  }
  for (int i = 0; i < 6; ++i) b[i] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
  b[6] = static_cast<unsigned char>(0x70 | (counter >> 8));
  b[7] = static_cast<unsigned char>(counter & 0xff);
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
  char out[37];
  std::snprintf(out, sizeof out,
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
                b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
                b[14], b[15]);
  return out;
}

std::string IsoUtc(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int64_t NowUnix() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace kinerja
