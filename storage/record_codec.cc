#include "storage/record_codec.h"

#include <climits>

#include "storage/records.pb.h"

namespace cxscore::storage {
namespace {

int64_t ToMicros(absl::Time t) { return absl::ToUnixMicros(t); }
absl::Time FromMicros(int64_t us) { return absl::FromUnixMicros(us); }
absl::Time Truncated(absl::Time t) { return FromMicros(ToMicros(t)); }

template <typename T, typename Message>
void CopyAttributes(const T& from, Message* to) {
  to->mutable_attributes()->insert(from.attributes.begin(),
                                   from.attributes.end());
}

}  // namespace

std::string EncodeInteraction(const Interaction& in) {
  v1::StoredInteraction m;
  m.set_interaction_id(in.interaction_id);
  m.set_agent_id(in.agent_id);
  m.set_team_id(in.team_id);
  m.set_channel(in.channel);
  m.set_customer_id(in.customer_id);
  m.set_opened_at_us(ToMicros(in.opened_at));
  if (in.first_response_at)
    m.set_first_response_at_us(ToMicros(*in.first_response_at));
  if (in.closed_at) m.set_closed_at_us(ToMicros(*in.closed_at));
  if (in.reopens) m.set_reopens(*in.reopens);
  if (in.transfers) m.set_transfers(*in.transfers);
  if (in.first_contact_resolution)
    m.set_first_contact_resolution(*in.first_contact_resolution);
  CopyAttributes(in, &m);
  if (in.updated_at) m.set_updated_at_us(ToMicros(*in.updated_at));
  return m.SerializeAsString();
}

absl::StatusOr<Interaction> DecodeInteraction(std::string_view bytes) {
  v1::StoredInteraction m;
  // ParseFromArray takes an int: a longer value must not be truncated.
  if (bytes.size() > static_cast<size_t>(INT_MAX) ||
      !m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    return absl::DataLossError("stored interaction does not parse");
  Interaction out;
  out.interaction_id = m.interaction_id();
  out.agent_id = m.agent_id();
  out.team_id = m.team_id();
  out.channel = m.channel();
  out.customer_id = m.customer_id();
  out.opened_at = FromMicros(m.opened_at_us());
  if (m.has_first_response_at_us())
    out.first_response_at = FromMicros(m.first_response_at_us());
  if (m.has_closed_at_us()) out.closed_at = FromMicros(m.closed_at_us());
  if (m.has_reopens()) out.reopens = m.reopens();
  if (m.has_transfers()) out.transfers = m.transfers();
  if (m.has_first_contact_resolution())
    out.first_contact_resolution = m.first_contact_resolution();
  out.attributes.insert(m.attributes().begin(), m.attributes().end());
  if (m.has_updated_at_us()) out.updated_at = FromMicros(m.updated_at_us());
  return out;
}

std::string EncodeResponse(const SurveyResponse& in) {
  v1::StoredResponse m;
  m.set_response_id(in.response_id);
  m.set_interaction_id(in.interaction_id);
  m.set_agent_id(in.agent_id);
  m.set_team_id(in.team_id);
  m.set_channel(in.channel);
  m.set_customer_id(in.customer_id);
  m.set_submitted_at_us(ToMicros(in.submitted_at));
  if (in.nps) m.set_nps(*in.nps);
  if (in.csat) m.set_csat(*in.csat);
  if (in.ces) m.set_ces(*in.ces);
  if (in.ves_ability) m.set_ves_ability(*in.ves_ability);
  if (in.ves_confidence) m.set_ves_confidence(*in.ves_confidence);
  m.set_comment(in.comment);
  CopyAttributes(in, &m);
  return m.SerializeAsString();
}

absl::StatusOr<SurveyResponse> DecodeResponse(std::string_view bytes) {
  v1::StoredResponse m;
  // ParseFromArray takes an int: a longer value must not be truncated.
  if (bytes.size() > static_cast<size_t>(INT_MAX) ||
      !m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    return absl::DataLossError("stored response does not parse");
  SurveyResponse out;
  out.response_id = m.response_id();
  out.interaction_id = m.interaction_id();
  out.agent_id = m.agent_id();
  out.team_id = m.team_id();
  out.channel = m.channel();
  out.customer_id = m.customer_id();
  out.submitted_at = FromMicros(m.submitted_at_us());
  if (m.has_nps()) out.nps = m.nps();
  if (m.has_csat()) out.csat = m.csat();
  if (m.has_ces()) out.ces = m.ces();
  if (m.has_ves_ability()) out.ves_ability = m.ves_ability();
  if (m.has_ves_confidence()) out.ves_confidence = m.ves_confidence();
  out.comment = m.comment();
  out.attributes.insert(m.attributes().begin(), m.attributes().end());
  return out;
}

Interaction Normalized(Interaction in) {
  in.opened_at = Truncated(in.opened_at);
  if (in.first_response_at)
    in.first_response_at = Truncated(*in.first_response_at);
  if (in.closed_at) in.closed_at = Truncated(*in.closed_at);
  if (in.updated_at) in.updated_at = Truncated(*in.updated_at);
  return in;
}

SurveyResponse Normalized(SurveyResponse in) {
  in.submitted_at = Truncated(in.submitted_at);
  return in;
}

}  // namespace cxscore::storage
