// The sentences of the team report, from the message catalogue.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client/documents/report_document.h"
#include "client/documents/scorecard_text.h"

namespace cxscore::client {
namespace {

std::string DimensionText(Lang lang, std::optional<AttributionDim> dim) {
  switch (dim.value_or(AttributionDim::kAgent)) {
    case AttributionDim::kAgent:
      return Text(lang, Msg::kDimensionAgent);
    case AttributionDim::kTeam:
      return Text(lang, Msg::kDimensionTeam);
    case AttributionDim::kChannel:
      return Text(lang, Msg::kDimensionChannel);
  }
  return "";
}

std::string Share(const LocaleFormat& f, int64_t n, int64_t total) {
  if (total <= 0) return std::string(LocaleFormat::kMissing);
  return f.Percent(100.0 * static_cast<double>(n) / static_cast<double>(total));
}

}  // namespace

std::string ChannelLabel(Lang lang, const std::optional<std::string>& channel) {
  return channel.has_value() ? *channel : Text(lang, Msg::kUnattributed);
}

std::string_view NoteCodeName(NoteCode code) {
  switch (code) {
    case NoteCode::kNoResponses:
      return "no_responses";
    case NoteCode::kNoTickets:
      return "no_tickets";
    case NoteCode::kUnattributedResponses:
      return "unattributed_responses";
    case NoteCode::kUnattributedTickets:
      return "unattributed_tickets";
    case NoteCode::kFewChannelResponses:
      return "few_channel_responses";
    case NoteCode::kOpenTickets:
      return "open_tickets";
    case NoteCode::kFewLinked:
      return "few_linked";
  }
  return "note";
}

std::string NoteText(Lang lang, const DataQualityNote& note) {
  const LocaleFormat f(lang);
  switch (note.code) {
    case NoteCode::kNoResponses:
      return Text(lang, Msg::kNoteNoResponses);
    case NoteCode::kNoTickets:
      return Text(lang, Msg::kNoteNoTickets);
    case NoteCode::kUnattributedResponses:
      return Text(lang, Msg::kNoteUnattributedResponses,
                  {{"n", f.Count(note.n)},
                   {"total", f.Count(note.total)},
                   {"share", Share(f, note.n, note.total)},
                   {"dimension", DimensionText(lang, note.dimension)}});
    case NoteCode::kUnattributedTickets:
      return Text(lang, Msg::kNoteUnattributedTickets,
                  {{"n", f.Count(note.n)},
                   {"total", f.Count(note.total)},
                   {"share", Share(f, note.n, note.total)},
                   {"dimension", DimensionText(lang, note.dimension)}});
    case NoteCode::kFewChannelResponses:
      return Text(
          lang, Msg::kNoteFewResponses,
          {{"channel", note.channel.value_or("")}, {"n", f.Count(note.n)}});
    case NoteCode::kOpenTickets:
      return Text(lang, Msg::kNoteOpenTickets,
                  {{"n", f.Count(note.n)},
                   {"total", f.Count(note.total)},
                   {"share", Share(f, note.n, note.total)}});
    case NoteCode::kFewLinked:
      return Text(lang, Msg::kNoteFewLinked, {{"n", f.Count(note.n)}});
  }
  return "";
}

std::string SelectionText(Lang lang, const ReportSelection& s) {
  std::vector<std::string> parts;
  if (!s.teams.empty()) {
    parts.push_back(absl::StrCat(Text(lang, Msg::kTeamLabel), " ",
                                 absl::StrJoin(s.teams, ", ")));
  }
  if (!s.agents.empty()) {
    parts.push_back(absl::StrCat(Text(lang, Msg::kColAgent), " ",
                                 absl::StrJoin(s.agents, ", ")));
  }
  if (!s.channels.empty()) {
    parts.push_back(absl::StrCat(Text(lang, Msg::kColChannel), " ",
                                 absl::StrJoin(s.channels, ", ")));
  }
  if (parts.empty()) return Text(lang, Msg::kReportAll);
  return absl::StrJoin(parts, "; ");
}

std::string DriversSummary(Lang lang, const ReportDocument& doc) {
  const LocaleFormat f(lang);
  for (const DriverSummaryRow& row : doc.drivers) {
    if (row.strength <= 0 || !row.rho || !row.ci_low || !row.ci_high) continue;
    return Text(lang, Msg::kReportDriversLead,
                {{"metric", MetricShortLabel(lang, row.metric)},
                 {"kpi", KpiInSentence(lang, row.kpi)},
                 {"rho", f.Signed(*row.rho, 2)},
                 {"low", f.Signed(*row.ci_low, 2)},
                 {"high", f.Signed(*row.ci_high, 2)},
                 {"n", f.Count(row.n)}});
  }
  return Text(lang, Msg::kReportDriversNone);
}

}  // namespace cxscore::client
