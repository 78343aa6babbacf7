#pragma once
// Checks shared by the record kinds' rules (record_kinds.cpp and the files of each family of
// kinds): who may
// write, whether an employee or unit lies in the caller's scope, who appraises whom.

#include <initializer_list>
#include <string>

#include "server/record_kinds.h"

namespace kinerja::server::kinds {

bool IsOneOf(wire::Role r, std::initializer_list<wire::Role> roles);
bool IsHrOrAdmin(const Principal& who);
bool StartsWith(const std::string& s, const std::string& prefix);

// OK when the caller's role is one of `roles`; else kPermissionDenied naming role and kind.
Status RoleMayWrite(const Principal& who, const std::string& kind, const std::string& where,
                    std::initializer_list<wire::Role> roles);

// The employee record `employee_id` if it lies in the caller's organisation subtree (HR and
// admin: anywhere); kNotFound otherwise. The record lives in `employees` (the push's cache).
Result<const StoredRecord*> EmployeeInScope(Database& db, const Principal& who,
                                            const std::string& employee_id,
                                            const std::string& where, EmployeeCache& employees);

// Whether the caller is the employee's supervisor (appraiser).
bool IsAppraiserOf(const Principal& who, const StoredRecord& employee);

// Scores `skp` (the `kinerja appraise` input) with the engine, using the built-in templates or
// the city's versions stored centrally, into body["result"]. A draft that does not score keeps
// the engine's error there; otherwise kInvalidArgument naming `where_body`.skp.
Status ScoreSkpInto(Database& db, const Json& skp, bool draft, const std::string& where_body,
                    Json& body);

// The unit record ("unit.<id>") of `unit_id`; kNotFound when there is none.
Result<StoredRecord> UnitRecord(Database& db, const std::string& unit_id, const std::string& where);

}  // namespace kinerja::server::kinds
