#pragma once
// Client-generated ids: random 128-bit values in UUID v4 text form, so records and changes
// made offline on many tablets never collide.

#include <string>

namespace kinerja {

// A fresh random id, e.g. "3f2b8c1e-9d4a-4b7e-8f00-1c2d3e4f5a6b". Uses the platform's
// cryptographic source (getrandom natively, crypto.getRandomValues in the browser).
std::string NewId();

// ISO-8601 UTC timestamp for `unix_seconds`, e.g. "2026-11-29T05:30:00Z".
std::string IsoUtc(int64_t unix_seconds);
// Seconds since the epoch from the system clock.
int64_t NowUnix();

}  // namespace kinerja
