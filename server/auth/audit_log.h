// The audit log of `cxscored --audit-log FILE`: one JSON object per line per
// authorization decision. An entry has no field for a token or a customer
// id, so neither can reach the log.
//
//   {"time":"2026-12-04T15:20:00.123Z","principal":"ann","role":"agent:ann",
//    "method":"GetScores","decision":"allow","code":"OK","subject":"ann"}
//
// (one line). `principal` and `role` are null for calls without a known
// token; `subject` is present only when set.
#ifndef CXSCORE_SERVER_AUTH_AUDIT_LOG_H_
#define CXSCORE_SERVER_AUTH_AUDIT_LOG_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace cxscore::server::auth {

struct AuditEntry {
  absl::Time time;        // when the call was decided (written RFC 3339 UTC)
  std::string principal;  // Principal::name; empty = no known token (null)
  std::string role;       // RoleName(); empty = no known token (null)
  std::string method;     // MethodInfo::name, e.g. "GetScores"
  bool allowed = false;   // "decision": "allow" or "deny"
  // The call's status code, written by its canonical name
  // ("PERMISSION_DENIED"); gRPC and absl share the numbering.
  absl::StatusCode code = absl::StatusCode::kOk;
  // The agent id(s) a read is about, for reads of another agent's data or
  // of comments (policy.h, AuditSubject).
  std::optional<std::string> subject;
};

// The JSON object of `entry`, without a newline. Strings are escaped for
// JSON (quotes, backslashes, control characters) and bytes that are not
// valid UTF-8 become U+FFFD, so every line parses.
std::string AuditLine(const AuditEntry& entry);

// `text` as a quoted JSON string, escaped as for AuditLine.
std::string JsonQuote(std::string_view text);

// Appends entries to a file, one line each. Thread-safe: a line is written
// with one write(2) under a mutex, so lines never interleave, and it is in
// the file (the kernel's page cache) when Write returns; no fsync.
class AuditLog {
 public:
  // Opens `path` for appending (created with mode 0600 when missing).
  // An error names the path and the reason.
  static absl::StatusOr<std::unique_ptr<AuditLog>> Open(
      const std::string& path);

  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;
  ~AuditLog();

  // Appends AuditLine(entry) and a newline. An error (e.g. disk full) names
  // the path; the log stays usable.
  absl::Status Write(const AuditEntry& entry);

 private:
  AuditLog(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}

  const std::string path_;
  const int fd_;
  absl::Mutex mu_;  // serialises the writes to fd_
};

}  // namespace cxscore::server::auth

#endif  // CXSCORE_SERVER_AUTH_AUDIT_LOG_H_
