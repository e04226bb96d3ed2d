#include "core/scores.h"

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/calendar.h"
#include "core/records.h"
#include "core/rollup.h"
#include "core/validation.h"
#include "gtest/gtest.h"
#include "tests/core/csv_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cxscore {
namespace {

using ::cxscore::testing::CsvRow;
using ::cxscore::testing::Integer;
using ::cxscore::testing::Number;
using ::cxscore::testing::ReadFixture;

// R prints 15 significant digits.
constexpr double kRTolerance = 1e-9;

// Two-sided 97.5% quantiles of Student's t from printed tables.
constexpr double kT975Df1 = 12.706204736174707;
constexpr double kT975Df9 = 2.262157162740991;

std::vector<CsvRow> Fixture(const std::string& file) {
  absl::StatusOr<std::vector<CsvRow>> rows = ReadFixture(file);
  EXPECT_OK(rows);
  if (!rows.ok()) return {};
  EXPECT_FALSE(rows->empty()) << file;
  return *std::move(rows);
}

NpsCounts Counts(int64_t d, int64_t p, int64_t r) {
  NpsCounts c;
  c.detractors = d;
  c.passives = p;
  c.promoters = r;
  return c;
}

NpsCounts CountsOf(const CsvRow& row, const std::string& prefix = "") {
  const std::string det = prefix.empty() ? "detractors" : prefix + "det";
  const std::string pas = prefix.empty() ? "passives" : prefix + "pas";
  const std::string pro = prefix.empty() ? "promoters" : prefix + "pro";
  return Counts(Integer(row, det), Integer(row, pas), Integer(row, pro));
}

SurveyResponse NpsResponse(int32_t score, absl::Time at) {
  SurveyResponse r;
  r.response_id = "R";
  r.submitted_at = at;
  r.nps = score;
  return r;
}

const absl::Time kNoon = absl::FromCivil(
    absl::CivilSecond(2025, 2, 13, 12, 0, 0), absl::UTCTimeZone());

// ---- metrics.md reference table -------------------------------------------

struct DocVector {
  NpsCounts counts;
  double nps;
  std::optional<double> var, se;
  std::optional<Interval> wald, adjusted;
};

TEST(EstimateNpsTest, MatchesTheMetricsMdTable) {
  const DocVector vectors[] = {
      {Counts(1, 2, 3), 0.3333, 5.0 / 9, 0.304, Interval{-0.2631, 0.9297},
       Interval{-0.2674, 0.7119}},
      {Counts(1, 0, 1), 0, 1, 0.707, std::nullopt, std::nullopt},
      {Counts(0, 1, 1), 0.5, 0.25, 0.354, std::nullopt, std::nullopt},
      {Counts(1, 1, 1), 0, 2.0 / 3, 0.471, std::nullopt, std::nullopt},
      {Counts(10, 20, 70), 0.6, std::nullopt, std::nullopt,
       Interval{0.4700, 0.7300}, Interval{0.4527, 0.7124}},
      {Counts(20, 30, 50), 0.3, std::nullopt, std::nullopt,
       Interval{0.1469, 0.4531}, Interval{0.1405, 0.4420}},
      // The Wald interval leaves [-1, 1]; only adjusted Wald is clipped.
      {Counts(2, 0, 9), 0.6364, std::nullopt, std::nullopt,
       Interval{0.1805, 1.0922}, Interval{0.0800, 0.9200}},
  };
  for (const DocVector& v : vectors) {
    SCOPED_TRACE(::testing::Message()
                 << v.counts.detractors << "/" << v.counts.passives << "/"
                 << v.counts.promoters);
    const NpsEstimate wald = EstimateNps(v.counts, NpsIntervalMethod::kWald);
    const NpsEstimate adj =
        EstimateNps(v.counts, NpsIntervalMethod::kAdjustedWald);
    EXPECT_NEAR(wald.nps, v.nps, 5e-5);
    EXPECT_NEAR(adj.nps, v.nps, 5e-5);  // the point value stays raw
    if (v.var) {
      EXPECT_NEAR(wald.variance, *v.var, 1e-12);
    }
    if (v.se) {
      EXPECT_NEAR(wald.se, *v.se, 5e-4);
    }
    EXPECT_EQ(adj.variance, wald.variance);
    EXPECT_EQ(adj.se, wald.se);
    if (v.wald) {
      EXPECT_NEAR(wald.ci.low, v.wald->low, 5e-5);
      EXPECT_NEAR(wald.ci.high, v.wald->high, 5e-5);
    }
    if (v.adjusted) {
      EXPECT_NEAR(adj.ci.low, v.adjusted->low, 5e-5);
      EXPECT_NEAR(adj.ci.high, v.adjusted->high, 5e-5);
    }
  }
}

TEST(CompareNpsTest, MatchesTheMetricsMdTwoSampleVector) {
  const TwoSampleResult r = CompareNps(Counts(10, 20, 70), Counts(20, 30, 50));
  EXPECT_NEAR(r.delta, 0.30, 1e-12);
  EXPECT_NEAR(r.se, 0.10247, 5e-6);
  EXPECT_NEAR(r.p, 0.00341, 5e-6);
  EXPECT_NEAR(r.ci.low, 0.0992, 5e-5);
  EXPECT_NEAR(r.ci.high, 0.5008, 5e-5);
}

TEST(WilsonIntervalTest, MatchesTheMetricsMdVectors) {
  const Interval a = WilsonInterval(8, 10);
  EXPECT_NEAR(a.low, 0.490, 5e-4);
  EXPECT_NEAR(a.high, 0.943, 5e-4);
  const Interval b = WilsonInterval(85, 100);
  EXPECT_NEAR(b.low, 0.767, 5e-4);
  EXPECT_NEAR(b.high, 0.907, 5e-4);
}

TEST(WilsonIntervalTest, StaysInsideZeroToOne) {
  for (int64_t n : {1, 2, 10, 1000}) {
    const Interval none = WilsonInterval(0, n);
    const Interval all = WilsonInterval(n, n);
    EXPECT_EQ(none.low, 0);
    EXPECT_GT(none.high, 0);
    EXPECT_EQ(all.high, 1);
    EXPECT_LT(all.low, 1);
    // Symmetry: k of n successes mirrors n - k.
    const Interval k = WilsonInterval(n / 3, n);
    const Interval mirror = WilsonInterval(n - n / 3, n);
    EXPECT_NEAR(k.low, 1 - mirror.high, 1e-12);
  }
  const Interval empty = WilsonInterval(0, 0);
  EXPECT_EQ(empty.low, 0);
  EXPECT_EQ(empty.high, 1);
}

TEST(EstimateNpsTest, ZeroResponsesGiveNaNNotACrash) {
  const NpsEstimate e = EstimateNps(NpsCounts{}, NpsIntervalMethod::kWald);
  EXPECT_TRUE(std::isnan(e.nps));
  EXPECT_TRUE(std::isnan(CompareNps(NpsCounts{}, Counts(1, 1, 1)).delta));
}

// ---- R package NPS vectors (tests/core/testdata/) --------------------------

TEST(EstimateNpsTest, MatchesROneSampleVectors) {
  const std::vector<CsvRow> rows = Fixture("one_sample_vectors.csv");
  EXPECT_EQ(rows.size(), 23u);
  for (const CsvRow& row : rows) {
    SCOPED_TRACE(row.at("case"));
    const NpsCounts c = CountsOf(row);
    ASSERT_EQ(c.n(), Integer(row, "n"));
    const NpsEstimate wald = EstimateNps(c, NpsIntervalMethod::kWald);
    const NpsEstimate adj = EstimateNps(c, NpsIntervalMethod::kAdjustedWald);
    EXPECT_NEAR(wald.nps, Number(row, "nps"), kRTolerance);
    EXPECT_NEAR(wald.variance, Number(row, "var"), kRTolerance);
    EXPECT_NEAR(wald.se, Number(row, "se"), kRTolerance);
    EXPECT_NEAR(wald.se, Number(row, "wald_se"), kRTolerance);
    EXPECT_NEAR(wald.ci.low, Number(row, "wald_lo"), kRTolerance);
    EXPECT_NEAR(wald.ci.high, Number(row, "wald_hi"), kRTolerance);
    EXPECT_NEAR(wald.p, Number(row, "wald_p"), kRTolerance);
    // R leaves the adjusted interval unclipped (3/0/0 gives -1.066);
    // metrics.md clips it to [-1, 1].
    EXPECT_NEAR(adj.ci.low, std::max(-1.0, Number(row, "adjwald_lo")),
                kRTolerance);
    EXPECT_NEAR(adj.ci.high, std::min(1.0, Number(row, "adjwald_hi")),
                kRTolerance);
    EXPECT_NEAR(adj.p, Number(row, "adjwald_p"), kRTolerance);
    EXPECT_EQ(adj.nps, wald.nps);
    // iter_lo/iter_hi (R's iterative interval) are not a cxscore method.
  }
}

TEST(CompareNpsTest, MatchesRTwoSampleVectors) {
  const std::vector<CsvRow> rows = Fixture("two_sample_vectors.csv");
  EXPECT_EQ(rows.size(), 12u);
  for (const CsvRow& row : rows) {
    SCOPED_TRACE(row.at("case") + " " + row.at("test"));
    const NpsCounts x = CountsOf(row, "x_");
    const NpsCounts y = CountsOf(row, "y_");
    EXPECT_NEAR(EstimateNps(x, NpsIntervalMethod::kWald).nps,
                Number(row, "nps_x"), kRTolerance);
    EXPECT_NEAR(EstimateNps(y, NpsIntervalMethod::kWald).nps,
                Number(row, "nps_y"), kRTolerance);

    const std::string& test = row.at("test");
    ASSERT_TRUE(test == "wald" || test == "adjusted.wald") << test;
    // metrics.md defines the Wald test; "adjusted.wald" is R's composition
    // of the documented one-sample pseudo-counts with that test.
    const TwoSampleResult r =
        test == "wald" ? CompareNps(x, y)
                       : CompareNps(x, y, NpsIntervalMethod::kAdjustedWald);
    // R reports |delta| and the interval around it; ours is for x - y.
    const double sign = r.delta < 0 ? -1 : 1;
    EXPECT_NEAR(std::abs(r.delta), Number(row, "delta_hat_abs"), kRTolerance);
    EXPECT_NEAR(r.se, Number(row, "se_hat"), kRTolerance);
    EXPECT_NEAR(sign > 0 ? r.ci.low : -r.ci.high, Number(row, "lo"),
                kRTolerance);
    EXPECT_NEAR(sign > 0 ? r.ci.high : -r.ci.low, Number(row, "hi"),
                kRTolerance);
    EXPECT_NEAR(r.p, Number(row, "p"), kRTolerance);
    EXPECT_EQ(r.p < 0.05, row.at("sig") == "TRUE");
  }
}

TEST(EstimateNpsTest, MatchesRConfidenceLevelVectorAt95Percent) {
  // cxscore reports 95% intervals only; the other levels have no API.
  NpsCounts all;
  for (const CsvRow& row : Fixture("one_sample_vectors.csv")) {
    if (row.at("case") == "testdata$REC") all = CountsOf(row);
  }
  ASSERT_EQ(all.n(), 1000);
  int asserted = 0;
  for (const CsvRow& row : Fixture("conf_level_vectors.csv")) {
    if (Number(row, "conf") != 0.95) continue;
    const NpsEstimate e = EstimateNps(all, NpsIntervalMethod::kWald);
    EXPECT_NEAR(e.ci.low, Number(row, "lo"), kRTolerance);
    EXPECT_NEAR(e.ci.high, Number(row, "hi"), kRTolerance);
    EXPECT_NEAR(e.p, Number(row, "p"), kRTolerance);
    ++asserted;
  }
  EXPECT_EQ(asserted, 1);
}

TEST(EstimateNpsTest, MatchesRRawScoreVectorsThroughTheRollup) {
  int asserted = 0;
  for (const CsvRow& row : Fixture("raw_score_vectors.csv")) {
    SCOPED_TRACE(row.at("case"));
    // cxscore's NPS scale is fixed at 0..10 (breaks 0 6 8 10).
    if (row.at("breaks") != "0 6 8 10") continue;
    // R refuses NA in these rows; in cxscore an unanswered NPS question is
    // an absent score (UnansweredNpsDoesNotCount below).
    if (absl::StartsWith(row.at("nps"), "ERROR")) continue;
    RollupCounts cell;
    for (absl::string_view token : absl::StrSplit(row.at("scores"), ' ')) {
      int32_t score = 0;
      ASSERT_TRUE(absl::SimpleAtoi(token, &score)) << token;
      const SurveyResponse r = NpsResponse(score, kNoon);
      const std::optional<Violation> v = ValidateResponse(r);
      // R drops out-of-range scores as NA (na.rm); cxscore refuses them.
      if (score < 0 || score > 10) {
        ASSERT_TRUE(v.has_value()) << score;
        EXPECT_EQ(v->field, "nps");
        continue;
      }
      ASSERT_EQ(v, std::nullopt) << score;
      cell.AddAll(ContributionOf(r));
    }
    const NpsEstimate e =
        EstimateNps(NpsCountsOf(cell.scores), NpsIntervalMethod::kWald);
    EXPECT_NEAR(e.nps, Number(row, "nps"), kRTolerance);
    EXPECT_NEAR(e.variance, Number(row, "var"), kRTolerance);
    EXPECT_NEAR(e.se, Number(row, "se"), kRTolerance);
    ++asserted;
  }
  EXPECT_EQ(asserted, 9);
}

TEST(NpsCountsOfTest, MatchesRCategories) {
  const std::vector<CsvRow> rows = Fixture("npc_categories.csv");
  EXPECT_EQ(rows.size(), 13u);
  for (const CsvRow& row : rows) {
    const int32_t score = static_cast<int32_t>(Integer(row, "score"));
    const std::string& category = row.at("category");
    SCOPED_TRACE(score);
    const SurveyResponse r = NpsResponse(score, kNoon);
    if (category == "NA") {
      const std::optional<Violation> v = ValidateResponse(r);
      ASSERT_TRUE(v.has_value());
      EXPECT_EQ(v->field, "nps");
      continue;
    }
    ASSERT_EQ(ValidateResponse(r), std::nullopt);
    const NpsCounts c = NpsCountsOf(ContributionOf(r).scores);
    EXPECT_EQ(c.n(), 1);
    EXPECT_EQ(c.detractors, category == "Detractor" ? 1 : 0);
    EXPECT_EQ(c.passives, category == "Passive" ? 1 : 0);
    EXPECT_EQ(c.promoters, category == "Promoter" ? 1 : 0);
  }
}

// Responses placed on days across each month, rolled up by PeriodKey, must
// reproduce R's per-month figures, and the months together the whole year.
TEST(EstimateNpsTest, MatchesRMonthlyVectorsThroughCalendarAndRollup) {
  const std::vector<CsvRow> months = Fixture("testdata_monthly_nps.csv");
  ASSERT_EQ(months.size(), 12u);
  std::map<std::string, RollupCounts> cells;
  for (const CsvRow& row : months) {
    const std::vector<std::string> ym = absl::StrSplit(row.at("month"), '-');
    ASSERT_EQ(ym.size(), 2u);
    int year = 0, month = 0;
    ASSERT_TRUE(absl::SimpleAtoi(ym[0], &year));
    ASSERT_TRUE(absl::SimpleAtoi(ym[1], &month));
    const NpsCounts c = CountsOf(row);
    ASSERT_EQ(c.n(), Integer(row, "n"));
    int64_t i = 0;
    auto add = [&](int64_t count, int low, int high) {
      for (int64_t k = 0; k < count; ++k, ++i) {
        const absl::CivilSecond at(year, month, 1 + i % 28, i % 24, 59, 59);
        const SurveyResponse r =
            NpsResponse(low + static_cast<int>(k % (high - low + 1)),
                        absl::FromCivil(at, absl::UTCTimeZone()));
        ASSERT_EQ(ValidateResponse(r), std::nullopt);
        cells[PeriodKey(Period::kMonth, DayNumberOf(r.submitted_at))].AddAll(
            ContributionOf(r));
      }
    };
    add(c.detractors, 0, 6);
    add(c.passives, 7, 8);
    add(c.promoters, 9, 10);
  }
  ASSERT_EQ(cells.size(), 12u);
  RollupCounts year;
  for (const CsvRow& row : months) {
    SCOPED_TRACE(row.at("month"));
    const RollupCounts& cell = cells[row.at("month")];
    const NpsCounts c = NpsCountsOf(cell.scores);
    EXPECT_EQ(c.detractors, Integer(row, "detractors"));
    EXPECT_EQ(c.passives, Integer(row, "passives"));
    EXPECT_EQ(c.promoters, Integer(row, "promoters"));
    const NpsEstimate e = EstimateNps(c, NpsIntervalMethod::kWald);
    EXPECT_NEAR(e.nps, Number(row, "nps"), kRTolerance);
    EXPECT_NEAR(e.se, Number(row, "se"), kRTolerance);
    year.AddAll(cell);
  }
  for (const CsvRow& row : Fixture("one_sample_vectors.csv")) {
    if (row.at("case") != "testdata$REC") continue;
    const NpsEstimate w =
        EstimateNps(NpsCountsOf(year.scores), NpsIntervalMethod::kWald);
    const NpsEstimate a =
        EstimateNps(NpsCountsOf(year.scores), NpsIntervalMethod::kAdjustedWald);
    EXPECT_NEAR(w.nps, Number(row, "nps"), kRTolerance);
    EXPECT_NEAR(w.se, Number(row, "se"), kRTolerance);
    EXPECT_NEAR(w.ci.low, Number(row, "wald_lo"), kRTolerance);
    EXPECT_NEAR(a.ci.high, Number(row, "adjwald_hi"), kRTolerance);
  }
}

// ---- Summarize -------------------------------------------------------------

RollupCounts CellOf(const std::vector<SurveyResponse>& responses) {
  RollupCounts cell;
  for (const SurveyResponse& r : responses) {
    EXPECT_EQ(ValidateResponse(r), std::nullopt);
    cell.AddAll(ContributionOf(r));
  }
  return cell;
}

SurveyResponse Scored(std::optional<int32_t> nps, std::optional<int32_t> csat,
                      std::optional<int32_t> ces,
                      std::optional<int32_t> ability = std::nullopt,
                      std::optional<int32_t> confidence = std::nullopt) {
  SurveyResponse r;
  r.response_id = "R";
  r.submitted_at = kNoon;
  r.nps = nps;
  r.csat = csat;
  r.ces = ces;
  r.ves_ability = ability;
  r.ves_confidence = confidence;
  return r;
}

// Sample mean and t(0.975) half-width by the textbook formula.
struct MeanCi {
  double mean, half;
};
MeanCi TextbookMean(const std::vector<double>& x, double t975) {
  double sum = 0;
  for (double v : x) sum += v;
  const double mean = sum / x.size();
  double ss = 0;
  for (double v : x) ss += (v - mean) * (v - mean);
  const double sd = std::sqrt(ss / (x.size() - 1));
  return {mean, t975 * sd / std::sqrt(static_cast<double>(x.size()))};
}

TEST(SummarizeTest, NothingHasAValueWhenNothingWasCounted) {
  const ScoreSummary s =
      Summarize(RollupCounts{}, NpsIntervalMethod::kAdjustedWald);
  EXPECT_EQ(s.nps.n, 0);
  EXPECT_EQ(s.nps.value, std::nullopt);
  EXPECT_EQ(s.nps.ci, std::nullopt);
  for (const ProportionScore* p : {&s.csat, &s.ces, &s.ves.score}) {
    EXPECT_EQ(p->n, 0);
    EXPECT_EQ(p->value, std::nullopt);
    EXPECT_EQ(p->ci, std::nullopt);
    EXPECT_EQ(p->mean, std::nullopt);
    EXPECT_EQ(p->mean_ci, std::nullopt);
  }
  EXPECT_EQ(s.ves.ability_mean, std::nullopt);
  EXPECT_EQ(s.ves.confidence_mean, std::nullopt);
  EXPECT_EQ(s.service.interactions, 0);
  EXPECT_EQ(s.service.time_to_close.mean, std::nullopt);
  EXPECT_EQ(s.service.time_to_close.p50, std::nullopt);
  EXPECT_EQ(s.service.time_to_first_response.p90, std::nullopt);
  EXPECT_EQ(s.service.fcr_rate, std::nullopt);
  EXPECT_EQ(s.service.reopen_rate, std::nullopt);
  EXPECT_EQ(s.service.mean_transfers, std::nullopt);
}

TEST(SummarizeTest, NpsIsOnTheHundredScaleWithTheChosenInterval) {
  // 10 detractors, 20 passives, 70 promoters: metrics.md's (10,20,70).
  std::vector<SurveyResponse> responses;
  for (int i = 0; i < 10; ++i) responses.push_back(Scored(i % 7, {}, {}));
  for (int i = 0; i < 20; ++i) responses.push_back(Scored(7 + i % 2, {}, {}));
  for (int i = 0; i < 70; ++i) responses.push_back(Scored(9 + i % 2, {}, {}));
  const RollupCounts cell = CellOf(responses);

  const ScoreSummary adj = Summarize(cell, NpsIntervalMethod::kAdjustedWald);
  EXPECT_EQ(adj.nps.n, 100);
  EXPECT_EQ(adj.nps.detractors, 10);
  EXPECT_EQ(adj.nps.passives, 20);
  EXPECT_EQ(adj.nps.promoters, 70);
  ASSERT_TRUE(adj.nps.value && adj.nps.ci);
  EXPECT_NEAR(*adj.nps.value, 60, 1e-9);
  EXPECT_NEAR(adj.nps.ci->low, 45.27, 5e-3);
  EXPECT_NEAR(adj.nps.ci->high, 71.24, 5e-3);

  const ScoreSummary wald = Summarize(cell, NpsIntervalMethod::kWald);
  EXPECT_NEAR(*wald.nps.value, 60, 1e-9);
  EXPECT_NEAR(wald.nps.ci->low, 47.00, 5e-3);
  EXPECT_NEAR(wald.nps.ci->high, 73.00, 5e-3);
  // Other metrics were not asked.
  EXPECT_EQ(wald.csat.n, 0);
  EXPECT_EQ(wald.csat.value, std::nullopt);
}

TEST(SummarizeTest, CsatIsTopTwoBoxWithWilsonAndAMeanWithT) {
  const std::vector<double> scores = {1, 2, 4, 4, 4, 4, 5, 5, 5, 5};
  std::vector<SurveyResponse> responses;
  for (double s : scores) {
    responses.push_back(Scored({}, static_cast<int32_t>(s), {}));
  }
  const ProportionScore csat =
      Summarize(CellOf(responses), NpsIntervalMethod::kAdjustedWald).csat;
  EXPECT_EQ(csat.n, 10);
  ASSERT_TRUE(csat.value && csat.ci && csat.mean && csat.mean_ci);
  EXPECT_NEAR(*csat.value, 80, 1e-9);
  EXPECT_NEAR(csat.ci->low, 49.0, 0.05);  // metrics.md: 8/10 -> (0.490, 0.943)
  EXPECT_NEAR(csat.ci->high, 94.3, 0.05);
  const MeanCi m = TextbookMean(scores, kT975Df9);
  EXPECT_NEAR(*csat.mean, 3.9, 1e-12);
  EXPECT_NEAR(csat.mean_ci->low, m.mean - m.half, 1e-9);
  EXPECT_NEAR(csat.mean_ci->high, m.mean + m.half, 1e-9);
}

TEST(SummarizeTest, CesCountsFiveToSevenAsEasy) {
  const std::vector<double> scores = {1, 4, 4, 5, 5, 5, 6, 7, 7, 7};
  std::vector<SurveyResponse> responses;
  for (double s : scores) {
    responses.push_back(Scored({}, {}, static_cast<int32_t>(s)));
  }
  const ProportionScore ces =
      Summarize(CellOf(responses), NpsIntervalMethod::kAdjustedWald).ces;
  EXPECT_EQ(ces.n, 10);
  EXPECT_NEAR(*ces.value, 70, 1e-9);
  const Interval w = WilsonInterval(7, 10);
  EXPECT_NEAR(ces.ci->low, 100 * w.low, 1e-9);
  EXPECT_NEAR(ces.ci->high, 100 * w.high, 1e-9);
  const MeanCi m = TextbookMean(scores, kT975Df9);
  EXPECT_NEAR(*ces.mean, 5.1, 1e-12);
  EXPECT_NEAR(ces.mean_ci->low, m.mean - m.half, 1e-9);
  EXPECT_NEAR(ces.mean_ci->high, m.mean + m.half, 1e-9);
}

TEST(SummarizeTest, VesEnhancedMeansResponseMeanAtLeastFive) {
  // (ability, confidence) -> response mean: 5 yes, 4.5 no, 5 yes (one item),
  // 4 no (one item), 6 yes, 4.5 no, 7 yes, 1 no.
  struct Item {
    std::optional<int32_t> a, c;
  };
  const Item items[] = {{7, 3}, {4, 5}, {5, {}}, {{}, 4},
                        {6, 6}, {5, 4}, {7, 7},  {1, 1}};
  std::vector<SurveyResponse> responses;
  for (const Item& i : items) responses.push_back(Scored({}, {}, {}, i.a, i.c));
  const VesScore ves =
      Summarize(CellOf(responses), NpsIntervalMethod::kAdjustedWald).ves;
  EXPECT_EQ(ves.score.n, 8);
  EXPECT_NEAR(*ves.score.value, 50, 1e-9);
  const Interval w = WilsonInterval(4, 8);
  EXPECT_NEAR(ves.score.ci->low, 100 * w.low, 1e-9);
  const std::vector<double> means = {5, 4.5, 5, 4, 6, 4.5, 7, 1};
  const MeanCi m = TextbookMean(means, 2.3646242515927849);  // t(0.975, 7)
  EXPECT_NEAR(*ves.score.mean, m.mean, 1e-12);
  EXPECT_NEAR(ves.score.mean_ci->low, m.mean - m.half, 1e-9);
  EXPECT_NEAR(ves.score.mean_ci->high, m.mean + m.half, 1e-9);
  // Item means over the responses that answered each item.
  EXPECT_NEAR(*ves.ability_mean, (7 + 4 + 5 + 6 + 5 + 7 + 1) / 7.0, 1e-12);
  EXPECT_NEAR(*ves.confidence_mean, (3 + 5 + 4 + 6 + 4 + 7 + 1) / 7.0, 1e-12);
}

TEST(SummarizeTest, MeanIntervalNeedsTwoResponses) {
  ProportionScore one =
      Summarize(CellOf({Scored({}, 4, {})}), NpsIntervalMethod::kWald).csat;
  EXPECT_EQ(one.n, 1);
  EXPECT_NEAR(*one.mean, 4, 1e-12);
  EXPECT_EQ(one.mean_ci, std::nullopt);
  ASSERT_TRUE(one.ci.has_value());  // Wilson works from n = 1

  ProportionScore two =
      Summarize(CellOf({Scored({}, 2, {}), Scored({}, 5, {})}),
                NpsIntervalMethod::kWald)
          .csat;
  const MeanCi m = TextbookMean({2, 5}, kT975Df1);
  ASSERT_TRUE(two.mean_ci.has_value());
  EXPECT_NEAR(two.mean_ci->low, m.mean - m.half, 1e-9);
  EXPECT_NEAR(two.mean_ci->high, m.mean + m.half, 1e-9);
}

Interaction Ticket(std::optional<int64_t> close_s,
                   std::optional<int64_t> first_s, std::optional<bool> fcr,
                   std::optional<int32_t> reopens,
                   std::optional<int32_t> transfers) {
  Interaction t;
  t.interaction_id = "T";
  t.opened_at = kNoon;
  if (close_s) t.closed_at = kNoon + absl::Seconds(*close_s);
  if (first_s) t.first_response_at = kNoon + absl::Seconds(*first_s);
  t.first_contact_resolution = fcr;
  t.reopens = reopens;
  t.transfers = transfers;
  return t;
}

TEST(SummarizeTest, ServiceKpisUseOnlyKnownValues) {
  const Interaction tickets[] = {
      Ticket(60, 30, true, 0, 1),    Ticket(120, {}, false, 2, 0),
      Ticket(3600, 600, {}, {}, {}), Ticket({}, 45, true, 1, 2),
      Ticket({}, {}, {}, {}, {}),
  };
  RollupCounts cell;
  for (const Interaction& t : tickets) {
    ASSERT_EQ(ValidateInteraction(t), std::nullopt);
    cell.AddAll(ContributionOf(t));
  }
  const ServiceSummary s = Summarize(cell, NpsIntervalMethod::kWald).service;
  EXPECT_EQ(s.interactions, 5);
  EXPECT_EQ(s.closed, 3);
  EXPECT_EQ(s.time_to_close.n, 3);
  EXPECT_NEAR(*s.time_to_close.mean, (60 + 120 + 3600) / 3.0, 1e-9);
  EXPECT_NEAR(*s.time_to_close.p50, 120, 120 * 0.01);    // rank 2 of 3
  EXPECT_NEAR(*s.time_to_close.p90, 3600, 3600 * 0.01);  // rank 3 of 3
  EXPECT_EQ(s.time_to_first_response.n, 3);
  EXPECT_NEAR(*s.time_to_first_response.mean, (30 + 600 + 45) / 3.0, 1e-9);
  EXPECT_NEAR(*s.time_to_first_response.p50, 45, 45 * 0.01);
  EXPECT_NEAR(*s.time_to_first_response.p90, 600, 600 * 0.01);
  EXPECT_NEAR(*s.fcr_rate, 100 * 2 / 3.0, 1e-9);     // 2 yes of 3 known
  EXPECT_NEAR(*s.reopen_rate, 100 * 2 / 3.0, 1e-9);  // reopens 0, 2, 1
  EXPECT_NEAR(*s.mean_transfers, 1, 1e-12);          // 1, 0, 2
}

TEST(SummarizeTest, UnansweredNpsDoesNotCount) {
  const ScoreSummary s =
      Summarize(CellOf({Scored(10, {}, {}), Scored({}, 3, {}),
                        Scored(9, {}, {}), Scored(3, 5, {})}),
                NpsIntervalMethod::kWald);
  EXPECT_EQ(s.nps.n, 3);
  EXPECT_NEAR(*s.nps.value, 100 * (2 - 1) / 3.0, 1e-9);
  EXPECT_EQ(s.csat.n, 2);
}

}  // namespace
}  // namespace cxscore
