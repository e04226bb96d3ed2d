// `cxscore scorecard` (one agent) and `cxscore scorecards` (every agent of a
// team, plus index.html): fetch, judge (core/scorecard.h), render, write.
#ifndef CXSCORE_CLIENT_DOCUMENTS_SCORECARD_COMMAND_H_
#define CXSCORE_CLIENT_DOCUMENTS_SCORECARD_COMMAND_H_

#include <ostream>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "client/documents/messages.h"
#include "client/documents/scorecard_document.h"
#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::client {

enum class DocumentFormat { kMarkdown, kJson, kHtml, kPdf };

// "md" (or "markdown"), "json", "html", "pdf"; case-insensitive.
// InvalidArgument naming --format otherwise.
absl::StatusOr<DocumentFormat> ParseDocumentFormat(std::string_view text);
std::string_view FileExtension(DocumentFormat format);

// --from and --to as dates YYYY-MM-DD (UTC, both included). Neither: the
// last 30 days ending `today`; only --from: up to today; only --to: the 30
// days ending then. InvalidArgument naming the flag when a date is bad or
// --from is after --to.
absl::StatusOr<DayRange> ParseDayRange(std::string_view from,
                                       std::string_view to, int32_t today);

// What every document command shares.
struct DocumentOptions {
  std::string from, to;     // dates; "" = default period
  std::string format;       // "" = the command's default
  std::string lang = "en";  // en or nl
  CallOptions call;
  absl::Time now;  // the client's clock: "today" for the default period
};

// DocumentOptions checked: the format (or `default_format`), the language,
// the period (today from `now`), and for PDF the Chromium to use
// (FailedPrecondition when there is none).
struct CheckedDocumentOptions {
  DocumentFormat format = DocumentFormat::kMarkdown;
  Lang lang = Lang::kEn;
  DayRange period;
  int32_t today = 0;
  std::string chromium;  // PDF only
};
absl::StatusOr<CheckedDocumentOptions> CheckDocumentOptions(
    const DocumentOptions& options, DocumentFormat default_format);

// Writes `content` to `path`; PDF: `content` is HTML, printed by `chromium`.
absl::Status WriteDocument(const std::string& content, DocumentFormat format,
                           const std::string& path,
                           const std::string& chromium);
absl::Status WriteFile(const std::string& path, const std::string& content);

struct ScorecardCommandOptions {
  std::string agent;   // required
  std::string output;  // -o FILE; "" = stdout (md and json only)
  DocumentOptions document;
};

// Exit 0 on success; 2 on a usage error (bad flag value, html/pdf without
// -o, Chromium missing for pdf), a failed call, an unknown agent or an
// unwritable file. Messages go to `err`.
int RunScorecardCommand(v1::CxScore::StubInterface& stub,
                        const ScorecardCommandOptions& options,
                        std::ostream& out, std::ostream& err);

struct ScorecardsCommandOptions {
  std::string team;          // required
  std::string out_dir;       // required; created when missing
  DocumentOptions document;  // format default html
};

// One scorecard per agent with records in the team (file AGENT.EXT, the id
// made safe for a file name) and index.html linking them. Prints one line
// per file written to `out`. Exit codes as RunScorecardCommand.
int RunScorecardsCommand(v1::CxScore::StubInterface& stub,
                         const ScorecardsCommandOptions& options,
                         std::ostream& out, std::ostream& err);

// `agent` made safe as a file name: letters, digits, '-', '_' and '.' kept,
// anything else '_'; never empty, never starting with '.'.
std::string SafeFileStem(std::string_view agent);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_DOCUMENTS_SCORECARD_COMMAND_H_
