#include "client/scores_json.h"

#include "client/scores_query.h"

namespace cxscore::client {
namespace {

using Json = nlohmann::ordered_json;

Json Optional(bool present, double value) {
  return present ? Json(value) : Json(nullptr);
}

Json NpsToJson(const v1::NpsScore& nps) {
  Json out;
  out["n"] = nps.n();
  out["value"] = Optional(nps.has_value(), nps.value());
  out["ci_low"] = Optional(nps.has_ci_low(), nps.ci_low());
  out["ci_high"] = Optional(nps.has_ci_high(), nps.ci_high());
  out["promoters"] = nps.promoters();
  out["passives"] = nps.passives();
  out["detractors"] = nps.detractors();
  return out;
}

Json ProportionToJson(const v1::ProportionScore& score) {
  Json out;
  out["n"] = score.n();
  out["value"] = Optional(score.has_value(), score.value());
  out["ci_low"] = Optional(score.has_ci_low(), score.ci_low());
  out["ci_high"] = Optional(score.has_ci_high(), score.ci_high());
  out["mean"] = Optional(score.has_mean(), score.mean());
  out["mean_ci_low"] = Optional(score.has_mean_ci_low(), score.mean_ci_low());
  out["mean_ci_high"] =
      Optional(score.has_mean_ci_high(), score.mean_ci_high());
  return out;
}

Json VesToJson(const v1::VesScore& ves) {
  Json out = ProportionToJson(ves.score());
  out["ability_mean"] = Optional(ves.has_ability_mean(), ves.ability_mean());
  out["confidence_mean"] =
      Optional(ves.has_confidence_mean(), ves.confidence_mean());
  return out;
}

Json DurationToJson(const v1::DurationStats& stats) {
  Json out;
  out["mean"] = Optional(stats.has_mean(), stats.mean());
  out["p50"] = Optional(stats.has_p50(), stats.p50());
  out["p90"] = Optional(stats.has_p90(), stats.p90());
  return out;
}

Json ServiceToJson(const v1::ServiceStats& service) {
  Json out;
  out["interactions"] = service.interactions();
  out["closed"] = service.closed();
  out["time_to_close_s"] = DurationToJson(service.time_to_close());
  out["time_to_first_response_s"] =
      DurationToJson(service.time_to_first_response());
  out["fcr_rate"] = Optional(service.has_fcr_rate(), service.fcr_rate());
  out["reopen_rate"] =
      Optional(service.has_reopen_rate(), service.reopen_rate());
  out["mean_transfers"] =
      Optional(service.has_mean_transfers(), service.mean_transfers());
  return out;
}

}  // namespace

Json GroupToJson(const v1::GroupScores& group) {
  Json key = Json::object();
  for (const v1::KeyPart& part : group.key()) {
    key[DimensionName(part.dimension())] =
        part.has_value() ? Json(part.value()) : Json(nullptr);
  }
  Json out;
  out["key"] = std::move(key);
  out["nps"] = NpsToJson(group.nps());
  out["csat"] = ProportionToJson(group.csat());
  out["ces"] = ProportionToJson(group.ces());
  out["ves"] = VesToJson(group.ves());
  out["service"] = ServiceToJson(group.service());
  return out;
}

Json ScoresToJson(const v1::GetScoresResponse& response) {
  Json groups = Json::array();
  for (const v1::GroupScores& group : response.groups()) {
    groups.push_back(GroupToJson(group));
  }
  Json out;
  out["groups"] = std::move(groups);
  return out;
}

}  // namespace cxscore::client
