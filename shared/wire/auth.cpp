#include "shared/wire/auth.h"

#include "shared/wire/sync.h"

namespace kinerja::wire {

const char* RoleName(Role r) {
  switch (r) {
    case Role::kEmployee: return "employee";
    case Role::kEnumerator: return "enumerator";
    case Role::kSupervisor: return "supervisor";
    case Role::kHr: return "hr";
    case Role::kAdmin: return "admin";
  }
  return "employee";
}

Result<Role> RoleFromName(std::string_view name) {
  for (Role r : {Role::kEmployee, Role::kEnumerator, Role::kSupervisor, Role::kHr, Role::kAdmin}) {
    if (name == RoleName(r)) return r;
  }
  return Status::InvalidArgument("role '" + std::string(name) +
                                 "' is unknown; use employee, enumerator, supervisor, hr or admin");
}

Json ToJson(const LoginRequest& r) {
  return Json{{"username", r.username}, {"password", r.password}, {"device_id", r.device_id},
              {"device_label", r.device_label}};
}

Result<LoginRequest> LoginRequestFromJson(const Json& j) {
  KINERJA_RETURN_IF_ERROR(
      RejectUnknownKeys(j, {"username", "password", "device_id", "device_label"}, "login"));
  LoginRequest r;
  KINERJA_ASSIGN_OR_RETURN(auto u, GetString(j, "username", "login"));
  r.username = u;
  KINERJA_ASSIGN_OR_RETURN(auto p, GetString(j, "password", "login"));
  r.password = p;
  KINERJA_ASSIGN_OR_RETURN(auto d, GetString(j, "device_id", "login"));
  r.device_id = d;
  if (!IsValidId(r.device_id)) {
    return Status::InvalidArgument("login.device_id must be 1-64 characters of A-Z a-z 0-9 _ . -");
  }
  KINERJA_ASSIGN_OR_RETURN(auto l, GetOptString(j, "device_label", "login"));
  r.device_label = l.value_or("");
  if (r.username.empty() || r.username.size() > 64 || r.password.size() > 256 ||
      r.device_label.size() > 128) {
    return Status::InvalidArgument("login: username 1-64, password at most 256 characters");
  }
  return r;
}

Json ToJson(const Session& s) {
  return Json{{"token", s.token},
              {"expires_at", s.expires_at},
              {"user", {{"id", s.user_id}, {"username", s.username},
                        {"display_name", s.display_name}, {"role", RoleName(s.role)},
                        {"employee_id", s.employee_id}, {"unit_path", s.unit_path}}}};
}

Result<Session> SessionFromJson(const Json& j) {
  Session s;
  auto token = GetString(j, "token", "session");
  if (!token.ok()) return token.status();
  s.token = *token;
  KINERJA_ASSIGN_OR_RETURN(auto exp, GetString(j, "expires_at", "session"));
  s.expires_at = exp;
  if (!j.contains("user") || !j["user"].is_object()) {
    return Status::InvalidArgument("session.user must be an object");
  }
  const Json& u = j["user"];
  for (auto [key, out] : {std::pair{"id", &s.user_id}, std::pair{"username", &s.username},
                          std::pair{"display_name", &s.display_name},
                          std::pair{"employee_id", &s.employee_id},
                          std::pair{"unit_path", &s.unit_path}}) {
    KINERJA_ASSIGN_OR_RETURN(auto v, GetString(u, key, "session.user"));
    *out = v;
  }
  auto role = GetString(u, "role", "session.user");
  if (!role.ok()) return role.status();
  KINERJA_ASSIGN_OR_RETURN(auto r, RoleFromName(*role));
  s.role = r;
  return s;
}

}  // namespace kinerja::wire
