#include "storage/rollup_key.h"

#include <gtest/gtest.h>

namespace cxscore::storage {
namespace {

const RollupView& ViewWithId(uint8_t id) { return AllViews().at(id); }

TEST(RollupKeyTest, RoundTripsEveryView) {
  const Attribution values = {"agent-7", "", "chat"};
  for (const RollupView& view : AllViews()) {
    const std::string key = EncodeRollupKey(view, values, -3);
    auto decoded = DecodeRollupKey(key);
    ASSERT_TRUE(decoded.has_value()) << int(view.id);
    EXPECT_EQ(decoded->view_id, view.id);
    EXPECT_EQ(decoded->day, -3);
    for (AttributionDim d : view.dims)
      EXPECT_EQ(decoded->values[int(d)], values[int(d)]);
  }
}

TEST(RollupKeyTest, AttributeKeysRoundTripAndSortByDayWithinAValue) {
  const std::string key = EncodeAttributeRollupKey("plan", "gold", -3);
  auto decoded = DecodeRollupKey(key);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->view_id, kAttributeViewId);
  EXPECT_EQ(decoded->attribute_name, "plan");
  EXPECT_EQ(decoded->attribute_value, "gold");
  EXPECT_EQ(decoded->day, -3);
  EXPECT_EQ(decoded->day_offset, key.size() - 4);
  EXPECT_TRUE(key.starts_with(EncodeAttributeRollupPrefix("plan")));
  EXPECT_FALSE(key.starts_with(EncodeAttributeRollupPrefix("pla")));
  EXPECT_LT(EncodeAttributeRollupKey("plan", "gold", 1),
            EncodeAttributeRollupKey("plan", "gold", 2));
  // Empty value is a value; truncated keys are malformed.
  auto empty = DecodeRollupKey(EncodeAttributeRollupKey("plan", "", 0));
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(empty->attribute_value, "");
  EXPECT_FALSE(DecodeRollupKey(key.substr(0, key.size() - 1)).has_value());
  EXPECT_FALSE(DecodeRollupKey(EncodeAttributeRollupPrefix("plan")).has_value());
}

TEST(RollupKeyTest, DaysSortWithinAGroupIncludingNegative) {
  const RollupView& view = ViewWithId(5);
  const Attribution values = {"a", "t", "c"};
  EXPECT_LT(EncodeRollupKey(view, values, -1), EncodeRollupKey(view, values, 0));
  EXPECT_LT(EncodeRollupKey(view, values, 255), EncodeRollupKey(view, values, 256));
  EXPECT_LT(EncodeRollupKey(view, values, 20000),
            EncodeRollupKey(view, values, 20001));
}

TEST(RollupKeyTest, PrefixSelectsOnlyThatValue) {
  const RollupView& view = ViewWithId(4);  // agent
  const std::string_view agent[] = {"ab"};
  const std::string prefix = EncodeRollupPrefix(view, agent);
  EXPECT_TRUE(EncodeRollupKey(view, {"ab", "", ""}, 1).starts_with(prefix));
  // A longer value sharing the bytes is a different group.
  EXPECT_FALSE(EncodeRollupKey(view, {"abc", "", ""}, 1).starts_with(prefix));
}

TEST(RollupKeyTest, ChoosesTheSmallestCoveringView) {
  using enum AttributionDim;
  EXPECT_EQ(ChooseView({}).id, 0);
  const AttributionDim channel[] = {kChannel};
  EXPECT_EQ(ChooseView(channel).dims, std::vector{kChannel});
  const AttributionDim agent_channel[] = {kChannel, kAgent};
  EXPECT_EQ(ChooseView(agent_channel).dims, (std::vector{kAgent, kChannel}));
  const AttributionDim agent_team[] = {kAgent, kTeam};
  EXPECT_EQ(ChooseView(agent_team).dims.size(), 3u);
}

TEST(RollupKeyTest, RejectsMalformedKeys) {
  EXPECT_FALSE(DecodeRollupKey("").has_value());
  EXPECT_FALSE(DecodeRollupKey(std::string(1, '\x63')).has_value());
  std::string key = EncodeRollupKey(ViewWithId(1), {"", "", "chat"}, 9);
  key.pop_back();
  EXPECT_FALSE(DecodeRollupKey(key).has_value());
}

}  // namespace
}  // namespace cxscore::storage
