#include "server/reports/report_context.h"

#include "engine/appraisal/builtin_templates.h"
#include "engine/service/timestamp.h"
#include "engine/sync/ids.h"
#include "server/kinds/unit_kinds.h"

namespace kinerja::server::reports {

bool Context::InUnit(const std::string& unit_path) const {
  return unit == nullptr || unit_path.compare(0, unit->path.size(), unit->path) == 0;
}

std::string Context::UnitName(const std::string& unit_id) const {
  auto it = units.find(unit_id);
  return it == units.end() ? unit_id : it->second.name;
}

std::optional<Predikat> PredikatFromCode(const std::string& code) {
  for (int i = 0; i < kPredikatCount; ++i) {
    if (code == PredikatCode(static_cast<Predikat>(i))) return static_cast<Predikat>(i);
  }
  return std::nullopt;
}

std::optional<OrgPredikat> OrgFromCode(const std::string& code) {
  for (int i = 0; i < kOrgPredikatCount; ++i) {
    if (code == OrgPredikatCode(static_cast<OrgPredikat>(i))) return static_cast<OrgPredikat>(i);
  }
  return std::nullopt;
}

Result<Template> TemplateById(CentralStore& store, const std::string& id) {
  if (auto t = BuiltinTemplate(id); t.ok()) return t;
  KINERJA_ASSIGN_OR_RETURN(auto text, store.TemplateText(id));
  if (!text) return Status::NotFound("template " + id + " is not stored");
  return LoadTemplate(*text);
}

org::Date WibDate(int64_t unix_seconds) { return org::CivilFromDays(WibDay(unix_seconds)); }

Result<Context> BeginReport(CentralStore& store, const Principal& who, const ReportQuery& q) {
  if (who.role == wire::Role::kEmployee || who.role == wire::Role::kEnumerator) {
    return Status::PermissionDenied("reports are for supervisors, HR and admins; a " +
                                    std::string(wire::RoleName(who.role)) + " may not read them");
  }
  Context ctx;
  ctx.query = &q;
  auto period = org::ParsePeriod(q.period);
  if (!period.ok()) return Status::InvalidArgument("period: " + period.status().message());
  ctx.period = *period;
  KINERJA_ASSIGN_OR_RETURN(auto units, store.RecordsUnder("unit", "/"));
  for (auto& r : units) {
    UnitInfo u;
    u.id = r.body.value("unit_id", r.id.substr(5));
    u.name = r.body.value("name", u.id);
    u.path = r.unit_path;
    u.body = std::move(r.body);
    ctx.units.emplace(u.id, std::move(u));
  }
  if (!q.unit_id.empty()) {
    auto it = ctx.units.find(q.unit_id);
    if (it == ctx.units.end()) return Status::NotFound("unit " + q.unit_id + " does not exist");
    ctx.unit = &it->second;
  }
  return ctx;
}

Json ReportHeader(const char* report, const Context& ctx) {
  Json unit = ctx.unit ? Json{{"unit_id", ctx.unit->id}, {"name", ctx.unit->name}} : Json();
  return Json{{"report", report},
              {"period", org::FormatPeriod(ctx.period)},
              {"period_start", org::FormatDate(org::PeriodStart(ctx.period))},
              {"period_end", org::FormatDate(org::PeriodEnd(ctx.period))},
              {"as_of", IsoUtc(ctx.query->now)},
              {"unit", unit}};
}

Result<std::map<std::string, wire::Record>> StaffInScope(CentralStore& store, const Principal& who,
                                                         const Context& ctx) {
  KINERJA_ASSIGN_OR_RETURN(auto employees, store.ScopedRecords(who, "employee"));
  std::map<std::string, wire::Record> out;
  const bool supervisor = who.role == wire::Role::kSupervisor;
  for (auto& e : employees) {
    if (!ctx.InUnit(e.unit_path)) continue;
    if (supervisor &&
        (who.employee_id.empty() || e.body.value("supervisor_id", "") != who.employee_id)) {
      continue;
    }
    std::string id = e.id;
    out.emplace(std::move(id), std::move(e));
  }
  return out;
}

Result<std::vector<AppraisalRow>> AppraisalsOfPeriod(CentralStore& store, const Principal& who,
                                                     const std::string& kind, const Context& ctx) {
  return store.AppraisalRows(who, kind, org::FormatPeriod(ctx.period));
}

std::map<std::string, const AppraisalRow*> LatestBySubject(const std::vector<AppraisalRow>& rows) {
  std::map<std::string, const AppraisalRow*> out;
  for (const auto& r : rows) {
    const AppraisalRow*& latest = out[r.subject_id];
    if (latest == nullptr || latest->seq < r.seq) latest = &r;
  }
  return out;
}

Result<std::map<std::string, Json>> UnitPerformance(CentralStore& store, const Context& ctx,
                                                    const std::vector<std::string>& unit_ids) {
  std::vector<std::string> ids;
  const std::string period = org::FormatPeriod(ctx.period);
  for (const auto& u : unit_ids) ids.push_back(UnitPerformanceId(u, period));
  KINERJA_ASSIGN_OR_RETURN(auto found, store.RecordsById(ids));
  std::map<std::string, Json> out;
  for (auto& [id, r] : found) {
    if (r.kind != "unit_performance") continue;
    std::string unit_id = r.body.value("unit_id", "");
    out[unit_id] = std::move(r.body);
  }
  return out;
}

}  // namespace kinerja::server::reports
