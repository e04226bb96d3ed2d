// Data-quality notes of the team report (docs/scorecards.md, "Team report"):
// what a manager should know before trusting the numbers: records without
// an agent, team or channel, thin channels, open tickets, few responses
// linked to tickets. Pure; the client fetches the counts and words the notes.
#ifndef CXSCORE_CORE_TEAM_REPORT_H_
#define CXSCORE_CORE_TEAM_REPORT_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cxscore {

enum class AttributionDim { kAgent, kTeam, kChannel };

struct ChannelVolume {
  std::optional<std::string> channel;  // nullopt: unattributed
  int64_t responses = 0;               // the largest n of the four metrics
};

struct DataQualityInput {
  int64_t responses = 0;  // in the selection (largest n of the metrics)
  int64_t tickets = 0;
  int64_t closed = 0;
  // Responses and tickets without an agent, team or channel, by
  // AttributionDim; nullopt when not known.
  std::array<std::optional<int64_t>, 3> unattributed_responses;
  std::array<std::optional<int64_t>, 3> unattributed_tickets;
  std::vector<ChannelVolume> channels;
  // Responses linked to a ticket with a known time to close (the n of the
  // drivers pairs with time to close); nullopt when not known.
  std::optional<int64_t> linked_responses;
};

enum class NoteCode {
  kNoResponses,            // the selection has no survey response
  kNoTickets,              // ... no ticket
  kUnattributedResponses,  // `n` of `total` responses lack `dimension`
  kUnattributedTickets,    // `n` of `total` tickets lack `dimension`
  kFewChannelResponses,    // channel `channel` has 0 < n < kMinResponses
  kOpenTickets,            // `n` of `total` tickets still open (> 5%)
  kFewLinked,              // only `n` responses linked (< kMinLinked)
};

struct DataQualityNote {
  NoteCode code = NoteCode::kNoResponses;
  int64_t n = 0;
  int64_t total = 0;
  std::optional<AttributionDim> dimension;
  std::optional<std::string> channel;
};

// A channel with fewer responses than this gets a note.
inline constexpr int64_t kMinChannelResponses = 30;
// Open tickets are noted above this share (percent).
inline constexpr double kOpenTicketsNotePercent = 5;
// A drivers analysis on fewer linked responses gets a note.
inline constexpr int64_t kMinLinkedResponses = 100;

// The notes, in the order of NoteCode; unattributed ones by AttributionDim.
std::vector<DataQualityNote> DataQualityNotes(const DataQualityInput& input);

}  // namespace cxscore

#endif  // CXSCORE_CORE_TEAM_REPORT_H_
