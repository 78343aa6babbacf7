#pragma once
// Small text helpers for reading input written by people (rating names, header names).

#include <string_view>

namespace kinerja {

// True when `a` and `b` are equal ignoring ASCII letter case ("Di Atas" == "di atas").
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace kinerja
