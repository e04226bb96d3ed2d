#include "storage/record_cells.h"

#include "core/calendar.h"
#include "storage/rollup_key.h"
#include "storage/write_planner.h"

namespace cxscore::storage {
namespace {

template <typename Record>
std::vector<std::string> KeysOf(const Record& record, int32_t day) {
  const Attribution values = {record.agent_id, record.team_id, record.channel};
  std::vector<std::string> keys;
  keys.reserve(AllViews().size() + record.attributes.size());
  for (const RollupView& view : AllViews())
    keys.push_back(EncodeRollupKey(view, values, day));
  for (const auto& [name, value] : record.attributes)
    keys.push_back(EncodeAttributeRollupKey(name, value, day));
  return keys;
}

}  // namespace

int32_t RollupDayOf(const Interaction& interaction) {
  return DayNumberOf(interaction.opened_at);
}

int32_t RollupDayOf(const SurveyResponse& response) {
  return DayNumberOf(response.submitted_at);
}

std::vector<std::string> RollupCellKeys(const Interaction& record,
                                        int32_t day) {
  return KeysOf(record, day);
}

std::vector<std::string> RollupCellKeys(const SurveyResponse& record,
                                        int32_t day) {
  return KeysOf(record, day);
}

std::optional<std::string> CommentIndexKeyOf(const SurveyResponse& response) {
  if (response.comment.empty()) return std::nullopt;
  return CommentKey(response.agent_id, RollupDayOf(response),
                    response.response_id);
}

}  // namespace cxscore::storage
