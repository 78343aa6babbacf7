// GET /api/v1/reports/satisfaction: the public satisfaction index (IKM, PermenPANRB 14/2017)
// per unit, service and month from the stored survey responses, computed by the engine
// (engine/survey/skm.h), with the Krejcie-Morgan verdict against the unit's service-user
// population of the period (engine/survey/sample_size.h; the unit_performance record) and the
// lowest elements. Aggregates only: no device, enumerator or time finer than the month leaves
// the server. docs/reports.md §"Public satisfaction"; docs/rules/survey.md.
#include <algorithm>
#include <array>
#include <unordered_map>
#include <vector>

#include "engine/survey/ikm_csv.h"
#include "engine/survey/sample_size.h"
#include "server/reports/report_context.h"
#include "server/reports/service_data.h"

namespace kinerja::server {
namespace {

constexpr size_t kLowestElements = 3;
constexpr const char* kProfileFields[] = {"gender", "age_band", "education", "occupation"};

struct UnitAnswers {
  std::vector<SurveyResponse> responses;
  // Per profile field (kProfileFields' order): value -> count.
  std::array<std::unordered_map<std::string, int>, std::size(kProfileFields)> profile;
};

// The IKM of `responses` as the engine reports it; `key`/`value` name the group.
Result<Json> GroupJson(const SkmScheme& scheme, std::span<const SurveyResponse> responses) {
  KINERJA_ASSIGN_OR_RETURN(auto ikm, ComputeIkm(scheme, responses));
  return IkmResultJson(scheme, ikm);
}

Json LowestElements(const Json& ikm) {
  std::vector<Json> answered;
  for (const auto& e : ikm["elements"]) {
    if (!e["nrr"].is_null())
      answered.push_back(Json{{"code", e["code"]}, {"name", e["name"]}, {"nrr", e["nrr"]}});
  }
  std::stable_sort(answered.begin(), answered.end(), [](const Json& a, const Json& b) {
    return a["nrr"].get<double>() < b["nrr"].get<double>();
  });
  if (answered.size() > kLowestElements) answered.resize(kLowestElements);
  return Json(answered);
}


}  // namespace

Result<Json> SatisfactionReport(CentralStore& store, const Principal& who, const ReportQuery& q) {
  KINERJA_ASSIGN_OR_RETURN(const reports::Context ctx, reports::BeginReport(store, who, q));
  // A supervisor sees the aggregates of their own unit's subtree; survey answers one by one
  // stay unreadable to everyone but HR and admins (they are not in a supervisor's pull).
  const bool hr = who.role == wire::Role::kHr || who.role == wire::Role::kAdmin;
  const std::string base = hr ? "/" : who.unit_path;
  const SkmScheme& scheme = Permenpanrb14Of2017Scheme();
  std::vector<std::string> services;  // SurveyResponse::service indexes
  std::unordered_map<std::string, UnitAnswers> by_unit;
  UnitAnswers* last = nullptr;  // responses come in runs of one unit: skip the lookup
  std::string last_unit;
  std::vector<SurveyResponse> all;
  int skipped = 0;
  KINERJA_RETURN_IF_ERROR(store.EachSurveyRowUnder(base, [&](const SurveyRow& r) {
    if (!ctx.InUnit(r.unit_path)) return;
    auto date = org::ParseDate(r.date);
    if (!date.ok() || !org::ContainsDate(ctx.period, *date)) return;
    auto read = reports::SurveyAnswersOn(scheme, r, *date);
    if (!read) {
      ++skipped;
      return;
    }
    SurveyResponse& s = *read;
    const std::string& service = r.service;
    auto it = std::find(services.begin(), services.end(), service);
    s.service = static_cast<uint32_t>(it - services.begin());
    if (it == services.end()) services.push_back(service);
    if (last == nullptr || r.unit_id != last_unit) {
      last = &by_unit[r.unit_id];
      last_unit = r.unit_id;
    }
    UnitAnswers& u = *last;
    u.responses.push_back(s);
    all.push_back(s);
    const std::string* profile[] = {&r.gender, &r.age_band, &r.education, &r.occupation};
    for (size_t f = 0; f < std::size(kProfileFields); ++f) {
      ++u.profile[f][profile[f]->empty() ? "unknown" : *profile[f]];
    }
  }));
  std::map<std::string, UnitAnswers> units;  // by id: the answer lists units in id order
  for (auto& [id, u] : by_unit) units.emplace(id, std::move(u));
  std::vector<std::string> unit_ids;
  for (const auto& [id, u] : units) unit_ids.push_back(id);
  KINERJA_ASSIGN_OR_RETURN(auto performance, reports::UnitPerformance(store, ctx, unit_ids));

  Json out = reports::ReportHeader("satisfaction", ctx);
  out["scheme"] = "PermenPANRB 14/2017 (U1-U9, equal weights)";
  if (all.empty()) {
    out["overall"] = nullptr;
    out["units"] = Json::array();
    out["note"] = hr ? "no survey responses in this period"
                     : "no survey responses in this period for your unit";
    return out;
  }
  KINERJA_ASSIGN_OR_RETURN(out["overall"], GroupJson(scheme, all));
  Json list = Json::array();
  for (auto& [unit_id, u] : units) {
    KINERJA_ASSIGN_OR_RETURN(Json entry, GroupJson(scheme, u.responses));
    entry["unit_id"] = unit_id;
    entry["unit"] = ctx.UnitName(unit_id);
    entry["lowest_elements"] = LowestElements(entry);
    Json profile = Json::object();
    for (size_t f = 0; f < std::size(kProfileFields); ++f) {
      profile[kProfileFields[f]] = Json(std::map<std::string, int>(u.profile[f].begin(), u.profile[f].end()));
    }
    entry["profile"] = std::move(profile);
    std::optional<int64_t> population;
    if (auto p = performance.find(unit_id);
        p != performance.end() && p->second.contains("service_users")) {
      population = p->second["service_users"].get<int64_t>();
    }
    entry["population"] = population ? Json(*population) : Json();
    if (population) {
      KINERJA_ASSIGN_OR_RETURN(auto v, CheckSample(*population, u.responses.size()));
      entry["sample"] = Json{{"method", "krejcie_morgan"},
                             {"population", v.population},
                             {"required", v.required},
                             {"achieved", v.achieved},
                             {"sufficient", v.sufficient},
                             {"shortfall", v.shortfall},
                             {"exceeds_population", v.exceeds_population}};
    } else {
      entry["sample"] = nullptr;
      entry["sample_note"] =
          "no service-user population is set for this unit and period "
          "(unit_performance.service_users)";
    }
    Json by_service = Json::array();
    KINERJA_ASSIGN_OR_RETURN(auto groups,
                             ComputeIkmByGroup(scheme, u.responses, GroupBy::kService));
    for (const auto& g : groups) {
      Json s = IkmResultJson(scheme, g.result);
      s["service"] = services[static_cast<size_t>(g.key)];
      by_service.push_back(std::move(s));
    }
    entry["services"] = std::move(by_service);
    Json months = Json::array();
    Json trend = Json::array();
    KINERJA_ASSIGN_OR_RETURN(groups, ComputeIkmByGroup(scheme, u.responses, GroupBy::kPeriod));
    for (const auto& g : groups) {
      Json m = IkmResultJson(scheme, g.result);
      m["month"] = reports::MonthKey(static_cast<int32_t>(g.key));
      trend.push_back(Json{{"month", m["month"]},
                           {"respondents", m["respondents"]},
                           {"ikm_unit", m["ikm_unit"]},
                           {"grade", m["grade"]}});
      months.push_back(std::move(m));
    }
    entry["months"] = std::move(months);
    entry["trend"] = std::move(trend);
    list.push_back(std::move(entry));
  }
  out["units"] = std::move(list);
  if (skipped > 0) out["responses_skipped"] = skipped;
  return out;
}

}  // namespace kinerja::server
