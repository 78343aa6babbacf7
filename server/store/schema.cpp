#include "server/store/central_store.h"

#include "engine/store/migrations.h"

namespace kinerja::server {
namespace {

// The schema version this binary writes: the number of steps below. Add a step, never edit
// one: databases in the field have run it.
constexpr int64_t kSchemaVersion = 10;

// v1: the first schema.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE units(
  id TEXT PRIMARY KEY, parent_id TEXT REFERENCES units(id), name TEXT NOT NULL,
  kind TEXT NOT NULL, path TEXT NOT NULL UNIQUE);
CREATE TABLE users(
  id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
  display_name TEXT NOT NULL, role TEXT NOT NULL, unit_id TEXT NOT NULL REFERENCES units(id),
  employee_id TEXT NOT NULL DEFAULT '', disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL);
CREATE TABLE devices(
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), label TEXT NOT NULL,
  first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE sessions(
  token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
  device_id TEXT NOT NULL, created_at TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE records(
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, version INTEGER NOT NULL,
  unit_path TEXT NOT NULL, subject_id TEXT NOT NULL DEFAULT '',
  author_id TEXT NOT NULL DEFAULT '', body TEXT NOT NULL,
  conflict INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX records_seq ON records(seq);
CREATE INDEX records_scope ON records(unit_path, kind);
CREATE TABLE changes(
  change_id TEXT PRIMARY KEY, record_id TEXT NOT NULL, kind TEXT NOT NULL,
  device_id TEXT NOT NULL, user_id TEXT NOT NULL, base_version INTEGER NOT NULL,
  body TEXT NOT NULL, outcome TEXT NOT NULL, result_version INTEGER NOT NULL,
  created_at TEXT NOT NULL, received_at TEXT NOT NULL);
CREATE INDEX changes_record ON changes(record_id);
CREATE TABLE conflicts(
  change_id TEXT PRIMARY KEY REFERENCES changes(change_id), record_id TEXT NOT NULL,
  base_version INTEGER NOT NULL, body TEXT NOT NULL, resolved INTEGER NOT NULL DEFAULT 0);
CREATE TABLE audit(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user_id TEXT NOT NULL,
  device_id TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL);
CREATE TABLE counters(name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO counters(name, value) VALUES('seq', 0);
)sql";

// v2: changes refused for a reason a person must look at (an edit of a signed-off record),
// kept for review instead of dropped; conflicts found by record.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE refused_changes(
  change_id TEXT PRIMARY KEY, record_id TEXT NOT NULL, kind TEXT NOT NULL,
  device_id TEXT NOT NULL, user_id TEXT NOT NULL, base_version INTEGER NOT NULL,
  body TEXT NOT NULL, code TEXT NOT NULL, reason TEXT NOT NULL, received_at TEXT NOT NULL,
  reviewed INTEGER NOT NULL DEFAULT 0);
CREATE INDEX conflicts_record ON conflicts(record_id, resolved);
)sql";

// v3: indexes no query uses cost a B-tree write on every change; drop them.
constexpr const char* kSchemaV3 = R"sql(
DROP INDEX IF EXISTS changes_record;
DROP INDEX IF EXISTS records_scope;
)sql";

// v4: a city's own appraisal templates (validated JSON, immutable per id; a changed rule is
// a new id such as "palangkaraya-2027.v2").
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE templates(
  id TEXT PRIMARY KEY, text TEXT NOT NULL, added_at TEXT NOT NULL, added_by TEXT NOT NULL);
)sql";

// v5: a supervisor's pull asks for the employees they appraise (supervisor_id in the
// employee's body) on every request; without an index that is a scan of all records. The
// index is partial: only employee records have entries, so pushed notes do not write it.
constexpr const char* kSchemaV5 = R"sql(
CREATE INDEX IF NOT EXISTS records_supervisor ON records(json_extract(body, '$.supervisor_id'))
  WHERE kind='employee';
)sql";

// v6: records keyed by seq. A record's row lives at its seq (the table's own B-tree key), so
// HR's pull walks the table in seq order without a lookup per row. Updating a record moves
// its row to the new seq. The id stays unique (the idempotent lookups and upserts go
// through that index). Other roles' pulls test their scope on records_pull first.
constexpr const char* kSchemaV6 = R"sql(
CREATE TABLE records_by_seq(
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, version INTEGER NOT NULL,
  unit_path TEXT NOT NULL, subject_id TEXT NOT NULL DEFAULT '',
  author_id TEXT NOT NULL DEFAULT '', body TEXT NOT NULL,
  conflict INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL);
INSERT INTO records_by_seq(seq, id, kind, version, unit_path, subject_id, author_id, body,
                           conflict, updated_at)
  SELECT seq, id, kind, version, unit_path, subject_id, author_id, body, conflict, updated_at
  FROM records ORDER BY seq;
DROP TABLE records;
ALTER TABLE records_by_seq RENAME TO records;
CREATE INDEX records_supervisor ON records(json_extract(body, '$.supervisor_id'))
  WHERE kind='employee';
-- A pull tests its scope on these columns: an entry is a quarter of a row's size, so a
-- supervisor's pull reads a few index pages instead of every changed row.
CREATE INDEX records_pull ON records(seq, unit_path, kind, subject_id, author_id);
)sql";

// v7: a change is stored once. The change that made a record's current version lives in the
// record's own row (change_id, device_id, created_at; its user is author_id, its base is
// version-1, its time updated_at), so a new record writes one row, not two. `past_changes`
// holds every other change: versions since replaced (moved there, with their bodies, when
// the next version is applied) and the kept edits of conflicts. The view `changes` is the
// whole ledger, as the `changes` table was. A change id is unique in each table, and a
// change is in one of them: a resent creation meets the record's own id first.
constexpr const char* kSchemaV7 = R"sql(
ALTER TABLE changes RENAME TO past_changes;
ALTER TABLE records ADD COLUMN change_id TEXT;
ALTER TABLE records ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
UPDATE records SET change_id=c.change_id, device_id=c.device_id, created_at=c.created_at
  FROM past_changes c
  WHERE c.record_id=records.id AND c.outcome='applied' AND c.result_version=records.version
    AND c.kind=records.kind AND c.user_id=records.author_id AND c.body=records.body
    AND c.received_at=records.updated_at;
DELETE FROM past_changes WHERE change_id IN (SELECT change_id FROM records WHERE change_id IS NOT NULL);
CREATE UNIQUE INDEX records_change ON records(change_id);
-- Pulls test their scope on the rows themselves: the records_pull index cost every insert
-- a fifth of its time, and a pull on the rows stays well inside the load target
-- (docs/performance.md).
DROP INDEX IF EXISTS records_pull;
CREATE VIEW changes(change_id, record_id, kind, device_id, user_id, base_version, body, outcome,
                    result_version, created_at, received_at) AS
  SELECT change_id, id, kind, device_id, author_id, version - 1, body, 'applied', version,
         created_at, updated_at FROM records WHERE change_id IS NOT NULL
  UNION ALL
  SELECT change_id, record_id, kind, device_id, user_id, base_version, body, outcome,
         result_version, created_at, received_at FROM past_changes;
)sql";

// v8: records found by kind. Every report and a few push checks read the records of one kind
// (a city's appraisals, its queue tickets, the other self-assessment of a period); without
// an index each was a scan of the whole table: 75 ms a read on a city of 330,000 records,
// several reads a report, and a self-assessment's push scanned it under the writer lock
// (docs/performance.md, "Reports at city scale"). The entry is the kind and the seq (the
// rowid), so a kind's records come in seq order without a sort, and a new record appends at
// the end of its kind's range.
constexpr const char* kSchemaV8 = R"sql(
CREATE INDEX IF NOT EXISTS records_kind ON records(kind);
)sql";

// v9: report rows (server/store/report_rows.h; docs/store.md §"Report rows"). Reports over
// a city parsed every appraisal, survey answer and queue ticket body to read a few fields of
// each, 0.4-0.6 s a kind (docs/performance.md, "Reports at city scale"). Each table below
// holds those fields of one family of kinds, one row per record at the record's seq, written
// by triggers on `records`, so whichever statement writes a record (push, import, a later
// migration) writes its row in the same transaction, and the row always matches the record's
// current version: inserting at a new seq replaces the row of the same id (its UNIQUE
// constraint), as a record's update moves it to a new seq. The same SELECT fills the tables
// from the records already stored. A step that rebuilds `records` must create the triggers
// again (DROP TABLE drops them).
struct ReportTable {
  int version;          // the schema step that creates it
  const char* table;
  const char* kinds;    // SQL list of the record kinds it holds
  const char* columns;  // after seq and id
  const char* select;   // their values, of the record named {r}
};

constexpr ReportTable kReportTables[] = {
    {9, "report_appraisals", "'appraisal', 'self_assessment'",
     "kind, subject_id, author_id, period, status, result_kind, template, predikat_code,"
     " hasil_kerja_code, perilaku",
     "{r}.kind, {r}.subject_id, {r}.author_id, json_extract({r}.body, '$.period'),"
     " json_extract({r}.body, '$.status'), json_extract({r}.body, '$.result.kind'),"
     " json_extract({r}.body, '$.result.template'),"
     " json_extract({r}.body, '$.result.predikat_code'),"
     " json_extract({r}.body, '$.result.rating_hasil_kerja_code'),"
     // BerAKHLAK code, unit separator, rating code; records separated by char(30).
     " (SELECT group_concat(ifnull(json_extract(p.value, '$.code'), '') || char(31) ||"
     " ifnull(json_extract(p.value, '$.rating_code'), ''), char(30))"
     " FROM json_each({r}.body, '$.result.perilaku') p WHERE p.type = 'object')"},
    {9, "report_tickets", "'queue_ticket'",
     "unit_path, unit_id, officer, ticket, issued_at, called_at, finished_at",
     "{r}.unit_path, json_extract({r}.body, '$.unit_id'), json_extract({r}.body, '$.officer'),"
     " json_extract({r}.body, '$.ticket'), json_extract({r}.body, '$.issued_at'),"
     " json_extract({r}.body, '$.called_at'), json_extract({r}.body, '$.finished_at')"},
    {9, "report_surveys", "'survey_response'",
     "unit_path, unit_id, service, date, answers, gender, age_band, education, occupation",
     "{r}.unit_path, json_extract({r}.body, '$.unit_id'), json_extract({r}.body, '$.service'),"
     " json_extract({r}.body, '$.date'),"
     // element code, unit separator, the whole number ("" for null, "?" for anything else).
     " (SELECT group_concat(a.key || char(31) || CASE a.type WHEN 'integer' THEN a.value"
     " WHEN 'null' THEN '' ELSE '?' END, char(30)) FROM json_each({r}.body, '$.answers') a),"
     " json_extract({r}.body, '$.profile.gender'), json_extract({r}.body, '$.profile.age_band'),"
     " json_extract({r}.body, '$.profile.education'),"
     " json_extract({r}.body, '$.profile.occupation')"},
    // v10: the training-needs report read every competency assessment's body and parsed it
    // (130 ms of its 550 at 10,000 staff; docs/performance.md, "Reports at city scale").
    {10, "report_competency", "'competency_assessment'",
     "subject_id, period, status, position_id, levels",
     "{r}.subject_id, json_extract({r}.body, '$.period'), json_extract({r}.body, '$.status'),"
     " json_extract({r}.body, '$.position_id'),"
     // competency code, unit separator, the whole number ("?" for anything else); NULL when
     // `assessed` is not an object, "" when it is an empty one.
     " CASE json_type({r}.body, '$.assessed') WHEN 'object' THEN ifnull((SELECT"
     " group_concat(a.key || char(31) || CASE a.type WHEN 'integer' THEN a.value ELSE '?' END,"
     " char(30)) FROM json_each({r}.body, '$.assessed') a), '') END"},
};

std::string Named(std::string sql, const char* r) {
  for (size_t at; (at = sql.find("{r}")) != std::string::npos;) sql.replace(at, 3, r);
  return sql;
}

// The report tables' columns (typed loosely: a row holds what the body holds, and the store's
// reads check it), their triggers and their first fill.
std::string ReportRowsSql(int version) {
  std::string sql;
  for (const auto& t : kReportTables) {
    if (t.version != version) continue;
    const std::string table = t.table;
    const std::string insert = "INSERT OR REPLACE INTO " + table + "(seq, id, " + t.columns +
                               ") SELECT {r}.seq, {r}.id, " + t.select;
    sql += "CREATE TABLE " + table + "(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, " +
           t.columns + ");\n";
    for (const char* event : {"INSERT", "UPDATE"}) {
      sql += "CREATE TRIGGER " + table + "_" + event + " AFTER " + event +
             " ON records WHEN NEW.kind IN (" + t.kinds + ") AND json_valid(NEW.body) BEGIN " +
             Named(insert, "NEW") + "; END;\n";
    }
    sql += "CREATE TRIGGER " + table + "_DELETE AFTER DELETE ON records WHEN OLD.kind IN (" +
           t.kinds + ") BEGIN DELETE FROM " + table + " WHERE id = OLD.id; END;\n";
    sql += Named(insert, "r") + " FROM records r WHERE r.kind IN (" + t.kinds +
           ") AND json_valid(r.body);\n";
  }
  if (version == 9) sql += "CREATE INDEX report_appraisals_period ON report_appraisals(kind, period);\n";
  if (version == 10) sql += "CREATE INDEX report_competency_period ON report_competency(period);\n";
  return sql;
}

}  // namespace

int64_t CentralStore::SchemaVersion() { return kSchemaVersion; }

Status CentralStore::Migrate() {
  // The central store's version history, oldest first: step k takes version k-1 to k.
  const std::vector<MigrationStep> steps = {
      SqlStep(1, "units, users, devices, sessions, records, the change ledger, conflicts, audit",
              kSchemaV1),
      SqlStep(2, "refused changes kept for review; conflicts found by record", kSchemaV2),
      SqlStep(3, "unused indexes dropped", kSchemaV3),
      SqlStep(4, "a city's own appraisal templates", kSchemaV4),
      SqlStep(5, "employees found by supervisor", kSchemaV5),
      SqlStep(6, "records keyed by seq", kSchemaV6),
      SqlStep(7, "a change stored once: the current one in its record's row", kSchemaV7),
      SqlStep(8, "records found by kind", kSchemaV8),
      MigrationStep{9, "report rows: what reports read of appraisals, tickets and surveys",
                    [](Database& db) { return db.Exec(ReportRowsSql(9)); }},
      MigrationStep{10, "report rows of competency assessments",
                    [](Database& db) { return db.Exec(ReportRowsSql(10)); }},
  };
  static_assert(kSchemaVersion == 10, "one step per schema version");
  return kinerja::Migrate(*db_, steps, [](int64_t found, int64_t latest) {
    return "database schema " + std::to_string(found) + " is newer than this binary (" +
           std::to_string(latest) + "); upgrade kinerja";
  });
}

}  // namespace kinerja::server
