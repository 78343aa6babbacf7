// The export writers: a typed Table as CSV (RFC 4180, BOM, CRLF) and as an XLSX workbook
// (one sheet per table, typed cells, bold frozen header), with text that would start a
// formula guarded in both and numbers written as numbers.
#include <gtest/gtest.h>

#include "server/export/csv_writer.h"
#include "server/export/xlsx_writer.h"
#include "shared/csv.h"
#include "tests/server/export/file_tools.h"

namespace kinerja::server::exports {
namespace {

using testing::ScratchFile;
using testing::ZipMember;

Table Staff() {
  return Table{
      "staff",
      {{"name", ColumnType::kText},
       {"count", ColumnType::kInteger},
       {"score", ColumnType::kNumber},
       {"since", ColumnType::kDate}},
      {{std::string("Sri Rahayu Ningsih, S.Sos."), int64_t{42}, 87.5, std::string("2026-01-15")},
       {std::string("=HYPERLINK(\"http://x\")"), int64_t{-3}, -0.25, std::monostate{}},
       {std::string("+62 812"), std::monostate{}, 3.0, std::string("2025-12-31")},
       {std::string("Jürgen \"Jo\" Müller\nline 2"), int64_t{0}, std::monostate{},
        std::monostate{}}}};
}

TEST(FormulaGuard, PrefixesTextStartingWithAFormulaCharacterOrControl) {
  EXPECT_EQ(GuardFormula("=1+2"), "'=1+2");
  EXPECT_EQ(GuardFormula("+62"), "'+62");
  EXPECT_EQ(GuardFormula("-x"), "'-x");
  EXPECT_EQ(GuardFormula("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(GuardFormula("\tcmd"), "'\tcmd");
  EXPECT_EQ(GuardFormula("\rcmd"), "'\rcmd");
  EXPECT_EQ(GuardFormula("Dewi Anggraeni"), "Dewi Anggraeni");
  EXPECT_EQ(GuardFormula("a=b"), "a=b");
  EXPECT_EQ(GuardFormula(""), "");
}

TEST(CsvField, QuotesOnlyWhenItMustAndDoublesQuotes) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\r\nlines"), "\"two\r\nlines\"");
}

TEST(TableCsv, WritesBomHeaderAndCrlfRowsWithTypedCells) {
  auto csv = TableCsv(Staff());
  ASSERT_TRUE(csv.ok()) << csv.status().ToString();
  EXPECT_EQ(*csv,
            "\xEF\xBB\xBF"
            "name,count,score,since\r\n"
            "\"Sri Rahayu Ningsih, S.Sos.\",42,87.5,2026-01-15\r\n"
            "\"'=HYPERLINK(\"\"http://x\"\")\",-3,-0.25,\r\n"
            "'+62 812,,3,2025-12-31\r\n"
            "\"Jürgen \"\"Jo\"\" Müller\nline 2\",0,,\r\n");
}

TEST(TableCsv, ReadsBackWithTheProjectsOwnCsvReader) {
  auto csv = TableCsv(Staff());
  ASSERT_TRUE(csv.ok());
  CsvReader reader(*csv);
  ASSERT_TRUE(reader.ReadHeader().ok());
  ASSERT_TRUE(*reader.Next());
  EXPECT_EQ(reader.fields()[0], "Sri Rahayu Ningsih, S.Sos.");
  ASSERT_TRUE(*reader.Next());
  ASSERT_TRUE(*reader.Next());
  ASSERT_TRUE(*reader.Next());
  EXPECT_EQ(reader.fields()[0], "Jürgen \"Jo\" Müller\nline 2");
  EXPECT_FALSE(*reader.Next());
}

TEST(CheckTable, RefusesCellsThatDoNotFitTheirColumn) {
  Table t = Staff();
  t.rows[1][1] = std::string("three");
  auto s = CheckTable(t);
  EXPECT_EQ(s.code(), Code::kInvalidArgument);
  EXPECT_NE(s.message().find("row 2 column 'count' does not hold a integer value"),
            std::string::npos)
      << s.message();

  t = Staff();
  t.rows[0][3] = std::string("2026-02-30");
  EXPECT_NE(CheckTable(t).message().find("row 1 column 'since'"), std::string::npos);
  t = Staff();
  t.rows[2].pop_back();
  EXPECT_NE(CheckTable(t).message().find("row 3 has 3 cells for 4 columns"), std::string::npos);
  t = Staff();
  t.name = "a/b";
  EXPECT_EQ(CheckTable(t).code(), Code::kInvalidArgument);
  t = Staff();
  t.columns[1].name = "NAME";
  EXPECT_NE(CheckTable(t).message().find("appears twice"), std::string::npos);
  t = Staff();
  t.rows[0][2] = 1.0 / 0.0;
  EXPECT_NE(CheckTable(t).message().find("not a finite number"), std::string::npos);
  EXPECT_FALSE(TableCsv(t).ok());
  EXPECT_FALSE(WorkbookXlsx({t}).ok());
}

TEST(NumberText, WholeNumbersHaveNoDecimalPoint) {
  EXPECT_EQ(NumberText(3.0), "3");
  EXPECT_EQ(NumberText(-0.25), "-0.25");
  EXPECT_EQ(NumberText(66.67), "66.67");
  EXPECT_EQ(NumberText(0.1 + 0.2), "0.3");
}

class Workbook : public ::testing::Test {
 protected:
  void SetUp() override {
    Table units{"units",
                {{"unit", ColumnType::kText}, {"staff", ColumnType::kInteger}},
                {{std::string("Kecamatan Café"), int64_t{7}}}};
    auto xlsx = WorkbookXlsx({Staff(), units});
    ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
    bytes_ = *xlsx;
    file_ = std::make_unique<ScratchFile>("workbook.xlsx", bytes_);
  }
  std::string Part(const std::string& member) { return ZipMember(file_->path(), member); }

  std::string bytes_;
  std::unique_ptr<ScratchFile> file_;
};

TEST_F(Workbook, IsAZipWithOneSheetPerTable) {
  ASSERT_GT(bytes_.size(), 1000u);
  EXPECT_EQ(bytes_.substr(0, 2), "PK");
  std::string wb = Part("xl/workbook.xml");
  EXPECT_NE(wb.find("name=\"staff\""), std::string::npos) << wb;
  EXPECT_NE(wb.find("name=\"units\""), std::string::npos) << wb;
  EXPECT_NE(Part("xl/worksheets/sheet2.xml").find("<v>7</v>"), std::string::npos);
}

TEST_F(Workbook, WritesNumbersAsNumericCellsAndDatesAsStyledSerials) {
  std::string sheet = Part("xl/worksheets/sheet1.xml");
  ASSERT_FALSE(sheet.empty());
  EXPECT_NE(sheet.find("<c r=\"B2\"><v>42</v></c>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<c r=\"C2\"><v>87.5</v></c>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<c r=\"B3\"><v>-3</v></c>"), std::string::npos)
      << "numbers are not guarded";
  // 2026-01-15 is day 46037 of Excel's 1900 calendar.
  EXPECT_NE(sheet.find("<c r=\"D2\" s=\"2\"><v>46037</v></c>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<c r=\"A2\" t=\"s\">"), std::string::npos) << "text is a shared string";
  EXPECT_EQ(sheet.find("<c r=\"B4\""), std::string::npos) << "an empty cell is not written";
}

TEST_F(Workbook, FreezesABoldHeaderRowAndSizesTheColumns) {
  std::string sheet = Part("xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("ySplit=\"1\""), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<c r=\"A1\" s=\"1\" t=\"s\">"), std::string::npos) << sheet;
  EXPECT_NE(Part("xl/styles.xml").find("<b/>"), std::string::npos);
  EXPECT_NE(sheet.find("<col min=\"1\" max=\"1\" width=\"28"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:D5\"/>"), std::string::npos) << sheet;
}

TEST_F(Workbook, GuardsFormulaTextAndKeepsUtf8) {
  std::string strings = Part("xl/sharedStrings.xml");
  EXPECT_NE(strings.find("<t>'=HYPERLINK(\"http://x\")</t>"), std::string::npos) << strings;
  EXPECT_NE(strings.find("<t>'+62 812</t>"), std::string::npos) << strings;
  EXPECT_NE(strings.find("Sri Rahayu Ningsih, S.Sos."), std::string::npos);
  EXPECT_NE(strings.find("Kecamatan Café"), std::string::npos);
  EXPECT_EQ(Part("xl/worksheets/sheet1.xml").find("<f>"), std::string::npos) << "no formula cells";
}

TEST(WorkbookXlsx, RefusesNoTablesAndTwoSheetsOfOneName) {
  EXPECT_EQ(WorkbookXlsx({}).status().code(), Code::kInvalidArgument);
  Table a = Staff();
  Table b = Staff();
  b.name = "STAFF";
  auto r = WorkbookXlsx({a, b});
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_NE(r.status().message().find("sheet names must differ"), std::string::npos);
}

}  // namespace
}  // namespace kinerja::server::exports
