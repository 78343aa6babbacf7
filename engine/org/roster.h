#pragma once
// The people of an organisation and who appraises whom. Each employee's supervisor is the
// atasan langsung, who acts as pejabat penilai kinerja (the official who rates the employee);
// the supervisor's supervisor is the atasan pejabat penilai (who signs off the rating).

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/org/date.h"
#include "engine/org/nip.h"
#include "engine/org/org_tree.h"
#include "engine/org/position.h"
#include "shared/result.h"

namespace kinerja::org {

enum class EmployeeStatus { kActive, kInactive };

// "active" / "inactive".
const char* EmployeeStatusName(EmployeeStatus s);
Result<EmployeeStatus> ParseEmployeeStatus(std::string_view name);

struct Employee {
  std::string id;
  std::string nip;  // as entered; Roster::Build stores the canonical 18-digit form
  std::string name;
  std::string position_id;
  std::string unit_id;
  std::string supervisor_id;  // empty: no supervisor in this roster (top of the chain)
  EmployeeStatus status = EmployeeStatus::kActive;
};

// An immutable, validated set of employees. Report lists come in id order, so queries do not
// depend on the order of the input.
class Roster {
 public:
  Roster() = default;

  // Validates and indexes `employees`. `today` bounds the NIP checks (see ParseNip). Fails with
  // kInvalidArgument when an id is malformed or repeated, a name is blank, a NIP is invalid or
  // used twice, a supervisor is the employee itself or not in the list, or the supervisor links
  // form a cycle. Inactive supervisors are allowed (docs/rules/org.md §"Employees and roster").
  static Result<Roster> Build(std::vector<Employee> employees, const Date& today);

  size_t size() const { return employees_.size(); }
  // All employees in input order.
  const std::vector<Employee>& employees() const { return employees_; }
  // nullptr when absent; pointers live as long as the roster.
  const Employee* Find(std::string_view id) const;
  // Looks up by NIP in any accepted spelling (spaces allowed); nullptr when absent or malformed.
  const Employee* FindByNip(std::string_view nip) const;
  // Ids of those whose supervisor is `id`; kNotFound for an unknown id.
  Result<std::vector<std::string>> DirectReports(std::string_view id) const;
  // Everyone below `id` in the supervisor chain (not `id` itself), depth-first, id order per level.
  Result<std::vector<std::string>> AllReports(std::string_view id) const;
  // The pejabat penilai (direct supervisor), or nullptr at the top; kNotFound for an unknown id.
  Result<const Employee*> PejabatPenilai(std::string_view id) const;
  // The atasan pejabat penilai (supervisor's supervisor), or nullptr when the chain is shorter.
  Result<const Employee*> AtasanPejabatPenilai(std::string_view id) const;

  // Checks the roster against the organisation: every unit_id is in `tree`, every position_id
  // in `positions`, and each employee's unit equals their position's unit. kInvalidArgument
  // naming the employee.
  Status CheckReferences(const OrgTree& tree, const PositionCatalog& positions) const;

 private:
  Status UnknownEmployee(std::string_view id) const;

  std::vector<Employee> employees_;
  std::map<std::string, size_t, std::less<>> index_;
  std::map<std::string, size_t, std::less<>> by_nip_;
  std::vector<std::vector<size_t>> reports_;  // per employee, sorted by id
};

}  // namespace kinerja::org
