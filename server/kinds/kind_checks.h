#pragma once
// Checks shared by the record kinds' rules (record_kinds.cpp and the files of each family of
// kinds): who may
// write, whether an employee or unit lies in the caller's scope, who appraises whom.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/kinds/record_kinds.h"

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

// What a kind's check begins with, in this order: who may write it, whether the stored record
// is already final, the body's known keys, its employee (when "employee_id" is one of the
// keys; a unit kind has none), its period and its status. A kind
// sets the parts it has; an empty or null part is not checked.
struct CommonRules {
  std::vector<wire::Role> writers;         // empty: any role (the kind checks the caller)
  const char* noun = "";                   // "appraisal", for messages
  const char* final_status = nullptr;      // a stored body with this status is final (kLocked)
  const char* final_words = "";            // how the message says it: "signed off"
  // The body's known keys (others: kInvalidArgument). Rules are namespace-scope constants, so
  // the list lives as long as the program.
  std::initializer_list<std::string_view> keys;
  bool period_required = false;            // "period" must be present (else it is optional)
  bool period_bounded = false;             // ... and 1-wire::kMaxPeriodChars characters
  std::vector<std::string> statuses;       // "status" must be one of these; empty: no status
};

// The fields the common beginning read from the body.
struct CommonFields {
  std::string employee_id;            // "" for a kind whose keys have no employee_id
  std::optional<std::string> period;  // always set when CommonRules::period_required
  std::string status;                 // "" when the kind has no status
};

// Checks the beginning every employee-related kind shares (see CommonRules): kPermissionDenied
// for a role not in `writers`, kLocked for a final record, kInvalidArgument for an unknown
// key or a missing, mistyped or out-of-range employee_id, period or status, naming the field.
Result<CommonFields> BeginCheck(const Principal& who, const wire::Change& c,
                                const std::optional<StoredRecord>& existing,
                                const std::string& where, const CommonRules& rules);

// The employee a record is about, for kinds an appraiser writes: in the caller's scope
// (kNotFound otherwise), appraised by the caller when a supervisor writes
// (kPermissionDenied), and the same employee as the stored record's (kInvalidArgument: "`a_noun`
// cannot move to another employee").
Result<const StoredRecord*> AppraisedEmployee(Database& db, const Principal& who,
                                              const std::string& employee_id,
                                              const std::optional<StoredRecord>& existing,
                                              const char* a_noun, const std::string& where,
                                              EmployeeCache& employees);

// OK when `text` (the body's field `field`) is well-formed UTF-8 of `min_chars` to
// wire::kMaxTextChars characters (code points, shared/utf8.h); else kInvalidArgument
// "<where_body>.<field> must be 1-4000 characters (has N)" or "... is not valid UTF-8 text".
Status TextWithinLimit(const std::string& text, const char* field, const std::string& where_body,
                       size_t min_chars = 0);

// The unit record ("unit.<id>") of `unit_id`; kNotFound when there is none.
Result<StoredRecord> UnitRecord(Database& db, const std::string& unit_id, const std::string& where);

}  // namespace kinerja::server::kinds
