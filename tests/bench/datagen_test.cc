#include "bench/datagen/datagen.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "bench/datagen/csv.h"
#include "core/validation.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cxscore::bench {
namespace {

using ::cxscore::testing::IsOk;
using ::testing::Not;

DataGenOptions Small(int64_t n, uint64_t seed = 1) {
  DataGenOptions o;
  o.n = n;
  o.agents = 200;
  o.seed = seed;
  return o;
}

TEST(DataGenTest, SameSeedSameData) {
  const DataGenerator a(Small(5000)), b(Small(5000));
  Interaction ia, ib;
  SurveyResponse ra, rb;
  for (int64_t i : {0, 1, 17, 2500, 4999}) {
    a.Generate(i, &ia, &ra);
    b.Generate(i, &ib, &rb);
    EXPECT_EQ(ia, ib) << i;
    EXPECT_EQ(ra, rb) << i;
  }
}

TEST(DataGenTest, OrderOfGenerationDoesNotMatter) {
  const DataGenerator gen(Small(1000));
  Interaction first, again;
  SurveyResponse r1, r2;
  gen.Generate(500, &first, &r1);
  for (int64_t i = 999; i >= 0; --i) gen.Generate(i, &again, &r2);
  gen.Generate(500, &again, &r2);
  EXPECT_EQ(first, again);
  EXPECT_EQ(r1, r2);
}

TEST(DataGenTest, OtherSeedOtherData) {
  const DataGenerator a(Small(1000, 1)), b(Small(1000, 2));
  int same = 0;
  Interaction ia, ib;
  SurveyResponse ra, rb;
  for (int64_t i = 0; i < 100; ++i) {
    a.Generate(i, &ia, &ra);
    b.Generate(i, &ib, &rb);
    same += ra == rb;
  }
  EXPECT_EQ(same, 0);
}

TEST(DataGenTest, RecordsAreValidAndLinked) {
  const DataGenerator gen(Small(20000));
  Interaction it;
  SurveyResponse r;
  absl::Time previous_open = absl::InfinitePast();
  for (int64_t i = 0; i < 20000; ++i) {
    gen.Generate(i, &it, &r);
    ASSERT_EQ(ValidateInteraction(it), std::nullopt) << it.interaction_id;
    ASSERT_EQ(ValidateResponse(r), std::nullopt) << r.response_id;
    EXPECT_EQ(r.interaction_id, it.interaction_id);
    EXPECT_EQ(r.agent_id, it.agent_id);
    EXPECT_EQ(r.team_id, it.team_id);
    EXPECT_EQ(r.channel, it.channel);
    EXPECT_TRUE(r.comment.empty());
    EXPECT_GE(it.opened_at, previous_open) << "opened_at is ordered by index";
    previous_open = it.opened_at;
    EXPECT_GE(it.opened_at, gen.options().start);
    EXPECT_LT(it.opened_at, gen.end());
    if (it.closed_at) {
      EXPECT_GE(*it.closed_at, it.opened_at);
      EXPECT_LT(*it.closed_at, gen.end());
      EXPECT_GT(r.submitted_at, *it.closed_at);
    }
  }
  EXPECT_EQ(r.response_id, "r000019999");
  EXPECT_EQ(it.interaction_id, "i000019999");
}

TEST(DataGenTest, DimensionsStayInRange) {
  DataGenOptions o = Small(5000);
  o.agents = 30;
  o.teams = 4;
  o.channels = 8;
  const DataGenerator gen(o);
  EXPECT_EQ(gen.teams(), 4);
  EXPECT_EQ(gen.ChannelName(0), "email");
  EXPECT_EQ(gen.ChannelName(7), "channel8");
  std::set<std::string> agents, teams, channels;
  int unattributed = 0;
  Interaction it;
  SurveyResponse r;
  for (int64_t i = 0; i < o.n; ++i) {
    gen.Generate(i, &it, &r);
    if (it.agent_id.empty()) {
      ++unattributed;
      EXPECT_TRUE(it.team_id.empty());
      continue;
    }
    agents.insert(it.agent_id);
    teams.insert(it.team_id);
    channels.insert(it.channel);
  }
  EXPECT_EQ(agents.size(), 30u);
  EXPECT_EQ(teams.size(), 4u);
  EXPECT_EQ(channels.size(), 8u);
  EXPECT_GT(unattributed, 0);
  EXPECT_LT(unattributed, o.n / 50);
}

TEST(DataGenTest, RejectsBadOptions) {
  DataGenOptions o;
  o.agents = 0;
  EXPECT_THAT(ValidateOptions(o), Not(IsOk()));
  o = DataGenOptions();
  o.teams = o.agents + 1;
  EXPECT_THAT(ValidateOptions(o), Not(IsOk()));
  o = DataGenOptions();
  o.days = 0;
  EXPECT_THAT(ValidateOptions(o), Not(IsOk()));
  EXPECT_OK(ValidateOptions(DataGenOptions()));
}

// Spearman rank correlation (average ranks for ties).
double Spearman(const std::vector<double>& x, const std::vector<double>& y) {
  auto ranks = [](const std::vector<double>& v) {
    std::vector<size_t> order(v.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
    std::vector<double> r(v.size());
    for (size_t i = 0; i < order.size();) {
      size_t j = i;
      while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
      for (size_t k = i; k <= j; ++k) r[order[k]] = (i + j) / 2.0;
      i = j + 1;
    }
    return r;
  };
  const std::vector<double> a = ranks(x), b = ranks(y);
  const double ma = std::accumulate(a.begin(), a.end(), 0.0) / a.size();
  const double mb = std::accumulate(b.begin(), b.end(), 0.0) / b.size();
  double sab = 0, saa = 0, sbb = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return sab / std::sqrt(saa * sbb);
}

// The data is deterministic, so these are fixed numbers, not flaky
// statistics: the model's intent (CES depends strongly on time to close,
// CSAT weakly, NPS not at all) and plausible marginals.
TEST(DataGenTest, ScoresDependOnTimeToCloseAsDesigned) {
  const DataGenerator gen(Small(40000));
  std::vector<double> ttc_nps, nps, ttc_csat, csat, ttc_ces, ces;
  int promoters = 0, detractors = 0, satisfied = 0, easy = 0;
  Interaction it;
  SurveyResponse r;
  for (int64_t i = 0; i < gen.options().n; ++i) {
    gen.Generate(i, &it, &r);
    if (!it.closed_at) continue;
    const double ttc = absl::ToDoubleSeconds(*it.closed_at - it.opened_at);
    if (r.nps) {
      ttc_nps.push_back(ttc);
      nps.push_back(*r.nps);
      promoters += *r.nps >= 9;
      detractors += *r.nps <= 6;
    }
    if (r.csat) {
      ttc_csat.push_back(ttc);
      csat.push_back(*r.csat);
      satisfied += *r.csat >= 4;
    }
    if (r.ces) {
      ttc_ces.push_back(ttc);
      ces.push_back(*r.ces);
      easy += *r.ces >= 5;
    }
  }
  EXPECT_LT(std::abs(Spearman(ttc_nps, nps)), 0.03);
  EXPECT_LT(Spearman(ttc_csat, csat), -0.1);
  EXPECT_GT(Spearman(ttc_csat, csat), -0.35);
  EXPECT_LT(Spearman(ttc_ces, ces), -0.5);
  const double nps_value = 100.0 * (promoters - detractors) / nps.size();
  EXPECT_GT(nps_value, 0);
  EXPECT_LT(nps_value, 25);
  EXPECT_GT(100.0 * satisfied / csat.size(), 70);
  EXPECT_GT(100.0 * easy / ces.size(), 55);
}

TEST(CsvTest, Rfc3339) {
  std::string s;
  AppendRfc3339(absl::FromUnixSeconds(1735689600), &s);
  EXPECT_EQ(s, "2025-01-01T00:00:00Z");
  s.clear();
  AppendRfc3339(absl::FromUnixSeconds(951782400 + 86399), &s);  // leap day
  EXPECT_EQ(s, "2000-02-29T23:59:59Z");
  s.clear();
  AppendRfc3339(absl::FromUnixSeconds(-1), &s);
  EXPECT_EQ(s, "1969-12-31T23:59:59Z");
}

TEST(CsvTest, Rows) {
  SurveyResponse r;
  r.response_id = "r1";
  r.interaction_id = "t1";
  r.agent_id = "ann";
  r.channel = "chat";
  r.submitted_at = absl::FromUnixSeconds(1741000000);
  r.nps = 9;
  r.ces = 6;
  r.comment = "said \"hi\", twice";
  std::string row;
  AppendCsvRow(r, &row);
  EXPECT_EQ(row, "r1,t1,ann,,chat,,2025-03-03T11:06:40Z,9,,6,,,\"said \"\"hi\"\", twice\"\n");
  EXPECT_EQ(ResponsesCsvHeader(),
            "response_id,interaction_id,agent_id,team_id,channel,customer_id,"
            "submitted_at,nps,csat,ces,ves_ability,ves_confidence,comment\n");

  Interaction it;
  it.interaction_id = "t1";
  it.opened_at = absl::FromUnixSeconds(1741000000);
  it.closed_at = absl::FromUnixSeconds(1741003600);
  it.reopens = 0;
  it.first_contact_resolution = true;
  row.clear();
  AppendCsvRow(it, &row);
  EXPECT_EQ(row, "t1,,,,,2025-03-03T11:06:40Z,,2025-03-03T12:06:40Z,0,,true\n");
}

}  // namespace
}  // namespace cxscore::bench
