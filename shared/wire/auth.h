#pragma once
// Login on the wire: the request a device sends and the session it receives.

#include <string>

#include "shared/json_util.h"
#include "shared/result.h"

namespace kinerja::wire {

// Roles, from least to most access. Stored and sent as their lower-case names.
enum class Role { kEmployee, kEnumerator, kSupervisor, kHr, kAdmin };
const char* RoleName(Role r);
Result<Role> RoleFromName(std::string_view name);

struct LoginRequest {
  std::string username;
  std::string password;
  std::string device_id;
  std::string device_label;  // e.g. "Tablet loket 2"; optional
};

// What a device keeps after logging in.
struct Session {
  std::string token;         // bearer token; the server stores only its hash
  std::string expires_at;    // ISO-8601 UTC
  std::string user_id;
  std::string username;
  std::string display_name;
  Role role = Role::kEmployee;
  std::string employee_id;   // the user's own employee record, if any
  std::string unit_path;     // the organisation subtree the user works in
};

Json ToJson(const LoginRequest& r);
Result<LoginRequest> LoginRequestFromJson(const Json& j);
Json ToJson(const Session& s);
Result<Session> SessionFromJson(const Json& j);

}  // namespace kinerja::wire
