#pragma once
// The `kinerja objectivity FILE` report: reads a rating scale, optional thresholds and ratings
// by rater from one JSON file and returns per-rater flags with the numbers behind them,
// self-vs-supervisor gaps and inter-rater reliability (ICC, Krippendorff's alpha) where
// computable. Input and output keys are documented in docs/cli/objectivity.md.
// The JSON edge of the analytics module: its typed core is rater_effects.h and reliability.h.

#include <string_view>

#include "engine/analytics/rater_effects.h"
#include "shared/json_util.h"
#include "shared/result.h"

namespace kinerja {

// Parses `file_text` and builds the report. Fails with kInvalidArgument and a message naming
// the field (e.g. "ratings[4].value is 4; the scale allows integers 1-3") on malformed JSON,
// wrong types, unknown fields or groups, values off the scale, or repeated ratings.
Result<Json> ObjectivityReportFromJson(std::string_view file_text);

// The report's JSON (scale, options, summary, raters, self_vs_supervisor, reliability; keys in
// docs/cli/objectivity.md) for an analysis already made with AnalyseRatings.
Json ObjectivityReportJson(const ObjectivityReport& report);

}  // namespace kinerja
