#pragma once
// Timestamps of queue tickets: epoch seconds or ISO-8601 text. Palangkaraya is in WIB
// (Waktu Indonesia Barat, UTC+07:00); text without an offset is read as WIB
// (docs/rules/service.md §"Time zone").

#include <cstdint>
#include <string_view>

#include "shared/civil_date.h"  // DaysFromCivil, for the day of a timestamp
#include "shared/result.h"

namespace kinerja {

inline constexpr int64_t kWibOffsetSeconds = 7 * 3600;

// Parses "YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|+HH:MM|+HHMM|-HH:MM]" ('T' or one space between
// date and time; the fraction is dropped) into seconds since 1970-01-01T00:00:00Z.
// Fails with kInvalidArgument quoting the text and the expected form.
Result<int64_t> ParseIsoTimestamp(std::string_view text);

// The WIB calendar day (days since 1970-01-01 in UTC+7) of an epoch-seconds instant.
int64_t WibDay(int64_t epoch_seconds);

}  // namespace kinerja
