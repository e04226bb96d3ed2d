#include "client/printers/csv_writer.h"

#include <sstream>

#include "client/import/csv_reader.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cxscore::client {
namespace {

TEST(CsvWriterTest, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField(" padded"), "\" padded\"");
}

TEST(CsvWriterTest, RoundTripsThroughTheReader) {
  std::vector<std::string> fields = {"a,b", "\"", "x\r\ny", "", "plain"};
  std::ostringstream out;
  WriteCsvRow(out, fields);
  WriteCsvRow(out, {"next"});
  std::istringstream in(out.str());
  CsvReader reader(&in);
  CsvRecord record;
  ASSERT_TRUE(reader.Next(&record));
  EXPECT_EQ(record.fields, fields);
  EXPECT_TRUE(record.error.empty());
  ASSERT_TRUE(reader.Next(&record));
  EXPECT_EQ(record.line, 3);
  EXPECT_EQ(record.fields, std::vector<std::string>{"next"});
}

}  // namespace
}  // namespace cxscore::client
