#include "bench/datagen/datagen.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "core/calendar.h"

namespace cxscore::bench {
namespace {

// splitmix64: the mixing function and a small generator good enough for
// synthetic data. Every record gets its own stream, keyed by (seed, i).
uint64_t Mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  Rng(uint64_t seed, uint64_t domain, uint64_t index)
      : state_(Mix(Mix(seed ^ 0x6a09e667f3bcc909ULL) ^ Mix(domain) ^
                   (index * 0x9e3779b97f4a7c15ULL))) {}

  uint64_t Next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return Mix(state_);
  }
  // [0, 1)
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1p-53; }
  // Standard normal (Box-Muller; one value per call keeps streams simple).
  double Normal() {
    const double u1 = 1.0 - Uniform();  // (0, 1]
    const double u2 = Uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
  }
  // Number of successes before the first failure, P(success) = p.
  int Geometric(double p) {
    int k = 0;
    while (k < 20 && Uniform() < p) ++k;
    return k;
  }

 private:
  uint64_t state_;
};

// Random stream domains.
constexpr uint64_t kRecordDomain = 1;
constexpr uint64_t kAgentDomain = 2;
constexpr uint64_t kTeamDomain = 3;

// Inverse of the standard normal CDF (Acklam's rational approximation,
// relative error < 1.2e-9), for the probit cut points.
double InverseNormalCdf(double p) {
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                 -2.759285104469687e+02, 1.383577518672690e+02,
                                 -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                 -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                 -2.400758277161838e+00, -2.549732539343734e+00,
                                 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                 2.445134137142996e+00, 3.754408661907416e+00};
  constexpr double kLow = 0.02425;
  if (p < kLow) {
    const double q = std::sqrt(-2 * std::log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q +
            c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - kLow) return -InverseNormalCdf(1 - p);
  const double q = p - 0.5, r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r +
          a[5]) *
         q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

struct ChannelModel {
  const char* name;
  double mix;  // share of interactions
  double first_response_median_s, first_response_sigma;
  double close_median_s, close_sigma;  // work time after the first response
  double transfer_p;
};

constexpr std::array<ChannelModel, 6> kChannels = {{
    {"email", 0.30, 3 * 3600, 1.0, 20 * 3600, 1.1, 0.10},
    {"chat", 0.25, 45, 0.8, 25 * 60, 0.8, 0.12},
    {"phone", 0.20, 20, 0.7, 9 * 60, 0.7, 0.20},
    {"web", 0.12, 5 * 3600, 1.0, 30 * 3600, 1.1, 0.08},
    {"social", 0.08, 90 * 60, 1.0, 8 * 3600, 1.2, 0.10},
    {"sms", 0.05, 10 * 60, 1.0, 3 * 3600, 1.1, 0.06},
}};

// Channels beyond the six named ones behave like email, with a small share.
ChannelModel ModelOf(int channel) {
  if (channel < static_cast<int>(kChannels.size())) return kChannels[channel];
  ChannelModel m = kChannels[0];
  m.mix = 0.05;
  m.name = nullptr;
  return m;
}

// Ordered-probit scales: category shares (lowest score first).
constexpr std::array<double, 11> kNpsShares = {0.04, 0.02, 0.03, 0.04, 0.04, 0.06,
                                               0.07, 0.12, 0.18, 0.20, 0.20};
constexpr std::array<double, 5> kCsatShares = {0.06, 0.06, 0.10, 0.30, 0.48};
constexpr std::array<double, 7> kCesShares = {0.04, 0.05, 0.08, 0.13,
                                              0.20, 0.25, 0.25};
constexpr std::array<double, 7> kVesShares = {0.03, 0.04, 0.08, 0.15,
                                              0.25, 0.25, 0.20};

// Latent model coefficients.
constexpr double kSkillSd = 0.35, kTeamSd = 0.15;
constexpr double kMoodLoading = 0.6, kItemNoise = 0.8;  // 0.6^2 + 0.8^2 = 1
constexpr double kCsatClose = 0.25, kCesClose = 0.95, kVesClose = 0.40;
constexpr double kOpenTicketZ = 1.5;  // an open ticket feels slow

template <size_t K>
struct Scale {
  std::array<double, K - 1> cuts;
  int min;
  // Cut points for a latent of standard deviation `sd`.
  Scale(const std::array<double, K>& shares, double sd, int min_score)
      : min(min_score) {
    double cum = 0;
    for (size_t j = 0; j + 1 < K; ++j) {
      cum += shares[j];
      cuts[j] = sd * InverseNormalCdf(cum);
    }
  }
  int32_t Score(double latent) const {
    int k = 0;
    while (k < static_cast<int>(K - 1) && latent > cuts[k]) ++k;
    return min + k;
  }
};

const double kBaseVar = kSkillSd * kSkillSd + kTeamSd * kTeamSd;
const Scale<11> kNps(kNpsShares, std::sqrt(1 + kBaseVar), 0);
const Scale<5> kCsat(kCsatShares, std::sqrt(1 + kBaseVar + kCsatClose * kCsatClose), 1);
const Scale<7> kCes(kCesShares, std::sqrt(1 + kBaseVar + kCesClose * kCesClose), 1);
const Scale<7> kVes(kVesShares, std::sqrt(1 + kBaseVar + kVesClose * kVesClose), 1);

// Relative workload by weekday (0 = Sunday) and hour of day (UTC).
constexpr std::array<double, 7> kWeekday = {0.35, 1.0, 1.0, 1.0, 1.0, 0.95, 0.45};
constexpr std::array<double, 24> kHour = {
    0.15, 0.12, 0.10, 0.10, 0.12, 0.15, 0.25, 0.45, 0.80, 1.00, 1.00, 1.00,
    0.85, 0.95, 1.00, 1.00, 0.95, 0.80, 0.55, 0.40, 0.35, 0.30, 0.25, 0.20};

// Zero-padded decimal with a one-letter prefix; at least `width` digits.
std::string PaddedId(char prefix, int64_t value, int width) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  std::string out;
  out.reserve(1 + std::max(n, width));
  out.push_back(prefix);
  out.append(std::max(0, width - n), '0');
  while (n > 0) out.push_back(digits[--n]);
  return out;
}

int DigitsOf(int64_t value) {
  int d = 1;
  while (value >= 10) value /= 10, ++d;
  return d;
}

int64_t LogNormalSeconds(Rng& rng, double median, double sigma) {
  return static_cast<int64_t>(std::llround(median * std::exp(sigma * rng.Normal())));
}

}  // namespace

absl::Status ValidateOptions(const DataGenOptions& o) {
  if (o.n < 0) return absl::InvalidArgumentError("n must be >= 0");
  if (o.agents < 1 || o.agents > 10000000)
    return absl::InvalidArgumentError("agents must be in 1..10000000");
  if (o.teams < 0 || o.teams > o.agents)
    return absl::InvalidArgumentError("teams must be in 1..agents (0 = agents/10)");
  if (o.channels < 1 || o.channels > 1000)
    return absl::InvalidArgumentError("channels must be in 1..1000");
  if (o.days < 1 || o.days > 36600)
    return absl::InvalidArgumentError("days must be in 1..36600");
  return absl::OkStatus();
}

DataGenerator::DataGenerator(const DataGenOptions& options) : options_(options) {
  const int teams = options.teams > 0 ? options.teams : std::max(1, options.agents / 10);

  channel_cumulative_.reserve(options.channels);
  double cum = 0, log_mean = 0, log_sq = 0;
  for (int c = 0; c < options.channels; ++c) {
    const ChannelModel m = ModelOf(c);
    channel_names_.push_back(m.name != nullptr ? std::string(m.name)
                                               : absl::StrCat("channel", c + 1));
    cum += m.mix;
    channel_cumulative_.push_back(cum);
    // log(time to close) ~ mixture of normals: first response + work, the
    // work dominating; its mean and sd standardise the close-time effect.
    const double mu = std::log(m.close_median_s + m.first_response_median_s);
    log_mean += m.mix * mu;
    log_sq += m.mix * (m.close_sigma * m.close_sigma + mu * mu);
  }
  log_close_mean_ = log_mean / cum;
  log_close_sd_ = std::sqrt(std::max(1e-9, log_sq / cum - log_close_mean_ * log_close_mean_));

  const int team_width = std::max(3, DigitsOf(teams - 1));
  for (int t = 0; t < teams; ++t) {
    team_ids_.push_back(PaddedId('t', t, team_width));
    Rng rng(options.seed, kTeamDomain, t);
    team_effect_.push_back(kTeamSd * rng.Normal());
  }
  const int agent_width = std::max(4, DigitsOf(options.agents - 1));
  double weight = 0;
  for (int a = 0; a < options.agents; ++a) {
    agent_ids_.push_back(PaddedId('a', a, agent_width));
    Rng rng(options.seed, kAgentDomain, a);
    weight += std::exp(0.35 * rng.Normal());
    Agent agent;
    agent.cumulative_weight = weight;
    agent.team = a % teams;
    agent.primary_channel = PickChannel(rng.Uniform());
    agent.skill = kSkillSd * rng.Normal();
    agents_.push_back(agent);
  }

  const int hours = options.days * 24;
  const int32_t first_day = DayNumberOf(options.start);
  hour_cumulative_.resize(hours + 1);
  double total = 0;
  for (int h = 0; h < hours; ++h) {
    const int32_t day = first_day + h / 24;
    const int weekday = ((day + 4) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
    const double hour_of_day = ((absl::ToUnixSeconds(options.start) / 3600 + h) % 24 + 24) % 24;
    total += kWeekday[weekday] * kHour[static_cast<int>(hour_of_day)] *
             (0.9 + 0.2 * h / hours);
    hour_cumulative_[h + 1] = total;
  }
}

absl::Time DataGenerator::end() const {
  return options_.start + absl::Hours(24) * options_.days;
}

std::string DataGenerator::ResponseId(int64_t i) { return PaddedId('r', i, 9); }
std::string DataGenerator::InteractionId(int64_t i) { return PaddedId('i', i, 9); }

absl::Time DataGenerator::OpenedAt(int64_t i, double jitter) const {
  const double u = (static_cast<double>(i) + jitter) /
                   static_cast<double>(std::max<int64_t>(1, options_.n)) *
                   hour_cumulative_.back();
  const auto it = std::upper_bound(hour_cumulative_.begin() + 1,
                                   hour_cumulative_.end() - 1, u);
  const int64_t h = (it - hour_cumulative_.begin()) - 1;
  const double lo = hour_cumulative_[h], hi = hour_cumulative_[h + 1];
  const double frac = hi > lo ? std::clamp((u - lo) / (hi - lo), 0.0, 1.0) : 0.0;
  const int64_t second = std::min<int64_t>(3599, static_cast<int64_t>(frac * 3600));
  return options_.start + absl::Seconds(h * 3600 + second);
}

int DataGenerator::PickAgent(double u) const {
  const double target = u * agents_.back().cumulative_weight;
  const auto it = std::upper_bound(
      agents_.begin(), agents_.end(), target,
      [](double t, const Agent& a) { return t < a.cumulative_weight; });
  return std::min<int>(it - agents_.begin(), agents_.size() - 1);
}

int DataGenerator::PickChannel(double u) const {
  const double target = u * channel_cumulative_.back();
  const auto it = std::upper_bound(channel_cumulative_.begin(),
                                   channel_cumulative_.end(), target);
  return std::min<int>(it - channel_cumulative_.begin(),
                       channel_cumulative_.size() - 1);
}

void DataGenerator::Generate(int64_t i, Interaction* out_interaction,
                             SurveyResponse* out_response) const {
  Rng rng(options_.seed, kRecordDomain, static_cast<uint64_t>(i));
  const absl::Time end_time = end();

  // Who and where.
  const absl::Time opened = OpenedAt(i, rng.Uniform());
  const bool unattributed = rng.Uniform() < 0.005;
  const int agent = PickAgent(rng.Uniform());
  const double channel_u = rng.Uniform();
  const int channel = channel_u < 0.8 ? agents_[agent].primary_channel
                                      : PickChannel(rng.Uniform());
  const ChannelModel model = ModelOf(channel);
  const int64_t customer =
      static_cast<int64_t>(rng.Uniform() * std::max<int64_t>(1, options_.n / 3));

  // Service.
  const int64_t first_response_s = std::max<int64_t>(
      1, LogNormalSeconds(rng, model.first_response_median_s,
                          model.first_response_sigma));
  const int reopens = rng.Uniform() < 0.06 ? 1 + rng.Geometric(0.35) : 0;
  const int transfers = rng.Uniform() < model.transfer_p ? 1 + rng.Geometric(0.25) : 0;
  const int64_t work_s = std::max<int64_t>(
      1, LogNormalSeconds(rng, model.close_median_s, model.close_sigma));
  const int64_t close_s = first_response_s + work_s * (1 + reopens);
  const bool fcr = reopens == 0 && transfers == 0 && rng.Uniform() < 0.9;
  const bool reopens_unknown = rng.Uniform() < 0.03;
  const bool transfers_unknown = rng.Uniform() < 0.03;
  const bool fcr_unknown = rng.Uniform() < 0.05;
  const bool left_open = rng.Uniform() < 0.01;
  const absl::Time first_response_at = opened + absl::Seconds(first_response_s);
  const absl::Time closed_at = opened + absl::Seconds(close_s);
  const bool closed = !left_open && closed_at < end_time;

  Interaction& it = *out_interaction;
  it = Interaction();
  it.interaction_id = InteractionId(i);
  if (!unattributed) {
    it.agent_id = agent_ids_[agent];
    it.team_id = team_ids_[agents_[agent].team];
  }
  it.channel = channel_names_[channel];
  it.customer_id = PaddedId('c', customer, 8);
  it.opened_at = opened;
  if (first_response_at < end_time) it.first_response_at = first_response_at;
  if (closed) it.closed_at = closed_at;
  if (!reopens_unknown) it.reopens = reopens;
  if (!transfers_unknown) it.transfers = transfers;
  if (!fcr_unknown && closed) it.first_contact_resolution = fcr;

  // The survey, answered after the close (or after the first response).
  const absl::Time anchor =
      closed ? closed_at : (it.first_response_at ? first_response_at : opened);
  const absl::Time submitted =
      anchor + absl::Seconds(std::max<int64_t>(60, LogNormalSeconds(rng, 3 * 3600, 1.2)));
  const double z_close =
      closed ? (std::log(static_cast<double>(close_s)) - log_close_mean_) / log_close_sd_
             : kOpenTicketZ;
  const double base =
      unattributed ? 0.0 : agents_[agent].skill + team_effect_[agents_[agent].team];
  const double mood = kMoodLoading * rng.Normal();
  auto item = [&](double close_coef) {
    return base - close_coef * z_close + mood + kItemNoise * rng.Normal();
  };
  const double nps_latent = item(0);
  const double csat_latent = item(kCsatClose) - 0.15 * transfers;
  const double ces_latent = item(kCesClose) - 0.2 * transfers - 0.3 * reopens;
  const double ves_a_latent = item(kVesClose);
  const double ves_c_latent = item(kVesClose);
  const bool ask_nps = rng.Uniform() < 0.85;
  const bool ask_csat = rng.Uniform() < 0.90;
  const bool ask_ces = rng.Uniform() < 0.60;
  const bool ask_ves = rng.Uniform() < 0.25;
  const bool ask_ves_confidence = rng.Uniform() < 0.9;

  SurveyResponse& r = *out_response;
  r = SurveyResponse();
  r.response_id = ResponseId(i);
  r.interaction_id = it.interaction_id;
  r.agent_id = it.agent_id;
  r.team_id = it.team_id;
  r.channel = it.channel;
  r.customer_id = it.customer_id;
  r.submitted_at = submitted;
  if (ask_nps) r.nps = kNps.Score(nps_latent);
  if (ask_csat || !(ask_nps || ask_ces || ask_ves)) r.csat = kCsat.Score(csat_latent);
  if (ask_ces) r.ces = kCes.Score(ces_latent);
  if (ask_ves) {
    r.ves_ability = kVes.Score(ves_a_latent);
    if (ask_ves_confidence) r.ves_confidence = kVes.Score(ves_c_latent);
  }
}

}  // namespace cxscore::bench
