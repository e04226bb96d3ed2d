#include "bench/loadgen/records_proto.h"

namespace cxscore::bench {

void ToProto(absl::Time t, google::protobuf::Timestamp* out) {
  const absl::Duration since_epoch = t - absl::UnixEpoch();
  const int64_t seconds =
      absl::ToInt64Seconds(absl::Floor(since_epoch, absl::Seconds(1)));
  out->set_seconds(seconds);
  out->set_nanos(static_cast<int32_t>(
      absl::ToInt64Nanoseconds(since_epoch - absl::Seconds(seconds))));
}

void ToProto(const Interaction& in, v1::Interaction* out) {
  out->set_interaction_id(in.interaction_id);
  out->set_agent_id(in.agent_id);
  out->set_team_id(in.team_id);
  out->set_channel(in.channel);
  out->set_customer_id(in.customer_id);
  ToProto(in.opened_at, out->mutable_opened_at());
  if (in.first_response_at)
    ToProto(*in.first_response_at, out->mutable_first_response_at());
  if (in.closed_at) ToProto(*in.closed_at, out->mutable_closed_at());
  if (in.reopens) out->set_reopens(*in.reopens);
  if (in.transfers) out->set_transfers(*in.transfers);
  if (in.first_contact_resolution)
    out->set_first_contact_resolution(*in.first_contact_resolution);
  for (const auto& [name, value] : in.attributes)
    (*out->mutable_attributes())[name] = value;
}

void ToProto(const SurveyResponse& in, v1::SurveyResponse* out) {
  out->set_response_id(in.response_id);
  out->set_interaction_id(in.interaction_id);
  out->set_agent_id(in.agent_id);
  out->set_team_id(in.team_id);
  out->set_channel(in.channel);
  out->set_customer_id(in.customer_id);
  ToProto(in.submitted_at, out->mutable_submitted_at());
  if (in.nps) out->set_nps(*in.nps);
  if (in.csat) out->set_csat(*in.csat);
  if (in.ces) out->set_ces(*in.ces);
  if (in.ves_ability) out->set_ves_ability(*in.ves_ability);
  if (in.ves_confidence) out->set_ves_confidence(*in.ves_confidence);
  out->set_comment(in.comment);
  for (const auto& [name, value] : in.attributes)
    (*out->mutable_attributes())[name] = value;
}

}  // namespace cxscore::bench
