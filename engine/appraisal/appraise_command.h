#pragma once
// The `kinerja appraise FILE` report: reads one SKP (or {"appraisals": [...]}) as JSON, scores
// it with the named template (PermenPANRB 6/2022 ratings or the PP 46/2011 / PP 30/2019
// numeric scheme) and returns the report JSON. Input and output keys: docs/cli/appraise.md.

#include <string_view>

#include "shared/json_util.h"
#include "shared/result.h"

namespace kinerja {

// Parses, validates and scores `file_text`. Fails with kInvalidArgument naming the field and
// the allowed values (malformed JSON, wrong types, unknown rating text, negative target, ...)
// or kNotFound for an unknown template id. The returned Json is owned by the caller.
Result<Json> AppraiseReportFromJson(std::string_view file_text);

}  // namespace kinerja
