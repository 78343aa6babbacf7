// Queue tickets as records carry them: reading and checking bodies (times in order, only ever
// added to), the unit's queue options, and a day's summary from the engine's queue metrics.
#include "engine/service/queue_ticket.h"

#include <gtest/gtest.h>

#include "engine/service/timestamp.h"

namespace kinerja {
namespace {

Json Body() {
  return Json::parse(R"({"unit_id": "dpmptsp", "ticket": 7, "issued_at": "2026-11-29T01:00:00Z",
    "called_at": "2026-11-29T01:05:00Z", "finished_at": "2026-11-29T01:12:30Z", "officer": "e-ani"})");
}

TEST(QueueTicket, AFullTicketReadsAndWritesBackTheSameBody) {
  auto t = ParseQueueTicket(Body(), "body");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->unit_id, "dpmptsp");
  EXPECT_EQ(t->ticket, 7);
  EXPECT_EQ(*t->called - t->issued, 300);
  EXPECT_EQ(*t->finished - *t->called, 450);
  EXPECT_EQ(QueueTicketJson(*t), Body());
}

TEST(QueueTicket, TimesWithAnOffsetAreStoredInUtc) {
  Json body = Body();
  body.erase("called_at");
  body.erase("finished_at");
  body["issued_at"] = "2026-11-29T08:00:00+07:00";
  auto t = ParseQueueTicket(body, "body");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(QueueTicketJson(*t)["issued_at"], "2026-11-29T01:00:00Z");
  EXPECT_FALSE(QueueTicketJson(*t).contains("called_at"));
}

TEST(QueueTicket, BadBodiesAreRefusedNamingTheField) {
  struct Case { const char* patch; const char* message; };
  const Case cases[] = {
      {R"({"customer_name": "Budi"})", "unknown field body.customer_name"},
      {R"({"ticket": 0})", "body.ticket must be 1-99999"},
      {R"({"ticket": 100000})", "body.ticket must be 1-99999"},
      {R"({"ticket": "7"})", "ticket"},
      {R"({"issued_at": null})", "body.issued_at is missing"},  // merge_patch: null removes
      {R"({"issued_at": "yesterday"})", "body.issued_at"},
      {R"({"called_at": "2026-11-29T00:59:59Z"})", "body.called_at is before issued_at"},
      {R"({"finished_at": "2026-11-29T01:04:00Z"})", "body.finished_at is before called_at"},
      {R"({"called_at": null})", "body.finished_at is set but the ticket was never called"},
      {R"({"officer": 12})", "officer"},
  };
  for (const auto& c : cases) {
    Json body = Body();
    body.merge_patch(Json::parse(c.patch));
    auto t = ParseQueueTicket(body, "body");
    ASSERT_FALSE(t.ok()) << c.patch;
    EXPECT_EQ(t.status().code(), Code::kInvalidArgument);
    EXPECT_NE(t.status().message().find(c.message), std::string::npos)
        << c.patch << ": " << t.status().message();
  }
}

TEST(QueueTicket, AnEditMayOnlyAddTheNextTime) {
  Json issued = Body();
  issued.erase("called_at");
  issued.erase("finished_at");
  Json called = Body();
  called.erase("finished_at");
  auto a = ParseQueueTicket(issued, "a").value();
  auto b = ParseQueueTicket(called, "b").value();
  auto c = ParseQueueTicket(Body(), "c").value();
  EXPECT_TRUE(CheckQueueTicketEdit(a, b, "w").ok());
  EXPECT_TRUE(CheckQueueTicketEdit(b, c, "w").ok());
  EXPECT_TRUE(CheckQueueTicketEdit(a, c, "w").ok());

  QueueTicket moved = c;
  moved.called = *c.called + 60;
  EXPECT_NE(CheckQueueTicketEdit(c, moved, "w").message().find("w.called_at cannot change"),
            std::string::npos);
  QueueTicket reissued = b;
  reissued.issued -= 60;
  EXPECT_NE(CheckQueueTicketEdit(b, reissued, "w").message().find("w.issued_at"), std::string::npos);
  QueueTicket other = b;
  other.officer = "e-dedi";
  EXPECT_NE(CheckQueueTicketEdit(b, other, "w").message().find("w.officer"), std::string::npos);
  QueueTicket renumbered = b;
  renumbered.ticket = 8;
  EXPECT_FALSE(CheckQueueTicketEdit(b, renumbered, "w").ok());
  QueueTicket uncalled = a;
  EXPECT_FALSE(CheckQueueTicketEdit(b, uncalled, "w").ok()) << "a time once set stays";
}

TEST(QueueTicket, AUnitKeepsAQueueLogOnlyWhenItsBodySaysTrue) {
  EXPECT_TRUE(QueueLogEnabled(Json{{"queue_log", true}}));
  EXPECT_FALSE(QueueLogEnabled(Json{{"queue_log", false}}));
  EXPECT_FALSE(QueueLogEnabled(Json{{"queue_log", "yes"}}));
  EXPECT_FALSE(QueueLogEnabled(Json{{"name", "Bidang"}}));
}

TEST(QueueTicket, TheUnitsStandardIsReadAndCheckedFromItsBody) {
  auto none = QueueStandard(Json{{"queue_log", true}}, "dpmptsp");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  auto s = QueueStandard(Json::parse(R"({"queue_standard": {"max_wait_minutes": 15}})"), "dpmptsp");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_TRUE(s->has_value());
  EXPECT_EQ((*s)->unit, "dpmptsp");
  EXPECT_EQ((*s)->max_wait_minutes, 15.0);
  EXPECT_FALSE((*s)->max_total_minutes.has_value());
  EXPECT_FALSE(QueueStandard(Json::parse(R"({"queue_standard": {"max_wait_minutes": 0}})"), "u").ok());
  EXPECT_FALSE(QueueStandard(Json::parse(R"({"queue_standard": {"sla": 3}})"), "u").ok());
  EXPECT_FALSE(QueueStandard(Json::parse(R"({"queue_standard": 15})"), "u").ok());
}

TEST(QueueTicket, ADaysSummaryCountsOpenTicketsAndMeasuresTheFinishedOnes) {
  const int64_t day0 = ParseIsoTimestamp("2026-11-29T08:00:00+07:00").value();
  auto ticket = [&](int64_t n, int64_t at, std::optional<int64_t> wait, std::optional<int64_t> service) {
    QueueTicket t;
    t.unit_id = "dpmptsp";
    t.ticket = n;
    t.issued = at;
    t.officer = "e-ani";
    if (wait) t.called = at + *wait;
    if (wait && service) t.finished = at + *wait + *service;
    return t;
  };
  const std::vector<QueueTicket> tickets = {
      ticket(1, day0, 60, 300), ticket(2, day0 + 100, 120, 300), ticket(3, day0 + 200, 600, 900),
      ticket(4, day0 + 300, 30, std::nullopt),                     // being served
      ticket(5, day0 + 400, std::nullopt, std::nullopt),           // waiting
      ticket(6, day0 - 86400, 10, 10),                             // yesterday: left out
  };
  ServiceStandard standard{"dpmptsp", "", 5.0, 15.0};
  QueueDay d = SummariseQueueDay(tickets, WibDay(day0), &standard);
  EXPECT_EQ(d.waiting, 1);
  EXPECT_EQ(d.serving, 1);
  EXPECT_EQ(d.finished, 3);
  EXPECT_EQ(d.metrics.served, 3);
  // Waits 60, 120, 600: median 120; p90 by linear interpolation 120 + 0.8 x 480 = 504.
  EXPECT_DOUBLE_EQ(d.metrics.wait.median, 120);
  EXPECT_DOUBLE_EQ(d.metrics.wait.p90, 504);
  // Services 300, 300, 900: median 300; p90 300 + 0.8 x 600 = 780.
  EXPECT_DOUBLE_EQ(d.metrics.service.median, 300);
  EXPECT_DOUBLE_EQ(d.metrics.service.p90, 780);
  // Within 5 minutes' wait: 2 of 3; within 15 minutes in total (360, 420, 1500 s): 2 of 3.
  EXPECT_DOUBLE_EQ(*d.metrics.wait_within_share(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(*d.metrics.total_within_share(), 2.0 / 3.0);

  QueueDay no_standard = SummariseQueueDay(tickets, WibDay(day0), nullptr);
  EXPECT_FALSE(no_standard.metrics.wait_within_share().has_value());
}

}  // namespace
}  // namespace kinerja
