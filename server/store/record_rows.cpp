#include "server/store/record_rows.h"

namespace kinerja::server {

Result<wire::Record> RecordFromRow(const Statement& st, std::string* body_text) {
  wire::Record r;
  r.id = st.ColumnText(0);
  r.kind = st.ColumnText(1);
  r.version = st.ColumnInt(2);
  r.unit_path = st.ColumnText(3);
  r.subject_id = st.ColumnText(4);
  r.author_id = st.ColumnText(5);
  if (body_text) {
    *body_text = st.ColumnText(6);
    if (!Json::accept(*body_text)) {
      return Status::Corruption("record " + r.id + " has an unreadable body");
    }
  } else {
    auto body = ParseJson(st.ColumnText(6));
    if (!body.ok()) return Status::Corruption("record " + r.id + " has an unreadable body");
    r.body = std::move(body).value();
  }
  r.conflict = st.ColumnInt(7) != 0;
  r.seq = st.ColumnInt(8);
  r.updated_at = st.ColumnText(9);
  return r;
}

}  // namespace kinerja::server
