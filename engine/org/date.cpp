#include "engine/org/date.h"

#include <cassert>
#include <cstdio>

#include "shared/civil_date.h"

namespace kinerja::org {

bool operator==(const Date& a, const Date& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}
bool operator!=(const Date& a, const Date& b) { return !(a == b); }
bool operator<(const Date& a, const Date& b) {
  if (a.year != b.year) return a.year < b.year;
  if (a.month != b.month) return a.month < b.month;
  return a.day < b.day;
}
bool operator<=(const Date& a, const Date& b) { return !(b < a); }
bool operator>(const Date& a, const Date& b) { return b < a; }
bool operator>=(const Date& a, const Date& b) { return !(a < b); }

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

bool IsValidDate(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

bool IsValidDate(const Date& d) { return IsValidDate(d.year, d.month, d.day); }

Result<Date> MakeDate(int year, int month, int day) {
  char buf[96];
  if (year < 1 || year > 9999) {
    std::snprintf(buf, sizeof buf, "year %d is outside 1-9999", year);
    return Status::InvalidArgument(buf);
  }
  if (month < 1 || month > 12) {
    std::snprintf(buf, sizeof buf, "month %d is outside 1-12", month);
    return Status::InvalidArgument(buf);
  }
  if (day < 1 || day > DaysInMonth(year, month)) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d: %s %d has %d days", year, month, day,
                  MonthNameEn(month), year, DaysInMonth(year, month));
    return Status::InvalidArgument(buf);
  }
  return Date{year, month, day};
}

// The day arithmetic itself is shared/civil_date.h's.
int64_t DaysFromCivil(const Date& d) {
  assert(IsValidDate(d));
  return kinerja::DaysFromCivil(d.year, d.month, d.day);
}

Date CivilFromDays(int64_t days) {
  const CivilDay c = kinerja::CivilFromDays(days);
  return Date{static_cast<int>(c.year), c.month, c.day};
}

Date AddDays(const Date& d, int64_t days) { return CivilFromDays(DaysFromCivil(d) + days); }

int64_t DaysBetween(const Date& a, const Date& b) { return DaysFromCivil(b) - DaysFromCivil(a); }

int DayOfWeek(const Date& d) {
  // 1970-01-01 was a Thursday (ISO 4).
  const int64_t days = DaysFromCivil(d);
  int64_t w = (days + 3) % 7;  // 0 = Monday
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

std::string FormatDate(const Date& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

Result<Date> ParseDate(std::string_view text) {
  const auto bad = [&](const char* why) {
    return Status::InvalidArgument("date '" + std::string(text.substr(0, 40)) + "' " + why);
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return bad("must have the form YYYY-MM-DD");
  }
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lens[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (size_t i = starts[p]; i < starts[p] + lens[p]; ++i) {
      const char c = text[i];
      if (c < '0' || c > '9') return bad("must have the form YYYY-MM-DD (digits only)");
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  Result<Date> d = MakeDate(parts[0], parts[1], parts[2]);
  if (!d.ok()) return bad(("is not a calendar date: " + d.status().message()).c_str());
  return d;
}

const char* MonthNameEn(int month) {
  static const char* const kNames[12] = {"January", "February", "March",     "April",
                                         "May",     "June",     "July",      "August",
                                         "September", "October", "November", "December"};
  if (month < 1 || month > 12) return "";
  return kNames[month - 1];
}

const char* MonthNameId(int month) {
  static const char* const kNames[12] = {"JANUARI", "FEBRUARI", "MARET",     "APRIL",
                                         "MEI",     "JUNI",     "JULI",      "AGUSTUS",
                                         "SEPTEMBER", "OKTOBER", "NOVEMBER", "DESEMBER"};
  if (month < 1 || month > 12) return "";
  return kNames[month - 1];
}

}  // namespace kinerja::org
