// `cxscore import interactions|responses FILE`: files, messages, exit codes.
#ifndef CXSCORE_CLIENT_COMMANDS_IMPORT_COMMAND_H_
#define CXSCORE_CLIENT_COMMANDS_IMPORT_COMMAND_H_

#include <istream>
#include <ostream>
#include <string>

#include "client/import/csv_import.h"
#include "cxscore/v1/cxscore.grpc.pb.h"

namespace cxscore::client {

struct ImportCommandOptions {
  ImportOptions import;
  std::string path;            // the CSV file; "-" reads `std_in`
  std::string rejects_path;    // "" = no rejects file
  bool show_progress = false;  // draw a progress bar on `err`
};

// Runs the import and returns the exit code (client/exit_codes.h). Writes
// the summary line to `out`; errors, the first rejected rows and the
// progress bar to `err`. The rejects file (when asked for) is created before
// anything is sent, so that an unwritable path fails fast, and always gets
// its header.
int RunImportCommand(v1::CxScore::StubInterface& stub,
                     const ImportCommandOptions& options, std::istream& std_in,
                     std::ostream& out, std::ostream& err);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_COMMANDS_IMPORT_COMMAND_H_
