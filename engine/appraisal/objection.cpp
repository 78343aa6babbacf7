#include "engine/appraisal/objection.h"

#include <cstdio>

#include "engine/service/timestamp.h"
#include "shared/civil_date.h"

namespace kinerja {

int64_t ObjectionLastDay(int64_t signed_off_unix) {
  return WibDay(signed_off_unix) + kObjectionWindowDays;
}

int64_t ObjectionDaysLeft(int64_t signed_off_unix, int64_t now_unix) {
  return ObjectionLastDay(signed_off_unix) - WibDay(now_unix);
}

std::string ObjectionDeadlineText(int64_t signed_off_unix) {
  const CivilDay d = CivilFromDays(ObjectionLastDay(signed_off_unix));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(d.year), d.month,
                d.day);
  return buf;
}

}  // namespace kinerja
