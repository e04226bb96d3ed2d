#include "client/import/csv_reader.h"

#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cxscore::client {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::vector<CsvRecord> ReadAll(const std::string& text,
                               CsvReaderOptions options = {}) {
  std::istringstream in(text);
  CsvReader reader(&in, options);
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (reader.Next(&record)) records.push_back(record);
  EXPECT_TRUE(reader.status().ok());
  return records;
}

TEST(CsvReaderTest, ReadsPlainFieldsAndLineNumbers) {
  auto records = ReadAll("a,b,c\n1,2,3\n4,5,6\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[0].fields, ElementsAre("a", "b", "c"));
  EXPECT_THAT(records[2].fields, ElementsAre("4", "5", "6"));
  EXPECT_EQ(records[0].line, 1);
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[2].line, 3);
  for (const auto& r : records) EXPECT_THAT(r.error, IsEmpty());
}

TEST(CsvReaderTest, LastRecordWithoutLineBreak) {
  auto records = ReadAll("a,b\n1,2");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[1].fields, ElementsAre("1", "2"));
}

TEST(CsvReaderTest, EmptyInputHasNoRecords) {
  EXPECT_THAT(ReadAll(""), IsEmpty());
  EXPECT_THAT(ReadAll("\n\r\n"), IsEmpty());
}

TEST(CsvReaderTest, EmptyFieldsAreKept) {
  auto records = ReadAll(",a,,\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("", "a", "", ""));
}

TEST(CsvReaderTest, QuotedFieldsWithCommasAndEscapedQuotes) {
  auto records = ReadAll(R"("a,b","say ""hi""","",x)"
                         "\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("a,b", "say \"hi\"", "", "x"));
  EXPECT_THAT(records[0].error, IsEmpty());
}

TEST(CsvReaderTest, QuotedFieldOfOnlyAnEscapedQuote) {
  auto records = ReadAll("\"\"\"\"\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("\""));
}

TEST(CsvReaderTest, EmbeddedNewlinesKeepTheStartLine) {
  auto records = ReadAll(
      "id,comment\n"
      "r1,\"line one\nline two\nline three\"\n"
      "r2,plain\n"
      "r3,\"a\r\nb\"\r\n"
      "r4,x\n");
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[1].line, 2);
  EXPECT_THAT(records[1].fields,
              ElementsAre("r1", "line one\nline two\nline three"));
  EXPECT_EQ(records[2].line, 5);
  EXPECT_EQ(records[3].line, 6);
  EXPECT_THAT(records[3].fields, ElementsAre("r3", "a\r\nb"));
  EXPECT_EQ(records[4].line, 8);
}

TEST(CsvReaderTest, CrlfLineEndings) {
  auto records = ReadAll("a,b\r\n1,2\r\n3,4\r\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[1].fields, ElementsAre("1", "2"));
  EXPECT_THAT(records[2].fields, ElementsAre("3", "4"));
  EXPECT_EQ(records[2].line, 3);
}

TEST(CsvReaderTest, LoneCarriageReturnEndsARecord) {
  auto records = ReadAll("a\r1\r2");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[2].line, 3);
  EXPECT_THAT(records[2].fields, ElementsAre("2"));
}

TEST(CsvReaderTest, SkipsByteOrderMarkAtStartOnly) {
  auto records = ReadAll("\xEF\xBB\xBFid,x\n\xEF\xBB\xBF,y\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[0].fields, ElementsAre("id", "x"));
  EXPECT_THAT(records[1].fields, ElementsAre("\xEF\xBB\xBF", "y"));
}

TEST(CsvReaderTest, BomOnlyInput) {
  EXPECT_THAT(ReadAll("\xEF\xBB\xBF"), IsEmpty());
}

TEST(CsvReaderTest, BlankLinesAreSkippedButCounted) {
  auto records = ReadAll("a\n\n\nb\r\n\r\nc\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].line, 1);
  EXPECT_EQ(records[1].line, 4);
  EXPECT_EQ(records[2].line, 6);
}

TEST(CsvReaderTest, RaggedRowsAreReturnedAsRead) {
  auto records = ReadAll("a,b,c\n1,2\n1,2,3,4\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[1].fields, ElementsAre("1", "2"));
  EXPECT_THAT(records[2].fields, ElementsAre("1", "2", "3", "4"));
  EXPECT_THAT(records[1].error, IsEmpty());
}

TEST(CsvReaderTest, QuoteInsideUnquotedFieldIsAnErrorForThatRowOnly) {
  auto records = ReadAll("a,b\n1,say \"hi\"\n2,ok\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[1].error, HasSubstr("quote inside an unquoted field"));
  EXPECT_THAT(records[2].error, IsEmpty());
  EXPECT_THAT(records[2].fields, ElementsAre("2", "ok"));
  EXPECT_EQ(records[2].line, 3);
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAnError) {
  auto records = ReadAll("\"ab\"cd,e\nf\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[0].error, HasSubstr("after the closing quote"));
  EXPECT_EQ(records[0].fields.size(), 2u);
  EXPECT_THAT(records[1].error, IsEmpty());
}

TEST(CsvReaderTest, QuoteAfterAnEmptyQuotedFieldIsAnError) {
  auto records = ReadAll("\"\"x,y\n\"a\"\"\"\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[0].error, HasSubstr("after the closing quote"));
  EXPECT_THAT(records[1].error, IsEmpty());
  EXPECT_THAT(records[1].fields, ElementsAre("a\""));
}

TEST(CsvReaderTest, UnterminatedQuoteReportsWhereItOpened) {
  auto records = ReadAll("a,b\n1,2\n3,\"open\nstill open\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[2].line, 3);
  EXPECT_THAT(records[2].error, HasSubstr("unterminated quoted field"));
  EXPECT_THAT(records[2].error, HasSubstr("line 3"));
}

TEST(CsvReaderTest, OverlongRecordIsAnErrorAndReadingContinues) {
  CsvReaderOptions options;
  options.max_record_bytes = 8;
  auto records =
      ReadAll("short\n\"much too long\nfor the limit\"\nok\n", options);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[0].error, IsEmpty());
  EXPECT_THAT(records[1].error, HasSubstr("longer than 8 bytes"));
  EXPECT_THAT(records[1].fields, IsEmpty());
  EXPECT_EQ(records[2].line, 4);
  EXPECT_THAT(records[2].fields, ElementsAre("ok"));
}

TEST(CsvReaderTest, CountsBytesRead) {
  std::istringstream in(
      "\xEF\xBB\xBF"
      "ab,c\n");
  CsvReader reader(&in);
  CsvRecord record;
  ASSERT_TRUE(reader.Next(&record));
  EXPECT_EQ(reader.bytes_read(), 8);
  EXPECT_FALSE(reader.Next(&record));
}

TEST(CsvReaderTest, ReadsAcrossBufferBoundaries) {
  // Records larger than the internal buffer, with quotes straddling it.
  std::string big(100000, 'x');
  std::string text = "id,v\n1,\"" + big + "\"\"" + big + "\"\n2,z\n";
  auto records = ReadAll(text, CsvReaderOptions{.max_record_bytes = 1 << 20});
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].fields[1], big + "\"" + big);
  EXPECT_EQ(records[2].line, 3);
}

}  // namespace
}  // namespace cxscore::client
