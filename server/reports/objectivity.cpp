// GET /api/v1/reports/objectivity: per rater (the pejabat penilai named in the ratees'
// employee records), leniency/severity, central tendency, halo, distribution difference and
// the self-vs-supervisor gap, from the ratings of the period's submitted and signed-off
// appraisals and submitted self-assessments, analysed by the engine
// (engine/analytics/rater_effects.h; docs/rules/objectivity.md). docs/reports.md §"Objectivity".
#include "engine/analytics/objectivity_json.h"
#include "server/reports/report_context.h"

namespace kinerja::server {
namespace {

// di_bawah 1, sesuai 2, di_atas 3 (docs/rules/objectivity.md: rating_3); 0 for anything else.
int RatingValue(const std::string& code) {
  if (code == "di_bawah") return 1;
  if (code == "sesuai") return 2;
  if (code == "di_atas") return 3;
  return 0;
}

// The ratings of one scored appraisal or self-assessment (the server's own result): hasil
// kerja and each BerAKHLAK value.
void AddRatings(const AppraisalRow& a, const std::string& rater, RaterRole group,
                const std::string& ratee, std::vector<RaterRating>& out) {
  if (a.result_kind != "rating") return;
  if (int v = RatingValue(a.hasil_kerja_code); v > 0) {
    out.push_back({rater, group, ratee, "hasil_kerja", v});
  }
  for (const auto& [code, rating] : a.perilaku) {
    if (int v = RatingValue(rating); v > 0) out.push_back({rater, group, ratee, code, v});
  }
}

}  // namespace

Result<Json> ObjectivityReport(CentralStore& store, const Principal& who, const ReportQuery& q) {
  KINERJA_ASSIGN_OR_RETURN(const reports::Context ctx, reports::BeginReport(store, who, q));
  KINERJA_ASSIGN_OR_RETURN(auto staff, reports::StaffInScope(store, who, ctx));
  KINERJA_ASSIGN_OR_RETURN(auto appraisals, reports::AppraisalsOfPeriod(store, who, "appraisal", ctx));
  KINERJA_ASSIGN_OR_RETURN(auto selfs,
                           reports::AppraisalsOfPeriod(store, who, "self_assessment", ctx));
  std::vector<RaterRating> ratings;
  for (const auto& [ratee, a] : reports::LatestBySubject(appraisals)) {
    const std::string& status = a->status;
    auto e = staff.find(ratee);
    if (e == staff.end() || (status != "submitted" && status != "signed_off")) continue;
    std::string rater = e->second.body.value("supervisor_id", "");
    if (rater.empty()) rater = "user:" + a->author_id;  // a head appraised by HR
    AddRatings(*a, rater, RaterRole::kSupervisor, ratee, ratings);
  }
  for (const auto& s : selfs) {
    if (s.status != "submitted" || !staff.count(s.subject_id)) continue;
    AddRatings(s, s.subject_id, RaterRole::kSelf, s.subject_id, ratings);
  }
  Json out = reports::ReportHeader("objectivity", ctx);
  const ObjectivityOptions options;
  out["minimum_data_rule"] = "a rater with fewer than " + std::to_string(options.min_ratees) +
                             " ratees is shown with status insufficient_data and no flag "
                             "(docs/rules/objectivity.md §\"Which ratings count\")";
  out["rating_values"] = Json{{"di_bawah", 1}, {"sesuai", 2}, {"di_atas", 3}};
  bool any_supervisor = false;
  for (const auto& r : ratings) any_supervisor = any_supervisor || r.group != RaterRole::kSelf;
  if (!any_supervisor) {
    out["raters"] = Json::array();
    out["self_vs_supervisor"] = Json::array();
    out["note"] = "no submitted or signed-off appraisal with ratings in this period";
    return out;
  }
  KINERJA_ASSIGN_OR_RETURN(auto analysed, AnalyseRatings(ratings, RatingScale{1, 3}, options));
  Json j = ObjectivityReportJson(analysed);
  auto name_of = [&staff](const std::string& id) -> Json {
    auto it = staff.find(id);
    return it == staff.end() ? Json(id) : Json(it->second.body.value("name", id));
  };
  std::vector<std::string> rater_ids;
  for (const auto& r : j["raters"]) rater_ids.push_back(r["rater"]);
  KINERJA_ASSIGN_OR_RETURN(auto raters, store.RecordsById(rater_ids));  // names: reference data
  for (auto& r : j["raters"]) {
    auto it = raters.find(r["rater"].get<std::string>());
    r["name"] = it == raters.end() ? r["rater"] : Json(it->second.body.value("name", ""));
  }
  for (auto& g : j["self_vs_supervisor"]) g["name"] = name_of(g["ratee"]);
  for (auto& [k, v] : j.items()) out[k] = std::move(v);
  return out;
}

}  // namespace kinerja::server
