#include "server/cli/import_unsynced.h"

#include <string>

#include "shared/wire/sync.h"

namespace kinerja::server {
Result<UnsyncedImport> ImportUnsynced(CentralStore& store, std::string_view file_text,
                                      const std::string& file_name, int64_t now) {
  auto parsed = ParseJson(file_text);
  if (!parsed.ok()) {
    return Status::InvalidArgument(file_name + " is not a complete JSON file (truncated?): " +
                                   parsed.status().message());
  }
  const Json& file = *parsed;
  if (!file.is_object() || !file.contains("format") || file["format"] != "kinerja-unsynced") {
    return Status::InvalidArgument(file_name + ": format must be \"kinerja-unsynced\" (a tablet's "
                                               "\"export unsynced data\" file)");
  }
  KINERJA_ASSIGN_OR_RETURN(int64_t version, GetInt(file, "version", file_name));
  if (version != 1) {
    return Status::InvalidArgument(file_name + ": version " + std::to_string(version) +
                                   " is not known to this server (it reads version 1)");
  }
  KINERJA_ASSIGN_OR_RETURN(std::string user, GetString(file, "user", file_name));
  KINERJA_ASSIGN_OR_RETURN(std::string device, GetString(file, "device_id", file_name));
  if (user.empty()) return Status::InvalidArgument(file_name + ".user is empty: the tablet had no session");
  if (!file.contains("push") || !file["push"].is_object()) {
    return Status::InvalidArgument(file_name + ".push must be an object");
  }
  std::string failed;
  auto push = wire::PushRequestFromJson(file["push"], &failed);
  if (!push.ok()) {
    return Status::InvalidArgument(file_name + ".push: " + push.status().message() +
                                   (failed.empty() ? "" : " (change " + failed + ")"));
  }
  if (push->device_id != device) {
    return Status::InvalidArgument(file_name + ": push.device_id " + push->device_id +
                                   " is not the file's device_id " + device);
  }
  const Json empty = Json::array();
  const Json& aside = file.contains("set_aside") ? file["set_aside"] : empty;
  if (!aside.is_array()) return Status::InvalidArgument(file_name + ".set_aside must be an array");
  KINERJA_ASSIGN_OR_RETURN(Principal who, store.PrincipalOf(user, device));

  UnsyncedImport result;
  Json outcomes = Json::array();
  int applied = 0, duplicates = 0, conflicts = 0, refused = 0;
  for (const auto& change : push->changes) {
    Json o{{"change_id", change.change_id}, {"record_id", change.record_id}, {"kind", change.kind}};
    wire::PushRequest one{device, {change}};
    std::string failed_id;
    auto resp = store.Push(who, one, now, &failed_id);
    if (!resp.ok()) {
      o["outcome"] = "refused";
      o["code"] = CodeName(resp.status().code());
      o["message"] = resp.status().message();
      ++refused;
      result.all_stored = false;
    } else if (!resp->acks.empty()) {
      const auto& ack = resp->acks.front();
      o["outcome"] = wire::OutcomeName(ack.outcome);
      o["version"] = ack.version;
      ack.outcome == wire::Outcome::kApplied     ? ++applied
      : ack.outcome == wire::Outcome::kDuplicate ? ++duplicates
                                                 : ++conflicts;
    }
    outcomes.push_back(std::move(o));
  }
  for (const auto& a : aside) {
    outcomes.push_back({{"change_id", a.value("change_id", Json())},
                        {"record_id", a.value("record_id", Json())},
                        {"kind", a.value("kind", Json())},
                        {"outcome", "set_aside_on_device"},
                        {"code", a.value("code", Json())},
                        {"message", a.value("reason", Json())}});
  }
  if (applied + conflicts > 0) {
    (void)store.Audit(&who, "unsynced_imported",
                      std::to_string(applied + conflicts) + " changes of device " + device + " from " +
                          file_name,
                      now);
  }
  result.report = {{"file", file_name},
                   {"user", user},
                   {"device_id", device},
                   {"exported_at", file.value("exported_at", Json())},
                   {"changes", push->changes.size()},
                   {"applied", applied},
                   {"duplicates", duplicates},
                   {"conflicts", conflicts},
                   {"refused", refused},
                   {"set_aside_on_device", aside.size()},
                   {"outcomes", std::move(outcomes)}};
  return result;
}

}  // namespace kinerja::server
