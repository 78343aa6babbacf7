#pragma once
// The sizes of the text fields a record body carries, one set for every kind: the server
// refuses a change over them (server/kinds/) and the app's text fields hold the same numbers
// (web/widgets/). Counted in characters, that is Unicode code points of UTF-8 (shared/utf8.h):
// "é" is one character, as is "✓" or an emoji.

#include <cstddef>

namespace kinerja::wire {

// A free text a person writes: a note's text, an appraisal's comments, a response's reason,
// an IKI's wording.
inline constexpr size_t kMaxTextChars = 4000;
// An appraisal period as written in a body ("2026", "2026-S1").
inline constexpr size_t kMaxPeriodChars = 20;
// A survey response's service name.
inline constexpr size_t kMaxServiceChars = 120;
// A training record's title and provider (server/kinds/unit_kinds.cpp).
inline constexpr size_t kMaxTrainingTitleChars = 200;
// One answer of a survey respondent's profile (gender, age band, ...).
inline constexpr size_t kMaxProfileFieldChars = 40;
// The most bytes one character takes in UTF-8: a field holding kMaxTextChars characters
// needs kMaxTextChars * kMaxUtf8Bytes bytes (and one for the terminating zero).
inline constexpr size_t kMaxUtf8Bytes = 4;
// The bytes of a text field holding kMaxTextChars characters of any width, with its zero.
inline constexpr size_t kTextFieldBytes = kMaxTextChars * kMaxUtf8Bytes + 1;

}  // namespace kinerja::wire
