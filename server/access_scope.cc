#include "server/access_scope.h"

namespace cxscore::server {
namespace {

template <typename Strings>
std::vector<std::string> ToVector(const Strings& strings) {
  return {strings.begin(), strings.end()};
}

auth::ReadScope FromFilters(
    const google::protobuf::RepeatedPtrField<std::string>& agents,
    const google::protobuf::RepeatedPtrField<std::string>& teams,
    const google::protobuf::RepeatedPtrField<std::string>& channels) {
  auth::ReadScope scope;
  scope.agents_filter = ToVector(agents);
  scope.teams_filter = ToVector(teams);
  scope.channels_filter = ToVector(channels);
  return scope;
}

auth::ReadScope FromSelection(const v1::Selection& selection) {
  return FromFilters(selection.agents(), selection.teams(),
                     selection.channels());
}

template <typename Dimensions>
void AddGroupings(const Dimensions& group_by, auth::ReadScope* scope) {
  for (int dimension : group_by) {
    switch (dimension) {
      case v1::DIMENSION_AGENT:
        scope->groups_by_agent = true;
        break;
      case v1::DIMENSION_TEAM:
        scope->groups_by_team = true;
        break;
      case v1::DIMENSION_CHANNEL:
        scope->groups_by_channel = true;
        break;
      case v1::DIMENSION_ATTRIBUTE:
        scope->has_attribute = true;
        break;
      default:  // periods: no one's identity
        break;
    }
  }
}

}  // namespace

auth::ReadScope ScopeOf(const v1::GetScoresRequest& request) {
  auth::ReadScope scope =
      FromFilters(request.agents(), request.teams(), request.channels());
  scope.excluded_agents = ToVector(request.exclude_agents());
  AddGroupings(request.group_by(), &scope);
  return scope;
}

auth::ReadScope ScopeOf(const v1::GetDriversRequest& request) {
  auth::ReadScope scope = FromSelection(request.selection());
  AddGroupings(request.group_by(), &scope);
  // A correlation across agents is computed per agent even though the
  // reply has no agent key: a handful of agents would give them away.
  if (request.level() == v1::DRIVER_LEVEL_AGENT) scope.groups_by_agent = true;
  return scope;
}

auth::ReadScope ScopeOf(const v1::GetTrendRequest& request) {
  auth::ReadScope scope = FromSelection(request.selection());
  AddGroupings(request.group_by(), &scope);
  return scope;
}

auth::ReadScope ScopeOf(const v1::ListCommentsRequest& request) {
  auth::ReadScope scope = FromSelection(request.selection());
  scope.reads_comments = true;
  return scope;
}

auth::ReadScope ScopeOf(const v1::RankAgentsRequest& request) {
  auth::ReadScope scope = FromSelection(request.selection());
  scope.groups_by_agent = true;
  return scope;
}

}  // namespace cxscore::server
