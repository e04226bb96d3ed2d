#include "client/trend_json.h"

namespace cxscore::client {

Json TrendPointToJson(const v1::TrendPoint& point, v1::Metric metric) {
  Json out;
  out["period"] = point.period();
  out["n"] = point.n();
  out["value"] = OptionalNumber(point.has_value(), point.value());
  out["ci_low"] = OptionalNumber(point.has_ci_low(), point.ci_low());
  out["ci_high"] = OptionalNumber(point.has_ci_high(), point.ci_high());
  out["change"] = point.change().empty() ? Json(nullptr) : Json(point.change());
  out["p"] = OptionalNumber(point.has_p(), point.p());
  if (metric == v1::METRIC_NPS) {
    out["promoters"] = OptionalNumber(point.has_promoters(), point.promoters());
    out["passives"] = OptionalNumber(point.has_passives(), point.passives());
    out["detractors"] =
        OptionalNumber(point.has_detractors(), point.detractors());
  }
  return out;
}

Json TrendToJson(const v1::GetTrendResponse& response, v1::Metric metric) {
  Json series = Json::array();
  for (const v1::TrendSeries& s : response.series()) {
    Json points = Json::array();
    for (const v1::TrendPoint& point : s.points()) {
      points.push_back(TrendPointToJson(point, metric));
    }
    Json item;
    item["key"] = KeyToJson(s.key());
    item["points"] = std::move(points);
    series.push_back(std::move(item));
  }
  Json out;
  out["series"] = std::move(series);
  return out;
}

}  // namespace cxscore::client
