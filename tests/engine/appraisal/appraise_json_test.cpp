#include "engine/appraisal/appraise_json.h"

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace kinerja {
namespace {

std::string ReadData(const std::string& name) {
  std::ifstream f(std::string(KINERJA_TEST_DATA) + "/appraisal/" + name, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  EXPECT_FALSE(ss.str().empty()) << name;
  return ss.str();
}

Json Report(const std::string& name) {
  auto r = AppraiseReportFromJson(ReadData(name));
  EXPECT_TRUE(r.ok()) << name << ": " << r.status().ToString();
  return r.ok() ? *r : Json();
}

Status ErrorFor(const std::string& name) {
  auto r = AppraiseReportFromJson(ReadData(name));
  EXPECT_FALSE(r.ok()) << name;
  return r.ok() ? Status::Ok() : r.status();
}

TEST(AppraisalCommand, StaffSkpGivesBothRatingsPredikatAndCapaian) {
  Json r = Report("skp_staff.json");
  EXPECT_EQ(r["template"], "permenpanrb-6-2022.v1");
  EXPECT_EQ(r["kind"], "rating");
  EXPECT_EQ(r["rating_hasil_kerja"], "Di Atas Ekspektasi");
  EXPECT_EQ(r["rating_hasil_kerja_source"], "rater");
  EXPECT_EQ(r["rating_perilaku"], "Di Atas Ekspektasi");
  EXPECT_EQ(r["rating_perilaku_source"], "derived_median");
  EXPECT_EQ(r["predikat"], "Sangat Baik");
  EXPECT_EQ(r["predikat_code"], "sangat_baik");
  EXPECT_EQ(r["angka_kredit_percent"], 150);
  ASSERT_EQ(r["indikator"].size(), 3u);
  EXPECT_EQ(r["indikator"][0]["capaian"], 105.0);
  EXPECT_EQ(r["indikator"][1]["capaian"], 107.14);
  EXPECT_EQ(r["indikator"][2]["capaian"], 83.33);
  EXPECT_EQ(r["suggested_rating_hasil_kerja"]["mean_capaian"], 106.07);
  EXPECT_EQ(r["suggested_rating_hasil_kerja"]["rating"], "Di Atas Ekspektasi");
  EXPECT_EQ(r["perilaku"].size(), 7u);
  EXPECT_EQ(r["pegawai"]["nama"], "Budi Santoso");
  EXPECT_TRUE(r["warnings"].empty());
}

TEST(AppraisalCommand, UnitLeaderRatingComesFromTheOrganisation) {
  Json r = Report("skp_leader.json");
  EXPECT_EQ(r["rating_hasil_kerja"], "Di Atas Ekspektasi");
  EXPECT_EQ(r["rating_hasil_kerja_source"], "unit_leader_rule");
  EXPECT_EQ(r["rating_perilaku_source"], "override");
  EXPECT_EQ(r["predikat"], "Sangat Baik");
  ASSERT_EQ(r["warnings"].size(), 1u);
  EXPECT_NE(r["warnings"][0].get<std::string>().find("was replaced"), std::string::npos);
}

TEST(AppraisalCommand, PeersBelowTheMinimumAreHiddenAndSelfIsShownBeside) {
  Json r = Report("skp_360.json");
  const Json& g = r["multi_rater"]["groups"];
  EXPECT_EQ(g["peer"]["raters"], 2);
  EXPECT_EQ(g["peer"]["suppressed"], true);
  EXPECT_TRUE(g["peer"]["mean"].is_null());
  EXPECT_EQ(g["self"]["included"], false);
  EXPECT_EQ(g["self"]["mean"]["loyal"], 3.0);
  EXPECT_EQ(g["supervisor"]["weight_used"], 1.0);
  EXPECT_EQ(r["rating_perilaku"], "Sesuai Ekspektasi");
  EXPECT_EQ(r["predikat"], "Baik");
  EXPECT_EQ(r["warnings"].size(), 2u);
}

TEST(AppraisalCommand, UnitListChecksTheDistribution) {
  Json r = Report("unit_baik.json");
  EXPECT_EQ(r["count"], 7);
  EXPECT_EQ(r["appraisals"][0]["rating_hasil_kerja_source"], "unit_leader_rule");
  const Json& d = r["distribution"];
  EXPECT_EQ(d["capaian_kinerja_organisasi"], "Baik");
  EXPECT_EQ(d["unit"], "Bidang Perizinan");
  EXPECT_EQ(d["counts"]["baik"], 6);
  EXPECT_EQ(d["counts"]["sangat_baik"], 1);
  EXPECT_EQ(d["ok"], false);
  EXPECT_EQ(d["feasible"], true);
  ASSERT_EQ(d["violations"].size(), 2u);
  EXPECT_EQ(d["violations"][0], "BAIK_B_MAX_70");
  EXPECT_EQ(d["violations"][1], "BAIK_BP_OR_K_PRESENT");
  EXPECT_EQ(d["checks"][1]["bound"], 4);
  EXPECT_EQ(d["checks"][1]["actual_count"], 6);
  EXPECT_EQ(d["checks"][1]["actual_percent"], 85.71);
}

TEST(AppraisalCommand, Pp46NumericReportHasAllValuesAndSebutan) {
  Json r = Report("skp_pp46.json");
  EXPECT_EQ(r["kind"], "numeric");
  ASSERT_EQ(r["kegiatan"].size(), 3u);
  EXPECT_EQ(r["kegiatan"][0]["capaian"], 88.67);
  EXPECT_EQ(r["kegiatan"][1]["waktu"], 75.0);
  EXPECT_EQ(r["kegiatan"][2]["biaya"], 86.0);
  EXPECT_EQ(r["nilai_skp"], 91.78);
  EXPECT_EQ(r["sebutan_skp"], "Sangat Baik");
  EXPECT_EQ(r["nilai_perilaku"], 83.0);
  EXPECT_EQ(r["sebutan_perilaku"], "Baik");
  EXPECT_EQ(r["nilai_prestasi_kerja"], 88.27);
  EXPECT_EQ(r["sebutan"], "Baik");
  EXPECT_EQ(r["bobot"]["skp"], 60.0);
}

TEST(AppraisalCommand, Pp30With360InputSwitchesTo60_40) {
  Json r = Report("skp_pp30_360.json");
  EXPECT_EQ(r["bobot"]["skp"], 60.0);
  EXPECT_EQ(r["bobot"]["perilaku"], 40.0);
  EXPECT_EQ(r["multi_rater"]["peer_input_used"], true);
  EXPECT_EQ(r["multi_rater"]["groups"]["subordinate"]["suppressed"], true);
  EXPECT_EQ(r["nilai_perilaku"], 80.0);
  EXPECT_EQ(r["nilai_prestasi_kerja"], 87.2);
}

TEST(AppraisalCommand, NonStrukturalRatersMayOmitKepemimpinan) {
  auto r = AppraiseReportFromJson(R"({"template": "pp-30-2019.v1",
    "kegiatan": [{"kuantitas": {"target": 1, "realisasi": 1}, "kualitas": {"target": 100, "realisasi": 100},
                  "waktu": {"target": 12, "realisasi": 12}}],
    "perilaku": {"orientasi_pelayanan": 80, "integritas": 80, "komitmen": 80, "disiplin": 80, "kerja_sama": 80},
    "raters": []})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)["nilai_perilaku"], 80.0);
  EXPECT_EQ((*r)["bobot"]["skp"], 70.0);
  EXPECT_EQ((*r)["nilai_prestasi_kerja"], 88.4);
}

// ---- malformed files

TEST(AppraisalCommandMalformed, BadJson) {
  Status s = ErrorFor("malformed/bad_json.json");
  EXPECT_EQ(s.code(), Code::kInvalidArgument);
  EXPECT_EQ(s.message().rfind("malformed JSON at byte", 0), 0u) << s.message();
}

TEST(AppraisalCommandMalformed, WrongType) {
  EXPECT_EQ(ErrorFor("malformed/wrong_type.json").message(),
            "rating_hasil_kerja must be a string, not number");
}

TEST(AppraisalCommandMalformed, UnknownRatingText) {
  EXPECT_EQ(ErrorFor("malformed/unknown_rating.json").message(),
            "rating_hasil_kerja is 'Luar Biasa', which is not a rating; allowed: 'Di Atas "
            "Ekspektasi', 'Sesuai Ekspektasi', 'Di Bawah Ekspektasi'");
}

TEST(AppraisalCommandMalformed, UnknownTemplate) {
  Status s = ErrorFor("malformed/unknown_template.json");
  EXPECT_EQ(s.code(), Code::kNotFound);
  EXPECT_EQ(s.message(),
            "template: unknown template 'permenpanrb-6-2021.v1'; built-in templates: "
            "permenpanrb-6-2022.v1, pp-30-2019.v1, pp-46-2011.v1");
}

TEST(AppraisalCommandMalformed, NegativeTarget) {
  EXPECT_EQ(ErrorFor("malformed/negative_target.json").message(),
            "hasil_kerja[0].target must be a number > 0");
}

TEST(AppraisalCommandMalformed, UnknownBerakhlakValue) {
  EXPECT_EQ(ErrorFor("malformed/unknown_value.json").message(),
            "unknown field perilaku.jujur; BerAKHLAK values of template 'permenpanrb-6-2022.v1': "
            "berorientasi_pelayanan, akuntabel, kompeten, harmonis, loyal, adaptif, kolaboratif");
}

TEST(AppraisalCommandMalformed, MissingBerakhlakValues) {
  EXPECT_EQ(ErrorFor("malformed/missing_values.json").message(),
            "perilaku must rate every BerAKHLAK value; missing: berorientasi_pelayanan, "
            "kompeten, harmonis, adaptif, kolaboratif");
}

TEST(AppraisalCommandMalformed, LeaderWithoutOrganisationPredikat) {
  EXPECT_NE(ErrorFor("malformed/leader_without_org.json")
                .message()
                .find("capaian_kinerja_organisasi is missing"),
            std::string::npos);
}

TEST(AppraisalCommandMalformed, NumericZeroWaktuTarget) {
  EXPECT_EQ(ErrorFor("malformed/numeric_negative_waktu.json").message(),
            "kegiatan[0].waktu.target must be a number > 0");
}

TEST(AppraisalCommandMalformed, NumericUnsurOutOfRange) {
  EXPECT_EQ(ErrorFor("malformed/numeric_unsur_out_of_range.json").message(),
            "perilaku.orientasi_pelayanan is 120; allowed 0-100");
}

TEST(AppraisalCommandMalformed, NotAnObject) {
  EXPECT_EQ(ErrorFor("malformed/not_an_object.json").message(),
            "the file must hold a JSON object: one appraisal or {\"appraisals\": [...]}");
}

TEST(AppraisalCommandMalformed, UnknownField) {
  EXPECT_EQ(ErrorFor("malformed/unknown_field.json").message(), "unknown field nilai");
}

TEST(AppraisalCommandMalformed, ErrorsInAListNameTheEntry) {
  auto r = AppraiseReportFromJson(R"({"appraisals": [
      {"template": "permenpanrb-6-2022.v1", "rating_hasil_kerja": "Sesuai", "rating_perilaku": "Sesuai"},
      {"template": "permenpanrb-6-2022.v1", "rating_hasil_kerja": "Bagus", "rating_perilaku": "Sesuai"}]})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind("appraisals[1].rating_hasil_kerja is 'Bagus'", 0), 0u)
      << r.status().message();
}

TEST(AppraisalCommandMalformed, UnknownOrgPredikatInUnit) {
  auto r = AppraiseReportFromJson(R"({"unit": {"capaian_kinerja_organisasi": "Hebat"}, "appraisals": [
      {"template": "permenpanrb-6-2022.v1", "rating_hasil_kerja": "Sesuai", "rating_perilaku": "Sesuai"}]})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "unit.capaian_kinerja_organisasi is 'Hebat', which is not a capaian kinerja "
            "organisasi; allowed: 'Istimewa', 'Baik', 'Butuh Perbaikan', 'Kurang', 'Sangat Kurang'");
}

TEST(AppraisalCommandMalformed, UnknownRaterGroup) {
  auto r = AppraiseReportFromJson(R"({"template": "permenpanrb-6-2022.v1", "rating_hasil_kerja": "Sesuai",
      "rating_perilaku": "Sesuai", "raters": [{"group": "boss", "perilaku": {}}]})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "raters[0].group is 'boss'; allowed: self, supervisor, peer, subordinate");
}

}  // namespace
}  // namespace kinerja
