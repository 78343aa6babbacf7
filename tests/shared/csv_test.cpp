// RFC 4180 reader: dialect details, line numbers in errors, and a million-row pass.
#include "shared/csv.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kinerja {
namespace {

std::vector<std::vector<std::string>> ReadAll(std::string_view text, Status* error = nullptr) {
  std::vector<std::vector<std::string>> rows;
  CsvReader reader(text);
  while (true) {
    Result<bool> more = reader.Next();
    if (!more.ok()) {
      if (error) *error = more.status();
      return rows;
    }
    if (!*more) break;
    rows.emplace_back(reader.fields().begin(), reader.fields().end());
  }
  return rows;
}

TEST(SurveyCsv, SplitsPlainFieldsOnCommasAndLineFeeds) {
  auto rows = ReadAll("a,b,c\n1,2,3\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "2", "3"}));
}

TEST(SurveyCsv, AcceptsCrLfLoneCrAndAMissingFinalLineBreak) {
  auto rows = ReadAll("a,b\r\n1,2\r3,4");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"3", "4"}));
}

TEST(SurveyCsv, UnquotesFieldsWithCommasDoubledQuotesAndLineBreaks) {
  auto rows = ReadAll("\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"\"\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "x, y");
  EXPECT_EQ(rows[0][1], "say \"hi\"");
  EXPECT_EQ(rows[0][2], "two\r\nlines");
  EXPECT_EQ(rows[0][3], "");
}

TEST(SurveyCsv, KeepsEmptyFieldsIncludingATrailingOne) {
  auto rows = ReadAll("a,,c,\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "", "c", ""}));
}

TEST(SurveyCsv, SkipsTheUtf8ByteOrderMark) {
  auto rows = ReadAll("\xEF\xBB\xBFU1,U2\n1,2\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "U1");
}

TEST(SurveyCsv, IgnoresBlankLinesAndCountsThemInLineNumbers) {
  CsvReader reader("h1,h2\n\n\r\n1,2\n\n");
  ASSERT_TRUE(reader.ReadHeader().ok());
  Result<bool> more = reader.Next();
  ASSERT_TRUE(more.ok());
  ASSERT_TRUE(*more);
  EXPECT_EQ(reader.line(), 4);
  EXPECT_EQ(reader.record(), 1);
  more = reader.Next();
  ASSERT_TRUE(more.ok());
  EXPECT_FALSE(*more);
}

TEST(SurveyCsv, LineNumbersCountBreaksInsideQuotedFields) {
  CsvReader reader("h\n\"a\nb\"\nc\n");
  ASSERT_TRUE(reader.ReadHeader().ok());
  ASSERT_TRUE(*reader.Next());
  EXPECT_EQ(reader.line(), 2);
  ASSERT_TRUE(*reader.Next());
  EXPECT_EQ(reader.line(), 4);
  EXPECT_EQ(reader.fields()[0], "c");
}

TEST(SurveyCsv, HeaderNamesAreTrimmed) {
  CsvReader reader(" U1 ,\"U2\"\n");
  ASSERT_TRUE(reader.ReadHeader().ok());
  EXPECT_EQ(reader.header(), (std::vector<std::string>{"U1", "U2"}));
}

// --- malformed input ---

TEST(SurveyCsvMalformed, EmptyInputHasNoHeader) {
  CsvReader reader("");
  Status s = reader.ReadHeader();
  EXPECT_EQ(s.code(), Code::kInvalidArgument);
  EXPECT_NE(s.message().find("empty"), std::string::npos) << s.message();
  CsvReader blank("\n\r\n");
  EXPECT_FALSE(blank.ReadHeader().ok());
}

TEST(SurveyCsvMalformed, UnclosedQuoteNamesTheLineWhereItOpened) {
  Status error;
  ReadAll("a,b\n1,\"2\n3\n", &error);
  EXPECT_FALSE(error.ok());
  EXPECT_NE(error.message().find("line 2"), std::string::npos) << error.message();
  EXPECT_NE(error.message().find("never closed"), std::string::npos) << error.message();
}

TEST(SurveyCsvMalformed, TextAfterAClosingQuoteIsRejected) {
  Status error;
  ReadAll("a\n\"x\"y\n", &error);
  EXPECT_NE(error.message().find("line 2"), std::string::npos) << error.message();
  EXPECT_NE(error.message().find("after the closing quote"), std::string::npos);
}

TEST(SurveyCsvMalformed, AQuoteInsideAnUnquotedFieldIsRejected) {
  Status error;
  ReadAll("a,b\n1,2\"3\n", &error);
  EXPECT_NE(error.message().find("line 2"), std::string::npos) << error.message();
  EXPECT_NE(error.message().find("field 2"), std::string::npos) << error.message();
}

TEST(SurveyCsvMalformed, WrongFieldCountNamesLineAndRow) {
  CsvReader reader("a,b,c\n1,2,3\n\n1,2\n");
  ASSERT_TRUE(reader.ReadHeader().ok());
  ASSERT_TRUE(*reader.Next());
  Result<bool> r = reader.Next();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "line 4 (row 2): expected 3 fields as in the header, found 2");
}

TEST(SurveyCsvMalformed, DuplicateAndEmptyHeaderNamesAreRejected) {
  CsvReader dup("U1,u1\n");
  Status s = dup.ReadHeader();
  EXPECT_NE(s.message().find("appears twice"), std::string::npos) << s.message();
  CsvReader empty("U1,,U3\n");
  s = empty.ReadHeader();
  EXPECT_NE(s.message().find("column 2 has no name"), std::string::npos) << s.message();
}

TEST(CsvFaults, NameTheirKindFieldAndLine) {
  CsvReader reader("a,b\n1,2\"3\n\"x\"y,2\n1,\"open\n");
  Result<bool> r = reader.Next();  // the header row, read as a record
  ASSERT_TRUE(r.ok() && *r);
  EXPECT_FALSE(reader.fault().has_value());
  ASSERT_FALSE(reader.Next().ok());
  ASSERT_TRUE(reader.fault().has_value());
  EXPECT_EQ(reader.fault()->kind, CsvFault::Kind::kQuoteInUnquoted);
  EXPECT_EQ(reader.fault()->field, 2);
  EXPECT_EQ(reader.fault()->line, 2);
  reader.SkipBrokenLine();
  ASSERT_FALSE(reader.Next().ok());
  EXPECT_EQ(reader.fault()->kind, CsvFault::Kind::kTextAfterQuote);
  EXPECT_EQ(reader.fault()->field, 1);
  EXPECT_EQ(reader.fault()->found, 'y');
  EXPECT_EQ(reader.line(), 3);
  reader.SkipBrokenLine();
  ASSERT_FALSE(reader.Next().ok());
  EXPECT_EQ(reader.fault()->kind, CsvFault::Kind::kUnclosedQuote);
  EXPECT_EQ(reader.fault()->field, 2);
  EXPECT_EQ(reader.fault()->line, 4);
  reader.SkipBrokenLine();
  r = reader.Next();
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(*r);  // an unclosed quote runs to the end: nothing is left
}

TEST(CsvFaults, SkippingABrokenLineReadsTheNextRecord) {
  CsvReader reader("1,2\"3\r\n4,5\n");
  ASSERT_FALSE(reader.Next().ok());
  reader.SkipBrokenLine();
  Result<bool> r = reader.Next();
  ASSERT_TRUE(r.ok() && *r);
  EXPECT_FALSE(reader.fault().has_value());
  EXPECT_EQ(reader.line(), 2);
  ASSERT_EQ(reader.fields().size(), 2u);
  EXPECT_EQ(reader.fields()[0], "4");
}

TEST(SurveyCsv, ReadsAMillionRows) {
  std::string text = "U1,U2,U3,U4,U5,U6,U7,U8,U9,unit\n";
  const std::string row = "4,3,3,2,4,3,\"4\",3,1,Kantor A\r\n";
  text.reserve(text.size() + row.size() * 1000000);
  for (int i = 0; i < 1000000; ++i) text += row;
  CsvReader reader(text);
  ASSERT_TRUE(reader.ReadHeader().ok());
  int64_t rows = 0;
  int64_t sum = 0;
  while (true) {
    Result<bool> more = reader.Next();
    ASSERT_TRUE(more.ok()) << more.status().message();
    if (!*more) break;
    ++rows;
    sum += reader.fields()[6][0] - '0';
  }
  EXPECT_EQ(rows, 1000000);
  EXPECT_EQ(sum, 4000000);
}

}  // namespace
}  // namespace kinerja
