// Table, JSON and CSV of hand-built Verify answers, and the exit codes of
// `cxscore admin verify`.
#include <sstream>
#include <string>
#include <vector>

#include "client/commands/verify_command.h"
#include "client/exit_codes.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/client/commands/output_test_util.h"

namespace cxscore::client {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

v1::VerifyResponse Clean() {
  v1::VerifyResponse response;
  response.set_cells_checked(42);
  response.set_rollup_cells(30);
  response.set_driver_cells(10);
  response.set_comment_entries(2);
  return response;
}

v1::VerifyResponse WithDifferences(uint64_t total) {
  v1::VerifyResponse response = Clean();
  v1::CellDifference* d = response.add_differences();
  d->set_view("rollups/agent");
  d->set_key("agent=\"ann\" day=2025-03-01");
  d->set_field("nps:10 (field 10)");
  d->set_stored(3);
  d->set_recomputed(1);
  d = response.add_differences();
  d->set_view("comments");
  d->set_key("agent=\"ann\" day=2025-03-02 response=\"r6\"");
  d->set_field("entry");
  d->set_stored(0);
  d->set_recomputed(1);
  response.set_differences_total(total);
  return response;
}

std::string Print(const v1::VerifyResponse& response, bool repair,
                  OutputFormat format) {
  std::ostringstream out;
  PrintTable(VerifyTable(response, repair), format, out);
  return out.str();
}

TEST(VerifyOutputTest, CleanStoreSaysAllEqualAndExitsZero) {
  EXPECT_EQ(Print(Clean(), false, OutputFormat::kTable),
            "verified 42 cells (30 rollup, 10 driver, 2 comment index): all "
            "equal\n");
  EXPECT_EQ(VerifyExitCode(Clean(), false), kExitOk);
  const Json json = Json::parse(Print(Clean(), false, OutputFormat::kJson));
  EXPECT_EQ(json["cells_checked"], 42);
  EXPECT_EQ(json["all_equal"], true);
  EXPECT_EQ(json["differences_total"], 0);
  EXPECT_TRUE(json["differences"].empty());
  EXPECT_EQ(json["repair"], false);
}

TEST(VerifyOutputTest, DifferencesAreListedAndExitOne) {
  const v1::VerifyResponse response = WithDifferences(2);
  EXPECT_EQ(VerifyExitCode(response, false), kExitCellsDiffer);
  const std::vector<std::string> lines =
      Lines(Print(response, false, OutputFormat::kTable));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0],
            "verified 42 cells (30 rollup, 10 driver, 2 comment index): 2 "
            "differences");
  EXPECT_THAT(lines[1], HasSubstr("view"));
  EXPECT_THAT(lines[1], HasSubstr("recomputed"));
  EXPECT_THAT(lines[2], HasSubstr("rollups/agent"));
  EXPECT_THAT(lines[2], HasSubstr("nps:10 (field 10)"));
  EXPECT_THAT(lines[3], HasSubstr("comments"));

  const Json json = Json::parse(Print(response, false, OutputFormat::kJson));
  EXPECT_EQ(json["all_equal"], false);
  ASSERT_EQ(json["differences"].size(), 2u);
  EXPECT_EQ(json["differences"][0]["view"], "rollups/agent");
  EXPECT_EQ(json["differences"][0]["stored"], 3);
  EXPECT_EQ(json["differences"][0]["recomputed"], 1);

  const auto csv = ParseCsv(Print(response, false, OutputFormat::kCsv));
  ASSERT_EQ(csv.size(), 3u);
  EXPECT_THAT(csv[0],
              ElementsAre("view", "key", "field", "stored", "recomputed"));
  EXPECT_THAT(csv[1],
              ElementsAre("rollups/agent", "agent=\"ann\" day=2025-03-01",
                          "nps:10 (field 10)", "3", "1"));
}

TEST(VerifyOutputTest, SaysHowManyAreListedWhenCapped) {
  const std::string text =
      Print(WithDifferences(5000), false, OutputFormat::kTable);
  EXPECT_THAT(text, HasSubstr("5000 differences (the first 2 listed)"));
}

TEST(VerifyOutputTest, RepairExitsZeroOnlyWhenTheStoreIsRightAfterwards) {
  v1::VerifyResponse repaired = WithDifferences(2);
  repaired.set_repaired(true);
  EXPECT_EQ(VerifyExitCode(repaired, true), kExitOk);
  EXPECT_THAT(Print(repaired, true, OutputFormat::kTable),
              HasSubstr("repaired: verified again, all equal\n"));
  const Json json = Json::parse(Print(repaired, true, OutputFormat::kJson));
  EXPECT_EQ(json["repaired"], true);
  EXPECT_EQ(json["differences"].size(), 2u);

  v1::VerifyResponse incomplete = WithDifferences(2);
  incomplete.set_differences_after_repair(1);
  EXPECT_EQ(VerifyExitCode(incomplete, true), kExitCellsDiffer);
  EXPECT_THAT(Print(incomplete, true, OutputFormat::kTable),
              HasSubstr("repair incomplete: verified again, 1 difference\n"));
  EXPECT_THAT(Print(incomplete, false, OutputFormat::kTable),
              Not(HasSubstr("repair")));
}

}  // namespace
}  // namespace cxscore::client
