#include "storage/write_planner.h"

#include "core/calendar.h"
#include "core/validation.h"
#include "storage/record_codec.h"
#include "storage/rollup_codec.h"
#include "storage/rollup_key.h"
#include "storage/varint.h"

namespace cxscore::storage {
namespace {

RecordOutcome Rejected(Violation violation) {
  return {RecordOutcome::Kind::kRejected, std::move(violation)};
}

}  // namespace

std::string ResponseLinkKey(std::string_view interaction_id,
                            std::string_view response_id) {
  std::string key;
  AppendVarint(interaction_id.size(), &key);
  key.append(interaction_id);
  key.append(response_id);
  return key;
}

WritePlanner::WritePlanner(rocksdb::DB* db, const ColumnFamilies& cfs)
    : db_(db), cfs_(cfs) {}

absl::Status WritePlanner::Prefetch(
    rocksdb::ColumnFamilyHandle* cf, const std::vector<std::string_view>& ids,
    absl::flat_hash_map<std::string, std::optional<std::string>>* seen) {
  std::vector<rocksdb::Slice> keys;
  keys.reserve(ids.size());
  for (std::string_view id : ids)
    if (!seen->contains(absl::string_view(id.data(), id.size())))
      keys.emplace_back(id.data(), id.size());
  if (keys.empty()) return absl::OkStatus();
  std::vector<rocksdb::PinnableSlice> values(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  db_->MultiGet(rocksdb::ReadOptions(), cf, keys.size(), keys.data(),
                values.data(), statuses.data());
  for (size_t i = 0; i < keys.size(); ++i) {
    std::optional<std::string> value;
    if (statuses[i].ok()) {
      value = values[i].ToString();
    } else if (!statuses[i].IsNotFound()) {
      return absl::UnavailableError("reading stored records: " +
                                    statuses[i].ToString());
    }
    seen->try_emplace(keys[i].ToString(), std::move(value));
  }
  return absl::OkStatus();
}

void WritePlanner::AddContribution(const std::string& agent,
                                   const std::string& team,
                                   const std::string& channel, absl::Time at,
                                   const RollupCounts& counts, int64_t sign) {
  const Attribution values = {agent, team, channel};
  const int32_t day = DayNumberOf(at);
  for (const RollupView& view : AllViews())
    rollup_deltas_[EncodeRollupKey(view, values, day)].AddAll(counts, sign);
}

absl::Status WritePlanner::AddResponses(
    const std::vector<SurveyResponse>& responses,
    std::vector<RecordOutcome>* outcomes) {
  std::vector<std::string_view> ids;
  ids.reserve(responses.size());
  for (const SurveyResponse& r : responses) ids.push_back(r.response_id);
  if (absl::Status s = Prefetch(cfs_.responses, ids, &responses_); !s.ok())
    return s;

  for (const SurveyResponse& raw : responses) {
    if (auto violation = ValidateResponse(raw)) {
      outcomes->push_back(Rejected(*std::move(violation)));
      continue;
    }
    SurveyResponse response = Normalized(raw);
    std::optional<std::string>& stored = responses_[response.response_id];
    if (stored.has_value()) {
      absl::StatusOr<SurveyResponse> existing = DecodeResponse(*stored);
      if (!existing.ok()) return existing.status();
      if (*existing == response) {
        outcomes->push_back({RecordOutcome::Kind::kDuplicate, std::nullopt});
      } else {
        outcomes->push_back(Rejected(
            {absl::StatusCode::kAlreadyExists, "response_id",
             "response_id \"" + response.response_id +
                 "\" is already stored with different content; responses "
                 "are immutable"}));
      }
      continue;
    }
    stored = EncodeResponse(response);
    batch_.Put(cfs_.responses, response.response_id, *stored);
    if (!response.interaction_id.empty()) {
      batch_.Put(cfs_.response_links,
                 ResponseLinkKey(response.interaction_id, response.response_id),
                 rocksdb::Slice());
    }
    AddContribution(response.agent_id, response.team_id, response.channel,
                    response.submitted_at, ContributionOf(response), +1);
    outcomes->push_back({RecordOutcome::Kind::kAccepted, std::nullopt});
  }
  return absl::OkStatus();
}

absl::Status WritePlanner::AddInteractions(
    const std::vector<Interaction>& interactions,
    std::vector<RecordOutcome>* outcomes) {
  std::vector<std::string_view> ids;
  ids.reserve(interactions.size());
  for (const Interaction& i : interactions) ids.push_back(i.interaction_id);
  if (absl::Status s = Prefetch(cfs_.interactions, ids, &interactions_);
      !s.ok())
    return s;

  for (const Interaction& raw : interactions) {
    if (auto violation = ValidateInteraction(raw)) {
      outcomes->push_back(Rejected(*std::move(violation)));
      continue;
    }
    Interaction interaction = Normalized(raw);
    std::optional<std::string>& stored = interactions_[interaction.interaction_id];
    if (stored.has_value()) {
      absl::StatusOr<Interaction> existing = DecodeInteraction(*stored);
      if (!existing.ok()) return existing.status();
      if (*existing == interaction) {
        outcomes->push_back({RecordOutcome::Kind::kDuplicate, std::nullopt});
        continue;
      }
      // Upsert: the old state's contribution leaves the cells it was in.
      AddContribution(existing->agent_id, existing->team_id, existing->channel,
                      existing->opened_at, ContributionOf(*existing), -1);
    }
    stored = EncodeInteraction(interaction);
    batch_.Put(cfs_.interactions, interaction.interaction_id, *stored);
    AddContribution(interaction.agent_id, interaction.team_id,
                    interaction.channel, interaction.opened_at,
                    ContributionOf(interaction), +1);
    outcomes->push_back({RecordOutcome::Kind::kAccepted, std::nullopt});
  }
  return absl::OkStatus();
}

rocksdb::WriteBatch WritePlanner::Finish() {
  for (const auto& [key, delta] : rollup_deltas_) {
    if (delta.IsZero()) continue;  // e.g. an upsert that moved nothing here
    batch_.Merge(cfs_.rollups, key, EncodeRollupCell(delta));
  }
  rollup_deltas_.clear();
  return std::move(batch_);
}

}  // namespace cxscore::storage
