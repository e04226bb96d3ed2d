// `cxscore scorecard --format md` (the default): the scorecard for a
// terminal, a wiki page or a chat message.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "client/documents/markdown_util.h"
#include "client/documents/scorecard_render.h"
#include "client/documents/scorecard_text.h"

namespace cxscore::client {
namespace {

void WriteHeader(const ScorecardDocument& doc, Lang lang, const LocaleFormat& f,
                 std::ostream& out) {
  out << "# "
      << EscapeMarkdown(
             Text(lang, Msg::kScorecardTitle, {{"agent", doc.agent}}))
      << "\n\n";
  out << "**" << Text(lang, Msg::kTeamLabel) << ":** "
      << EscapeMarkdown(doc.team.value_or(Text(lang, Msg::kNoTeam))) << " · **"
      << Text(lang, Msg::kPeriodLabel) << ":** "
      << Text(lang, Msg::kPeriodRange,
              {{"from", f.Date(doc.period.first_day)},
               {"to", f.Date(doc.period.last_day)}})
      << " · "
      << Text(lang, Msg::kVolume,
              {{"interactions", f.Count(doc.interactions)},
               {"responses", f.Count(doc.responses)}})
      << "\n\n";
  const std::vector<WarningView> warnings = Warnings(lang, doc);
  if (!warnings.empty()) {
    out << "> **" << Text(lang, Msg::kReadFirst) << "**\n>\n";
    for (const WarningView& w : warnings) out << "> - " << w.text << "\n";
    out << "\n";
  }
}

void WriteRatings(const ScorecardDocument& doc, Lang lang,
                  const LocaleFormat& f, std::ostream& out) {
  out << "## " << Text(lang, Msg::kRatingsHeading) << "\n\n"
      << Text(lang, Msg::kRatingsCaption) << "\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const MetricLine& line : doc.card.metrics) {
    rows.push_back({MetricLabel(lang, line.metric),
                    MetricValueText(f, line.metric, line.agent.value),
                    IntervalText(f, line.agent.ci),
                    MetricValueText(f, line.metric, line.adjusted),
                    MetricValueText(f, line.metric, line.team.value),
                    JudgementText(lang, line.judgement),
                    f.Count(line.agent.n)});
  }
  out << MarkdownTable(
      {Text(lang, Msg::kColMetric), Text(lang, Msg::kColAgent),
       Text(lang, Msg::kColInterval), Text(lang, Msg::kColAdjusted),
       Text(lang, Msg::kColTeam), Text(lang, Msg::kColJudgement),
       Text(lang, Msg::kColN)},
      {false, true, true, true, true, false, true}, rows);
  out << "\n";
  if (doc.card.nps_shares.has_value()) {
    const NpsShares& s = *doc.card.nps_shares;
    out << "**" << Text(lang, Msg::kNpsBarHeading) << ":** `"
        << ShareBar({s.promoters, s.passives, s.detractors}, {"█", "▒", "░"},
                    30)
        << "` "
        << Text(lang, Msg::kNpsBarDesc,
                {{"promoters", f.Percent(s.promoters)},
                 {"passives", f.Percent(s.passives)},
                 {"detractors", f.Percent(s.detractors)},
                 {"n", f.Count(doc.card.metrics[0].agent.n)}})
        << "\n\n";
  }
}

void WriteService(const ScorecardDocument& doc, Lang lang,
                  const LocaleFormat& f, std::ostream& out) {
  out << "## " << Text(lang, Msg::kServiceHeading) << "\n\n"
      << Text(lang, Msg::kServiceCaption) << "\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const KpiLine& line : doc.card.kpis) {
    rows.push_back({KpiLabel(lang, line.kpi),
                    KpiValueText(f, line.kpi, line.value),
                    KpiValueText(f, line.kpi, line.team_value),
                    JudgementText(lang, line.judgement), f.Count(line.n)});
  }
  out << MarkdownTable(
      {Text(lang, Msg::kColKpi), Text(lang, Msg::kColAgent),
       Text(lang, Msg::kColTeam), Text(lang, Msg::kColJudgement),
       Text(lang, Msg::kColTickets)},
      {false, true, true, false, true}, rows);
  out << "\n";
}

void WritePoints(const ScorecardDocument& doc, Lang lang, std::ostream& out) {
  out << "## " << Text(lang, Msg::kStrengthHeading) << "\n\n";
  if (doc.card.strengths.empty()) {
    out << Text(lang, Msg::kNoStrength) << "\n\n";
  }
  for (const CoachingPoint& p : doc.card.strengths) {
    const PointText t = DescribePoint(lang, p, true);
    out << "- **" << t.title << ".** " << t.evidence;
    if (!t.driver.empty()) out << " " << t.driver;
    out << "\n";
  }
  if (!doc.card.strengths.empty()) out << "\n";
  out << "## " << Text(lang, Msg::kFocusHeading) << "\n\n";
  if (doc.card.focus.empty()) out << Text(lang, Msg::kNoFocus) << "\n\n";
  int i = 0;
  for (const CoachingPoint& p : doc.card.focus) {
    const PointText t = DescribePoint(lang, p, false);
    out << ++i << ". **" << t.title << ".** " << t.evidence;
    if (!t.driver.empty()) out << " " << t.driver;
    out << "\n";
  }
  if (!doc.card.focus.empty()) out << "\n";
}

void WriteTrend(const ScorecardDocument& doc, Lang lang, const LocaleFormat& f,
                std::ostream& out) {
  out << "## " << Text(lang, Msg::kTrendHeading) << "\n\n";
  // Every week any metric has, in order (keys sort chronologically).
  std::vector<std::string> weeks;
  for (const auto& series : doc.trend) {
    for (const WeekPoint& w : series) weeks.push_back(w.period);
  }
  std::sort(weeks.begin(), weeks.end());
  weeks.erase(std::unique(weeks.begin(), weeks.end()), weeks.end());
  if (weeks.empty()) {
    out << Text(lang, Msg::kTrendNoData, {{"metric", "NPS, CSAT, CES, VES"}})
        << "\n\n";
    return;
  }
  std::vector<std::string> header = {Text(lang, Msg::kColWeek)};
  for (Metric m : kAllMetrics) {
    header.push_back(MetricShortLabel(lang, m));
  }
  std::vector<std::vector<std::string>> rows;
  for (const std::string& week : weeks) {
    std::vector<std::string> row = {f.ShortPeriodLabel(week)};
    for (Metric m : kAllMetrics) {
      const auto& series = doc.trend[static_cast<int>(m)];
      auto it =
          std::find_if(series.begin(), series.end(),
                       [&](const WeekPoint& w) { return w.period == week; });
      if (it == series.end() || !it->value.has_value()) {
        row.push_back(std::string(LocaleFormat::kMissing));
      } else {
        row.push_back(absl::StrCat(MetricValueText(f, m, it->value), " (",
                                   f.Count(it->n), ")"));
      }
    }
    rows.push_back(std::move(row));
  }
  std::vector<std::string> spark = {Text(lang, Msg::kColTrend)};
  for (Metric m : kAllMetrics) {
    const auto& series = doc.trend[static_cast<int>(m)];
    std::vector<std::optional<double>> values;
    for (const std::string& week : weeks) {
      auto it =
          std::find_if(series.begin(), series.end(),
                       [&](const WeekPoint& w) { return w.period == week; });
      values.push_back(it == series.end() ? std::nullopt : it->value);
    }
    const std::string line = MarkdownSparkline(values);
    spark.push_back(line.empty() ? std::string(LocaleFormat::kMissing) : line);
  }
  rows.push_back(std::move(spark));
  out << MarkdownTable(header, {false, true, true, true, true}, rows) << "\n";
}

void WriteComments(const ScorecardDocument& doc, Lang lang,
                   const LocaleFormat& f, std::ostream& out) {
  out << "## " << Text(lang, Msg::kCommentsHeading) << "\n\n";
  if (doc.comments.empty()) {
    out << Text(lang, Msg::kCommentsNone) << "\n\n";
    return;
  }
  out << Text(lang, Msg::kCommentsPrivacy) << "\n\n";
  for (auto [kind, heading] :
       {std::pair{CommentView::Kind::kDetractor, Msg::kCommentsDetractors},
        std::pair{CommentView::Kind::kPromoter, Msg::kCommentsPromoters}}) {
    bool any = false;
    for (const CommentView& c : doc.comments) {
      if (c.kind != kind) continue;
      if (!any) out << "### " << Text(lang, heading) << "\n\n";
      any = true;
      out << "> " << EscapeMarkdown(c.text) << "\n>\n> — "
          << Text(lang, Msg::kCommentScores,
                  {{"date", f.Date(c.day)},
                   {"channel", EscapeMarkdown(c.channel)},
                   {"scores", CommentScores(c)}})
          << "\n\n";
    }
  }
}

void WriteMethod(const ScorecardDocument& doc, Lang lang, const LocaleFormat& f,
                 std::ostream& out) {
  out << "## " << Text(lang, Msg::kMethodHeading) << "\n\n";
  for (Msg m : {Msg::kMethodValues, Msg::kMethodJudgement, Msg::kMethodAdjusted,
                Msg::kMethodPoints}) {
    out << Text(lang, m) << "\n\n";
  }
  out << "*"
      << Text(lang, Msg::kMethodSource, {{"date", f.Date(doc.generated_day)}})
      << "*\n";
}

}  // namespace

void WriteScorecardMarkdown(const ScorecardDocument& doc, Lang lang,
                            std::ostream& out) {
  const LocaleFormat f(lang);
  WriteHeader(doc, lang, f, out);
  WritePoints(doc, lang, out);
  WriteService(doc, lang, f, out);
  WriteRatings(doc, lang, f, out);
  WriteTrend(doc, lang, f, out);
  WriteComments(doc, lang, f, out);
  WriteMethod(doc, lang, f, out);
}

}  // namespace cxscore::client
