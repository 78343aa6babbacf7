// Survey cases: IKM over 1,000,000 SKM responses (one pass, and grouped by unit), the same
// responses parsed from CSV text first, and the survey part of the full city.

#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "bench/engine/engine_bench.h"
#include "engine/survey/ikm_csv.h"
#include "engine/survey/skm.h"

namespace kinerja::bench {
namespace {

// Answers lean to 3 ("Sesuai"/"Mudah"/...); U8 (complaint handling) is sometimes unanswered.
std::vector<SurveyResponse> MakeResponses(int n, int units, int services, uint64_t seed) {
  Rng rng(seed);
  std::vector<SurveyResponse> out(static_cast<size_t>(n));
  int unit = 1;
  for (int i = 0; i < n; ++i) {
    SurveyResponse& r = out[static_cast<size_t>(i)];
    const int mood = rng.Below(100);
    for (size_t u = 0; u < 9; ++u) {
      const int x = rng.Below(100) + (mood - 50) / 2;
      r.answers[u] = static_cast<uint8_t>(x < 5 ? 1 : x < 25 ? 2 : x < 80 ? 3 : 4);
    }
    if (rng.Percent(5)) r.answers[7] = 0;
    // Exports come mostly sorted by unit: runs of responses from the same unit.
    if (rng.Percent(2)) unit = rng.Between(1, units);
    r.unit = static_cast<uint32_t>(unit);
    r.service = static_cast<uint32_t>(rng.Between(1, services));
    r.period = 2024 * 100 + rng.Between(1, 12);
    r.profile.gender = static_cast<Gender>(rng.Between(0, 2));
  }
  return out;
}

// The CSV an SKM app would export for `responses` (columns U1..U9, unit, layanan, tanggal).
std::string ToCsv(const std::vector<SurveyResponse>& responses) {
  std::string csv = "U1,U2,U3,U4,U5,U6,U7,U8,U9,unit,layanan,tanggal\r\n";
  csv.reserve(responses.size() * 56);
  char buf[128];
  for (const SurveyResponse& r : responses) {
    for (size_t u = 0; u < 9; ++u) {
      if (r.answers[u] != 0) csv += static_cast<char>('0' + r.answers[u]);
      csv += ',';
    }
    const int month = r.period % 100;
    const int day = 1 + static_cast<int>(r.unit % 28);
    std::snprintf(buf, sizeof buf, "Unit Layanan %u,\"Layanan %u, loket\",2024-%02d-%02d\r\n",
                  r.unit, r.service, month, day);
    csv += buf;
  }
  return csv;
}

void FoldIkm(Checksum& sum, const IkmResult& r) {
  sum.AddInt(r.respondents);
  sum.Add(r.complete);
  sum.AddDouble(r.ikm);
  sum.AddInt(r.ikm_unit_hundredths);
  sum.Add(static_cast<uint64_t>(r.grade));
  for (const UnsurResult& u : r.unsur) {
    sum.AddInt(u.answered);
    sum.AddInt(u.sum);
    for (int64_t c : u.counts) sum.AddInt(c);
    sum.AddDouble(u.nrr);
    sum.AddDouble(u.weighted_nrr);
  }
}

struct Responses {
  std::vector<SurveyResponse> responses;
  std::string csv;
};

}  // namespace

std::vector<BenchCase> SurveyCases(uint64_t seed) {
  constexpr int kN = 1000000;
  std::vector<BenchCase> cases;
  cases.push_back({"ikm_1m", kN, 9, [seed] {
                     auto in = std::make_shared<Responses>();
                     in->responses = MakeResponses(kN, 200, 20, seed ^ 0x1C);
                     return std::function<uint64_t()>([in] {
                       Result<IkmResult> r =
                           ComputeIkm(Permenpanrb14Of2017Scheme(), in->responses);
                       if (!r.ok()) Fail("ikm: " + r.status().ToString());
                       Checksum sum;
                       FoldIkm(sum, *r);
                       return sum.value();
                     });
                   }});
  cases.push_back({"ikm_by_unit_1m", kN, 9, [seed] {
                     auto in = std::make_shared<Responses>();
                     in->responses = MakeResponses(kN, 200, 20, seed ^ 0x1C);
                     return std::function<uint64_t()>([in] {
                       Result<std::vector<GroupIkm>> r = ComputeIkmByGroup(
                           Permenpanrb14Of2017Scheme(), in->responses, GroupBy::kUnit);
                       if (!r.ok()) Fail("ikm by unit: " + r.status().ToString());
                       Checksum sum;
                       for (const GroupIkm& g : *r) {
                         sum.AddInt(g.key);
                         FoldIkm(sum, g.result);
                       }
                       return sum.value();
                     });
                   }});
  cases.push_back({"ikm_csv_1m", kN, 5, [seed] {
                     auto in = std::make_shared<Responses>();
                     in->csv = ToCsv(MakeResponses(kN, 200, 20, seed ^ 0x1C));
                     return std::function<uint64_t()>([in] {
                       const SkmScheme& scheme = Permenpanrb14Of2017Scheme();
                       Result<SurveyTable> table = ParseSurveyCsv(in->csv, scheme);
                       if (!table.ok()) Fail("ikm csv: " + table.status().ToString());
                       Result<IkmResult> r = ComputeIkm(scheme, table->responses);
                       if (!r.ok()) Fail("ikm csv: " + r.status().ToString());
                       // The same fold as ikm_1m: both checksums must be equal.
                       Checksum sum;
                       FoldIkm(sum, *r);
                       return sum.value();
                     });
                   }});
  return cases;
}

std::function<uint64_t()> PrepareCitySurvey(const CityShape& shape, uint64_t seed) {
  auto in = std::make_shared<Responses>();
  in->responses = MakeResponses(shape.survey_units * shape.responses_per_survey_unit,
                                shape.survey_units, 8, seed ^ 0x5C);
  return [in] {
    Result<std::vector<GroupIkm>> r =
        ComputeIkmByGroup(Permenpanrb14Of2017Scheme(), in->responses, GroupBy::kUnit);
    if (!r.ok()) Fail("city ikm: " + r.status().ToString());
    Checksum sum;
    for (const GroupIkm& g : *r) {
      sum.AddInt(g.key);
      FoldIkm(sum, g.result);
    }
    return sum.value();
  };
}

}  // namespace kinerja::bench
