// The device store's sync bookkeeping: what a pull does to a record with unsent edits.
#include "engine/sync/local_store.h"
#include "engine/store/db.h"

#include "engine/sync/ids.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <unistd.h>

namespace kinerja {
namespace {

wire::Record ServerCopy(const std::string& id, int64_t version, int64_t seq, bool conflict,
                        const std::string& text) {
  wire::Record r;
  r.id = id;
  r.kind = "appraisal_note";
  r.version = version;
  r.unit_path = "/pemkot/dpmptsp/pelayanan/";
  r.subject_id = "e-ani";
  r.body = Json{{"employee_id", "e-ani"}, {"text", text}};
  r.conflict = conflict;
  r.seq = seq;
  return r;
}

// The lost-answer case the convergence test found: the push was stored (as a conflict), its
// answer lost; a pull passed over the record because it still had the edit queued; the resend
// came back "duplicate". The device must pull the record again, not keep its losing body.
TEST(LocalStore, ARecordSkippedByAPullIsPulledAgainOnceItsLastEditIsAcknowledged) {
  auto store = LocalStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  LocalStore& s = **store;
  wire::PullResponse first;
  first.records = {ServerCopy("n-1", 1, 3, false, "v1")};
  first.cursor = 3;
  ASSERT_TRUE(s.ApplyPull(first).ok());
  auto edit = s.Write({"n-1", "appraisal_note", "e-ani", "/pemkot/dpmptsp/pelayanan/",
                       Json{{"employee_id", "e-ani"}, {"text", "mine"}}},
                      1'800'000'000);
  ASSERT_TRUE(edit.ok());

  wire::PullResponse skipped;  // the server already holds another device's v2 and our conflict
  skipped.records = {ServerCopy("n-1", 2, 7, true, "theirs")};
  skipped.cursor = 9;
  ASSERT_TRUE(s.ApplyPull(skipped).ok());
  EXPECT_EQ((*s.Get("n-1"))->body["text"], "mine") << "local edits win while queued";
  EXPECT_EQ(*s.Cursor(), 9);

  wire::PushResponse late;
  late.acks = {{edit->change_id, wire::Outcome::kDuplicate, 2}};
  ASSERT_TRUE(s.ApplyPushResponse(late).ok());
  EXPECT_EQ(*s.PendingCount(), 0);
  EXPECT_EQ(*s.Cursor(), 6) << "the next pull starts before the skipped record";

  ASSERT_TRUE(s.ApplyPull(skipped).ok());
  auto n = *s.Get("n-1");
  EXPECT_EQ(n->body["text"], "theirs");
  EXPECT_EQ(n->version, 2);
  EXPECT_TRUE(n->conflict);
  EXPECT_EQ(*s.Cursor(), 9);
}

TEST(LocalStore, AnAcknowledgementWithoutASkippedPullLeavesTheCursorAlone) {
  auto store = LocalStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  LocalStore& s = **store;
  wire::PullResponse pull;
  pull.cursor = 12;
  ASSERT_TRUE(s.ApplyPull(pull).ok());
  auto edit = s.Write({"", "appraisal_note", "e-ani", "/pemkot/dpmptsp/pelayanan/",
                       Json{{"employee_id", "e-ani"}, {"text", "baru"}}},
                      1'800'000'000);
  ASSERT_TRUE(edit.ok());
  wire::PushResponse acks;
  acks.acks = {{edit->change_id, wire::Outcome::kApplied, 1}};
  ASSERT_TRUE(s.ApplyPushResponse(acks).ok());
  EXPECT_EQ(*s.Cursor(), 12);
}

}  // namespace
}  // namespace kinerja

namespace kinerja {
namespace {

TEST(LocalStore, ARefusedChangeIsSetAsideVisiblyAndTheRecordIsPulledAgain) {
  auto store = LocalStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  LocalStore& s = **store;
  auto a = s.Write({"", "appraisal", "e-ani", "/p/", Json{{"status", "submitted"}}}, 1'800'000'000);
  auto b = s.Write({"", "appraisal_note", "e-ani", "/p/", Json{{"text", "next"}}}, 1'800'000'001);
  ASSERT_TRUE(a.ok() && b.ok());
  wire::PullResponse pulled;
  pulled.cursor = 40;
  ASSERT_TRUE(s.ApplyPull(pulled).ok());

  ASSERT_TRUE(s.SetAside(a->change_id, Status::Locked("appraisal is signed off")).ok());
  EXPECT_EQ(*s.PendingCount(), 1) << "the rest still syncs";
  auto push = s.NextPush(10);
  ASSERT_EQ(push->changes.size(), 1u);
  EXPECT_EQ(push->changes[0].change_id, b->change_id);
  auto aside = s.ListSetAside();
  ASSERT_EQ(aside->size(), 1u);
  EXPECT_EQ((*aside)[0].code, "locked");
  EXPECT_EQ((*aside)[0].reason, "appraisal is signed off");
  EXPECT_EQ((*aside)[0].body["status"], "submitted");
  EXPECT_EQ(*s.Cursor(), 0) << "the server's copy replaces the refused one on the next pull";
  EXPECT_EQ(s.SetAside("nope", Status::Locked("x")).code(), Code::kNotFound);
}

TEST(LocalStore, LogoutWithWipeCountsSetAsideChangesAsUnsynced) {
  auto store = LocalStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  auto a = (*store)->Write({"", "appraisal_note", "e-ani", "/p/", Json{{"text", "x"}}}, 1);
  ASSERT_TRUE((*store)->SetAside(a->change_id, Status::PermissionDenied("no")).ok());
  EXPECT_EQ((*store)->Logout(true, false).code(), Code::kConflict);
  EXPECT_TRUE((*store)->Logout(true, true).ok());
  EXPECT_TRUE((*store)->ListSetAside()->empty());
}

TEST(LocalStore, PendingChangesAreCountedPerKind) {
  auto store = LocalStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  LocalStore& s = **store;
  EXPECT_TRUE(s.PendingByKind()->empty());
  ASSERT_TRUE(s.Write({"", "appraisal_note", "e-ani", "/p/", Json{{"text", "a"}}}, 1).ok());
  ASSERT_TRUE(s.Write({"", "survey_response", "", "/p/", Json{{"service", "x"}}}, 2).ok());
  auto note = s.Write({"", "appraisal_note", "e-ani", "/p/", Json{{"text", "b"}}}, 3);
  ASSERT_TRUE(note.ok());
  auto counts = s.PendingByKind();
  ASSERT_TRUE(counts.ok());
  ASSERT_EQ(counts->size(), 2u);
  EXPECT_EQ((*counts)[0].kind, "appraisal_note");
  EXPECT_EQ((*counts)[0].count, 2);
  EXPECT_EQ((*counts)[1].kind, "survey_response");
  EXPECT_EQ((*counts)[1].count, 1);
  ASSERT_TRUE(s.SetAside(note->change_id, Status::Locked("signed off")).ok());
  EXPECT_EQ((*s.PendingByKind())[0].count, 1) << "a set-aside change no longer waits to be sent";
}

TEST(LocalStore, OnlyRecordsTheServerFlaggedAreListedAsConflicts) {
  auto store = LocalStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  wire::PullResponse pulled;
  pulled.records = {ServerCopy("n-1", 2, 5, true, "mine"), ServerCopy("n-2", 1, 6, false, "fine")};
  pulled.cursor = 6;
  ASSERT_TRUE((*store)->ApplyPull(pulled).ok());
  auto conflicts = (*store)->ListConflicts();
  ASSERT_TRUE(conflicts.ok());
  ASSERT_EQ(conflicts->size(), 1u);
  EXPECT_EQ((*conflicts)[0].id, "n-1");
  EXPECT_EQ((*conflicts)[0].body["text"], "mine");
}

TEST(LocalStore, TheExportHoldsEveryUnsyncedChangeAsAPushBodyAndTheSetAsideOnes) {
  auto store = LocalStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  LocalStore& s = **store;
  wire::Session session;
  session.token = "t";
  session.user_id = "u-budi";
  session.username = "budi";
  session.role = wire::Role::kSupervisor;
  ASSERT_TRUE(s.SaveSession(session).ok());
  auto a = s.Write({"", "appraisal_note", "e-ani", "/p/", Json{{"employee_id", "e-ani"}, {"text", "first"}}}, 1'800'000'000);
  auto b = s.Write({"", "appraisal", "e-ani", "/p/", Json{{"status", "submitted"}}}, 1'800'000'001);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE(s.SetAside(b->change_id, Status::Locked("appraisal is signed off")).ok());

  auto doc = s.ExportUnsynced(1'800'000'100);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ((*doc)["format"], "kinerja-unsynced");
  EXPECT_EQ((*doc)["version"], 1);
  EXPECT_EQ((*doc)["user"], "budi");
  EXPECT_EQ((*doc)["exported_at"], IsoUtc(1'800'000'100));
  // The "push" part parses as a push request, so it can still be sent to the server later.
  auto push = wire::PushRequestFromJson((*doc)["push"]);
  ASSERT_TRUE(push.ok()) << push.status().ToString();
  EXPECT_EQ(push->device_id, *s.DeviceId());
  ASSERT_EQ(push->changes.size(), 1u);
  EXPECT_EQ(push->changes[0].change_id, a->change_id);
  EXPECT_EQ(push->changes[0].body["text"], "first");
  ASSERT_EQ((*doc)["set_aside"].size(), 1u);
  EXPECT_EQ((*doc)["set_aside"][0]["change_id"], b->change_id);
  EXPECT_EQ((*doc)["set_aside"][0]["code"], "locked");
  EXPECT_EQ(*s.PendingCount(), 1) << "exporting sends nothing and drops nothing";
}

TEST(LocalStore, DraftSavesFoldIntoOneQueuedChangeUntilItIsHandedOut) {
  auto store = LocalStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  LocalStore& s = **store;
  LocalStore::Edit draft{"", "appraisal", "e-ani", "/p/", Json{{"comments", "a"}}, {}, true};
  auto first = s.Write(draft, 1);
  ASSERT_TRUE(first.ok());
  draft.record_id = first->record_id;
  draft.body = Json{{"comments", "ab"}};
  auto second = s.Write(draft, 2);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->change_id, first->change_id) << "the unsent draft took the new body";
  EXPECT_EQ(second->base_version, 0);
  EXPECT_EQ(*s.PendingCount(), 1);
  EXPECT_EQ((*s.Get(first->record_id))->version, 1) << "one edit, as the server will see it";
  EXPECT_EQ((*s.Get(first->record_id))->body["comments"], "ab");
  auto push = s.NextPush(10);
  ASSERT_EQ(push->changes.size(), 1u);
  EXPECT_EQ(push->changes[0].body["comments"], "ab");

  // Handed out for sending: the next save queues a change of its own, based on version 1.
  draft.body = Json{{"comments", "abc"}};
  auto third = s.Write(draft, 3);
  ASSERT_TRUE(third.ok());
  EXPECT_NE(third->change_id, first->change_id);
  EXPECT_EQ(third->base_version, 1);
  EXPECT_EQ(*s.PendingCount(), 2);
  auto again = s.NextPush(10);
  ASSERT_EQ(again->changes.size(), 2u);
  EXPECT_EQ(again->changes[0].body["comments"], "ab") << "what was handed out is sent unchanged";

  // An ordinary write never replaces, even an unsent change.
  LocalStore::Edit plain{first->record_id, "appraisal", "e-ani", "/p/", Json{{"comments", "x"}}};
  ASSERT_TRUE(s.Write(plain, 4).ok());
  ASSERT_TRUE(s.Write(plain, 5).ok());
  EXPECT_EQ(*s.PendingCount(), 4);
}

TEST(LocalStore, AnExportedChangeIsNoLongerReplacedByADraftSave) {
  auto store = LocalStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  LocalStore& s = **store;
  LocalStore::Edit draft{"", "appraisal", "e-ani", "/p/", Json{{"comments", "a"}}, {}, true};
  auto first = s.Write(draft, 1);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(s.ExportUnsynced(2).ok());
  draft.record_id = first->record_id;
  draft.body = Json{{"comments", "b"}};
  auto second = s.Write(draft, 3);
  ASSERT_TRUE(second.ok());
  EXPECT_NE(second->change_id, first->change_id) << "the file holds the first body under its id";
  EXPECT_EQ(*s.PendingCount(), 2);
}

TEST(LocalStore, AResolutionKeepsTheChangeIdsItSettlesThroughTheOutbox) {
  auto store = LocalStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  LocalStore::Edit e{"n-1", "appraisal_note", "e-ani", "/p/", Json{{"text", "merged"}}, {"c-3", "c-4"}};
  ASSERT_TRUE((*store)->Write(e, 1).ok());
  auto push = (*store)->NextPush(10);
  ASSERT_EQ(push->changes.size(), 1u);
  EXPECT_EQ(push->changes[0].resolves, (std::vector<std::string>{"c-3", "c-4"}));
}

TEST(LocalStore, AVersionOneStoreIsUpgradedKeepingItsQueue) {
  auto path = std::string("/tmp/kinerja-local-v1-") + std::to_string(::getpid()) + ".db";
  std::remove(path.c_str());
  {
    auto store = LocalStore::Open(path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Write({"", "appraisal_note", "e-ani", "/p/", Json{{"text", "x"}}}, 1).ok());
  }
  {
    // Back to the version-1 layout, as an older app left it (the file opened directly).
    auto db = Database::Open(path);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("DROP TABLE set_aside; ALTER TABLE outbox DROP COLUMN resolves;"
                            " ALTER TABLE outbox DROP COLUMN handed_out;").ok());
    ASSERT_TRUE((*db)->SetUserVersion(1).ok());
  }
  auto store = LocalStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(*(*store)->PendingCount(), 1);
  EXPECT_EQ((*store)->NextPush(10)->changes.size(), 1u);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace kinerja
