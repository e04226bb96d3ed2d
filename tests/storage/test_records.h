// Record builders shared by the storage tests.
#ifndef CXSCORE_TESTS_STORAGE_TEST_RECORDS_H_
#define CXSCORE_TESTS_STORAGE_TEST_RECORDS_H_

#include <optional>
#include <string>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/records.h"

namespace cxscore::testing {

inline absl::Time Utc(int y, int m, int d, int hh = 12, int mm = 0) {
  return absl::FromCivil(absl::CivilMinute(y, m, d, hh, mm), absl::UTCTimeZone());
}

inline SurveyResponse Response(std::string id, std::string agent,
                               std::string channel, absl::Time at,
                               std::optional<int> nps,
                               std::optional<int> csat = std::nullopt) {
  SurveyResponse r;
  r.response_id = std::move(id);
  r.agent_id = std::move(agent);
  r.team_id = "team-1";
  r.channel = std::move(channel);
  r.submitted_at = at;
  r.nps = nps;
  r.csat = csat;
  return r;
}

inline Interaction Ticket(std::string id, std::string agent, absl::Time opened,
                          std::optional<absl::Duration> close_after) {
  Interaction i;
  i.interaction_id = std::move(id);
  i.agent_id = std::move(agent);
  i.team_id = "team-1";
  i.channel = "email";
  i.opened_at = opened;
  if (close_after) i.closed_at = opened + *close_after;
  return i;
}

}  // namespace cxscore::testing

#endif  // CXSCORE_TESTS_STORAGE_TEST_RECORDS_H_
