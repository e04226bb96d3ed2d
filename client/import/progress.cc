#include "client/import/progress.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

namespace cxscore::client {
namespace {

constexpr int kBarWidth = 30;

}  // namespace

ProgressBar::ProgressBar(std::ostream* out, int64_t total_bytes,
                         absl::Duration min_interval)
    : out_(out), total_bytes_(total_bytes), min_interval_(min_interval) {}

void ProgressBar::Update(int64_t bytes, int64_t rows, bool force) {
  absl::Time now = absl::Now();
  if (!force && now - last_draw_ < min_interval_) return;
  last_draw_ = now;

  std::string line;
  if (total_bytes_ > 0) {
    double fraction = std::clamp(
        static_cast<double>(bytes) / static_cast<double>(total_bytes_), 0.0,
        1.0);
    int filled = static_cast<int>(fraction * kBarWidth);
    line = absl::StrFormat("[%s%s] %3d%%  %d rows", std::string(filled, '#'),
                           std::string(kBarWidth - filled, '.'),
                           static_cast<int>(fraction * 100), rows);
  } else {
    line = absl::StrFormat("%d rows read", rows);
  }
  // Pad with spaces so that a shorter line fully covers the previous one.
  size_t width = line.size();
  if (width < drawn_width_) line.append(drawn_width_ - width, ' ');
  drawn_width_ = std::max(drawn_width_, width);
  *out_ << '\r' << line << std::flush;
}

void ProgressBar::Finish() {
  if (drawn_width_ == 0) return;
  *out_ << '\r' << std::string(drawn_width_, ' ') << '\r' << std::flush;
  drawn_width_ = 0;
}

}  // namespace cxscore::client
