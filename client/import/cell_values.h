// Parsers for the typed cells of the canonical CSV and the time arguments of
// the CLI. Error messages start with a verb phrase ("must be an integer, got
// ...") so that callers can prefix the field name.
#ifndef CXSCORE_CLIENT_IMPORT_CELL_VALUES_H_
#define CXSCORE_CLIENT_IMPORT_CELL_VALUES_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace cxscore::client {

// A base-10 integer within int32, optionally signed; surrounding ASCII
// whitespace is ignored. "4.5", "1e3", "abc" and "" are errors. Ranges of the
// scales (nps 0..10, ...) are the server's to check, so that one rule book
// decides.
absl::StatusOr<int32_t> ParseIntCell(absl::string_view cell);

// true/false, 1/0, yes/no in any letter case; surrounding whitespace ignored.
absl::StatusOr<bool> ParseBoolCell(absl::string_view cell);

// An RFC 3339 timestamp with a UTC offset ("2025-02-13T09:30:00Z",
// "2025-02-13T10:30:00.25+01:00"); surrounding whitespace ignored. Years
// outside 0001..9999 are errors (google.protobuf.Timestamp cannot hold them).
absl::StatusOr<absl::Time> ParseRfc3339(absl::string_view cell);

// A calendar date of exactly the form YYYY-MM-DD, as midnight UTC.
absl::StatusOr<absl::Time> ParseUtcDate(absl::string_view text);

// REQUIRES: `t` within the range ParseRfc3339 accepts.
google::protobuf::Timestamp ToProtoTimestamp(absl::Time t);

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
// The server rejects invalid UTF-8 too, but protobuf cannot even carry it in
// a string field without failing the whole batch, so the client checks first.
bool IsValidUtf8(absl::string_view text);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_IMPORT_CELL_VALUES_H_
