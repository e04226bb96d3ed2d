// The words of a scorecard, shared by its renderers (Markdown, HTML, JSON):
// labels, formatted values and the sentences of points and warnings, all
// from the message catalogue (client/messages.h).
#ifndef CXSCORE_CLIENT_DOCUMENTS_SCORECARD_TEXT_H_
#define CXSCORE_CLIENT_DOCUMENTS_SCORECARD_TEXT_H_

#include <optional>
#include <string>
#include <vector>

#include "client/documents/messages.h"
#include "client/documents/scorecard_document.h"
#include "core/scorecard.h"

namespace cxscore::client {

// "CSAT (% satisfied)", ...
std::string MetricLabel(Lang lang, Metric metric);
// "CSAT", ...
std::string MetricShortLabel(Lang lang, Metric metric);
// "satisfaction (CSAT)", for inside a sentence.
std::string MetricInSentence(Lang lang, Metric metric);
// "Time to close (median)", ...
std::string KpiLabel(Lang lang, Kpi kpi);
// "Time to close": the KPI itself (not its median).
std::string KpiShortLabel(Lang lang, Kpi kpi);
// "time to close", for inside a sentence.
std::string KpiInSentence(Lang lang, Kpi kpi);
// "clearly better", "in line", "clearly worse", "no data".
std::string JudgementText(Lang lang, Judgement judgement);

// A metric's value: "32.5" for NPS, "72.5%" for the others; the missing
// mark when absent.
std::string MetricValueText(const LocaleFormat& format, Metric metric,
                            std::optional<double> value);
// "[20.1, 43.0]" or the missing mark.
std::string IntervalText(const LocaleFormat& format,
                         const std::optional<Interval>& ci);
// A KPI's value: a duration ("3h 05m") or a percentage.
std::string KpiValueText(const LocaleFormat& format, Kpi kpi,
                         std::optional<double> value);

struct PointText {
  std::string title;     // the behaviour: "Close tickets sooner"
  std::string evidence;  // the numbers behind it
  std::string driver;    // why it matters here; empty without a driver
};
PointText DescribePoint(Lang lang, const CoachingPoint& point, bool strength);

// A warning of the card or a missing part: a stable code for programs
// ("few_responses", "comments_unavailable", ...) and a sentence.
struct WarningView {
  std::string code;
  std::string text;
  std::optional<Metric> metric;  // few_responses
  std::optional<int64_t> n;            // the thin count, when there is one
};
std::vector<WarningView> Warnings(Lang lang, const ScorecardDocument& doc);

// "NPS 3, CSAT 2" for a comment's scores.
std::string CommentScores(const CommentView& comment);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_DOCUMENTS_SCORECARD_TEXT_H_
