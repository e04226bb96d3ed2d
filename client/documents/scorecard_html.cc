// `cxscore scorecard --format html` (and the page PDF is printed from): one
// self-contained page, readable on a laptop and printable on A4.
#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client/documents/html_page.h"
#include "client/documents/scorecard_render.h"
#include "client/documents/scorecard_text.h"
#include "client/documents/svg_chart.h"
#include "core/metric.h"

namespace cxscore::client {
namespace {

std::string BadgeClass(Judgement j) {
  switch (j) {
    case Judgement::kBetter:
      return "badge better";
    case Judgement::kWorse:
      return "badge worse";
    default:
      return "badge";
  }
}

std::string Badge(Lang lang, Judgement j) {
  return absl::StrCat("<span class=\"", BadgeClass(j), "\">",
                      EscapeHtml(JudgementText(lang, j)), "</span>");
}

std::string E(std::string_view text) { return EscapeHtml(text); }

void WriteHeader(const ScorecardDocument& doc, Lang lang, const LocaleFormat& f,
                 std::ostream& out) {
  out << "<header class=\"doc-header\">\n<p class=\"kicker\">"
      << E(Text(lang, Msg::kScorecardKicker)) << "</p>\n<h1>" << E(doc.agent)
      << "</h1>\n<dl class=\"meta\">\n<div><dt>"
      << E(Text(lang, Msg::kTeamLabel)) << "</dt><dd>"
      << E(doc.team.value_or(Text(lang, Msg::kNoTeam)))
      << "</dd></div>\n<div><dt>" << E(Text(lang, Msg::kPeriodLabel))
      << "</dt><dd>"
      << E(Text(lang, Msg::kPeriodRange,
                {{"from", f.Date(doc.period.first_day)},
                 {"to", f.Date(doc.period.last_day)}}))
      << "</dd></div>\n<div><dd>"
      << E(Text(lang, Msg::kVolume,
                {{"interactions", f.Count(doc.interactions)},
                 {"responses", f.Count(doc.responses)}}))
      << "</dd></div>\n</dl>\n</header>\n";
  WriteWarningsHtml(Warnings(lang, doc), lang, out);
}

void WriteCards(const ScorecardDocument& doc, Lang lang, const LocaleFormat& f,
                std::ostream& out) {
  out << "<section aria-labelledby=\"ratings-h\">\n<h2 id=\"ratings-h\">"
      << E(Text(lang, Msg::kRatingsHeading)) << "</h2>\n<p class=\"caption\">"
      << E(Text(lang, Msg::kRatingsCaption)) << "</p>\n<div class=\"cards\">\n";
  for (const MetricLine& line : doc.card.metrics) {
    out << "<div class=\"card\">\n<h3>" << E(MetricLabel(lang, line.metric))
        << "</h3>\n<div class=\"value\">"
        << E(MetricValueText(f, line.metric, line.agent.value))
        << "</div>\n<div class=\"sub\">" << E(IntervalText(f, line.agent.ci))
        << " · n " << E(f.Count(line.agent.n)) << "</div>\n<div class=\"sub\">"
        << E(Text(lang, Msg::kColTeam)) << " "
        << E(MetricValueText(f, line.metric, line.team.value))
        << "</div>\n<div class=\"sub\">" << E(Text(lang, Msg::kColAdjusted))
        << " " << E(MetricValueText(f, line.metric, line.adjusted))
        << "</div>\n<div>" << Badge(lang, line.judgement) << "</div>\n</div>\n";
  }
  out << "</div>\n</section>\n";
}

void WritePoint(const CoachingPoint& p, bool strength, Lang lang,
                std::ostream& out) {
  const PointText t = DescribePoint(lang, p, strength);
  out << "<div class=\"point " << (strength ? "strength" : "focus")
      << "\">\n<h3>" << E(t.title) << "</h3>\n<p>" << E(t.evidence) << "</p>\n";
  if (!t.driver.empty()) out << "<p class=\"why\">" << E(t.driver) << "</p>\n";
  out << "</div>\n";
}

void WritePoints(const ScorecardDocument& doc, Lang lang, std::ostream& out) {
  out << "<div class=\"points\">\n<section aria-labelledby=\"strength-h\">\n"
      << "<h2 id=\"strength-h\">" << E(Text(lang, Msg::kStrengthHeading))
      << "</h2>\n";
  if (doc.card.strengths.empty()) {
    out << "<p class=\"empty\">" << E(Text(lang, Msg::kNoStrength)) << "</p>\n";
  }
  for (const CoachingPoint& p : doc.card.strengths)
    WritePoint(p, true, lang, out);
  out << "</section>\n<section aria-labelledby=\"focus-h\">\n<h2 "
         "id=\"focus-h\">"
      << E(Text(lang, Msg::kFocusHeading)) << "</h2>\n";
  if (doc.card.focus.empty()) {
    out << "<p class=\"empty\">" << E(Text(lang, Msg::kNoFocus)) << "</p>\n";
  }
  for (const CoachingPoint& p : doc.card.focus) WritePoint(p, false, lang, out);
  out << "</section>\n</div>\n";
}

void WriteService(const ScorecardDocument& doc, Lang lang,
                  const LocaleFormat& f, std::ostream& out) {
  out << "<section aria-labelledby=\"service-h\">\n<h2 id=\"service-h\">"
      << E(Text(lang, Msg::kServiceHeading)) << "</h2>\n<table>\n<caption>"
      << E(Text(lang, Msg::kServiceCaption)) << "</caption>\n<thead><tr>"
      << "<th scope=\"col\">" << E(Text(lang, Msg::kColKpi)) << "</th>"
      << "<th scope=\"col\" class=\"num\">" << E(Text(lang, Msg::kColAgent))
      << "</th><th scope=\"col\" class=\"num\">" << E(Text(lang, Msg::kColTeam))
      << "</th><th scope=\"col\">" << E(Text(lang, Msg::kColJudgement))
      << "</th><th scope=\"col\" class=\"num\">"
      << E(Text(lang, Msg::kColTickets)) << "</th></tr></thead>\n<tbody>\n";
  for (const KpiLine& line : doc.card.kpis) {
    out << "<tr><th scope=\"row\">" << E(KpiLabel(lang, line.kpi))
        << "</th><td class=\"num\">" << E(KpiValueText(f, line.kpi, line.value))
        << "</td><td class=\"num\">"
        << E(KpiValueText(f, line.kpi, line.team_value)) << "</td><td>"
        << Badge(lang, line.judgement) << "</td><td class=\"num\">"
        << E(f.Count(line.n)) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

void WriteNpsBar(const ScorecardDocument& doc, Lang lang, const LocaleFormat& f,
                 std::ostream& out) {
  if (!doc.card.nps_shares.has_value()) return;
  const NpsShares& s = *doc.card.nps_shares;
  const std::string desc = Text(lang, Msg::kNpsBarDesc,
                                {{"promoters", f.Percent(s.promoters)},
                                 {"passives", f.Percent(s.passives)},
                                 {"detractors", f.Percent(s.detractors)},
                                 {"n", f.Count(doc.card.metrics[0].agent.n)}});
  out << "<section aria-labelledby=\"nps-bar-h\">\n<h2 id=\"nps-bar-h\">"
      << E(Text(lang, Msg::kNpsBarHeading)) << "</h2>\n<figure class=\"bar\">\n"
      << ShareBarSvg("nps-bar", Text(lang, Msg::kNpsBarHeading), desc,
                     {{f.Percent(s.promoters, 0), s.promoters,
                       std::string(kPromoterColor)},
                      {f.Percent(s.passives, 0), s.passives,
                       std::string(kPassiveColor), "#1d2330"},
                      {f.Percent(s.detractors, 0), s.detractors,
                       std::string(kDetractorColor)}})
      << "\n<figcaption><ul class=\"legend\">"
      << "<li><span class=\"swatch\" style=\"background:" << kPromoterColor
      << "\"></span>" << E(Text(lang, Msg::kPromoters)) << " "
      << E(f.Percent(s.promoters)) << "</li>"
      << "<li><span class=\"swatch\" style=\"background:" << kPassiveColor
      << "\"></span>" << E(Text(lang, Msg::kPassives)) << " "
      << E(f.Percent(s.passives)) << "</li>"
      << "<li><span class=\"swatch\" style=\"background:" << kDetractorColor
      << "\"></span>" << E(Text(lang, Msg::kDetractors)) << " "
      << E(f.Percent(s.detractors)) << "</li><li>n "
      << E(f.Count(doc.card.metrics[0].agent.n))
      << "</li></ul></figcaption>\n</figure>\n</section>\n";
}

void WriteTrend(const ScorecardDocument& doc, Lang lang, const LocaleFormat& f,
                std::ostream& out) {
  out << "<section aria-labelledby=\"trend-h\">\n<h2 id=\"trend-h\">"
      << E(Text(lang, Msg::kTrendHeading)) << "</h2>\n<p class=\"caption\">"
      << E(Text(lang, Msg::kTrendCaption)) << "</p>\n<div class=\"charts\">\n";
  for (Metric m : kAllMetrics) {
    const std::vector<WeekPoint>& points = doc.trend[static_cast<int>(m)];
    const std::string label = MetricShortLabel(lang, m);
    out << "<figure>\n<h3>" << E(MetricLabel(lang, m)) << "</h3>\n";
    const bool any =
        std::any_of(points.begin(), points.end(),
                    [](const WeekPoint& w) { return w.value.has_value(); });
    if (!any) {
      out << "<p class=\"empty\">"
          << E(Text(lang, Msg::kTrendNoData, {{"metric", label}}))
          << "</p>\n</figure>\n";
      continue;
    }
    LineChart chart;
    chart.id = absl::StrCat("trend-", AbslView(MetricName(m)));
    chart.title = Text(lang, Msg::kTrendChartTitle,
                       {{"metric", label}, {"agent", doc.agent}});
    const bool net = MetricInfoOf(m).kind == MetricKind::kNetPromoter;
    chart.percent = !net;
    chart.domain_min = net ? -100 : 0;
    chart.domain_max = 100;
    ChartSeries agent{doc.agent, {}, {}, {}, {}, std::string(kAgentColor)};
    ChartSeries team{Text(lang, Msg::kColTeam), {},  {}, {}, {},
                     std::string(kTeamColor),   true};
    std::vector<std::string> point_texts, team_texts;
    for (const WeekPoint& w : points) {
      chart.x_labels.push_back(f.ShortPeriodLabel(w.period));
      agent.values.push_back(w.value);
      agent.lows.push_back(w.ci_low);
      agent.highs.push_back(w.ci_high);
      team.values.push_back(w.team_value);
      point_texts.push_back(Text(lang, Msg::kTrendPoint,
                                 {{"period", f.PeriodLabel(w.period)},
                                  {"value", MetricValueText(f, m, w.value)},
                                  {"n", f.Count(w.n)}}));
      team_texts.push_back(absl::StrCat(f.ShortPeriodLabel(w.period), " ",
                                        MetricValueText(f, m, w.team_value)));
    }
    chart.desc = Text(lang, Msg::kTrendChartDesc,
                      {{"points", absl::StrJoin(point_texts, "; ")},
                       {"team", absl::StrJoin(team_texts, "; ")}});
    chart.series = {team, agent};
    out << LineChartSvg(chart, f) << "\n</figure>\n";
  }
  out << "</div>\n<ul class=\"legend\">"
      << "<li><span class=\"swatch line\" style=\"background:" << kAgentColor
      << "\"></span>" << E(doc.agent) << "</li>"
      << "<li><span class=\"swatch\" style=\"background:" << kAgentColor
      << ";opacity:.25\"></span>" << E(Text(lang, Msg::kColInterval)) << "</li>"
      << "<li><span class=\"swatch dashed\" style=\"color:" << kTeamColor
      << "\"></span>" << E(Text(lang, Msg::kColTeam)) << "</li></ul>\n"
      << "</section>\n";
}

void WriteComments(const ScorecardDocument& doc, Lang lang,
                   const LocaleFormat& f, std::ostream& out) {
  out << "<section aria-labelledby=\"comments-h\">\n<h2 id=\"comments-h\">"
      << E(Text(lang, Msg::kCommentsHeading)) << "</h2>\n";
  if (doc.comments.empty()) {
    out << "<p class=\"empty\">" << E(Text(lang, Msg::kCommentsNone))
        << "</p>\n</section>\n";
    return;
  }
  out << "<p class=\"caption\">" << E(Text(lang, Msg::kCommentsPrivacy))
      << "</p>\n<div class=\"comments\">\n";
  for (auto [kind, heading, css] :
       {std::tuple{CommentView::Kind::kDetractor, Msg::kCommentsDetractors,
                   "detractor"},
        std::tuple{CommentView::Kind::kPromoter, Msg::kCommentsPromoters,
                   "promoter"}}) {
    out << "<div>\n<h3>" << E(Text(lang, heading)) << "</h3>\n";
    bool any = false;
    for (const CommentView& c : doc.comments) {
      if (c.kind != kind) continue;
      any = true;
      out << "<blockquote class=\"" << css << "\"><p>" << E(c.text)
          << "</p><footer>"
          << E(Text(lang, Msg::kCommentScores,
                    {{"date", f.Date(c.day)},
                     {"channel", c.channel},
                     {"scores", CommentScores(c)}}))
          << "</footer></blockquote>\n";
    }
    if (!any) {
      out << "<p class=\"empty\">" << E(Text(lang, Msg::kCommentsNone))
          << "</p>\n";
    }
    out << "</div>\n";
  }
  out << "</div>\n</section>\n";
}

void WriteMethod(const ScorecardDocument& doc, Lang lang, const LocaleFormat& f,
                 std::ostream& out) {
  out << "<footer class=\"method\">\n<h2>" << E(Text(lang, Msg::kMethodHeading))
      << "</h2>\n";
  for (Msg m : {Msg::kMethodValues, Msg::kMethodJudgement, Msg::kMethodAdjusted,
                Msg::kMethodPoints}) {
    out << "<p>" << E(Text(lang, m)) << "</p>\n";
  }
  out << "<p>"
      << E(Text(lang, Msg::kMethodSource,
                {{"date", f.Date(doc.generated_day)}}))
      << "</p>\n</footer>\n";
}

}  // namespace

void WriteWarningsHtml(const std::vector<WarningView>& warnings, Lang lang,
                       std::ostream& out) {
  if (!warnings.empty()) {
    out << "<section class=\"warnings\" aria-labelledby=\"warnings-h\">\n"
        << "<h2 id=\"warnings-h\">" << E(Text(lang, Msg::kReadFirst))
        << "</h2>\n<ul>\n";
    for (const WarningView& w : warnings)
      out << "<li>" << E(w.text) << "</li>\n";
    out << "</ul>\n</section>\n";
  }
}

void WriteScorecardHtml(const ScorecardDocument& doc, Lang lang,
                        std::ostream& out) {
  const LocaleFormat f(lang);
  out << HtmlPageStart(lang, Text(lang, Msg::kScorecardDocTitle,
                                  {{"agent", doc.agent},
                                   {"from", f.Date(doc.period.first_day)},
                                   {"to", f.Date(doc.period.last_day)}}));
  WriteHeader(doc, lang, f, out);
  WriteCards(doc, lang, f, out);
  WritePoints(doc, lang, out);
  WriteService(doc, lang, f, out);
  WriteTrend(doc, lang, f, out);
  WriteNpsBar(doc, lang, f, out);
  WriteComments(doc, lang, f, out);
  WriteMethod(doc, lang, f, out);
  out << HtmlPageEnd();
}

void WriteScorecardIndexHtml(const std::string& team, const DayRange& period,
                             int32_t today,
                             const std::vector<ScorecardDocument>& docs,
                             const std::vector<std::string>& files, Lang lang,
                             std::ostream& out) {
  const LocaleFormat f(lang);
  out << HtmlPageStart(lang, Text(lang, Msg::kIndexTitle, {{"team", team}}));
  out << "<header class=\"doc-header\">\n<h1>"
      << E(Text(lang, Msg::kIndexTitle, {{"team", team}})) << "</h1>\n<p>"
      << E(Text(lang, Msg::kIndexIntro,
                {{"team", team},
                 {"from", f.Date(period.first_day)},
                 {"to", f.Date(period.last_day)}}))
      << "</p>\n</header>\n<section>\n<table>\n<thead><tr>"
      << "<th scope=\"col\">" << E(Text(lang, Msg::kColAgent)) << "</th>"
      << "<th scope=\"col\" class=\"num\">" << E(Text(lang, Msg::kColResponses))
      << "</th>";
  for (Metric m : kAllMetrics) {
    out << "<th scope=\"col\" class=\"num\">" << E(MetricShortLabel(lang, m))
        << "</th>";
  }
  out << "<th scope=\"col\">" << E(Text(lang, Msg::kColStrength))
      << "</th><th scope=\"col\">" << E(Text(lang, Msg::kColFocus))
      << "</th></tr></thead>\n<tbody>\n";
  for (size_t i = 0; i < docs.size() && i < files.size(); ++i) {
    const ScorecardDocument& d = docs[i];
    out << "<tr><th scope=\"row\"><a href=\"" << E(files[i]) << "\">"
        << E(d.agent) << "</a></th><td class=\"num\">"
        << E(f.Count(d.responses)) << "</td>";
    for (const MetricLine& line : d.card.metrics) {
      out << "<td class=\"num\">"
          << E(MetricValueText(f, line.metric, line.agent.value));
      // A compact mark; the words for screen readers and on hover.
      if (line.judgement == Judgement::kBetter ||
          line.judgement == Judgement::kWorse) {
        const bool better = line.judgement == Judgement::kBetter;
        const std::string words = JudgementText(lang, line.judgement);
        out << "<span class=\"mark " << (better ? "better" : "worse")
            << "\" title=\"" << E(words) << "\" aria-hidden=\"true\">"
            << (better ? "▲" : "▼") << "</span><span class=\"sr\"> " << E(words)
            << "</span>";
      }
      out << "</td>";
    }
    std::vector<std::string> strengths, focus;
    for (const CoachingPoint& p : d.card.strengths) {
      strengths.push_back(DescribePoint(lang, p, true).title);
    }
    for (const CoachingPoint& p : d.card.focus) {
      focus.push_back(DescribePoint(lang, p, false).title);
    }
    out << "<td>" << E(absl::StrJoin(strengths, "; ")) << "</td><td>"
        << E(absl::StrJoin(focus, "; ")) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n<p class=\"caption\">"
      << E(Text(lang, Msg::kIndexLegend)) << "</p>\n</section>\n"
      << "<footer class=\"method\"><p>"
      << E(Text(lang, Msg::kMethodSource, {{"date", f.Date(today)}}))
      << "</p></footer>\n"
      << HtmlPageEnd();
}

}  // namespace cxscore::client
