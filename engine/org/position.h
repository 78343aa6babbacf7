#pragma once
// Positions (jabatan) in the organisation. A position is struktural (leads a unit: JPT,
// Administrator, Pengawas), fungsional (a career track with a jenjang such as Ahli Muda or
// Terampil) or pelaksana (executor staff, no jenjang). The catalog checks each position's
// kind/jenjang combination and its place in the OrgTree.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/org/org_tree.h"
#include "shared/result.h"

namespace kinerja::org {

enum class PositionKind { kStruktural, kFungsional, kPelaksana };

// Jenjang (level). JPT = Jabatan Pimpinan Tinggi. Ahli* are the keahlian (expert) functional
// levels, Penyelia..Pemula the keterampilan (skill) levels.
enum class Jenjang {
  kNone,
  kJptUtama,
  kJptMadya,
  kJptPratama,
  kAdministrator,
  kPengawas,
  kAhliUtama,
  kAhliMadya,
  kAhliMuda,
  kAhliPertama,
  kPenyelia,
  kMahir,
  kTerampil,
  kPemula,
};

// "struktural" / "fungsional" / "pelaksana".
const char* PositionKindName(PositionKind kind);
Result<PositionKind> ParsePositionKind(std::string_view name);
// Wire spelling: "none", "jpt_utama", ..., "ahli_pertama", "penyelia", ..., "pemula".
const char* JenjangName(Jenjang j);
// Display form as printed on SKP forms: "JPT Pratama", "Ahli Muda", "" for kNone.
const char* JenjangLabel(Jenjang j);
Result<Jenjang> ParseJenjang(std::string_view name);
// The kind a jenjang belongs to (kNone → kPelaksana).
PositionKind KindOfJenjang(Jenjang j);

struct Position {
  std::string id;
  std::string name;
  PositionKind kind = PositionKind::kPelaksana;
  Jenjang jenjang = Jenjang::kNone;
  std::string unit_id;
  bool is_unit_leader = false;
};

// Checks one position on its own: id and unit_id syntax, non-blank name, jenjang matching the
// kind (struktural needs JPT/Administrator/Pengawas, fungsional an Ahli or keterampilan level,
// pelaksana none), and is_unit_leader only for struktural or fungsional. kInvalidArgument.
Status ValidatePosition(const Position& p);

// Whether a struktural leader of jenjang `j` fits a unit of `kind` (e.g. a seksi is led by a
// Pengawas, a dinas by a JPT Pratama or an Administrator). Permissive table in
// docs/rules/org.md §"Positions".
bool IsPlausibleLeaderJenjang(UnitKind kind, Jenjang j);

// The positions of one organisation, validated against its tree.
class PositionCatalog {
 public:
  PositionCatalog() = default;
  // Fails with kInvalidArgument when a position fails ValidatePosition, an id repeats, its unit
  // is not in `tree`, a unit has two leaders, or a struktural leader's jenjang does not fit the
  // unit's kind. The catalog keeps no reference to `tree`.
  static Result<PositionCatalog> Build(std::vector<Position> positions, const OrgTree& tree);

  size_t size() const { return positions_.size(); }
  // nullptr when absent; the pointer lives as long as the catalog.
  const Position* Find(std::string_view id) const;
  // The leading position of `unit_id`, or nullptr when the unit has none (vacant or not modelled).
  const Position* LeaderOf(std::string_view unit_id) const;

 private:
  std::vector<Position> positions_;
  std::map<std::string, size_t, std::less<>> index_;
  std::map<std::string, size_t, std::less<>> leader_of_unit_;
};

}  // namespace kinerja::org
