// `cxscore scorecard --format json`: the shape checks read
// (docs/scorecards.md). Numbers are unrounded; absent values are null.
#include "client/documents/scorecard_render.h"
#include "client/documents/scorecard_text.h"
#include "core/calendar.h"

namespace cxscore::client {
namespace {

using Json = nlohmann::ordered_json;

Json Nullable(const std::optional<double>& value) {
  return value.has_value() ? Json(*value) : Json(nullptr);
}

Json JudgementJson(Judgement judgement) {
  if (judgement == Judgement::kNoData) return nullptr;
  return std::string(JudgementName(judgement));
}

std::string Day(int32_t day) { return PeriodKey(Period::kDay, day); }

Json MetricJson(const MetricLine& line) {
  Json j = Json::object();
  j["n"] = line.agent.n;
  j["value"] = Nullable(line.agent.value);
  j["ci_low"] = line.agent.ci ? Json(line.agent.ci->low) : Json(nullptr);
  j["ci_high"] = line.agent.ci ? Json(line.agent.ci->high) : Json(nullptr);
  j["adjusted"] = Nullable(line.adjusted);
  j["team_value"] = Nullable(line.team.value);
  j["judgement"] = JudgementJson(line.judgement);
  j["team_n"] = line.team.n;
  j["team_ci_low"] = line.team.ci ? Json(line.team.ci->low) : Json(nullptr);
  j["team_ci_high"] = line.team.ci ? Json(line.team.ci->high) : Json(nullptr);
  j["rest_n"] = line.rest.n;
  j["rest_value"] = Nullable(line.rest.value);
  j["delta"] = Nullable(line.delta);
  j["delta_ci_low"] = line.delta_ci ? Json(line.delta_ci->low) : Json(nullptr);
  j["delta_ci_high"] =
      line.delta_ci ? Json(line.delta_ci->high) : Json(nullptr);
  return j;
}

Json KpiJson(const KpiLine& line) {
  Json j = Json::object();
  const bool duration = IsDurationKpi(line.kpi);
  j["unit"] = duration ? "seconds" : "percent";
  j["statistic"] = duration ? "median" : "rate";
  j["n"] = line.n;
  j["value"] = Nullable(line.value);
  j["team_value"] = Nullable(line.team_value);
  j["judgement"] = JudgementJson(line.judgement);
  j["team_n"] = line.team_n;
  j["rest_n"] = line.rest_n;
  j["rest_value"] = Nullable(line.rest_value);
  const std::string effect = duration ? "ratio" : "delta";
  j[effect] = Nullable(line.effect);
  j[effect + "_ci_low"] =
      line.effect_ci ? Json(line.effect_ci->low) : Json(nullptr);
  j[effect + "_ci_high"] =
      line.effect_ci ? Json(line.effect_ci->high) : Json(nullptr);
  return j;
}

Json PointJson(const CoachingPoint& point, bool strength, Lang lang) {
  const PointText text = DescribePoint(lang, point, strength);
  Json j = Json::object();
  const bool kpi = point.subject == CoachingPoint::Subject::kKpi;
  j["subject"] = kpi ? "kpi" : "metric";
  j["name"] = std::string(kpi ? KpiName(point.kpi) : MetricName(point.metric));
  j["title"] = text.title;
  j["text"] = text.evidence;
  j["driver_text"] = text.driver.empty() ? Json(nullptr) : Json(text.driver);
  j["value"] = Nullable(point.value);
  j["rest_value"] = Nullable(point.rest_value);
  j["team_value"] = Nullable(point.team_value);
  j["n"] = point.n;
  j["rest_n"] = point.rest_n;
  const std::string effect =
      kpi && IsDurationKpi(point.kpi) ? "ratio" : "delta";
  j[effect] = point.effect;
  j[effect + "_ci_low"] = point.effect_ci.low;
  j[effect + "_ci_high"] = point.effect_ci.high;
  if (point.driver.has_value()) {
    const DriverEvidence& d = *point.driver;
    j["driver"] = Json{{"metric", std::string(MetricName(d.metric))},
                       {"kpi", std::string(KpiName(d.kpi))},
                       {"n", d.n},
                       {"rho", d.rho},
                       {"ci_low", d.ci.low},
                       {"ci_high", d.ci.high}};
  } else {
    j["driver"] = nullptr;
  }
  j["weight"] = point.weight;
  return j;
}

Json OptionalInt(const std::optional<int>& v) {
  return v.has_value() ? Json(*v) : Json(nullptr);
}

}  // namespace

Json ScorecardJson(const ScorecardDocument& doc, Lang lang) {
  Json j = Json::object();
  j["agent"] = doc.agent;
  j["team"] = doc.team.has_value() ? Json(*doc.team) : Json(nullptr);
  j["period"] = Json{{"from", Day(doc.period.first_day)},
                     {"to", Day(doc.period.last_day)}};
  j["lang"] = std::string(LangCode(lang));
  j["interactions"] = doc.interactions;
  j["responses"] = doc.responses;

  Json metrics = Json::object();
  for (const MetricLine& line : doc.card.metrics) {
    metrics[std::string(MetricName(line.metric))] = MetricJson(line);
  }
  j["metrics"] = std::move(metrics);
  if (doc.card.nps_shares.has_value()) {
    j["nps_shares"] = Json{{"promoters", doc.card.nps_shares->promoters},
                           {"passives", doc.card.nps_shares->passives},
                           {"detractors", doc.card.nps_shares->detractors}};
  } else {
    j["nps_shares"] = nullptr;
  }

  Json kpis = Json::object();
  for (const KpiLine& line : doc.card.kpis) {
    kpis[std::string(KpiName(line.kpi))] = KpiJson(line);
  }
  j["kpis"] = std::move(kpis);

  Json strengths = Json::array();
  for (const CoachingPoint& p : doc.card.strengths) {
    strengths.push_back(PointJson(p, true, lang));
  }
  j["strengths"] = std::move(strengths);
  Json focus = Json::array();
  for (const CoachingPoint& p : doc.card.focus) {
    focus.push_back(PointJson(p, false, lang));
  }
  j["focus"] = std::move(focus);

  Json trend = Json::object();
  for (Metric m : kAllMetrics) {
    Json points = Json::array();
    for (const WeekPoint& w : doc.trend[static_cast<int>(m)]) {
      points.push_back(Json{{"period", w.period},
                            {"n", w.n},
                            {"value", Nullable(w.value)},
                            {"ci_low", Nullable(w.ci_low)},
                            {"ci_high", Nullable(w.ci_high)},
                            {"team_value", Nullable(w.team_value)}});
    }
    trend[std::string(MetricName(m))] = std::move(points);
  }
  j["trend"] = std::move(trend);

  Json comments = Json::array();
  for (const CommentView& c : doc.comments) {
    comments.push_back(
        Json{{"kind", c.kind == CommentView::Kind::kDetractor ? "detractor"
                                                              : "promoter"},
             {"date", Day(c.day)},
             {"channel", c.channel},
             {"nps", OptionalInt(c.nps)},
             {"csat", OptionalInt(c.csat)},
             {"ces", OptionalInt(c.ces)},
             {"comment", c.text}});
  }
  j["comments"] = std::move(comments);

  Json warnings = Json::array();
  for (const WarningView& w : Warnings(lang, doc)) {
    Json item = Json{{"code", w.code}, {"text", w.text}};
    if (w.metric.has_value())
      item["metric"] = std::string(MetricName(*w.metric));
    if (w.n.has_value()) item["n"] = *w.n;
    warnings.push_back(std::move(item));
  }
  j["warnings"] = std::move(warnings);
  return j;
}

void WriteJsonDocument(const Json& json, std::ostream& out) {
  out << json.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace cxscore::client
