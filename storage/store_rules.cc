#include "storage/store_rules.h"

#include <algorithm>

namespace cxscore::storage {

absl::Status CheckRollupQuery(const RollupQuery& query) {
  const auto attribute_dims = std::count(
      query.group_by.begin(), query.group_by.end(), GroupDim::kAttribute);
  const bool by_attribution =
      std::any_of(query.group_by.begin(), query.group_by.end(),
                  [](GroupDim dim) {
                    return dim == GroupDim::kAgent || dim == GroupDim::kTeam ||
                           dim == GroupDim::kChannel;
                  }) ||
      !query.agents.empty() || !query.teams.empty() ||
      !query.channels.empty() || !query.exclude_agents.empty();
  if (static_cast<size_t>(attribute_dims) != query.attributes.size())
    return absl::InvalidArgumentError(
        "attributes: one name per attribute grouping is needed");
  if (attribute_dims > 1)
    return absl::InvalidArgumentError(
        "attributes: at most one attribute grouping per query");
  if (attribute_dims == 1 && by_attribution)
    return absl::InvalidArgumentError(
        "attributes: an attribute grouping cannot be combined with agent, "
        "team or channel groupings or filters");
  return absl::OkStatus();
}

absl::Status CheckCommentQuery(const RollupQuery& query) {
  if (!query.exclude_agents.empty())
    return absl::InvalidArgumentError(
        "exclude_agents: not supported when listing comments");
  return absl::OkStatus();
}

RecordOutcome ResentResponseOutcome(const SurveyResponse& response,
                                    const SurveyResponse& stored) {
  if (stored == response)
    return {RecordOutcome::Kind::kDuplicate, std::nullopt};
  return {RecordOutcome::Kind::kRejected,
          Violation{absl::StatusCode::kAlreadyExists, "response_id",
                    "response_id \"" + response.response_id +
                        "\" is already stored with different content; "
                        "responses are immutable"}};
}

std::optional<RecordOutcome> ResentInteractionOutcome(
    const Interaction& interaction, const Interaction& stored) {
  if (stored == interaction)
    return RecordOutcome{RecordOutcome::Kind::kDuplicate, std::nullopt};
  if (interaction.updated_at && stored.updated_at &&
      *interaction.updated_at < *stored.updated_at)
    return RecordOutcome{RecordOutcome::Kind::kStale, std::nullopt};
  return std::nullopt;
}

}  // namespace cxscore::storage
