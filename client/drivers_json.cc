#include "client/drivers_json.h"

#include "client/metric_names.h"

namespace cxscore::client {

Json DriverPairToJson(const v1::DriverPair& pair) {
  Json out;
  out["metric"] = MetricJson(pair.metric());
  out["kpi"] = KpiJson(pair.kpi());
  out["n"] = pair.n();
  out["rho"] = OptionalNumber(pair.has_rho(), pair.rho());
  out["ci_low"] = OptionalNumber(pair.has_ci_low(), pair.ci_low());
  out["ci_high"] = OptionalNumber(pair.has_ci_high(), pair.ci_high());
  out["p"] = pair.p();
  out["q"] = pair.q();
  out["significant"] = pair.significant();
  return out;
}

Json DriversToJson(const v1::GetDriversResponse& response) {
  Json pairs = Json::array();
  for (const v1::DriverPair& pair : response.pairs()) {
    pairs.push_back(DriverPairToJson(pair));
  }
  Json ranking = Json::array();
  for (const v1::MetricStrength& entry : response.ranking()) {
    Json item;
    item["metric"] = MetricJson(entry.metric());
    item["kpi"] = KpiJson(entry.kpi());
    item["strength"] = entry.strength();
    ranking.push_back(std::move(item));
  }
  Json out;
  out["pairs"] = std::move(pairs);
  out["ranking"] = std::move(ranking);
  out["verdict"] = response.verdict();
  return out;
}

v1::GetDriversResponse GroupAsResponse(const v1::DriverGroup& group) {
  v1::GetDriversResponse response;
  *response.mutable_pairs() = group.pairs();
  *response.mutable_ranking() = group.ranking();
  response.set_verdict(group.verdict());
  return response;
}

Json DriverGroupsToJson(const v1::GetDriversResponse& response) {
  Json groups = Json::array();
  for (const v1::DriverGroup& group : response.groups()) {
    Json item;
    item["key"] = KeyToJson(group.key());
    const Json body = DriversToJson(GroupAsResponse(group));
    item["pairs"] = body.at("pairs");
    item["ranking"] = body.at("ranking");
    item["verdict"] = body.at("verdict");
    groups.push_back(std::move(item));
  }
  Json out;
  out["groups"] = std::move(groups);
  return out;
}

}  // namespace cxscore::client
