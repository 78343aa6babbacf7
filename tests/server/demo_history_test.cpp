// The demo city's history (server/cli/demo_history.h): deterministic, every HR report shows
// something, and the demo city's own staff stay as SeedDemoCity made them.
#include <gtest/gtest.h>

#include <chrono>
#include <set>

#include "server/auth/auth.h"
#include "server/cli/demo.h"
#include "server/cli/demo_history.h"
#include "server/reports/reports.h"
#include "server/store/central_store.h"

namespace kinerja::server {
namespace {

const org::Date kToday{2026, 12, 7};
constexpr int64_t kNow = 1796630400;  // 2026-12-07 08:00 UTC (15:00 WIB)

const char* const kKinds[] = {"unit", "position", "employee", "appraisal", "self_assessment",
                              "appraisal_response", "competency_assessment", "unit_performance",
                              "training_record", "survey_response", "queue_ticket"};
const char* const kOriginalStaff[] = {"e-budi", "e-ani",  "e-dedi",   "e-sri",  "e-yusuf",
                                      "e-rina", "e-agus", "e-maya", "e-hendra", "e-lina"};

class DemoHistory : public ::testing::Test {
 protected:
  static std::unique_ptr<CentralStore> City(bool history) {
    EXPECT_TRUE(InitCrypto().ok());
    auto s = CentralStore::Open(":memory:");
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    auto store = std::move(s).value();
    EXPECT_TRUE(SeedDemoCity(*store).ok());
    if (history) {
      Status seeded = SeedDemoHistory(*store, kToday, kNow);
      EXPECT_TRUE(seeded.ok()) << seeded.ToString();
    }
    return store;
  }
  static Principal As(CentralStore& store, const std::string& user) {
    auto session = store.Login({user, kDemoPassword, "test-" + user, "test"}, kNow);
    EXPECT_TRUE(session.ok()) << session.status().ToString();
    auto who = store.Authenticate(session->token, kNow);
    EXPECT_TRUE(who.ok());
    return *who;
  }
  static Json Report(ReportFn fn, CentralStore& store, const Principal& who,
                     const std::string& period, const std::string& unit = "",
                     const std::string& split = "") {
    ReportQuery q;
    q.period = period;
    q.unit_id = unit;
    q.split = split;
    q.now = kNow;
    auto r = fn(store, who, q);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : Json();
  }
  // Every record of the history's kinds as (kind, id, body), as HR reads them.
  static std::vector<std::string> Dump(CentralStore& store) {
    const Principal hr = As(store, "hr");
    std::vector<std::string> out;
    for (const char* kind : kKinds) {
      auto records = store.ScopedRecords(hr, kind);
      EXPECT_TRUE(records.ok());
      for (const auto& r : *records) out.push_back(std::string(kind) + " " + r.id + " " + r.body.dump());
    }
    return out;
  }
};

TEST_F(DemoHistory, SameDayGivesTheSameCity) {
  auto a = City(true);
  auto b = City(true);
  const auto da = Dump(*a);
  EXPECT_GT(da.size(), 6000u);
  EXPECT_EQ(da, Dump(*b));
}

TEST_F(DemoHistory, SeedsWithinAFewSecondsAndOnlyOnce) {
  auto store = City(false);
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(SeedDemoHistory(*store, kToday, kNow).ok());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(seconds, 10.0);
  std::printf("demo history seeded in %.2f s\n", seconds);
  EXPECT_EQ(SeedDemoHistory(*store, kToday, kNow).code(), Code::kAlreadyExists);
}

TEST_F(DemoHistory, EveryReportShowsSomething) {
  auto store = City(true);
  const Principal hr = As(*store, "hr");

  for (const char* period : {"2025", "2026-S1"}) {
    SCOPED_TRACE(period);
    Json progress = Report(ProgressReport, *store, hr, period);
    EXPECT_GT(progress["totals"]["signed_off"].get<int>(), 30);
    EXPECT_GT(progress["totals"]["submitted"].get<int>(), 0);

    Json dist = Report(DistributionCurveReport, *store, hr, period);
    std::map<std::string, int> counts;
    int violating = 0;
    for (const auto& u : dist["units"]) {
      for (const auto& [p, n] : u["counts"].items()) counts[p] += n.get<int>();
      if (u.contains("violations") && !u["violations"].empty()) ++violating;
    }
    for (const char* p : {"sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"}) {
      EXPECT_GT(counts[p], 0) << p;
    }
    EXPECT_GE(violating, 1);
    ASSERT_EQ(dist["units_without_org_predikat"].size(), 1u) << dist.dump();
    EXPECT_EQ(dist["units_without_org_predikat"][0]["unit_id"], "pengembangan");

    Json obj = Report(ObjectivityReport, *store, hr, period);
    std::map<std::string, std::set<std::string>> flags;
    for (const auto& r : obj["raters"]) {
      for (const auto& f : r["flags"]) flags[r["rater"].get<std::string>()].insert(f.get<std::string>());
    }
    EXPECT_TRUE(flags["e-pu-00"].count("lenient")) << obj["raters"].dump();
    EXPECT_TRUE(flags["e-ps-00"].count("severe")) << obj["raters"].dump();
    EXPECT_FALSE(flags["e-pm-00"].count("lenient") || flags["e-pm-00"].count("severe"));
  }

  // The one objection, on a signed-off appraisal of 2025.
  auto responses = store->ScopedRecords(hr, "appraisal_response");
  ASSERT_TRUE(responses.ok());
  int objections = 0, accepts = 0;
  for (const auto& r : *responses) (r.body["decision"] == "object" ? objections : accepts)++;
  EXPECT_EQ(objections, 1);
  EXPECT_GT(accepts, 0);
  Json progress = Report(ProgressReport, *store, hr, "2025");
  EXPECT_EQ(progress["totals"]["objected"], 1);

  Json sat = Report(SatisfactionReport, *store, hr, "2026");
  EXPECT_GT(sat["overall"]["respondents"].get<int>(), 2500);
  ASSERT_EQ(sat["units"].size(), 2u);
  for (const auto& e : sat["overall"]["elements"]) EXPECT_FALSE(e["nrr"].is_null()) << e["code"];
  EXPECT_FALSE(sat["units"][0]["lowest_elements"].empty());

  const std::string training = org::FormatDate(DemoTrainingDate(kToday));
  Json st = Report(ServiceTimeReport, *store, hr, "2026", "dpmptsp", training);
  ASSERT_EQ(st["units"].size(), 1u) << st.dump();
  const Json& cmp = st["units"][0]["comparison"];
  EXPECT_LT(cmp["after"]["wait"]["median_minutes"].get<double>(),
            cmp["before"]["wait"]["median_minutes"].get<double>()) << cmp.dump();

  auto needs = TrainingNeedsReport(*store, hr, "2026");
  ASSERT_TRUE(needs.ok()) << needs.status().ToString();
  EXPECT_FALSE((*needs)["training_needs"].empty());

  Json timeline = Report(UnitTimelineReport, *store, hr, "2026", "dpmptsp");
  ASSERT_EQ(timeline["trainings"].size(), 1u);
  EXPECT_EQ(timeline["trainings"][0]["start_date"], training);
  // Waits fall and the IKM rises after the training month.
  double wait_before = 0, wait_after = 0, ikm_before = 0, ikm_after = 0;
  int n_before = 0, n_after = 0;
  for (const auto& m : timeline["months"]) {
    if (m["wait_median_minutes"].is_null() || m["ikm_unit"].is_null()) continue;
    const bool after = m["month"].get<std::string>() > training.substr(0, 7);
    const bool before = m["month"].get<std::string>() < training.substr(0, 7);
    if (after) wait_after += m["wait_median_minutes"].get<double>(), ikm_after += m["ikm_unit"].get<double>(), ++n_after;
    if (before) wait_before += m["wait_median_minutes"].get<double>(), ikm_before += m["ikm_unit"].get<double>(), ++n_before;
  }
  ASSERT_GT(n_before, 3);
  ASSERT_GT(n_after, 3);
  EXPECT_LT(wait_after / n_after, wait_before / n_before);
  EXPECT_GT(ikm_after / n_after, ikm_before / n_before);
}

TEST_F(DemoHistory, LeavesTheOriginalStaffUnappraisedThisYear) {
  auto with = City(true);
  auto without = City(false);
  const Principal hr = As(*with, "hr");
  const Principal hr0 = As(*without, "hr");
  const std::set<std::string> original(std::begin(kOriginalStaff), std::end(kOriginalStaff));
  for (const char* kind : {"appraisal", "self_assessment", "competency_assessment",
                           "appraisal_response"}) {
    auto records = with->ScopedRecords(hr, kind);
    ASSERT_TRUE(records.ok());
    for (const auto& r : *records) {
      EXPECT_FALSE(original.count(r.subject_id)) << kind << " " << r.id;
      EXPECT_FALSE(original.count(r.body.value("employee_id", ""))) << kind << " " << r.id;
    }
  }
  auto a = with->ScopedRecords(hr, "employee");
  auto b = without->ScopedRecords(hr0, "employee");
  ASSERT_TRUE(a.ok() && b.ok());
  std::map<std::string, Json> after;
  for (const auto& r : *a) after[r.id] = r.body;
  for (const auto& r : *b) EXPECT_EQ(after[r.id], r.body) << r.id;
  // Budi's staff have no appraisal for the current annual period.
  const Principal budi = As(*with, "budi");
  Json progress = Report(ProgressReport, *with, budi, "2026");
  EXPECT_EQ(progress["totals"]["staff"], 4);
  EXPECT_EQ(progress["totals"]["not_started"], 4);
}

}  // namespace
}  // namespace kinerja::server
