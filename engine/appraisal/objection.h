#pragma once
// Keberatan: the window in which an employee may object to her appraisal, and what the
// tablet and the server show of it (docs/rules/objections.md). PP 30/2019 Pasal 59 gives
// "at the latest 14 days" after the result is received; the project counts calendar days in
// WIB, the result received on the WIB day of its sign-off. One rule for both sides: the
// tablet shows the days left, the server refuses what arrives after them.

#include <cstdint>
#include <string>

namespace kinerja {

inline constexpr int kObjectionWindowDays = 14;

// The WIB day number (days since 1970-01-01) of the last day an objection to an appraisal
// signed off at `signed_off_unix` is accepted: the sign-off's WIB day plus 14.
int64_t ObjectionLastDay(int64_t signed_off_unix);
// Days left to object at `now_unix`: 14 on the sign-off day, 0 on the last day, negative once
// the window has closed.
int64_t ObjectionDaysLeft(int64_t signed_off_unix, int64_t now_unix);
// The last day as "YYYY-MM-DD".
std::string ObjectionDeadlineText(int64_t signed_off_unix);

}  // namespace kinerja
