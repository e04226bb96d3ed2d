// `cxscore admin verify [--repair]`: one Verify call (admin role), its
// answer as a Table (docs/cli.md). The exit code says whether the store is
// right: 0 when every cell equals its recomputed value (with --repair: when
// it does after the repair), 1 when cells differ, 2 when the call fails.
#ifndef CXSCORE_CLIENT_COMMANDS_VERIFY_COMMAND_H_
#define CXSCORE_CLIENT_COMMANDS_VERIFY_COMMAND_H_

#include <ostream>

#include "client/commands/query_command.h"
#include "client/printers/table.h"
#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::client {

struct VerifyCommandOptions : QueryCommandOptions {
  bool repair = false;
};

// Exit code of an answer: kExitOk when the store is right (no difference;
// with --repair: repaired), kExitCellsDiffer otherwise.
int VerifyExitCode(const v1::VerifyResponse& response, bool repair);

// The answer in every format:
//  - table: "verified N cells: all equal", or "verified N cells: D
//    differences" and the differences as rows (view, key, field, stored,
//    recomputed), then with --repair "repaired: verified again, all equal"
//    or "repair incomplete: verified again, D differences".
//  - json: {"cells_checked", "rollup_cells", "driver_cells",
//    "comment_entries", "all_equal", "differences_total", "differences":
//    [{"view", "key", "field", "stored", "recomputed"}...], "repair",
//    "repaired", "differences_after_repair"}.
//  - csv: one row per listed difference: view,key,field,stored,recomputed.
Table VerifyTable(const v1::VerifyResponse& response, bool repair);

int RunVerifyCommand(v1::CxScore::StubInterface& stub,
                     const VerifyCommandOptions& options, std::ostream& out,
                     std::ostream& err);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_COMMANDS_VERIFY_COMMAND_H_
