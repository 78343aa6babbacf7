#pragma once
// The JSON edge of appraisal scoring (the `kinerja appraise FILE` report): reads one SKP (or
// {"appraisals": [...]}) as JSON, scores it with the named template (PermenPANRB 6/2022
// ratings or the PP 46/2011 / PP 30/2019 numeric scheme) and returns the report JSON. Input
// and output keys: docs/cli/appraise.md.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "engine/appraisal/distribution.h"
#include "shared/json_util.h"
#include "shared/result.h"

namespace kinerja {

// Parses, validates and scores `file_text`. Fails with kInvalidArgument naming the field and
// the allowed values (malformed JSON, wrong types, unknown rating text, negative target, ...)
// or kNotFound for an unknown template id. The returned Json is owned by the caller.
Result<Json> AppraiseReportFromJson(std::string_view file_text);

// Finds the JSON text of a template that is not built in (e.g. a city's own version stored in
// the central database): nullopt when unknown, an error when the lookup itself failed.
using TemplateLookup = std::function<Result<std::optional<std::string>>(std::string_view id)>;

// The same, resolving template ids that are not built in through `lookup` (each text is
// validated with LoadTemplate before use).
Result<Json> AppraiseReportFromJson(std::string_view file_text, const TemplateLookup& lookup);

// The same over input that is already parsed (a stored record's "skp", the tablet's form):
// no text round trip. Fails as AppraiseReportFromJson, but for malformed text.
Result<Json> AppraiseReport(const Json& input, const TemplateLookup& lookup = TemplateLookup());

// The unit distribution of a list report ("distribution" above: counts, every rule's check
// with its bound and actual numbers, violations, feasible) for `r`, checked with template `t`.
Json DistributionReportJson(const Template& t, const DistributionReport& r);

}  // namespace kinerja
