// The generator's command-line flags, shared by cxscore-datagen and
// cxscore-loadgen so that both describe the same data set.
#ifndef CXSCORE_BENCH_DATAGEN_FLAGS_H_
#define CXSCORE_BENCH_DATAGEN_FLAGS_H_

#include <string>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "absl/time/time.h"
#include "bench/datagen/datagen.h"

namespace cxscore::bench {

struct DataGenFlags {
  DataGenOptions options;
  std::string start = "2025-01-01";  // UTC date of the first day
};

inline void AddDataGenFlags(CLI::App& app, DataGenFlags* flags) {
  app.add_option("-n,--n", flags->options.n,
                 "responses (and as many interactions)")
      ->capture_default_str();
  app.add_option("--agents", flags->options.agents, "agents")
      ->capture_default_str();
  app.add_option("--teams", flags->options.teams, "teams (0 = agents/10)")
      ->capture_default_str();
  app.add_option("--channels", flags->options.channels, "channels")
      ->capture_default_str();
  app.add_option("--days", flags->options.days, "days in the span")
      ->capture_default_str();
  app.add_option("--seed", flags->options.seed, "random seed")
      ->capture_default_str();
  app.add_option("--start", flags->start, "first day, YYYY-MM-DD (UTC)")
      ->capture_default_str();
}

// Parses --start into options.start and validates the options.
inline absl::Status FinishDataGenFlags(DataGenFlags* flags) {
  absl::Time start;
  std::string error;
  if (!absl::ParseTime("%Y-%m-%d", flags->start, absl::UTCTimeZone(), &start,
                       &error))
    return absl::InvalidArgumentError("--start: " + error);
  flags->options.start = start;
  return ValidateOptions(flags->options);
}

}  // namespace cxscore::bench

#endif  // CXSCORE_BENCH_DATAGEN_FLAGS_H_
