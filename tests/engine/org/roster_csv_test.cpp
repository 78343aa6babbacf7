#include "engine/org/roster_csv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>

namespace kinerja::org {
namespace {

const Date kToday{2026, 1, 15};

std::string ReadFixture(const char* name) {
  std::ifstream in(std::string(KINERJA_TEST_DATA) + "/org/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Describe(const RosterImport& imp) {
  std::string s;
  for (const auto& e : imp.errors) {
    s += std::to_string(e.line) + " [" + e.column + "] " + e.message + "\n";
  }
  return s;
}

TEST(OrgRosterCsv, ValidFileImportsEveryRowAndBuildsARoster) {
  auto imp = ImportRosterCsv(ReadFixture("roster_valid.csv"), kToday);
  ASSERT_TRUE(imp.ok()) << imp.status().ToString();
  EXPECT_TRUE(imp->errors.empty()) << Describe(*imp);
  ASSERT_EQ(imp->rows.size(), 6u);
  EXPECT_EQ(imp->data_rows, 6);
  EXPECT_EQ(imp->rows[0].name, "Drs. Ahmad Yani, M.Si");
  EXPECT_EQ(imp->rows[0].supervisor_nip, "");
  EXPECT_EQ(imp->rows[4].name, "Rudi \"Ucok\" Hartono");
  EXPECT_EQ(imp->rows[2].nip.canonical(), "198503122010011003");
  EXPECT_EQ(imp->rows[2].supervisor_nip, "198005152005012002");
  EXPECT_EQ(imp->rows[5].line, 7);

  auto roster = Roster::Build(EmployeesFromImport(*imp), kToday);
  ASSERT_TRUE(roster.ok()) << roster.status().ToString();
  EXPECT_EQ((*roster->PejabatPenilai("199007202015012004"))->name, "Budi Santoso");
  EXPECT_EQ((*roster->AtasanPejabatPenilai("199007202015012004"))->name, "Siti Rahma");
}

TEST(OrgRosterCsv, MixedFileReportsEachBadRowAndKeepsTheGoodOnes) {
  auto imp = ImportRosterCsv(ReadFixture("roster_mixed_errors.csv"), kToday);
  ASSERT_TRUE(imp.ok()) << imp.status().ToString();
  EXPECT_EQ(imp->data_rows, 12);  // line 3 is blank
  ASSERT_EQ(imp->rows.size(), 2u) << Describe(*imp);
  EXPECT_EQ(imp->rows[0].line, 2);
  EXPECT_EQ(imp->rows[1].line, 4);
  const std::string expected =
      "5 [nip] NIP birth date 19850230 (digits 1-8) is not a calendar date: February 1985 has 28 "
      "days\n"
      "6 [supervisor_nip] supervisor_nip: NIP birth date 19850230 (digits 1-8) is not a calendar "
      "date: February 1985 has 28 days\n"
      "7 [name] name is empty\n"
      "7 [unit_id] unit_id has '/' at position 10; ids may contain only letters, digits, '.', '_' "
      "and '-'\n"
      "8 [nip] NIP 198005152005012002 is already used on line 4\n"
      "9 [] the row has 4 fields; the header has 5\n"
      "10 [supervisor_nip] the supervisor chain loops: line 10 -> line 11 -> line 10\n"
      "11 [supervisor_nip] the supervisor chain loops: line 10 -> line 11 -> line 10\n"
      "12 [supervisor_nip] supervisor_nip 199101012016011007 is on line 10, which was rejected\n"
      "13 [supervisor_nip] supervisor_nip 199909092022011099 is not in this file; add the "
      "supervisor's row or leave it empty\n"
      "14 [supervisor_nip] supervisor_nip is the row's own NIP; leave it empty for the top of the "
      "chain\n";
  EXPECT_EQ(Describe(*imp), expected);
  // Every non-blank data row is either imported or reported.
  std::vector<int> lines;
  for (const auto& r : imp->rows) lines.push_back(r.line);
  for (const auto& e : imp->errors) lines.push_back(e.line);
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  EXPECT_EQ(static_cast<int>(lines.size()), imp->data_rows);
  EXPECT_TRUE(Roster::Build(EmployeesFromImport(*imp), kToday).ok());
}

TEST(OrgRosterCsv, AcceptsByteOrderMarkCrlfAndQuotedLineBreaks) {
  auto imp = ImportRosterCsv(ReadFixture("roster_crlf_bom.csv"), kToday);
  ASSERT_TRUE(imp.ok()) << imp.status().ToString();
  EXPECT_TRUE(imp->errors.empty()) << Describe(*imp);
  ASSERT_EQ(imp->rows.size(), 2u);
  EXPECT_EQ(imp->rows[0].name, "Kepala\r\nDinas");
  EXPECT_EQ(imp->rows[0].line, 2);
  EXPECT_EQ(imp->rows[1].line, 4);
  EXPECT_EQ(imp->rows[1].position_id, "kabid");
}

TEST(OrgRosterCsv, ColumnsMayComeInAnyOrder) {
  auto imp = ImportRosterCsv(
      "unit_id,supervisor_nip,name,nip,position_id\n"
      "dpmptsp,,Kadis,19700101 199503 1 001,kadis\n",
      kToday);
  ASSERT_TRUE(imp.ok());
  ASSERT_EQ(imp->rows.size(), 1u);
  EXPECT_EQ(imp->rows[0].unit_id, "dpmptsp");
  EXPECT_EQ(imp->rows[0].name, "Kadis");
}

TEST(OrgRosterCsv, ResultDoesNotDependOnRowOrder) {
  const std::string text = ReadFixture("roster_mixed_errors.csv");
  std::vector<std::string> lines;
  std::stringstream ss(text);
  std::string line;
  while (std::getline(ss, line)) lines.push_back(line);
  auto ref = ImportRosterCsv(text, kToday);
  ASSERT_TRUE(ref.ok());
  // Compare the set of accepted NIPs and the set of rejected NIP texts, not line numbers. The
  // duplicate pair (lines 4 and 8) is excluded: which copy wins depends on order by design.
  auto accepted = [](const RosterImport& imp) {
    std::vector<std::string> v;
    for (const auto& r : imp.rows) v.push_back(r.nip.canonical());
    std::sort(v.begin(), v.end());
    return v;
  };
  std::vector<std::string> body(lines.begin() + 1, lines.end());
  body.erase(std::remove_if(body.begin(), body.end(),
                            [](const std::string& l) { return l.find("Duplikat") != l.npos; }),
             body.end());
  std::string base = lines[0] + "\n";
  for (const auto& l : body) base += l + "\n";
  auto ref2 = ImportRosterCsv(base, kToday);
  ASSERT_TRUE(ref2.ok());
  std::mt19937 rng(5);
  for (int round = 0; round < 30; ++round) {
    std::shuffle(body.begin(), body.end(), rng);
    std::string t = lines[0] + "\n";
    for (const auto& l : body) t += l + "\n";
    auto imp = ImportRosterCsv(t, kToday);
    ASSERT_TRUE(imp.ok());
    EXPECT_EQ(accepted(*imp), accepted(*ref2));
    EXPECT_EQ(imp->errors.size(), ref2->errors.size()) << Describe(*imp);
  }
}

TEST(OrgRosterCsv, RandomSupervisorForestsAlwaysImportCleanly) {
  std::mt19937 rng(11);
  for (int round = 0; round < 20; ++round) {
    const int n = std::uniform_int_distribution<int>(1, 60)(rng);
    std::vector<std::string> nips;
    std::string csv = "nip,name,position_id,unit_id,supervisor_nip\n";
    for (int i = 0; i < n; ++i) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "19800101200501%d%03d", 1 + i % 2, i + 1);
      nips.push_back(buf);
      std::string sup;
      if (i > 0 && std::uniform_int_distribution<int>(0, 4)(rng) > 0) {
        sup = nips[std::uniform_int_distribution<size_t>(0, nips.size() - 2)(rng)];
      }
      csv += nips.back() + ",Pegawai " + std::to_string(i) + ",pos-" + std::to_string(i) +
             ",unit-1," + sup + "\n";
    }
    auto imp = ImportRosterCsv(csv, kToday);
    ASSERT_TRUE(imp.ok());
    EXPECT_TRUE(imp->errors.empty()) << Describe(*imp);
    EXPECT_EQ(static_cast<int>(imp->rows.size()), n);
    EXPECT_TRUE(Roster::Build(EmployeesFromImport(*imp), kToday).ok());
  }
}

TEST(OrgRosterCsv, AnOptionalPangkatGolonganColumnIsKeptAsWritten) {
  auto r = ImportRosterCsv(
      "nip,name,position_id,unit_id,supervisor_nip,Pangkat_Golongan\n"
      "197905122005011003,Budi Santoso,kabid,pelayanan,,\"Penata Tingkat I, III/d\"\n"
      "199203152019032012,Ani Lestari,staf,pelayanan,197905122005011003,\n",
      kToday);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->rows.size(), 2u);
  EXPECT_EQ(r->rows[0].pangkat_golongan, "Penata Tingkat I, III/d");
  EXPECT_EQ(r->rows[1].pangkat_golongan, "");
  auto too_long = ImportRosterCsv(
      "nip,name,position_id,unit_id,supervisor_nip,pangkat_golongan\n"
      "197905122005011003,Budi,kabid,pelayanan,," +
          std::string(101, 'x') + "\n",
      kToday);
  ASSERT_TRUE(too_long.ok());
  ASSERT_EQ(too_long->errors.size(), 1u);
  EXPECT_EQ(too_long->errors[0].column, "pangkat_golongan");
}

TEST(OrgRosterCsv, PangkatGolonganIsReadWhicheverWayWrittenAndAWrongOneIsARowError) {
  auto r = ImportRosterCsv(
      "nip,name,position_id,unit_id,supervisor_nip,pangkat_golongan\n"
      "197905122005011003,Budi,kabid,pelayanan,,iii/d\n"
      "199203152019032012,Ani,staf,pelayanan,197905122005011003,PPPK IX\n"
      "198807202014021001,Dedi,staf,pelayanan,197905122005011003,\"Penata, III/a\"\n",
      kToday);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->rows.size(), 2u);
  EXPECT_EQ(r->rows[0].pangkat_golongan, "Penata Tingkat I, III/d") << "printed one way";
  EXPECT_EQ(r->rows[1].pangkat_golongan, "PPPK golongan IX");
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].line, 4);
  EXPECT_EQ(r->errors[0].column, "pangkat_golongan");
  EXPECT_NE(r->errors[0].message.find("III/a is Penata Muda"), std::string::npos)
      << r->errors[0].message;
}

TEST(OrgRosterCsvMalformed, QuotingErrorsAreRowErrors) {
  auto imp = ImportRosterCsv(ReadFixture("roster_bad_quotes.csv"), kToday);
  ASSERT_TRUE(imp.ok()) << imp.status().ToString();
  ASSERT_EQ(imp->rows.size(), 1u);
  EXPECT_EQ(imp->rows[0].line, 4);
  EXPECT_EQ(Describe(*imp),
            "2 [] field 2 has a quote inside an unquoted value; quote the whole field and double "
            "the inner quote\n"
            "3 [] field 2 has text after its closing quote; write \"\" for a quote inside a "
            "quoted field\n"
            "5 [] field 2 has a quote opened on line 5 that is never closed\n");
}

TEST(OrgRosterCsvMalformed, HeaderProblemsFailTheWholeFile) {
  auto msg = [](std::string_view text) {
    auto r = ImportRosterCsv(text, kToday);
    EXPECT_FALSE(r.ok()) << text;
    return r.ok() ? std::string() : r.status().message();
  };
  EXPECT_EQ(msg(""),
            "the roster CSV is empty; the first line must be the header "
            "nip,name,position_id,unit_id,supervisor_nip (and optionally pangkat_golongan)");
  EXPECT_EQ(msg("\n\n  \n"),
            "the roster CSV is empty; the first line must be the header "
            "nip,name,position_id,unit_id,supervisor_nip (and optionally pangkat_golongan)");
  EXPECT_EQ(msg("nip,name,position_id,unit_id\n"),
            "header on line 1 lacks column 'supervisor_nip'; the columns are "
            "nip,name,position_id,unit_id,supervisor_nip (and optionally pangkat_golongan)");
  EXPECT_EQ(msg("nip,name,position_id,unit_id,supervisor_nip,email\n"),
            "header on line 1 has unknown column 'email'; the columns are "
            "nip,name,position_id,unit_id,supervisor_nip (and optionally pangkat_golongan)");
  EXPECT_EQ(msg("nip,name,nip,position_id,unit_id,supervisor_nip\n"),
            "header on line 1 repeats column 'nip'");
  EXPECT_EQ(msg("\"nip,name\n"),
            "header on line 1: field 1 has a quote opened on line 1 that is never closed");
  // A file with a header and no rows is fine: nothing to import.
  auto empty = ImportRosterCsv("nip,name,position_id,unit_id,supervisor_nip\n", kToday);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->rows.empty());
  EXPECT_EQ(empty->data_rows, 0);
}

TEST(OrgRosterCsvMalformed, OversizedTextIsTooLarge) {
  std::string big(kMaxRosterCsvBytes + 1, 'a');
  auto r = ImportRosterCsv(big, kToday);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kTooLarge);
}

TEST(OrgRosterCsvMalformed, RandomGarbageNeverCrashes) {
  std::mt19937 rng(1234);
  const std::string alphabet = "0123456789 ,\"\r\nabc/";
  const std::string header = "nip,name,position_id,unit_id,supervisor_nip\n";
  for (int i = 0; i < 3000; ++i) {
    std::string s = header;
    const int len = std::uniform_int_distribution<int>(0, 200)(rng);
    for (int k = 0; k < len; ++k) {
      s.push_back(alphabet[std::uniform_int_distribution<size_t>(0, alphabet.size() - 1)(rng)]);
    }
    auto r = ImportRosterCsv(s, kToday);
    ASSERT_TRUE(r.ok());
    int prev = 0;
    for (const auto& e : r->errors) {
      ASSERT_GE(e.line, prev);
      ASSERT_FALSE(e.message.empty());
      prev = e.line;
    }
  }
}

}  // namespace
}  // namespace kinerja::org
