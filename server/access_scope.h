// What each read request asks for, as the role policy sees it
// (auth::ReadScope): its agent, team and channel filters and groupings.
#ifndef CXSCORE_SERVER_ACCESS_SCOPE_H_
#define CXSCORE_SERVER_ACCESS_SCOPE_H_

#include "cxscore/v1/cxscore.pb.h"
#include "server/auth/policy.h"

namespace cxscore::server {

auth::ReadScope ScopeOf(const v1::GetScoresRequest& request);
auth::ReadScope ScopeOf(const v1::GetDriversRequest& request);
auth::ReadScope ScopeOf(const v1::GetTrendRequest& request);
auth::ReadScope ScopeOf(const v1::ListCommentsRequest& request);
auth::ReadScope ScopeOf(const v1::RankAgentsRequest& request);

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_ACCESS_SCOPE_H_
