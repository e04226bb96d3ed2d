#include "storage/memory_store.h"

#include <algorithm>
#include <optional>
#include <tuple>
#include <utility>
#include <variant>

#include "core/calendar.h"
#include "core/status_macros.h"
#include "core/validation.h"
#include "storage/record_codec.h"
#include "storage/store_rules.h"

namespace cxscore::storage {
namespace {

using GroupKey = std::vector<std::optional<std::string>>;

// Records per write group; as StoreOptions' default, though nothing here
// depends on it.
constexpr size_t kMaxGroupRecords = 50000;

bool Allows(const std::vector<std::string>& allowed, const std::string& value) {
  return allowed.empty() ||
         std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

bool Excludes(const std::vector<std::string>& excluded,
              const std::string& value) {
  return std::find(excluded.begin(), excluded.end(), value) != excluded.end();
}

std::optional<std::string> Attributed(const std::string& value) {
  if (value.empty()) return std::nullopt;  // unattributed
  return value;
}

// The group that `record`, falling on `day`, counts in under `query` (which
// passed CheckRollupQuery); nullopt when the query leaves it out: outside
// the day range, filtered out, or without the grouped attribute.
template <typename Record>
std::optional<GroupKey> GroupOf(const RollupQuery& query, const Record& record,
                                int32_t day) {
  if (day < query.from_day || day > query.to_day ||
      !Allows(query.agents, record.agent_id) ||
      Excludes(query.exclude_agents, record.agent_id) ||
      !Allows(query.teams, record.team_id) ||
      !Allows(query.channels, record.channel))
    return std::nullopt;
  const std::string* attribute = nullptr;
  if (!query.attributes.empty()) {
    const auto it = record.attributes.find(query.attributes[0]);
    if (it == record.attributes.end()) return std::nullopt;
    attribute = &it->second;  // "" is a value
  }
  GroupKey key;
  for (GroupDim dim : query.group_by) {
    switch (dim) {
      case GroupDim::kAgent:
        key.push_back(Attributed(record.agent_id));
        break;
      case GroupDim::kTeam:
        key.push_back(Attributed(record.team_id));
        break;
      case GroupDim::kChannel:
        key.push_back(Attributed(record.channel));
        break;
      case GroupDim::kDay:
        key.push_back(PeriodKey(Period::kDay, day));
        break;
      case GroupDim::kWeek:
        key.push_back(PeriodKey(Period::kWeek, day));
        break;
      case GroupDim::kMonth:
        key.push_back(PeriodKey(Period::kMonth, day));
        break;
      case GroupDim::kAttribute:
        key.push_back(*attribute);
        break;
    }
  }
  return key;
}

// The groups in key order (std::map orders unattributed first), without
// those that hold nothing.
template <typename Counts>
std::vector<Grouped<Counts>> NonZeroGroups(std::map<GroupKey, Counts> groups) {
  std::vector<Grouped<Counts>> out;
  for (auto& [key, counts] : groups)
    if (!counts.IsZero()) out.push_back({key, std::move(counts)});
  return out;
}

}  // namespace

MemoryStore::MemoryStore()
    : queue_(std::make_unique<WriteQueue>(
          kMaxGroupRecords,
          [this](std::vector<WriteRequest>& group) { ApplyGroup(group); })) {}

MemoryStore::~MemoryStore() { queue_.reset(); }

void MemoryStore::RecordInteractions(std::vector<Interaction> interactions,
                                     WriteOptions options, WriteCallback done) {
  queue_->Push({std::move(interactions), options, std::move(done)});
}

void MemoryStore::SubmitResponses(std::vector<SurveyResponse> responses,
                                  WriteOptions options, WriteCallback done) {
  queue_->Push({std::move(responses), options, std::move(done)});
}

void MemoryStore::ApplyGroup(std::vector<WriteRequest>& group) {
  std::vector<std::vector<RecordOutcome>> outcomes(group.size());
  {
    absl::MutexLock lock(&mu_);
    for (size_t i = 0; i < group.size(); ++i) {
      std::visit(
          [&](const auto& records) {
            for (const auto& record : records)
              outcomes[i].push_back(Apply(record));
          },
          group[i].records);
    }
  }
  for (size_t i = 0; i < group.size(); ++i)
    std::move(group[i].done)(std::move(outcomes[i]));
}

RecordOutcome MemoryStore::Apply(const Interaction& raw) {
  if (std::optional<Violation> violation = ValidateInteraction(raw))
    return {RecordOutcome::Kind::kRejected, std::move(violation)};
  Interaction interaction = Normalized(raw);
  auto [it, inserted] =
      interactions_.try_emplace(interaction.interaction_id, interaction);
  if (!inserted) {
    if (std::optional<RecordOutcome> unchanged =
            ResentInteractionOutcome(interaction, it->second))
      return *std::move(unchanged);
    it->second = std::move(interaction);  // upsert
  }
  return {RecordOutcome::Kind::kAccepted, std::nullopt};
}

RecordOutcome MemoryStore::Apply(const SurveyResponse& raw) {
  if (std::optional<Violation> violation = ValidateResponse(raw))
    return {RecordOutcome::Kind::kRejected, std::move(violation)};
  SurveyResponse response = Normalized(raw);
  auto [it, inserted] = responses_.try_emplace(response.response_id, response);
  if (!inserted) return ResentResponseOutcome(response, it->second);
  return {RecordOutcome::Kind::kAccepted, std::nullopt};
}

absl::StatusOr<std::vector<GroupCounts>> MemoryStore::QueryRollups(
    const RollupQuery& query) {
  if (absl::Status valid = CheckRollupQuery(query); !valid.ok()) return valid;
  std::map<GroupKey, RollupCounts> groups;
  absl::ReaderMutexLock lock(&mu_);
  for (const auto& [id, response] : responses_) {
    if (std::optional<GroupKey> key =
            GroupOf(query, response, DayNumberOf(response.submitted_at)))
      groups[*std::move(key)].AddAll(ContributionOf(response));
  }
  for (const auto& [id, interaction] : interactions_) {
    if (std::optional<GroupKey> key =
            GroupOf(query, interaction, DayNumberOf(interaction.opened_at)))
      groups[*std::move(key)].AddAll(ContributionOf(interaction));
  }
  return NonZeroGroups(std::move(groups));
}

absl::StatusOr<std::vector<GroupDriverCounts>> MemoryStore::QueryDrivers(
    const RollupQuery& query) {
  if (absl::Status valid = CheckRollupQuery(query); !valid.ok()) return valid;
  std::map<GroupKey, DriverCounts> groups;
  absl::ReaderMutexLock lock(&mu_);
  for (const auto& [id, response] : responses_) {
    if (response.interaction_id.empty()) continue;
    const auto linked = interactions_.find(response.interaction_id);
    if (linked == interactions_.end()) continue;  // not stored (yet)
    // In the response's day, attribution and attributes.
    if (std::optional<GroupKey> key =
            GroupOf(query, response, DayNumberOf(response.submitted_at)))
      groups[*std::move(key)].AddAll(
          DriverContributionOf(response, linked->second));
  }
  return NonZeroGroups(std::move(groups));
}

absl::StatusOr<std::vector<SurveyResponse>> MemoryStore::ListComments(
    const RollupQuery& query, size_t limit,
    const std::function<bool(const SurveyResponse&)>& accept) {
  RETURN_IF_ERROR(CheckCommentQuery(query));
  // Copied under the lock, so that `accept` runs without it.
  std::vector<SurveyResponse> commented;
  {
    absl::ReaderMutexLock lock(&mu_);
    for (const auto& [id, response] : responses_) {
      const int32_t day = DayNumberOf(response.submitted_at);
      if (!response.comment.empty() && day >= query.from_day &&
          day <= query.to_day && Allows(query.agents, response.agent_id) &&
          Allows(query.teams, response.team_id) &&
          Allows(query.channels, response.channel))
        commented.push_back(response);
    }
  }
  // Newest first: by day, then by response id, both descending.
  std::sort(commented.begin(), commented.end(),
            [](const SurveyResponse& a, const SurveyResponse& b) {
              return std::make_tuple(DayNumberOf(a.submitted_at),
                                     std::cref(a.response_id)) >
                     std::make_tuple(DayNumberOf(b.submitted_at),
                                     std::cref(b.response_id));
            });
  std::vector<SurveyResponse> out;
  for (SurveyResponse& response : commented) {
    if (out.size() >= limit) break;
    if (!accept(response)) continue;
    response.customer_id.clear();  // never leaves the store with comments
    out.push_back(std::move(response));
  }
  return out;
}

absl::StatusOr<std::optional<Interaction>> MemoryStore::GetInteraction(
    const std::string& interaction_id) {
  absl::ReaderMutexLock lock(&mu_);
  const auto it = interactions_.find(interaction_id);
  if (it == interactions_.end()) return std::nullopt;
  return std::optional<Interaction>(it->second);
}

absl::StatusOr<std::optional<SurveyResponse>> MemoryStore::GetResponse(
    const std::string& response_id) {
  absl::ReaderMutexLock lock(&mu_);
  const auto it = responses_.find(response_id);
  if (it == responses_.end()) return std::nullopt;
  return std::optional<SurveyResponse>(it->second);
}

absl::StatusOr<VerifyReport> MemoryStore::Verify(bool repair) {
  VerifyReport report;
  report.repaired = repair;  // nothing to repair: right as it stands
  return report;
}

namespace {
constexpr char kNoBackups[] =
    "the in-memory store keeps no backups (backups need the RocksDB store: "
    "cxscored --backup-dir DIR)";
}  // namespace

absl::StatusOr<BackupInfo> MemoryStore::CreateBackup() {
  return absl::UnimplementedError(kNoBackups);
}

absl::StatusOr<std::vector<BackupInfo>> MemoryStore::ListBackups() {
  return absl::UnimplementedError(kNoBackups);
}

}  // namespace cxscore::storage
