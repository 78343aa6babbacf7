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

// The unit tree of `units` (body unit_id, name, kind, parent_id), each with no staff yet, and
// a way to count staff into a unit and every unit above it.
class Tree {
 public:
  explicit Tree(const std::vector<const Json*>& units) {
    for (const Json* body : units) {
      std::string id = Text(*body, "unit_id");
      if (id.empty()) continue;
      Node& n = nodes_[id];
      n.id = id;
      n.parent = Text(*body, "parent_id");
      n.name = Text(*body, "name");
      if (n.name.empty()) n.name = id;
      n.kind = Text(*body, "kind");
    }
    std::vector<std::string> roots;
    for (auto& [id, n] : nodes_) {
      auto parent = nodes_.find(n.parent);
      if (n.parent.empty() || n.parent == id || parent == nodes_.end()) {
        roots.push_back(id);
      } else {
        parent->second.children.push_back(id);
      }
    }
    std::sort(roots.begin(), roots.end(), [this](const auto& a, const auto& b) { return ByName(a, b); });
    for (const auto& r : roots) Visit(r, 0, -1);
    // Units only on a cycle have no root: the smallest id of each starts its own tree.
    for (auto& [id, n] : nodes_) Visit(id, 0, -1);
  }

  // Counts `n` staff of `status` in the workspace, and in `unit_id` and the units above it
  // when it is one of the tree's.
  void Count(const std::string& unit_id, size_t status, int n) {
    w_.staff += n;
    w_.status[status] += n;
    auto at = index_.find(unit_id);
    if (at == index_.end()) return;
    for (int u = at->second; u >= 0; u = parent_of_[w_.units[static_cast<size_t>(u)].id]) {
      w_.units[static_cast<size_t>(u)].staff += n;
      w_.units[static_cast<size_t>(u)].status[status] += n;
    }
  }

  HrWorkspace Take() { return std::move(w_); }

 private:
  bool ByName(const std::string& a, const std::string& b) {
    const Node &x = nodes_[a], &y = nodes_[b];
    return x.name != y.name ? x.name < y.name : x.id < y.id;
  }
  // Depth first; a unit reached twice (a parent cycle) is drawn once.
  void Visit(const std::string& id, int depth, int parent) {
    if (index_.count(id)) return;
    Node& n = nodes_[id];
    index_[id] = static_cast<int>(w_.units.size());
    parent_of_[id] = parent;
    w_.units.push_back({n.id, n.name, n.kind, depth, 0, {}});
    std::sort(n.children.begin(), n.children.end(),
              [this](const auto& a, const auto& b) { return ByName(a, b); });
    const int here = index_[id];
    for (const auto& c : n.children) Visit(c, depth + 1, here);
  }

  std::map<std::string, Node> nodes_;
  HrWorkspace w_;
  std::map<std::string, int> index_;      // unit id -> position in w_.units
  std::map<std::string, int> parent_of_;  // unit id -> the parent's position
};

}  // namespace

HrWorkspace BuildHrWorkspace(const std::vector<wire::Record>& unit_records,
                             const std::vector<wire::Record>& employees,
                             const AppraisalStatuses& statuses) {
  std::vector<const Json*> bodies;
  for (const auto& r : unit_records) {
    if (r.kind == "unit") bodies.push_back(&r.body);
  }
  Tree tree(bodies);
  for (const auto& e : employees) {
    if (e.kind != "employee") continue;
    auto found = statuses.find(e.id);
    auto status =
        static_cast<size_t>(found == statuses.end() ? AppraisalStatus::kNotStarted : found->second);
    tree.Count(Text(e.body, "unit_id"), status, 1);
  }
  return tree.Take();
}

Result<HrWorkspace> BuildHrWorkspaceFromSummary(const Json& summary) {
  if (!summary.is_object() || summary.value("report", "") != "workspace" ||
      !summary.contains("units") || !summary["units"].is_array() ||
      !summary.contains("totals") || !summary["totals"].is_object()) {
    return Status::InvalidArgument("not a workspace summary (GET /api/v1/reports/workspace)");
  }
  std::vector<const Json*> bodies;
  for (const auto& u : summary["units"]) {
    if (u.is_object()) bodies.push_back(&u);
  }
  Tree tree(bodies);
  auto count_of = [](const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? std::max(0, it->get<int>()) : 0;
  };
  std::array<int, kAppraisalStatusCount> in_units{};
  for (const Json* u : bodies) {
    for (size_t s = 0; s < in_units.size(); ++s) {
      const int n = count_of(*u, AppraisalStatusCode(static_cast<AppraisalStatus>(s)));
      tree.Count(Text(*u, "unit_id"), s, n);
      in_units[s] += n;
    }
  }
  // Staff of no known unit count in the whole city only, as on the device.
  for (size_t s = 0; s < in_units.size(); ++s) {
    const int rest =
        count_of(summary["totals"], AppraisalStatusCode(static_cast<AppraisalStatus>(s))) - in_units[s];
    if (rest > 0) tree.Count("", s, rest);
  }
  HrWorkspace w = tree.Take();
  w.server_as_of = summary.value("as_of", "");
  if (w.server_as_of.empty()) w.server_as_of = "?";
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
