// Deterministic synthetic support data for benchmarks and analytics tests.
//
// Record i (0 <= i < n) is a pure function of (options, i): interaction i and
// response i are generated together from a random stream keyed by (seed, i),
// so any range of records can be produced by any thread, in any order, and
// the data does not depend on how it is split. Same options, same data.
//
// The model (see docs/performance.md, "Synthetic data"):
// - Times: opened_at is non-decreasing in i and follows a weekly/daily
//   workload profile (weekdays, business hours) with 20% growth over the
//   span; everything is in whole seconds, UTC.
// - Agents: volume per agent is log-normal; each agent has a primary channel
//   (80% of its interactions); 10 agents per team by default (agent k is in
//   team k % teams); 0.5% of interactions are unattributed (no agent/team).
// - Service: time to first response and time to close are log-normal per
//   channel (chat in minutes, email in hours); reopens and transfers are
//   rare; FCR follows from them; a few values are unknown; tickets that would
//   close after the end of the span are still open.
// - Response i links to interaction i (same agent, team, channel, customer)
//   and is submitted some hours after the close. Scores come from an ordered
//   probit model on a latent satisfaction:
//     NPS  = agent + team effects only            (no time-to-close effect)
//     CSAT = agent + team - 0.25 * z(log time to close)   (weak)
//     CES  = agent + team - 0.95 * z(log time to close)   (strong)
//     VES  = agent + team - 0.40 * z(log time to close)
//   plus a per-response mood shared by the items and item noise; cut points
//   give plausible marginals (NPS about +10, CSAT about 78% satisfied, CES
//   about 68% easy). Which questions are asked varies (NPS 85%, CSAT 90%,
//   CES 60%, VES 25%); every response has at least one score and no comment.
#ifndef CXSCORE_BENCH_DATAGEN_DATAGEN_H_
#define CXSCORE_BENCH_DATAGEN_DATAGEN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "core/records.h"

namespace cxscore::bench {

struct DataGenOptions {
  int64_t n = 1000000;  // responses, and as many interactions
  int agents = 2000;
  int teams = 0;  // 0 = max(1, agents / 10)
  int channels = 6;
  int days = 365;
  uint64_t seed = 1;
  absl::Time start = absl::FromUnixSeconds(1735689600);  // 2025-01-01 UTC
};

// INVALID_ARGUMENT naming the option when out of range.
absl::Status ValidateOptions(const DataGenOptions& options);

class DataGenerator {
 public:
  // REQUIRES: ValidateOptions(options).ok().
  explicit DataGenerator(const DataGenOptions& options);

  const DataGenOptions& options() const { return options_; }
  int teams() const { return static_cast<int>(team_ids_.size()); }
  absl::Time end() const;  // start + days

  // Interaction i and response i. REQUIRES: 0 <= i < n.
  void Generate(int64_t i, Interaction* interaction,
                SurveyResponse* response) const;

  // Ids as they appear in the records.
  const std::string& AgentId(int agent) const { return agent_ids_[agent]; }
  const std::string& TeamId(int team) const { return team_ids_[team]; }
  const std::string& ChannelName(int channel) const {
    return channel_names_[channel];
  }
  static std::string ResponseId(int64_t i);
  static std::string InteractionId(int64_t i);

 private:
  struct Agent {
    double cumulative_weight;  // for picking by volume
    int team;
    int primary_channel;
    double skill;  // latent effect on every score
  };

  absl::Time OpenedAt(int64_t i, double jitter) const;
  int PickAgent(double u) const;
  int PickChannel(double u) const;

  DataGenOptions options_;
  std::vector<std::string> agent_ids_, team_ids_, channel_names_;
  std::vector<Agent> agents_;
  std::vector<double> team_effect_;
  std::vector<double> channel_cumulative_;  // channel mix
  std::vector<double> hour_cumulative_;     // workload profile, size hours+1
  double log_close_mean_ = 0, log_close_sd_ = 1;  // over the channel mix
};

}  // namespace cxscore::bench

#endif  // CXSCORE_BENCH_DATAGEN_DATAGEN_H_
