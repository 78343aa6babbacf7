#include "engine/org/org_tree.h"

#include <algorithm>
#include <cstdio>

namespace kinerja::org {
namespace {

constexpr UnitKind kAllKinds[] = {
    UnitKind::kPemerintahKota, UnitKind::kDinas,     UnitKind::kBadan, UnitKind::kBidang,
    UnitKind::kBagian,         UnitKind::kSeksi,     UnitKind::kSubbagian, UnitKind::kUpt,
    UnitKind::kKecamatan,      UnitKind::kKelurahan,
};

std::string UnitLabel(size_t index, const std::string& id) {
  return "unit #" + std::to_string(index + 1) + " '" + id.substr(0, kMaxOrgIdLength) + "'";
}

}  // namespace

Status ValidateOrgId(std::string_view id, std::string_view what) {
  if (id.empty()) return Status::InvalidArgument(std::string(what) + " is empty");
  if (id.size() > kMaxOrgIdLength) {
    return Status::InvalidArgument(std::string(what) + " has " + std::to_string(id.size()) +
                                   " characters; the limit is " +
                                   std::to_string(kMaxOrgIdLength));
  }
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) {
      const unsigned char u = static_cast<unsigned char>(c);
      char shown[16];
      if (u >= 0x20 && u < 0x7f) {
        std::snprintf(shown, sizeof shown, "'%c'", c);
      } else {
        std::snprintf(shown, sizeof shown, "byte 0x%02X", static_cast<unsigned>(u));
      }
      return Status::InvalidArgument(std::string(what) + " has " + shown + " at position " +
                                     std::to_string(i + 1) +
                                     "; ids may contain only letters, digits, '.', '_' and '-'");
    }
  }
  return Status::Ok();
}

const char* UnitKindName(UnitKind kind) {
  switch (kind) {
    case UnitKind::kPemerintahKota: return "pemerintah_kota";
    case UnitKind::kDinas: return "dinas";
    case UnitKind::kBadan: return "badan";
    case UnitKind::kBidang: return "bidang";
    case UnitKind::kBagian: return "bagian";
    case UnitKind::kSeksi: return "seksi";
    case UnitKind::kSubbagian: return "subbagian";
    case UnitKind::kUpt: return "upt";
    case UnitKind::kKecamatan: return "kecamatan";
    case UnitKind::kKelurahan: return "kelurahan";
  }
  return "?";
}

Result<UnitKind> ParseUnitKind(std::string_view name) {
  for (UnitKind k : kAllKinds) {
    if (name == UnitKindName(k)) return k;
  }
  return Status::InvalidArgument(
      "unit kind '" + std::string(name.substr(0, 40)) +
      "' is not one of pemerintah_kota, dinas, badan, bidang, bagian, seksi, subbagian, upt, "
      "kecamatan, kelurahan");
}

bool IsAllowedNesting(UnitKind parent, UnitKind child) {
  using K = UnitKind;
  switch (parent) {
    case K::kPemerintahKota:
      return child == K::kDinas || child == K::kBadan || child == K::kKecamatan ||
             child == K::kBagian;
    case K::kDinas:
    case K::kBadan:
      return child == K::kBidang || child == K::kBagian || child == K::kSeksi ||
             child == K::kSubbagian || child == K::kUpt;
    case K::kKecamatan:
      return child == K::kSeksi || child == K::kSubbagian || child == K::kKelurahan;
    case K::kBidang:
      return child == K::kSeksi || child == K::kUpt;
    case K::kBagian:
    case K::kUpt:
    case K::kKelurahan:
      return child == K::kSeksi || child == K::kSubbagian;
    case K::kSeksi:
    case K::kSubbagian:
      return false;
  }
  return false;
}

bool MayBeRoot(UnitKind) { return true; }

Result<OrgTree> OrgTree::Build(std::vector<OrgUnit> units) {
  if (units.empty()) {
    return Status::InvalidArgument("the organisation has no units; at least one root is needed");
  }
  OrgTree tree;
  tree.nodes_.reserve(units.size());
  for (size_t i = 0; i < units.size(); ++i) {
    OrgUnit& u = units[i];
    KINERJA_RETURN_IF_ERROR(ValidateOrgId(u.id, UnitLabel(i, u.id) + " id"));
    if (!u.parent_id.empty()) {
      KINERJA_RETURN_IF_ERROR(ValidateOrgId(u.parent_id, UnitLabel(i, u.id) + " parent_id"));
    }
    if (u.name.find_first_not_of(" \t") == std::string::npos) {
      return Status::InvalidArgument(UnitLabel(i, u.id) + " has a blank name");
    }
    auto [it, inserted] = tree.index_.emplace(u.id, i);
    if (!inserted) {
      return Status::InvalidArgument(UnitLabel(i, u.id) + " repeats the id of unit #" +
                                     std::to_string(it->second + 1));
    }
    Node n;
    n.unit = std::move(u);
    tree.nodes_.push_back(std::move(n));
  }
  // Parents and nesting.
  for (size_t i = 0; i < tree.nodes_.size(); ++i) {
    Node& n = tree.nodes_[i];
    if (n.unit.parent_id.empty()) {
      if (!MayBeRoot(n.unit.kind)) {
        return Status::InvalidArgument(UnitLabel(i, n.unit.id) + " of kind " +
                                       UnitKindName(n.unit.kind) + " may not be a root");
      }
      continue;
    }
    if (n.unit.parent_id == n.unit.id) {
      return Status::InvalidArgument(UnitLabel(i, n.unit.id) + " names itself as its parent");
    }
    auto p = tree.IndexOf(n.unit.parent_id);
    if (!p) {
      return Status::InvalidArgument(UnitLabel(i, n.unit.id) + " has unknown parent_id '" +
                                     n.unit.parent_id + "'");
    }
    n.parent = *p;
  }
  // Cycles: walk up from every unit; 0 = unvisited, 1 = on the current walk, 2 = reaches a root.
  std::vector<char> state(tree.nodes_.size(), 0);
  for (size_t start = 0; start < tree.nodes_.size(); ++start) {
    std::vector<size_t> walk;
    size_t cur = start;
    while (state[cur] == 0) {
      state[cur] = 1;
      walk.push_back(cur);
      if (!tree.nodes_[cur].parent) break;
      cur = *tree.nodes_[cur].parent;
    }
    if (state[cur] == 1 && tree.nodes_[cur].parent) {
      // `cur` was reached twice on this walk: a cycle through it.
      std::string chain = tree.nodes_[cur].unit.id;
      size_t c = *tree.nodes_[cur].parent;
      for (int guard = 0; c != cur && guard < 8; ++guard) {
        chain += " -> " + tree.nodes_[c].unit.id;
        c = *tree.nodes_[c].parent;
      }
      chain += c == cur ? " -> " + tree.nodes_[cur].unit.id : " -> ...";
      return Status::InvalidArgument("the parent links form a cycle: " + chain);
    }
    for (size_t w : walk) state[w] = 2;
  }
  for (size_t i = 0; i < tree.nodes_.size(); ++i) {
    Node& n = tree.nodes_[i];
    if (!n.parent) continue;
    const Node& parent = tree.nodes_[*n.parent];
    if (!IsAllowedNesting(parent.unit.kind, n.unit.kind)) {
      return Status::InvalidArgument(UnitLabel(i, n.unit.id) + " of kind " +
                                     UnitKindName(n.unit.kind) + " may not sit under '" +
                                     parent.unit.id + "' of kind " +
                                     UnitKindName(parent.unit.kind));
    }
    tree.nodes_[*n.parent].children.push_back(i);
  }
  for (Node& n : tree.nodes_) {
    std::sort(n.children.begin(), n.children.end(), [&tree](size_t a, size_t b) {
      return tree.nodes_[a].unit.id < tree.nodes_[b].unit.id;
    });
  }
  // Depths and materialised paths, top-down from the roots.
  std::vector<size_t> stack;
  for (size_t i = 0; i < tree.nodes_.size(); ++i) {
    if (!tree.nodes_[i].parent) {
      tree.nodes_[i].depth = 0;
      tree.nodes_[i].path = "/" + tree.nodes_[i].unit.id + "/";
      stack.push_back(i);
    }
  }
  while (!stack.empty()) {
    const size_t i = stack.back();
    stack.pop_back();
    for (size_t c : tree.nodes_[i].children) {
      tree.nodes_[c].depth = tree.nodes_[i].depth + 1;
      tree.nodes_[c].path = tree.nodes_[i].path + tree.nodes_[c].unit.id + "/";
      stack.push_back(c);
    }
  }
  return tree;
}

std::optional<size_t> OrgTree::IndexOf(std::string_view id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

Status OrgTree::UnknownUnit(std::string_view id) const {
  return Status::NotFound("unit '" + std::string(id.substr(0, kMaxOrgIdLength)) +
                          "' is not in the organisation");
}

const OrgUnit* OrgTree::Find(std::string_view id) const {
  auto i = IndexOf(id);
  return i ? &nodes_[*i].unit : nullptr;
}

std::vector<std::string> OrgTree::Roots() const {
  std::vector<std::string> out;
  for (const Node& n : nodes_) {
    if (!n.parent) out.push_back(n.unit.id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::vector<std::string>> OrgTree::Children(std::string_view id) const {
  auto i = IndexOf(id);
  if (!i) return UnknownUnit(id);
  std::vector<std::string> out;
  for (size_t c : nodes_[*i].children) out.push_back(nodes_[c].unit.id);
  return out;
}

Result<std::vector<std::string>> OrgTree::Path(std::string_view id) const {
  auto i = IndexOf(id);
  if (!i) return UnknownUnit(id);
  std::vector<std::string> out;
  for (std::optional<size_t> c = *i; c; c = nodes_[*c].parent) out.push_back(nodes_[*c].unit.id);
  std::reverse(out.begin(), out.end());
  return out;
}

Result<std::string> OrgTree::MaterializedPath(std::string_view id) const {
  auto i = IndexOf(id);
  if (!i) return UnknownUnit(id);
  return nodes_[*i].path;
}

Result<std::vector<std::string>> OrgTree::Descendants(std::string_view id) const {
  auto i = IndexOf(id);
  if (!i) return UnknownUnit(id);
  std::vector<std::string> out;
  std::vector<size_t> stack(nodes_[*i].children.rbegin(), nodes_[*i].children.rend());
  while (!stack.empty()) {
    const size_t c = stack.back();
    stack.pop_back();
    out.push_back(nodes_[c].unit.id);
    stack.insert(stack.end(), nodes_[c].children.rbegin(), nodes_[c].children.rend());
  }
  return out;
}

Result<bool> OrgTree::IsInSubtree(std::string_view unit, std::string_view ancestor) const {
  auto u = IndexOf(unit);
  if (!u) return UnknownUnit(unit);
  auto a = IndexOf(ancestor);
  if (!a) return UnknownUnit(ancestor);
  const std::string& up = nodes_[*u].path;
  const std::string& ap = nodes_[*a].path;
  return up.size() >= ap.size() && up.compare(0, ap.size(), ap) == 0;
}

Result<int> OrgTree::Depth(std::string_view id) const {
  auto i = IndexOf(id);
  if (!i) return UnknownUnit(id);
  return nodes_[*i].depth;
}

}  // namespace kinerja::org
