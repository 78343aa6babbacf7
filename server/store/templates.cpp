#include "server/store/central_store.h"

#include "engine/appraisal/builtin_templates.h"
#include "engine/appraisal/template.h"
#include "engine/sync/ids.h"

namespace kinerja::server {

Result<std::string> CentralStore::AddTemplate(const std::string& text, const std::string& added_by,
                                             int64_t now) {
  KINERJA_ASSIGN_OR_RETURN(auto t, LoadTemplate(text));
  for (const auto& id : BuiltinTemplateIds()) {
    if (id == t.id) {
      return Status::AlreadyExists("template " + t.id +
                                   " is built in; give your version its own id (e.g. " +
                                   "\"palangkaraya-2027.v1\")");
    }
  }
  std::lock_guard<std::mutex> lock(mu_);
  KINERJA_ASSIGN_OR_RETURN(
      auto st, db_->Prepare("INSERT INTO templates(id, text, added_at, added_by) VALUES(?,?,?,?)"));
  Status s = st.Bind(1, t.id).Bind(2, text).Bind(3, IsoUtc(now)).Bind(4, added_by).Run();
  if (s.code() == Code::kAlreadyExists) {
    return Status::AlreadyExists("template " + t.id +
                                 " exists already; templates never change: add a new version id");
  }
  if (!s.ok()) return s;
  KINERJA_RETURN_IF_ERROR(AuditWhileHeld(nullptr, "template_added", t.id + " by " + added_by, now));
  return t.id;
}

Result<std::optional<std::string>> CentralStore::TemplateText(std::string_view id) {
  std::lock_guard<std::mutex> lock(mu_);
  return TemplateTextWhileHeld(*db_, id);
}

Result<std::optional<std::string>> CentralStore::TemplateTextWhileHeld(Database& db,
                                                                    std::string_view id) {
  KINERJA_ASSIGN_OR_RETURN(auto st, db.Cached("SELECT text FROM templates WHERE id=?"));
  (st)->Bind(1, id);
  KINERJA_ASSIGN_OR_RETURN(auto row, (st)->Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>((st)->ColumnText(0));
}

Result<Json> CentralStore::Templates() {
  std::lock_guard<std::mutex> lock(mu_);
  Json out = Json::array();
  for (const auto& id : BuiltinTemplateIds()) out.push_back({{"id", id}, {"source", "built-in"}});
  KINERJA_ASSIGN_OR_RETURN(
      auto st, db_->Prepare("SELECT id, added_at, added_by FROM templates ORDER BY id"));
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
    if (!row) break;
    out.push_back({{"id", st.ColumnText(0)},
                   {"source", "database"},
                   {"added_at", st.ColumnText(1)},
                   {"added_by", st.ColumnText(2)}});
  }
  return Json{{"templates", out}};
}

}  // namespace kinerja::server
