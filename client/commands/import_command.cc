#include "client/commands/import_command.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

#include "absl/strings/str_cat.h"
#include "client/exit_codes.h"

namespace cxscore::client {
namespace {

// Rejected rows echoed on stderr; the rejects file has all of them.
constexpr size_t kRejectsShown = 10;

void ShowRejects(const ImportReport& report, bool have_rejects_file,
                 std::ostream& err) {
  size_t shown = std::min(report.rejected.size(), kRejectsShown);
  for (size_t i = 0; i < shown; ++i) {
    const RejectedRow& row = report.rejected[i];
    err << "line " << row.line;
    if (!row.id.empty()) err << " (id " << row.id << ")";
    err << ": " << row.reason << "\n";
  }
  if (report.rejected_total() > shown) {
    err << "... and " << report.rejected_total() - shown
        << " more rejected rows";
    if (report.rejected_unlisted > 0) {
      err << " (" << report.rejected.size()
          << " are listed: the server lists a limited number; --rejects "
             "FILE has the listed ones)";
    } else if (!have_rejects_file) {
      err << " (--rejects FILE lists them all)";
    }
    err << "\n";
  }
}

}  // namespace

int RunImportCommand(v1::CxScore::StubInterface& stub,
                     const ImportCommandOptions& options, std::istream& std_in,
                     std::ostream& out, std::ostream& err) {
  std::istream* in = &std_in;
  std::ifstream file;
  std::string input_name = "standard input";
  int64_t total_bytes = 0;
  if (options.path != "-") {
    input_name = options.path;
    std::error_code ec;
    if (std::filesystem::is_directory(options.path, ec)) {
      err << "cxscore: " << options.path << " is a directory, not a CSV file\n";
      return kExitFailure;
    }
    file.open(options.path, std::ios::binary);
    if (!file.is_open()) {
      err << "cxscore: cannot open " << options.path << ": "
          << std::strerror(errno) << "\n";
      return kExitFailure;
    }
    in = &file;
    auto size = std::filesystem::file_size(options.path, ec);
    if (!ec) total_bytes = static_cast<int64_t>(size);
  }

  std::ofstream rejects_file;
  if (!options.rejects_path.empty()) {
    rejects_file.open(options.rejects_path, std::ios::binary | std::ios::trunc);
    if (!rejects_file.is_open()) {
      err << "cxscore: cannot write the rejects file " << options.rejects_path
          << ": " << std::strerror(errno) << "\n";
      return kExitFailure;
    }
  }

  std::optional<ProgressBar> progress;
  if (options.show_progress) progress.emplace(&err, total_bytes);
  absl::StatusOr<ImportReport> report = ImportCsv(
      stub, *in, input_name, options.import, progress ? &*progress : nullptr);
  if (progress) progress->Finish();
  if (!report.ok()) {
    err << "cxscore: " << report.status().message() << "\n";
    return kExitFailure;
  }

  if (rejects_file.is_open()) {
    WriteRejects(report->rejected, rejects_file);
    rejects_file.close();
    if (rejects_file.fail()) {
      err << "cxscore: writing the rejects file " << options.rejects_path
          << " failed\n";
      out << SummaryLine(*report) << "\n";
      return kExitFailure;
    }
  }
  ShowRejects(*report, !options.rejects_path.empty(), err);
  out << SummaryLine(*report) << "\n";
  return report->rejected_total() == 0 ? kExitOk : kExitRowsRejected;
}

}  // namespace cxscore::client
