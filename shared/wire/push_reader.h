#pragma once
// Reading a push request's JSON text (the server's hottest input). The answer is exactly
// PushRequestFromJson(ParseJson(text)): the same request, or the same error naming the same
// field. Pushes in the usual shape are read in one pass straight into the request, without
// building a JSON tree for the envelope; anything unusual (an unknown or repeated key, a
// wrong type, an invalid id, a limit passed, malformed JSON) is read again the general way,
// which names the problem.

#include <string>
#include <string_view>
#include <vector>

#include "shared/result.h"
#include "shared/wire/sync.h"

namespace kinerja::wire {

// `body_texts`, when given, receives each change's body as compact JSON text (`body.dump()`),
// in order: the reader makes it anyway to check the body's size limit. On an error about one
// change whose change_id is readable, `failed_change_id` (when given) receives that id, as
// PushRequestFromJson gives it; malformed JSON and envelope errors name no change.
Result<PushRequest> ReadPushRequest(std::string_view text,
                                    std::vector<std::string>* body_texts = nullptr,
                                    std::string* failed_change_id = nullptr);

// The one-pass reader alone: true and `out` filled when `text` is a push in the usual shape
// that PushRequestFromJson accepts; false (and `out` unspecified) otherwise. For tests.
bool ReadUsualPushRequest(std::string_view text, PushRequest* out,
                          std::vector<std::string>* body_texts);

}  // namespace kinerja::wire
