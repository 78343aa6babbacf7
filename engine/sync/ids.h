#pragma once
// Client-generated ids in UUID version 7 text form (RFC 9562): a 48-bit millisecond timestamp,
// a 12-bit counter, then 62 random bits. Records and changes made offline on many tablets
// never collide (the random bits), and ids made later sort later (the timestamp), so the
// central store appends to its id indexes instead of writing to random pages of them. The
// timestamp tells no more than the change's own created_at, which is stored beside it.

#include <cstdint>
#include <string>

namespace kinerja {

// A fresh id, e.g. "019ae6b2-3c41-7a2e-8f00-1c2d3e4f5a6b". Ids from one process are strictly
// increasing as strings, even within one millisecond. The random bits come from the
// platform's cryptographic source (getrandom natively, crypto.getRandomValues in the browser).
std::string NewId();

// ISO-8601 UTC timestamp for `unix_seconds`, e.g. "2026-11-29T05:30:00Z".
std::string IsoUtc(int64_t unix_seconds);
// Seconds since the epoch from the system clock.
int64_t NowUnix();

}  // namespace kinerja
