#include "storage/rocks_store.h"

#include <filesystem>
#include <future>
#include <utility>

#include "core/status_macros.h"
#include "rocksdb/cache.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/table.h"
#include "storage/attribute_rebuild.h"
#include "storage/backup.h"
#include "storage/comment_scan.h"
#include "storage/merge_operand_check.h"
#include "storage/record_codec.h"
#include "storage/rocks_options.h"
#include "storage/rocks_status.h"
#include "storage/rollup_merge_operator.h"
#include "storage/rollup_scan.h"
#include "storage/rollup_verify.h"
#include "storage/store_rules.h"
#include "storage/write_planner.h"
#include "storage/write_queue.h"

namespace cxscore::storage {
namespace {

// Written under kFormatVersionKey in the default column family when the
// database is created. Version 1 (before the attribute view) is migrated on
// open; a database of any other version is not opened.
constexpr char kFormatVersionKey[] = "cxscore.format_version";
constexpr char kFormatVersion[] = "2";
constexpr char kFormatVersionWithoutAttributeView[] = "1";

constexpr char kInteractionsCf[] = "interactions";
constexpr char kResponsesCf[] = "responses";
constexpr char kResponseLinksCf[] = "response_links";
constexpr char kRollupsCf[] = "rollups";
constexpr char kDriverRollupsCf[] = "driver_rollups";
constexpr char kCommentsCf[] = "comments";

rocksdb::ColumnFamilyOptions RecordCfOptions(
    const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions options;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  // Ingest looks up every id; most are new, and a bloom filter answers
  // "absent" without reading blocks.
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  options.compression = rocksdb::kLZ4Compression;
  options.bottommost_compression = rocksdb::kZSTD;
  return options;
}

rocksdb::ColumnFamilyOptions RollupCfOptions(
    const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions options = RecordCfOptions(cache);
  options.merge_operator = NewRollupMergeOperator();
  return options;
}

void CloseDb(rocksdb::DB* db,
             std::vector<rocksdb::ColumnFamilyHandle*>* handles) {
  for (rocksdb::ColumnFamilyHandle* h : *handles)
    db->DestroyColumnFamilyHandle(h);
  handles->clear();
  db->Close();
  delete db;
}

ColumnFamilies CfsOf(const std::vector<rocksdb::ColumnFamilyHandle*>& handles) {
  return {handles[1], handles[2], handles[3],
          handles[4], handles[5], handles[6]};
}

// Creates, accepts or migrates the database's format version. A version 1
// database gets its attribute view rebuilt from the raw records; version 2
// is recorded (synced) only after the rebuild, so a crash during it redoes
// the rebuild on the next open.
absl::Status CheckFormatVersion(
    rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& handles,
    bool created) {
  std::string version;
  rocksdb::Status s =
      db->Get(rocksdb::ReadOptions(), kFormatVersionKey, &version);
  rocksdb::WriteOptions sync;
  sync.sync = true;
  if (s.IsNotFound() && created) {
    return FromRocks(db->Put(sync, kFormatVersionKey, kFormatVersion),
                     "writing format version");
  }
  if (!s.ok()) return FromRocks(s, "reading format version");
  if (version == kFormatVersionWithoutAttributeView) {
    RETURN_IF_ERROR(RebuildAttributeView(db, CfsOf(handles)));
    return FromRocks(db->Put(sync, kFormatVersionKey, kFormatVersion),
                     "writing format version");
  }
  if (version != kFormatVersion)
    return absl::FailedPreconditionError("database format version " + version +
                                         " is not supported (want " +
                                         kFormatVersion + ")");
  return absl::OkStatus();
}

class RocksStore : public Store {
 public:
  RocksStore(const StoreOptions& options, rocksdb::DB* db,
             std::vector<rocksdb::ColumnFamilyHandle*> handles,
             std::unique_ptr<BackupDir> backups)
      : options_(options),
        db_(db),
        handles_(std::move(handles)),
        backups_(std::move(backups)) {
    cfs_ = CfsOf(handles_);
    queue_ = std::make_unique<WriteQueue>(
        options.max_group_records,
        [this](std::vector<WriteRequest>& group) { ApplyGroup(group); });
  }

  ~RocksStore() override {
    queue_.reset();  // drains pending writes before the DB goes away
    backups_.reset();
    CloseDb(db_, &handles_);
  }

  void RecordInteractions(std::vector<Interaction> interactions,
                          WriteOptions options, WriteCallback done) override {
    queue_->Push({std::move(interactions), options, std::move(done)});
  }

  void SubmitResponses(std::vector<SurveyResponse> responses,
                       WriteOptions options, WriteCallback done) override {
    queue_->Push({std::move(responses), options, std::move(done)});
  }

  absl::StatusOr<std::vector<GroupCounts>> QueryRollups(
      const RollupQuery& query) override {
    return ScanRollups(db_, cfs_.rollups, query);
  }

  absl::StatusOr<std::vector<GroupDriverCounts>> QueryDrivers(
      const RollupQuery& query) override {
    return ScanDriverRollups(db_, cfs_.driver_rollups, query);
  }

  absl::StatusOr<std::vector<SurveyResponse>> ListComments(
      const RollupQuery& query, size_t limit,
      const std::function<bool(const SurveyResponse&)>& accept) override {
    RETURN_IF_ERROR(CheckCommentQuery(query));
    return ScanComments(db_, cfs_.comments, cfs_.responses, query, limit,
                        accept);
  }

  absl::StatusOr<std::optional<Interaction>> GetInteraction(
      const std::string& id) override {
    return Get<Interaction>(cfs_.interactions, id, DecodeInteraction);
  }

  absl::StatusOr<std::optional<SurveyResponse>> GetResponse(
      const std::string& id) override {
    return Get<SurveyResponse>(cfs_.responses, id, DecodeResponse);
  }

  absl::StatusOr<VerifyReport> Verify(bool repair) override {
    return VerifyRollups(
        db_, cfs_, repair,
        [this](absl::FunctionRef<void()> fn) { queue_->RunExclusive(fn); });
  }

  absl::StatusOr<BackupInfo> CreateBackup() override {
    RETURN_IF_ERROR(CheckBackupDir());
    return backups_->Create(db_);
  }

  absl::StatusOr<std::vector<BackupInfo>> ListBackups() override {
    RETURN_IF_ERROR(CheckBackupDir());
    return backups_->List();
  }

 private:
  absl::Status CheckBackupDir() const {
    if (backups_ != nullptr) return absl::OkStatus();
    return absl::FailedPreconditionError(
        "the server was started without --backup-dir");
  }

  template <typename T, typename Decode>
  absl::StatusOr<std::optional<T>> Get(rocksdb::ColumnFamilyHandle* cf,
                                       const std::string& id, Decode decode) {
    std::string value;
    rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), cf, id, &value);
    if (s.IsNotFound()) return std::nullopt;
    RETURN_IF_ERROR(FromRocks(s, "reading record"));
    ASSIGN_OR_RETURN(T record, decode(value));
    return std::optional<T>(std::move(record));
  }

  // Runs on the writer thread (WriteQueue).
  void ApplyGroup(std::vector<WriteRequest>& group) {
    WritePlanner planner(db_, cfs_);
    std::vector<std::vector<RecordOutcome>> outcomes(group.size());
    bool sync = false;  // any request of the group asks for it
    absl::Status status;
    for (size_t i = 0; i < group.size() && status.ok(); ++i) {
      WriteRequest& request = group[i];
      sync = sync || request.options.sync;
      outcomes[i].reserve(request.size());
      if (auto* v = std::get_if<std::vector<Interaction>>(&request.records)) {
        status = planner.AddInteractions(*v, &outcomes[i]);
      } else {
        status = planner.AddResponses(
            std::get<std::vector<SurveyResponse>>(request.records),
            &outcomes[i]);
      }
    }
    if (status.ok()) {
      rocksdb::WriteBatch batch = planner.Finish();
      // A merge operand its codec cannot read back would poison its cell:
      // then nothing of the group is written (INTERNAL for every request).
      status = CheckMergeOperands(batch, cfs_.rollups->GetID(),
                                  cfs_.driver_rollups->GetID());
      if (status.ok()) {
        status = FromRocks(
            db_->Write(GroupWriteOptions(options_, sync), &batch),
            "writing batch");
      }
    }
    for (size_t i = 0; i < group.size(); ++i) {
      if (status.ok()) {
        std::move(group[i].done)(std::move(outcomes[i]));
      } else {
        std::move(group[i].done)(status);
      }
    }
  }

  const StoreOptions options_;
  rocksdb::DB* db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;  // [0] is default
  ColumnFamilies cfs_;
  std::unique_ptr<BackupDir> backups_;  // null: no backup directory
  std::unique_ptr<WriteQueue> queue_;
};

// Opens the database with all column families; fills `handles` in the order
// default, interactions, responses, response_links, rollups, driver_rollups,
// comments.
absl::StatusOr<rocksdb::DB*> OpenDb(
    const StoreOptions& options,
    std::vector<rocksdb::ColumnFamilyHandle*>* handles) {
  if (options.data_dir.empty())
    return absl::InvalidArgumentError("data_dir: must not be empty");
  std::error_code ec;
  std::filesystem::create_directories(options.data_dir, ec);
  if (ec)
    return absl::UnavailableError("data_dir: cannot create " +
                                  options.data_dir + ": " + ec.message());
  const bool created = !std::filesystem::exists(
      std::filesystem::path(options.data_dir) / "CURRENT");

  const rocksdb::DBOptions db_options = RocksDbOptions(options);

  auto cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors = {
      {rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions()},
      {kInteractionsCf, RecordCfOptions(cache)},
      {kResponsesCf, RecordCfOptions(cache)},
      {kResponseLinksCf, RecordCfOptions(cache)},
      {kRollupsCf, RollupCfOptions(cache)},
      {kDriverRollupsCf, RollupCfOptions(cache)},
      {kCommentsCf, RecordCfOptions(cache)},
  };
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(db_options, options.data_dir,
                                        descriptors, handles, &db);
  if (!s.ok()) return FromRocks(s, "opening " + options.data_dir);
  if (absl::Status version = CheckFormatVersion(db, *handles, created);
      !version.ok()) {
    CloseDb(db, handles);
    return version;
  }
  return db;
}

}  // namespace

const char* DurabilityDescription(const StoreOptions& options) {
  return options.sync_writes
             ? "fsync per write group"
             : "no fsync per write group (--no-sync: a power cut can lose "
               "the last acknowledged writes)";
}

absl::StatusOr<std::unique_ptr<Store>> OpenRocksStore(
    const StoreOptions& options) {
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  std::unique_ptr<BackupDir> backups;
  if (!options.backup_dir.empty()) {
    ASSIGN_OR_RETURN(backups, BackupDir::Open(options.backup_dir));
  }
  ASSIGN_OR_RETURN(auto* db, OpenDb(options, &handles));
  return std::make_unique<RocksStore>(options, db, std::move(handles),
                                      std::move(backups));
}

absl::Status CompactRocksStore(const StoreOptions& options) {
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  absl::StatusOr<rocksdb::DB*> db = OpenDb(options, &handles);
  if (!db.ok()) return db.status();
  absl::Status status;
  for (rocksdb::ColumnFamilyHandle* h : handles) {
    status = FromRocks((*db)->Flush(rocksdb::FlushOptions(), h), "flushing");
    if (!status.ok()) break;
    rocksdb::CompactRangeOptions compact;
    compact.bottommost_level_compaction =
        rocksdb::BottommostLevelCompaction::kForce;
    status = FromRocks((*db)->CompactRange(compact, h, nullptr, nullptr),
                       "compacting");
    if (!status.ok()) break;
  }
  CloseDb(*db, &handles);
  return status;
}

WriteResult RecordInteractionsAndWait(Store& store,
                                      std::vector<Interaction> interactions,
                                      WriteOptions options) {
  std::promise<WriteResult> promise;
  store.RecordInteractions(
      std::move(interactions), options,
      [&promise](WriteResult r) { promise.set_value(std::move(r)); });
  return promise.get_future().get();
}

WriteResult SubmitResponsesAndWait(Store& store,
                                   std::vector<SurveyResponse> responses,
                                   WriteOptions options) {
  std::promise<WriteResult> promise;
  store.SubmitResponses(
      std::move(responses), options,
      [&promise](WriteResult r) { promise.set_value(std::move(r)); });
  return promise.get_future().get();
}

}  // namespace cxscore::storage
