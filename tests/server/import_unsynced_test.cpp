// `kinerja import unsynced`: a tablet's export file (made here by the engine's LocalStore, as
// the Sync screen makes it) applied as that device would push it.
#include "server/cli/import_unsynced.h"

#include <gtest/gtest.h>

#include "engine/sync/local_store.h"
#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

class ImportUnsyncedFile : public DemoCity {
 protected:
  // Budi's tablet: two notes about Ani, one too long for the server, and one set aside.
  std::string BudisExport() {
    auto local = LocalStore::Open(":memory:");
    EXPECT_TRUE(local.ok());
    LocalStore& s = **local;
    wire::Session session;
    session.token = "t";
    session.username = "budi";
    session.role = wire::Role::kSupervisor;
    EXPECT_TRUE(s.SaveSession(session).ok());
    const std::string path = "/pemkot/dpmptsp/pelayanan/";
    auto note = [&](const std::string& text) {
      return s.Write({"", "appraisal_note", "e-ani", path, Json{{"employee_id", "e-ani"}, {"text", text}}},
                     now_);
    };
    first_ = note("Pelayanan loket tertib ✓")->change_id;
    too_long_ = note(std::string(4001, 'x'))->change_id;
    second_ = note("Séverine dilayani cepat")->change_id;
    auto aside = note("ditolak dulu");
    EXPECT_TRUE(s.SetAside(aside->change_id, Status::InvalidArgument("refused before")).ok());
    auto doc = s.ExportUnsynced(now_);
    EXPECT_TRUE(doc.ok());
    return doc->dump(2);
  }
  int64_t Notes() { return *store_->CountRecords("appraisal_note"); }

  std::string first_, too_long_, second_;
};

TEST_F(ImportUnsyncedFile, EachQueuedChangeIsPushedAsTheDeviceWouldAndReported) {
  const std::string file = BudisExport();
  auto done = ImportUnsynced(*store_, file, "budi.json", now_);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  const Json& r = done->report;
  EXPECT_EQ(r["user"], "budi");
  EXPECT_EQ(r["changes"], 3);
  EXPECT_EQ(r["applied"], 2);
  EXPECT_EQ(r["refused"], 1);
  EXPECT_EQ(r["set_aside_on_device"], 1);
  EXPECT_FALSE(done->all_stored);
  ASSERT_EQ(r["outcomes"].size(), 4u);
  EXPECT_EQ(r["outcomes"][0]["change_id"], first_);
  EXPECT_EQ(r["outcomes"][0]["outcome"], "applied");
  EXPECT_EQ(r["outcomes"][1]["change_id"], too_long_);
  EXPECT_EQ(r["outcomes"][1]["outcome"], "refused");
  EXPECT_EQ(r["outcomes"][1]["code"], "invalid_argument");
  EXPECT_NE(r["outcomes"][1]["message"].get<std::string>().find("4000"), std::string::npos)
      << r["outcomes"][1];
  EXPECT_EQ(r["outcomes"][2]["outcome"], "applied") << "a refusal does not stop the rest";
  EXPECT_EQ(r["outcomes"][3]["outcome"], "set_aside_on_device");
  EXPECT_EQ(Notes(), 2);
  auto stored = store_->RecordsAbout("appraisal_note", {"e-ani"});
  ASSERT_TRUE(stored.ok());
  bool found = false;
  for (const auto& rec : *stored) found = found || rec.body["text"] == "Séverine dilayani cepat";
  EXPECT_TRUE(found) << "the text as written";
}

TEST_F(ImportUnsyncedFile, ImportingTheSameFileTwiceStoresNothingTwice) {
  const std::string file = BudisExport();
  ASSERT_TRUE(ImportUnsynced(*store_, file, "budi.json", now_).ok());
  auto again = ImportUnsynced(*store_, file, "budi.json", now_ + 60);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->report["applied"], 0);
  EXPECT_EQ(again->report["duplicates"], 2);
  EXPECT_EQ(again->report["outcomes"][0]["outcome"], "duplicate");
  EXPECT_EQ(Notes(), 2);
}

TEST_F(ImportUnsyncedFile, AMalformedTruncatedOrForeignFileStoresNothing) {
  const std::string file = BudisExport();
  auto truncated = ImportUnsynced(*store_, file.substr(0, file.size() / 2), "budi.json", now_);
  EXPECT_EQ(truncated.status().code(), Code::kInvalidArgument);
  EXPECT_NE(truncated.status().message().find("truncated"), std::string::npos);
  EXPECT_EQ(ImportUnsynced(*store_, R"({"positions": []})", "p.json", now_).status().code(),
            Code::kInvalidArgument);
  Json doc = *ParseJson(file);
  doc["version"] = 2;
  auto newer = ImportUnsynced(*store_, doc.dump(), "budi.json", now_);
  EXPECT_NE(newer.status().message().find("version 2"), std::string::npos);
  doc = *ParseJson(file);
  doc["push"]["changes"][2]["base_version"] = "one";  // the last change is broken
  auto broken = ImportUnsynced(*store_, doc.dump(), "budi.json", now_);
  EXPECT_EQ(broken.status().code(), Code::kInvalidArgument);
  EXPECT_NE(broken.status().message().find(second_), std::string::npos) << broken.status().message();
  doc = *ParseJson(file);
  doc["user"] = "nobody";
  EXPECT_EQ(ImportUnsynced(*store_, doc.dump(), "budi.json", now_).status().code(), Code::kNotFound);
  EXPECT_EQ(Notes(), 0) << "nothing stored by any of these";
}

TEST_F(ImportUnsyncedFile, TheDevicesUsersRightsApply) {
  Json doc = *ParseJson(BudisExport());
  doc["user"] = "rina";  // another bidang's head: Ani is not hers to note
  auto done = ImportUnsynced(*store_, doc.dump(), "x.json", now_);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->report["applied"], 0);
  EXPECT_EQ(done->report["outcomes"][0]["outcome"], "refused");
  EXPECT_EQ(done->report["outcomes"][0]["code"], "not_found") << "outside her scope, as a push";
  EXPECT_EQ(Notes(), 0);
}

}  // namespace
}  // namespace kinerja::server::testing
