#include "server/kinds/employee_kinds.h"
#include "server/kinds/unit_kinds.h"
#include "server/store/central_store.h"
#include "server/store/record_rows.h"

namespace kinerja::server {
namespace {

// Every row `st` (a kSelectRecords query) steps through, as records.
Result<std::vector<wire::Record>> RecordsOf(Statement& st) {
  std::vector<wire::Record> out;
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
    if (!row) break;
    KINERJA_ASSIGN_OR_RETURN(auto r, RecordFromRow(st));
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

Result<wire::PullResponse> CentralStore::Pull(const Principal& who, int64_t since, int64_t limit,
                                              std::vector<std::string>* body_texts) {
  if (body_texts) body_texts->clear();
  if (since < 0) return Status::InvalidArgument("since must be 0 or more");
  if (limit < 1 || limit > wire::kMaxPullLimit) {
    return Status::InvalidArgument("limit must be 1-" + std::to_string(wire::kMaxPullLimit));
  }
  std::string scope = ScopeSql(who);
  // HR and admin devices do not receive survey answers and queue tickets one by one: the
  // city's run to hundreds of thousands (minutes of a first sync), they only ever see them
  // aggregated in the server's reports, and an answer is anonymous (docs/sync.md §"Pull").
  // Reports still read them: this is the pull's rule, not ScopeSql's.
  if (who.role == wire::Role::kHr || who.role == wire::Role::kAdmin) {
    scope = "(" + scope + " AND kind NOT IN ('survey_response', 'queue_ticket'))";
  }
  // One read transaction: the records and the head cursor below come from one committed
  // state, so a batch being pushed meanwhile is seen whole or not at all.
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kPull);
  KINERJA_RETURN_IF_ERROR(read.status());
  Database& db = read.db();
  // Every role walks the table in seq order (records are keyed by seq) and tests its scope
  // on each row changed since its cursor.
  KINERJA_ASSIGN_OR_RETURN(auto st, db.Prepare(kSelectRecords + " WHERE seq > ?1 AND (" + scope +
                                               ") ORDER BY seq LIMIT ?2"));
  st.Bind(1, since)
      .Bind(2, limit + 1)
      .Bind(3, who.unit_path)
      .Bind(4, who.user_id)
      .Bind(5, who.employee_id);
  wire::PullResponse resp;
  resp.cursor = since;
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
    if (!row) break;
    if (static_cast<int64_t>(resp.records.size()) == limit) {
      resp.more = true;
      break;
    }
    std::string text;
    KINERJA_ASSIGN_OR_RETURN(auto r, RecordFromRow(st, body_texts ? &text : nullptr));
    resp.cursor = r.seq;
    resp.records.push_back(std::move(r));
    if (body_texts) body_texts->push_back(std::move(text));
  }
  // The head tells the device how far it has to go (a progress bar for long pulls).
  auto head = db.Prepare("SELECT value FROM counters WHERE name='seq'");
  if (!head.ok()) return head.status();
  KINERJA_RETURN_IF_ERROR(head->Step().status());
  resp.head = head->ColumnInt(0);
  // Nothing more in scope: move the cursor to the head so the next pull starts there.
  if (!resp.more) resp.cursor = std::max(resp.cursor, resp.head);
  return resp;
}

Result<std::vector<wire::Record>> CentralStore::ScopedRecords(const Principal& who,
                                                             const std::string& kind) {
  std::string scope = ScopeSql(who);
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kPull);
  KINERJA_RETURN_IF_ERROR(read.status());
  KINERJA_ASSIGN_OR_RETURN(auto st, read.db().Prepare(kSelectRecords + " WHERE kind=?1 AND (" +
                                                      scope + ") ORDER BY seq"));
  st.Bind(1, kind).Bind(3, who.unit_path).Bind(4, who.user_id).Bind(5, who.employee_id);
  return RecordsOf(st);
}

Result<std::vector<std::pair<std::string, std::string>>> CentralStore::ScopedPaths(
    const Principal& who, const std::string& kind) {
  std::string scope = ScopeSql(who);
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kPull);
  KINERJA_RETURN_IF_ERROR(read.status());
  KINERJA_ASSIGN_OR_RETURN(auto st, read.db().Prepare("SELECT id, unit_path FROM records WHERE kind=?1 AND (" +
                                                      scope + ") ORDER BY seq"));
  st.Bind(1, kind).Bind(3, who.unit_path).Bind(4, who.user_id).Bind(5, who.employee_id);
  std::vector<std::pair<std::string, std::string>> out;
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
    if (!row) break;
    out.emplace_back(st.ColumnView(0), st.ColumnView(1));
  }
  return out;
}

Result<std::vector<wire::Record>> CentralStore::RecordsAbout(
    const std::string& kind, const std::vector<std::string>& subject_ids) {
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kPull);
  KINERJA_RETURN_IF_ERROR(read.status());
  KINERJA_ASSIGN_OR_RETURN(
      auto st, read.db().Prepare(kSelectRecords +
                                 " WHERE kind=?1 AND subject_id IN (SELECT value FROM json_each(?2))"
                                 " ORDER BY seq"));
  st.Bind(1, kind).Bind(2, Json(subject_ids).dump());
  return RecordsOf(st);
}

Result<std::vector<wire::Record>> CentralStore::RecordsUnder(const std::string& kind,
                                                             const std::string& unit_path) {
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kPull);
  KINERJA_RETURN_IF_ERROR(read.status());
  KINERJA_ASSIGN_OR_RETURN(
      auto st,
      read.db().Prepare(kSelectRecords + " WHERE kind=?1 AND substr(unit_path, 1, length(?2)) = ?2"
                                         " ORDER BY seq"));
  st.Bind(1, kind).Bind(2, unit_path);
  return RecordsOf(st);
}

Result<std::map<std::string, wire::Record>> CentralStore::RecordsById(
    const std::vector<std::string>& ids) {
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kPull);
  KINERJA_RETURN_IF_ERROR(read.status());
  KINERJA_ASSIGN_OR_RETURN(auto st, read.db().Prepare(kSelectRecords + " WHERE id=?1"));
  std::map<std::string, wire::Record> out;
  for (const auto& id : ids) {
    if (out.count(id)) continue;
    st.Reset();
    st.Bind(1, id);
    KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
    if (!row) continue;
    KINERJA_ASSIGN_OR_RETURN(auto r, RecordFromRow(st));
    out.emplace(id, std::move(r));
  }
  return out;
}

// The records a principal may read, as SQL over `records` using ?3 = unit_path,
// ?4 = user_id, ?5 = employee_id. HR and admin: everything. Everyone else: the units of their
// subtree and above it, and: a supervisor the positions and unit_performance records of the
// subtree and above it, the training records of the subtree, the
// employees and queue tickets of the subtree and
// notes, appraisals and competency assessments about the staff they appraise (and their
// submitted self-assessments and responses); an employee their own employee record,
// submitted appraisals and competency assessments, own self-assessments and responses, and
// the queue tickets they logged; an enumerator nothing more (survey responses are
// write-only).
std::string CentralStore::ScopeSql(const Principal& who) const {
  // Every role sees the units of its own subtree and the units above it (a tablet shows their
  // names and options, e.g. the one-stop office's queue log enabled on the dinas).
  const std::string units =
      "(kind='unit' AND (substr(unit_path, 1, length(?3)) = ?3 OR"
      " substr(?3, 1, length(unit_path)) = unit_path))";
  switch (who.role) {
    case wire::Role::kAdmin:
    case wire::Role::kHr: return "(?3 IS NOT NULL AND ?4 IS NOT NULL AND ?5 IS NOT NULL)";
    case wire::Role::kSupervisor:
      // Positions too come from above: one defined for the whole city or dinas reaches the
      // supervisors of every unit below it (their staff's required competency levels).
      return "(" + units + " OR " + SupervisorReadsUnitKindsSql() + " OR " + AtasanReadsObjectionsSql() +
             " OR (kind='position' AND substr(?3, 1, length(unit_path)) = unit_path)"
             " OR (substr(unit_path, 1, length(?3)) = ?3 AND (kind IN ('employee',"
             " 'position', 'queue_ticket') OR author_id=?4 OR (kind IN ('appraisal_note',"
             " 'appraisal', 'competency_assessment') AND subject_id IN"
             " (SELECT e.id FROM records e WHERE e.kind='employee' AND"
             " json_extract(e.body, '$.supervisor_id')=?5)) OR " +
             SupervisorReadsEmployeeKindsSql() + ")))";
    case wire::Role::kEmployee:
      // Their own record, and their appraisals once the appraiser has submitted them.
      return "(" + units + " OR (?4 IS NOT NULL AND ((kind='employee' AND id=?5) OR"
             " (kind='appraisal' AND subject_id=?5 AND"
             " json_extract(body, '$.status') IN ('submitted', 'signed_off')) OR"
             " (kind='competency_assessment' AND subject_id=?5 AND"
             " json_extract(body, '$.status')='submitted') OR"
             " (kind='queue_ticket' AND author_id=?4) OR " +
             EmployeeReadsOwnKindsSql() + ")))";
    case wire::Role::kEnumerator: return "(" + units + " AND ?4 IS NOT NULL AND ?5 IS NOT NULL)";
  }
  return "0";
}

}  // namespace kinerja::server
