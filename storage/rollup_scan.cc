#include "storage/rollup_scan.h"

#include <algorithm>
#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "core/calendar.h"
#include "storage/driver_codec.h"
#include "storage/rocks_status.h"
#include "storage/rollup_codec.h"
#include "storage/rollup_key.h"
#include "storage/store_rules.h"

namespace cxscore::storage {
namespace {

std::optional<AttributionDim> AttributionOf(GroupDim dim) {
  switch (dim) {
    case GroupDim::kAgent:
      return AttributionDim::kAgent;
    case GroupDim::kTeam:
      return AttributionDim::kTeam;
    case GroupDim::kChannel:
      return AttributionDim::kChannel;
    default:
      return std::nullopt;
  }
}

Period PeriodOf(GroupDim dim) {
  switch (dim) {
    case GroupDim::kWeek:
      return Period::kWeek;
    case GroupDim::kMonth:
      return Period::kMonth;
    default:
      return Period::kDay;
  }
}

// The smallest key greater than every key that starts with `prefix`; empty
// when there is none (prefix of all 0xff).
std::string PrefixSuccessor(std::string prefix) {
  while (!prefix.empty()) {
    auto& last = reinterpret_cast<unsigned char&>(prefix.back());
    if (last != 0xff) {
      ++last;
      return prefix;
    }
    prefix.pop_back();
  }
  return prefix;
}

template <typename Counts>
class GroupAccumulator {
 public:
  explicit GroupAccumulator(const RollupQuery& query) : query_(query) {}

  Counts* GroupFor(const DecodedRollupKey& key) {
    std::string id;
    std::vector<std::optional<std::string>> parts;
    parts.reserve(query_.group_by.size());
    for (GroupDim dim : query_.group_by) {
      if (dim == GroupDim::kAttribute) {
        parts.push_back(std::string(key.attribute_value));  // "" is a value
      } else if (auto attribution = AttributionOf(dim)) {
        std::string_view value = key.values[static_cast<int>(*attribution)];
        parts.push_back(value.empty() ? std::nullopt
                                      : std::optional<std::string>(value));
      } else {
        parts.push_back(PeriodKeyCached(PeriodOf(dim), key.day));
      }
      // Length-prefixed so that distinct keys never join to the same id.
      const std::string& part = parts.back() ? *parts.back() : kNull;
      id.append(std::to_string(part.size())).append(":").append(part);
      if (!parts.back()) id.push_back('!');
    }
    auto [it, inserted] = index_.try_emplace(id, groups_.size());
    if (inserted) groups_.push_back({std::move(parts), {}});
    return &groups_[it->second].counts;
  }

  // Groups whose counts cancelled out (an upserted interaction that moved
  // away) hold no records and are dropped.
  std::vector<Grouped<Counts>> TakeSorted() {
    std::erase_if(groups_,
                  [](const Grouped<Counts>& g) { return g.counts.IsZero(); });
    std::sort(groups_.begin(), groups_.end(),
              [](const Grouped<Counts>& a, const Grouped<Counts>& b) {
                return a.key < b.key;
              });
    return std::move(groups_);
  }

 private:
  inline static const std::string kNull;

  const std::string& PeriodKeyCached(Period period, int32_t day) {
    auto [it, inserted] =
        period_keys_.try_emplace({static_cast<int>(period), day});
    if (inserted) it->second = PeriodKey(period, day);
    return it->second;
  }

  const RollupQuery& query_;
  absl::flat_hash_map<std::string, size_t> index_;
  std::vector<Grouped<Counts>> groups_;
  absl::flat_hash_map<std::pair<int, int32_t>, std::string> period_keys_;
};

bool Matches(const std::vector<std::string>& allowed, std::string_view value) {
  return allowed.empty() ||
         std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

// Only called on views that hold the agent when exclude_agents is set
// (ScanGroups adds the agent to the needed dimensions).
bool Excluded(const RollupQuery& query, const DecodedRollupKey& key) {
  if (query.exclude_agents.empty()) return false;
  const std::string_view agent =
      key.values[static_cast<int>(AttributionDim::kAgent)];
  return std::find(query.exclude_agents.begin(), query.exclude_agents.end(),
                   agent) != query.exclude_agents.end();
}

const std::vector<std::string>& FilterOf(const RollupQuery& query,
                                         AttributionDim dim) {
  switch (dim) {
    case AttributionDim::kAgent:
      return query.agents;
    case AttributionDim::kTeam:
      return query.teams;
    case AttributionDim::kChannel:
      return query.channels;
  }
  return query.agents;
}

// Adds every cell of `cf` in the query's day range and filters to its group.
// AddCell: bool(std::string_view cell, Counts*), false on a malformed cell.
template <typename Counts, typename AddCell>
absl::StatusOr<std::vector<Grouped<Counts>>> ScanGroups(
    rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, const RollupQuery& query,
    AddCell add_cell) {
  std::vector<AttributionDim> needed;
  for (GroupDim dim : query.group_by)
    if (auto a = AttributionOf(dim)) needed.push_back(*a);
  if (!query.agents.empty() || !query.exclude_agents.empty())
    needed.push_back(AttributionDim::kAgent);
  if (!query.teams.empty()) needed.push_back(AttributionDim::kTeam);
  if (!query.channels.empty()) needed.push_back(AttributionDim::kChannel);
  if (absl::Status valid = CheckRollupQuery(query); !valid.ok()) return valid;
  const auto attribute_dims = std::count(
      query.group_by.begin(), query.group_by.end(), GroupDim::kAttribute);
  // The attribute view has no attribution dimensions: `view` is the totals
  // view then, only to keep the matching below trivially true.
  const RollupView& view = ChooseView(needed);
  const uint8_t view_id = attribute_dims == 1 ? kAttributeViewId : view.id;

  // One contiguous run per value of the leading dimension's filter, or the
  // whole view (for an attribute: every value of that attribute).
  std::vector<std::string> prefixes;
  if (attribute_dims == 1) {
    prefixes.push_back(EncodeAttributeRollupPrefix(query.attributes[0]));
  } else if (!view.dims.empty() && !FilterOf(query, view.dims[0]).empty()) {
    for (const std::string& value : FilterOf(query, view.dims[0])) {
      const std::string_view leading[] = {value};
      prefixes.push_back(EncodeRollupPrefix(view, leading));
    }
    std::sort(prefixes.begin(), prefixes.end());
    prefixes.erase(std::unique(prefixes.begin(), prefixes.end()),
                   prefixes.end());
  } else {
    prefixes.push_back(EncodeRollupPrefix(view, {}));
  }

  const rocksdb::Snapshot* snapshot = db->GetSnapshot();
  GroupAccumulator<Counts> groups(query);
  absl::Status status;
  for (const std::string& prefix : prefixes) {
    const std::string upper = PrefixSuccessor(prefix);
    const rocksdb::Slice upper_slice(upper);
    rocksdb::ReadOptions options;
    options.snapshot = snapshot;
    if (!upper.empty()) options.iterate_upper_bound = &upper_slice;
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(options, cf));
    std::string target;
    for (it->Seek(prefix); it->Valid();) {
      const std::string_view key = it->key().ToStringView();
      std::optional<DecodedRollupKey> decoded = DecodeRollupKey(key);
      if (!decoded || decoded->view_id != view_id) {
        status = absl::DataLossError("malformed rollup key");
        break;
      }
      if (decoded->day < query.from_day || decoded->day > query.to_day) {
        // Jump to this group's first wanted day, or past its last day.
        target.assign(key.substr(0, decoded->day_offset));
        if (decoded->day < query.from_day) {
          AppendDay(query.from_day, &target);
        } else {
          target.append(5, '\xff');
        }
        it->Seek(target);
        continue;
      }
      bool match = true;
      for (AttributionDim dim : view.dims)
        match = match && Matches(FilterOf(query, dim),
                                 decoded->values[static_cast<int>(dim)]);
      match = match && !Excluded(query, *decoded);
      if (match &&
          !add_cell(it->value().ToStringView(), groups.GroupFor(*decoded))) {
        status = absl::DataLossError("malformed rollup cell");
        break;
      }
      it->Next();
    }
    if (status.ok() && !it->status().ok())
      status = FromRocks(it->status(), "reading rollups");
    if (!status.ok()) break;
  }
  db->ReleaseSnapshot(snapshot);
  if (!status.ok()) return status;
  return groups.TakeSorted();
}

}  // namespace

absl::StatusOr<std::vector<GroupCounts>> ScanRollups(
    rocksdb::DB* db, rocksdb::ColumnFamilyHandle* rollups,
    const RollupQuery& query) {
  return ScanGroups<RollupCounts>(db, rollups, query, AddEncodedCell);
}

absl::StatusOr<std::vector<GroupDriverCounts>> ScanDriverRollups(
    rocksdb::DB* db, rocksdb::ColumnFamilyHandle* driver_rollups,
    const RollupQuery& query) {
  return ScanGroups<DriverCounts>(db, driver_rollups, query,
                                  AddEncodedDriverCell);
}

}  // namespace cxscore::storage
