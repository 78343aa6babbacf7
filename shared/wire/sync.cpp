#include "shared/wire/sync.h"

#include <array>

namespace kinerja::wire {
namespace {

Status CheckId(const std::string& id, const std::string& field) {
  if (!IsValidId(id)) {
    return Status::InvalidArgument(field + " must be 1-64 characters of A-Z a-z 0-9 _ . -");
  }
  return Status::Ok();
}

}  // namespace

const char* OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kApplied: return "applied";
    case Outcome::kDuplicate: return "duplicate";
    case Outcome::kConflict: return "conflict";
  }
  return "applied";
}

bool IsValidId(std::string_view id) {
  // Letters, digits, '_', '-' and '.': a table, as every pushed change checks two ids or more.
  static constexpr auto kAllowed = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) {
      t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '_' || c == '-' || c == '.';
    }
    return t;
  }();
  if (id.empty() || id.size() > 64) return false;
  bool ok = true;
  for (char c : id) ok &= kAllowed[static_cast<unsigned char>(c)];
  return ok;
}

Json ToJson(const Change& c) {
  Json j{{"change_id", c.change_id}, {"record_id", c.record_id}, {"kind", c.kind},
         {"base_version", c.base_version}, {"body", c.body}, {"created_at", c.created_at}};
  if (!c.resolves.empty()) j["resolves"] = c.resolves;
  return j;
}

Json ToJson(const PushRequest& r) {
  Json changes = Json::array();
  for (const auto& c : r.changes) changes.push_back(ToJson(c));
  return Json{{"protocol", kProtocolVersion}, {"device_id", r.device_id}, {"changes", changes}};
}

Json ToJson(const PushResponse& r) {
  Json acks = Json::array();
  for (const auto& a : r.acks) {
    acks.push_back(Json{{"change_id", a.change_id}, {"outcome", OutcomeName(a.outcome)},
                        {"version", a.version}});
  }
  return Json{{"acks", acks}};
}

Json ToJson(const Record& r) {
  return Json{{"id", r.id},           {"kind", r.kind},         {"version", r.version},
              {"unit_path", r.unit_path}, {"subject_id", r.subject_id},
              {"author_id", r.author_id}, {"body", r.body},     {"conflict", r.conflict},
              {"seq", r.seq},         {"updated_at", r.updated_at}};
}

Json ToJson(const PullResponse& r) {
  Json recs = Json::array();
  for (const auto& x : r.records) recs.push_back(ToJson(x));
  Json j{{"records", recs}, {"cursor", r.cursor}, {"more", r.more}};
  if (r.head > 0) j["head"] = r.head;
  return j;
}

Result<Change> ChangeFromJson(const Json& j, std::string_view where) {
  // The change_id first: every later error names the change by it (docs/sync.md), and an
  // error here says that the change cannot be named.
  const std::string unnamed = "; the change cannot be named, so the whole push is refused";
  if (!j.is_object()) {
    return Status::InvalidArgument(std::string(where) + " must be an object" + unnamed);
  }
  Change c;
  auto change_id = GetString(j, "change_id", where);
  if (!change_id.ok()) return Status::InvalidArgument(change_id.status().message() + unnamed);
  c.change_id = *change_id;
  if (Status s = CheckId(c.change_id, std::string(where) + ".change_id"); !s.ok()) {
    return Status::InvalidArgument(s.message() + unnamed);
  }
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(
      j, {"change_id", "record_id", "kind", "base_version", "body", "created_at", "resolves"},
      where));
  auto record_id = GetString(j, "record_id", where);
  if (!record_id.ok()) return record_id.status();
  c.record_id = *record_id;
  KINERJA_RETURN_IF_ERROR(CheckId(c.record_id, std::string(where) + ".record_id"));
  auto kind = GetString(j, "kind", where);
  if (!kind.ok()) return kind.status();
  c.kind = *kind;
  KINERJA_RETURN_IF_ERROR(CheckId(c.kind, std::string(where) + ".kind"));
  KINERJA_ASSIGN_OR_RETURN(auto base, GetInt(j, "base_version", where));
  if (base < 0) {
    return Status::InvalidArgument(std::string(where) + ".base_version must be 0 or more");
  }
  c.base_version = base;
  auto body = j.find("body");
  if (body == j.end() || !body->is_object()) {
    return Status::InvalidArgument(std::string(where) + ".body must be an object");
  }
  if (body->dump().size() > kMaxBodyBytes) {
    return Status::TooLarge(std::string(where) + ".body is over " +
                            std::to_string(kMaxBodyBytes / 1024) + " KiB");
  }
  c.body = *body;
  KINERJA_ASSIGN_OR_RETURN(auto created, GetOptString(j, "created_at", where));
  c.created_at = created.value_or("");
  if (auto res = j.find("resolves"); res != j.end() && !res->is_null()) {
    if (!res->is_array() || res->size() > kMaxResolves) {
      return Status::InvalidArgument(std::string(where) + ".resolves must be an array of at most " +
                                     std::to_string(kMaxResolves) + " change ids");
    }
    for (size_t i = 0; i < res->size(); ++i) {
      const Json& id = (*res)[i];
      std::string field = std::string(where) + ".resolves[" + std::to_string(i) + "]";
      if (!id.is_string() || !IsValidId(id.get<std::string>())) {
        return Status::InvalidArgument(field + " must be a change id");
      }
      c.resolves.push_back(id.get<std::string>());
    }
  }
  return c;
}

Result<PushRequest> PushRequestFromJson(const Json& j, std::string* failed_change_id) {
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(j, {"protocol", "device_id", "changes"}, "push"));
  auto protocol = GetInt(j, "protocol", "push");
  if (!protocol.ok()) return protocol.status();
  if (*protocol != kProtocolVersion) {
    return Status::InvalidArgument("push.protocol " + std::to_string(*protocol) +
                                   " is not supported; this server speaks protocol " +
                                   std::to_string(kProtocolVersion));
  }
  PushRequest r;
  KINERJA_ASSIGN_OR_RETURN(auto device, GetString(j, "device_id", "push"));
  r.device_id = device;
  KINERJA_RETURN_IF_ERROR(CheckId(r.device_id, "push.device_id"));
  auto changes = j.find("changes");
  if (changes == j.end() || !changes->is_array()) {
    return Status::InvalidArgument("push.changes must be an array");
  }
  if (changes->size() > kMaxChangesPerPush) {
    return Status::TooLarge("push.changes holds " + std::to_string(changes->size()) +
                            " changes; send at most " + std::to_string(kMaxChangesPerPush) +
                            " per batch");
  }
  for (size_t i = 0; i < changes->size(); ++i) {
    const Json& item = (*changes)[i];
    auto c = ChangeFromJson(item, ItemPath("changes", i));
    if (!c.ok()) {
      // ChangeFromJson reads change_id first: past it, the id is readable and valid.
      auto id = item.is_object() ? item.find("change_id") : item.end();
      if (failed_change_id && id != item.end() && id->is_string() &&
          IsValidId(id->get_ref<const std::string&>())) {
        *failed_change_id = id->get<std::string>();
      }
      return c.status();
    }
    r.changes.push_back(std::move(*c));
  }
  return r;
}

Result<PushResponse> PushResponseFromJson(const Json& j) {
  PushResponse r;
  auto acks = j.find("acks");
  if (!j.is_object() || acks == j.end() || !acks->is_array()) {
    return Status::InvalidArgument("push response: acks must be an array");
  }
  for (size_t i = 0; i < acks->size(); ++i) {
    const Json& a = (*acks)[i];
    std::string where = ItemPath("acks", i);
    ChangeAck ack;
    KINERJA_ASSIGN_OR_RETURN(auto id, GetString(a, "change_id", where));
    ack.change_id = id;
    auto outcome = GetString(a, "outcome", where);
    if (!outcome.ok()) return outcome.status();
    if (*outcome == "applied") {
      ack.outcome = Outcome::kApplied;
    } else if (*outcome == "duplicate") {
      ack.outcome = Outcome::kDuplicate;
    } else if (*outcome == "conflict") {
      ack.outcome = Outcome::kConflict;
    } else {
      return Status::InvalidArgument(where + ".outcome '" + *outcome + "' is unknown");
    }
    auto version = GetInt(a, "version", where);
    if (!version.ok()) return version.status();
    ack.version = *version;
    r.acks.push_back(std::move(ack));
  }
  return r;
}

Result<Record> RecordFromJson(const Json& j, std::string_view where) {
  Record r;
  auto id = GetString(j, "id", where);
  if (!id.ok()) return id.status();
  r.id = *id;
  auto kind = GetString(j, "kind", where);
  if (!kind.ok()) return kind.status();
  r.kind = *kind;
  auto version = GetInt(j, "version", where);
  if (!version.ok()) return version.status();
  r.version = *version;
  auto unit_path = GetOptString(j, "unit_path", where);
  if (!unit_path.ok()) return unit_path.status();
  r.unit_path = unit_path->value_or("");
  KINERJA_ASSIGN_OR_RETURN(auto subject, GetOptString(j, "subject_id", where));
  r.subject_id = subject.value_or("");
  KINERJA_ASSIGN_OR_RETURN(auto author, GetOptString(j, "author_id", where));
  r.author_id = author.value_or("");
  auto body = j.find("body");
  if (body == j.end() || !body->is_object()) {
    return Status::InvalidArgument(std::string(where) + ".body must be an object");
  }
  r.body = *body;
  auto conflict = j.find("conflict");
  r.conflict = conflict != j.end() && conflict->is_boolean() && conflict->get<bool>();
  auto seq = GetOptInt(j, "seq", where);
  if (!seq.ok()) return seq.status();
  r.seq = seq->value_or(0);
  KINERJA_ASSIGN_OR_RETURN(auto updated, GetOptString(j, "updated_at", where));
  r.updated_at = updated.value_or("");
  return r;
}

Result<PullResponse> PullResponseFromJson(const Json& j) {
  PullResponse r;
  auto recs = j.is_object() ? j.find("records") : j.end();
  if (!j.is_object() || recs == j.end() || !recs->is_array()) {
    return Status::InvalidArgument("pull response: records must be an array");
  }
  for (size_t i = 0; i < recs->size(); ++i) {
    KINERJA_ASSIGN_OR_RETURN(auto rec, RecordFromJson((*recs)[i], ItemPath("records", i)));
    r.records.push_back(std::move(rec));
  }
  auto cursor = GetInt(j, "cursor", "pull");
  if (!cursor.ok()) return cursor.status();
  r.cursor = *cursor;
  auto more = GetBool(j, "more", "pull");
  if (!more.ok()) return more.status();
  r.more = *more;
  if (j.contains("head")) {
    auto head = GetInt(j, "head", "pull");
    if (!head.ok()) return head.status();
    r.head = *head;
  }
  return r;
}

Json ErrorJson(const Status& s) {
  return Json{{"error", {{"code", CodeName(s.code())}, {"message", s.message()}}}};
}

Json ErrorJson(const Status& s, const std::string& change_id) {
  Json j = ErrorJson(s);
  if (!change_id.empty()) j["error"]["change_id"] = change_id;
  return j;
}

Status StatusFromErrorJson(const Json& j) {
  if (!j.is_object() || !j.contains("error") || !j["error"].is_object()) {
    return Status::Internal("the server answered without an error body");
  }
  const Json& e = j["error"];
  std::string code = e.contains("code") && e["code"].is_string() ? e["code"].get<std::string>()
                                                                  : "internal";
  std::string msg = e.contains("message") && e["message"].is_string()
                        ? e["message"].get<std::string>()
                        : "no message";
  return Status(CodeFromName(code), msg);
}

}  // namespace kinerja::wire
