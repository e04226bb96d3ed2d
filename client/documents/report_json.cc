// `cxscore report --format json` (docs/scorecards.md, "Team report").
#include "client/documents/report_document.h"
#include "client/documents/scorecard_text.h"
#include "core/calendar.h"

namespace cxscore::client {
namespace {

using Json = nlohmann::ordered_json;

Json Nullable(const std::optional<double>& v) {
  return v.has_value() ? Json(*v) : Json(nullptr);
}

Json Key(const std::optional<std::string>& v) {
  return v.has_value() ? Json(*v) : Json(nullptr);
}

Json ScoreJson(const MetricScore& s) {
  return Json{{"n", s.n},
              {"value", Nullable(s.value)},
              {"ci_low", s.ci ? Json(s.ci->low) : Json(nullptr)},
              {"ci_high", s.ci ? Json(s.ci->high) : Json(nullptr)}};
}

Json RowJson(const ChannelRow& row, bool with_channel) {
  Json j = Json::object();
  if (with_channel) j["channel"] = Key(row.channel);
  j["responses"] = row.responses;
  for (Metric m : kAllMetrics) {
    j[std::string(MetricName(m))] = ScoreJson(row.metrics[static_cast<int>(m)]);
  }
  j["tickets"] = row.tickets;
  j["closed"] = row.closed;
  j["time_to_close_s"] = Json{{"mean", Nullable(row.close_mean)},
                              {"p50", Nullable(row.close_p50)},
                              {"p90", Nullable(row.close_p90)}};
  return j;
}

Json Strings(const std::vector<std::string>& values) {
  Json j = Json::array();
  for (const std::string& v : values) j.push_back(v);
  return j;
}

}  // namespace

Json ReportJson(const ReportDocument& doc, Lang lang) {
  Json j = Json::object();
  j["period"] =
      Json{{"from", PeriodKey(Period::kDay, doc.selection.period.first_day)},
           {"to", PeriodKey(Period::kDay, doc.selection.period.last_day)}};
  j["filters"] = Json{{"teams", Strings(doc.selection.teams)},
                      {"agents", Strings(doc.selection.agents)},
                      {"channels", Strings(doc.selection.channels)}};
  j["lang"] = std::string(LangCode(lang));
  j["total"] = RowJson(doc.total, false);
  Json channels = Json::array();
  for (const ChannelRow& row : doc.channels)
    channels.push_back(RowJson(row, true));
  j["channels"] = std::move(channels);

  Json trend = Json::object();
  for (Metric m : kAllMetrics) {
    Json series = Json::array();
    for (const ChannelTrend& t : doc.trend[static_cast<int>(m)]) {
      Json points = Json::array();
      for (const v1::TrendPoint& p : t.points) {
        points.push_back(Json{
            {"period", p.period()},
            {"n", p.n()},
            {"value", p.has_value() ? Json(p.value()) : Json(nullptr)},
            {"ci_low", p.has_ci_low() ? Json(p.ci_low()) : Json(nullptr)},
            {"ci_high", p.has_ci_high() ? Json(p.ci_high()) : Json(nullptr)},
            {"change", p.change().empty() ? Json(nullptr) : Json(p.change())}});
      }
      series.push_back(
          Json{{"channel", Key(t.channel)}, {"points", std::move(points)}});
    }
    trend[std::string(MetricName(m))] = std::move(series);
  }
  j["trend"] = std::move(trend);

  Json ranking = Json::array();
  for (const DriverSummaryRow& r : doc.drivers) {
    ranking.push_back(Json{{"metric", std::string(MetricName(r.metric))},
                           {"kpi", std::string(KpiName(r.kpi))},
                           {"strength", r.strength},
                           {"rho", Nullable(r.rho)},
                           {"ci_low", Nullable(r.ci_low)},
                           {"ci_high", Nullable(r.ci_high)},
                           {"n", r.n},
                           {"significant", r.significant}});
  }
  j["drivers"] = Json{{"ranking", std::move(ranking)},
                      {"verdict", doc.verdict},
                      {"summary", DriversSummary(lang, doc)}};

  Json attention = Json::array();
  for (const AttentionRow& a : doc.attention) {
    Json row = ScoreJson(a.score);
    Json out =
        Json{{"agent", a.agent}, {"metric", std::string(MetricName(a.metric))}};
    out.update(row);
    out["adjusted"] = Nullable(a.adjusted);
    out["selection_value"] = Nullable(a.selection_value);
    attention.push_back(std::move(out));
  }
  j["attention"] = std::move(attention);

  Json notes = Json::array();
  for (const DataQualityNote& n : doc.notes) {
    notes.push_back(Json{{"code", std::string(NoteCodeName(n.code))},
                         {"text", NoteText(lang, n)},
                         {"n", n.n},
                         {"total", n.total}});
  }
  j["notes"] = std::move(notes);

  // Parts the server could not give (a document with only those).
  ScorecardDocument missing_only;
  missing_only.missing = doc.missing;
  Json warnings = Json::array();
  for (const WarningView& w : Warnings(lang, missing_only)) {
    warnings.push_back(Json{{"code", w.code}, {"text", w.text}});
  }
  j["warnings"] = std::move(warnings);
  return j;
}

}  // namespace cxscore::client
