#pragma once
// Who is calling, resolved from a session token.

#include <string>

#include "shared/wire/auth.h"

namespace kinerja::server {

struct Principal {
  std::string user_id;
  std::string username;
  wire::Role role = wire::Role::kEmployee;
  std::string unit_path;
  std::string employee_id;
  std::string device_id;
};

}  // namespace kinerja::server
