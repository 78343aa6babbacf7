#pragma once
// The sync answers written straight as JSON text, for the server's hot paths. Each gives the
// same text as dumping the answer's ToJson (keys in the same order, strings escaped the same
// way), without building a JSON tree first.

#include <string>
#include <vector>

#include "shared/wire/sync.h"

namespace kinerja::wire {

// Equal to j.dump() for any value whose strings are valid UTF-8 (as every parsed value's are):
// a pushed body's stored text. Plain strings are copied, not escaped byte by byte.
std::string JsonText(const Json& j);

// Equal to ToJson(r).dump().
std::string PushResponseText(const PushResponse& r);

// Equal to ToJson(r).dump() when `body_texts[i]` is `r.records[i].body.dump()`: each record's
// body is written as the given text (a store's compact JSON, not parsed again). Without one
// text per record, the records' own bodies are written.
std::string PullResponseText(const PullResponse& r, const std::vector<std::string>& body_texts);

}  // namespace kinerja::wire
