// training_record: HR records a training some of a unit's staff received; the server checks
// the title, dates, hours, participants, competencies and the unit, stores it in the unit's
// scope, and the supervisors whose subtree holds the unit receive it on their next pull.
#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

class TrainingRecordKind : public DemoCity {
 protected:
  static Json Change(const std::string& id, const Json& body, int64_t base = 0) {
    return Json{{"change_id", "c-" + id + std::to_string(base)},
                {"record_id", id},
                {"kind", "training_record"},
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
  static Json Prima() {
    return Json{{"unit_id", "pelayanan"},
                {"title", "Pelatihan Pelayanan Prima"},
                {"start_date", "2026-05-11"},
                {"end_date", "2026-05-13"},
                {"hours", 24},
                {"participants", Json::array({"e-ani", "e-sri"})},
                {"competencies", Json::array({"M.03", "T.PTSP.01"})},
                {"provider", "BPSDM Provinsi Kalimantan Tengah"}};
  }
  // Expects `body` to be refused with 400 and a message containing `says`.
  void ExpectRefused(const Json& body, const std::string& says) {
    auto r = PushAs("hr", Change("training.t1", body));
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_NE(r.body.find(says), std::string::npos) << r.body;
  }
};

TEST_F(TrainingRecordKind, HrRecordsATrainingAndTheUnitsSupervisorsReceiveIt) {
  auto r = PushAs("hr", Change("training.t1", Prima()));
  ASSERT_EQ(r.status, 200) << r.body;
  Json budi = PulledKind("budi", "training_record");
  ASSERT_EQ(budi.size(), 1u);
  EXPECT_EQ(budi[0]["body"]["title"], "Pelatihan Pelayanan Prima");
  EXPECT_EQ(budi[0]["body"]["participants"], Json::array({"e-ani", "e-sri"}));
  EXPECT_EQ(budi[0]["body"]["hours"], 24);
  EXPECT_EQ(PulledKind("hr", "training_record").size(), 1u);
  EXPECT_EQ(PulledKind("admin", "training_record").size(), 1u);
  EXPECT_EQ(PulledKind("rina", "training_record").size(), 0u) << "another bidang's";
  EXPECT_EQ(PulledKind("hendra", "training_record").size(), 0u);
  EXPECT_EQ(PulledKind("ani", "training_record").size(), 0u) << "employees do not pull it";
  EXPECT_EQ(PulledKind("loket1", "training_record").size(), 0u);
  Json next = Prima();
  next["hours"] = 32;
  r = PushAs("admin", Change("training.t1", next, 1));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(PulledKind("budi", "training_record")[0]["version"], 2);
}

TEST_F(TrainingRecordKind, ADinasTrainingIsNotInABidangSupervisorsPull) {
  Json body = Prima();
  body["unit_id"] = "dpmptsp";
  ASSERT_EQ(PushAs("hr", Change("training.t2", body)).status, 200);
  EXPECT_EQ(PulledKind("budi", "training_record").size(), 0u)
      << "the dinas lies above budi's subtree, not in it";
  EXPECT_EQ(PulledKind("hr", "training_record").size(), 1u);
}

TEST_F(TrainingRecordKind, OnlyHrAndAdminsMayWriteIt) {
  for (const char* user : {"budi", "ani", "loket1"}) {
    auto r = PushAs(user, Change("training.t1", Prima()));
    EXPECT_EQ(r.status, 403) << user << ": " << r.body;
    EXPECT_NE(r.body.find("may not write training_record"), std::string::npos) << r.body;
  }
  auto n = store_->CountRecords("training_record");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0);
}

TEST_F(TrainingRecordKind, AnUnknownUnitOrParticipantIsNotFound) {
  Json body = Prima();
  body["unit_id"] = "dinas-hantu";
  auto r = PushAs("hr", Change("training.t1", body));
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_NE(r.body.find("unit dinas-hantu does not exist"), std::string::npos) << r.body;
  body = Prima();
  body["participants"] = Json::array({"e-ani", "e-hantu"});
  r = PushAs("hr", Change("training.t1", body));
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_NE(r.body.find("employee e-hantu"), std::string::npos) << r.body;
}

TEST_F(TrainingRecordKind, UnknownFieldsAndWrongTypesAreRefusedNamingTheField) {
  Json b = Prima();
  b["name_of_trainer"] = "x";
  ExpectRefused(b, "name_of_trainer");
  b = Prima();
  b["title"] = 7;
  ExpectRefused(b, "title");
  b = Prima();
  b.erase("title");
  ExpectRefused(b, "title");
  b = Prima();
  b["hours"] = "24";
  ExpectRefused(b, "hours must be a whole number 1-1000");
  b = Prima();
  b["participants"] = "e-ani";
  ExpectRefused(b, "participants must be a list of 1-500");
  b = Prima();
  b["participants"] = Json::array({"e-ani", 3});
  ExpectRefused(b, "participants[1] must be an employee id");
  b = Prima();
  b["competencies"] = "M.03";
  ExpectRefused(b, "competencies must be a list");
  b = Prima();
  b["provider"] = Json::array();
  ExpectRefused(b, "provider");
}

TEST_F(TrainingRecordKind, TitleDatesHoursParticipantsAndCodesAreChecked) {
  Json b = Prima();
  b["title"] = "";
  ExpectRefused(b, "title must be 1-200 characters");
  b["title"] = std::string(201, 'a');
  ExpectRefused(b, "title must be 1-200 characters");
  std::string two_hundred;
  for (int i = 0; i < 200; ++i) two_hundred += "\xC3\xA9";  // é: 200 characters, 400 bytes
  b["title"] = two_hundred;
  ASSERT_EQ(PushAs("hr", Change("training.ok", b)).status, 200) << "counted in characters";
  b = Prima();
  b["start_date"] = "11-05-2026";
  ExpectRefused(b, "start_date must be a date YYYY-MM-DD");
  b = Prima();
  b["start_date"] = "2026-02-30";
  ExpectRefused(b, "start_date must be a date YYYY-MM-DD");
  b = Prima();
  b["end_date"] = "2026-05-10";
  ExpectRefused(b, "end_date 2026-05-10 is before start_date 2026-05-11");
  for (int hours : {0, 1001}) {
    b = Prima();
    b["hours"] = hours;
    ExpectRefused(b, "hours must be a whole number 1-1000");
  }
  b = Prima();
  b["participants"] = Json::array();
  ExpectRefused(b, "participants must be a list of 1-500");
  b["participants"] = Json::array({"e-ani", "e-sri", "e-ani"});
  ExpectRefused(b, "participants[2]: employee e-ani is listed twice");
  for (const char* code : {"m.03", "M03", "M..3", "M.03.", "3.M"}) {
    b = Prima();
    b["competencies"] = Json::array({"M.01", code});
    ExpectRefused(b, "competencies[1] must be a competency code");
  }
  b = Prima();
  b["provider"] = std::string(201, 'p');
  ExpectRefused(b, "provider must be");
  b = Prima();
  b.erase("end_date");
  b.erase("hours");
  b.erase("competencies");
  b.erase("provider");
  EXPECT_EQ(PushAs("hr", Change("training.min", b)).status, 200) << "the optional fields";
}

}  // namespace
}  // namespace kinerja::server::testing
