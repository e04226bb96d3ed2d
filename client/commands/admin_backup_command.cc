#include "client/commands/admin_backup_command.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "client/exit_codes.h"

namespace cxscore::client {
namespace {

std::string CreatedAt(const v1::BackupInfo& backup) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ",
                          absl::FromUnixSeconds(backup.created_at().seconds()),
                          absl::UTCTimeZone());
}

}  // namespace

std::string FormatBytes(uint64_t bytes) {
  if (bytes < 1024) return absl::StrCat(bytes, " B");
  const char* const units[] = {"KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes) / 1024;
  size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(units)) {
    value /= 1024;
    ++unit;
  }
  return absl::StrFormat("%.1f %s", value, units[unit]);
}

Json BackupToJson(const v1::BackupInfo& backup) {
  Json out;
  out["id"] = backup.backup_id();
  out["created_at"] = CreatedAt(backup);
  out["size_bytes"] = backup.size_bytes();
  out["files"] = backup.file_count();
  out["verified"] = backup.verified();
  return out;
}

Table NewBackupTable(const v1::BackupInfo& backup) {
  Table table;
  table.AddText(absl::StrCat(
      "backup ", backup.backup_id(), " created at ", CreatedAt(backup), ": ",
      FormatBytes(backup.size_bytes()), ", ", backup.file_count(), " files, ",
      backup.verified() ? "checksums verified" : "NOT verified", "\n"));
  table.json = BackupToJson(backup);
  table.csv_header = CsvNames(table.json);
  table.csv_rows.emplace_back();
  AppendCsvCells(table.json, table.csv_rows.back());
  return table;
}

Table BackupsTable(const v1::ListBackupsResponse& response) {
  Table table;
  table.json["backups"] = Json::array();
  table.csv_header = {"id", "created_at", "size_bytes", "files", "verified"};
  std::vector<std::vector<std::string>> rows;
  for (const v1::BackupInfo& backup : response.backups()) {
    Json record = BackupToJson(backup);
    table.csv_rows.emplace_back();
    AppendCsvCells(record, table.csv_rows.back());
    table.json["backups"].push_back(std::move(record));
    rows.push_back({absl::StrCat(backup.backup_id()), CreatedAt(backup),
                    FormatBytes(backup.size_bytes()),
                    absl::StrCat(backup.file_count()),
                    backup.verified() ? "yes" : "no"});
  }
  if (rows.empty()) {
    table.AddText("(no backups)\n");
    return table;
  }
  table.AddRows({{"id", true},
                 {"created_at", false},
                 {"size", true},
                 {"files", true},
                 {"verified", false}},
                std::move(rows));
  return table;
}

int RunAdminBackupCommand(v1::CxScore::StubInterface& stub,
                          const QueryCommandOptions& options, std::ostream& out,
                          std::ostream& err) {
  absl::StatusOr<v1::CreateBackupRequest> request = v1::CreateBackupRequest();
  if (options.format == OutputFormat::kCsv) {
    request = absl::InvalidArgumentError(
        "admin backup prints --format table or "
        "json, not csv");
  }
  return RunQuery(
      stub, &v1::CxScore::StubInterface::CreateBackup, request, options, err,
      [&](const v1::CreateBackupRequest&, const v1::BackupInfo& backup) {
        PrintTable(NewBackupTable(backup), options.format, out);
        return kExitOk;
      });
}

int RunAdminBackupsCommand(v1::CxScore::StubInterface& stub,
                           const QueryCommandOptions& options,
                           std::ostream& out, std::ostream& err) {
  return RunQuery(
      stub, &v1::CxScore::StubInterface::ListBackups,
      absl::StatusOr<v1::ListBackupsRequest>(v1::ListBackupsRequest()), options,
      err,
      [&](const v1::ListBackupsRequest&,
          const v1::ListBackupsResponse& response) {
        PrintTable(BackupsTable(response), options.format, out);
        return kExitOk;
      });
}

}  // namespace cxscore::client
