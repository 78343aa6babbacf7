#pragma once
// Ruang kerja SDM (the HR workspace): the first screen of an hr or admin session. It holds
// the unit tree built from the unit records the tablet already pulls, a period picker (a year,
// then the whole year or one of its semesters), and per unit the appraisal statuses of the
// staff on this device. The reports computed on the server (docs/reports.md) open from it
// (hr_reports.h) for the chosen unit and period, as do training needs (training_view.h).

#include <array>
#include <string>
#include <vector>

#include "engine/sync/roster_view.h"
#include "shared/result.h"
#include "shared/wire/sync.h"

namespace kinerja::web {

struct HrUnit {
  std::string id;
  std::string name;
  std::string kind;  // "dinas", "bidang", ... (org_tree.h UnitKindName)
  int depth = 0;     // 0 for a root
  int staff = 0;     // employees in this unit and every unit below it
  std::array<int, kAppraisalStatusCount> status{};  // the same staff, by appraisal status
};

// The period key of `year` and `part` (0 the year, 1 Semester I, 2 Semester II).
std::string HrPeriodKey(const std::string& year, int part);

struct HrWorkspace {
  // Depth first, siblings by name: the order the tree is drawn in.
  std::vector<HrUnit> units;
  int staff = 0;  // every employee on the device, with or without a known unit
  std::array<int, kAppraisalStatusCount> status{};
  std::vector<std::string> periods;  // years, newest first
  size_t period_index = 0;
  int part = 0;       // of the chosen year: 0 the whole year (annual), 1 Semester I, 2 Semester II
  int selected = -1;  // index into units; -1 is the whole city
  // Set when the tree and counts are the server's workspace summary (its as_of), drawn while
  // a fresh device's first pull runs; empty when they are this device's own records.
  std::string server_as_of;
  // The chosen period's key (docs/rules/periods.md): "2026", "2026-S1" or "2026-S2".
  std::string period() const { return HrPeriodKey(periods[period_index], part); }
};

// The unit tree of `unit_records` (kind "unit": body unit_id, name, kind, parent_id) with the
// staff of `employees` (body unit_id) and their `statuses` counted into their unit and every
// unit above it. A unit whose parent is not on the device is a root; a cycle in the parents
// is cut where it closes. Employees of unknown units count only in the total.
HrWorkspace BuildHrWorkspace(const std::vector<wire::Record>& unit_records,
                             const std::vector<wire::Record>& employees,
                             const AppraisalStatuses& statuses);

// The same tree from the server's workspace summary (GET /api/v1/reports/workspace,
// docs/reports.md §"Workspace": every unit with its own staff by status), the counts rolled up
// as above and server_as_of set; staff the totals hold beyond the units' count in the whole
// city only. kInvalidArgument for anything that is not such an answer. Periods are the caller's.
Result<HrWorkspace> BuildHrWorkspaceFromSummary(const Json& summary);

// The annual periods offered by the picker: `current` ("2026") and the `count` - 1 years
// before it, newest first. A current period that is not a year is offered alone.
std::vector<std::string> HrPeriods(const std::string& current, int count);

}  // namespace kinerja::web
