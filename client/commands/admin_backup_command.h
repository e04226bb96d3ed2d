// `cxscore admin backup` and `cxscore admin backups` (docs/cli.md): one
// CreateBackup or ListBackups call (admin role), the answer as a Table
// printed in the chosen format. The JSON fields and CSV columns are a
// contract.
#ifndef CXSCORE_CLIENT_COMMANDS_ADMIN_BACKUP_COMMAND_H_
#define CXSCORE_CLIENT_COMMANDS_ADMIN_BACKUP_COMMAND_H_

#include <ostream>
#include <string>

#include "client/commands/query_command.h"
#include "client/printers/table.h"
#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::client {

// `admin backup`: exit 0 after printing the new backup; 2 for --format csv
// (before any call) or when the call fails (the server has no --backup-dir,
// a backup is already running, the caller is not admin, ...).
int RunAdminBackupCommand(v1::CxScore::StubInterface& stub,
                          const QueryCommandOptions& options, std::ostream& out,
                          std::ostream& err);

// `admin backups`: exit 0 after printing every backup, 2 when the call
// fails.
int RunAdminBackupsCommand(v1::CxScore::StubInterface& stub,
                           const QueryCommandOptions& options,
                           std::ostream& out, std::ostream& err);

// {"id", "created_at" (RFC 3339 UTC), "size_bytes", "files", "verified"}.
Json BackupToJson(const v1::BackupInfo& backup);

// The new backup:
//  - table: "backup ID created at TIME: SIZE, N files, checksums verified"
//  - json:  BackupToJson(backup)
Table NewBackupTable(const v1::BackupInfo& backup);

// Every backup, oldest first:
//  - table: columns id, created_at, size, files, verified (or a line saying
//    there is none)
//  - json:  {"backups": [BackupToJson...]}
//  - csv:   id,created_at,size_bytes,files,verified
Table BackupsTable(const v1::ListBackupsResponse& response);

// 1536 -> "1.5 KiB"; below 1 KiB: "N B".
std::string FormatBytes(uint64_t bytes);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_COMMANDS_ADMIN_BACKUP_COMMAND_H_
