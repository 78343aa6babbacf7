#include "engine/org/nip.h"

#include <cstdio>

namespace kinerja::org {
namespace {

int Digits(const std::string& s, size_t pos, size_t len) {
  int v = 0;
  for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

Status Bad(const std::string& msg) { return Status::InvalidArgument("NIP " + msg); }

std::string Fmt(const char* fmt, int a, int b = 0, int c = 0, int d = 0, int e = 0) {
  char buf[256];
  std::snprintf(buf, sizeof buf, fmt, a, b, c, d, e);
  return buf;
}

}  // namespace

const char* GenderName(Gender g) { return g == Gender::kMale ? "male" : "female"; }

std::string Nip::formatted() const {
  return canonical_.substr(0, 8) + " " + canonical_.substr(8, 6) + " " + canonical_.substr(14, 1) +
         " " + canonical_.substr(15, 3);
}

Result<Nip> ParseNip(std::string_view text, const Date& today) {
  // 1. Characters and spacing. A space may follow digit 8, 14 or 15, once each.
  std::string digits;
  digits.reserve(18);
  bool prev_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const int pos = static_cast<int>(i) + 1;
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      prev_space = false;
      continue;
    }
    if (c == ' ') {
      const size_t n = digits.size();
      if (prev_space || (n != 8 && n != 14 && n != 15) || i + 1 == text.size()) {
        return Bad(Fmt("has a misplaced space at position %d; one space is allowed only between "
                       "the groups YYYYMMDD YYYYMM G NNN",
                       pos));
      }
      prev_space = true;
      continue;
    }
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x21 && u < 0x7f) {
      return Bad("has '" + std::string(1, c) +
                 Fmt("' at position %d; only digits and single spaces between the groups are "
                     "allowed",
                     pos));
    }
    return Bad(Fmt("has a non-digit character (byte 0x%02X) at position %d; only digits and single "
                   "spaces between the groups are allowed",
                   u, pos));
  }
  // 2. Length.
  if (digits.size() != 18) {
    return Bad(Fmt("has %d digits; it must have exactly 18 (YYYYMMDD birth date, YYYYMM TMT, "
                   "gender digit, 3-digit sequence)",
                   static_cast<int>(digits.size())));
  }
  Nip nip;
  // 3. Birth date (digits 1-8).
  const int by = Digits(digits, 0, 4), bm = Digits(digits, 4, 2), bd = Digits(digits, 6, 2);
  if (bm < 1 || bm > 12) {
    return Bad(Fmt("birth month %02d (digits 5-6) must be 01-12", bm));
  }
  if (bd < 1 || bd > DaysInMonth(by, bm)) {
    return Bad("birth date " + digits.substr(0, 8) + " (digits 1-8) is not a calendar date: " +
               MonthNameEn(bm) + Fmt(" %d has %d days", by, DaysInMonth(by, bm)));
  }
  if (by < kNipMinBirthYear || by > today.year) {
    return Bad(Fmt("birth year %d (digits 1-4) must be %d-%d", by, kNipMinBirthYear, today.year));
  }
  nip.birth_date_ = Date{by, bm, bd};
  if (today < nip.birth_date_) {
    return Bad("birth date " + FormatDate(nip.birth_date_) + " (digits 1-8) is after today (" +
               FormatDate(today) + ")");
  }
  // 4. TMT CPNS (digits 9-14).
  const int ty = Digits(digits, 8, 4), tm = Digits(digits, 12, 2);
  if (tm < 1 || tm > 12) {
    return Bad(Fmt("TMT month %02d (digits 13-14) must be 01-12", tm));
  }
  if (ty < kNipMinTmtYear) {
    return Bad(Fmt("TMT year %d (digits 9-12) is before %d", ty, kNipMinTmtYear));
  }
  const int tmt_months = ty * 12 + (tm - 1);
  const int adult_months = (by + 18) * 12 + (bm - 1);
  if (tmt_months < adult_months) {
    return Bad(Fmt("TMT %04d-%02d (digits 9-14) is before the holder turned 18 (born %04d-%02d-"
                   "%02d",
                   ty, tm, by, bm, bd) +
               Fmt("; earliest TMT %04d-%02d)", by + 18, bm));
  }
  const int latest_months = today.year * 12 + (today.month - 1) + kNipMaxTmtMonthsAhead;
  if (tmt_months > latest_months) {
    return Bad(Fmt("TMT %04d-%02d (digits 9-14) is more than %d months after today; latest "
                   "allowed %04d-%02d",
                   ty, tm, kNipMaxTmtMonthsAhead, latest_months / 12, latest_months % 12 + 1));
  }
  nip.tmt_year_ = ty;
  nip.tmt_month_ = tm;
  // 5. Gender digit (digit 15).
  const int g = digits[14] - '0';
  if (g != 1 && g != 2) {
    return Bad(Fmt("gender digit (digit 15) is %d; it must be 1 (male) or 2 (female)", g));
  }
  nip.gender_ = g == 1 ? Gender::kMale : Gender::kFemale;
  // 6. Sequence (digits 16-18).
  const int seq = Digits(digits, 15, 3);
  if (seq == 0) return Bad("sequence (digits 16-18) is 000; it must be 001-999");
  nip.sequence_ = seq;
  nip.canonical_ = std::move(digits);
  return nip;
}

}  // namespace kinerja::org
