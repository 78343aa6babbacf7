// The device store's sync bookkeeping: what a pull does to a record with unsent edits.
#include "engine/sync/local_store.h"

#include <gtest/gtest.h>

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
