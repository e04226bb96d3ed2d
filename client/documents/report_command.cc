#include "client/documents/report_command.h"

#include <sstream>

#include "client/documents/report_document.h"
#include "client/documents/scorecard_render.h"
#include "client/exit_codes.h"

namespace cxscore::client {

int RunReportCommand(v1::CxScore::StubInterface& stub,
                     const ReportCommandOptions& options, std::ostream& out,
                     std::ostream& err) {
  absl::StatusOr<CheckedDocumentOptions> checked =
      CheckDocumentOptions(options.document, DocumentFormat::kMarkdown);
  if (!checked.ok()) {
    err << "cxscore: " << checked.status().message() << "\n";
    return kExitFailure;
  }
  if ((checked->format == DocumentFormat::kHtml ||
       checked->format == DocumentFormat::kPdf) &&
      options.output.empty()) {
    err << "cxscore: --format " << FileExtension(checked->format)
        << " writes a file: give it with -o FILE\n";
    return kExitFailure;
  }
  ReportSelection selection;
  selection.period = checked->period;
  selection.teams = options.teams;
  selection.agents = options.agents;
  selection.channels = options.channels;
  absl::StatusOr<ReportDocument> doc =
      FetchReport(stub, selection, checked->today, options.document.call);
  if (!doc.ok()) {
    err << "cxscore: " << doc.status().message() << "\n";
    return kExitFailure;
  }
  std::ostringstream content;
  switch (checked->format) {
    case DocumentFormat::kMarkdown:
      WriteReportMarkdown(*doc, checked->lang, content);
      break;
    case DocumentFormat::kJson:
      WriteJsonDocument(ReportJson(*doc, checked->lang), content);
      break;
    case DocumentFormat::kHtml:
    case DocumentFormat::kPdf:
      WriteReportHtml(*doc, checked->lang, content);
      break;
  }
  if (options.output.empty()) {
    out << content.str();
    return kExitOk;
  }
  absl::Status status = WriteDocument(content.str(), checked->format,
                                      options.output, checked->chromium);
  if (!status.ok()) {
    err << "cxscore: " << status.message() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace cxscore::client
