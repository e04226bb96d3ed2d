// A one-line progress bar for long imports, redrawn in place with '\r'.
// The caller decides whether to show one (only when stderr is a terminal).
#ifndef CXSCORE_CLIENT_IMPORT_PROGRESS_H_
#define CXSCORE_CLIENT_IMPORT_PROGRESS_H_

#include <cstddef>
#include <cstdint>
#include <ostream>

#include "absl/time/time.h"

namespace cxscore::client {

class ProgressBar {
 public:
  // `total_bytes` <= 0 means unknown (stdin): then only counts are shown.
  // Redraws at most once per `min_interval`.
  ProgressBar(std::ostream* out, int64_t total_bytes,
              absl::Duration min_interval = absl::Milliseconds(100));

  // Reports input consumed so far and data rows read. `force` draws even
  // within min_interval of the last drawing (for the final state).
  void Update(int64_t bytes, int64_t rows, bool force = false);

  // Erases the bar so that later output starts on a clean line.
  void Finish();

 private:
  std::ostream* out_;
  int64_t total_bytes_;
  absl::Duration min_interval_;
  absl::Time last_draw_ = absl::InfinitePast();
  size_t drawn_width_ = 0;
};

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_IMPORT_PROGRESS_H_
