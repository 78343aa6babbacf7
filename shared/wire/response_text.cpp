#include "shared/wire/response_text.h"

#include <charconv>

namespace kinerja::wire {
namespace {

// A JSON string as nlohmann's dump writes it (invalid UTF-8 replaced, as the server's dumps do).
void AppendString(std::string* out, const std::string& s) {
  bool plain = true;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
      plain = false;
      break;
    }
  }
  if (plain) {
    *out += '"';
    *out += s;
    *out += '"';
  } else {
    *out += Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
  }
}

void AppendKey(std::string* out, const char* key) {
  *out += '"';
  *out += key;
  *out += "\":";
}

void AppendValue(std::string* out, const Json& j) {
  switch (j.type()) {
    case Json::value_t::object: {
      *out += '{';
      bool first = true;
      for (const auto& [key, value] : j.items()) {
        if (!first) *out += ',';
        first = false;
        AppendString(out, key);
        *out += ':';
        AppendValue(out, value);
      }
      *out += '}';
      return;
    }
    case Json::value_t::array: {
      *out += '[';
      for (size_t i = 0; i < j.size(); ++i) {
        if (i > 0) *out += ',';
        AppendValue(out, j[i]);
      }
      *out += ']';
      return;
    }
    case Json::value_t::string: AppendString(out, j.get_ref<const std::string&>()); return;
    default: *out += j.dump(); return;  // numbers, booleans, null: as nlohmann writes them
  }
}

}  // namespace

std::string JsonText(const Json& j) {
  std::string out;
  out.reserve(256);
  AppendValue(&out, j);
  return out;
}

std::string PushResponseText(const PushResponse& r) {
  std::string out = "{\"acks\":[";
  out.reserve(16 + r.acks.size() * 72);
  for (size_t i = 0; i < r.acks.size(); ++i) {
    const ChangeAck& a = r.acks[i];
    out += i > 0 ? ",{" : "{";
    AppendKey(&out, "change_id");
    AppendString(&out, a.change_id);
    out += ",\"outcome\":\"";
    out += OutcomeName(a.outcome);
    out += "\",\"version\":";
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, a.version).ptr);
    out += '}';
  }
  out += "]}";
  return out;
}

std::string PullResponseText(const PullResponse& r, const std::vector<std::string>& body_texts) {
  const bool texts = body_texts.size() == r.records.size();
  // Keys in nlohmann's order (sorted), as ToJson(r).dump() writes them.
  std::string out = "{\"cursor\":" + std::to_string(r.cursor);
  if (r.head > 0) out += ",\"head\":" + std::to_string(r.head);
  out += r.more ? ",\"more\":true,\"records\":[" : ",\"more\":false,\"records\":[";
  for (size_t i = 0; i < r.records.size(); ++i) {
    const Record& x = r.records[i];
    out += i > 0 ? ",{" : "{";
    AppendKey(&out, "author_id");
    AppendString(&out, x.author_id);
    out += ',';
    AppendKey(&out, "body");
    out += texts ? body_texts[i] : x.body.dump(-1, ' ', false, Json::error_handler_t::replace);
    out += x.conflict ? ",\"conflict\":true," : ",\"conflict\":false,";
    AppendKey(&out, "id");
    AppendString(&out, x.id);
    out += ',';
    AppendKey(&out, "kind");
    AppendString(&out, x.kind);
    out += ",\"seq\":" + std::to_string(x.seq) + ',';
    AppendKey(&out, "subject_id");
    AppendString(&out, x.subject_id);
    out += ',';
    AppendKey(&out, "unit_path");
    AppendString(&out, x.unit_path);
    out += ',';
    AppendKey(&out, "updated_at");
    AppendString(&out, x.updated_at);
    out += ",\"version\":" + std::to_string(x.version) + '}';
  }
  out += "]}";
  return out;
}

}  // namespace kinerja::wire
