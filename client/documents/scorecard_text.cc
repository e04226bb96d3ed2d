#include "client/documents/scorecard_text.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/metric.h"

namespace cxscore::client {
namespace {

Msg MetricMsg(Metric m, Msg nps, Msg csat, Msg ces, Msg ves) {
  switch (m) {
    case Metric::kNps:
      return nps;
    case Metric::kCsat:
      return csat;
    case Metric::kCes:
      return ces;
    case Metric::kVes:
      return ves;
  }
  return nps;
}

Msg KpiMsg(Kpi k, Msg ttfr, Msg ttc, Msg fcr, Msg reopens,
           Msg transfers) {
  switch (k) {
    case Kpi::kTimeToFirstResponse:
      return ttfr;
    case Kpi::kTimeToClose:
      return ttc;
    case Kpi::kFirstContactResolution:
      return fcr;
    case Kpi::kReopens:
      return reopens;
    case Kpi::kTransfers:
      return transfers;
  }
  return ttc;
}

std::string Missing(const MissingPart& part, Lang lang) {
  Msg what = Msg::kWhatComments;
  switch (part.what) {
    case MissingPart::What::kComments:
      what = Msg::kWhatComments;
      break;
    case MissingPart::What::kAdjusted:
      what = Msg::kWhatAdjusted;
      break;
    case MissingPart::What::kTrend:
      what = Msg::kWhatTrend;
      break;
    case MissingPart::What::kDrivers:
      what = Msg::kWhatDrivers;
      break;
    case MissingPart::What::kAttention:
      what = Msg::kWhatAttention;
      break;
    case MissingPart::What::kTeamTrend:
      what = Msg::kWhatTeamTrend;
      break;
  }
  if (part.reason == "PERMISSION_DENIED")
    return Text(lang, Msg::kWarnNotPermitted,
                {{"call", part.call}, {"what", Text(lang, what)}});
  return Text(lang, Msg::kWarnUnavailable,
              {{"call", part.call},
               {"reason", part.reason},
               {"what", Text(lang, what)}});
}

std::string_view MissingCode(MissingPart::What what) {
  switch (what) {
    case MissingPart::What::kComments:
      return "comments_unavailable";
    case MissingPart::What::kAdjusted:
      return "adjusted_unavailable";
    case MissingPart::What::kTrend:
      return "trend_unavailable";
    case MissingPart::What::kDrivers:
      return "drivers_unavailable";
    case MissingPart::What::kAttention:
      return "attention_unavailable";
    case MissingPart::What::kTeamTrend:
      return "team_trend_unavailable";
  }
  return "unavailable";
}

std::string_view WarningCodeName(WarningCode code) {
  switch (code) {
    case WarningCode::kNoResponses:
      return "no_responses";
    case WarningCode::kFewResponses:
      return "few_responses";
    case WarningCode::kNoInteractions:
      return "no_interactions";
    case WarningCode::kFewTickets:
      return "few_tickets";
    case WarningCode::kFewClosed:
      return "few_closed";
    case WarningCode::kNoTeammates:
      return "no_teammates";
    case WarningCode::kOtherTeams:
      return "other_teams";
    case WarningCode::kNoDrivers:
      return "no_drivers";
  }
  return "warning";
}

}  // namespace

std::string MetricLabel(Lang lang, Metric metric) {
  return Text(lang, MetricMsg(metric, Msg::kMetricNps, Msg::kMetricCsat,
                              Msg::kMetricCes, Msg::kMetricVes));
}

std::string MetricShortLabel(Lang lang, Metric metric) {
  return Text(lang,
              MetricMsg(metric, Msg::kMetricNpsShort, Msg::kMetricCsatShort,
                        Msg::kMetricCesShort, Msg::kMetricVesShort));
}

std::string MetricInSentence(Lang lang, Metric metric) {
  return Text(lang,
              MetricMsg(metric, Msg::kMetricNpsLower, Msg::kMetricCsatLower,
                        Msg::kMetricCesLower, Msg::kMetricVesLower));
}

std::string KpiLabel(Lang lang, Kpi kpi) {
  return Text(lang,
              KpiMsg(kpi, Msg::kKpiTimeToFirstResponse, Msg::kKpiTimeToClose,
                     Msg::kKpiFcr, Msg::kKpiReopens, Msg::kKpiTransfers));
}

std::string KpiShortLabel(Lang lang, Kpi kpi) {
  return Text(lang, KpiMsg(kpi, Msg::kKpiNameTimeToFirstResponse,
                           Msg::kKpiNameTimeToClose, Msg::kKpiNameFcr,
                           Msg::kKpiNameReopens, Msg::kKpiNameTransfers));
}

std::string KpiInSentence(Lang lang, Kpi kpi) {
  return Text(lang, KpiMsg(kpi, Msg::kKpiTimeToFirstResponseLower,
                           Msg::kKpiTimeToCloseLower, Msg::kKpiFcrLower,
                           Msg::kKpiReopensLower, Msg::kKpiTransfersLower));
}

std::string JudgementText(Lang lang, Judgement judgement) {
  switch (judgement) {
    case Judgement::kBetter:
      return Text(lang, Msg::kJudgementBetter);
    case Judgement::kInLine:
      return Text(lang, Msg::kJudgementInLine);
    case Judgement::kWorse:
      return Text(lang, Msg::kJudgementWorse);
    case Judgement::kNoData:
      break;
  }
  return Text(lang, Msg::kJudgementNoData);
}

std::string MetricValueText(const LocaleFormat& format, Metric metric,
                            std::optional<double> value) {
  if (!value.has_value()) return std::string(LocaleFormat::kMissing);
  if (MetricInfoOf(metric).kind == MetricKind::kNetPromoter) {
    return format.Number(*value);
  }
  return format.Percent(*value);
}

std::string IntervalText(const LocaleFormat& format,
                         const std::optional<Interval>& ci) {
  if (!ci.has_value()) return std::string(LocaleFormat::kMissing);
  return format.Interval(ci->low, ci->high);
}

std::string KpiValueText(const LocaleFormat& format, Kpi kpi,
                         std::optional<double> value) {
  if (!value.has_value()) return std::string(LocaleFormat::kMissing);
  if (IsDurationKpi(kpi)) return format.Duration(*value);
  return format.Percent(*value);
}

PointText DescribePoint(Lang lang, const CoachingPoint& point, bool strength) {
  const LocaleFormat f(lang);
  PointText text;
  if (point.subject == CoachingPoint::Subject::kKpi) {
    text.title = Text(
        lang, strength ? KpiMsg(point.kpi, Msg::kStrengthTimeToFirstResponse,
                                Msg::kStrengthTimeToClose, Msg::kStrengthFcr,
                                Msg::kStrengthReopens, Msg::kStrengthReopens)
                       : KpiMsg(point.kpi, Msg::kFocusTimeToFirstResponse,
                                Msg::kFocusTimeToClose, Msg::kFocusFcr,
                                Msg::kFocusReopens, Msg::kFocusReopens));
    if (IsDurationKpi(point.kpi) && point.effect < 1) {
      // Faster: "70% shorter" reads better than "0.3x as long".
      text.evidence =
          Text(lang, Msg::kEvidenceDurationShorter,
               {{"value", KpiValueText(f, point.kpi, point.value)},
                {"rest", KpiValueText(f, point.kpi, point.rest_value)},
                {"percent", f.Percent(100 * (1 - point.effect), 0)},
                {"low", f.Percent(100 * (1 - point.effect_ci.high), 0)},
                {"high", f.Percent(100 * (1 - point.effect_ci.low), 0)},
                {"n", f.Count(point.n)}});
    } else if (IsDurationKpi(point.kpi)) {
      text.evidence =
          Text(lang, Msg::kEvidenceDuration,
               {{"value", KpiValueText(f, point.kpi, point.value)},
                {"rest", KpiValueText(f, point.kpi, point.rest_value)},
                {"ratio", f.Ratio(point.effect)},
                {"low", f.Ratio(point.effect_ci.low)},
                {"high", f.Ratio(point.effect_ci.high)},
                {"n", f.Count(point.n)}});
    } else {
      text.evidence =
          Text(lang, Msg::kEvidenceRate,
               {{"value", KpiValueText(f, point.kpi, point.value)},
                {"rest", KpiValueText(f, point.kpi, point.rest_value)},
                {"delta", f.Signed(point.effect)},
                {"low", f.Signed(point.effect_ci.low)},
                {"high", f.Signed(point.effect_ci.high)},
                {"n", f.Count(point.n)}});
    }
  } else {
    text.title =
        Text(lang,
             strength ? MetricMsg(point.metric, Msg::kStrengthNps,
                                  Msg::kStrengthCsat, Msg::kStrengthCes,
                                  Msg::kStrengthVes)
                      : MetricMsg(point.metric, Msg::kFocusNps, Msg::kFocusCsat,
                                  Msg::kFocusCes, Msg::kFocusVes));
    text.evidence =
        Text(lang, Msg::kEvidenceMetric,
             {{"metric", MetricShortLabel(lang, point.metric)},
              {"value", MetricValueText(f, point.metric, point.value)},
              {"rest", MetricValueText(f, point.metric, point.rest_value)},
              {"delta", f.Signed(point.effect)},
              {"low", f.Signed(point.effect_ci.low)},
              {"high", f.Signed(point.effect_ci.high)},
              {"n", f.Count(point.n)}});
  }
  if (point.driver.has_value()) {
    const DriverEvidence& d = *point.driver;
    text.driver = Text(lang, Msg::kEvidenceDriver,
                       {{"metric", MetricInSentence(lang, d.metric)},
                        {"kpi", KpiInSentence(lang, d.kpi)},
                        {"rho", f.Signed(d.rho, 2)},
                        {"low", f.Signed(d.ci.low, 2)},
                        {"high", f.Signed(d.ci.high, 2)}});
  }
  return text;
}

std::vector<WarningView> Warnings(Lang lang, const ScorecardDocument& doc) {
  const LocaleFormat f(lang);
  const bool drivers_missing = std::any_of(
      doc.missing.begin(), doc.missing.end(), [](const MissingPart& m) {
        return m.what == MissingPart::What::kDrivers;
      });
  std::vector<WarningView> out;
  for (const ScorecardWarning& w : doc.card.warnings) {
    WarningView view;
    view.code = std::string(WarningCodeName(w.code));
    const std::string n = f.Count(w.n);
    const std::string needed = f.Count(w.needed);
    switch (w.code) {
      case WarningCode::kNoResponses:
        view.text = Text(lang, Msg::kWarnNoResponses);
        break;
      case WarningCode::kFewResponses:
        view.metric = w.metric;
        view.n = w.n;
        view.text = Text(lang, Msg::kWarnFewResponses,
                         {{"metric", MetricShortLabel(lang, *w.metric)},
                          {"n", n},
                          {"needed", needed}});
        break;
      case WarningCode::kNoInteractions:
        view.text = Text(lang, Msg::kWarnNoInteractions);
        break;
      case WarningCode::kFewTickets:
        view.n = w.n;
        view.text =
            Text(lang, Msg::kWarnFewTickets, {{"n", n}, {"needed", needed}});
        break;
      case WarningCode::kFewClosed:
        view.n = w.n;
        view.text =
            Text(lang, Msg::kWarnFewClosed, {{"n", n}, {"needed", needed}});
        break;
      case WarningCode::kNoTeammates:
        view.text =
            Text(lang, Msg::kWarnNoTeammates,
                 {{"team", doc.team.value_or(Text(lang, Msg::kNoTeam))}});
        break;
      case WarningCode::kOtherTeams:
        view.n = w.n;
        view.text = Text(lang, Msg::kWarnOtherTeams, {{"n", n}});
        break;
      case WarningCode::kNoDrivers:
        // Said once, by the missing part, when the server has no drivers.
        if (drivers_missing) continue;
        view.text = Text(lang, Msg::kWarnNoDrivers);
        break;
    }
    out.push_back(std::move(view));
  }
  for (const MissingPart& part : doc.missing) {
    out.push_back({std::string(MissingCode(part.what)), Missing(part, lang),
                   std::nullopt, std::nullopt});
  }
  return out;
}

std::string CommentScores(const CommentView& comment) {
  std::vector<std::string> parts;
  if (comment.nps) parts.push_back(absl::StrCat("NPS ", *comment.nps));
  if (comment.csat) parts.push_back(absl::StrCat("CSAT ", *comment.csat));
  if (comment.ces) parts.push_back(absl::StrCat("CES ", *comment.ces));
  return absl::StrJoin(parts, ", ");
}

}  // namespace cxscore::client
