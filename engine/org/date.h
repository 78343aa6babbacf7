#pragma once
// Civil (calendar) dates without time zones: birth dates in a NIP, period bounds, "today" as
// passed in by the caller (the engine never reads a clock). Proleptic Gregorian calendar,
// years 1..9999. Plain arithmetic only, no <chrono> calendar types (Emscripten's libc++ 14
// lacks some of them).

#include <cstdint>
#include <string>
#include <string_view>

#include "shared/result.h"

namespace kinerja::org {

struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..DaysInMonth(year, month)
};

bool operator==(const Date& a, const Date& b);
bool operator!=(const Date& a, const Date& b);
bool operator<(const Date& a, const Date& b);
bool operator<=(const Date& a, const Date& b);
bool operator>(const Date& a, const Date& b);
bool operator>=(const Date& a, const Date& b);

// Gregorian rule: divisible by 4, except centuries not divisible by 400 (1900 no, 2000 yes).
bool IsLeapYear(int year);
// 28..31 for month 1..12; 0 for a month outside 1..12.
int DaysInMonth(int year, int month);
// True when year is 1..9999, month 1..12 and day 1..DaysInMonth.
bool IsValidDate(int year, int month, int day);
bool IsValidDate(const Date& d);
// A validated date; kInvalidArgument naming the bad part ("2025-02-29: February 2025 has 28 days").
Result<Date> MakeDate(int year, int month, int day);

// Days since 1970-01-01 (negative before). `d` must be valid (asserted).
int64_t DaysFromCivil(const Date& d);
// The inverse of DaysFromCivil.
Date CivilFromDays(int64_t days);
// `d` moved by `days` (may be negative). The result is not range-checked against 1..9999.
Date AddDays(const Date& d, int64_t days);
// b - a in days.
int64_t DaysBetween(const Date& a, const Date& b);
// ISO weekday: 1 = Monday (Senin) .. 7 = Sunday (Minggu).
int DayOfWeek(const Date& d);

// "2026-03-01".
std::string FormatDate(const Date& d);
// Strict "YYYY-MM-DD"; kInvalidArgument with the reason otherwise.
Result<Date> ParseDate(std::string_view text);

// English month name ("February"), used in messages; "" outside 1..12.
const char* MonthNameEn(int month);
// Indonesian month name in capitals ("FEBRUARI"), used in period labels; "" outside 1..12.
const char* MonthNameId(int month);

}  // namespace kinerja::org
