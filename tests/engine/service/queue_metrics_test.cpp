// Queue indicators: timestamps (epoch and ISO-8601 WIB), percentiles, validation of
// backwards times, SLA shares, Little's law, and the before/after case study fixture.
#include "engine/service/queue_metrics.h"

#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

#include "engine/service/service_report.h"
#include "engine/service/timestamp.h"

namespace kinerja {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(KINERJA_TEST_DATA) + "/service/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

constexpr int64_t k0800 = 1709255700 - 15 * 60;  // 2024-03-01T08:00:00+07:00

ServiceTicket Served(int64_t issued, int64_t wait_min, int64_t service_min,
                     const std::string& officer = "O1") {
  ServiceTicket t;
  t.unit = "U";
  t.service = "S";
  t.officer = officer;
  t.issued = issued;
  t.called = issued + wait_min * 60;
  t.finished = *t.called + service_min * 60;
  return t;
}

TEST(ServiceTimestamp, ParsesIsoWithWibOffsetZuluAndNoOffset) {
  EXPECT_EQ(*ParseIsoTimestamp("2024-03-01T08:15:00+07:00"), 1709255700);
  EXPECT_EQ(*ParseIsoTimestamp("2024-03-01T01:15:00Z"), 1709255700);
  EXPECT_EQ(*ParseIsoTimestamp("2024-03-01 08:15:00"), 1709255700);  // no offset = WIB
  EXPECT_EQ(*ParseIsoTimestamp("2024-03-01T08:15+0700"), 1709255700);
  EXPECT_EQ(*ParseIsoTimestamp("2024-03-01T08:15:00.750+07:00"), 1709255700);
  EXPECT_EQ(*ParseIsoTimestamp("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(*ParseIsoTimestamp("2024-02-29T07:00:00+07:00"), 1709164800);
  EXPECT_EQ(WibDay(1709255700), DaysFromCivil(2024, 3, 1));
  EXPECT_EQ(WibDay(*ParseIsoTimestamp("2024-03-01T23:59:59+07:00")), DaysFromCivil(2024, 3, 1));
}

TEST(ServiceTimestampMalformed, RejectsImpossibleOrGarbledText) {
  for (const char* bad : {"2024-02-30T08:00:00+07:00", "2024-03-01", "2024-03-01T25:00",
                          "2024-03-01T08:00:00+7", "yesterday", "2024-03-01T08:00:00 WIB",
                          "2024-13-01T08:00"}) {
    Result<int64_t> r = ParseIsoTimestamp(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.status().message().find("ISO-8601"), std::string::npos);
  }
}

TEST(ServicePercentile, LinearInterpolationMatchesExcelPercentileInc) {
  const std::vector<double> v = {30, 40, 50, 60, 70};
  EXPECT_DOUBLE_EQ(PercentileLinear(v, 0.5), 50);
  EXPECT_DOUBLE_EQ(PercentileLinear(v, 0.9), 66);
  const std::vector<double> even = {1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(PercentileLinear(even, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(PercentileLinear(even, 0.9), 3.7);
  const std::vector<double> one = {7};
  EXPECT_DOUBLE_EQ(PercentileLinear(one, 0.9), 7);
  EXPECT_DOUBLE_EQ(PercentileLinear(v, 1.0), 70);
  EXPECT_DOUBLE_EQ(PercentileLinear(v, 0.0), 30);
}

TEST(ServiceValidation, TimestampsGoingBackwardsAreInvalid) {
  ServiceTicket t = Served(k0800, 10, 5);
  EXPECT_TRUE(ValidateTicket(t).ok());
  ServiceTicket early_call = t;
  early_call.called = t.issued - 60;
  EXPECT_NE(ValidateTicket(early_call).message().find("called before issued"), std::string::npos);
  ServiceTicket early_start = t;
  early_start.service_start = *t.called - 1;
  EXPECT_NE(ValidateTicket(early_start).message().find("started before"), std::string::npos);
  ServiceTicket early_finish = t;
  early_finish.finished = *t.called - 1;
  EXPECT_NE(ValidateTicket(early_finish).message().find("finished before"), std::string::npos);
  ServiceTicket unserved = t;
  unserved.finished.reset();
  EXPECT_NE(ValidateTicket(unserved).message().find("abandoned"), std::string::npos);
  ServiceTicket left = unserved;
  left.abandoned = true;
  left.called.reset();
  EXPECT_TRUE(ValidateTicket(left).ok());
  left.finished = t.issued + 600;
  EXPECT_FALSE(ValidateTicket(left).ok());
}

TEST(ServiceMetrics, MedianP90SlaShareArrivalRateAndLittlesLaw) {
  std::vector<ServiceTicket> ts;
  const int64_t waits[] = {40, 50, 60, 30, 70};
  for (int i = 0; i < 5; ++i) ts.push_back(Served(k0800 + i * 600, waits[i], 10));
  ServiceTicket gone;
  gone.unit = "U";
  gone.service = "S";
  gone.issued = k0800 + 45 * 60;
  gone.abandoned = true;
  ts.push_back(gone);
  const std::vector<ServiceStandard> standards = {{"U", "", 30.0, 60.0}};  // unit-wide
  QueueMetrics m = ComputeQueueMetrics(ts, standards);
  EXPECT_EQ(m.tickets, 6);
  EXPECT_EQ(m.served, 5);
  EXPECT_EQ(m.abandoned, 1);
  EXPECT_DOUBLE_EQ(*m.abandonment_share(), 1.0 / 6.0);
  EXPECT_DOUBLE_EQ(m.wait.median, 50 * 60);
  EXPECT_DOUBLE_EQ(m.wait.p90, 66 * 60);
  EXPECT_DOUBLE_EQ(m.wait.mean, 50 * 60);
  EXPECT_DOUBLE_EQ(m.service.median, 10 * 60);
  EXPECT_DOUBLE_EQ(m.total.mean, 60 * 60);
  EXPECT_DOUBLE_EQ(*m.wait_within_share(), 0.2);   // only the 30-minute wait; <= is within
  EXPECT_DOUBLE_EQ(*m.total_within_share(), 0.6);  // totals 40, 50, 60 of 40..80
  EXPECT_DOUBLE_EQ(m.observed_hours, 2.0);         // 08:00 to 10:00
  EXPECT_DOUBLE_EQ(*m.arrival_rate_per_hour, 3.0);
  EXPECT_DOUBLE_EQ(*m.littles_l, 3.0);   // 3/h x 1 h
  EXPECT_DOUBLE_EQ(*m.littles_lq, 2.5);  // 3/h x 50 min
}

TEST(ServiceMetrics, AServiceSpecificStandardOverridesTheUnitWideOne) {
  std::vector<ServiceTicket> ts = {Served(k0800, 20, 5)};
  const std::vector<ServiceStandard> standards = {{"U", "", 30.0, std::nullopt},
                                                  {"U", "S", 15.0, std::nullopt}};
  QueueMetrics m = ComputeQueueMetrics(ts, standards);
  EXPECT_EQ(m.wait_standard_tickets, 1);
  EXPECT_EQ(m.wait_within_standard, 0);
  EXPECT_FALSE(m.total_within_share().has_value());
}

TEST(ServiceMetrics, NoArrivalRateFromASingleInstant) {
  ServiceTicket t = Served(k0800, 0, 0);
  QueueMetrics m = ComputeQueueMetrics(std::vector<ServiceTicket>{t}, {});
  EXPECT_EQ(m.observed_hours, 0);
  EXPECT_FALSE(m.arrival_rate_per_hour.has_value());
  EXPECT_FALSE(m.littles_l.has_value());
}

TEST(ServiceIndicatorsGroups, PerUnitAndPerOfficerAndInvalidRowsReported) {
  std::vector<ServiceTicket> ts = {Served(k0800, 5, 5, "O2"), Served(k0800, 10, 5, "O1"),
                                   Served(k0800, 15, 5, "O1")};
  ts[2].unit = "V";
  ServiceTicket bad = Served(k0800, 5, 5);
  bad.id = "X9";
  bad.called = k0800 - 1;
  ts.push_back(bad);
  Result<ServiceIndicators> r = ComputeServiceIndicators(ts, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->overall.tickets, 3);
  ASSERT_EQ(r->invalid.size(), 1u);
  EXPECT_EQ(r->invalid[0].index, 3u);
  EXPECT_EQ(r->invalid[0].id, "X9");
  ASSERT_EQ(r->by_unit.size(), 2u);
  EXPECT_EQ(r->by_unit[0].name, "U");
  EXPECT_EQ(r->by_unit[0].metrics.tickets, 2);
  ASSERT_EQ(r->by_officer.size(), 2u);
  EXPECT_EQ(r->by_officer[0].name, "O1");
  EXPECT_DOUBLE_EQ(r->by_officer[0].metrics.wait.median, 12.5 * 60);
}

TEST(ServiceIndicatorsGroups, BadStandardsAreRejected) {
  std::vector<ServiceStandard> dup = {{"U", "S", 10.0, {}}, {"U", "S", 20.0, {}}};
  Result<ServiceIndicators> r = ComputeServiceIndicators({}, dup);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("standards[1] repeats"), std::string::npos);
  std::vector<ServiceStandard> zero = {{"U", "S", 0.0, {}}};
  EXPECT_FALSE(ComputeServiceIndicators({}, zero).ok());
}

TEST(ServiceProperty, MetricsAreIndependentOfTicketOrderAndPercentilesOrdered) {
  std::mt19937 gen(2024);
  std::vector<ServiceTicket> ts;
  for (int i = 0; i < 2000; ++i) {
    ServiceTicket t = Served(k0800 + (gen() % 28800), gen() % 90, 1 + gen() % 30,
                             "O" + std::to_string(gen() % 4));
    if (gen() % 10 == 0) {
      t.abandoned = true;
      t.finished.reset();
      t.called.reset();
    }
    ts.push_back(t);
  }
  QueueMetrics a = ComputeQueueMetrics(ts, {});
  for (size_t i = ts.size() - 1; i > 0; --i) std::swap(ts[i], ts[gen() % (i + 1)]);
  QueueMetrics b = ComputeQueueMetrics(ts, {});
  EXPECT_EQ(a.wait.median, b.wait.median);
  EXPECT_EQ(a.wait.p90, b.wait.p90);
  EXPECT_EQ(a.abandoned, b.abandoned);
  EXPECT_EQ(*a.arrival_rate_per_hour, *b.arrival_rate_per_hour);
  EXPECT_LE(a.wait.median, a.wait.p90);
  EXPECT_LE(a.service.median, a.service.p90);
  EXPECT_GE(a.wait.median, 0);
}

// The one-stop-office case study: long waits, then training + a better queue system.
TEST(ServiceReport, CaseStudyBeforeAfterShowsShorterWaits) {
  Result<Json> r = ServiceReportFromJson(Fixture("case_study.json"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Json& j = *r;
  ASSERT_EQ(j["invalid_tickets"].size(), 1u);
  EXPECT_EQ(j["invalid_tickets"][0]["id"], "BAD-1");
  EXPECT_EQ(j["invalid_tickets"][0]["index"], 11);
  EXPECT_NE(j["invalid_tickets"][0]["reason"].get<std::string>().find("backwards"),
            std::string::npos);
  EXPECT_EQ(j["overall"]["tickets"], 11);
  EXPECT_EQ(j["overall"]["abandoned"], 1);
  ASSERT_EQ(j["by_unit"].size(), 1u);
  EXPECT_EQ(j["by_unit"][0]["unit"], "DPMPTSP");
  ASSERT_EQ(j["by_officer"].size(), 2u);

  const Json& c = j["comparison"];
  const Json& before = c["before"];
  EXPECT_EQ(before["tickets"], 6);
  EXPECT_EQ(before["wait"]["median_minutes"], 50.0);
  EXPECT_EQ(before["wait"]["p90_minutes"], 66.0);
  EXPECT_EQ(before["wait_within_standard_share"], 0.2);
  EXPECT_EQ(before["total_within_standard_share"], 0.6);
  EXPECT_EQ(before["abandonment_share"], 0.1667);
  EXPECT_EQ(before["arrival_rate_per_hour"], 3.0);
  EXPECT_EQ(before["littles_l"], 3.0);
  const Json& after = c["after"];
  EXPECT_EQ(after["tickets"], 5);
  EXPECT_EQ(after["wait"]["median_minutes"], 15.0);
  EXPECT_EQ(after["wait"]["p90_minutes"], 29.0);
  EXPECT_EQ(after["service"]["median_minutes"], 8.0);
  EXPECT_EQ(after["wait_within_standard_share"], 0.8);
  EXPECT_EQ(after["total_within_standard_share"], 1.0);
  EXPECT_EQ(after["arrival_rate_per_hour"], 3.61);  // 5 tickets over 08:00-09:23
  EXPECT_EQ(c["median_wait_change_minutes"], -35.0);
  EXPECT_EQ(c["p90_wait_change_minutes"], -37.0);
  EXPECT_EQ(c["median_wait_change_percent"], -70.0);
  EXPECT_EQ(c["wait_within_standard_share_change"], 0.6);
  EXPECT_EQ(c["total_within_standard_share_change"], 0.4);
  EXPECT_EQ(c["median_service_change_minutes"], -2.0);
}

TEST(ServiceReport, WithoutCompareTheComparisonIsNull) {
  Result<Json> r = ServiceReportFromJson(
      R"({"tickets":[{"unit":"U","issued":1709254800,"called":1709255100,"finished":1709255400}]})");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE((*r)["comparison"].is_null());
  EXPECT_EQ((*r)["overall"]["wait"]["median_minutes"], 5.0);
  EXPECT_TRUE((*r)["overall"]["wait_within_standard_share"].is_null());
  EXPECT_EQ((*r)["by_officer"], Json::array());
}

// --- malformed payloads ---

std::string ReportError(const std::string& text) {
  Result<Json> r = ServiceReportFromJson(text);
  EXPECT_FALSE(r.ok()) << text;
  return r.ok() ? "" : r.status().message();
}

TEST(ServiceReportMalformed, ErrorsNameTheField) {
  EXPECT_NE(ReportError("{").find("malformed JSON"), std::string::npos);
  EXPECT_EQ(ReportError("[]"), "the service file must be a JSON object");
  EXPECT_EQ(ReportError("{}"), "tickets is missing");
  EXPECT_EQ(ReportError(R"({"tickets":[{"unit":"U"}]})"), "tickets[0].issued is missing");
  EXPECT_NE(ReportError(R"({"tickets":[{"unit":"U","issued":"kemarin"}]})")
                .find("tickets[0].issued: \"kemarin\" is not a timestamp"),
            std::string::npos);
  EXPECT_NE(ReportError(R"({"tickets":[{"unit":"U","issued":1.5}]})")
                .find("tickets[0].issued must be epoch seconds"),
            std::string::npos);
  EXPECT_EQ(ReportError(R"({"tickets":[{"unit":"U","issued":1,"nik":"123"}]})"),
            "unknown field tickets[0].nik");
  EXPECT_NE(ReportError(R"({"tickets":[{"unit":7,"issued":1}]})").find("tickets[0].unit"),
            std::string::npos);
  EXPECT_NE(ReportError(R"({"tickets":[],"standards":[{"unit":"U","max_wait_minutes":"15"}]})")
                .find("standards[0].max_wait_minutes"),
            std::string::npos);
  EXPECT_NE(ReportError(R"({"tickets":[],"compare":{"before":{"from":10,"to":5},"after":{"from":1,"to":2}}})")
                .find("compare.before.to must be after from"),
            std::string::npos);
  EXPECT_EQ(ReportError(R"({"tickets":[],"compare":{"before":{"from":1,"to":5}}})"),
            "compare needs both before and after");
}

}  // namespace
}  // namespace kinerja
