// Domain records: what cxscore stores. Plain values, no I/O.
#ifndef CXSCORE_CORE_RECORDS_H_
#define CXSCORE_CORE_RECORDS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "absl/time/time.h"

namespace cxscore {

// A ticket or conversation in its latest known state. Empty agent_id,
// team_id or channel means unattributed.
struct Interaction {
  std::string interaction_id;
  std::string agent_id;
  std::string team_id;
  std::string channel;
  std::string customer_id;
  absl::Time opened_at = absl::InfinitePast();  // required
  std::optional<absl::Time> first_response_at;  // none yet / unknown
  std::optional<absl::Time> closed_at;          // still open
  std::optional<int32_t> reopens;               // unknown when absent
  std::optional<int32_t> transfers;
  std::optional<bool> first_contact_resolution;
  std::map<std::string, std::string> attributes;  // attr.NAME columns
  // The version of this state (when the source last changed it); absent =
  // unversioned. An upsert older than the stored version is stale
  // (storage/store_rules.h).
  std::optional<absl::Time> updated_at;

  bool operator==(const Interaction&) const = default;
};

// One answered survey. Attribution is frozen at submission.
struct SurveyResponse {
  std::string response_id;
  std::string interaction_id;  // optional link
  std::string agent_id;
  std::string team_id;
  std::string channel;
  std::string customer_id;
  absl::Time submitted_at = absl::InfinitePast();  // required
  std::optional<int32_t> nps;             // 0..10
  std::optional<int32_t> csat;            // 1..5
  std::optional<int32_t> ces;             // 1..7
  std::optional<int32_t> ves_ability;     // 1..7
  std::optional<int32_t> ves_confidence;  // 1..7
  std::string comment;                    // UTF-8, <= kMaxCommentBytes
  std::map<std::string, std::string> attributes;

  bool operator==(const SurveyResponse&) const = default;
};

}  // namespace cxscore

#endif  // CXSCORE_CORE_RECORDS_H_
