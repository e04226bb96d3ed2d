// `cxscore report --format md` (the default).
#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "client/documents/markdown_util.h"
#include "client/documents/report_document.h"
#include "client/documents/scorecard_text.h"

namespace cxscore::client {
namespace {

std::string ScoreCell(const LocaleFormat& f, Metric m,
                      const MetricScore& s) {
  if (!s.value.has_value()) return std::string(LocaleFormat::kMissing);
  return absl::StrCat(MetricValueText(f, m, s.value), " ",
                      IntervalText(f, s.ci), " (", f.Count(s.n), ")");
}

void WriteChannels(const ReportDocument& doc, Lang lang, const LocaleFormat& f,
                   std::ostream& out) {
  out << "## " << Text(lang, Msg::kReportChannelsHeading) << "\n\n"
      << Text(lang, Msg::kReportChannelsCaption) << "\n\n";
  std::vector<std::string> header = {Text(lang, Msg::kColChannel)};
  for (Metric m : kAllMetrics)
    header.push_back(MetricLabel(lang, m));
  std::vector<std::vector<std::string>> rows;
  auto add = [&](const std::string& label, const ChannelRow& row) {
    std::vector<std::string> cells = {label};
    for (Metric m : kAllMetrics) {
      cells.push_back(ScoreCell(f, m, row.metrics[static_cast<int>(m)]));
    }
    rows.push_back(std::move(cells));
  };
  for (const ChannelRow& row : doc.channels) {
    add(EscapeMarkdown(ChannelLabel(lang, row.channel)), row);
  }
  add("**" + Text(lang, Msg::kAllChannels) + "**", doc.total);
  out << MarkdownTable(header, {false, true, true, true, true}, rows) << "\n";

  header = {Text(lang, Msg::kColChannel),  Text(lang, Msg::kColTickets),
            Text(lang, Msg::kColClosed),   Text(lang, Msg::kColCloseMean),
            Text(lang, Msg::kColCloseP50), Text(lang, Msg::kColCloseP90)};
  rows.clear();
  auto add_close = [&](const std::string& label, const ChannelRow& row) {
    rows.push_back({label, f.Count(row.tickets), f.Count(row.closed),
                    row.close_mean ? f.Duration(*row.close_mean)
                                   : std::string(LocaleFormat::kMissing),
                    row.close_p50 ? f.Duration(*row.close_p50)
                                  : std::string(LocaleFormat::kMissing),
                    row.close_p90 ? f.Duration(*row.close_p90)
                                  : std::string(LocaleFormat::kMissing)});
  };
  for (const ChannelRow& row : doc.channels) {
    add_close(EscapeMarkdown(ChannelLabel(lang, row.channel)), row);
  }
  add_close("**" + Text(lang, Msg::kAllChannels) + "**", doc.total);
  out << MarkdownTable(header, {false, true, true, true, true, true}, rows)
      << "\n";
}

void WriteTrend(const ReportDocument& doc, Lang lang, const LocaleFormat& f,
                std::ostream& out) {
  out << "## " << Text(lang, Msg::kReportTrendHeading) << "\n\n";
  for (Metric m : kAllMetrics) {
    const auto& series = doc.trend[static_cast<int>(m)];
    std::set<std::string> week_set;
    for (const ChannelTrend& t : series) {
      for (const v1::TrendPoint& p : t.points) week_set.insert(p.period());
    }
    out << "### " << MetricLabel(lang, m) << "\n\n";
    if (week_set.empty()) {
      out << Text(lang, Msg::kTrendNoData,
                  {{"metric", MetricShortLabel(lang, m)}})
          << "\n\n";
      continue;
    }
    const std::vector<std::string> weeks(week_set.begin(), week_set.end());
    std::vector<std::string> header = {Text(lang, Msg::kColChannel)};
    for (const std::string& w : weeks) header.push_back(f.ShortPeriodLabel(w));
    header.push_back(Text(lang, Msg::kColTrend));
    std::vector<std::vector<std::string>> rows;
    for (const ChannelTrend& t : series) {
      std::vector<std::string> row = {
          EscapeMarkdown(ChannelLabel(lang, t.channel))};
      std::vector<std::optional<double>> values;
      for (const std::string& w : weeks) {
        auto it = std::find_if(
            t.points.begin(), t.points.end(),
            [&](const v1::TrendPoint& p) { return p.period() == w; });
        if (it == t.points.end() || !it->has_value()) {
          row.push_back(std::string(LocaleFormat::kMissing));
          values.push_back(std::nullopt);
          continue;
        }
        std::string cell = MetricValueText(f, m, it->value());
        // A change against the week before: ▲ rise, ▼ drop.
        if (it->change() == "drop") cell += " ▼";
        if (it->change() == "rise") cell += " ▲";
        row.push_back(cell);
        values.push_back(it->value());
      }
      const std::string spark = MarkdownSparkline(values);
      row.push_back(spark.empty() ? std::string(LocaleFormat::kMissing)
                                  : spark);
      rows.push_back(std::move(row));
    }
    std::vector<bool> right(header.size(), true);
    right[0] = false;
    out << MarkdownTable(header, right, rows) << "\n";
  }
  out << Text(lang, Msg::kReportTrendCaptionText) << "\n\n";
}

void WriteDrivers(const ReportDocument& doc, Lang lang, const LocaleFormat& f,
                  std::ostream& out) {
  out << "## " << Text(lang, Msg::kReportDriversHeading) << "\n\n"
      << DriversSummary(lang, doc) << "\n\n";
  if (doc.drivers.empty()) return;
  std::vector<std::vector<std::string>> rows;
  for (const DriverSummaryRow& r : doc.drivers) {
    rows.push_back(
        {MetricLabel(lang, r.metric), KpiShortLabel(lang, r.kpi),
         r.rho ? f.Signed(*r.rho, 2) : std::string(LocaleFormat::kMissing),
         r.ci_low && r.ci_high ? f.Interval(*r.ci_low, *r.ci_high, 2)
                               : std::string(LocaleFormat::kMissing),
         f.Number(r.strength, 2), f.Count(r.n)});
  }
  out << MarkdownTable(
             {Text(lang, Msg::kColMetric), Text(lang, Msg::kColStrongestKpi),
              Text(lang, Msg::kColRho), Text(lang, Msg::kColInterval),
              Text(lang, Msg::kColStrength2), Text(lang, Msg::kColN)},
             {false, false, true, true, true, true}, rows)
      << "\n";
}

void WriteAttention(const ReportDocument& doc, Lang lang, const LocaleFormat& f,
                    std::ostream& out) {
  out << "## " << Text(lang, Msg::kReportAttentionHeading) << "\n\n"
      << Text(lang, Msg::kReportAttentionCaption) << "\n\n";
  if (doc.attention.empty()) {
    out << Text(lang, Msg::kReportAttentionNone) << "\n\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const AttentionRow& a : doc.attention) {
    rows.push_back(
        {EscapeMarkdown(a.agent), MetricLabel(lang, a.metric),
         MetricValueText(f, a.metric, a.score.value),
         IntervalText(f, a.score.ci), MetricValueText(f, a.metric, a.adjusted),
         MetricValueText(f, a.metric, a.selection_value), f.Count(a.score.n)});
  }
  out << MarkdownTable(
             {Text(lang, Msg::kColAgent), Text(lang, Msg::kColMetric),
              Text(lang, Msg::kColValue), Text(lang, Msg::kColInterval),
              Text(lang, Msg::kColAdjusted), Text(lang, Msg::kReportSelection),
              Text(lang, Msg::kColN)},
             {false, false, true, true, true, true, true}, rows)
      << "\n";
}

}  // namespace

void WriteReportMarkdown(const ReportDocument& doc, Lang lang,
                         std::ostream& out) {
  const LocaleFormat f(lang);
  out << "# " << Text(lang, Msg::kReportTitle) << "\n\n**"
      << Text(lang, Msg::kPeriodLabel) << ":** "
      << Text(lang, Msg::kPeriodRange,
              {{"from", f.Date(doc.selection.period.first_day)},
               {"to", f.Date(doc.selection.period.last_day)}})
      << " · **" << Text(lang, Msg::kReportSelection) << ":** "
      << EscapeMarkdown(SelectionText(lang, doc.selection)) << " · "
      << Text(lang, Msg::kVolume,
              {{"interactions", f.Count(doc.total.tickets)},
               {"responses", f.Count(doc.total.responses)}})
      << "\n\n";
  ScorecardDocument missing_only;
  missing_only.missing = doc.missing;
  const std::vector<WarningView> warnings = Warnings(lang, missing_only);
  if (!warnings.empty()) {
    out << "> **" << Text(lang, Msg::kReadFirst) << "**\n>\n";
    for (const WarningView& w : warnings) out << "> - " << w.text << "\n";
    out << "\n";
  }
  WriteChannels(doc, lang, f, out);
  WriteTrend(doc, lang, f, out);
  WriteDrivers(doc, lang, f, out);
  WriteAttention(doc, lang, f, out);
  out << "## " << Text(lang, Msg::kReportQualityHeading) << "\n\n";
  if (doc.notes.empty()) out << Text(lang, Msg::kReportQualityNone) << "\n";
  for (const DataQualityNote& n : doc.notes) {
    out << "- " << EscapeMarkdown(NoteText(lang, n)) << "\n";
  }
  out << "\n## " << Text(lang, Msg::kMethodHeading) << "\n\n"
      << Text(lang, Msg::kReportMethod) << "\n\n*"
      << Text(lang, Msg::kMethodSource, {{"date", f.Date(doc.generated_day)}})
      << "*\n";
}

}  // namespace cxscore::client
