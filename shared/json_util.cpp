#include "shared/json_util.h"

#include <cmath>

namespace kinerja {
namespace {

const char* TypeName(const Json& j) { return j.type_name(); }

}  // namespace

std::string FieldPath(std::string_view where, std::string_view key) {
  std::string s(where);
  if (!s.empty()) s += '.';
  s += key;
  return s;
}

std::string ItemPath(std::string_view where, size_t index) {
  std::string s(where);
  s += '[';
  s += std::to_string(index);
  s += ']';
  return s;
}

// Records the first parse error without throwing (a throw aborts in the wasm build).
class ErrorSax : public nlohmann::json_sax<Json> {
 public:
  std::string message;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex) override {
    message = "malformed JSON at byte " + std::to_string(position) + " near '" +
              last_token.substr(0, 20) + "': " + ex.what();
    return false;
  }
};

Result<Json> ParseJson(std::string_view text) {
  Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    ErrorSax sax;
    Json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json,
                    /*strict=*/true);
    return Status::InvalidArgument(sax.message.empty() ? "malformed JSON" : sax.message);
  }
  return j;
}

Result<std::string> GetString(const Json& obj, const char* key, std::string_view where) {
  if (!obj.is_object()) return Status::InvalidArgument(std::string(where) + " must be an object");
  auto it = obj.find(key);
  if (it == obj.end()) return Status::InvalidArgument(FieldPath(where, key) + " is missing");
  if (!it->is_string()) {
    return Status::InvalidArgument(FieldPath(where, key) + " must be a string, not " + TypeName(*it));
  }
  return it->get<std::string>();
}

Result<double> GetNumber(const Json& obj, const char* key, std::string_view where) {
  if (!obj.is_object()) return Status::InvalidArgument(std::string(where) + " must be an object");
  auto it = obj.find(key);
  if (it == obj.end()) return Status::InvalidArgument(FieldPath(where, key) + " is missing");
  if (!it->is_number()) {
    return Status::InvalidArgument(FieldPath(where, key) + " must be a number, not " + TypeName(*it));
  }
  double v = it->get<double>();
  if (!std::isfinite(v)) return Status::InvalidArgument(FieldPath(where, key) + " must be finite");
  return v;
}

Result<int64_t> GetInt(const Json& obj, const char* key, std::string_view where) {
  if (!obj.is_object()) return Status::InvalidArgument(std::string(where) + " must be an object");
  auto it = obj.find(key);
  if (it == obj.end()) return Status::InvalidArgument(FieldPath(where, key) + " is missing");
  if (!it->is_number_integer()) {
    return Status::InvalidArgument(FieldPath(where, key) + " must be an integer, not " +
                                   TypeName(*it));
  }
  return it->get<int64_t>();
}

Result<bool> GetBool(const Json& obj, const char* key, std::string_view where) {
  if (!obj.is_object()) return Status::InvalidArgument(std::string(where) + " must be an object");
  auto it = obj.find(key);
  if (it == obj.end()) return Status::InvalidArgument(FieldPath(where, key) + " is missing");
  if (!it->is_boolean()) {
    return Status::InvalidArgument(FieldPath(where, key) + " must be true or false, not " +
                                   TypeName(*it));
  }
  return it->get<bool>();
}

Result<std::optional<std::string>> GetOptString(const Json& obj, const char* key,
                                                std::string_view where) {
  if (!obj.is_object() || !obj.contains(key) || obj.at(key).is_null()) {
    return std::optional<std::string>();
  }
  KINERJA_ASSIGN_OR_RETURN(auto r, GetString(obj, key, where));
  return std::optional<std::string>(std::move(r));
}

Result<std::optional<double>> GetOptNumber(const Json& obj, const char* key,
                                           std::string_view where) {
  if (!obj.is_object() || !obj.contains(key) || obj.at(key).is_null()) {
    return std::optional<double>();
  }
  KINERJA_ASSIGN_OR_RETURN(auto r, GetNumber(obj, key, where));
  return std::optional<double>(r);
}

Result<std::optional<int64_t>> GetOptInt(const Json& obj, const char* key,
                                         std::string_view where) {
  if (!obj.is_object() || !obj.contains(key) || obj.at(key).is_null()) {
    return std::optional<int64_t>();
  }
  KINERJA_ASSIGN_OR_RETURN(auto r, GetInt(obj, key, where));
  return std::optional<int64_t>(r);
}

Status RejectUnknownKeys(const Json& obj, std::initializer_list<std::string_view> allowed,
                         std::string_view where) {
  if (!obj.is_object()) return Status::InvalidArgument(std::string(where) + " must be an object");
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool known = false;
    for (auto a : allowed) known = known || a == it.key();
    if (!known) {
      return Status::InvalidArgument("unknown field " + FieldPath(where, it.key().c_str()));
    }
  }
  return Status::Ok();
}

}  // namespace kinerja
