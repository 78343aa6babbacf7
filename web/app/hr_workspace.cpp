// The HR workspace's state: the unit tree and its counts (pure; tested natively).
#include "web/app/hr_workspace.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "engine/org/period.h"

namespace kinerja::web {
namespace {

std::string Text(const Json& body, const char* key) {
  if (!body.is_object()) return "";
  auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : "";
}

struct Node {
  std::string id, parent, name, kind;
  std::vector<std::string> children;
};

}  // namespace

HrWorkspace BuildHrWorkspace(const std::vector<wire::Record>& unit_records,
                             const std::vector<wire::Record>& employees,
                             const AppraisalStatuses& statuses) {
  std::map<std::string, Node> nodes;
  for (const auto& r : unit_records) {
    if (r.kind != "unit") continue;
    std::string id = Text(r.body, "unit_id");
    if (id.empty()) continue;
    Node& n = nodes[id];
    n.id = id;
    n.parent = Text(r.body, "parent_id");
    n.name = Text(r.body, "name");
    if (n.name.empty()) n.name = id;
    n.kind = Text(r.body, "kind");
  }
  std::vector<std::string> roots;
  for (auto& [id, n] : nodes) {
    auto parent = nodes.find(n.parent);
    if (n.parent.empty() || n.parent == id || parent == nodes.end()) {
      roots.push_back(id);
    } else {
      parent->second.children.push_back(id);
    }
  }
  auto by_name = [&](const std::string& a, const std::string& b) {
    const Node &x = nodes[a], &y = nodes[b];
    return x.name != y.name ? x.name < y.name : x.id < y.id;
  };

  HrWorkspace w;
  std::map<std::string, int> index;      // unit id -> position in w.units
  std::map<std::string, int> parent_of;  // position -> parent's position, via unit id
  // Depth first from each root; a unit reached twice (a parent cycle) is drawn once.
  auto visit = [&](auto& self, const std::string& id, int depth, int parent) -> void {
    if (index.count(id)) return;
    Node& n = nodes[id];
    index[id] = static_cast<int>(w.units.size());
    parent_of[id] = parent;
    w.units.push_back({n.id, n.name, n.kind, depth, 0, {}});
    std::sort(n.children.begin(), n.children.end(), by_name);
    int here = index[id];
    for (const auto& c : n.children) self(self, c, depth + 1, here);
  };
  std::sort(roots.begin(), roots.end(), by_name);
  for (const auto& r : roots) visit(visit, r, 0, -1);
  // Units only on a cycle have no root: the smallest id of each starts its own tree.
  for (auto& [id, n] : nodes) visit(visit, id, 0, -1);

  for (const auto& e : employees) {
    if (e.kind != "employee") continue;
    auto found = statuses.find(e.id);
    auto status =
        static_cast<size_t>(found == statuses.end() ? AppraisalStatus::kNotStarted : found->second);
    ++w.staff;
    ++w.status[status];
    auto at = index.find(Text(e.body, "unit_id"));
    if (at == index.end()) continue;
    for (int u = at->second; u >= 0; u = parent_of[w.units[static_cast<size_t>(u)].id]) {
      ++w.units[static_cast<size_t>(u)].staff;
      ++w.units[static_cast<size_t>(u)].status[status];
    }
  }
  return w;
}

std::vector<std::string> HrPeriods(const std::string& current, int count) {
  char* end = nullptr;
  long year = std::strtol(current.c_str(), &end, 10);
  if (current.size() != 4 || *end != '\0' || year < org::kMinPeriodYear) return {current};
  std::vector<std::string> out;
  for (long y = year; y > year - std::max(count, 1) && y >= org::kMinPeriodYear; --y)
    out.push_back(std::to_string(y));
  return out;
}

std::string HrPeriodKey(const std::string& year, int part) {
  if (part == 1) return year + "-S1";
  if (part == 2) return year + "-S2";
  return year;
}

}  // namespace kinerja::web
