// Backups of the RocksDB store (storage/backup.h): an online backup restores
// to exactly the state at backup time, writes during a backup leave a
// consistent backup, a corrupted backup file fails verification and is not
// restored.
#include "storage/backup.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "storage/memory_store.h"
#include "storage/rocks_store.h"
#include "tests/storage/store_test_base.h"
#include "tests/storage/test_records.h"
#include "tests/testing/status_matchers.h"

namespace cxscore::storage {
namespace {

namespace fs = std::filesystem;
using cxscore::testing::IsOk;
using cxscore::testing::Response;
using cxscore::testing::StatusIs;
using cxscore::testing::Ticket;
using cxscore::testing::Utc;
using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Everything a reader can see of the store: grouped score and driver
// rollups, and the raw records by id.
struct Snapshot {
  std::vector<std::vector<std::optional<std::string>>> score_keys;
  std::vector<RollupCounts> score_counts;
  std::vector<std::vector<std::optional<std::string>>> driver_keys;
  std::vector<DriverCounts> driver_counts;
  std::vector<std::optional<SurveyResponse>> responses;
  std::vector<std::optional<Interaction>> interactions;
};

class BackupTest : public StoreTestBase<::testing::Test> {
 protected:
  void SetUp() override {
    options_.data_dir = FreshDir("cxscore-backup-data-");
    options_.backup_dir = FreshDir("cxscore-backup-dir-");
    restore_dir_ = FreshDir("cxscore-backup-restored-");
    Open(options_);
  }
  void TearDown() override {
    store_.reset();
    for (const std::string& dir :
         {options_.data_dir, options_.backup_dir, restore_dir_})
      fs::remove_all(dir);
  }
  void Open(const StoreOptions& options) {
    store_.reset();
    auto store = OpenRocksStore(options);
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
  }

  static std::vector<std::string> ResponseIds() {
    return {"r1", "r2", "r3", "r4", "r5", "r6"};
  }
  static std::vector<std::string> InteractionIds() {
    return {"t1", "t2", "t3"};
  }

  Snapshot Take() {
    Snapshot s;
    RollupQuery by_agent_day;
    by_agent_day.group_by = {GroupDim::kAgent, GroupDim::kDay};
    for (GroupCounts& g : Query(by_agent_day)) {
      s.score_keys.push_back(g.key);
      s.score_counts.push_back(g.counts);
    }
    RollupQuery by_agent;
    by_agent.group_by = {GroupDim::kAgent};
    auto drivers = store_->QueryDrivers(by_agent);
    EXPECT_THAT(drivers, IsOk());
    if (drivers.ok()) {
      for (GroupDriverCounts& g : *drivers) {
        s.driver_keys.push_back(g.key);
        s.driver_counts.push_back(g.counts);
      }
    }
    for (const std::string& id : ResponseIds()) {
      auto r = store_->GetResponse(id);
      EXPECT_THAT(r, IsOk());
      s.responses.push_back(r.ok() ? *r : std::nullopt);
    }
    for (const std::string& id : InteractionIds()) {
      auto i = store_->GetInteraction(id);
      EXPECT_THAT(i, IsOk());
      s.interactions.push_back(i.ok() ? *i : std::nullopt);
    }
    return s;
  }

  static void ExpectSame(const Snapshot& a, const Snapshot& b) {
    EXPECT_EQ(a.score_keys, b.score_keys);
    EXPECT_TRUE(a.score_counts == b.score_counts);
    EXPECT_EQ(a.driver_keys, b.driver_keys);
    EXPECT_TRUE(a.driver_counts == b.driver_counts);
    EXPECT_TRUE(a.responses == b.responses);
    EXPECT_TRUE(a.interactions == b.interactions);
  }

  // Flips one byte in the middle of the largest table file of the backups.
  void CorruptATableFile() {
    fs::path largest;
    uintmax_t size = 0;
    for (const auto& entry :
         fs::recursive_directory_iterator(options_.backup_dir)) {
      if (entry.path().extension() == ".sst" && entry.file_size() > size) {
        largest = entry.path();
        size = entry.file_size();
      }
    }
    ASSERT_GT(size, 0u) << "no table file in " << options_.backup_dir;
    std::fstream f(largest, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(size / 2));
    char byte = 0;
    f.read(&byte, 1);
    byte = static_cast<char>(byte ^ 0x5a);
    f.seekp(static_cast<std::streamoff>(size / 2));
    f.write(&byte, 1);
    f.close();
    ASSERT_TRUE(f.good() || !f.fail());
  }

  RestoreRequest Restore(std::optional<uint32_t> id = std::nullopt) const {
    RestoreRequest request;
    request.backup_dir = options_.backup_dir;
    request.data_dir = restore_dir_;
    request.backup_id = id;
    return request;
  }

  StoreOptions options_;
  std::string restore_dir_;
};

TEST_F(BackupTest, RestoredDatabaseEqualsTheStateAtBackupTime) {
  ASSERT_THAT(Record({Ticket("t1", "a", Utc(2025, 3, 1), absl::Hours(2)),
                      Ticket("t2", "b", Utc(2025, 3, 2), absl::Hours(9))}),
              Each(Kind::kAccepted));
  SurveyResponse r1 = Response("r1", "a", "chat", Utc(2025, 3, 1), 9, 5);
  r1.interaction_id = "t1";
  SurveyResponse r2 = Response("r2", "b", "email", Utc(2025, 3, 2), 3, 2);
  r2.interaction_id = "t2";
  ASSERT_THAT(
      Submit({r1, r2, Response("r3", "a", "chat", Utc(2025, 3, 2), 10)}),
      Each(Kind::kAccepted));
  const absl::Time before = absl::Now();
  absl::StatusOr<BackupInfo> backup = store_->CreateBackup();
  ASSERT_THAT(backup, IsOk());
  EXPECT_EQ(backup->id, 1u);
  EXPECT_TRUE(backup->verified);
  EXPECT_GT(backup->size_bytes, 0u);
  EXPECT_GT(backup->file_count, 0u);
  EXPECT_GE(backup->created_at,
            absl::FromUnixSeconds(absl::ToUnixSeconds(before)));
  EXPECT_LE(backup->created_at, absl::Now());
  const Snapshot at_backup = Take();

  // After the backup: new responses, a new ticket, and an upsert that moves
  // t1's contribution (its close time) in the rollups.
  ASSERT_THAT(Submit({Response("r4", "a", "chat", Utc(2025, 3, 1), 0, 1),
                      Response("r5", "c", "phone", Utc(2025, 3, 3), 7)}),
              Each(Kind::kAccepted));
  ASSERT_THAT(Record({Ticket("t1", "a", Utc(2025, 3, 1), absl::Hours(30)),
                      Ticket("t3", "c", Utc(2025, 3, 3), absl::Hours(1))}),
              Each(Kind::kAccepted));
  const Snapshot after_backup = Take();
  EXPECT_FALSE(after_backup.score_counts == at_backup.score_counts);
  store_.reset();

  absl::StatusOr<BackupInfo> restored = RestoreBackup(Restore());
  ASSERT_THAT(restored, IsOk());
  EXPECT_EQ(restored->id, backup->id);
  EXPECT_EQ(restored->created_at, backup->created_at);
  EXPECT_EQ(restored->size_bytes, backup->size_bytes);
  EXPECT_TRUE(restored->verified);
  absl::StatusOr<std::optional<RestoredFrom>> from =
      ReadRestoredFrom(restore_dir_);
  ASSERT_THAT(from, IsOk());
  ASSERT_TRUE(from->has_value());
  EXPECT_EQ((*from)->backup_id, backup->id);
  EXPECT_EQ((*from)->backup_created_at, backup->created_at);

  StoreOptions restored_options;
  restored_options.data_dir = restore_dir_;
  Open(restored_options);
  ExpectSame(at_backup, Take());
  // The original directory still holds the later writes.
  Open(options_);
  ExpectSame(after_backup, Take());
  absl::StatusOr<std::optional<RestoredFrom>> not_restored =
      ReadRestoredFrom(options_.data_dir);
  ASSERT_THAT(not_restored, IsOk());
  EXPECT_FALSE(not_restored->has_value());
}

TEST_F(BackupTest, BackupsAreListedOldestFirstAndTheRestoreIdChoosesOne) {
  ASSERT_THAT(Submit({Response("r1", "a", "chat", Utc(2025, 3, 1), 9)}),
              Each(Kind::kAccepted));
  ASSERT_THAT(store_->CreateBackup(), IsOk());
  const Snapshot first = Take();
  ASSERT_THAT(Submit({Response("r2", "a", "chat", Utc(2025, 3, 1), 2)}),
              Each(Kind::kAccepted));
  ASSERT_THAT(store_->CreateBackup(), IsOk());
  absl::StatusOr<std::vector<BackupInfo>> list = store_->ListBackups();
  ASSERT_THAT(list, IsOk());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, 1u);
  EXPECT_EQ((*list)[1].id, 2u);
  EXPECT_TRUE((*list)[0].verified && (*list)[1].verified);
  EXPECT_LE((*list)[0].created_at, (*list)[1].created_at);

  // A store opened again on the same directory lists the same backups.
  Open(options_);
  absl::StatusOr<std::vector<BackupInfo>> again = store_->ListBackups();
  ASSERT_THAT(again, IsOk());
  ASSERT_EQ(again->size(), 2u);
  EXPECT_EQ((*again)[1].size_bytes, (*list)[1].size_bytes);
  EXPECT_TRUE((*again)[0].verified);
  store_.reset();

  ASSERT_THAT(RestoreBackup(Restore(1)), IsOk());
  StoreOptions restored_options;
  restored_options.data_dir = restore_dir_;
  Open(restored_options);
  ExpectSame(first, Take());
}

TEST_F(BackupTest, ABackupTakenWhileWritesContinueIsConsistent) {
  // A writer submits responses one by one (in order) from before the backup
  // starts until after it has returned; the restored database must hold a
  // prefix of them (at least those acknowledged before the backup started,
  // none written after it returned), each counted in the rollups once.
  std::atomic<int> written{0};
  std::atomic<bool> backup_done{false};
  std::thread writer([&] {
    int after_backup = 0;
    for (int i = 0; after_backup < 50; ++i) {
      if (backup_done.load()) ++after_backup;
      WriteResult result = SubmitResponsesAndWait(
          *store_, {Response(absl::StrCat("w", i), "a", "chat",
                             Utc(2025, 3, 1 + i % 20), i % 11)});
      if (!result.ok()) return;
      written.store(i + 1);
    }
  });
  while (written.load() < 100) std::this_thread::yield();
  const int before_backup = written.load();
  absl::StatusOr<BackupInfo> backup = store_->CreateBackup();
  const int at_return = written.load();
  backup_done.store(true);
  writer.join();
  ASSERT_THAT(backup, IsOk());
  const int total = written.load();
  ASSERT_GT(total, at_return);
  store_.reset();

  ASSERT_THAT(RestoreBackup(Restore()), IsOk());
  StoreOptions restored_options;
  restored_options.data_dir = restore_dir_;
  Open(restored_options);
  int present = 0;
  bool gap = false;
  for (int i = 0; i < total; ++i) {
    auto r = store_->GetResponse(absl::StrCat("w", i));
    ASSERT_THAT(r, IsOk());
    if (r->has_value()) {
      EXPECT_FALSE(gap) << "w" << i << " is present after a missing one";
      ++present;
    } else {
      gap = true;
    }
  }
  RecordProperty("written_before_backup", before_backup);
  RecordProperty("present", present);
  RecordProperty("written_at_return", at_return);
  EXPECT_GE(present, before_backup);
  EXPECT_LE(present, at_return);
  EXPECT_EQ(NpsN(Total()), present);
}

TEST_F(BackupTest, ACorruptedBackupFailsVerificationAndIsNotRestored) {
  ASSERT_THAT(Submit({Response("r1", "a", "chat", Utc(2025, 3, 1), 9),
                      Response("r2", "b", "chat", Utc(2025, 3, 2), 4)}),
              Each(Kind::kAccepted));
  absl::StatusOr<BackupInfo> backup = store_->CreateBackup();
  ASSERT_THAT(backup, IsOk());
  store_.reset();
  ASSERT_THAT(VerifyBackupChecksums(options_.backup_dir, backup->id), IsOk());

  CorruptATableFile();
  EXPECT_THAT(VerifyBackupChecksums(options_.backup_dir, backup->id),
              StatusIs(absl::StatusCode::kDataLoss));
  absl::StatusOr<BackupInfo> restored = RestoreBackup(Restore());
  EXPECT_THAT(restored, StatusIs(absl::StatusCode::kDataLoss));
  EXPECT_THAT(
      restored.status().message(),
      HasSubstr(absl::StrCat("backup ", backup->id, " in ", options_.backup_dir,
                             " fails verification")));
  EXPECT_FALSE(fs::exists(restore_dir_));
}

TEST_F(BackupTest, RestoreRefusesANonEmptyDirectoryAndUnknownBackups) {
  ASSERT_THAT(Submit({Response("r1", "a", "chat", Utc(2025, 3, 1), 9)}),
              Each(Kind::kAccepted));
  // No backup yet.
  EXPECT_THAT(RestoreBackup(Restore()),
              StatusIs(absl::StatusCode::kNotFound,
                       HasSubstr("no backup in " + options_.backup_dir)));
  ASSERT_THAT(store_->CreateBackup(), IsOk());
  EXPECT_THAT(RestoreBackup(Restore(7)),
              StatusIs(absl::StatusCode::kNotFound,
                       HasSubstr("no backup 7 in " + options_.backup_dir)));
  RestoreRequest missing_dir = Restore();
  missing_dir.backup_dir = options_.backup_dir + "-missing";
  EXPECT_THAT(RestoreBackup(missing_dir),
              StatusIs(absl::StatusCode::kNotFound));

  fs::create_directories(restore_dir_);
  std::ofstream(fs::path(restore_dir_) / "keep") << "x";
  EXPECT_THAT(RestoreBackup(Restore()),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("is not empty")));
  EXPECT_THAT(RestoreBackup({options_.backup_dir, options_.data_dir, {}}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(BackupTest, StoresWithoutABackupDirectoryRefuseBackups) {
  StoreOptions no_backups;
  no_backups.data_dir = options_.data_dir;
  Open(no_backups);
  EXPECT_THAT(store_->CreateBackup(),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("the server was started without "
                                 "--backup-dir")));
  EXPECT_THAT(store_->ListBackups(),
              StatusIs(absl::StatusCode::kFailedPrecondition));

  MemoryStore memory;
  EXPECT_THAT(memory.CreateBackup(), StatusIs(absl::StatusCode::kUnimplemented,
                                              HasSubstr("keeps no backups")));
  EXPECT_THAT(memory.ListBackups(), StatusIs(absl::StatusCode::kUnimplemented));
}

TEST(ErasureSeamTest, NothingIsReappliedWhileThereIsNoErasureJournal) {
  // erase-customer is not implemented: no journal, nothing to re-apply,
  // and a non-empty list is refused rather than silently dropped.
  absl::StatusOr<std::vector<PendingErasure>> erasures =
      ErasuresAfterBackup("/nonexistent", RestoredFrom{});
  ASSERT_THAT(erasures, IsOk());
  EXPECT_TRUE(erasures->empty());
  MemoryStore store;
  EXPECT_THAT(ReapplyErasures(store, *erasures), IsOk());
  EXPECT_THAT(ReapplyErasures(store, {PendingErasure{"c1", absl::Now()}}),
              StatusIs(absl::StatusCode::kUnimplemented));
}

}  // namespace
}  // namespace cxscore::storage
