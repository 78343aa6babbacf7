#include "shared/utf8.h"

#include <string>

namespace kinerja {
namespace {

// The length of the well-formed UTF-8 sequence at the start of `s` (1-4), or 0 when there is
// none. Ranges of RFC 3629 §4: the second byte's range excludes overlong forms and surrogates.
size_t SequenceLength(std::string_view s) {
  auto in = [](unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; };
  const auto c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return 1;
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (in(c, 0xC2, 0xDF)) {
    n = 2;
  } else if (c == 0xE0) {
    n = 3, lo = 0xA0;
  } else if (in(c, 0xE1, 0xEC) || in(c, 0xEE, 0xEF)) {
    n = 3;
  } else if (c == 0xED) {
    n = 3, hi = 0x9F;
  } else if (c == 0xF0) {
    n = 4, lo = 0x90;
  } else if (in(c, 0xF1, 0xF3)) {
    n = 4;
  } else if (c == 0xF4) {
    n = 4, hi = 0x8F;
  } else {
    return 0;
  }
  if (s.size() < n || !in(static_cast<unsigned char>(s[1]), lo, hi)) return 0;
  for (size_t i = 2; i < n; ++i) {
    if (!in(static_cast<unsigned char>(s[i]), 0x80, 0xBF)) return 0;
  }
  return n;
}

}  // namespace

std::optional<size_t> CodePointCount(std::string_view text) {
  size_t count = 0;
  size_t i = 0;
  while (i < text.size()) {
    const size_t n = SequenceLength(text.substr(i));
    if (n == 0) return std::nullopt;
    i += n;
    ++count;
  }
  return count;
}

size_t PrefixBytesForChars(std::string_view text, size_t max_chars) {
  size_t i = 0;
  for (size_t count = 0; count < max_chars && i < text.size(); ++count) {
    const size_t n = SequenceLength(text.substr(i));
    i += n == 0 ? 1 : n;
  }
  return i;
}

Status CheckTextLength(std::string_view text, std::string_view field, size_t min_chars,
                       size_t max_chars) {
  const std::optional<size_t> count = CodePointCount(text);
  if (!count) return Status::InvalidArgument(std::string(field) + " is not valid UTF-8 text");
  if (*count >= min_chars && *count <= max_chars) return Status::Ok();
  const std::string range = min_chars == 0
                                ? "at most " + std::to_string(max_chars)
                                : std::to_string(min_chars) + "-" + std::to_string(max_chars);
  return Status::InvalidArgument(std::string(field) + " must be " + range + " characters (has " +
                                 std::to_string(*count) + ")");
}

}  // namespace kinerja
