// The service logic behind the gRPC API, in plain C++ (no gRPC types), so it
// can be used and tested without a network.
#ifndef CXSCORE_SERVER_SCORE_SERVICE_H_
#define CXSCORE_SERVER_SCORE_SERVICE_H_

#include <vector>

#include "absl/status/statusor.h"
#include "core/scores.h"
#include "storage/store.h"

namespace cxscore::server {

struct GroupScores {
  storage::GroupCounts group;  // key and the summed counts
  ScoreSummary summary;
};

class ScoreService {
 public:
  // `store` must outlive the service.
  explicit ScoreService(storage::Store* store) : store_(store) {}

  storage::Store& store() { return *store_; }

  // Scores per group, sorted by key. Blocks on a rollup scan: call it off
  // the RPC reactor.
  absl::StatusOr<std::vector<GroupScores>> GetScores(
      const storage::RollupQuery& query, NpsIntervalMethod method);

 private:
  storage::Store* store_;
};

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_SCORE_SERVICE_H_
