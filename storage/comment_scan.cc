#include "storage/comment_scan.h"

#include <algorithm>
#include <memory>
#include <string>

#include "storage/record_codec.h"
#include "storage/rocks_status.h"
#include "storage/rollup_key.h"
#include "storage/varint.h"

namespace cxscore::storage {
namespace {

struct Candidate {
  int32_t day;
  std::string response_id;
};

bool Matches(const std::vector<std::string>& allowed, std::string_view value) {
  return allowed.empty() ||
         std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

// Reads the day that follows the agent prefix of a comment key.
bool ParseCommentKey(std::string_view key, std::string_view* agent,
                     int32_t* day, std::string_view* response_id) {
  uint64_t length = 0;
  // length + 4 could wrap: compare without adding to a stored length.
  if (!ReadVarint(&key, &length) || key.size() < 4 || key.size() - 4 < length)
    return false;
  *agent = key.substr(0, length);
  key.remove_prefix(length);
  uint32_t biased = 0;
  for (int i = 0; i < 4; ++i)
    biased = (biased << 8) | static_cast<uint8_t>(key[i]);
  *day = static_cast<int32_t>(biased ^ 0x80000000u);
  *response_id = key.substr(4);
  return true;
}

}  // namespace

absl::StatusOr<std::vector<SurveyResponse>> ScanComments(
    rocksdb::DB* db, rocksdb::ColumnFamilyHandle* comments,
    rocksdb::ColumnFamilyHandle* responses, const RollupQuery& query,
    size_t limit, const std::function<bool(const SurveyResponse&)>& accept) {
  const rocksdb::Snapshot* snapshot = db->GetSnapshot();
  rocksdb::ReadOptions options;
  options.snapshot = snapshot;
  std::vector<Candidate> candidates;
  absl::Status status;
  {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(options, comments));
    const auto collect = [&](std::string_view agent_prefix) {
      for (it->Seek(rocksdb::Slice(agent_prefix.data(), agent_prefix.size()));
           it->Valid() && it->key().starts_with(rocksdb::Slice(
                              agent_prefix.data(), agent_prefix.size()));
           it->Next()) {
        std::string_view agent, response_id;
        int32_t day = 0;
        if (!ParseCommentKey(it->key().ToStringView(), &agent, &day,
                             &response_id)) {
          status = absl::DataLossError("malformed comment key");
          return;
        }
        if (day < query.from_day || day > query.to_day ||
            !Matches(query.agents, agent))
          continue;
        candidates.push_back({day, std::string(response_id)});
      }
    };
    if (query.agents.empty()) {
      collect("");
    } else {
      for (const std::string& agent : query.agents) {
        std::string prefix;
        AppendVarint(agent.size(), &prefix);
        prefix.append(agent);
        collect(prefix);
        if (!status.ok()) break;
      }
    }
    if (status.ok() && !it->status().ok())
      status = FromRocks(it->status(), "reading comments");
  }
  std::vector<SurveyResponse> out;
  if (status.ok()) {
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b) {
                return std::tie(a.day, a.response_id) >
                       std::tie(b.day, b.response_id);
              });
    for (const Candidate& c : candidates) {
      if (out.size() >= limit) break;
      std::string value;
      rocksdb::Status s = db->Get(options, responses, c.response_id, &value);
      if (s.IsNotFound()) continue;
      if (!s.ok()) {
        status = FromRocks(s, "reading a response");
        break;
      }
      absl::StatusOr<SurveyResponse> response = DecodeResponse(value);
      if (!response.ok()) {
        status = response.status();
        break;
      }
      if (!Matches(query.teams, response->team_id) ||
          !Matches(query.channels, response->channel) || !accept(*response))
        continue;
      response->customer_id.clear();  // never leaves the store with comments
      out.push_back(*std::move(response));
    }
  }
  db->ReleaseSnapshot(snapshot);
  if (!status.ok()) return status;
  return out;
}

}  // namespace cxscore::storage
