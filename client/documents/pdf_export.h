// PDF from a self-contained HTML page by headless Chromium, the way a person
// would print it (A4, the page's own print CSS).
#ifndef CXSCORE_CLIENT_DOCUMENTS_PDF_EXPORT_H_
#define CXSCORE_CLIENT_DOCUMENTS_PDF_EXPORT_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace cxscore::client {

// The Chromium to run: $CXSCORE_CHROMIUM when set (a path), else the first
// of chromium, chromium-browser, google-chrome-stable, google-chrome found
// on $PATH; nullopt when there is none.
std::optional<std::string> FindChromium();

// What to tell a user without Chromium.
std::string ChromiumMissingMessage();

// The flags every headless run gets: no sandbox (containers), no GPU, no
// network chatter (background networking, component updates, sync, QUIC),
// no first-run UI, and a fresh profile in `profile_dir`.
std::vector<std::string> HeadlessChromiumFlags(const std::string& profile_dir);

// Runs `chromium` with `args` (argv[0] excluded), stdout and stderr to
// `log_path`, killing it after `timeout`. FailedPrecondition (with the log's
// tail) when it exits non-zero or times out.
absl::Status RunChromium(const std::string& chromium,
                         const std::vector<std::string>& args,
                         const std::string& log_path, absl::Duration timeout);

// Writes `html` to a private temporary folder and prints it to `pdf_path`
// with `chromium --headless --print-to-pdf`. The folder is removed after.
absl::Status HtmlToPdf(const std::string& html, const std::string& pdf_path,
                       const std::string& chromium,
                       absl::Duration timeout = absl::Seconds(120));

// A private temporary folder (mkdtemp) removed with everything in it when
// this object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  bool ok() const { return !path_.empty(); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_DOCUMENTS_PDF_EXPORT_H_
