// A planted team for the scorecard and report tests: team "blue" with a
// slow closer (ann), a fast, well-rated agent (bob) and two ordinary ones,
// answered by a ScriptedCxScoreService as the real server would answer the
// calls the client makes. "Today" is 2025-03-30, so the default period is
// 2025-03-01 .. 2025-03-30 (ISO weeks 2025-W09 .. 2025-W13).
#ifndef CXSCORE_TESTS_CLIENT_DOCUMENTS_SCORECARD_WORLD_H_
#define CXSCORE_TESTS_CLIENT_DOCUMENTS_SCORECARD_WORLD_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "cxscore/v1/cxscore.pb.h"
#include "tests/client/documents/scripted_cxscore_service.h"

namespace cxscore::client {

// 2025-03-30T15:00:00Z.
absl::Time WorldNow();

// Counts behind one group's GetScores answer; values and intervals are
// computed from them as the server does.
struct GroupSpec {
  int detractors = 0, passives = 0, promoters = 0;
  int csat_ok = 0, csat_n = 0;
  int ces_ok = 0, ces_n = 0;
  int ves_ok = 0, ves_n = 0;
  int tickets = 0, closed = 0;
  double close_p50 = 0, close_p90 = 0;  // seconds
  int first_response_n = 0;
  double first_response_p50 = 0, first_response_p90 = 0;
  std::optional<double> fcr, reopen;  // percent
};

// A GroupScores with `key` parts (dimension, value; nullopt = unattributed).
v1::GroupScores MakeGroup(
    const GroupSpec& spec,
    const std::vector<std::pair<v1::Dimension, std::optional<std::string>>>&
        key = {});

// Scripts GetScores, RankAgents, GetDrivers, GetTrend and ListComments for
// team blue. With `comments` false ListComments stays unscripted
// (UNIMPLEMENTED, as on a server without it).
void InstallScorecardWorld(ScriptedCxScoreService& service,
                           bool comments = true);

}  // namespace cxscore::client

#endif  // CXSCORE_TESTS_CLIENT_DOCUMENTS_SCORECARD_WORLD_H_
