#pragma once
// The supervisor's roster as the field app shows it ("My staff"): every employee record on
// the device with the status of their appraisal for one period, sorted by name, and a search
// by name or NIP. Built once per change of the device store (Build, fed by one query for the
// statuses) and filtered once per change of the query (SetQuery), so a frame only walks the
// rows on screen.

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/sync/local_store.h"
#include "shared/result.h"
#include "shared/wire/sync.h"

namespace kinerja {

// Where an employee's appraisal for the period stands. Ordered: a later status wins when a
// device holds two appraisal records for one employee and period.
enum class AppraisalStatus { kNotStarted = 0, kDraft, kSubmitted, kSignedOff };
inline constexpr int kAppraisalStatusCount = 4;

// "not_started", "draft", "submitted", "signed_off".
const char* AppraisalStatusCode(AppraisalStatus s);
// The status stored in an appraisal body; an unknown or missing value counts as a draft (a
// record exists, so the appraisal was started).
AppraisalStatus AppraisalStatusFromCode(std::string_view code);

using AppraisalStatuses = std::unordered_map<std::string, AppraisalStatus>;

// Reads the status of every `appraisal` record of `period` in the device store, keyed by the
// employee (subject) id, with one query. Employees without a record are not in the map.
// Fails with the database's error.
Result<AppraisalStatuses> LoadAppraisalStatuses(LocalStore& store, std::string_view period);

struct RosterRow {
  std::string id;
  std::string name;
  std::string nip;
  std::string position;
  AppraisalStatus status = AppraisalStatus::kNotStarted;
  std::string name_folded;  // lower-case name, for the search
  std::string nip_digits;   // the NIP without spaces, for the search
};

class RosterView {
 public:
  // Replaces the rows with `employees` (records of kind "employee": body name, nip, position)
  // and their statuses, sorted by name then NIP, and filters them by the current query.
  void Build(const std::vector<wire::Record>& employees, const AppraisalStatuses& statuses);

  // Filters by `query`: rows whose name contains it, ignoring case, or whose NIP contains its
  // digits (spaces in the query are ignored for the NIP, as NIPs are often printed in groups).
  // An empty or blank query shows every row. Does nothing when the query is unchanged; returns
  // whether the visible rows were recomputed.
  bool SetQuery(std::string_view query);
  const std::string& query() const { return query_; }

  const std::vector<RosterRow>& rows() const { return rows_; }
  // Indices into rows() of the rows that match the query, in display order.
  const std::vector<int>& visible() const { return visible_; }
  // How many rows (all, not only visible) have each status, indexed by AppraisalStatus.
  const std::array<int, kAppraisalStatusCount>& counts() const { return counts_; }
  // Number of times the visible rows were computed (tests: filtering is not done per frame).
  int filter_runs() const { return filter_runs_; }

 private:
  void Filter();

  std::vector<RosterRow> rows_;
  std::vector<int> visible_;
  std::array<int, kAppraisalStatusCount> counts_{};
  std::string query_;
  int filter_runs_ = 0;
};

}  // namespace kinerja
