#pragma once
// The SKM survey kiosk (Survei Kepuasan Masyarakat, PermenPANRB 14/2017): an enumerator sets
// up a tablet at a service counter for one unit and service, locks it with a PIN, and
// citizens answer the nine unsur anonymously. These helpers are pure (no ImGui, no storage);
// the App actions that use them live in kiosk.cpp as well.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "shared/json_util.h"
#include "shared/wire/auth.h"
#include "shared/wire/sync.h"

namespace kinerja::web {

inline constexpr int kSkmQuestions = 9;  // U1..U9 of PermenPANRB 14/2017

// A unit the enumerator may collect responses for.
struct KioskUnit {
  std::string id;         // "dpmptsp"
  std::string unit_path;  // "/pemkot/dpmptsp/"
};

// What the kiosk collects for, kept in the local meta table so a reload stays in kiosk mode.
struct KioskConfig {
  bool active = false;
  std::string unit_id;
  std::string unit_path;
  std::string service;
};

// One citizen's answers in progress: 0 = not answered, else 1..4, for U1..U9.
using SurveyAnswers = std::array<int, kSkmQuestions>;

// The units in the session's scope: the last segment of its unit_path (the enumerator's own
// unit) and every deeper unit named by a local record's unit_path under that subtree. Never
// an ancestor: the server refuses responses for units outside the scope.
std::vector<KioskUnit> KioskUnitsFor(const wire::Session& session,
                                     const std::vector<wire::Record>& records);

// True for 4 to 6 ASCII digits.
bool IsValidPin(const std::string& pin);

// The calendar date in WIB (UTC+7) for `unix_seconds`, as YYYY-MM-DD.
std::string WibDate(int64_t unix_seconds);

// The survey_response body the server accepts (server/kinds/record_kinds.cpp): unit_id, service,
// date and answers {"U1": 1..4, ...}. Precondition: every answer is 1..4.
Json SurveyBody(const KioskConfig& kiosk, const SurveyAnswers& answers, int64_t unix_seconds);

}  // namespace kinerja::web
