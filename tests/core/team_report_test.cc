#include "core/team_report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace cxscore {
namespace {

using ::testing::IsEmpty;

std::vector<NoteCode> Codes(const std::vector<DataQualityNote>& notes) {
  std::vector<NoteCode> codes;
  for (const DataQualityNote& n : notes) codes.push_back(n.code);
  return codes;
}

DataQualityInput Clean() {
  DataQualityInput in;
  in.responses = 800;
  in.tickets = 1000;
  in.closed = 980;
  in.unattributed_responses = {0, 0, 0};
  in.unattributed_tickets = {0, 0, 0};
  in.channels = {{"chat", 500}, {"email", 300}};
  in.linked_responses = 640;
  return in;
}

TEST(TeamReportTest, CleanDataHasNoNotes) {
  EXPECT_THAT(DataQualityNotes(Clean()), IsEmpty());
}

TEST(TeamReportTest, UnattributedThinOpenAndUnlinkedAreNoted) {
  DataQualityInput in = Clean();
  in.unattributed_responses[static_cast<int>(AttributionDim::kAgent)] = 12;
  in.unattributed_tickets[static_cast<int>(AttributionDim::kChannel)] = 3;
  in.channels.push_back({"phone", 9});
  in.channels.push_back({std::nullopt, 4});
  in.closed = 900;  // 10% open
  in.linked_responses = 40;
  const auto notes = DataQualityNotes(in);
  EXPECT_THAT(Codes(notes), ::testing::ElementsAre(
                                NoteCode::kUnattributedResponses,
                                NoteCode::kUnattributedTickets,
                                NoteCode::kFewChannelResponses,
                                NoteCode::kOpenTickets, NoteCode::kFewLinked));
  EXPECT_EQ(notes[0].n, 12);
  EXPECT_EQ(notes[0].total, 800);
  EXPECT_EQ(notes[0].dimension, AttributionDim::kAgent);
  EXPECT_EQ(notes[2].channel, "phone");
  EXPECT_EQ(notes[3].n, 100);
}

TEST(TeamReportTest, FewOpenTicketsAreNotNoted) {
  DataQualityInput in = Clean();
  in.closed = 960;  // 4% open
  EXPECT_THAT(DataQualityNotes(in), IsEmpty());
}

TEST(TeamReportTest, EmptySelection) {
  DataQualityInput in;
  EXPECT_THAT(
      Codes(DataQualityNotes(in)),
      ::testing::ElementsAre(NoteCode::kNoResponses, NoteCode::kNoTickets));
}

}  // namespace
}  // namespace cxscore
