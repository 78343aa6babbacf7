#include "engine/org/period.h"

#include <cassert>
#include <cstdio>

namespace kinerja::org {
namespace {

const char* MonthNameIdTitle(int month) {
  static const char* const kNames[12] = {"Januari", "Februari", "Maret",     "April",
                                         "Mei",     "Juni",     "Juli",      "Agustus",
                                         "September", "Oktober", "November", "Desember"};
  return month >= 1 && month <= 12 ? kNames[month - 1] : "";
}

const char* Roman(int n) {
  static const char* const kRoman[13] = {"",   "I",   "II",   "III", "IV", "V",  "VI",
                                         "VII", "VIII", "IX", "X",   "XI", "XII"};
  return n >= 1 && n <= 12 ? kRoman[n] : "";
}

int MonthsPerPeriod(PeriodKind kind) { return 12 / PeriodsPerYear(kind); }

[[maybe_unused]] bool IsValidPeriod(const Period& p) {
  return p.year >= kMinPeriodYear && p.year <= kMaxPeriodYear && p.index >= 1 &&
         p.index <= PeriodsPerYear(p.kind);
}

Status BadPeriod(std::string_view text, const std::string& why) {
  return Status::InvalidArgument("period '" + std::string(text.substr(0, 40)) + "' " + why);
}

}  // namespace

const char* PeriodKindName(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kMonthly: return "monthly";
    case PeriodKind::kQuarterly: return "quarterly";
    case PeriodKind::kSemester: return "semester";
    case PeriodKind::kAnnual: return "annual";
  }
  return "?";
}

Result<PeriodKind> ParsePeriodKind(std::string_view name) {
  for (PeriodKind k : {PeriodKind::kMonthly, PeriodKind::kQuarterly, PeriodKind::kSemester,
                       PeriodKind::kAnnual}) {
    if (name == PeriodKindName(k)) return k;
  }
  return Status::InvalidArgument("period kind '" + std::string(name.substr(0, 40)) +
                                 "' is not one of monthly, quarterly, semester, annual");
}

int PeriodsPerYear(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kMonthly: return 12;
    case PeriodKind::kQuarterly: return 4;
    case PeriodKind::kSemester: return 2;
    case PeriodKind::kAnnual: return 1;
  }
  return 1;
}

bool operator==(const Period& a, const Period& b) {
  return a.kind == b.kind && a.year == b.year && a.index == b.index;
}
bool operator!=(const Period& a, const Period& b) { return !(a == b); }

Result<Period> MakePeriod(PeriodKind kind, int year, int index) {
  if (year < kMinPeriodYear || year > kMaxPeriodYear) {
    return Status::InvalidArgument("period year " + std::to_string(year) + " is outside " +
                                   std::to_string(kMinPeriodYear) + "-" +
                                   std::to_string(kMaxPeriodYear));
  }
  const int n = PeriodsPerYear(kind);
  if (index < 1 || index > n) {
    return Status::InvalidArgument(std::string(PeriodKindName(kind)) + " period index " +
                                   std::to_string(index) + " is outside 1-" + std::to_string(n));
  }
  return Period{kind, year, index};
}

Result<Period> ParsePeriod(std::string_view text) {
  static const char* const kForms =
      "must be YYYY (annual), YYYY-MM (monthly), YYYY-Qn (quarterly, n 1-4) or YYYY-Sn "
      "(semester, n 1-2)";
  if (text.size() < 4) return BadPeriod(text, kForms);
  int year = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (text[i] < '0' || text[i] > '9') return BadPeriod(text, kForms);
    year = year * 10 + (text[i] - '0');
  }
  if (year < kMinPeriodYear) {
    return BadPeriod(text, "has year " + std::to_string(year) + "; years must be " +
                               std::to_string(kMinPeriodYear) + "-" +
                               std::to_string(kMaxPeriodYear));
  }
  if (text.size() == 4) return Period{PeriodKind::kAnnual, year, 1};
  if (text.size() != 7 || text[4] != '-') return BadPeriod(text, kForms);
  const char a = text[5], b = text[6];
  if (b < '0' || b > '9') return BadPeriod(text, kForms);
  PeriodKind kind;
  int index;
  if (a == 'Q' || a == 'S') {
    kind = a == 'Q' ? PeriodKind::kQuarterly : PeriodKind::kSemester;
    index = b - '0';
  } else if (a >= '0' && a <= '9') {
    kind = PeriodKind::kMonthly;
    index = (a - '0') * 10 + (b - '0');
  } else {
    return BadPeriod(text, kForms);
  }
  const int n = PeriodsPerYear(kind);
  if (index < 1 || index > n) {
    return BadPeriod(text, "has " + std::string(PeriodKindName(kind)) + " index " +
                               std::to_string(index) + "; it must be 1-" + std::to_string(n));
  }
  return Period{kind, year, index};
}

std::string FormatPeriod(const Period& p) {
  assert(IsValidPeriod(p));
  char buf[16];
  switch (p.kind) {
    case PeriodKind::kMonthly: std::snprintf(buf, sizeof buf, "%04d-%02d", p.year, p.index); break;
    case PeriodKind::kQuarterly: std::snprintf(buf, sizeof buf, "%04d-Q%d", p.year, p.index); break;
    case PeriodKind::kSemester: std::snprintf(buf, sizeof buf, "%04d-S%d", p.year, p.index); break;
    case PeriodKind::kAnnual: std::snprintf(buf, sizeof buf, "%04d", p.year); break;
  }
  return buf;
}

Date PeriodStart(const Period& p) {
  assert(IsValidPeriod(p));
  return Date{p.year, (p.index - 1) * MonthsPerPeriod(p.kind) + 1, 1};
}

Date PeriodEnd(const Period& p) {
  assert(IsValidPeriod(p));
  const int month = p.index * MonthsPerPeriod(p.kind);
  return Date{p.year, month, DaysInMonth(p.year, month)};
}

bool ContainsDate(const Period& p, const Date& d) {
  return PeriodStart(p) <= d && d <= PeriodEnd(p);
}

Period PeriodContaining(const Date& d, PeriodKind kind) {
  assert(IsValidDate(d) && d.year >= kMinPeriodYear);
  return Period{kind, d.year, (d.month - 1) / MonthsPerPeriod(kind) + 1};
}

Period AnnualPeriodOf(const Period& p) { return Period{PeriodKind::kAnnual, p.year, 1}; }

std::vector<Period> PeriodsOfYear(PeriodKind kind, int year) {
  std::vector<Period> out;
  for (int i = 1; i <= PeriodsPerYear(kind); ++i) out.push_back(Period{kind, year, i});
  return out;
}

Period NextPeriod(const Period& p) {
  if (p.index < PeriodsPerYear(p.kind)) return Period{p.kind, p.year, p.index + 1};
  return Period{p.kind, p.year + 1, 1};
}

std::string PeriodLabel(const Period& p) {
  assert(IsValidPeriod(p));
  const bool last = p.index == PeriodsPerYear(p.kind);
  std::string s;
  switch (p.kind) {
    case PeriodKind::kMonthly: s = std::string("BULAN ") + MonthNameId(p.index); break;
    case PeriodKind::kQuarterly: s = std::string("TRIWULAN ") + Roman(p.index); break;
    case PeriodKind::kSemester: s = std::string("SEMESTER ") + Roman(p.index); break;
    case PeriodKind::kAnnual: return "TAHUNAN";
  }
  if (last) s += "-AKHIR";
  return s;
}

std::string PeriodRangeText(const Period& p) {
  const Date a = PeriodStart(p), b = PeriodEnd(p);
  return std::to_string(a.day) + " " + MonthNameIdTitle(a.month) + " " + std::to_string(a.year) +
         " sd " + std::to_string(b.day) + " " + MonthNameIdTitle(b.month) + " " +
         std::to_string(b.year);
}

std::string AppraisalPeriod(int64_t unix_seconds) {
  constexpr int64_t kWib = 7 * 3600;
  return std::to_string(CivilFromDays((unix_seconds + kWib) / 86400).year);
}

}  // namespace kinerja::org
