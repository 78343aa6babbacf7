#pragma once
// The sizes of the text fields a record body carries, one set for every kind: the server
// refuses a change over them (server/kinds/) and the app's text fields will hold the same
// numbers. Counted in bytes of UTF-8 today (issue 18 moves them to characters).

#include <cstddef>

namespace kinerja::wire {

// A free text a person writes: a note's text, an appraisal's comments, a response's reason.
inline constexpr size_t kMaxTextBytes = 4000;
// An appraisal period as written in a body ("2026", "2026-S1").
inline constexpr size_t kMaxPeriodBytes = 20;
// A survey response's service name.
inline constexpr size_t kMaxServiceBytes = 120;
// One answer of a survey respondent's profile (gender, age band, ...).
inline constexpr size_t kMaxProfileFieldBytes = 40;

}  // namespace kinerja::wire
