#include "client/commands/scores_command.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "client/commands/group_key.h"
#include "client/printers/table_format.h"

namespace cxscore::client {
namespace {

constexpr double kArrowLevel = 0.05;

Json NpsToJson(const v1::NpsScore& nps) {
  Json out;
  out["n"] = nps.n();
  out["value"] = OptionalNumber(nps.has_value(), nps.value());
  out["ci_low"] = OptionalNumber(nps.has_ci_low(), nps.ci_low());
  out["ci_high"] = OptionalNumber(nps.has_ci_high(), nps.ci_high());
  out["promoters"] = nps.promoters();
  out["passives"] = nps.passives();
  out["detractors"] = nps.detractors();
  return out;
}

Json ProportionToJson(const v1::ProportionScore& score) {
  Json out;
  out["n"] = score.n();
  out["value"] = OptionalNumber(score.has_value(), score.value());
  out["ci_low"] = OptionalNumber(score.has_ci_low(), score.ci_low());
  out["ci_high"] = OptionalNumber(score.has_ci_high(), score.ci_high());
  out["mean"] = OptionalNumber(score.has_mean(), score.mean());
  out["mean_ci_low"] =
      OptionalNumber(score.has_mean_ci_low(), score.mean_ci_low());
  out["mean_ci_high"] =
      OptionalNumber(score.has_mean_ci_high(), score.mean_ci_high());
  return out;
}

Json VesToJson(const v1::VesScore& ves) {
  Json out = ProportionToJson(ves.score());
  out["ability_mean"] =
      OptionalNumber(ves.has_ability_mean(), ves.ability_mean());
  out["confidence_mean"] =
      OptionalNumber(ves.has_confidence_mean(), ves.confidence_mean());
  return out;
}

Json DurationToJson(const v1::DurationStats& stats) {
  Json out;
  out["mean"] = OptionalNumber(stats.has_mean(), stats.mean());
  out["p50"] = OptionalNumber(stats.has_p50(), stats.p50());
  out["p90"] = OptionalNumber(stats.has_p90(), stats.p90());
  return out;
}

Json ServiceToJson(const v1::ServiceStats& service) {
  Json out;
  out["interactions"] = service.interactions();
  out["closed"] = service.closed();
  out["time_to_close_s"] = DurationToJson(service.time_to_close());
  out["time_to_first_response_s"] =
      DurationToJson(service.time_to_first_response());
  out["fcr_rate"] = OptionalNumber(service.has_fcr_rate(), service.fcr_rate());
  out["reopen_rate"] =
      OptionalNumber(service.has_reopen_rate(), service.reopen_rate());
  out["mean_transfers"] =
      OptionalNumber(service.has_mean_transfers(), service.mean_transfers());
  return out;
}

Json DeltaToJson(const v1::Delta& delta) {
  Json out;
  out["delta"] = OptionalNumber(delta.has_delta(), delta.delta());
  out["ci_low"] = OptionalNumber(delta.has_ci_low(), delta.ci_low());
  out["ci_high"] = OptionalNumber(delta.has_ci_high(), delta.ci_high());
  out["p"] = OptionalNumber(delta.has_p(), delta.p());
  out["other_n"] = delta.other_n();
  out["other_value"] =
      OptionalNumber(delta.has_other_value(), delta.other_value());
  return out;
}

Json ComparisonToJson(const v1::Comparison& comparison) {
  Json out;
  out["nps"] = DeltaToJson(comparison.nps());
  out["csat"] = DeltaToJson(comparison.csat());
  out["ces"] = DeltaToJson(comparison.ces());
  out["ves"] = DeltaToJson(comparison.ves());
  return out;
}

std::string ProportionCell(const v1::ProportionScore& score) {
  return FormatWithInterval(IfPresent(score.has_value(), score.value()),
                            IfPresent(score.has_ci_low(), score.ci_low()),
                            IfPresent(score.has_ci_high(), score.ci_high()));
}

// --format table: header and one line per group.
void AddScoresRows(const v1::GetScoresResponse& response,
                   const Grouping& grouping, bool compared, Table& table) {
  std::vector<TableColumn> columns;
  const std::vector<std::string> key_columns = grouping.ColumnNames();
  for (const std::string& name : key_columns) {
    columns.push_back({name, false});
  }
  for (auto [value, delta] :
       {std::pair{"NPS [95% CI]", "ΔNPS"}, std::pair{"CSAT% [95% CI]", "ΔCSAT"},
        std::pair{"CES% [95% CI]", "ΔCES"},
        std::pair{"VES% [95% CI]", "ΔVES"}}) {
    columns.push_back({value, true});
    columns.push_back({"n", true});
    if (compared) columns.push_back({delta, true});
  }
  for (absl::string_view title :
       {"tickets", "closed", "1st reply p50", "close p50", "FCR%", "reopen%"}) {
    columns.push_back({std::string(title), true});
  }

  std::vector<std::vector<std::string>> rows;
  for (const v1::GroupScores& group : response.groups()) {
    std::vector<std::string> row;
    for (const std::string& name : key_columns) {
      std::string cell;
      if (const v1::KeyPart* part = FindKeyPart(group.key(), name)) {
        cell = part->has_value() ? part->value() : std::string(kUnattributed);
      }
      row.push_back(std::move(cell));
    }
    const v1::NpsScore& nps = group.nps();
    row.push_back(
        FormatWithInterval(IfPresent(nps.has_value(), nps.value()),
                           IfPresent(nps.has_ci_low(), nps.ci_low()),
                           IfPresent(nps.has_ci_high(), nps.ci_high())));
    row.push_back(absl::StrCat(nps.n()));
    if (compared) row.push_back(FormatDelta(group.comparison().nps()));
    row.push_back(ProportionCell(group.csat()));
    row.push_back(absl::StrCat(group.csat().n()));
    if (compared) row.push_back(FormatDelta(group.comparison().csat()));
    row.push_back(ProportionCell(group.ces()));
    row.push_back(absl::StrCat(group.ces().n()));
    if (compared) row.push_back(FormatDelta(group.comparison().ces()));
    row.push_back(ProportionCell(group.ves().score()));
    row.push_back(absl::StrCat(group.ves().score().n()));
    if (compared) row.push_back(FormatDelta(group.comparison().ves()));
    const v1::ServiceStats& service = group.service();
    row.push_back(absl::StrCat(service.interactions()));
    row.push_back(absl::StrCat(service.closed()));
    const v1::DurationStats& reply = service.time_to_first_response();
    row.push_back(FormatDuration(IfPresent(reply.has_p50(), reply.p50())));
    const v1::DurationStats& close = service.time_to_close();
    row.push_back(FormatDuration(IfPresent(close.has_p50(), close.p50())));
    row.push_back(FormatOneDecimal(
        IfPresent(service.has_fcr_rate(), service.fcr_rate())));
    row.push_back(FormatOneDecimal(
        IfPresent(service.has_reopen_rate(), service.reopen_rate())));
    rows.push_back(std::move(row));
  }

  const bool empty = rows.empty();
  table.AddRows(std::move(columns), std::move(rows));
  if (empty) {
    table.AddText("(no records match)\n");
  } else if (compared) {
    table.AddText(
        "\nΔ: this period minus the comparison period (NPS points; "
        "percentage points for CSAT, CES, VES) [95% CI]; ↑ ↓ where "
        "p < 0.05.\n");
  }
}

}  // namespace

std::string FormatDelta(const v1::Delta& delta) {
  if (!delta.has_delta()) return std::string(kAbsent);
  std::string text = FormatSignedOneDecimal(delta.delta());
  if (delta.has_ci_low() && delta.has_ci_high()) {
    absl::StrAppend(&text, " [", FormatOneDecimal(delta.ci_low()), ", ",
                    FormatOneDecimal(delta.ci_high()), "]");
  }
  if (delta.has_p() && delta.p() < kArrowLevel && delta.delta() != 0) {
    absl::StrAppend(&text, delta.delta() > 0 ? " ↑" : " ↓");
  }
  return text;
}

Json GroupToJson(const v1::GroupScores& group, bool compared) {
  Json out;
  out["key"] = KeyToJson(group.key());
  out["nps"] = NpsToJson(group.nps());
  out["csat"] = ProportionToJson(group.csat());
  out["ces"] = ProportionToJson(group.ces());
  out["ves"] = VesToJson(group.ves());
  out["service"] = ServiceToJson(group.service());
  if (compared) out["comparison"] = ComparisonToJson(group.comparison());
  return out;
}

Json ScoresToJson(const v1::GetScoresResponse& response, bool compared) {
  Json groups = Json::array();
  for (const v1::GroupScores& group : response.groups()) {
    groups.push_back(GroupToJson(group, compared));
  }
  Json out;
  out["groups"] = std::move(groups);
  return out;
}

std::vector<std::string> ScoresCsvHeader(const Grouping& grouping,
                                         bool compared) {
  std::vector<std::string> header = grouping.ColumnNames();
  for (std::string& name :
       CsvNames(GroupToJson(v1::GroupScores(), compared), "key")) {
    header.push_back(std::move(name));
  }
  return header;
}

Table ScoresTable(const v1::GetScoresResponse& response,
                  const Grouping& grouping, bool compared) {
  Table table;
  AddScoresRows(response, grouping, compared, table);
  table.json = ScoresToJson(response, compared);
  table.csv_header = ScoresCsvHeader(grouping, compared);
  const std::vector<std::string> columns = grouping.ColumnNames();
  for (const v1::GroupScores& group : response.groups()) {
    std::vector<std::string> row = KeyCsvCells(group.key(), columns);
    AppendCsvCells(GroupToJson(group, compared), row, "key");
    table.csv_rows.push_back(std::move(row));
  }
  return table;
}

void WriteScores(const v1::GetScoresResponse& response,
                 const Grouping& grouping, bool compared, OutputFormat format,
                 std::ostream& out) {
  PrintTable(ScoresTable(response, grouping, compared), format, out);
}

int RunScoresCommand(v1::CxScore::StubInterface& stub,
                     const ScoresCommandOptions& options, std::ostream& out,
                     std::ostream& err) {
  return RunQuery(
      stub, &v1::CxScore::StubInterface::GetScores,
      BuildScoresRequest(options.query), options, err,
      [&](const v1::GetScoresRequest& request,
          const v1::GetScoresResponse& response) {
        const Grouping grouping = GroupingOf(request);
        const bool compared = request.has_compare_from();
        if (compared && response.groups_size() > 0) {
          bool any = false;
          for (const v1::GroupScores& group : response.groups()) {
            any = any || group.has_comparison();
          }
          // A server older than --compare ignores the range; say so rather than
          // print a comparison of nulls without comment.
          if (!any) {
            err << "cxscore: warning: the server at " << options.server
                << " returned no comparison (it may be older than --compare); "
                   "the "
                   "comparison fields are null\n";
          }
        }
        WriteScores(response, grouping, compared, options.format, out);
        return kExitOk;
      });
}

}  // namespace cxscore::client
