#include "engine/org/position.h"

namespace kinerja::org {
namespace {

constexpr Jenjang kAllJenjang[] = {
    Jenjang::kNone,       Jenjang::kJptUtama,  Jenjang::kJptMadya,    Jenjang::kJptPratama,
    Jenjang::kAdministrator, Jenjang::kPengawas, Jenjang::kAhliUtama, Jenjang::kAhliMadya,
    Jenjang::kAhliMuda,   Jenjang::kAhliPertama, Jenjang::kPenyelia,  Jenjang::kMahir,
    Jenjang::kTerampil,   Jenjang::kPemula,
};

std::string PositionLabel(const Position& p) {
  return "position '" + p.id.substr(0, kMaxOrgIdLength) + "'";
}

}  // namespace

const char* PositionKindName(PositionKind kind) {
  switch (kind) {
    case PositionKind::kStruktural: return "struktural";
    case PositionKind::kFungsional: return "fungsional";
    case PositionKind::kPelaksana: return "pelaksana";
  }
  return "?";
}

Result<PositionKind> ParsePositionKind(std::string_view name) {
  for (PositionKind k :
       {PositionKind::kStruktural, PositionKind::kFungsional, PositionKind::kPelaksana}) {
    if (name == PositionKindName(k)) return k;
  }
  return Status::InvalidArgument("position kind '" + std::string(name.substr(0, 40)) +
                                 "' is not one of struktural, fungsional, pelaksana");
}

const char* JenjangName(Jenjang j) {
  switch (j) {
    case Jenjang::kNone: return "none";
    case Jenjang::kJptUtama: return "jpt_utama";
    case Jenjang::kJptMadya: return "jpt_madya";
    case Jenjang::kJptPratama: return "jpt_pratama";
    case Jenjang::kAdministrator: return "administrator";
    case Jenjang::kPengawas: return "pengawas";
    case Jenjang::kAhliUtama: return "ahli_utama";
    case Jenjang::kAhliMadya: return "ahli_madya";
    case Jenjang::kAhliMuda: return "ahli_muda";
    case Jenjang::kAhliPertama: return "ahli_pertama";
    case Jenjang::kPenyelia: return "penyelia";
    case Jenjang::kMahir: return "mahir";
    case Jenjang::kTerampil: return "terampil";
    case Jenjang::kPemula: return "pemula";
  }
  return "?";
}

const char* JenjangLabel(Jenjang j) {
  switch (j) {
    case Jenjang::kNone: return "";
    case Jenjang::kJptUtama: return "JPT Utama";
    case Jenjang::kJptMadya: return "JPT Madya";
    case Jenjang::kJptPratama: return "JPT Pratama";
    case Jenjang::kAdministrator: return "Administrator";
    case Jenjang::kPengawas: return "Pengawas";
    case Jenjang::kAhliUtama: return "Ahli Utama";
    case Jenjang::kAhliMadya: return "Ahli Madya";
    case Jenjang::kAhliMuda: return "Ahli Muda";
    case Jenjang::kAhliPertama: return "Ahli Pertama";
    case Jenjang::kPenyelia: return "Penyelia";
    case Jenjang::kMahir: return "Mahir";
    case Jenjang::kTerampil: return "Terampil";
    case Jenjang::kPemula: return "Pemula";
  }
  return "?";
}

Result<Jenjang> ParseJenjang(std::string_view name) {
  for (Jenjang j : kAllJenjang) {
    if (name == JenjangName(j)) return j;
  }
  return Status::InvalidArgument(
      "jenjang '" + std::string(name.substr(0, 40)) +
      "' is not one of none, jpt_utama, jpt_madya, jpt_pratama, administrator, pengawas, "
      "ahli_utama, ahli_madya, ahli_muda, ahli_pertama, penyelia, mahir, terampil, pemula");
}

PositionKind KindOfJenjang(Jenjang j) {
  switch (j) {
    case Jenjang::kJptUtama:
    case Jenjang::kJptMadya:
    case Jenjang::kJptPratama:
    case Jenjang::kAdministrator:
    case Jenjang::kPengawas:
      return PositionKind::kStruktural;
    case Jenjang::kAhliUtama:
    case Jenjang::kAhliMadya:
    case Jenjang::kAhliMuda:
    case Jenjang::kAhliPertama:
    case Jenjang::kPenyelia:
    case Jenjang::kMahir:
    case Jenjang::kTerampil:
    case Jenjang::kPemula:
      return PositionKind::kFungsional;
    case Jenjang::kNone:
      return PositionKind::kPelaksana;
  }
  return PositionKind::kPelaksana;
}

Status ValidatePosition(const Position& p) {
  KINERJA_RETURN_IF_ERROR(ValidateOrgId(p.id, "position id '" + p.id.substr(0, 64) + "'"));
  KINERJA_RETURN_IF_ERROR(ValidateOrgId(p.unit_id, PositionLabel(p) + " unit_id"));
  if (p.name.find_first_not_of(" \t") == std::string::npos) {
    return Status::InvalidArgument(PositionLabel(p) + " has a blank name");
  }
  if (KindOfJenjang(p.jenjang) != p.kind) {
    std::string allowed;
    switch (p.kind) {
      case PositionKind::kStruktural:
        allowed = "jpt_utama, jpt_madya, jpt_pratama, administrator or pengawas";
        break;
      case PositionKind::kFungsional:
        allowed = "ahli_utama, ahli_madya, ahli_muda, ahli_pertama, penyelia, mahir, terampil or "
                  "pemula";
        break;
      case PositionKind::kPelaksana:
        allowed = "none";
        break;
    }
    return Status::InvalidArgument(PositionLabel(p) + " is " + PositionKindName(p.kind) +
                                   " with jenjang " + JenjangName(p.jenjang) + "; a " +
                                   PositionKindName(p.kind) + " position needs jenjang " +
                                   allowed);
  }
  if (p.is_unit_leader && p.kind == PositionKind::kPelaksana) {
    return Status::InvalidArgument(PositionLabel(p) +
                                   " is pelaksana and cannot lead a unit; only struktural or "
                                   "fungsional positions may have is_unit_leader");
  }
  return Status::Ok();
}

bool IsPlausibleLeaderJenjang(UnitKind kind, Jenjang j) {
  using J = Jenjang;
  switch (kind) {
    case UnitKind::kPemerintahKota:
      return j == J::kJptMadya || j == J::kJptPratama;
    case UnitKind::kDinas:
    case UnitKind::kBadan:
      return j == J::kJptPratama || j == J::kAdministrator;
    case UnitKind::kKecamatan:
    case UnitKind::kBidang:
    case UnitKind::kBagian:
      return j == J::kAdministrator;
    case UnitKind::kUpt:
    case UnitKind::kKelurahan:
      return j == J::kAdministrator || j == J::kPengawas;
    case UnitKind::kSeksi:
    case UnitKind::kSubbagian:
      return j == J::kPengawas;
  }
  return false;
}

Result<PositionCatalog> PositionCatalog::Build(std::vector<Position> positions,
                                               const OrgTree& tree) {
  PositionCatalog cat;
  for (size_t i = 0; i < positions.size(); ++i) {
    const Position& p = positions[i];
    KINERJA_RETURN_IF_ERROR(ValidatePosition(p));
    if (!cat.index_.emplace(p.id, i).second) {
      return Status::InvalidArgument(PositionLabel(p) + " appears twice");
    }
    const OrgUnit* unit = tree.Find(p.unit_id);
    if (unit == nullptr) {
      return Status::InvalidArgument(PositionLabel(p) + " names unit '" + p.unit_id +
                                     "', which is not in the organisation");
    }
    if (!p.is_unit_leader) continue;
    auto [it, inserted] = cat.leader_of_unit_.emplace(p.unit_id, i);
    if (!inserted) {
      return Status::InvalidArgument(PositionLabel(p) + " and position '" +
                                     positions[it->second].id + "' both lead unit '" + p.unit_id +
                                     "'; a unit has at most one leader");
    }
    if (p.kind == PositionKind::kStruktural && !IsPlausibleLeaderJenjang(unit->kind, p.jenjang)) {
      return Status::InvalidArgument(PositionLabel(p) + " (" + JenjangLabel(p.jenjang) +
                                     ") cannot lead a " + UnitKindName(unit->kind) +
                                     "; see the leader table in docs/rules/org.md");
    }
  }
  cat.positions_ = std::move(positions);
  return cat;
}

const Position* PositionCatalog::Find(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &positions_[it->second];
}

const Position* PositionCatalog::LeaderOf(std::string_view unit_id) const {
  auto it = leader_of_unit_.find(unit_id);
  return it == leader_of_unit_.end() ? nullptr : &positions_[it->second];
}

}  // namespace kinerja::org
