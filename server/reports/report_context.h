#pragma once
// What every report on /api/v1/reports/ begins with (server/reports/*.cpp; docs/reports.md
// §"Common to every report"): who may ask, the period and unit asked for, the units by id,
// the answer's header, and the staff a caller reports on.

#include <map>
#include <string>

#include <optional>

#include "engine/appraisal/levels.h"
#include "engine/appraisal/template.h"
#include "engine/org/period.h"
#include "server/reports/reports.h"

namespace kinerja::server::reports {

struct UnitInfo {
  std::string id;
  std::string name;
  std::string path;  // "/pemkot/dpmptsp/"
  Json body;         // the unit record's body (options such as queue_standard)
};

struct Context {
  const ReportQuery* query = nullptr;
  org::Period period;
  std::map<std::string, UnitInfo> units;  // every unit, by id (reference data)
  const UnitInfo* unit = nullptr;         // the `unit` asked for; null: the whole scope

  // Whether a record with `unit_path` lies in the unit asked for (or no unit was asked for).
  bool InUnit(const std::string& unit_path) const;
  // The unit's name, or its id when the unit is unknown.
  std::string UnitName(const std::string& unit_id) const;
};

// kPermissionDenied for employees and enumerators, kInvalidArgument for a period that is not
// a period key (docs/rules/periods.md §"Period keys"), kNotFound for an unknown unit.
Result<Context> BeginReport(CentralStore& store, const Principal& who, const ReportQuery& q);

// {"report", "period", "period_start", "period_end", "as_of", "unit": {"unit_id", "name"} | null}.
Json ReportHeader(const char* report, const Context& ctx);

// The employees a caller reports on, by id: HR and admin every employee, a supervisor the
// staff whose appraiser they are; in the unit asked for (and its subtree).
Result<std::map<std::string, wire::Record>> StaffInScope(CentralStore& store, const Principal& who,
                                                         const Context& ctx);

// The report rows of `kind` ("appraisal", "self_assessment") of the period asked for, in the
// caller's scope (server/store/report_rows.h).
Result<std::vector<AppraisalRow>> AppraisalsOfPeriod(CentralStore& store, const Principal& who,
                                                     const std::string& kind, const Context& ctx);

// The latest (highest seq) of `rows` per subject employee; pointers into `rows`.
std::map<std::string, const AppraisalRow*> LatestBySubject(const std::vector<AppraisalRow>& rows);

// The unit_performance record body of `unit_id` in the period asked for; null when none.
Result<std::map<std::string, Json>> UnitPerformance(CentralStore& store, const Context& ctx,
                                                    const std::vector<std::string>& unit_ids);

// The predikat / capaian kinerja organisasi with the code `code` ("baik"); nullopt for another.
std::optional<Predikat> PredikatFromCode(const std::string& code);
std::optional<OrgPredikat> OrgFromCode(const std::string& code);

// The rating template `id`: built in, or the city's own stored version.
Result<Template> TemplateById(CentralStore& store, const std::string& id);

// The calendar day (WIB) of `unix_seconds`.
org::Date WibDate(int64_t unix_seconds);

}  // namespace kinerja::server::reports
