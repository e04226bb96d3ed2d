// Everything a scorecard shows, fetched from the server and judged by the
// core (core/scorecard.h): the input of every scorecard renderer.
#ifndef CXSCORE_CLIENT_DOCUMENTS_SCORECARD_DOCUMENT_H_
#define CXSCORE_CLIENT_DOCUMENTS_SCORECARD_DOCUMENT_H_

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/scorecard.h"
#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::client {

// One week of a metric: the agent's value with its interval and the team's.
struct WeekPoint {
  std::string period;  // "2025-W07"
  int64_t n = 0;
  std::optional<double> value, ci_low, ci_high;
  std::optional<double> team_value;
};

// A customer's comment, without anything that identifies the customer.
struct CommentView {
  enum class Kind { kDetractor, kPromoter };
  Kind kind = Kind::kDetractor;
  int32_t day = 0;  // submitted, UTC day number
  std::string channel;
  std::optional<int> nps, csat, ces;
  std::string text;
};

// A part of the page the server could not provide (an older server that
// answers UNIMPLEMENTED); the page says what is missing.
struct MissingPart {
  // kTeamTrend: the team's line of the trend chart (the agent's is there).
  enum class What {
    kComments,
    kAdjusted,
    kTrend,
    kDrivers,
    kAttention,
    kTeamTrend
  };
  What what = What::kComments;
  std::string call;    // "ListComments"
  std::string reason;  // "UNIMPLEMENTED" or "PERMISSION_DENIED"
};

struct ScorecardDocument {
  std::string agent;
  std::optional<std::string> team;  // nullopt: unattributed
  DayRange period;
  int32_t generated_day = 0;  // "today", passed in
  int64_t interactions = 0;
  int64_t responses = 0;  // SurveyCounts::responses (a lower bound)
  Scorecard card;
  std::array<std::vector<WeekPoint>, kMetricCount> trend;  // by Metric
  std::vector<CommentView> comments;  // detractors first, each newest first
  std::vector<MissingPart> missing;
};

// Where to send the calls and how long to wait for each.
struct CallOptions {
  absl::Duration timeout = absl::Seconds(30);
  std::string server;  // for messages
};

struct ScorecardRequest {
  std::string agent;
  // The team to judge against; nullopt = the team of most of the agent's
  // responses in the period (then interactions, then the smaller id).
  std::optional<std::string> team;
  DayRange period;
  int32_t today = 0;
  int comments_per_kind = 3;
};

// The calls of one scorecard: GetScores (team lookup, agent, team, the rest
// of the team via exclude_agents), RankAgents, GetDrivers, GetTrend and
// ListComments; all but RankAgents are allowed to the agent's own token. A
// call the server does not implement or the token may not make becomes a
// MissingPart; any other failure is returned (NotFound when the agent has
// no records in the period).
absl::StatusOr<ScorecardDocument> FetchScorecard(
    v1::CxScore::StubInterface& stub, const ScorecardRequest& request,
    const CallOptions& options);

// The agents with records in `team` in `period` (unattributed left out),
// sorted by id.
absl::StatusOr<std::vector<std::string>> FetchTeamAgents(
    v1::CxScore::StubInterface& stub, const std::string& team,
    const DayRange& period, const CallOptions& options);

// Helpers shared with the team report.
// One unary call, `call(context)`, with a deadline `options.timeout` from
// now; OK or the failure as RpcError (client/rpc.h).
absl::Status CallOnce(
    const CallOptions& options,
    const std::function<grpc::Status(grpc::ClientContext*)>& call);
// CallOnce for a part the document can do without: an UNIMPLEMENTED answer
// (an older server) or PERMISSION_DENIED (a token that may not read it, such
// as an agent's token and RankAgents) is recorded in `missing` (when given;
// once per `what`, named by the RPC `name`) and reported as OK with
// `*skipped = true`; any other failure is returned.
absl::Status CallOrSkip(
    const CallOptions& options, const char* name, MissingPart::What what,
    std::vector<MissingPart>* missing, bool* skipped,
    const std::function<grpc::Status(grpc::ClientContext*)>& call);
v1::Selection SelectionOf(const DayRange& period);
SurveyCounts SurveyCountsOf(const v1::GroupScores& group);
ServiceSample ServiceSampleOf(const v1::ServiceStats& stats);
absl::Time TimeOfDay(int32_t day);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_DOCUMENTS_SCORECARD_DOCUMENT_H_
