// The team report (`cxscore report`): per channel the four metrics and time
// to close, weekly trend lines per channel, the drivers summary, agents
// needing attention and data-quality notes (docs/scorecards.md).
#ifndef CXSCORE_CLIENT_DOCUMENTS_REPORT_DOCUMENT_H_
#define CXSCORE_CLIENT_DOCUMENTS_REPORT_DOCUMENT_H_

#include <array>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "client/documents/messages.h"
#include "client/documents/scorecard_document.h"
#include "core/scorecard.h"
#include "core/team_report.h"
#include "cxscore/v1/cxscore.grpc.pb.h"
#include "nlohmann/json.hpp"

namespace cxscore::client {

// One row of the per-channel table (or the total).
struct ChannelRow {
  std::optional<std::string> channel;               // nullopt: unattributed
  std::array<MetricScore, kMetricCount> metrics;  // by Metric
  int64_t responses = 0;
  int64_t tickets = 0, closed = 0;
  std::optional<double> close_mean, close_p50, close_p90;  // seconds
};

struct ChannelTrend {
  std::optional<std::string> channel;
  std::vector<v1::TrendPoint> points;
};

struct DriverSummaryRow {
  Metric metric = Metric::kNps;
  Kpi kpi = Kpi::kTimeToClose;
  double strength = 0;
  std::optional<double> rho, ci_low, ci_high;
  int64_t n = 0;
  bool significant = false;
};

struct AttentionRow {
  std::string agent;
  Metric metric = Metric::kNps;
  MetricScore score;
  std::optional<double> adjusted;
  std::optional<double> selection_value;
};

struct ReportSelection {
  DayRange period;
  std::vector<std::string> teams, agents, channels;  // filters; empty = all
};

struct ReportDocument {
  ReportSelection selection;
  int32_t generated_day = 0;
  ChannelRow total;
  std::vector<ChannelRow> channels;
  std::array<std::vector<ChannelTrend>, kMetricCount> trend;
  std::vector<DriverSummaryRow> drivers;  // the server's ranking order
  std::string verdict;                    // the server's (English)
  std::vector<AttentionRow> attention;
  std::vector<DataQualityNote> notes;
  std::vector<MissingPart> missing;
};

// GetScores (total; by channel; by agent, team for the unattributed counts),
// GetTrend per metric by channel and week, GetDrivers, RankAgents per metric.
// UNIMPLEMENTED calls become MissingParts; other failures are returned.
absl::StatusOr<ReportDocument> FetchReport(v1::CxScore::StubInterface& stub,
                                           const ReportSelection& selection,
                                           int32_t today,
                                           const CallOptions& options);

nlohmann::ordered_json ReportJson(const ReportDocument& doc, Lang lang);
void WriteReportMarkdown(const ReportDocument& doc, Lang lang,
                         std::ostream& out);
void WriteReportHtml(const ReportDocument& doc, Lang lang, std::ostream& out);

// Sentences shared by the renderers.
std::string NoteText(Lang lang, const DataQualityNote& note);
std::string_view NoteCodeName(NoteCode code);
// The drivers' lead sentence in `lang`, from the strongest row.
std::string DriversSummary(Lang lang, const ReportDocument& doc);
std::string ChannelLabel(Lang lang, const std::optional<std::string>& channel);
// The filters of the selection ("Team blue; Channel chat"), or "all records".
std::string SelectionText(Lang lang, const ReportSelection& selection);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_DOCUMENTS_REPORT_DOCUMENT_H_
