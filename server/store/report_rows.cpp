// The store's reads of report rows (server/store/report_rows.h; the tables and their triggers:
// schema.cpp, v9). Scope: HR and admins read every row; every other caller the rows of
// records its pull would give (the same ScopeSql over `records`, by seq).
#include <string_view>

#include "server/store/central_store.h"

namespace kinerja::server {
namespace {

// The text of column `col`, "" for NULL.
std::string Text(const Statement& st, int col) {
  return st.ColumnIsNull(col) ? std::string() : st.ColumnText(col);
}

// "a\x1fb\x1ec\x1fd" as {(a, b), (c, d)}: the pairs the triggers group_concat.
std::vector<std::pair<std::string, std::string>> Pairs(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!text.empty()) {
    const size_t end = text.find('\x1e');
    std::string_view item = text.substr(0, end);
    const size_t sep = item.find('\x1f');
    if (sep == std::string_view::npos) {
      out.emplace_back(std::string(item), std::string());
    } else {
      out.emplace_back(std::string(item.substr(0, sep)), std::string(item.substr(sep + 1)));
    }
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

bool CityWide(const Principal& who) {
  return who.role == wire::Role::kHr || who.role == wire::Role::kAdmin;
}

}  // namespace

Result<std::vector<AppraisalRow>> CentralStore::AppraisalRows(const Principal& who,
                                                              const std::string& kind,
                                                              const std::string& period) {
  std::string sql =
      "SELECT seq, id, subject_id, author_id, period, status, result_kind, template,"
      " predikat_code, hasil_kerja_code, perilaku FROM report_appraisals"
      " WHERE kind=?1 AND period=?2";
  if (!CityWide(who)) {
    sql += " AND seq IN (SELECT seq FROM records WHERE kind=?1 AND (" + ScopeSql(who) + "))";
  }
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kPull);
  KINERJA_RETURN_IF_ERROR(read.status());
  KINERJA_ASSIGN_OR_RETURN(auto st, read.db().Prepare(sql + " ORDER BY seq"));
  st.Bind(1, kind).Bind(2, period);
  if (!CityWide(who)) st.Bind(3, who.unit_path).Bind(4, who.user_id).Bind(5, who.employee_id);
  std::vector<AppraisalRow> out;
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
    if (!row) break;
    AppraisalRow r;
    r.seq = st.ColumnInt(0);
    r.id = Text(st, 1);
    r.subject_id = Text(st, 2);
    r.author_id = Text(st, 3);
    r.period = Text(st, 4);
    r.status = Text(st, 5);
    r.result_kind = Text(st, 6);
    r.template_id = Text(st, 7);
    r.predikat_code = Text(st, 8);
    r.hasil_kerja_code = Text(st, 9);
    r.perilaku = Pairs(Text(st, 10));
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<TicketRow>> CentralStore::TicketRows(const Principal& who) {
  std::string sql =
      "SELECT seq, id, unit_path, unit_id, officer, ticket, issued_at, called_at, finished_at"
      " FROM report_tickets";
  if (!CityWide(who)) {
    sql += " WHERE seq IN (SELECT seq FROM records WHERE kind='queue_ticket' AND (" +
           ScopeSql(who) + "))";
  }
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kPull);
  KINERJA_RETURN_IF_ERROR(read.status());
  KINERJA_ASSIGN_OR_RETURN(auto st, read.db().Prepare(sql + " ORDER BY seq"));
  if (!CityWide(who)) st.Bind(3, who.unit_path).Bind(4, who.user_id).Bind(5, who.employee_id);
  std::vector<TicketRow> out;
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
    if (!row) break;
    TicketRow t;
    t.seq = st.ColumnInt(0);
    t.id = Text(st, 1);
    t.unit_path = Text(st, 2);
    t.unit_id = Text(st, 3);
    t.officer = Text(st, 4);
    t.ticket = st.ColumnIsNull(5) ? 0 : st.ColumnInt(5);
    t.issued_at = Text(st, 6);
    if (!st.ColumnIsNull(7)) t.called_at = st.ColumnText(7);
    if (!st.ColumnIsNull(8)) t.finished_at = st.ColumnText(8);
    out.push_back(std::move(t));
  }
  return out;
}

Result<std::vector<SurveyRow>> CentralStore::SurveyRowsUnder(const std::string& unit_path) {
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kPull);
  KINERJA_RETURN_IF_ERROR(read.status());
  KINERJA_ASSIGN_OR_RETURN(
      auto st, read.db().Prepare("SELECT unit_path, unit_id, service, date, answers, gender,"
                                 " age_band, education, occupation FROM report_surveys"
                                 " WHERE substr(unit_path, 1, length(?1)) = ?1 ORDER BY seq"));
  st.Bind(1, unit_path);
  std::vector<SurveyRow> out;
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
    if (!row) break;
    SurveyRow s;
    s.unit_path = Text(st, 0);
    s.unit_id = Text(st, 1);
    s.service = Text(st, 2);
    s.date = Text(st, 3);
    s.answers = Pairs(Text(st, 4));
    s.gender = Text(st, 5);
    s.age_band = Text(st, 6);
    s.education = Text(st, 7);
    s.occupation = Text(st, 8);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace kinerja::server
