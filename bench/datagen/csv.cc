#include "bench/datagen/csv.h"

#include <cstdint>
#include <optional>

#include "absl/strings/str_cat.h"

namespace cxscore::bench {
namespace {

void AppendDigits(int64_t value, int width, std::string* out) {
  char buf[24];
  int n = 0;
  const bool negative = value < 0;
  uint64_t v = negative ? -static_cast<uint64_t>(value) : value;
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0);
  if (negative) out->push_back('-');
  for (int i = n; i < width; ++i) out->push_back('0');
  while (n > 0) out->push_back(buf[--n]);
}

void AppendText(const std::string& value, std::string* out) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) {
    out->append(value);
    return;
  }
  out->push_back('"');
  for (char c : value) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendTime(const std::optional<absl::Time>& t, std::string* out) {
  if (t.has_value()) AppendRfc3339(*t, out);
}

template <typename T>
void AppendInt(const std::optional<T>& v, std::string* out) {
  if (v.has_value()) AppendDigits(static_cast<int64_t>(*v), 1, out);
}

}  // namespace

void AppendRfc3339(absl::Time t, std::string* out) {
  // Days to civil date: H. Hinnant's algorithm (proleptic Gregorian).
  const int64_t seconds = absl::ToUnixSeconds(t);
  int64_t days = seconds / 86400, rem = seconds % 86400;
  if (rem < 0) rem += 86400, --days;
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2);
  AppendDigits(y, 4, out);
  out->push_back('-');
  AppendDigits(m, 2, out);
  out->push_back('-');
  AppendDigits(d, 2, out);
  out->push_back('T');
  AppendDigits(rem / 3600, 2, out);
  out->push_back(':');
  AppendDigits(rem / 60 % 60, 2, out);
  out->push_back(':');
  AppendDigits(rem % 60, 2, out);
  out->push_back('Z');
}

const std::string& InteractionsCsvHeader() {
  static const std::string* header = new std::string(
      "interaction_id,agent_id,team_id,channel,customer_id,opened_at,"
      "first_response_at,closed_at,reopens,transfers,first_contact_resolution\n");
  return *header;
}

const std::string& ResponsesCsvHeader() {
  static const std::string* header = new std::string(
      "response_id,interaction_id,agent_id,team_id,channel,customer_id,"
      "submitted_at,nps,csat,ces,ves_ability,ves_confidence,comment\n");
  return *header;
}

void AppendCsvRow(const Interaction& r, std::string* out) {
  AppendText(r.interaction_id, out);
  out->push_back(',');
  AppendText(r.agent_id, out);
  out->push_back(',');
  AppendText(r.team_id, out);
  out->push_back(',');
  AppendText(r.channel, out);
  out->push_back(',');
  AppendText(r.customer_id, out);
  out->push_back(',');
  AppendRfc3339(r.opened_at, out);
  out->push_back(',');
  AppendTime(r.first_response_at, out);
  out->push_back(',');
  AppendTime(r.closed_at, out);
  out->push_back(',');
  AppendInt(r.reopens, out);
  out->push_back(',');
  AppendInt(r.transfers, out);
  out->push_back(',');
  if (r.first_contact_resolution.has_value())
    out->append(*r.first_contact_resolution ? "true" : "false");
  out->push_back('\n');
}

void AppendCsvRow(const SurveyResponse& r, std::string* out) {
  AppendText(r.response_id, out);
  out->push_back(',');
  AppendText(r.interaction_id, out);
  out->push_back(',');
  AppendText(r.agent_id, out);
  out->push_back(',');
  AppendText(r.team_id, out);
  out->push_back(',');
  AppendText(r.channel, out);
  out->push_back(',');
  AppendText(r.customer_id, out);
  out->push_back(',');
  AppendRfc3339(r.submitted_at, out);
  out->push_back(',');
  AppendInt(r.nps, out);
  out->push_back(',');
  AppendInt(r.csat, out);
  out->push_back(',');
  AppendInt(r.ces, out);
  out->push_back(',');
  AppendInt(r.ves_ability, out);
  out->push_back(',');
  AppendInt(r.ves_confidence, out);
  out->push_back(',');
  AppendText(r.comment, out);
  out->push_back('\n');
}

}  // namespace cxscore::bench
