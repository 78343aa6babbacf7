// GET /api/v1/reports/distribution: per unit, the predikat of the period's submitted and
// signed-off appraisals against the distribution its capaian kinerja organisasi allows
// (SE MenPANRB 03/2023; docs/rules/distribution.md), checked by the engine
// (engine/appraisal/distribution.h). docs/reports.md §"Distribution curve".
#include <optional>
#include <vector>

#include "engine/appraisal/appraise_json.h"
#include "server/reports/report_context.h"

namespace kinerja::server {
namespace {

// "BAIK_B_MAX_70: 6 of 7 staff (85.71 %) are baik; at most 4 (70 %) allowed".
std::string ViolationText(const Json& check, int staff) {
  std::string set;
  for (const auto& p : check["predikat"]) set += (set.empty() ? "" : " + ") + p.get<std::string>();
  const std::string kind = check["kind"];
  const int bound = check["bound"];
  std::string pct =
      check["percent"].is_null() ? "" : " (" + std::to_string(check["percent"].get<int>()) + " %)";
  std::string rule = check["rule"].get<std::string>() + ": " +
                     std::to_string(check["actual_count"].get<int>()) + " of " +
                     std::to_string(staff) + " staff are " + set;
  if (kind == "plurality")
    return rule + "; they must be at least as many as the largest other group (" +
           std::to_string(bound) + ")";
  if (kind.rfind("max", 0) == 0)
    return rule + "; at most " + std::to_string(bound) + pct + " allowed";
  return rule + "; at least " + std::to_string(bound) + pct + " required";
}

struct UnitStaff {
  std::vector<Predikat> predikat;
  std::string template_id;
  bool mixed_templates = false;
};

}  // namespace

Result<Json> DistributionCurveReport(CentralStore& store, const Principal& who,
                                     const ReportQuery& q) {
  KINERJA_ASSIGN_OR_RETURN(const reports::Context ctx, reports::BeginReport(store, who, q));
  KINERJA_ASSIGN_OR_RETURN(auto staff, reports::StaffInScope(store, who, ctx));
  KINERJA_ASSIGN_OR_RETURN(auto appraisals, reports::AppraisalsOfPeriod(store, who, "appraisal", ctx));
  const auto latest = reports::LatestBySubject(appraisals);
  std::map<std::string, UnitStaff> units;
  int not_counted = 0;
  for (const auto& [id, e] : staff) {
    auto it = latest.find(id);
    if (it == latest.end()) continue;
    const AppraisalRow& a = *it->second;
    const std::string& status = a.status;
    auto p = reports::PredikatFromCode(a.predikat_code);
    if ((status != "submitted" && status != "signed_off") || !p) {
      ++not_counted;
      continue;
    }
    UnitStaff& u = units[e.body.value("unit_id", "")];
    const std::string& t = a.template_id;
    if (!u.template_id.empty() && u.template_id != t) u.mixed_templates = true;
    u.template_id = t;
    u.predikat.push_back(*p);
  }
  std::vector<std::string> unit_ids;
  for (const auto& [id, u] : units) unit_ids.push_back(id);
  KINERJA_ASSIGN_OR_RETURN(auto org, reports::UnitPerformance(store, ctx, unit_ids));

  Json out = reports::ReportHeader("distribution", ctx);
  out["appraisals_not_counted"] = not_counted;  // drafts and appraisals without a predikat
  Json list = Json::array();
  Json without = Json::array();
  for (const auto& [unit_id, u] : units) {
    Json entry{{"unit_id", unit_id},
               {"unit", ctx.UnitName(unit_id)},
               {"staff_count", static_cast<int>(u.predikat.size())}};
    Json counts = Json::object();
    for (int p = kPredikatCount - 1; p >= 0; --p)
      counts[PredikatCode(static_cast<Predikat>(p))] = 0;
    for (Predikat p : u.predikat) counts[PredikatCode(p)] = counts[PredikatCode(p)].get<int>() + 1;
    entry["counts"] = counts;
    std::optional<OrgPredikat> unit_org;
    if (auto it = org.find(unit_id); it != org.end())
      unit_org = reports::OrgFromCode(it->second.value("predikat", ""));
    entry["capaian_kinerja_organisasi"] = unit_org ? Json(OrgPredikatCode(*unit_org)) : Json();
    if (!unit_org) {
      entry["note"] = "no capaian kinerja organisasi is set for this unit and period";
      without.push_back(Json{{"unit_id", unit_id}, {"unit", entry["unit"]}});
      list.push_back(std::move(entry));
      continue;
    }
    if (u.mixed_templates) {
      entry["note"] = "the unit's appraisals use different templates; no distribution is checked";
      list.push_back(std::move(entry));
      continue;
    }
    KINERJA_ASSIGN_OR_RETURN(const Template t, reports::TemplateById(store, u.template_id));
    KINERJA_ASSIGN_OR_RETURN(auto report, CheckDistribution(t, *unit_org, u.predikat));
    Json checked = DistributionReportJson(t, report);
    Json violations = Json::array();
    for (const auto& c : checked["checks"]) {
      if (c["ok"].get<bool>()) continue;
      Json v = c;
      v["message"] = ViolationText(c, report.staff_count);
      violations.push_back(std::move(v));
    }
    entry["template"] = t.id;
    entry["checks"] = checked["checks"];
    entry["violations"] = std::move(violations);
    entry["ok"] = checked["ok"];
    entry["feasible"] = checked["feasible"];
    list.push_back(std::move(entry));
  }
  out["units"] = std::move(list);
  out["units_without_org_predikat"] = std::move(without);
  if (units.empty()) {
    out["note"] = "no submitted or signed-off appraisal with a predikat in this period";
  }
  return out;
}

}  // namespace kinerja::server
