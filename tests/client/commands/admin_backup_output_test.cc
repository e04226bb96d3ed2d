// Table, JSON and CSV of `cxscore admin backup` / `admin backups`, from
// hand-built answers.
#include <sstream>
#include <string>

#include "client/commands/admin_backup_command.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace cxscore::client {
namespace {

v1::BackupInfo Backup(uint32_t id, int64_t seconds, uint64_t size,
                      uint32_t files, bool verified) {
  v1::BackupInfo b;
  b.set_backup_id(id);
  b.mutable_created_at()->set_seconds(seconds);
  b.set_size_bytes(size);
  b.set_file_count(files);
  b.set_verified(verified);
  return b;
}

std::string Print(const Table& table, OutputFormat format) {
  std::ostringstream out;
  PrintTable(table, format, out);
  return out.str();
}

// 2026-12-08T00:41:07Z
constexpr int64_t kCreated = 1796690467;

TEST(AdminBackupOutputTest, NewBackupInTableAndJson) {
  const v1::BackupInfo b = Backup(3, kCreated, 40054784, 41, true);
  EXPECT_EQ(Print(NewBackupTable(b), OutputFormat::kTable),
            "backup 3 created at 2026-12-08T00:41:07Z: 38.2 MiB, 41 files, "
            "checksums verified\n");
  EXPECT_EQ(
      nlohmann::json::parse(Print(NewBackupTable(b), OutputFormat::kJson)),
      nlohmann::json::parse(R"({"id": 3,
              "created_at": "2026-12-08T00:41:07Z", "size_bytes": 40054784,
              "files": 41, "verified": true})"));
}

TEST(AdminBackupOutputTest, ListInEveryFormat) {
  v1::ListBackupsResponse response;
  *response.add_backups() = Backup(1, kCreated - 86400, 900, 5, true);
  *response.add_backups() = Backup(2, kCreated, 40054784, 41, false);
  EXPECT_EQ(Print(BackupsTable(response), OutputFormat::kTable),
            "id  created_at                size  files  verified\n"
            " 1  2026-12-07T00:41:07Z     900 B      5  yes\n"
            " 2  2026-12-08T00:41:07Z  38.2 MiB     41  no\n");
  EXPECT_EQ(Print(BackupsTable(response), OutputFormat::kCsv),
            "id,created_at,size_bytes,files,verified\n"
            "1,2026-12-07T00:41:07Z,900,5,true\n"
            "2,2026-12-08T00:41:07Z,40054784,41,false\n");
  const nlohmann::json json =
      nlohmann::json::parse(Print(BackupsTable(response), OutputFormat::kJson));
  ASSERT_EQ(json["backups"].size(), 2u);
  EXPECT_EQ(json["backups"][1]["id"], 2);
  EXPECT_EQ(json["backups"][1]["verified"], false);
}

TEST(AdminBackupOutputTest, NoBackups) {
  const v1::ListBackupsResponse none;
  EXPECT_EQ(Print(BackupsTable(none), OutputFormat::kTable), "(no backups)\n");
  EXPECT_EQ(Print(BackupsTable(none), OutputFormat::kCsv),
            "id,created_at,size_bytes,files,verified\n");
  EXPECT_EQ(
      nlohmann::json::parse(Print(BackupsTable(none), OutputFormat::kJson)),
      nlohmann::json::parse(R"({"backups": []})"));
}

TEST(AdminBackupOutputTest, FormatBytes) {
  EXPECT_EQ(FormatBytes(0), "0 B");
  EXPECT_EQ(FormatBytes(1023), "1023 B");
  EXPECT_EQ(FormatBytes(1536), "1.5 KiB");
  EXPECT_EQ(FormatBytes(uint64_t{5} << 30), "5.0 GiB");
}

}  // namespace
}  // namespace cxscore::client
