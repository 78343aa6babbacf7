#pragma once
// The organisation of a local government as a tree of units: pemerintah kota → dinas / badan /
// kecamatan → bidang / bagian / UPT (unit pelaksana teknis) → seksi / subbagian / kelurahan.
// Each unit has a materialised path ("/pemkot/dpmptsp/pelayanan/") that the sync server uses
// to scope data by prefix match, so ids are restricted to [A-Za-z0-9._-] (never '/').

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/result.h"

namespace kinerja::org {

// Longest accepted id for units, positions and employees.
inline constexpr size_t kMaxOrgIdLength = 64;

// OK when `id` is 1..64 characters of [A-Za-z0-9._-]; otherwise kInvalidArgument naming
// `what` ("unit #3 id") and the offending character.
Status ValidateOrgId(std::string_view id, std::string_view what);

enum class UnitKind {
  kPemerintahKota,
  kDinas,
  kBadan,
  kBidang,
  kBagian,
  kSeksi,
  kSubbagian,
  kUpt,
  kKecamatan,
  kKelurahan,
};

// "pemerintah_kota", "dinas", ... "kelurahan": the stable wire spelling.
const char* UnitKindName(UnitKind kind);
// The inverse of UnitKindName; kInvalidArgument listing the allowed names.
Result<UnitKind> ParseUnitKind(std::string_view name);
// Whether a unit of kind `child` may sit directly under a unit of kind `parent` (the table in
// docs/rules/org.md §"Organisation tree"; the rule is permissive).
bool IsAllowedNesting(UnitKind parent, UnitKind child);
// Whether a unit of `kind` may be a root (every kind may, so a single dinas can be loaded alone).
bool MayBeRoot(UnitKind kind);

struct OrgUnit {
  std::string id;
  std::string parent_id;  // empty for a root
  std::string name;
  UnitKind kind = UnitKind::kDinas;
};

// An immutable, validated tree. Children are kept in id order, so every query answers the
// same whatever the order of the input list.
class OrgTree {
 public:
  OrgTree() = default;

  // Validates and indexes `units`. Fails with kInvalidArgument when the list is empty, an id is
  // malformed or repeated, a name is blank, a parent is unknown or the unit itself, the parents
  // form a cycle, or a kind may not sit under its parent's kind. Messages name the unit
  // ("unit #4 'pelayanan'").
  static Result<OrgTree> Build(std::vector<OrgUnit> units);

  size_t size() const { return nodes_.size(); }
  // The unit with `id`, or nullptr. The pointer lives as long as this tree.
  const OrgUnit* Find(std::string_view id) const;
  // Root ids, in id order.
  std::vector<std::string> Roots() const;
  // Direct children ids in id order; kNotFound for an unknown id.
  Result<std::vector<std::string>> Children(std::string_view id) const;
  // Ids from the root down to `id` (inclusive); kNotFound for an unknown id.
  Result<std::vector<std::string>> Path(std::string_view id) const;
  // "/root/.../id/": ids joined by '/', with a leading and a trailing '/'. kNotFound if unknown.
  Result<std::string> MaterializedPath(std::string_view id) const;
  // Every unit strictly below `id`, depth-first pre-order, children in id order; kNotFound.
  Result<std::vector<std::string>> Descendants(std::string_view id) const;
  // True when `unit` is `ancestor` or lies below it; kNotFound when either id is unknown.
  Result<bool> IsInSubtree(std::string_view unit, std::string_view ancestor) const;
  // 0 for a root; kNotFound for an unknown id.
  Result<int> Depth(std::string_view id) const;

 private:
  struct Node {
    OrgUnit unit;
    std::optional<size_t> parent;
    std::vector<size_t> children;  // sorted by id
    int depth = 0;
    std::string path;  // materialised path
  };
  std::optional<size_t> IndexOf(std::string_view id) const;
  Status UnknownUnit(std::string_view id) const;

  std::vector<Node> nodes_;
  std::map<std::string, size_t, std::less<>> index_;
};

}  // namespace kinerja::org
