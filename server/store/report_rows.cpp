// The store's reads of report rows (server/store/report_rows.h; the tables and their triggers:
// schema.cpp, v9 and v10). Scope: HR and admins read every row; every other caller the rows of
// records its pull would give (the same ScopeSql over `records`, by seq).
#include <string_view>

#include "server/store/central_store.h"

namespace kinerja::server {
namespace {

bool CityWide(const Principal& who) {
  return who.role == wire::Role::kHr || who.role == wire::Role::kAdmin;
}

// `select` (a report table's SELECT, with or without a WHERE) in seq order, limited for a
// caller who does not read city-wide to the rows of records of `kind` (SQL: "?1" or
// "'queue_ticket'") in `scope` (ScopeSql, whose ?3-?5 BindScope binds).
std::string InScope(const Principal& who, std::string select, const std::string& kind,
                    const std::string& scope) {
  if (!CityWide(who)) {
    select += select.find(" WHERE ") == std::string::npos ? " WHERE" : " AND";
    select += " seq IN (SELECT seq FROM records WHERE kind=" + kind + " AND (" + scope + "))";
  }
  return select + " ORDER BY seq";
}

void BindScope(Statement& st, const Principal& who) {
  if (!CityWide(who)) st.Bind(3, who.unit_path).Bind(4, who.user_id).Bind(5, who.employee_id);
}

}  // namespace

Result<std::vector<AppraisalRow>> CentralStore::AppraisalRows(const Principal& who,
                                                              const std::string& kind,
                                                              const std::string& period) {
  const std::string sql = InScope(who,
                                  "SELECT seq, id, subject_id, author_id, period, status, result_kind,"
                                  " template, predikat_code, hasil_kerja_code, perilaku"
                                  " FROM report_appraisals WHERE kind=?1 AND period=?2",
                                  "?1", ScopeSql(who));
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kPull);
  KINERJA_RETURN_IF_ERROR(read.status());
  KINERJA_ASSIGN_OR_RETURN(auto st, read.db().Prepare(sql));
  st.Bind(1, kind).Bind(2, period);
  BindScope(st, who);
  std::vector<AppraisalRow> out;
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
    if (!row) break;
    AppraisalRow r;
    r.seq = st.ColumnInt(0);
    r.id = st.ColumnView(1);
    r.subject_id = st.ColumnView(2);
    r.author_id = st.ColumnView(3);
    r.period = st.ColumnView(4);
    r.status = st.ColumnView(5);
    r.result_kind = st.ColumnView(6);
    r.template_id = st.ColumnView(7);
    r.predikat_code = st.ColumnView(8);
    r.hasil_kerja_code = st.ColumnView(9);
    ForEachPair(st.ColumnView(10), [&r](std::string_view code, std::string_view rating) {
      r.perilaku.emplace_back(code, rating);
    });
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<CompetencyRow>> CentralStore::CompetencyRows(const Principal& who,
                                                                const std::string& period,
                                                                const std::string& other_period) {
  const std::string sql = InScope(who,
                                  "SELECT seq, id, subject_id, period, status, position_id, levels"
                                  " FROM report_competency WHERE period IN (?1, ?2)",
                                  "'competency_assessment'", ScopeSql(who));
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kPull);
  KINERJA_RETURN_IF_ERROR(read.status());
  KINERJA_ASSIGN_OR_RETURN(auto st, read.db().Prepare(sql));
  st.Bind(1, period).Bind(2, other_period.empty() ? period : other_period);
  BindScope(st, who);
  std::vector<CompetencyRow> out;
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
    if (!row) break;
    CompetencyRow r;
    r.seq = st.ColumnInt(0);
    r.id = st.ColumnView(1);
    r.subject_id = st.ColumnView(2);
    r.period = st.ColumnView(3);
    r.status = st.ColumnView(4);
    r.position_id = st.ColumnView(5);
    if (!st.ColumnIsNull(6)) {
      r.levels.emplace();
      ForEachPair(st.ColumnView(6), [&r](std::string_view code, std::string_view value) {
        r.levels->emplace_back(code, value);
      });
    }
    out.push_back(std::move(r));
  }
  return out;
}

Status CentralStore::EachTicketRow(const Principal& who,
                                   const std::function<void(const TicketRow&)>& visit) {
  const std::string sql = InScope(who,
                                  "SELECT seq, id, unit_path, unit_id, officer, ticket, issued_at,"
                                  " called_at, finished_at FROM report_tickets",
                                  "'queue_ticket'", ScopeSql(who));
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kPull);
  KINERJA_RETURN_IF_ERROR(read.status());
  KINERJA_ASSIGN_OR_RETURN(auto st, read.db().Prepare(sql));
  BindScope(st, who);
  TicketRow t;  // reused: assigning keeps each string's capacity
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
    if (!row) break;
    t.seq = st.ColumnInt(0);
    t.id = st.ColumnView(1);
    t.unit_path = st.ColumnView(2);
    t.unit_id = st.ColumnView(3);
    t.officer = st.ColumnView(4);
    t.ticket = st.ColumnIsNull(5) ? 0 : st.ColumnInt(5);
    t.issued_at = st.ColumnView(6);
    if (st.ColumnIsNull(7)) t.called_at.reset(); else t.called_at = st.ColumnView(7);
    if (st.ColumnIsNull(8)) t.finished_at.reset(); else t.finished_at = st.ColumnView(8);
    visit(t);
  }
  return Status::Ok();
}

Status CentralStore::EachSurveyRowUnder(const std::string& unit_path,
                                        const std::function<void(const SurveyRow&)>& visit) {
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kPull);
  KINERJA_RETURN_IF_ERROR(read.status());
  KINERJA_ASSIGN_OR_RETURN(
      auto st, read.db().Prepare("SELECT unit_path, unit_id, service, date, answers, gender,"
                                 " age_band, education, occupation FROM report_surveys"
                                 " WHERE substr(unit_path, 1, length(?1)) = ?1 ORDER BY seq"));
  st.Bind(1, unit_path);
  SurveyRow s;  // reused
  std::string* columns[] = {&s.unit_path, &s.unit_id, &s.service,  &s.date,      &s.answers,
                            &s.gender,    &s.age_band, &s.education, &s.occupation};
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
    if (!row) break;
    for (int c = 0; c < static_cast<int>(std::size(columns)); ++c) *columns[c] = st.ColumnView(c);
    visit(s);
  }
  return Status::Ok();
}

}  // namespace kinerja::server
