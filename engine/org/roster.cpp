#include "engine/org/roster.h"

#include <algorithm>
#include <optional>

namespace kinerja::org {
namespace {

std::string EmployeeLabel(size_t index, const std::string& id) {
  return "employee #" + std::to_string(index + 1) + " '" + id.substr(0, kMaxOrgIdLength) + "'";
}

}  // namespace

const char* EmployeeStatusName(EmployeeStatus s) {
  return s == EmployeeStatus::kActive ? "active" : "inactive";
}

Result<EmployeeStatus> ParseEmployeeStatus(std::string_view name) {
  if (name == "active") return EmployeeStatus::kActive;
  if (name == "inactive") return EmployeeStatus::kInactive;
  return Status::InvalidArgument("employee status '" + std::string(name.substr(0, 40)) +
                                 "' is not one of active, inactive");
}

Result<Roster> Roster::Build(std::vector<Employee> employees, const Date& today) {
  Roster r;
  for (size_t i = 0; i < employees.size(); ++i) {
    Employee& e = employees[i];
    const std::string label = EmployeeLabel(i, e.id);
    KINERJA_RETURN_IF_ERROR(ValidateOrgId(e.id, label + " id"));
    if (e.name.find_first_not_of(" \t") == std::string::npos) {
      return Status::InvalidArgument(label + " has a blank name");
    }
    Result<Nip> nip = ParseNip(e.nip, today);
    if (!nip.ok()) return Status::InvalidArgument(label + ": " + nip.status().message());
    e.nip = nip->canonical();
    KINERJA_RETURN_IF_ERROR(ValidateOrgId(e.position_id, label + " position_id"));
    KINERJA_RETURN_IF_ERROR(ValidateOrgId(e.unit_id, label + " unit_id"));
    if (!e.supervisor_id.empty()) {
      KINERJA_RETURN_IF_ERROR(ValidateOrgId(e.supervisor_id, label + " supervisor_id"));
    }
    auto [it, inserted] = r.index_.emplace(e.id, i);
    if (!inserted) {
      return Status::InvalidArgument(label + " repeats the id of employee #" +
                                     std::to_string(it->second + 1));
    }
    auto [nit, nip_new] = r.by_nip_.emplace(e.nip, i);
    if (!nip_new) {
      return Status::InvalidArgument(label + " has NIP " + e.nip + ", already used by employee '" +
                                     employees[nit->second].id + "'");
    }
  }
  std::vector<std::optional<size_t>> sup(employees.size());
  for (size_t i = 0; i < employees.size(); ++i) {
    const Employee& e = employees[i];
    if (e.supervisor_id.empty()) continue;
    if (e.supervisor_id == e.id) {
      return Status::InvalidArgument(EmployeeLabel(i, e.id) + " names itself as supervisor");
    }
    auto it = r.index_.find(e.supervisor_id);
    if (it == r.index_.end()) {
      return Status::InvalidArgument(EmployeeLabel(i, e.id) + " has supervisor_id '" +
                                     e.supervisor_id + "', who is not in the roster");
    }
    sup[i] = it->second;
  }
  // Cycle check: 0 unvisited, 1 on the current walk, 2 known to reach the top.
  std::vector<char> state(employees.size(), 0);
  for (size_t start = 0; start < employees.size(); ++start) {
    std::vector<size_t> walk;
    size_t cur = start;
    while (state[cur] == 0) {
      state[cur] = 1;
      walk.push_back(cur);
      if (!sup[cur]) break;
      cur = *sup[cur];
    }
    if (state[cur] == 1 && sup[cur]) {
      std::string chain = employees[cur].id;
      size_t c = *sup[cur];
      for (int guard = 0; c != cur && guard < 8; ++guard) {
        chain += " -> " + employees[c].id;
        c = *sup[c];
      }
      chain += c == cur ? " -> " + employees[cur].id : " -> ...";
      return Status::InvalidArgument("the supervisor links form a cycle: " + chain);
    }
    for (size_t w : walk) state[w] = 2;
  }
  r.reports_.resize(employees.size());
  for (size_t i = 0; i < employees.size(); ++i) {
    if (sup[i]) r.reports_[*sup[i]].push_back(i);
  }
  for (auto& list : r.reports_) {
    std::sort(list.begin(), list.end(),
              [&employees](size_t a, size_t b) { return employees[a].id < employees[b].id; });
  }
  r.employees_ = std::move(employees);
  return r;
}

Status Roster::UnknownEmployee(std::string_view id) const {
  return Status::NotFound("employee '" + std::string(id.substr(0, kMaxOrgIdLength)) +
                          "' is not in the roster");
}

const Employee* Roster::Find(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &employees_[it->second];
}

const Employee* Roster::FindByNip(std::string_view nip) const {
  std::string digits;
  for (char c : nip) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c != ' ') {
      return nullptr;
    }
  }
  auto it = by_nip_.find(digits);
  return it == by_nip_.end() ? nullptr : &employees_[it->second];
}

Result<std::vector<std::string>> Roster::DirectReports(std::string_view id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return UnknownEmployee(id);
  std::vector<std::string> out;
  for (size_t c : reports_[it->second]) out.push_back(employees_[c].id);
  return out;
}

Result<std::vector<std::string>> Roster::AllReports(std::string_view id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return UnknownEmployee(id);
  std::vector<std::string> out;
  const auto& top = reports_[it->second];
  std::vector<size_t> stack(top.rbegin(), top.rend());
  while (!stack.empty()) {
    const size_t c = stack.back();
    stack.pop_back();
    out.push_back(employees_[c].id);
    stack.insert(stack.end(), reports_[c].rbegin(), reports_[c].rend());
  }
  return out;
}

Result<const Employee*> Roster::PejabatPenilai(std::string_view id) const {
  const Employee* e = Find(id);
  if (e == nullptr) return UnknownEmployee(id);
  if (e->supervisor_id.empty()) return static_cast<const Employee*>(nullptr);
  return Find(e->supervisor_id);
}

Result<const Employee*> Roster::AtasanPejabatPenilai(std::string_view id) const {
  Result<const Employee*> p = PejabatPenilai(id);
  if (!p.ok() || *p == nullptr) return p;
  return PejabatPenilai((*p)->id);
}

Status Roster::CheckReferences(const OrgTree& tree, const PositionCatalog& positions) const {
  for (size_t i = 0; i < employees_.size(); ++i) {
    const Employee& e = employees_[i];
    if (tree.Find(e.unit_id) == nullptr) {
      return Status::InvalidArgument(EmployeeLabel(i, e.id) + " names unit '" + e.unit_id +
                                     "', which is not in the organisation");
    }
    const Position* p = positions.Find(e.position_id);
    if (p == nullptr) {
      return Status::InvalidArgument(EmployeeLabel(i, e.id) + " names position '" +
                                     e.position_id + "', which is not in the position catalog");
    }
    if (p->unit_id != e.unit_id) {
      return Status::InvalidArgument(EmployeeLabel(i, e.id) + " is in unit '" + e.unit_id +
                                     "' but position '" + p->id + "' belongs to unit '" +
                                     p->unit_id + "'");
    }
  }
  return Status::Ok();
}

}  // namespace kinerja::org
