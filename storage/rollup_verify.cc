#include "storage/rollup_verify.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "core/calendar.h"
#include "core/drivers.h"
#include "core/metric.h"
#include "core/rollup.h"
#include "core/status_macros.h"
#include "storage/driver_codec.h"
#include "storage/persisted_ids.h"
#include "storage/record_cells.h"
#include "storage/record_codec.h"
#include "storage/rocks_status.h"
#include "storage/rollup_codec.h"
#include "storage/rollup_key.h"
#include "storage/sparse_cell.h"
#include "storage/varint.h"

namespace cxscore::storage {
namespace {

constexpr char kRollupsName[] = "rollups";
constexpr char kDriverRollupsName[] = "driver_rollups";
constexpr char kCommentsName[] = "comments";

// Driver field ids (driver_codec.h).
constexpr uint64_t kDriverRows = 16;
constexpr uint64_t kDriverColumnBits = 12;

// Encoded cells by rollup key.
using CellMap = absl::flat_hash_map<std::string, std::string>;

// What the raw records of one snapshot say the derived data must be.
struct Expected {
  CellMap rollups;
  CellMap drivers;
  absl::flat_hash_set<std::string> comments;
};

// One fix of a repair.
struct CellFix {
  rocksdb::ColumnFamilyHandle* cf = nullptr;
  std::string key;
  // Merged (recomputed minus stored); or put, when the stored value does
  // not decode.
  std::string value;
  bool put = false;
};
struct CommentFix {
  std::string key;
  std::string response_id;
  bool put = false;  // else delete
};

struct CheckResult {
  VerifyReport report;
  std::vector<CellFix> cells;
  std::vector<CommentFix> comments;
  bool has_malformed = false;  // some cell needs a put (see the header)
};

// `*cell` += `add` (both encoded).
absl::Status AddInto(std::string_view add, std::string* cell) {
  if (cell->empty()) {
    cell->assign(add);
    return absl::OkStatus();
  }
  std::string sum;
  if (!MergeEncodedCells(*cell, add, &sum))
    return absl::InternalError("recomputed rollup cell does not encode");
  *cell = std::move(sum);
  return absl::OkStatus();
}

template <typename Record>
absl::Status AddToKeys(const Record& record, std::string_view cell,
                       CellMap* cells) {
  for (std::string& key : RollupCellKeys(record, RollupDayOf(record)))
    RETURN_IF_ERROR(AddInto(cell, &(*cells)[std::move(key)]));
  return absl::OkStatus();
}

absl::StatusOr<Expected> Recompute(rocksdb::DB* db, const ColumnFamilies& cfs,
                                   const rocksdb::ReadOptions& read) {
  Expected expected;
  {
    std::unique_ptr<rocksdb::Iterator> it(
        db->NewIterator(read, cfs.interactions));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      ASSIGN_OR_RETURN(Interaction interaction,
                       DecodeInteraction(it->value().ToStringView()));
      RETURN_IF_ERROR(AddToKeys(interaction,
                                EncodeRollupCell(ContributionOf(interaction)),
                                &expected.rollups));
    }
    RETURN_IF_ERROR(FromRocks(it->status(), "reading interactions"));
  }
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(read, cfs.responses));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    ASSIGN_OR_RETURN(SurveyResponse response,
                     DecodeResponse(it->value().ToStringView()));
    RETURN_IF_ERROR(AddToKeys(response,
                              EncodeRollupCell(ContributionOf(response)),
                              &expected.rollups));
    if (std::optional<std::string> key = CommentIndexKeyOf(response))
      expected.comments.insert(*std::move(key));
    if (response.interaction_id.empty()) continue;
    std::string stored;
    const rocksdb::Status s =
        db->Get(read, cfs.interactions, response.interaction_id, &stored);
    if (s.IsNotFound()) continue;  // pairs wait for the interaction
    RETURN_IF_ERROR(FromRocks(s, "reading a linked interaction"));
    ASSIGN_OR_RETURN(Interaction interaction, DecodeInteraction(stored));
    const DriverCounts pairs = DriverContributionOf(response, interaction);
    if (pairs.IsZero()) continue;
    RETURN_IF_ERROR(
        AddToKeys(response, EncodeDriverCell(pairs), &expected.drivers));
  }
  RETURN_IF_ERROR(FromRocks(it->status(), "reading responses"));
  return expected;
}

using Fields = std::vector<std::pair<uint64_t, int64_t>>;

// The fields of an encoded cell; nullopt when it does not decode.
std::optional<Fields> FieldsOf(std::string_view cell) {
  Fields fields;
  CellReader reader(cell);
  uint64_t id = 0;
  int64_t value = 0;
  while (reader.Next(&id, &value)) {
    if (!fields.empty() && id <= fields.back().first) return std::nullopt;
    fields.emplace_back(id, value);
  }
  if (!reader.ok()) return std::nullopt;
  return fields;
}

void AddDifference(CellDifference difference, VerifyReport* report) {
  ++report->differences_total;
  if (report->differences.size() < kMaxListedDifferences)
    report->differences.push_back(std::move(difference));
}

// Compares one cell; `stored` or `recomputed` is nullptr when absent.
void CompareCell(std::string_view family, rocksdb::ColumnFamilyHandle* cf,
                 std::string_view key, const std::string* stored,
                 const std::string* recomputed, CheckResult* result) {
  const auto field_name =
      family == kRollupsName ? RollupFieldName : DriverFieldName;
  const auto difference = [&](std::string field, int64_t s, int64_t r) {
    CellDifference d;
    d.view = RollupViewName(family, key);
    d.key = RollupKeyName(key);
    d.field = std::move(field);
    d.stored = s;
    d.recomputed = r;
    AddDifference(std::move(d), &result->report);
  };
  const Fields none;
  // A recomputed cell always decodes (this code encoded it).
  const Fields want_fields =
      recomputed != nullptr ? FieldsOf(*recomputed).value_or(none) : none;
  const Fields* want = &want_fields;
  std::optional<Fields> have = stored != nullptr ? FieldsOf(*stored) : none;
  if (!have.has_value()) {
    // Not a sum we can add to: listed as one difference, fixed by a put.
    difference("(cell does not decode)", 0, 0);
    result->has_malformed = true;
    result->cells.push_back(
        {cf, std::string(key),
         recomputed != nullptr ? *recomputed : CellWriter().Take(),
         /*put=*/true});
    return;
  }
  CellWriter delta;
  bool differs = false;
  size_t i = 0, j = 0;
  while (i < have->size() || j < want->size()) {
    uint64_t id;
    int64_t s = 0, r = 0;
    if (j == want->size() ||
        (i < have->size() && (*have)[i].first < (*want)[j].first)) {
      id = (*have)[i].first;
      s = (*have)[i++].second;
    } else if (i == have->size() || (*want)[j].first < (*have)[i].first) {
      id = (*want)[j].first;
      r = (*want)[j++].second;
    } else {
      id = (*have)[i].first;
      s = (*have)[i++].second;
      r = (*want)[j++].second;
    }
    if (s == r) continue;
    differs = true;
    delta.Field(id, r - s);
    difference(field_name(id), s, r);
  }
  if (differs)
    result->cells.push_back({cf, std::string(key), delta.Take(), false});
}

// Walks the stored cells of `cf` and the recomputed ones in key order.
absl::Status CompareFamily(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf,
                           std::string_view family,
                           const rocksdb::ReadOptions& read,
                           const CellMap& expected, uint64_t* cells,
                           CheckResult* result) {
  std::vector<const CellMap::value_type*> want;
  want.reserve(expected.size());
  for (const auto& entry : expected) want.push_back(&entry);
  std::sort(want.begin(), want.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  size_t next = 0;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(read, cf));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    const std::string_view key = it->key().ToStringView();
    for (; next < want.size() && want[next]->first < key; ++next, ++*cells)
      CompareCell(family, cf, want[next]->first, nullptr, &want[next]->second,
                  result);
    const std::string stored = it->value().ToString();
    const std::string* recomputed = nullptr;
    if (next < want.size() && want[next]->first == key)
      recomputed = &want[next++]->second;
    CompareCell(family, cf, key, &stored, recomputed, result);
    ++*cells;
  }
  RETURN_IF_ERROR(FromRocks(
      it->status(), absl::StrCat("reading ", std::string(family), " cells")));
  for (; next < want.size(); ++next, ++*cells)
    CompareCell(family, cf, want[next]->first, nullptr, &want[next]->second,
                result);
  return absl::OkStatus();
}

// Agent, day and response id of a comment index key (CommentKey).
bool ParseCommentKey(std::string_view key, std::string_view* agent,
                     int32_t* day, std::string_view* response_id) {
  uint64_t length = 0;
  if (!ReadVarint(&key, &length) || key.size() < length + 4) return false;
  *agent = key.substr(0, length);
  key.remove_prefix(length);
  uint32_t biased = 0;
  for (int i = 0; i < 4; ++i)
    biased = (biased << 8) | static_cast<uint8_t>(key[i]);
  *day = static_cast<int32_t>(biased ^ 0x80000000u);
  *response_id = key.substr(4);
  return true;
}

std::string Shown(std::string_view value) {
  return absl::StrCat(
      "\"", absl::CHexEscape(absl::string_view(value.data(), value.size())),
      "\"");
}

std::string DayName(int32_t day) { return PeriodKey(Period::kDay, day); }

std::string Hex(std::string_view bytes) {
  return absl::StrCat("0x", absl::BytesToHexString(
                                absl::string_view(bytes.data(), bytes.size())));
}

void CompareComment(std::string_view key, bool stored, CheckResult* result) {
  CellDifference d;
  d.view = kCommentsName;
  std::string_view agent, response_id;
  int32_t day = 0;
  if (ParseCommentKey(key, &agent, &day, &response_id)) {
    d.key = absl::StrCat("agent=", Shown(agent), " day=", DayName(day),
                         " response=", Shown(response_id));
  } else {
    d.key = Hex(key);
  }
  d.field = "entry";
  d.stored = stored ? 1 : 0;
  d.recomputed = stored ? 0 : 1;
  AddDifference(std::move(d), &result->report);
  result->comments.push_back(
      {std::string(key), std::string(response_id), !stored});
}

absl::Status CompareComments(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf,
                             const rocksdb::ReadOptions& read,
                             absl::flat_hash_set<std::string> expected,
                             CheckResult* result) {
  uint64_t& entries = result->report.comment_entries;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(read, cf));
  for (it->SeekToFirst(); it->Valid(); it->Next(), ++entries) {
    const std::string key = it->key().ToString();
    if (expected.erase(key) == 0) CompareComment(key, /*stored=*/true, result);
  }
  RETURN_IF_ERROR(FromRocks(it->status(), "reading the comment index"));
  std::vector<std::string> missing(expected.begin(), expected.end());
  std::sort(missing.begin(), missing.end());
  for (const std::string& key : missing) {
    CompareComment(key, /*stored=*/false, result);
    ++entries;
  }
  return absl::OkStatus();
}

// Recomputes and compares on one new snapshot.
absl::StatusOr<CheckResult> Check(rocksdb::DB* db, const ColumnFamilies& cfs) {
  const rocksdb::Snapshot* snapshot = db->GetSnapshot();
  rocksdb::ReadOptions read;
  read.snapshot = snapshot;
  read.fill_cache = false;  // one pass over everything: keep the hot set
  CheckResult result;
  absl::Status status = [&]() -> absl::Status {
    ASSIGN_OR_RETURN(Expected expected, Recompute(db, cfs, read));
    VerifyReport& report = result.report;
    RETURN_IF_ERROR(CompareFamily(db, cfs.rollups, kRollupsName, read,
                                  expected.rollups, &report.rollup_cells,
                                  &result));
    expected.rollups = {};
    RETURN_IF_ERROR(CompareFamily(db, cfs.driver_rollups, kDriverRollupsName,
                                  read, expected.drivers, &report.driver_cells,
                                  &result));
    expected.drivers = {};
    RETURN_IF_ERROR(CompareComments(db, cfs.comments, read,
                                    std::move(expected.comments), &result));
    report.cells_checked =
        report.rollup_cells + report.driver_cells + report.comment_entries;
    return absl::OkStatus();
  }();
  db->ReleaseSnapshot(snapshot);
  if (!status.ok()) return status;
  return result;
}

// Writes the fixes as one synced batch. Runs between write groups, so what
// it reads is the latest state and nothing is written meanwhile.
absl::Status ApplyFixes(rocksdb::DB* db, const ColumnFamilies& cfs,
                        const CheckResult& check) {
  rocksdb::WriteBatch batch;
  for (const CellFix& fix : check.cells) {
    if (fix.put) {
      batch.Put(fix.cf, fix.key, fix.value);
    } else {
      batch.Merge(fix.cf, fix.key, fix.value);
    }
  }
  for (const CommentFix& fix : check.comments) {
    if (fix.put) {
      batch.Put(cfs.comments, fix.key, rocksdb::Slice());
      continue;
    }
    // The response may have been stored since the snapshot, with this entry.
    std::string value;
    const rocksdb::Status s =
        db->Get(rocksdb::ReadOptions(), cfs.responses, fix.response_id, &value);
    if (s.ok()) {
      ASSIGN_OR_RETURN(SurveyResponse response, DecodeResponse(value));
      if (CommentIndexKeyOf(response) == fix.key) continue;
    } else if (!s.IsNotFound()) {
      return FromRocks(s, "reading a response");
    }
    batch.Delete(cfs.comments, fix.key);
  }
  if (batch.Count() == 0) return absl::OkStatus();
  rocksdb::WriteOptions sync;
  sync.sync = true;
  return FromRocks(db->Write(sync, &batch), "writing the repair");
}

}  // namespace

absl::StatusOr<VerifyReport> VerifyRollups(
    rocksdb::DB* db, const ColumnFamilies& cfs, bool repair,
    const RunBetweenGroups& between_groups) {
  ASSIGN_OR_RETURN(CheckResult first, Check(db, cfs));
  VerifyReport report = std::move(first.report);
  if (!repair) return report;
  if (report.differences_total > 0) {
    absl::Status status;
    between_groups([&] {
      if (!first.has_malformed) {
        status = ApplyFixes(db, cfs, first);
        return;
      }
      // Overwriting a cell is exact only when no write is in flight: check
      // again here, between groups, and fix from that check.
      absl::StatusOr<CheckResult> again = Check(db, cfs);
      status = again.ok() ? ApplyFixes(db, cfs, *again) : again.status();
    });
    RETURN_IF_ERROR(status);
    ASSIGN_OR_RETURN(CheckResult after, Check(db, cfs));
    report.differences_after_repair = after.report.differences_total;
  }
  report.repaired = report.differences_after_repair == 0;
  return report;
}

std::string RollupViewName(std::string_view family, std::string_view key) {
  const std::optional<DecodedRollupKey> decoded = DecodeRollupKey(key);
  std::string view;
  if (!decoded.has_value()) {
    view = "?";
  } else if (decoded->view_id == kAttributeViewId) {
    view = "attribute";
  } else {
    std::vector<std::string> dims;
    for (AttributionDim d : AllViews()[decoded->view_id].dims) {
      dims.push_back(d == AttributionDim::kAgent  ? "agent"
                     : d == AttributionDim::kTeam ? "team"
                                                  : "channel");
    }
    view = dims.empty() ? "totals" : absl::StrJoin(dims, "+");
  }
  return absl::StrCat(absl::string_view(family.data(), family.size()), "/",
                      view);
}

std::string RollupKeyName(std::string_view key) {
  const std::optional<DecodedRollupKey> decoded = DecodeRollupKey(key);
  if (!decoded.has_value()) return Hex(key);
  std::vector<std::string> parts;
  if (decoded->view_id == kAttributeViewId) {
    parts.push_back(absl::StrCat(
        "attr.",
        absl::CHexEscape(absl::string_view(decoded->attribute_name.data(),
                                           decoded->attribute_name.size())),
        "=", Shown(decoded->attribute_value)));
  } else {
    for (AttributionDim d : AllViews()[decoded->view_id].dims) {
      const char* name = d == AttributionDim::kAgent  ? "agent"
                         : d == AttributionDim::kTeam ? "team"
                                                      : "channel";
      parts.push_back(
          absl::StrCat(name, "=", Shown(decoded->values[static_cast<int>(d)])));
    }
  }
  parts.push_back(absl::StrCat("day=", DayName(decoded->day)));
  return absl::StrJoin(parts, " ");
}

namespace {

// What a `rollups` field counts (rollup_codec.h), without its id.
std::string RollupFieldMeaning(uint64_t id) {
  for (Metric m : kAllMetrics) {
    const uint64_t base = RollupFieldBase(m);
    const MetricInfo& info = MetricInfoOf(m);
    if (id < base || id >= base + info.levels) continue;
    const int level = static_cast<int>(id - base);
    if (m == Metric::kVes)
      return absl::StrFormat("ves_mean:%.1f", (level + 2) / 2.0);
    return absl::StrCat(
        absl::string_view(info.cli_name.data(), info.cli_name.size()), ":",
        info.scale_min + level);
  }
  static constexpr const char* kService[kServiceFieldCount] = {
      "interactions",
      "closed",
      "close_seconds_sum",
      "first_responses",
      "first_response_seconds_sum",
      "fcr_known",
      "fcr_yes",
      "reopens_known",
      "reopened",
      "reopens_sum",
      "transfers_known",
      "transfers_sum"};
  constexpr uint64_t kItemLevels = 7;  // VES items: 1..7
  constexpr uint64_t kBuckets = DurationHistogram::kMaxBucket + 1;
  if (id >= kVesAbilityFieldBase && id < kVesAbilityFieldBase + kItemLevels)
    return absl::StrCat("ves_ability:", id - kVesAbilityFieldBase + 1);
  if (id >= kVesConfidenceFieldBase &&
      id < kVesConfidenceFieldBase + kItemLevels)
    return absl::StrCat("ves_confidence:", id - kVesConfidenceFieldBase + 1);
  if (id >= kServiceFieldBase && id < kServiceFieldBase + kServiceFieldCount)
    return kService[id - kServiceFieldBase];
  if (id >= kCloseBucketFieldBase && id < kCloseBucketFieldBase + kBuckets)
    return absl::StrCat("time_to_close_bucket:", id - kCloseBucketFieldBase);
  if (id >= kFirstResponseBucketFieldBase &&
      id < kFirstResponseBucketFieldBase + kBuckets)
    return absl::StrCat("time_to_first_response_bucket:",
                        id - kFirstResponseBucketFieldBase);
  return "unknown";
}

}  // namespace

std::string RollupFieldName(uint64_t id) {
  return absl::StrCat(RollupFieldMeaning(id), " (field ", id, ")");
}

std::string DriverFieldName(uint64_t id) {
  const uint64_t column = id & ((uint64_t{1} << kDriverColumnBits) - 1);
  const uint64_t row = (id >> kDriverColumnBits) % kDriverRows;
  const uint64_t pair = (id >> kDriverColumnBits) / kDriverRows;
  std::string name = absl::StrCat("pair ", pair);
  for (const DriverPairIdRow& p : kDriverPairIds) {
    if (p.id != pair) continue;
    const std::string_view metric = MetricInfoOf(p.metric).cli_name;
    const std::string_view kpi = KpiInfoOf(p.kpi).cli_name;
    name = absl::StrCat(absl::string_view(metric.data(), metric.size()), " x ",
                        absl::string_view(kpi.data(), kpi.size()));
  }
  return absl::StrCat(name, " level ", row, " column ", column, " (field ", id,
                      ")");
}

}  // namespace cxscore::storage
