#pragma once
// Lengths of text written by people, counted in characters (Unicode code points) of UTF-8:
// the one rule for every text limit, on the server (server/kinds/) and in the app's fields
// (web/widgets/). "é" is one character of 2 bytes, "✓" one of 3, an emoji one of 4.

#include <cstddef>
#include <optional>
#include <string_view>

#include "shared/result.h"

namespace kinerja {

// The number of code points in `text`; nullopt when `text` is not well-formed UTF-8 as
// RFC 3629 defines it (an overlong form, a lone or missing continuation byte, a surrogate
// U+D800-U+DFFF, a code point over U+10FFFF, a byte 0xF5-0xFF).
std::optional<size_t> CodePointCount(std::string_view text);

// The length in bytes of the longest beginning of `text` that holds at most `max_chars`
// code points (all of `text` when it holds fewer). `text` must be well-formed UTF-8; a
// malformed byte counts as one character.
size_t PrefixBytesForChars(std::string_view text, size_t max_chars);

// OK when `text` is well-formed UTF-8 of `min_chars` to `max_chars` code points. Otherwise
// kInvalidArgument naming `field`: "<field> must be 1-4000 characters (has 4001)", or
// "<field> is not valid UTF-8 text".
Status CheckTextLength(std::string_view text, std::string_view field, size_t min_chars,
                       size_t max_chars);

}  // namespace kinerja
