#include "core/team_report.h"

#include <utility>

namespace cxscore {
namespace {

DataQualityNote Note(NoteCode code, int64_t n = 0, int64_t total = 0,
                     std::optional<AttributionDim> dimension = std::nullopt,
                     std::optional<std::string> channel = std::nullopt) {
  DataQualityNote note;
  note.code = code;
  note.n = n;
  note.total = total;
  note.dimension = dimension;
  note.channel = std::move(channel);
  return note;
}

}  // namespace

std::vector<DataQualityNote> DataQualityNotes(const DataQualityInput& input) {
  std::vector<DataQualityNote> notes;
  if (input.responses == 0) {
    notes.push_back(Note(NoteCode::kNoResponses));
  }
  if (input.tickets == 0) {
    notes.push_back(Note(NoteCode::kNoTickets));
  }
  for (AttributionDim dim : {AttributionDim::kAgent, AttributionDim::kTeam,
                             AttributionDim::kChannel}) {
    const auto& n = input.unattributed_responses[static_cast<int>(dim)];
    if (n.has_value() && *n > 0 && input.responses > 0) {
      notes.push_back(
          Note(NoteCode::kUnattributedResponses, *n, input.responses, dim));
    }
  }
  for (AttributionDim dim : {AttributionDim::kAgent, AttributionDim::kTeam,
                             AttributionDim::kChannel}) {
    const auto& n = input.unattributed_tickets[static_cast<int>(dim)];
    if (n.has_value() && *n > 0 && input.tickets > 0) {
      notes.push_back(
          Note(NoteCode::kUnattributedTickets, *n, input.tickets, dim));
    }
  }
  for (const ChannelVolume& c : input.channels) {
    if (!c.channel.has_value()) continue;  // said by the unattributed note
    if (c.responses > 0 && c.responses < kMinChannelResponses) {
      notes.push_back(Note(NoteCode::kFewChannelResponses, c.responses,
                           kMinChannelResponses, std::nullopt, c.channel));
    }
  }
  const int64_t open = input.tickets - input.closed;
  if (input.tickets > 0 &&
      100.0 * static_cast<double>(open) / static_cast<double>(input.tickets) >
          kOpenTicketsNotePercent) {
    notes.push_back(Note(NoteCode::kOpenTickets, open, input.tickets));
  }
  if (input.linked_responses.has_value() && input.tickets > 0 &&
      input.responses > 0 && *input.linked_responses < kMinLinkedResponses) {
    notes.push_back(Note(NoteCode::kFewLinked, *input.linked_responses,
                         kMinLinkedResponses));
  }
  return notes;
}

}  // namespace cxscore
