// The HR reports as typed tables (server/export/report_tables.h), each from a small
// hand-made report JSON: the sheets and their columns, numbers as numbers, booleans as text,
// and a name that starts like a formula guarded once written.
#include "server/export/report_tables.h"

#include <gtest/gtest.h>

#include "server/export/csv_writer.h"

namespace kinerja::server::exports {
namespace {

std::vector<std::string> Names(const std::vector<Table>& tables) {
  std::vector<std::string> out;
  for (const auto& t : tables) out.push_back(t.name);
  return out;
}

std::vector<std::string> Columns(const Table& t) {
  std::vector<std::string> out;
  for (const auto& c : t.columns) out.push_back(c.name);
  return out;
}

// The cell of `column` in row `row`.
const Cell& At(const Table& t, size_t row, const std::string& column) {
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c].name == column) return t.rows.at(row).at(c);
  }
  ADD_FAILURE() << "no column " << column << " in " << t.name;
  static const Cell kNone;
  return kNone;
}

void ExpectWritable(const std::vector<Table>& tables) {
  for (const auto& t : tables) EXPECT_TRUE(CheckTable(t).ok()) << CheckTable(t).ToString();
}

TEST(ProgressTables, UnitsAndEmployeesWithTypedCountsAndTheGuardOnNames) {
  Json report = Json::parse(R"j({"report": "progress", "period": "2026",
    "units": [{"unit_id": "pelayanan", "unit": "Bidang Pelayanan", "staff": 2, "not_started": 1,
               "draft": 1, "submitted": 0, "signed_off": 0, "objected": 0, "overdue": 2}],
    "employees": [{"employee_id": "e-x", "name": "=HYPERLINK(\"x\")", "unit_id": "pelayanan",
                   "supervisor_id": "e-budi", "status": "draft", "overdue": true, "days_overdue": 15},
                  {"employee_id": "e-y", "name": "André", "unit_id": "pelayanan",
                   "supervisor_id": "e-budi", "status": "not_started", "overdue": false}]})j");
  auto tables = ProgressTables(report);
  ASSERT_EQ(Names(tables), (std::vector<std::string>{"units", "employees"}));
  EXPECT_EQ(Columns(tables[0]),
            (std::vector<std::string>{"period", "unit_id", "unit", "staff", "not_started", "draft",
                                      "submitted", "signed_off", "objected", "overdue"}));
  EXPECT_EQ(At(tables[0], 0, "overdue"), Cell(int64_t{2}));
  EXPECT_EQ(At(tables[1], 0, "days_overdue"), Cell(int64_t{15}));
  EXPECT_EQ(At(tables[1], 0, "overdue"), Cell(std::string("true")));
  EXPECT_EQ(At(tables[1], 1, "days_overdue"), Cell(std::monostate{}));
  ExpectWritable(tables);
  auto csv = TableCsv(tables[1]);
  ASSERT_TRUE(csv.ok());
  EXPECT_NE(csv->find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos) << *csv;
  EXPECT_NE(csv->find("2026,e-x,"), std::string::npos) << *csv;
}

TEST(DistributionTables, CountsPerPredikatAndOneRowPerCheckWithItsMessage) {
  Json report = Json::parse(R"j({"report": "distribution", "period": "2026",
    "units": [{"unit_id": "pelayanan", "unit": "Bidang Pelayanan", "staff_count": 3,
               "counts": {"sangat_baik": 1, "baik": 2, "butuh_perbaikan": 0, "kurang": 0, "sangat_kurang": 0},
               "capaian_kinerja_organisasi": "butuh_perbaikan",
               "checks": [{"rule": "BP_BP_MIN_60", "kind": "min_percent", "predikat": ["butuh_perbaikan"],
                           "percent": 60, "bound": 2, "actual_count": 0, "actual_percent": 0.0, "ok": false},
                          {"rule": "X_BOTH", "kind": "min_count", "predikat": ["butuh_perbaikan", "kurang"],
                           "percent": null, "bound": 1, "actual_count": 0, "actual_percent": 0.0, "ok": true}],
               "violations": [{"rule": "BP_BP_MIN_60", "message": "BP_BP_MIN_60: 0 of 3 staff"}],
               "ok": false, "feasible": true},
              {"unit_id": "pengaduan", "unit": "Pengaduan", "staff_count": 1,
               "counts": {"baik": 1}, "capaian_kinerja_organisasi": null, "note": "no capaian"}]})j");
  auto tables = DistributionTables(report);
  ASSERT_EQ(Names(tables), (std::vector<std::string>{"units", "checks"}));
  EXPECT_EQ(Columns(tables[0]),
            (std::vector<std::string>{"period", "unit_id", "unit", "staff_count", "sangat_baik",
                                      "baik", "butuh_perbaikan", "kurang", "sangat_kurang",
                                      "capaian_kinerja_organisasi", "ok", "feasible", "note"}));
  ASSERT_EQ(tables[0].rows.size(), 2u);
  EXPECT_EQ(At(tables[0], 0, "baik"), Cell(int64_t{2}));
  EXPECT_EQ(At(tables[0], 0, "feasible"), Cell(std::string("true")));
  EXPECT_EQ(At(tables[0], 1, "capaian_kinerja_organisasi"), Cell(std::monostate{}));
  ASSERT_EQ(tables[1].rows.size(), 2u);
  EXPECT_EQ(At(tables[1], 0, "message"), Cell(std::string("BP_BP_MIN_60: 0 of 3 staff")));
  EXPECT_EQ(At(tables[1], 0, "percent"), Cell(int64_t{60}));
  EXPECT_EQ(At(tables[1], 1, "percent"), Cell(std::monostate{}));
  EXPECT_EQ(At(tables[1], 1, "predikat"), Cell(std::string("butuh_perbaikan + kurang")));
  EXPECT_EQ(At(tables[1], 1, "message"), Cell(std::monostate{}));
  ExpectWritable(tables);
}

TEST(ObjectivityTables, RatersWithTheirNumbersAndTheSelfGap) {
  Json report = Json::parse(R"j({"report": "objectivity", "period": "2026",
    "raters": [{"rater": "e-budi", "name": "+Budi", "ratees": 3, "ratings": 24, "status": "ok",
                "flags": ["halo", "lenient"],
                "leniency": {"mean_difference": 0.3333, "effect_size": 0.7577, "z": 1.0},
                "central_tendency": {"sd_ratio": 1.0946, "midpoint_share": 0.6667},
                "halo": {"mean_within_ratee_sd": 0.0},
                "distribution": {"chi_square": 0.8889, "p_value": 0.345779}}],
    "self_vs_supervisor": [{"ratee": "e-ani", "name": "Ani", "dimensions": 8, "supervisors": 1,
                            "self_mean": 3.0, "supervisor_mean": 2.0, "gap": 1.0, "flag": "self_higher"}]})j");
  auto tables = ObjectivityTables(report);
  ASSERT_EQ(Names(tables), (std::vector<std::string>{"raters", "self_vs_supervisor"}));
  EXPECT_EQ(At(tables[0], 0, "flags"), Cell(std::string("halo; lenient")));
  EXPECT_EQ(At(tables[0], 0, "leniency_effect_size"), Cell(0.7577));
  EXPECT_EQ(At(tables[0], 0, "p_value"), Cell(0.345779));
  EXPECT_EQ(At(tables[0], 0, "halo_mean_within_ratee_sd"), Cell(0.0));
  EXPECT_EQ(At(tables[1], 0, "gap"), Cell(1.0));
  ExpectWritable(tables);
  auto csv = TableCsv(tables[0]);
  ASSERT_TRUE(csv.ok());
  EXPECT_NE(csv->find(",'+Budi,"), std::string::npos) << *csv;
}

TEST(SatisfactionTables, AggregatesPerUnitElementMonthAndService) {
  Json report = Json::parse(R"j({"report": "satisfaction", "period": "2026",
    "units": [{"unit_id": "dpmptsp", "unit": "Dinas", "respondents": 3, "ikm": 3.2593,
               "ikm_unit": 81.48, "grade": "B", "label": "Baik", "population": 50,
               "sample": {"required": 44, "achieved": 3, "sufficient": false},
               "elements": [{"code": "U1", "name": "Persyaratan", "answered": 3, "nrr": 3.3333,
                             "weighted_nrr": 0.3704}],
               "months": [{"month": "2026-01", "respondents": 2, "ikm_unit": 87.5, "grade": "B"}],
               "services": [{"service": "-IMB", "respondents": 2, "ikm_unit": 84.72, "grade": "B"}]}]})j");
  auto tables = SatisfactionTables(report);
  ASSERT_EQ(Names(tables),
            (std::vector<std::string>{"units", "elements", "months", "services"}));
  EXPECT_EQ(Columns(tables[0]),
            (std::vector<std::string>{"period", "unit_id", "unit", "respondents", "ikm", "ikm_unit",
                                      "grade", "label", "population", "sample_required",
                                      "sample_achieved", "sample_sufficient"}));
  EXPECT_EQ(At(tables[0], 0, "sample_required"), Cell(int64_t{44}));
  EXPECT_EQ(At(tables[0], 0, "sample_sufficient"), Cell(std::string("false")));
  EXPECT_EQ(At(tables[1], 0, "nrr"), Cell(3.3333));
  EXPECT_EQ(At(tables[2], 0, "month"), Cell(std::string("2026-01")));
  EXPECT_EQ(Columns(tables[3]), (std::vector<std::string>{"period", "unit_id", "service",
                                                          "respondents", "ikm_unit", "grade"}));
  ExpectWritable(tables);
  auto csv = TableCsv(tables[3]);
  ASSERT_TRUE(csv.ok());
  EXPECT_NE(csv->find(",'-IMB,2,84.72,B"), std::string::npos) << *csv;
}

TEST(ServiceTimeTables, ComparisonOnlyWithASplitAndItsDateTyped) {
  Json unit = Json::parse(R"j({"unit_id": "dpmptsp", "unit": "Dinas", "tickets": 4, "served": 4,
    "open_tickets": 1, "wait": {"median_minutes": 15.0, "p90_minutes": 27.0, "mean_minutes": 16.25},
    "service": {"median_minutes": 10.0}, "wait_within_standard_share": 0.5,
    "months": [{"month": "2026-03", "tickets": 3, "wait": {"median_minutes": 20.0}}],
    "comparison": {"before": {"tickets": 3, "wait": {"median_minutes": 20.0}},
                   "after": {"tickets": 1, "wait": {"median_minutes": 5.0}},
                   "median_wait_change_minutes": -15.0}})j");
  Json report{{"report", "service-time"}, {"period", "2026"}, {"split", nullptr},
              {"units", Json::array({unit})}};
  auto tables = ServiceTimeTables(report);
  ASSERT_EQ(Names(tables), (std::vector<std::string>{"units", "months"}));
  EXPECT_EQ(At(tables[0], 0, "wait_median_minutes"), Cell(15.0));
  EXPECT_EQ(At(tables[0], 0, "wait_mean_minutes"), Cell(16.25));
  EXPECT_EQ(At(tables[0], 0, "total_median_minutes"), Cell(std::monostate{}));
  EXPECT_EQ(At(tables[0], 0, "open_tickets"), Cell(int64_t{1}));
  EXPECT_EQ(At(tables[1], 0, "month"), Cell(std::string("2026-03")));
  report["split"] = "2026-04-01";
  tables = ServiceTimeTables(report);
  ASSERT_EQ(Names(tables), (std::vector<std::string>{"units", "months", "comparison"}));
  EXPECT_EQ(tables[2].columns[2].type, ColumnType::kDate);
  EXPECT_EQ(At(tables[2], 0, "split"), Cell(std::string("2026-04-01")));
  EXPECT_EQ(At(tables[2], 0, "median_wait_before_minutes"), Cell(20.0));
  EXPECT_EQ(At(tables[2], 0, "median_wait_change_minutes"), Cell(-15.0));
  ExpectWritable(tables);
}

}  // namespace
}  // namespace kinerja::server::exports
