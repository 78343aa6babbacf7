#include "server/reports/evaluation_documents.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "engine/org/period.h"
#include "engine/service/timestamp.h"
#include "server/export/table.h"
#include "server/reports/report_context.h"

namespace kinerja::server {

namespace {

using exports::BehaviourRow;
using exports::EvaluationDocument;
using exports::PersonBlock;
using exports::SkpResultRow;

bool IsHrOrAdmin(const Principal& who) {
  return who.role == wire::Role::kHr || who.role == wire::Role::kAdmin;
}

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "199203152019032012" as printed: "19920315 201903 2 012"; any other text as it is.
std::string NipText(const std::string& nip) {
  if (nip.size() != 18 ||
      !std::all_of(nip.begin(), nip.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return nip;
  }
  return nip.substr(0, 8) + " " + nip.substr(8, 6) + " " + nip.substr(14, 1) + " " + nip.substr(15);
}

std::string TitleCase(const std::string& upper) {
  std::string out = upper;
  bool start = true;
  for (char& c : out) {
    if (!start && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    start = c == ' ' || c == '-';
  }
  return out;
}

// "Semester I", "Semester II", "Akhir" (the year), "Triwulan II", "Bulan Maret".
std::string PeriodeText(const org::Period& p) {
  if (p.kind == org::PeriodKind::kAnnual) return "Akhir";
  std::string label = org::PeriodLabel(p);  // "SEMESTER II-AKHIR"
  if (auto dash = label.find("-AKHIR"); dash != std::string::npos) label.resize(dash);
  return TitleCase(label);
}

// "15 Januari 2027": the WIB day of an ISO timestamp; "" when it does not parse.
std::string DateText(const std::string& iso) {
  auto t = ParseIsoTimestamp(iso);
  if (!t.ok()) return "";
  const CivilDay d = CivilFromDays(WibDay(*t));
  return std::to_string(d.day) + " " + TitleCase(org::MonthNameId(d.month)) + " " +
         std::to_string(d.year);
}

// Units by id, read on demand with their parents (reference data, whatever the scope).
class UnitNames {
 public:
  explicit UnitNames(CentralStore& store) : store_(store) {}

  // The unit's body, or null when there is no such unit.
  Result<const Json*> Get(const std::string& unit_id) {
    auto it = units_.find(unit_id);
    if (it == units_.end()) {
      auto rec = store_.RecordsById({"unit." + unit_id});
      if (!rec.ok()) return rec.status();
      Json body = rec->empty() ? Json() : rec->begin()->second.body;
      it = units_.emplace(unit_id, std::move(body)).first;
    }
    return it->second.is_null() ? nullptr : &it->second;
  }

  // "Bidang Pelayanan Perizinan Terpadu, Dinas Penanaman Modal dan PTSP": the unit and the
  // units above it, up to (not including) the root, which is the instansi.
  Result<std::string> UnitKerja(const std::string& unit_id) {
    std::string out;
    std::string id = unit_id;
    for (int depth = 0; depth < 16 && !id.empty(); ++depth) {
      KINERJA_ASSIGN_OR_RETURN(const Json* u, Get(id));
      if (u == nullptr) break;
      const std::string parent = Str(*u, "parent_id");
      if (parent.empty() && depth > 0) break;  // the root: printed as the instansi
      out += (out.empty() ? "" : ", ") + Str(*u, "name");
      id = parent;
    }
    return out;
  }

  // The root unit's name above `unit_id` ("Pemerintah Kota Palangka Raya").
  Result<std::string> Instansi(const std::string& unit_id) {
    std::string id = unit_id;
    std::string name;
    for (int depth = 0; depth < 16 && !id.empty(); ++depth) {
      KINERJA_ASSIGN_OR_RETURN(const Json* u, Get(id));
      if (u == nullptr) break;
      name = Str(*u, "name");
      id = Str(*u, "parent_id");
    }
    return name;
  }

 private:
  CentralStore& store_;
  std::map<std::string, Json> units_;
};

// "Palangka Raya" from "Pemerintah Kota Palangka Raya" (the place the document is signed).
std::string PlaceOf(const std::string& instansi) {
  for (const char* prefix : {"Pemerintah Kota ", "Pemerintah Kabupaten ", "Pemerintah Provinsi "}) {
    const std::string p = prefix;
    if (instansi.compare(0, p.size(), p) == 0) return instansi.substr(p.size());
  }
  return instansi;
}

Result<PersonBlock> Person(const wire::Record* employee, UnitNames& units) {
  PersonBlock p;
  if (employee == nullptr) return p;
  const Json& b = employee->body;
  p.nama = Str(b, "name");
  p.nip = NipText(Str(b, "nip"));
  p.pangkat_golongan = Str(b, "pangkat_golongan");
  p.jabatan = Str(b, "position");
  KINERJA_ASSIGN_OR_RETURN(p.unit_kerja, units.UnitKerja(Str(b, "unit_id")));
  return p;
}

// The appraisal that prints: signed off before submitted, the latest of each; a draft never.
const wire::Record* PrintableAppraisal(const std::vector<wire::Record>& appraisals,
                                       const std::string& employee_id, const std::string& period,
                                       bool* draft_only) {
  const wire::Record* best = nullptr;
  *draft_only = false;
  for (const auto& a : appraisals) {
    if (a.subject_id != employee_id || Str(a.body, "period") != period) continue;
    const std::string status = Str(a.body, "status");
    if (status == "draft") {
      *draft_only = best == nullptr;
      continue;
    }
    if (best == nullptr || status == "signed_off" || Str(best->body, "status") != "signed_off") {
      best = &a;
    }
  }
  if (best != nullptr) *draft_only = false;
  return best;
}

std::string NumberOr(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? exports::NumberText(it->get<double>()) : std::string();
}

std::string WithUnit(const std::string& number, const std::string& satuan) {
  if (number.empty() || satuan.empty()) return number;
  return number + " " + satuan;
}

// The SKP tables from the server's scoring (`result`) and the rater's input (`skp`).
void FillSkp(const Json& result, const Json& skp, EvaluationDocument* d) {
  const Json rows = skp.value("hasil_kerja", Json::array());
  size_t i = 0;
  for (const auto& ind : result.value("indikator", Json::array())) {
    const Json input = i < rows.size() ? rows[i] : Json::object();
    ++i;
    const std::string satuan = Str(input, "satuan");
    SkpResultRow r;
    r.jenis = Str(ind, "jenis") == "tambahan" ? "Tambahan" : "Utama";
    r.rhk = Str(ind, "rhk");
    r.iki = Str(ind, "iki");
    r.target = NumberOr(ind, "target");
    if (std::string max = NumberOr(ind, "target_max"); !max.empty()) r.target += " – " + max;
    r.target = WithUnit(r.target, satuan);
    r.realisasi = WithUnit(NumberOr(ind, "realisasi"), satuan);
    if (std::string c = NumberOr(ind, "capaian"); !c.empty()) r.capaian = c + "%";
    d->hasil_kerja.push_back(std::move(r));
  }
  for (const auto& p : result.value("perilaku", Json::array())) {
    d->perilaku.push_back(BehaviourRow{Str(p, "name"), "", Str(p, "rating"), ""});
  }
}

// Employees by id (the subject, their supervisor and the supervisor's supervisor).
using People = std::map<std::string, wire::Record>;

Result<EvaluationDocument> Build(const wire::Record& appraisal, const wire::Record& employee,
                                 const People& people, const org::Period& period,
                                 UnitNames& units) {
  const Json& result = appraisal.body.value("result", Json::object());
  if (Str(result, "kind") != "rating") {
    return Status::InvalidArgument(
        "appraisal " + appraisal.id + " is scored with template '" + Str(result, "template") + "'" +
        "; the Dokumen Evaluasi Kinerja Pegawai is printed for PermenPANRB 6/2022 appraisals");
  }
  auto find = [&](const std::string& id) -> const wire::Record* {
    auto it = people.find(id);
    return id.empty() || it == people.end() ? nullptr : &it->second;
  };
  const wire::Record* supervisor = find(Str(employee.body, "supervisor_id"));
  const wire::Record* atasan = supervisor ? find(Str(supervisor->body, "supervisor_id")) : nullptr;

  EvaluationDocument d;
  const std::string unit_id = Str(employee.body, "unit_id");
  KINERJA_ASSIGN_OR_RETURN(d.instansi, units.Instansi(unit_id));
  d.periode = PeriodeText(period);
  d.periode_dates = org::PeriodRangeText(period);
  KINERJA_ASSIGN_OR_RETURN(d.pegawai, Person(&employee, units));
  KINERJA_ASSIGN_OR_RETURN(d.pejabat_penilai, Person(supervisor, units));
  KINERJA_ASSIGN_OR_RETURN(d.atasan_pejabat_penilai, Person(atasan, units));
  d.capaian_kinerja_organisasi = Str(result, "capaian_kinerja_organisasi");
  if (d.capaian_kinerja_organisasi.empty()) d.capaian_kinerja_organisasi = "Belum ditetapkan";
  d.rating_hasil_kerja = Str(result, "rating_hasil_kerja");
  d.rating_perilaku = Str(result, "rating_perilaku");
  d.predikat = Str(result, "predikat");
  d.catatan = Str(appraisal.body, "comments");
  d.tempat = PlaceOf(d.instansi);
  d.tanggal = DateText(appraisal.updated_at);
  if (Str(appraisal.body, "status") != "signed_off") {
    d.status = "Status: diajukan, belum ditetapkan oleh pejabat penilai kinerja";
  }
  FillSkp(result, appraisal.body.value("skp", Json::object()), &d);
  return d;
}

Result<org::Period> ParsedPeriod(const std::string& period) {
  auto p = org::ParsePeriod(period);
  if (!p.ok()) return Status::InvalidArgument("period: " + p.status().message());
  return p;
}

// The employees named, with their supervisors and the supervisors' supervisors.
Result<People> WithSupervisors(CentralStore& store, std::vector<std::string> ids) {
  People people;
  for (int level = 0; level < 3 && !ids.empty(); ++level) {
    KINERJA_ASSIGN_OR_RETURN(auto found, store.RecordsById(ids));
    ids.clear();
    for (auto& [id, rec] : found) {
      if (rec.kind != "employee") continue;
      const std::string sup = Str(rec.body, "supervisor_id");
      if (!sup.empty() && people.count(sup) == 0) ids.push_back(sup);
      people.emplace(id, std::move(rec));
    }
  }
  return people;
}

}  // namespace

Result<EvaluationDocument> EvaluationDocumentOf(CentralStore& store, const Principal& who,
                                                const std::string& employee_id,
                                                const std::string& period) {
  KINERJA_ASSIGN_OR_RETURN(const org::Period p, ParsedPeriod(period));
  if (employee_id.empty()) return Status::InvalidArgument("employee is required: ?employee=<id>");
  KINERJA_ASSIGN_OR_RETURN(const People people, WithSupervisors(store, {employee_id}));
  auto it = people.find(employee_id);
  if (it == people.end()) return Status::NotFound("no employee " + employee_id);
  const wire::Record& employee = it->second;
  const bool self = !who.employee_id.empty() && who.employee_id == employee_id;
  const bool staff = who.role == wire::Role::kSupervisor && !who.employee_id.empty() &&
                     Str(employee.body, "supervisor_id") == who.employee_id;
  if (!IsHrOrAdmin(who) && !self && !staff) {
    return Status::PermissionDenied(
        "the evaluation document of " + employee_id +
        " is printed by HR, the employee's pejabat penilai or the employee herself");
  }
  KINERJA_ASSIGN_OR_RETURN(const auto appraisals, store.RecordsAbout("appraisal", {employee_id}));
  bool draft_only = false;
  const wire::Record* a = PrintableAppraisal(appraisals, employee_id, period, &draft_only);
  const std::string name = Str(employee.body, "name");
  if (a == nullptr && draft_only) {
    return Status::NotFound("the appraisal of " + name + " for period " + period +
                            " is still a draft; it prints once the pejabat penilai submits it");
  }
  if (a == nullptr) {
    return Status::NotFound(name + " has no appraisal for period " + period);
  }
  UnitNames units(store);
  return Build(*a, employee, people, p, units);
}

Result<std::vector<EvaluationDocument>> UnitEvaluationDocuments(CentralStore& store,
                                                                const Principal& who,
                                                                const std::string& unit_id,
                                                                const std::string& period) {
  KINERJA_ASSIGN_OR_RETURN(const org::Period p, ParsedPeriod(period));
  if (who.role == wire::Role::kEmployee || who.role == wire::Role::kEnumerator) {
    return Status::PermissionDenied(
        "a unit's evaluation documents are printed by HR and its supervisors");
  }
  if (unit_id.empty()) return Status::InvalidArgument("unit is required: ?unit=<id>");
  UnitNames units(store);
  KINERJA_ASSIGN_OR_RETURN(const Json* unit, units.Get(unit_id));
  if (unit == nullptr) return Status::NotFound("no unit " + unit_id);
  KINERJA_ASSIGN_OR_RETURN(const auto scoped, store.ScopedRecords(who, "employee"));
  std::vector<std::string> ids;
  for (const auto& e : scoped) {
    if (Str(e.body, "unit_id") != unit_id) continue;
    if (!IsHrOrAdmin(who) && Str(e.body, "supervisor_id") != who.employee_id) continue;
    ids.push_back(e.id);
  }
  KINERJA_ASSIGN_OR_RETURN(const People people, WithSupervisors(store, ids));
  KINERJA_ASSIGN_OR_RETURN(const auto appraisals, store.RecordsAbout("appraisal", ids));
  std::vector<std::pair<std::string, const wire::Record*>> printable;  // name, appraisal
  for (const auto& id : ids) {
    bool draft_only = false;
    const wire::Record* a = PrintableAppraisal(appraisals, id, period, &draft_only);
    // Numeric-template appraisals have no predikat to print: left out of the batch.
    if (a != nullptr && Str(a->body.value("result", Json::object()), "kind") == "rating") {
      printable.emplace_back(Str(people.at(id).body, "name"), a);
    }
  }
  if (printable.empty()) {
    return Status::NotFound("nobody in " + Str(*unit, "name") +
                            " has a submitted or signed-off appraisal for period " + period);
  }
  if (printable.size() > kMaxBatchDocuments) {
    return Status::TooLarge(std::to_string(printable.size()) +
                            " documents; one download holds at most " +
                            std::to_string(kMaxBatchDocuments));
  }
  std::stable_sort(printable.begin(), printable.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<EvaluationDocument> out;
  for (const auto& [name, a] : printable) {
    KINERJA_ASSIGN_OR_RETURN(EvaluationDocument d,
                             Build(*a, people.at(a->subject_id), people, p, units));
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace kinerja::server

namespace kinerja::server {

namespace {

// The predikat named by `codes` in `t`, joined with " + ".
std::string PredikatSet(const Template& t, const Json& codes) {
  std::string out;
  for (const auto& c : codes) {
    auto p = reports::PredikatFromCode(c.is_string() ? c.get<std::string>() : "");
    out += (out.empty() ? "" : " + ") + (p ? PredikatName(t, *p) : c.dump());
  }
  return out;
}

// What a rule asks, in words: "Baik paling banyak 70 % (4 pegawai)". `check` is a check of
// the distribution report (engine DistributionReportJson), or a rule of the template with a
// null bound when no staff are counted.
std::string Ketentuan(const Template& t, const Json& check) {
  const std::string set = PredikatSet(t, check["predikat"]);
  const std::string kind = Str(check, "kind");
  const bool counted = check.contains("bound") && check["bound"].is_number();
  const std::string bound = counted ? std::to_string(check["bound"].get<int>()) : "";
  const std::string pct = check["percent"].is_number()
                              ? exports::PercentText(check["percent"].get<double>())
                              : std::string();
  const std::string of = counted ? " (" + bound + " pegawai)" : "";
  if (kind == "max_percent") return set + " paling banyak " + pct + of;
  if (kind == "min_percent") return set + " paling sedikit " + pct + of;
  if (kind == "plurality") {
    return set + " terbanyak" +
           (counted ? " (paling sedikit " + bound + ", kelompok lain terbesar)" : "");
  }
  const int count = check.value("bound", check.value("count_bound", 0));
  if (kind == "max_count") {
    return count == 0 ? "tidak ada " + set : set + " paling banyak " + std::to_string(count) +
                                                  " pegawai";
  }
  return set + " paling sedikit " + std::to_string(count) + " pegawai";
}

// The short bound printed beside one predikat: "≤ 70 %", "≥ 60 %", "terbanyak", "0 pegawai".
std::string BoundText(const Json& check) {
  const std::string kind = Str(check, "kind");
  const std::string pct =
      check["percent"].is_number() ? exports::PercentText(check["percent"].get<double>()) : "";
  if (kind == "max_percent") return "≤ " + pct;
  if (kind == "min_percent") return "≥ " + pct;
  if (kind == "plurality") return "terbanyak";
  const int count = check.value("bound", check.value("count_bound", 0));
  if (kind == "max_count") return count == 0 ? "tidak boleh ada" : "≤ " + std::to_string(count);
  return "≥ " + std::to_string(count) + " pegawai";
}

// The rules of `t` for `org` in the shape of a report's checks, without counts.
Json TemplateRules(const Template& t, OrgPredikat org) {
  static constexpr const char* kKinds[] = {"max_percent", "min_percent", "min_count", "max_count",
                                           "plurality"};
  Json out = Json::array();
  for (const auto& r : t.distribution_rules) {
    if (r.org_predikat != org) continue;
    Json set = Json::array();
    for (int p = 0; p < kPredikatCount; ++p) {
      if (r.predikat[p]) set.push_back(PredikatCode(static_cast<Predikat>(p)));
    }
    const bool pct = r.kind == DistributionRuleKind::kMaxPercent ||
                     r.kind == DistributionRuleKind::kMinPercent;
    out.push_back(Json{{"rule", r.id},
                       {"kind", kKinds[static_cast<int>(r.kind)]},
                       {"predikat", std::move(set)},
                       {"percent", pct ? Json(r.percent) : Json()},
                       {"count_bound", r.count_bound}});
  }
  return out;
}

const Json* UnitEntry(const Json& report, const std::string& unit_id) {
  auto units = report.find("units");
  if (units == report.end() || !units->is_array()) return nullptr;
  for (const auto& u : *units) {
    if (Str(u, "unit_id") == unit_id) return &u;
  }
  return nullptr;
}

// The unit head: an employee of the unit whose supervisor is not in the unit (or who has
// none), the one supervising most of the unit's staff; else the supervisor most of the
// unit's staff name. Null when the unit has nobody.
Result<const wire::Record*> UnitHead(const std::vector<wire::Record>& employees,
                                     const std::string& unit_id, People* people,
                                     CentralStore& store) {
  std::map<std::string, int> supervises;  // employee id -> staff of the unit supervised
  std::set<std::string> in_unit;
  for (const auto& e : employees) {
    if (Str(e.body, "unit_id") != unit_id) continue;
    in_unit.insert(e.id);
    ++supervises[Str(e.body, "supervisor_id")];
  }
  const wire::Record* best = nullptr;
  for (const auto& e : employees) {
    if (in_unit.count(e.id) == 0 || in_unit.count(Str(e.body, "supervisor_id")) > 0) continue;
    if (best == nullptr || supervises[e.id] > supervises[best->id] ||
        (supervises[e.id] == supervises[best->id] && Str(e.body, "name") < Str(best->body, "name"))) {
      best = &e;
    }
  }
  if (best != nullptr) return best;
  std::string top;
  for (const auto& [id, n] : supervises) {
    if (!id.empty() && (top.empty() || n > supervises[top])) top = id;
  }
  if (top.empty()) return nullptr;
  KINERJA_ASSIGN_OR_RETURN(auto found, WithSupervisors(store, {top}));
  auto it = found.find(top);
  if (it == found.end()) return nullptr;
  return &people->emplace(top, std::move(it->second)).first->second;
}

}  // namespace

Result<exports::UnitRecap> UnitRecapOf(CentralStore& store, const Principal& who,
                                       const ReportQuery& q) {
  if (who.role == wire::Role::kEmployee || who.role == wire::Role::kEnumerator) {
    return Status::PermissionDenied("a unit's recap is printed by HR and its supervisors");
  }
  KINERJA_ASSIGN_OR_RETURN(const org::Period period, ParsedPeriod(q.period));
  if (q.unit_id.empty()) return Status::InvalidArgument("unit is required: ?unit=<id>");
  // The same computation as GET /api/v1/reports/distribution and /progress for the unit.
  KINERJA_ASSIGN_OR_RETURN(const Json dist, DistributionCurveReport(store, who, q));
  KINERJA_ASSIGN_OR_RETURN(const Json progress, ProgressReport(store, who, q));
  const Json* entry = UnitEntry(dist, q.unit_id);
  const Json* steps = UnitEntry(progress, q.unit_id);

  UnitNames units(store);
  exports::UnitRecap r;
  KINERJA_ASSIGN_OR_RETURN(r.instansi, units.Instansi(q.unit_id));
  KINERJA_ASSIGN_OR_RETURN(r.unit, units.UnitKerja(q.unit_id));
  r.periode = PeriodeText(period);
  r.periode_dates = org::PeriodRangeText(period);
  r.tempat = PlaceOf(r.instansi);
  const org::Date today = reports::WibDate(q.now);
  r.tanggal = std::to_string(today.day) + " " + TitleCase(org::MonthNameId(today.month)) + " " +
              std::to_string(today.year);

  // The capaian kinerja organisasi: the report's, or the unit's record when nothing counted.
  std::optional<OrgPredikat> org;
  if (entry != nullptr) {
    org = reports::OrgFromCode(Str(*entry, "capaian_kinerja_organisasi"));
  } else {
    KINERJA_ASSIGN_OR_RETURN(const reports::Context ctx, reports::BeginReport(store, who, q));
    KINERJA_ASSIGN_OR_RETURN(auto perf, reports::UnitPerformance(store, ctx, {q.unit_id}));
    if (auto it = perf.find(q.unit_id); it != perf.end()) {
      org = reports::OrgFromCode(Str(it->second, "predikat"));
    }
  }
  const std::string template_id =
      entry != nullptr && entry->contains("template") ? Str(*entry, "template")
                                                      : std::string("permenpanrb-6-2022.v1");
  KINERJA_ASSIGN_OR_RETURN(const Template t, reports::TemplateById(store, template_id));
  r.capaian_kinerja_organisasi = org ? OrgPredikatName(t, *org) : "Belum ditetapkan";

  r.staff_count = entry != nullptr ? entry->value("staff_count", 0) : 0;
  const Json counts = entry != nullptr ? entry->value("counts", Json::object()) : Json::object();
  const Json checks = entry != nullptr && entry->contains("checks") ? (*entry)["checks"]
                      : org && entry == nullptr                     ? TemplateRules(t, *org)
                                                                    : Json::array();
  for (int i = kPredikatCount - 1; i >= 0; --i) {
    const auto p = static_cast<Predikat>(i);
    exports::RecapPredikat bar;
    bar.name = PredikatName(t, p);
    bar.count = counts.value(PredikatCode(p), 0);
    std::string bound;
    for (const auto& c : checks) {
      const Json& set = c["predikat"];
      bool member = false;
      for (const auto& code : set) member = member || code == PredikatCode(p);
      if (!member) continue;
      std::string text = BoundText(c);
      if (set.size() > 1) {  // a rule on several predikat together
        text = "bersama " + PredikatSet(t, set) + ": " + text;
      } else {
        const std::string kind = Str(c, "kind");
        if (kind == "max_percent") bar.max_percent = c["percent"].get<double>();
        if (kind == "min_percent") bar.min_percent = c["percent"].get<double>();
        if (c.contains("ok") && !c["ok"].get<bool>()) bar.violated = true;
      }
      bound += (bound.empty() ? "" : "; ") + text;
    }
    bar.bound = bound;
    r.predikat.push_back(std::move(bar));
  }
  for (const auto& c : checks) {
    exports::RecapRule rule;
    rule.rule = Str(c, "rule");
    rule.ketentuan = Ketentuan(t, c);
    if (c.contains("ok")) {
      rule.ok = c["ok"].get<bool>();
      rule.realisasi = std::to_string(c["actual_count"].get<int>()) + " pegawai (" +
                       exports::PercentText(c["actual_percent"].get<double>()) + ")";
      if (!*rule.ok) {
        r.violations.push_back(rule.rule + ": " + std::to_string(c["actual_count"].get<int>()) +
                               " dari " + std::to_string(r.staff_count) + " pegawai (" +
                               exports::PercentText(c["actual_percent"].get<double>()) +
                               ") berpredikat " + PredikatSet(t, c["predikat"]) + "; batas " +
                               BoundText(c) + " (" + std::to_string(c["bound"].get<int>()) +
                               " pegawai)");
      }
    }
    r.rules.push_back(std::move(rule));
  }
  if (entry == nullptr) {
    r.notes.push_back("Belum ada penilaian kinerja yang diajukan atau ditetapkan di unit ini "
                      "pada periode ini; distribusi belum dapat diperiksa.");
  } else if (!org) {
    r.notes.push_back("Capaian kinerja organisasi unit ini belum ditetapkan untuk periode ini; "
                      "distribusi belum dapat diperiksa.");
  } else if (entry->contains("note")) {
    r.notes.push_back("Penilaian di unit ini memakai templat yang berbeda; distribusi tidak "
                      "diperiksa.");
  } else if (r.violations.empty()) {
    r.notes.push_back("Distribusi predikat memenuhi ketentuan SE MenPANRB 03/2023.");
  }
  if (entry != nullptr && entry->value("feasible", Json()).is_boolean() &&
      !(*entry)["feasible"].get<bool>()) {
    r.notes.push_back("Dengan " + std::to_string(r.staff_count) +
                      " pegawai, tidak ada sebaran predikat yang dapat memenuhi semua ketentuan.");
  }
  const std::pair<const char*, const char*> kSteps[] = {{"not_started", "Belum dimulai"},
                                                        {"draft", "Draf"},
                                                        {"submitted", "Diajukan"},
                                                        {"signed_off", "Ditetapkan"},
                                                        {"objected", "Keberatan"}};
  for (const auto& [code, label] : kSteps) {
    r.progress.emplace_back(label, steps != nullptr ? steps->value(code, 0) : 0);
  }
  r.progress.emplace_back("Jumlah pegawai", steps != nullptr ? steps->value("staff", 0) : 0);

  // The head signs: found among the unit's employees (reference data, whatever the scope).
  KINERJA_ASSIGN_OR_RETURN(auto recs, store.RecordsById({"unit." + q.unit_id}));
  const std::string path = recs.empty() ? std::string() : recs.begin()->second.unit_path;
  if (!path.empty()) {
    KINERJA_ASSIGN_OR_RETURN(const auto employees, store.RecordsUnder("employee", path));
    People extra;
    KINERJA_ASSIGN_OR_RETURN(const wire::Record* head,
                             UnitHead(employees, q.unit_id, &extra, store));
    KINERJA_ASSIGN_OR_RETURN(r.kepala, Person(head, units));
  }
  return r;
}

}  // namespace kinerja::server
