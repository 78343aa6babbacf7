#include "shared/result.h"

#include <array>

namespace kinerja {
namespace {

constexpr std::array<const char*, 16> kNames = {
    "ok",           "invalid_argument", "not_found",   "already_exists", "conflict",
    "locked",       "stale_version",    "unauthenticated", "permission_denied", "too_large",
    "rate_limited", "corruption",       "io",          "unavailable",    "internal",
    "busy",
};

}  // namespace

const char* CodeName(Code code) {
  auto i = static_cast<size_t>(code);
  return i < kNames.size() ? kNames[i] : "internal";
}

Code CodeFromName(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (name == kNames[i]) return static_cast<Code>(i);
  }
  return Code::kInternal;
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(CodeName(code_)) + ": " + message_;
}

}  // namespace kinerja
