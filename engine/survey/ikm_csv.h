#pragma once
// `kinerja ikm FILE [--population N]`: reads an SKM answer sheet (CSV, one row per respondent,
// columns U1..U9 plus optional unit/service/date) and reports the IKM overall and per unit,
// service and month, with the Krejcie-Morgan sample verdict. Output keys: docs/cli/ikm.md.
// The CSV/JSON edge of the survey module: its typed core is skm.h (ComputeIkm,
// ComputeIkmByGroup) and sample_size.h; the reader is shared/csv.h.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/survey/skm.h"
#include "shared/json_util.h"
#include "shared/result.h"

namespace kinerja {

// Responses read from a CSV with their group name tables.
struct SurveyTable {
  std::vector<SurveyResponse> responses;  // unit/service are indexes into the tables below
  std::vector<std::string> units;         // units[0] = "" (no unit given)
  std::vector<std::string> services;      // services[0] = "" (no service given)
  bool has_unit = false;
  bool has_service = false;
  bool has_date = false;
  int64_t skipped_blank_rows = 0;          // rows where no unsur was answered
  std::vector<std::string> ignored_columns;  // header names that are not used
};

// Parses the CSV against `scheme` (codes matched to header names case-insensitively).
// Fails with kInvalidArgument naming the line, row and column: empty file, malformed CSV, a
// missing unsur column, a row with the wrong number of fields, an answer other than 1-4 or
// empty, a date that is not a valid YYYY-MM-DD, or no respondent at all.
Result<SurveyTable> ParseSurveyCsv(std::string_view csv_text, const SkmScheme& scheme);

// The whole `kinerja ikm` report as JSON (PermenPANRB 14/2017 scheme). `population` is the
// number of service users in the period, for the sample-size verdict; nullopt = unknown.
// Fails as ParseSurveyCsv, when population < 1, or when some unsur has no answer at all.
// One group's IKM as the report prints it: respondents, few_responses (under 30), ikm,
// ikm_unit, grade, label (null when incomplete), missing_elements and per element code, name,
// answered, counts of 1-4, nrr and weighted_nrr.
Json IkmResultJson(const SkmScheme& scheme, const IkmResult& r);

Result<Json> IkmReportFromCsv(std::string_view csv_text, std::optional<int64_t> population);

}  // namespace kinerja
