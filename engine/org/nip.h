#pragma once
// NIP (Nomor Induk Pegawai): the 18-digit civil-servant number, the key that identifies an
// employee across appraisals, imports and sync. Structure: YYYYMMDD birth date (8) + YYYYMM
// TMT CPNS (6; TMT = terhitung mulai tanggal, the month the person became a candidate civil
// servant) + gender digit (1 male, 2 female) + 3-digit sequence 001-999.

#include <string>
#include <string_view>

#include "engine/org/date.h"
#include "shared/result.h"

namespace kinerja::org {

enum class Gender { kMale = 1, kFemale = 2 };

// "male" / "female".
const char* GenderName(Gender g);

// A structurally valid NIP. Only ParseNip makes one, so holding a Nip means it passed every check.
class Nip {
 public:
  const Date& birth_date() const { return birth_date_; }
  int tmt_year() const { return tmt_year_; }
  int tmt_month() const { return tmt_month_; }
  Gender gender() const { return gender_; }
  int sequence() const { return sequence_; }  // 1..999
  // The 18 digits, no spaces: "198503122010011003". Use this as the key.
  const std::string& canonical() const { return canonical_; }
  // The usual printed form with the groups spaced: "19850312 201001 1 003".
  std::string formatted() const;

  friend bool operator==(const Nip& a, const Nip& b) { return a.canonical_ == b.canonical_; }
  friend bool operator!=(const Nip& a, const Nip& b) { return !(a == b); }
  friend bool operator<(const Nip& a, const Nip& b) { return a.canonical_ < b.canonical_; }

 private:
  friend Result<Nip> ParseNip(std::string_view text, const Date& today);
  Nip() = default;
  Date birth_date_;
  int tmt_year_ = 0;
  int tmt_month_ = 0;
  Gender gender_ = Gender::kMale;
  int sequence_ = 0;
  std::string canonical_;
};

// Lowest accepted birth year and TMT year.
inline constexpr int kNipMinBirthYear = 1940;
inline constexpr int kNipMinTmtYear = 1950;
// How far after `today` a TMT may lie (NIPs are issued a little ahead of the appointment).
inline constexpr int kNipMaxTmtMonthsAhead = 12;

// Parses 18 digits, optionally with single spaces between the four groups
// ("19850312 201001 1 003", "198503122010011003", "19850312 2010011003"). Nothing else is
// accepted: no leading/trailing blanks, no dots or dashes. `today` is the caller's current date
// (the engine reads no clock); it bounds the birth year (1940..today.year), the birth date
// (not after today) and the TMT (at most 12 months after today's month).
// Fails with kInvalidArgument and a message naming the digits at fault and the allowed range,
// checking in this order: characters and spacing, length, birth date, TMT (month 01-12, year
// >= 1950, not before the month the holder turned 18), gender digit, sequence.
Result<Nip> ParseNip(std::string_view text, const Date& today);

}  // namespace kinerja::org
