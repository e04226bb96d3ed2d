#include "client/import/record_parser.h"

#include <string>
#include <vector>

#include "client/import/cell_values.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cxscore::client {
namespace {

using ::testing::HasSubstr;
using Row = std::vector<std::string>;

const Row kInteractionHeader = {"interaction_id",
                                "agent_id",
                                "team_id",
                                "channel",
                                "customer_id",
                                "opened_at",
                                "first_response_at",
                                "closed_at",
                                "reopens",
                                "transfers",
                                "first_contact_resolution",
                                "updated_at"};

const Row kResponseHeader = {
    "response_id", "interaction_id", "agent_id", "team_id", "channel",
    "customer_id", "submitted_at",   "nps",      "csat",    "ces",
    "ves_ability", "ves_confidence", "comment"};

int64_t Seconds(const char* rfc3339) {
  return absl::ToUnixSeconds(*ParseRfc3339(rfc3339));
}

RecordParser MustParse(RecordKind kind, const Row& header) {
  absl::StatusOr<RecordParser> parser = RecordParser::FromHeader(kind, header);
  EXPECT_TRUE(parser.ok()) << parser.status();
  return *std::move(parser);
}

TEST(RecordParserTest, CanonicalColumnsMatchTheContract) {
  auto interaction_columns = CanonicalColumns(RecordKind::kInteraction);
  EXPECT_EQ(Row(interaction_columns.begin(), interaction_columns.end()),
            kInteractionHeader);
  auto response_columns = CanonicalColumns(RecordKind::kResponse);
  EXPECT_EQ(Row(response_columns.begin(), response_columns.end()),
            kResponseHeader);
}

TEST(RecordParserTest, ConvertsAFullInteraction) {
  RecordParser parser = MustParse(RecordKind::kInteraction, kInteractionHeader);
  v1::Interaction out;
  auto error = parser.ToInteraction(
      {"t-1", "a1", "team", "email", "c9", "2025-02-13T09:00:00Z",
       "2025-02-13T09:05:00Z", "2025-02-13T11:00:00+01:00", "2", "0", "Yes",
       "2025-02-14T08:15:30.25+01:00"},
      &out);
  ASSERT_FALSE(error.has_value()) << error->reason;
  EXPECT_EQ(out.interaction_id(), "t-1");
  EXPECT_EQ(out.agent_id(), "a1");
  EXPECT_EQ(out.team_id(), "team");
  EXPECT_EQ(out.channel(), "email");
  EXPECT_EQ(out.customer_id(), "c9");
  EXPECT_EQ(out.opened_at().seconds(), Seconds("2025-02-13T09:00:00Z"));
  EXPECT_EQ(out.first_response_at().seconds(), Seconds("2025-02-13T09:05:00Z"));
  EXPECT_EQ(out.closed_at().seconds(), Seconds("2025-02-13T10:00:00Z"));
  ASSERT_TRUE(out.has_reopens());
  EXPECT_EQ(out.reopens(), 2);
  ASSERT_TRUE(out.has_transfers());
  EXPECT_EQ(out.transfers(), 0);
  ASSERT_TRUE(out.has_first_contact_resolution());
  EXPECT_TRUE(out.first_contact_resolution());
  ASSERT_TRUE(out.has_updated_at());
  EXPECT_EQ(out.updated_at().seconds(), Seconds("2025-02-14T07:15:30Z"));
  EXPECT_EQ(out.updated_at().nanos(), 250000000);
  EXPECT_TRUE(out.attributes().empty());
}

TEST(RecordParserTest, EmptyCellsLeaveFieldsUnset) {
  RecordParser parser = MustParse(RecordKind::kInteraction, kInteractionHeader);
  v1::Interaction out;
  auto error = parser.ToInteraction(
      {"t-2", "", "", "", "", "2025-02-13T09:00:00Z", "", "", "", "", "", ""},
      &out);
  ASSERT_FALSE(error.has_value()) << error->reason;
  EXPECT_TRUE(out.has_opened_at());
  EXPECT_FALSE(out.has_first_response_at());
  EXPECT_FALSE(out.has_closed_at());
  EXPECT_FALSE(out.has_reopens());
  EXPECT_FALSE(out.has_transfers());
  EXPECT_FALSE(out.has_first_contact_resolution());
  EXPECT_FALSE(out.has_updated_at());
  EXPECT_EQ(out.agent_id(), "");
}

TEST(RecordParserTest, ColumnsInAnyOrderAndSubset) {
  RecordParser parser = MustParse(
      RecordKind::kResponse, {"nps", "submitted_at", "comment", "response_id"});
  v1::SurveyResponse out;
  auto error = parser.ToResponse(
      {"9", "2025-02-13T09:00:00Z", "  great, thanks\n", "r1"}, &out);
  ASSERT_FALSE(error.has_value()) << error->reason;
  EXPECT_EQ(out.response_id(), "r1");
  EXPECT_EQ(out.nps(), 9);
  EXPECT_FALSE(out.has_csat());
  EXPECT_EQ(out.comment(), "  great, thanks\n");  // text is kept verbatim
  EXPECT_EQ(out.submitted_at().seconds(), Seconds("2025-02-13T09:00:00Z"));
}

TEST(RecordParserTest, ConvertsAFullResponse) {
  RecordParser parser = MustParse(RecordKind::kResponse, kResponseHeader);
  v1::SurveyResponse out;
  auto error = parser.ToResponse(
      {"r1", "t-1", "a1", "team", "chat", "c9", "2025-02-14T08:00:00Z", "10",
       "4", "6", "5", "7", "caf\xC3\xA9"},
      &out);
  ASSERT_FALSE(error.has_value()) << error->reason;
  EXPECT_EQ(out.interaction_id(), "t-1");
  EXPECT_EQ(out.agent_id(), "a1");
  EXPECT_EQ(out.team_id(), "team");
  EXPECT_EQ(out.channel(), "chat");
  EXPECT_EQ(out.customer_id(), "c9");
  EXPECT_EQ(out.nps(), 10);
  EXPECT_EQ(out.csat(), 4);
  EXPECT_EQ(out.ces(), 6);
  EXPECT_EQ(out.ves_ability(), 5);
  EXPECT_EQ(out.ves_confidence(), 7);
  EXPECT_EQ(out.comment(), "caf\xC3\xA9");
}

TEST(RecordParserTest, OutOfScaleScoresAreLeftToTheServer) {
  RecordParser parser =
      MustParse(RecordKind::kResponse, {"response_id", "submitted_at", "nps"});
  v1::SurveyResponse out;
  EXPECT_FALSE(parser.ToResponse({"r1", "2025-02-14T08:00:00Z", "11"}, &out)
                   .has_value());
  EXPECT_EQ(out.nps(), 11);
}

TEST(RecordParserTest, AttributesFromAttrColumns) {
  RecordParser parser = MustParse(
      RecordKind::kResponse,
      {"response_id", "attr.plan", "submitted_at", "attr.region", "nps"});
  v1::SurveyResponse out;
  auto error =
      parser.ToResponse({"r1", "gold", "2025-02-14T08:00:00Z", "", "8"}, &out);
  ASSERT_FALSE(error.has_value()) << error->reason;
  ASSERT_EQ(out.attributes().size(), 1u);  // empty cell adds no attribute
  EXPECT_EQ(out.attributes().at("plan"), "gold");

  RecordParser interactions =
      MustParse(RecordKind::kInteraction, {"interaction_id", "attr.tier"});
  v1::Interaction interaction;
  ASSERT_FALSE(interactions.ToInteraction({"t1", "vip"}, &interaction));
  EXPECT_EQ(interaction.attributes().at("tier"), "vip");
}

TEST(RecordParserTest, ReusedOutputIsCleared) {
  RecordParser parser =
      MustParse(RecordKind::kResponse, {"response_id", "nps", "attr.x"});
  v1::SurveyResponse out;
  ASSERT_FALSE(parser.ToResponse({"r1", "5", "1"}, &out));
  ASSERT_FALSE(parser.ToResponse({"r2", "", ""}, &out));
  EXPECT_FALSE(out.has_nps());
  EXPECT_TRUE(out.attributes().empty());
}

struct BadCell {
  std::string column;
  std::string value;
  std::string reason_part;
};

// Readable parameters in test output instead of a byte dump (the values
// may hold invalid UTF-8, so they are not printed).
void PrintTo(const BadCell& cell, std::ostream* os) {
  *os << cell.column << " (" << cell.reason_part << ")";
}

// Test names like "nps_3".
std::string CellName(const testing::TestParamInfo<BadCell>& info) {
  return info.param.column + "_" + std::to_string(info.index);
}

class InteractionConversionErrorTest : public testing::TestWithParam<BadCell> {
};

TEST_P(InteractionConversionErrorTest, NamesTheColumn) {
  const BadCell& bad = GetParam();
  RecordParser parser = MustParse(RecordKind::kInteraction, kInteractionHeader);
  Row row = {"t-1", "a1", "team", "email", "c9", "2025-02-13T09:00:00Z",
             "",    "",   "",     "",      "",   ""};
  for (size_t i = 0; i < kInteractionHeader.size(); ++i) {
    if (kInteractionHeader[i] == bad.column) row[i] = bad.value;
  }
  v1::Interaction out;
  auto error = parser.ToInteraction(row, &out);
  ASSERT_TRUE(error.has_value()) << bad.column << "=" << bad.value;
  EXPECT_EQ(error->field, bad.column);
  EXPECT_THAT(error->reason, HasSubstr(bad.column));
  EXPECT_THAT(error->reason, HasSubstr(bad.reason_part));
}

INSTANTIATE_TEST_SUITE_P(
    EveryTypedColumn, InteractionConversionErrorTest,
    testing::Values(BadCell{"opened_at", "2025-02-13", "RFC 3339"},
                    BadCell{"opened_at", "2025-02-13T09:00:00", "RFC 3339"},
                    BadCell{"first_response_at", "soon", "RFC 3339"},
                    BadCell{"closed_at", "2025-13-01T00:00:00Z", "RFC 3339"},
                    BadCell{"reopens", "1.5", "must be an integer"},
                    BadCell{"transfers", "two", "must be an integer"},
                    BadCell{"transfers", "5000000000", "out of range"},
                    BadCell{"first_contact_resolution", "maybe", "true/false"},
                    BadCell{"updated_at", "2025-02-14 08:00", "RFC 3339"},
                    BadCell{"agent_id", "\xFF\xFE", "not valid UTF-8"}),
    CellName);

class ResponseConversionErrorTest : public testing::TestWithParam<BadCell> {};

TEST_P(ResponseConversionErrorTest, NamesTheColumn) {
  const BadCell& bad = GetParam();
  RecordParser parser = MustParse(RecordKind::kResponse, kResponseHeader);
  Row row = {"r1", "", "", "", "", "", "2025-02-14T08:00:00Z",
             "9",  "", "", "", "", ""};
  for (size_t i = 0; i < kResponseHeader.size(); ++i) {
    if (kResponseHeader[i] == bad.column) row[i] = bad.value;
  }
  v1::SurveyResponse out;
  auto error = parser.ToResponse(row, &out);
  ASSERT_TRUE(error.has_value()) << bad.column << "=" << bad.value;
  EXPECT_EQ(error->field, bad.column);
  EXPECT_THAT(error->reason, HasSubstr(bad.column));
  EXPECT_THAT(error->reason, HasSubstr(bad.reason_part));
}

INSTANTIATE_TEST_SUITE_P(
    EveryTypedColumn, ResponseConversionErrorTest,
    testing::Values(BadCell{"submitted_at", "14/02/2025", "RFC 3339"},
                    BadCell{"nps", "4.5", "must be an integer"},
                    BadCell{"nps", "abc", "must be an integer"},
                    BadCell{"csat", "4.0", "must be an integer"},
                    BadCell{"ces", "x", "must be an integer"},
                    BadCell{"ves_ability", "5.5", "must be an integer"},
                    BadCell{"ves_confidence", "high", "must be an integer"},
                    BadCell{"comment", "bad \xC3\x28", "not valid UTF-8"},
                    BadCell{"response_id", "\x80", "not valid UTF-8"}),
    CellName);

TEST(RecordParserTest, WrongFieldCountIsARowError) {
  RecordParser parser =
      MustParse(RecordKind::kResponse, {"response_id", "submitted_at", "nps"});
  v1::SurveyResponse out;
  auto too_few = parser.ToResponse({"r1", "2025-02-14T08:00:00Z"}, &out);
  ASSERT_TRUE(too_few.has_value());
  EXPECT_EQ(too_few->field, "");
  EXPECT_THAT(too_few->reason, HasSubstr("2 fields"));
  EXPECT_THAT(too_few->reason, HasSubstr("header has 3"));
  EXPECT_TRUE(parser.ToResponse({"r1", "x", "1", "extra"}, &out).has_value());
}

TEST(RecordParserTest, IdOfFindsTheIdColumn) {
  RecordParser parser =
      MustParse(RecordKind::kResponse, {"nps", "response_id", "submitted_at"});
  EXPECT_EQ(parser.IdOf({"4", "r7", "x"}), "r7");
  EXPECT_EQ(parser.IdOf({"4", "r7"}), "r7");
  EXPECT_EQ(parser.IdOf({"4"}), "");
}

TEST(RecordParserTest, KindMismatchIsRefused) {
  RecordParser parser = MustParse(RecordKind::kResponse, {"response_id"});
  v1::Interaction out;
  EXPECT_TRUE(parser.ToInteraction({"r1"}, &out).has_value());
}

TEST(RecordHeaderTest, UnknownColumnIsNamed) {
  absl::StatusOr<RecordParser> parser = RecordParser::FromHeader(
      RecordKind::kResponse, {"response_id", "submitted_at", "score"});
  ASSERT_FALSE(parser.ok());
  EXPECT_EQ(parser.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(parser.status().message(), HasSubstr("\"score\""));
  EXPECT_THAT(parser.status().message(), HasSubstr("attr.NAME"));
}

TEST(RecordHeaderTest, ColumnsOfTheOtherKindAreUnknown) {
  EXPECT_FALSE(RecordParser::FromHeader(RecordKind::kInteraction,
                                        {"interaction_id", "nps"})
                   .ok());
  EXPECT_FALSE(RecordParser::FromHeader(RecordKind::kResponse,
                                        {"response_id", "opened_at"})
                   .ok());
}

TEST(RecordHeaderTest, RequiresTheIdColumn) {
  absl::StatusOr<RecordParser> parser = RecordParser::FromHeader(
      RecordKind::kInteraction, {"agent_id", "opened_at"});
  ASSERT_FALSE(parser.ok());
  EXPECT_THAT(parser.status().message(), HasSubstr("\"interaction_id\""));
  // interaction_id is not the id of a response file.
  parser = RecordParser::FromHeader(RecordKind::kResponse,
                                    {"interaction_id", "nps"});
  ASSERT_FALSE(parser.ok());
  EXPECT_THAT(parser.status().message(), HasSubstr("\"response_id\""));
}

TEST(RecordHeaderTest, AttrColumnsNeedAName) {
  EXPECT_TRUE(
      RecordParser::FromHeader(RecordKind::kResponse, {"response_id", "attr.x"})
          .ok());
  absl::StatusOr<RecordParser> parser =
      RecordParser::FromHeader(RecordKind::kResponse, {"response_id", "attr."});
  ASSERT_FALSE(parser.ok());
  EXPECT_THAT(parser.status().message(), HasSubstr("\"attr.\""));
}

TEST(RecordHeaderTest, RepeatedAndEmptyNamesAreRefused) {
  absl::StatusOr<RecordParser> parser = RecordParser::FromHeader(
      RecordKind::kResponse, {"response_id", "nps", "nps"});
  ASSERT_FALSE(parser.ok());
  EXPECT_THAT(parser.status().message(), HasSubstr("twice"));
  EXPECT_FALSE(RecordParser::FromHeader(RecordKind::kResponse,
                                        {"response_id", "attr.a", "attr.a"})
                   .ok());
  parser = RecordParser::FromHeader(RecordKind::kResponse, {"response_id", ""});
  ASSERT_FALSE(parser.ok());
  EXPECT_THAT(parser.status().message(), HasSubstr("column 2"));
}

TEST(RecordHeaderTest, NamesAreCaseSensitive) {
  EXPECT_FALSE(
      RecordParser::FromHeader(RecordKind::kResponse, {"Response_ID"}).ok());
}

}  // namespace
}  // namespace cxscore::client
