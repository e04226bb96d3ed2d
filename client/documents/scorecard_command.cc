#include "client/documents/scorecard_command.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "client/documents/messages.h"
#include "client/documents/pdf_export.h"
#include "client/documents/scorecard_render.h"
#include "client/exit_codes.h"
#include "client/import/cell_values.h"
#include "core/calendar.h"

namespace cxscore::client {
namespace {

absl::StatusOr<int32_t> ParseDay(std::string_view text, std::string_view flag) {
  absl::StatusOr<absl::Time> t =
      ParseUtcDate(absl::string_view(text.data(), text.size()));
  if (!t.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(AbslView(flag), " \"", AbslView(text),
                     "\": expected a date YYYY-MM-DD (UTC)"));
  }
  return DayNumberOf(*t);
}

std::string Render(const ScorecardDocument& doc, DocumentFormat format,
                   Lang lang) {
  std::ostringstream out;
  switch (format) {
    case DocumentFormat::kMarkdown:
      WriteScorecardMarkdown(doc, lang, out);
      break;
    case DocumentFormat::kJson:
      WriteJsonDocument(ScorecardJson(doc, lang), out);
      break;
    case DocumentFormat::kHtml:
    case DocumentFormat::kPdf:
      WriteScorecardHtml(doc, lang, out);
      break;
  }
  return out.str();
}

}  // namespace

absl::Status WriteFile(const std::string& path, const std::string& content) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << content;
  file.close();
  if (!file)
    return absl::PermissionDeniedError(absl::StrCat("cannot write ", path));
  return absl::OkStatus();
}

absl::Status WriteDocument(const std::string& content, DocumentFormat format,
                           const std::string& path,
                           const std::string& chromium) {
  if (format == DocumentFormat::kPdf) return HtmlToPdf(content, path, chromium);
  return WriteFile(path, content);
}

absl::StatusOr<CheckedDocumentOptions> CheckDocumentOptions(
    const DocumentOptions& options, DocumentFormat default_format) {
  CheckedDocumentOptions c;
  if (options.format.empty()) {
    c.format = default_format;
  } else {
    absl::StatusOr<DocumentFormat> format = ParseDocumentFormat(options.format);
    if (!format.ok()) return format.status();
    c.format = *format;
  }
  absl::StatusOr<Lang> lang = ParseLang(options.lang);
  if (!lang.ok()) return lang.status();
  c.lang = *lang;
  c.today = DayNumberOf(options.now);
  absl::StatusOr<DayRange> period =
      ParseDayRange(options.from, options.to, c.today);
  if (!period.ok()) return period.status();
  c.period = *period;
  if (c.format == DocumentFormat::kPdf) {
    std::optional<std::string> chromium = FindChromium();
    if (!chromium.has_value()) {
      return absl::FailedPreconditionError(ChromiumMissingMessage());
    }
    c.chromium = *chromium;
  }
  return c;
}

absl::StatusOr<DocumentFormat> ParseDocumentFormat(std::string_view text) {
  const std::string lower = absl::AsciiStrToLower(
      absl::StripAsciiWhitespace(absl::string_view(text.data(), text.size())));
  if (lower == "md" || lower == "markdown") return DocumentFormat::kMarkdown;
  if (lower == "json") return DocumentFormat::kJson;
  if (lower == "html") return DocumentFormat::kHtml;
  if (lower == "pdf") return DocumentFormat::kPdf;
  return absl::InvalidArgumentError(absl::StrCat(
      "--format \"", AbslView(text), "\": expected md, json, html or pdf"));
}

std::string_view FileExtension(DocumentFormat format) {
  switch (format) {
    case DocumentFormat::kMarkdown:
      return "md";
    case DocumentFormat::kJson:
      return "json";
    case DocumentFormat::kHtml:
      return "html";
    case DocumentFormat::kPdf:
      return "pdf";
  }
  return "txt";
}

absl::StatusOr<DayRange> ParseDayRange(std::string_view from,
                                       std::string_view to, int32_t today) {
  if (from.empty() && to.empty()) return DefaultScorecardPeriod(today);
  DayRange range;
  if (!to.empty()) {
    absl::StatusOr<int32_t> day = ParseDay(to, "--to");
    if (!day.ok()) return day.status();
    range.last_day = *day;
  } else {
    range.last_day = today;
  }
  if (!from.empty()) {
    absl::StatusOr<int32_t> day = ParseDay(from, "--from");
    if (!day.ok()) return day.status();
    range.first_day = *day;
  } else {
    range.first_day = DefaultScorecardPeriod(range.last_day).first_day;
  }
  if (range.first_day > range.last_day) {
    return absl::InvalidArgumentError(
        absl::StrCat("--from ", PeriodKey(Period::kDay, range.first_day),
                     " is after --to ", PeriodKey(Period::kDay, range.last_day),
                     " (the period would be empty)"));
  }
  return range;
}

std::string SafeFileStem(std::string_view agent) {
  std::string out;
  for (char c : agent) {
    const bool keep = absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
                      c == '-' || c == '_' || c == '.';
    out.push_back(keep ? c : '_');
  }
  if (out.empty() || out[0] == '.') out.insert(0, "_");
  return out;
}

int RunScorecardCommand(v1::CxScore::StubInterface& stub,
                        const ScorecardCommandOptions& options,
                        std::ostream& out, std::ostream& err) {
  absl::StatusOr<CheckedDocumentOptions> common =
      CheckDocumentOptions(options.document, DocumentFormat::kMarkdown);
  if (!common.ok()) {
    err << "cxscore: " << common.status().message() << "\n";
    return kExitFailure;
  }
  if (options.agent.empty()) {
    err << "cxscore: --agent is empty\n";
    return kExitFailure;
  }
  if ((common->format == DocumentFormat::kHtml ||
       common->format == DocumentFormat::kPdf) &&
      options.output.empty()) {
    err << "cxscore: --format " << FileExtension(common->format)
        << " writes a file: give it with -o FILE\n";
    return kExitFailure;
  }

  ScorecardRequest request;
  request.agent = options.agent;
  request.period = common->period;
  request.today = common->today;
  absl::StatusOr<ScorecardDocument> doc =
      FetchScorecard(stub, request, options.document.call);
  if (!doc.ok()) {
    err << "cxscore: " << doc.status().message() << "\n";
    return kExitFailure;
  }
  const std::string content = Render(*doc, common->format, common->lang);
  if (options.output.empty()) {
    out << content;
    return kExitOk;
  }
  absl::Status status =
      WriteDocument(content, common->format, options.output, common->chromium);
  if (!status.ok()) {
    err << "cxscore: " << status.message() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

int RunScorecardsCommand(v1::CxScore::StubInterface& stub,
                         const ScorecardsCommandOptions& options,
                         std::ostream& out, std::ostream& err) {
  absl::StatusOr<CheckedDocumentOptions> common =
      CheckDocumentOptions(options.document, DocumentFormat::kHtml);
  if (!common.ok()) {
    err << "cxscore: " << common.status().message() << "\n";
    return kExitFailure;
  }
  if (options.out_dir.empty()) {
    err << "cxscore: --out is empty\n";
    return kExitFailure;
  }
  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec || !std::filesystem::is_directory(options.out_dir)) {
    err << "cxscore: cannot create the folder " << options.out_dir << " ("
        << (ec ? ec.message() : "not a folder") << ")\n";
    return kExitFailure;
  }

  absl::StatusOr<std::vector<std::string>> agents = FetchTeamAgents(
      stub, options.team, common->period, options.document.call);
  if (!agents.ok()) {
    err << "cxscore: " << agents.status().message() << "\n";
    return kExitFailure;
  }
  if (agents->empty()) {
    err << "cxscore: team \"" << options.team
        << "\" has no agents with records from "
        << PeriodKey(Period::kDay, common->period.first_day) << " to "
        << PeriodKey(Period::kDay, common->period.last_day)
        << " (check the id, or widen --from/--to)\n";
    return kExitFailure;
  }

  std::vector<ScorecardDocument> docs;
  std::vector<std::string> files;
  std::set<std::string> used = {"index"};
  const std::filesystem::path dir(options.out_dir);
  for (const std::string& agent : *agents) {
    ScorecardRequest request;
    request.agent = agent;
    request.team = options.team;
    request.period = common->period;
    request.today = common->today;
    absl::StatusOr<ScorecardDocument> doc =
        FetchScorecard(stub, request, options.document.call);
    if (!doc.ok()) {
      err << "cxscore: " << agent << ": " << doc.status().message() << "\n";
      return kExitFailure;
    }
    std::string stem = SafeFileStem(agent);
    for (int i = 2; used.count(stem) > 0; ++i) {
      stem = absl::StrCat(SafeFileStem(agent), "-", i);
    }
    used.insert(stem);
    const std::string file =
        absl::StrCat(stem, ".", AbslView(FileExtension(common->format)));
    const std::string path = (dir / file).string();
    absl::Status status =
        WriteDocument(Render(*doc, common->format, common->lang),
                      common->format, path, common->chromium);
    if (!status.ok()) {
      err << "cxscore: " << status.message() << "\n";
      return kExitFailure;
    }
    out << path << "\n";
    docs.push_back(*std::move(doc));
    files.push_back(file);
  }
  std::ostringstream index;
  WriteScorecardIndexHtml(options.team, common->period, common->today, docs,
                          files, common->lang, index);
  const std::string index_path = (dir / "index.html").string();
  absl::Status status = WriteFile(index_path, index.str());
  if (!status.ok()) {
    err << "cxscore: " << status.message() << "\n";
    return kExitFailure;
  }
  out << index_path << "\n";
  return kExitOk;
}

}  // namespace cxscore::client
