#include "engine/service/timestamp.h"

#include <string>

namespace kinerja {

int64_t WibDay(int64_t epoch_seconds) {
  const int64_t t = epoch_seconds + kWibOffsetSeconds;
  return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}

namespace {

bool Digits(std::string_view s, size_t pos, size_t count, int* out) {
  if (pos + count > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < count; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

Result<int64_t> ParseIsoTimestamp(std::string_view text) {
  auto fail = [&]() {
    return Status::InvalidArgument(
        "\"" + std::string(text.substr(0, 40)) +
        "\" is not a timestamp; use ISO-8601 such as 2024-03-01T08:15:00+07:00 or epoch seconds");
  };
  int year, month, day, hour, minute, second = 0;
  if (!Digits(text, 0, 4, &year) || text.size() < 16 || text[4] != '-' ||
      !Digits(text, 5, 2, &month) || text[7] != '-' || !Digits(text, 8, 2, &day) ||
      (text[10] != 'T' && text[10] != ' ') || !Digits(text, 11, 2, &hour) || text[13] != ':' ||
      !Digits(text, 14, 2, &minute)) {
    return fail();
  }
  size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    if (!Digits(text, pos + 1, 2, &second)) return fail();
    pos += 3;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      const size_t start = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == start) return fail();
    }
  }
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month < 1 || month > 12 || day < 1 ||
      day > kDays[month - 1] + ((month == 2 && leap) ? 1 : 0) || hour > 23 || minute > 59 ||
      second > 59) {
    return fail();
  }
  int64_t offset = kWibOffsetSeconds;
  if (pos < text.size()) {
    const char c = text[pos];
    if (c == 'Z' && pos + 1 == text.size()) {
      offset = 0;
    } else if (c == '+' || c == '-') {
      int oh, om;
      if (!Digits(text, pos + 1, 2, &oh)) return fail();
      size_t mpos = pos + 3;
      if (mpos < text.size() && text[mpos] == ':') ++mpos;
      if (!Digits(text, mpos, 2, &om) || mpos + 2 != text.size() || oh > 14 || om > 59) {
        return fail();
      }
      offset = (c == '+' ? 1 : -1) * (static_cast<int64_t>(oh) * 3600 + om * 60);
    } else {
      return fail();
    }
  }
  const int64_t days = DaysFromCivil(year, month, day);
  return days * 86400 + hour * 3600 + minute * 60 + second - offset;
}

}  // namespace kinerja
