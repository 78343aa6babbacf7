#pragma once
// Small text helpers for reading input written by people (rating names, header names, CSV
// cells).

#include <string>
#include <string_view>

namespace kinerja {

// Lower-cases ASCII letters; other bytes unchanged (header and code matching).
std::string AsciiLower(std::string_view s);

// True when `a` and `b` are equal ignoring ASCII letter case ("Di Atas" == "di atas").
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// True for the ASCII whitespace bytes: space, tab, LF, CR, vertical tab, form feed (what
// std::isspace accepts in the "C" locale). Other bytes, including UTF-8 no-break space, are not.
constexpr bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// `s` without leading and trailing ASCII whitespace (IsAsciiSpace): the one trimming rule for
// names, rating text and CSV cells. A view into `s`. Inline: it runs on every CSV cell.
constexpr std::string_view Trim(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && IsAsciiSpace(s[b])) ++b;
  while (e > b && IsAsciiSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

}  // namespace kinerja
