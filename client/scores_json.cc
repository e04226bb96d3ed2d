#include "client/scores_json.h"

namespace cxscore::client {
namespace {

Json NpsToJson(const v1::NpsScore& nps) {
  Json out;
  out["n"] = nps.n();
  out["value"] = OptionalNumber(nps.has_value(), nps.value());
  out["ci_low"] = OptionalNumber(nps.has_ci_low(), nps.ci_low());
  out["ci_high"] = OptionalNumber(nps.has_ci_high(), nps.ci_high());
  out["promoters"] = nps.promoters();
  out["passives"] = nps.passives();
  out["detractors"] = nps.detractors();
  return out;
}

Json ProportionToJson(const v1::ProportionScore& score) {
  Json out;
  out["n"] = score.n();
  out["value"] = OptionalNumber(score.has_value(), score.value());
  out["ci_low"] = OptionalNumber(score.has_ci_low(), score.ci_low());
  out["ci_high"] = OptionalNumber(score.has_ci_high(), score.ci_high());
  out["mean"] = OptionalNumber(score.has_mean(), score.mean());
  out["mean_ci_low"] =
      OptionalNumber(score.has_mean_ci_low(), score.mean_ci_low());
  out["mean_ci_high"] =
      OptionalNumber(score.has_mean_ci_high(), score.mean_ci_high());
  return out;
}

Json VesToJson(const v1::VesScore& ves) {
  Json out = ProportionToJson(ves.score());
  out["ability_mean"] =
      OptionalNumber(ves.has_ability_mean(), ves.ability_mean());
  out["confidence_mean"] =
      OptionalNumber(ves.has_confidence_mean(), ves.confidence_mean());
  return out;
}

Json DurationToJson(const v1::DurationStats& stats) {
  Json out;
  out["mean"] = OptionalNumber(stats.has_mean(), stats.mean());
  out["p50"] = OptionalNumber(stats.has_p50(), stats.p50());
  out["p90"] = OptionalNumber(stats.has_p90(), stats.p90());
  return out;
}

Json ServiceToJson(const v1::ServiceStats& service) {
  Json out;
  out["interactions"] = service.interactions();
  out["closed"] = service.closed();
  out["time_to_close_s"] = DurationToJson(service.time_to_close());
  out["time_to_first_response_s"] =
      DurationToJson(service.time_to_first_response());
  out["fcr_rate"] = OptionalNumber(service.has_fcr_rate(), service.fcr_rate());
  out["reopen_rate"] =
      OptionalNumber(service.has_reopen_rate(), service.reopen_rate());
  out["mean_transfers"] =
      OptionalNumber(service.has_mean_transfers(), service.mean_transfers());
  return out;
}

Json DeltaToJson(const v1::Delta& delta) {
  Json out;
  out["delta"] = OptionalNumber(delta.has_delta(), delta.delta());
  out["ci_low"] = OptionalNumber(delta.has_ci_low(), delta.ci_low());
  out["ci_high"] = OptionalNumber(delta.has_ci_high(), delta.ci_high());
  out["p"] = OptionalNumber(delta.has_p(), delta.p());
  out["other_n"] = delta.other_n();
  out["other_value"] =
      OptionalNumber(delta.has_other_value(), delta.other_value());
  return out;
}

Json ComparisonToJson(const v1::Comparison& comparison) {
  Json out;
  out["nps"] = DeltaToJson(comparison.nps());
  out["csat"] = DeltaToJson(comparison.csat());
  out["ces"] = DeltaToJson(comparison.ces());
  out["ves"] = DeltaToJson(comparison.ves());
  return out;
}

}  // namespace

Json GroupToJson(const v1::GroupScores& group, bool compared) {
  Json out;
  out["key"] = KeyToJson(group.key());
  out["nps"] = NpsToJson(group.nps());
  out["csat"] = ProportionToJson(group.csat());
  out["ces"] = ProportionToJson(group.ces());
  out["ves"] = VesToJson(group.ves());
  out["service"] = ServiceToJson(group.service());
  if (compared) out["comparison"] = ComparisonToJson(group.comparison());
  return out;
}

Json ScoresToJson(const v1::GetScoresResponse& response, bool compared) {
  Json groups = Json::array();
  for (const v1::GroupScores& group : response.groups()) {
    groups.push_back(GroupToJson(group, compared));
  }
  Json out;
  out["groups"] = std::move(groups);
  return out;
}

}  // namespace cxscore::client
