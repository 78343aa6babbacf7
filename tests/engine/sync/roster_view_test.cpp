// The roster the field app shows: appraisal statuses read from the device store with one
// query, sorting, and the search by name or NIP computed once per query.
#include "engine/sync/roster_view.h"

#include <gtest/gtest.h>

#include <map>

#include "engine/sync/local_store.h"

namespace kinerja {
namespace {

const char* kUnit = "/pemkot/dpmptsp/pelayanan/";

wire::Record Employee(const std::string& id, const std::string& name, const std::string& nip) {
  wire::Record r;
  r.id = id;
  r.kind = "employee";
  r.version = 1;
  r.unit_path = kUnit;
  r.subject_id = id;
  r.body = Json{{"name", name}, {"nip", nip}, {"position", "Analis"}};
  return r;
}

wire::Record Appraisal(const std::string& id, const std::string& employee,
                       const std::string& period, const std::string& status) {
  wire::Record r;
  r.id = id;
  r.kind = "appraisal";
  r.version = 1;
  r.unit_path = kUnit;
  r.subject_id = employee;
  r.body = Json{{"employee_id", employee}, {"period", period}, {"status", status}};
  return r;
}

TEST(RosterView, StatusesComeFromThisPeriodsAppraisalsAndTheRestAreNotStarted) {
  auto store = LocalStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  wire::PullResponse pull;
  pull.records = {Employee("e-ani", "Ani Lestari", "199203152019032012"),
                  Employee("e-dedi", "Dedi Kurniawan", "198811032014021001"),
                  Employee("e-sri", "Sri Wahyuni", "199507212020122009"),
                  Employee("e-yusuf", "Yusuf Pratama", "199009182015031002"),
                  Appraisal("skp-e-ani-2026", "e-ani", "2026", "draft"),
                  Appraisal("skp-e-dedi-2026", "e-dedi", "2026", "submitted"),
                  Appraisal("skp-e-sri-2026", "e-sri", "2026", "signed_off"),
                  Appraisal("skp-e-yusuf-2025", "e-yusuf", "2025", "signed_off")};
  pull.cursor = 8;
  ASSERT_TRUE((*store)->ApplyPull(pull).ok());

  auto statuses = LoadAppraisalStatuses(**store, "2026");
  ASSERT_TRUE(statuses.ok()) << statuses.status().ToString();
  EXPECT_EQ(statuses->size(), 3u) << "last year's appraisal of Yusuf does not count";

  auto employees = (*store)->List("employee");
  ASSERT_TRUE(employees.ok());
  RosterView view;
  view.Build(*employees, *statuses);
  ASSERT_EQ(view.rows().size(), 4u);
  std::map<std::string, std::string> by_id;
  for (const auto& r : view.rows()) by_id[r.id] = AppraisalStatusCode(r.status);
  EXPECT_EQ(by_id["e-ani"], "draft");
  EXPECT_EQ(by_id["e-dedi"], "submitted");
  EXPECT_EQ(by_id["e-sri"], "signed_off");
  EXPECT_EQ(by_id["e-yusuf"], "not_started");
  EXPECT_EQ(view.counts()[static_cast<size_t>(AppraisalStatus::kNotStarted)], 1);
  EXPECT_EQ(view.counts()[static_cast<size_t>(AppraisalStatus::kSignedOff)], 1);
}

TEST(RosterView, TheFurthestStatusWinsWhenTwoRecordsCoverOneEmployeeAndPeriod) {
  auto store = LocalStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  wire::PullResponse pull;
  pull.records = {Appraisal("a-1", "e-ani", "2026", "submitted"),
                  Appraisal("a-2", "e-ani", "2026", "draft")};
  pull.cursor = 2;
  ASSERT_TRUE((*store)->ApplyPull(pull).ok());
  auto statuses = LoadAppraisalStatuses(**store, "2026");
  ASSERT_TRUE(statuses.ok());
  EXPECT_EQ(statuses->at("e-ani"), AppraisalStatus::kSubmitted);
}

TEST(RosterView, AnUnknownStoredStatusCountsAsStarted) {
  EXPECT_EQ(AppraisalStatusFromCode("whatever"), AppraisalStatus::kDraft);
  EXPECT_EQ(AppraisalStatusFromCode(""), AppraisalStatus::kDraft);
  EXPECT_STREQ(AppraisalStatusCode(AppraisalStatus::kNotStarted), "not_started");
}

TEST(RosterView, RowsAreSortedByNameIgnoringCase) {
  RosterView view;
  view.Build({Employee("3", "yusuf", "3"), Employee("1", "Ani", "1"), Employee("2", "budi", "2")}, {});
  ASSERT_EQ(view.visible().size(), 3u);
  EXPECT_EQ(view.rows()[static_cast<size_t>(view.visible()[0])].name, "Ani");
  EXPECT_EQ(view.rows()[static_cast<size_t>(view.visible()[1])].name, "budi");
  EXPECT_EQ(view.rows()[static_cast<size_t>(view.visible()[2])].name, "yusuf");
}

TEST(RosterView, SearchFindsByNameIgnoringCaseAndByNipWithOrWithoutItsSpaces) {
  RosterView view;
  view.Build({Employee("e-ani", "Ani Lestari", "199203152019032012"),
              Employee("e-dedi", "Dedi Kurniawan", "198811032014021001"),
              Employee("e-sri", "Sri Wahyuni", "199507212020122009")},
             {});
  auto shown = [&] {
    std::vector<std::string> ids;
    for (int i : view.visible()) ids.push_back(view.rows()[static_cast<size_t>(i)].id);
    return ids;
  };
  EXPECT_TRUE(view.SetQuery("LESTARI"));
  EXPECT_EQ(shown(), std::vector<std::string>{"e-ani"});
  EXPECT_TRUE(view.SetQuery("19881103 201402 1 001"));
  EXPECT_EQ(shown(), std::vector<std::string>{"e-dedi"});
  EXPECT_TRUE(view.SetQuery("2020122009"));
  EXPECT_EQ(shown(), std::vector<std::string>{"e-sri"});
  EXPECT_TRUE(view.SetQuery("nobody"));
  EXPECT_TRUE(shown().empty());
  EXPECT_TRUE(view.SetQuery("  "));
  EXPECT_EQ(shown().size(), 3u) << "a blank query shows everyone";
}

TEST(RosterView, TheSameQueryTwiceFiltersOnceAndARebuildKeepsTheQuery) {
  RosterView view;
  view.Build({Employee("e-ani", "Ani Lestari", "199203152019032012"),
              Employee("e-dedi", "Dedi Kurniawan", "198811032014021001")},
             {});
  int runs = view.filter_runs();
  EXPECT_TRUE(view.SetQuery("ani"));
  EXPECT_FALSE(view.SetQuery("ani"));
  EXPECT_FALSE(view.SetQuery("ani"));
  EXPECT_EQ(view.filter_runs(), runs + 1);
  view.Build({Employee("e-ani", "Ani Lestari", "199203152019032012"),
              Employee("e-dedi", "Dedi Kurniawan", "198811032014021001"),
              Employee("e-rani", "Rani Ayu", "199203152019032013")},
             {});
  EXPECT_EQ(view.query(), "ani");
  EXPECT_EQ(view.visible().size(), 2u) << "Ani Lestari and Rani Ayu";
}

}  // namespace
}  // namespace kinerja
