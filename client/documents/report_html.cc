// `cxscore report --format html`: the team dashboard as one self-contained
// page (same style sheet as the scorecards).
#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client/documents/html_page.h"
#include "client/documents/report_document.h"
#include "client/documents/scorecard_render.h"
#include "client/documents/scorecard_text.h"
#include "client/documents/svg_chart.h"
#include "core/metric.h"

namespace cxscore::client {
namespace {

std::string E(std::string_view text) { return EscapeHtml(text); }

std::string Duration(const LocaleFormat& f, const std::optional<double>& s) {
  return s ? f.Duration(*s) : std::string(LocaleFormat::kMissing);
}

void WriteHeader(const ReportDocument& doc, Lang lang, const LocaleFormat& f,
                 std::ostream& out) {
  out << "<header class=\"doc-header\">\n<p class=\"kicker\">cxscore</p>\n<h1>"
      << E(Text(lang, Msg::kReportTitle))
      << "</h1>\n<dl class=\"meta\">\n<div><dt>"
      << E(Text(lang, Msg::kPeriodLabel)) << "</dt><dd>"
      << E(Text(lang, Msg::kPeriodRange,
                {{"from", f.Date(doc.selection.period.first_day)},
                 {"to", f.Date(doc.selection.period.last_day)}}))
      << "</dd></div>\n<div><dt>" << E(Text(lang, Msg::kReportSelection))
      << "</dt><dd>" << E(SelectionText(lang, doc.selection))
      << "</dd></div>\n<div><dd>"
      << E(Text(lang, Msg::kVolume,
                {{"interactions", f.Count(doc.total.tickets)},
                 {"responses", f.Count(doc.total.responses)}}))
      << "</dd></div>\n</dl>\n</header>\n";
  ScorecardDocument missing_only;
  missing_only.missing = doc.missing;
  WriteWarningsHtml(Warnings(lang, missing_only), lang, out);
}

void WriteCards(const ReportDocument& doc, Lang lang, const LocaleFormat& f,
                std::ostream& out) {
  out << "<section aria-label=\"" << E(Text(lang, Msg::kAllChannels))
      << "\">\n<div class=\"cards\" style=\"margin-top:18px\">\n";
  for (Metric m : kAllMetrics) {
    const MetricScore& s = doc.total.metrics[static_cast<int>(m)];
    out << "<div class=\"card\">\n<h3>" << E(MetricLabel(lang, m))
        << "</h3>\n<div class=\"value\">" << E(MetricValueText(f, m, s.value))
        << "</div>\n<div class=\"sub\">" << E(IntervalText(f, s.ci)) << " · n "
        << E(f.Count(s.n)) << "</div>\n</div>\n";
  }
  out << "</div>\n</section>\n";
}

void WriteChannels(const ReportDocument& doc, Lang lang, const LocaleFormat& f,
                   std::ostream& out) {
  out << "<section aria-labelledby=\"channels-h\">\n<h2 id=\"channels-h\">"
      << E(Text(lang, Msg::kReportChannelsHeading))
      << "</h2>\n<table>\n<caption>"
      << E(Text(lang, Msg::kReportChannelsCaption))
      << "</caption>\n<thead><tr><th scope=\"col\">"
      << E(Text(lang, Msg::kColChannel)) << "</th>";
  for (Metric m : kAllMetrics) {
    out << "<th scope=\"col\" class=\"num\">" << E(MetricLabel(lang, m))
        << "</th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  auto ratings = [&](const std::string& label, const ChannelRow& r,
                     bool total) {
    out << (total ? "<tr class=\"total\">" : "<tr>") << "<th scope=\"row\">"
        << E(label) << "</th>";
    for (Metric m : kAllMetrics) {
      const MetricScore& s = r.metrics[static_cast<int>(m)];
      out << "<td class=\"num\">" << E(MetricValueText(f, m, s.value));
      if (s.value) {
        out << "<br><span class=\"ci\">" << E(IntervalText(f, s.ci)) << " · n "
            << E(f.Count(s.n)) << "</span>";
      }
      out << "</td>";
    }
    out << "</tr>\n";
  };
  for (const ChannelRow& r : doc.channels) {
    ratings(ChannelLabel(lang, r.channel), r, false);
  }
  ratings(Text(lang, Msg::kAllChannels), doc.total, true);
  out << "</tbody>\n</table>\n<table>\n<thead><tr><th scope=\"col\">"
      << E(Text(lang, Msg::kColChannel)) << "</th>";
  for (Msg m : {Msg::kColTickets, Msg::kColClosed, Msg::kColCloseMean,
                Msg::kColCloseP50, Msg::kColCloseP90}) {
    out << "<th scope=\"col\" class=\"num\">" << E(Text(lang, m)) << "</th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  auto close = [&](const std::string& label, const ChannelRow& r, bool total) {
    out << (total ? "<tr class=\"total\">" : "<tr>") << "<th scope=\"row\">"
        << E(label) << "</th><td class=\"num\">" << E(f.Count(r.tickets))
        << "</td><td class=\"num\">" << E(f.Count(r.closed))
        << "</td><td class=\"num\">" << E(Duration(f, r.close_mean))
        << "</td><td class=\"num\">" << E(Duration(f, r.close_p50))
        << "</td><td class=\"num\">" << E(Duration(f, r.close_p90))
        << "</td></tr>\n";
  };
  for (const ChannelRow& r : doc.channels) {
    close(ChannelLabel(lang, r.channel), r, false);
  }
  close(Text(lang, Msg::kAllChannels), doc.total, true);
  out << "</tbody>\n</table>\n</section>\n";
}

void WriteTrend(const ReportDocument& doc, Lang lang, const LocaleFormat& f,
                std::ostream& out) {
  out << "<section aria-labelledby=\"trend-h\">\n<h2 id=\"trend-h\">"
      << E(Text(lang, Msg::kReportTrendHeading))
      << "</h2>\n<p class=\"caption\">"
      << E(Text(lang, Msg::kReportTrendCaption))
      << "</p>\n<div class=\"charts\">\n";
  // One color per channel, the same in every chart.
  std::vector<std::optional<std::string>> channels;
  for (const auto& series : doc.trend) {
    for (const ChannelTrend& t : series) {
      if (std::find(channels.begin(), channels.end(), t.channel) ==
          channels.end()) {
        channels.push_back(t.channel);
      }
    }
  }
  auto color = [&](const std::optional<std::string>& c) {
    const size_t i =
        std::find(channels.begin(), channels.end(), c) - channels.begin();
    return SeriesPalette()[i % SeriesPalette().size()];
  };
  for (Metric m : kAllMetrics) {
    const auto& series = doc.trend[static_cast<int>(m)];
    out << "<figure>\n<h3>" << E(MetricLabel(lang, m)) << "</h3>\n";
    std::set<std::string> week_set;
    for (const ChannelTrend& t : series) {
      for (const v1::TrendPoint& p : t.points) week_set.insert(p.period());
    }
    if (week_set.empty()) {
      out << "<p class=\"empty\">"
          << E(Text(lang, Msg::kTrendNoData,
                    {{"metric", MetricShortLabel(lang, m)}}))
          << "</p>\n</figure>\n";
      continue;
    }
    const std::vector<std::string> weeks(week_set.begin(), week_set.end());
    LineChart chart;
    chart.id = absl::StrCat("report-trend-", AbslView(MetricName(m)));
    chart.title = Text(lang, Msg::kReportTrendChartTitle,
                       {{"metric", MetricShortLabel(lang, m)}});
    const bool net = MetricInfoOf(m).kind == MetricKind::kNetPromoter;
    chart.percent = !net;
    chart.domain_min = net ? -100 : 0;
    for (const std::string& w : weeks)
      chart.x_labels.push_back(f.ShortPeriodLabel(w));
    std::vector<std::string> desc;
    for (const ChannelTrend& t : series) {
      ChartSeries s;
      s.name = ChannelLabel(lang, t.channel);
      s.color = color(t.channel);
      std::vector<std::string> values;
      for (const std::string& w : weeks) {
        auto it = std::find_if(
            t.points.begin(), t.points.end(),
            [&](const v1::TrendPoint& p) { return p.period() == w; });
        const bool has = it != t.points.end() && it->has_value();
        s.values.push_back(has ? std::optional<double>(it->value())
                               : std::nullopt);
        s.flagged.push_back(has && !it->change().empty());
        values.push_back(absl::StrCat(
            f.ShortPeriodLabel(w), " ",
            MetricValueText(
                f, m, has ? std::optional<double>(it->value()) : std::nullopt),
            has && !it->change().empty() ? absl::StrCat(" (", it->change(), ")")
                                         : ""));
      }
      desc.push_back(absl::StrCat(s.name, ": ", absl::StrJoin(values, ", ")));
      chart.series.push_back(std::move(s));
    }
    chart.desc = absl::StrJoin(desc, "; ");
    out << LineChartSvg(chart, f) << "\n</figure>\n";
  }
  out << "</div>\n<ul class=\"legend\">";
  for (const auto& c : channels) {
    out << "<li><span class=\"swatch line\" style=\"background:" << color(c)
        << "\"></span>" << E(ChannelLabel(lang, c)) << "</li>";
  }
  out << "</ul>\n</section>\n";
}

void WriteDrivers(const ReportDocument& doc, Lang lang, const LocaleFormat& f,
                  std::ostream& out) {
  out << "<section aria-labelledby=\"drivers-h\">\n<h2 id=\"drivers-h\">"
      << E(Text(lang, Msg::kReportDriversHeading)) << "</h2>\n<p>"
      << E(DriversSummary(lang, doc)) << "</p>\n";
  if (!doc.drivers.empty()) {
    out << "<table>\n<thead><tr><th scope=\"col\">"
        << E(Text(lang, Msg::kColMetric)) << "</th><th scope=\"col\">"
        << E(Text(lang, Msg::kColStrongestKpi))
        << "</th><th scope=\"col\" class=\"num\">"
        << E(Text(lang, Msg::kColRho))
        << "</th><th scope=\"col\" class=\"num\">"
        << E(Text(lang, Msg::kColInterval))
        << "</th><th scope=\"col\" class=\"num\">"
        << E(Text(lang, Msg::kColStrength2))
        << "</th><th scope=\"col\" class=\"num\">" << E(Text(lang, Msg::kColN))
        << "</th></tr></thead>\n<tbody>\n";
    for (const DriverSummaryRow& r : doc.drivers) {
      out << "<tr><th scope=\"row\">" << E(MetricLabel(lang, r.metric))
          << "</th><td>" << E(KpiShortLabel(lang, r.kpi))
          << "</td><td class=\"num\">"
          << E(r.rho ? f.Signed(*r.rho, 2)
                     : std::string(LocaleFormat::kMissing))
          << "</td><td class=\"num\">"
          << E(r.ci_low && r.ci_high ? f.Interval(*r.ci_low, *r.ci_high, 2)
                                     : std::string(LocaleFormat::kMissing))
          << "</td><td class=\"num\">" << E(f.Number(r.strength, 2))
          << "</td><td class=\"num\">" << E(f.Count(r.n)) << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
  }
  out << "</section>\n";
}

void WriteAttention(const ReportDocument& doc, Lang lang, const LocaleFormat& f,
                    std::ostream& out) {
  out << "<section aria-labelledby=\"attention-h\">\n<h2 id=\"attention-h\">"
      << E(Text(lang, Msg::kReportAttentionHeading)) << "</h2>\n";
  if (doc.attention.empty()) {
    out << "<p class=\"empty\">" << E(Text(lang, Msg::kReportAttentionNone))
        << "</p>\n</section>\n";
    return;
  }
  out << "<table>\n<caption>" << E(Text(lang, Msg::kReportAttentionCaption))
      << "</caption>\n<thead><tr>";
  for (const auto& [msg, num] :
       std::vector<std::pair<Msg, bool>>{{Msg::kColAgent, false},
                                         {Msg::kColMetric, false},
                                         {Msg::kColValue, true},
                                         {Msg::kColInterval, true},
                                         {Msg::kColAdjusted, true},
                                         {Msg::kReportSelection, true},
                                         {Msg::kColN, true}}) {
    out << "<th scope=\"col\"" << (num ? " class=\"num\"" : "") << ">"
        << E(Text(lang, msg)) << "</th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  for (const AttentionRow& a : doc.attention) {
    out << "<tr><th scope=\"row\">" << E(a.agent) << "</th><td>"
        << E(MetricLabel(lang, a.metric)) << "</td><td class=\"num\">"
        << E(MetricValueText(f, a.metric, a.score.value))
        << "</td><td class=\"num\">" << E(IntervalText(f, a.score.ci))
        << "</td><td class=\"num\">"
        << E(MetricValueText(f, a.metric, a.adjusted))
        << "</td><td class=\"num\">"
        << E(MetricValueText(f, a.metric, a.selection_value))
        << "</td><td class=\"num\">" << E(f.Count(a.score.n)) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

}  // namespace

void WriteReportHtml(const ReportDocument& doc, Lang lang, std::ostream& out) {
  const LocaleFormat f(lang);
  out << HtmlPageStart(lang,
                       Text(lang, Msg::kReportDocTitle,
                            {{"from", f.Date(doc.selection.period.first_day)},
                             {"to", f.Date(doc.selection.period.last_day)}}));
  WriteHeader(doc, lang, f, out);
  WriteCards(doc, lang, f, out);
  WriteChannels(doc, lang, f, out);
  WriteTrend(doc, lang, f, out);
  WriteDrivers(doc, lang, f, out);
  WriteAttention(doc, lang, f, out);
  out << "<section aria-labelledby=\"quality-h\">\n<h2 id=\"quality-h\">"
      << E(Text(lang, Msg::kReportQualityHeading)) << "</h2>\n";
  if (doc.notes.empty()) {
    out << "<p class=\"empty\">" << E(Text(lang, Msg::kReportQualityNone))
        << "</p>\n";
  } else {
    out << "<ul>\n";
    for (const DataQualityNote& n : doc.notes) {
      out << "<li>" << E(NoteText(lang, n)) << "</li>\n";
    }
    out << "</ul>\n";
  }
  out << "</section>\n<footer class=\"method\">\n<h2>"
      << E(Text(lang, Msg::kMethodHeading)) << "</h2>\n<p>"
      << E(Text(lang, Msg::kReportMethod)) << "</p>\n<p>"
      << E(Text(lang, Msg::kMethodSource,
                {{"date", f.Date(doc.generated_day)}}))
      << "</p>\n</footer>\n"
      << HtmlPageEnd();
}

}  // namespace cxscore::client
