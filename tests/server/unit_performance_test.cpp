// unit_performance: HR sets a unit's capaian kinerja organisasi (and optionally its
// service-user population) per period; the server checks the predikat, the period and the
// unit, and the unit's supervisors receive it on their next pull.
#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

class UnitPerformanceKind : public DemoCity {
 protected:
  static Json Change(const std::string& id, const Json& body, int64_t base = 0) {
    return Json{{"change_id", "c-" + id + std::to_string(base)},
                {"record_id", id},
                {"kind", "unit_performance"},
                {"base_version", base},
                {"body", body}};
  }
  HttpResponse PushAs(const std::string& user, const Json& change) {
    return Call("POST", "/api/v1/sync/push", Push(user + "-tab", Json::array({change})),
                LoginAs(user, user + "-tab"));
  }
  Json PulledKind(const std::string& user, const std::string& kind) {
    auto r = Call("GET", "/api/v1/sync/pull?since=0&limit=1000", "", LoginAs(user, user + "-tab"));
    EXPECT_EQ(r.status, 200) << r.body;
    Json out = Json::array();
    const Json pulled = Json::parse(r.body);
    for (const auto& rec : pulled["records"]) {
      if (rec["kind"] == kind) out.push_back(rec);
    }
    return out;
  }
  static Json Baik() {
    return Json{{"unit_id", "pelayanan"},
                {"period", "2026"},
                {"predikat", "baik"},
                {"service_users", 1200},
                {"note", "Rencana aksi tercapai"}};
  }
};

TEST_F(UnitPerformanceKind, HrSetsAUnitsOrganisationPredikatAndItsSupervisorsReceiveIt) {
  auto r = PushAs("hr", Change("unit_performance.pelayanan.2026", Baik()));
  ASSERT_EQ(r.status, 200) << r.body;
  Json budi = PulledKind("budi", "unit_performance");
  ASSERT_EQ(budi.size(), 1u);
  EXPECT_EQ(budi[0]["body"]["predikat"], "baik");
  EXPECT_EQ(budi[0]["body"]["service_users"], 1200);
  EXPECT_EQ(budi[0]["unit_path"], "/pemkot/dpmptsp/pelayanan/");
  EXPECT_EQ(PulledKind("rina", "unit_performance").size(), 0u) << "another bidang's";
  EXPECT_EQ(PulledKind("ani", "unit_performance").size(), 0u) << "employees do not pull it";
  EXPECT_EQ(PulledKind("loket1", "unit_performance").size(), 0u);
  // HR changes it later: a new version, audited as a push.
  Json next = Baik();
  next["predikat"] = "istimewa";
  r = PushAs("admin", Change("unit_performance.pelayanan.2026", next, 1));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(PulledKind("budi", "unit_performance")[0]["version"], 2);
  auto audit = Call("GET", "/api/v1/audit?since=0&limit=1000", "", LoginAs("hr", "hr-tab"));
  EXPECT_NE(audit.body.find("\"push\""), std::string::npos) << audit.body;
}

TEST_F(UnitPerformanceKind, OnlyHrAndAdminsMaySetIt) {
  for (const char* user : {"budi", "ani", "loket1"}) {
    auto r = PushAs(user, Change("unit_performance.pelayanan.2026", Baik()));
    EXPECT_EQ(r.status, 403) << user << ": " << r.body;
    EXPECT_NE(r.body.find("may not write unit_performance"), std::string::npos) << r.body;
  }
  auto n = store_->CountRecords("unit_performance");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0);
}

TEST_F(UnitPerformanceKind, ABadPredikatPeriodPopulationOrRecordIdIsRefusedNamingTheField) {
  Json bad = Baik();
  bad["predikat"] = "sangat_baik";  // an employee predikat, not an organisation one
  auto r = PushAs("hr", Change("unit_performance.pelayanan.2026", bad));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("predikat is 'sangat_baik', not a capaian kinerja organisasi; allowed: "
                        "istimewa, baik, butuh_perbaikan, kurang, sangat_kurang"),
            std::string::npos)
      << r.body;
  bad = Baik();
  bad["period"] = "2026-13";
  r = PushAs("hr", Change("unit_performance.pelayanan.2026-13", bad));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("body.period"), std::string::npos) << r.body;
  bad = Baik();
  bad["service_users"] = 0;
  r = PushAs("hr", Change("unit_performance.pelayanan.2026", bad));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("service_users must be a whole number"), std::string::npos) << r.body;
  r = PushAs("hr", Change("up-1", Baik()));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("record_id must be unit_performance.pelayanan.2026"), std::string::npos)
      << r.body;
  bad = Baik();
  bad["rating"] = 3;
  r = PushAs("hr", Change("unit_performance.pelayanan.2026", bad));
  EXPECT_EQ(r.status, 400) << r.body;
}

TEST_F(UnitPerformanceKind, AnUnknownUnitIsNotFound) {
  Json body = Baik();
  body["unit_id"] = "dinas-hantu";
  auto r = PushAs("hr", Change("unit_performance.dinas-hantu.2026", body));
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_NE(r.body.find("unit dinas-hantu does not exist"), std::string::npos) << r.body;
}

}  // namespace
}  // namespace kinerja::server::testing
