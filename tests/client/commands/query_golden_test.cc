// Golden files of every query command in every --format: scores (grouped,
// --compare, attr.NAME, no groups), trend, drivers (ungrouped, grouped),
// agents, and the import summary. Each runs the whole command against the
// in-process fake service, so what is pinned is exactly what the CLI prints.
// CXSCORE_UPDATE_GOLDEN=1 rewrites the files (golden_file.h).
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "client/commands/agents_command.h"
#include "client/commands/drivers_command.h"
#include "client/commands/import_command.h"
#include "client/commands/scores_command.h"
#include "client/commands/trend_command.h"
#include "gtest/gtest.h"
#include "tests/client/fake_cxscore_service.h"
#include "tests/client/golden_file.h"

namespace cxscore::client {
namespace {

constexpr char kDir[] = "tests/client/testdata/commands/";

struct Format {
  OutputFormat format;
  const char* name;
};
constexpr Format kFormats[] = {{OutputFormat::kTable, "table"},
                               {OutputFormat::kJson, "json"},
                               {OutputFormat::kCsv, "csv"}};

void AddPart(google::protobuf::RepeatedPtrField<v1::KeyPart>* key,
             v1::Dimension dimension, const char* value,
             const char* attribute = "") {
  v1::KeyPart* part = key->Add();
  part->set_dimension(dimension);
  if (value != nullptr) part->set_value(value);
  part->set_attribute(attribute);
}

void FillNps(v1::NpsScore* nps, uint64_t n, double value) {
  nps->set_n(n);
  nps->set_value(value);
  nps->set_ci_low(value - 12.25);
  nps->set_ci_high(value + 9.5);
  nps->set_promoters(n / 2);
  nps->set_passives(n / 4);
  nps->set_detractors(n - n / 2 - n / 4);
}

void FillProportion(v1::ProportionScore* score, uint64_t n, double value) {
  score->set_n(n);
  score->set_value(value);
  score->set_ci_low(value - 7.125);
  score->set_ci_high(value + 4.0 / 3.0);
  score->set_mean(4.2);
  score->set_mean_ci_low(3.9);
  score->set_mean_ci_high(4.4);
}

void FillDelta(v1::Delta* delta, double d, double p, uint64_t other_n) {
  delta->set_delta(d);
  delta->set_ci_low(d - 6.5);
  delta->set_ci_high(d + 6.5);
  delta->set_p(p);
  delta->set_other_n(other_n);
  delta->set_other_value(30.0 - d);
}

v1::GetScoresResponse SampleScores() {
  v1::GetScoresResponse response;
  v1::GroupScores* g = response.add_groups();
  AddPart(g->mutable_key(), v1::DIMENSION_AGENT, "ann");
  AddPart(g->mutable_key(), v1::DIMENSION_WEEK, "2025-W07");
  FillNps(g->mutable_nps(), 120, 42.5);
  FillProportion(g->mutable_csat(), 80, 81.25);
  FillProportion(g->mutable_ces(), 60, 70);
  FillProportion(g->mutable_ves()->mutable_score(), 40, 55.5);
  g->mutable_ves()->set_ability_mean(4.1);
  g->mutable_ves()->set_confidence_mean(3.7);
  v1::ServiceStats* s = g->mutable_service();
  s->set_interactions(300);
  s->set_closed(280);
  s->mutable_time_to_close()->set_mean(90000);
  s->mutable_time_to_close()->set_p50(45000);
  s->mutable_time_to_close()->set_p90(190000);
  s->mutable_time_to_first_response()->set_mean(700);
  s->mutable_time_to_first_response()->set_p50(750);
  s->set_fcr_rate(72.5);
  s->set_reopen_rate(4.25);
  s->set_mean_transfers(0.3);
  FillDelta(g->mutable_comparison()->mutable_nps(), 20, 0.001, 90);
  FillDelta(g->mutable_comparison()->mutable_csat(), -3.5, 0.4, 70);
  FillDelta(g->mutable_comparison()->mutable_ces(), -12, 0.02, 50);

  g = response.add_groups();  // unattributed agent, empty numbers
  AddPart(g->mutable_key(), v1::DIMENSION_AGENT, nullptr);
  AddPart(g->mutable_key(), v1::DIMENSION_WEEK, "2025-W08");
  g->mutable_nps()->set_n(0);
  FillProportion(g->mutable_csat(), 3, 1.0 / 3.0 * 100);
  g->mutable_service()->set_interactions(2);
  return response;
}

v1::GetTrendResponse SampleTrend(bool grouped) {
  v1::GetTrendResponse response;
  for (const char* channel : {"email", static_cast<const char*>(nullptr)}) {
    v1::TrendSeries* series = response.add_series();
    if (grouped) AddPart(series->mutable_key(), v1::DIMENSION_CHANNEL, channel);
    double value = channel != nullptr ? 30 : -10;
    for (const char* period :
         {"2025-W05", "2025-W06", "2025-W07", "2025-W08"}) {
      v1::TrendPoint* point = series->add_points();
      point->set_period(period);
      if (std::string(period) == "2025-W06" && channel == nullptr) continue;
      point->set_n(50);
      point->set_value(value);
      point->set_ci_low(value - 11.5);
      point->set_ci_high(value + 10.25);
      point->set_promoters(45.5);
      point->set_passives(30);
      point->set_detractors(24.5);
      if (std::string(period) == "2025-W07") {
        point->set_change(channel != nullptr ? "drop" : "rise");
        point->set_p(0.0004);
      } else {
        point->set_p(0.25);
      }
      value += channel != nullptr ? -7.5 : 12.0;
    }
    if (!grouped) break;
  }
  return response;
}

void FillDrivers(
    google::protobuf::RepeatedPtrField<v1::DriverPair>* pairs,
    google::protobuf::RepeatedPtrField<v1::MetricStrength>* ranking,
    double shift) {
  v1::DriverPair* pair = pairs->Add();
  pair->set_metric(v1::METRIC_CSAT);
  pair->set_kpi(v1::KPI_TIME_TO_CLOSE);
  pair->set_n(400);
  pair->set_rho(-0.42 + shift);
  pair->set_ci_low(-0.5 + shift);
  pair->set_ci_high(-0.33 + shift);
  pair->set_p(0.00001);
  pair->set_q(0.00004);
  pair->set_significant(true);
  pair = pairs->Add();
  pair->set_metric(v1::METRIC_NPS);
  pair->set_kpi(v1::KPI_TRANSFERS);
  pair->set_n(12);
  pair->set_rho(0.001);
  pair->set_ci_low(-0.25);
  pair->set_ci_high(0.3);
  pair->set_p(0.3456);
  pair->set_q(0.6);
  pair = pairs->Add();  // no data
  pair->set_metric(v1::METRIC_VES);
  pair->set_kpi(v1::KPI_REOPENS);
  pair->set_p(1);
  pair->set_q(1);
  v1::MetricStrength* entry = ranking->Add();
  entry->set_metric(v1::METRIC_CSAT);
  entry->set_kpi(v1::KPI_TIME_TO_CLOSE);
  entry->set_strength(0.33 - shift);
  entry = ranking->Add();
  entry->set_metric(v1::METRIC_NPS);
  entry->set_kpi(v1::KPI_UNSPECIFIED);
  entry->set_strength(0);
}

v1::GetDriversResponse SampleDrivers() {
  v1::GetDriversResponse response;
  FillDrivers(response.mutable_pairs(), response.mutable_ranking(), 0);
  response.set_verdict("CSAT moves most with time to close.");
  return response;
}

v1::GetDriversResponse SampleDriverGroups() {
  v1::GetDriversResponse response;
  v1::DriverGroup* group = response.add_groups();
  AddPart(group->mutable_key(), v1::DIMENSION_ATTRIBUTE, "pro", "plan");
  FillDrivers(group->mutable_pairs(), group->mutable_ranking(), 0.05);
  group->set_verdict("CSAT moves most with time to close.");
  group = response.add_groups();
  AddPart(group->mutable_key(), v1::DIMENSION_ATTRIBUTE, "", "plan");
  return response;
}

void AddAgent(v1::RankAgentsResponse& response, const std::string& id,
              uint64_t n, double value, double low, double high,
              double adjusted) {
  v1::AgentRank* a = response.add_agents();
  a->set_agent(id);
  a->set_n(n);
  a->set_value(value);
  a->set_ci_low(low);
  a->set_ci_high(high);
  a->set_adjusted(adjusted);
}

v1::RankAgentsResponse SampleAgents() {
  v1::RankAgentsResponse response;
  AddAgent(response, "veteran", 300, 60, 51.5, 67.75, 58.25);
  AddAgent(response, "", 2, 100, -9.6, 100, 43.1);
  AddAgent(response, "struggling, \"new\"", 80, -20, -38, -1.5, -12.4);
  response.add_agents()->set_agent("quiet");
  response.add_needs_attention("struggling, \"new\"");
  v1::AgentRank* all = response.mutable_selection();
  all->set_n(382);
  all->set_value(42);
  all->set_ci_low(35);
  all->set_ci_high(48);
  response.set_prior_strength(25.3);
  response.set_prior_fitted(true);
  return response;
}

class QueryGoldenTest : public testing::Test {
 protected:
  template <typename Options>
  Options Defaults(OutputFormat format) {
    Options options;
    options.server = server_.address();
    options.format = format;
    return options;
  }

  // Runs `run` once per format and compares stdout with NAME.FORMAT.
  template <typename Run>
  void ExpectEveryFormat(const std::string& name, Run run) {
    for (const Format& f : kFormats) {
      std::ostringstream out, err;
      EXPECT_EQ(run(f.format, out, err), 0) << name << " " << f.name;
      EXPECT_EQ(err.str(), "") << name << " " << f.name;
      ExpectMatchesGolden(kDir, absl::StrCat(name, ".", f.name), out.str());
    }
  }

  FakeServer server_;
  std::unique_ptr<v1::CxScore::Stub> stub_ = server_.NewStub();
};

TEST_F(QueryGoldenTest, ScoresByAgentAndWeek) {
  server_.service().scores_response = SampleScores();
  ExpectEveryFormat(
      "scores.by-agent-week",
      [&](OutputFormat format, std::ostream& out, std::ostream& err) {
        auto options = Defaults<ScoresCommandOptions>(format);
        options.query.by = {"agent,week"};
        return RunScoresCommand(*stub_, options, out, err);
      });
}

TEST_F(QueryGoldenTest, ScoresCompare) {
  server_.service().scores_response = SampleScores();
  ExpectEveryFormat(
      "scores.compare",
      [&](OutputFormat format, std::ostream& out, std::ostream& err) {
        auto options = Defaults<ScoresCommandOptions>(format);
        options.query.by = {"agent", "week"};
        options.query.selection.from = "2025-02-01";
        options.query.selection.to = "2025-02-28";
        options.query.compare = "previous";
        return RunScoresCommand(*stub_, options, out, err);
      });
}

TEST_F(QueryGoldenTest, ScoresUngroupedAndEmpty) {
  v1::GetScoresResponse response;
  *response.add_groups() = SampleScores().groups(0);
  response.mutable_groups(0)->clear_key();
  server_.service().scores_response = response;
  ExpectEveryFormat("scores.all", [&](OutputFormat format, std::ostream& out,
                                      std::ostream& err) {
    return RunScoresCommand(*stub_, Defaults<ScoresCommandOptions>(format), out,
                            err);
  });
  server_.service().scores_response.Clear();
  ExpectEveryFormat("scores.empty", [&](OutputFormat format, std::ostream& out,
                                        std::ostream& err) {
    auto options = Defaults<ScoresCommandOptions>(format);
    options.query.by = {"team"};
    return RunScoresCommand(*stub_, options, out, err);
  });
  ExpectEveryFormat(
      "scores.empty-compare",
      [&](OutputFormat format, std::ostream& out, std::ostream& err) {
        auto options = Defaults<ScoresCommandOptions>(format);
        options.query.selection.from = "2025-02-01";
        options.query.selection.to = "2025-02-28";
        options.query.compare = "previous";
        return RunScoresCommand(*stub_, options, out, err);
      });
}

TEST_F(QueryGoldenTest, ScoresBySegment) {
  v1::GetScoresResponse response = SampleScores();
  for (v1::GroupScores& group : *response.mutable_groups()) {
    group.clear_key();
    AddPart(group.mutable_key(), v1::DIMENSION_ATTRIBUTE, "pro", "plan");
  }
  response.mutable_groups(1)->mutable_key(0)->set_value("");
  server_.service().scores_response = response;
  ExpectEveryFormat(
      "scores.by-attr",
      [&](OutputFormat format, std::ostream& out, std::ostream& err) {
        auto options = Defaults<ScoresCommandOptions>(format);
        options.query.by = {"attr.plan"};
        return RunScoresCommand(*stub_, options, out, err);
      });
}

TEST_F(QueryGoldenTest, TrendNpsByChannel) {
  server_.service().trend_response = SampleTrend(/*grouped=*/true);
  ExpectEveryFormat(
      "trend.nps-by-channel",
      [&](OutputFormat format, std::ostream& out, std::ostream& err) {
        auto options = Defaults<TrendCommandOptions>(format);
        options.query.metric = "nps";
        options.query.interval = "week";
        options.query.by = {"channel"};
        return RunTrendCommand(*stub_, options, out, err);
      });
}

TEST_F(QueryGoldenTest, TrendCsatAndEmpty) {
  server_.service().trend_response = SampleTrend(/*grouped=*/false);
  ExpectEveryFormat("trend.csat", [&](OutputFormat format, std::ostream& out,
                                      std::ostream& err) {
    auto options = Defaults<TrendCommandOptions>(format);
    options.query.metric = "csat";
    options.query.interval = "week";
    return RunTrendCommand(*stub_, options, out, err);
  });
  server_.service().trend_response.Clear();
  ExpectEveryFormat("trend.empty", [&](OutputFormat format, std::ostream& out,
                                       std::ostream& err) {
    auto options = Defaults<TrendCommandOptions>(format);
    options.query.metric = "nps";
    options.query.interval = "month";
    options.query.by = {"agent"};
    return RunTrendCommand(*stub_, options, out, err);
  });
}

TEST_F(QueryGoldenTest, Drivers) {
  server_.service().drivers_response = SampleDrivers();
  ExpectEveryFormat("drivers", [&](OutputFormat format, std::ostream& out,
                                   std::ostream& err) {
    return RunDriversCommand(*stub_, Defaults<DriversCommandOptions>(format),
                             out, err);
  });
  server_.service().drivers_response.Clear();
  ExpectEveryFormat("drivers.empty", [&](OutputFormat format, std::ostream& out,
                                         std::ostream& err) {
    return RunDriversCommand(*stub_, Defaults<DriversCommandOptions>(format),
                             out, err);
  });
}

TEST_F(QueryGoldenTest, DriversBySegment) {
  server_.service().drivers_response = SampleDriverGroups();
  ExpectEveryFormat(
      "drivers.by-attr",
      [&](OutputFormat format, std::ostream& out, std::ostream& err) {
        auto options = Defaults<DriversCommandOptions>(format);
        options.query.by = {"attr.plan"};
        return RunDriversCommand(*stub_, options, out, err);
      });
  server_.service().drivers_response.Clear();
  ExpectEveryFormat(
      "drivers.by-attr-empty",
      [&](OutputFormat format, std::ostream& out, std::ostream& err) {
        auto options = Defaults<DriversCommandOptions>(format);
        options.query.by = {"attr.plan"};
        return RunDriversCommand(*stub_, options, out, err);
      });
}

TEST_F(QueryGoldenTest, Agents) {
  server_.service().agents_response = SampleAgents();
  ExpectEveryFormat(
      "agents", [&](OutputFormat format, std::ostream& out, std::ostream& err) {
        auto options = Defaults<AgentsCommandOptions>(format);
        options.query.rank_by = "nps";
        return RunAgentsCommand(*stub_, options, out, err);
      });
  v1::RankAgentsResponse unfitted;
  unfitted.set_prior_strength(2);
  server_.service().agents_response = unfitted;
  ExpectEveryFormat("agents.empty", [&](OutputFormat format, std::ostream& out,
                                        std::ostream& err) {
    auto options = Defaults<AgentsCommandOptions>(format);
    options.query.rank_by = "ces";
    return RunAgentsCommand(*stub_, options, out, err);
  });
}

// stdout (the summary), stderr (the rejected rows) and the rejects file.
TEST_F(QueryGoldenTest, ImportSummary) {
  std::string csv = "response_id,submitted_at,nps,comment\n";
  for (int i = 0; i < 14; ++i) {
    absl::StrAppend(&csv,
                    i % 3 == 0   ? "bad"
                    : i % 3 == 1 ? "dup"
                                 : "ok",
                    i, ",2025-02-13T09:30:00Z,", i % 11,
                    ",\"fine, \"\"really\"\"\"\n");
  }
  absl::StrAppend(&csv, "r-x,not a time,7,\n");
  const std::string dir = testing::TempDir();
  const std::string input = dir + "/golden-import.csv";
  const std::string rejects = dir + "/golden-import.rejects.csv";
  std::ofstream(input, std::ios::binary) << csv;
  ImportCommandOptions options;
  options.import.server = server_.address();
  options.import.batch_size = 4;
  options.path = input;
  options.rejects_path = rejects;
  std::istringstream std_in;
  std::ostringstream out, err;
  EXPECT_EQ(RunImportCommand(*stub_, options, std_in, out, err), 1);
  std::string stderr_text = err.str();
  // The input path is a temporary folder; keep only its name.
  for (size_t at; (at = stderr_text.find(dir)) != std::string::npos;)
    stderr_text.replace(at, dir.size(), "TMP");
  ExpectMatchesGolden(kDir, "import.stdout", out.str());
  ExpectMatchesGolden(kDir, "import.stderr", stderr_text);
  ExpectMatchesGolden(kDir, "import.rejects.csv", ReadFile(rejects));
  std::filesystem::remove(input);
  std::filesystem::remove(rejects);
}

}  // namespace
}  // namespace cxscore::client
