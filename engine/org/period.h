#pragma once
// Assessment periods. PermenPANRB 6/2022 evaluates performance periodik (monthly, quarterly or
// per semester, as each instansi chooses) and tahunan (annual). A Period names one of them;
// its string form is the key used in files and on the wire: "2026-01", "2026-Q1", "2026-S1",
// "2026". All dates are civil dates with no time zone; bounds are inclusive.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/org/date.h"
#include "shared/result.h"

namespace kinerja::org {

enum class PeriodKind { kMonthly, kQuarterly, kSemester, kAnnual };

// "monthly" / "quarterly" / "semester" / "annual".
const char* PeriodKindName(PeriodKind kind);
Result<PeriodKind> ParsePeriodKind(std::string_view name);
// Periods of `kind` in one year: 12, 4, 2 or 1.
int PeriodsPerYear(PeriodKind kind);

// Accepted years.
inline constexpr int kMinPeriodYear = 1950;
inline constexpr int kMaxPeriodYear = 9999;

struct Period {
  PeriodKind kind = PeriodKind::kAnnual;
  int year = 2000;
  int index = 1;  // month 1-12, quarter 1-4, semester 1-2, or 1 for annual
};

bool operator==(const Period& a, const Period& b);
bool operator!=(const Period& a, const Period& b);

// A validated period; kInvalidArgument when the year is outside 1950-9999 or the index outside
// the kind's range.
Result<Period> MakePeriod(PeriodKind kind, int year, int index);
// Parses "YYYY-MM", "YYYY-Qn", "YYYY-Sn" or "YYYY" (upper-case Q and S, two-digit month).
// kInvalidArgument naming the accepted forms or the out-of-range part.
Result<Period> ParsePeriod(std::string_view text);
// The inverse of ParsePeriod. `p` must be valid (asserted).
std::string FormatPeriod(const Period& p);

// First and last day (inclusive) of the period.
Date PeriodStart(const Period& p);
Date PeriodEnd(const Period& p);
bool ContainsDate(const Period& p, const Date& d);
// The period of `kind` that contains `d` (d.year must be within 1950-9999; asserted).
Period PeriodContaining(const Date& d, PeriodKind kind);
// The annual period that `p` belongs to ("2026-Q3" → "2026").
Period AnnualPeriodOf(const Period& p);
// The periods of `kind` in `year`, in order.
std::vector<Period> PeriodsOfYear(PeriodKind kind, int year);
// The following period of the same kind (Dec → Jan of the next year).
Period NextPeriod(const Period& p);

// Label as printed on the 6/2022 SKP evaluation form. Quarterly: "TRIWULAN I", "TRIWULAN II",
// "TRIWULAN III", "TRIWULAN IV-AKHIR" (the last period of the year carries "-AKHIR"). The
// other kinds follow the same pattern: "SEMESTER I", "SEMESTER II-AKHIR", "BULAN JANUARI" ...
// "BULAN DESEMBER-AKHIR", and "TAHUNAN" for annual.
std::string PeriodLabel(const Period& p);
// "1 Januari 2026 sd 31 Maret 2026": the period penilaian line of the form.
std::string PeriodRangeText(const Period& p);

// The annual period ("2026") a moment falls in: the calendar year in WIB (UTC+7), as the
// tablets and the server count it (the app's records and the server's reports by default).
std::string AppraisalPeriod(int64_t unix_seconds);

}  // namespace kinerja::org
