#include "server/cli/demo_push.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace kinerja::server {
namespace {

const char* const kServices[] = {"Permohonan izin", "Pengaduan", "Informasi", "Legalisasi dokumen"};
const char* const kAgeBands[] = {"<20", "20-29", "30-39", "40-49", "50+"};
const char* const kEducation[] = {"SD", "SMP", "SMA", "D3", "S1", "S2"};
const char* const kOccupation[] = {"PNS", "Swasta", "Wiraswasta", "Pelajar", "Lainnya"};

template <size_t N>
const char* Pick(const char* const (&list)[N], int64_t i) { return list[static_cast<size_t>(i) % N]; }

}  // namespace

const char* const kBerakhlakValues[7] = {"berorientasi_pelayanan", "akuntabel", "kompeten",
                                         "harmonis", "loyal", "adaptif", "kolaboratif"};

const char* DemoSurveyService(int64_t n) { return Pick(kServices, n / 7); }

Json DemoSurveyProfile(int64_t n) {
  return Json{{"gender", n % 2 ? "L" : "P"},
              {"age_band", Pick(kAgeBands, n / 3)},
              {"education", Pick(kEducation, n / 5)},
              {"occupation", Pick(kOccupation, n / 11)}};
}

std::string PadNumber(int64_t v, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*lld", width, static_cast<long long>(v));
  return buf;
}

wire::Change NewChange(std::string record_id, const char* kind, Json body) {
  wire::Change c;
  c.change_id = "c-" + record_id;
  c.record_id = std::move(record_id);
  c.kind = kind;
  c.body = std::move(body);
  return c;
}

Status PushAll(CentralStore& store, const Principal& who, std::vector<wire::Change> changes,
               int64_t now, int64_t* count) {
  for (size_t at = 0; at < changes.size(); at += wire::kMaxChangesPerPush) {
    wire::PushRequest req;
    req.device_id = who.device_id;
    const size_t end = std::min(changes.size(), at + wire::kMaxChangesPerPush);
    req.changes.assign(std::make_move_iterator(changes.begin() + static_cast<ptrdiff_t>(at)),
                       std::make_move_iterator(changes.begin() + static_cast<ptrdiff_t>(end)));
    std::string failed;
    auto r = store.Push(who, req, now, &failed);
    if (!r.ok()) return Status(r.status().code(), "push of " + failed + ": " + r.status().message());
    for (const auto& a : r->acks) {
      if (a.outcome != wire::Outcome::kApplied) {
        return Status::Internal("change " + a.change_id + " was not applied");
      }
    }
    if (count) *count += static_cast<int64_t>(r->acks.size());
  }
  return Status::Ok();
}

Principal EmployeePrincipal(const std::string& employee_id, const std::string& unit_path) {
  return Principal{"u-" + employee_id, employee_id, wire::Role::kEmployee, unit_path, employee_id,
                   "hp-" + employee_id};
}

}  // namespace kinerja::server
