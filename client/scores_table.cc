#include "client/scores_table.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "client/scores_query.h"

namespace cxscore::client {
namespace {

constexpr double kArrowLevel = 0.05;

std::string ProportionCell(const v1::ProportionScore& score) {
  return FormatWithInterval(IfPresent(score.has_value(), score.value()),
                            IfPresent(score.has_ci_low(), score.ci_low()),
                            IfPresent(score.has_ci_high(), score.ci_high()));
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

void WriteScoresTable(const v1::GetScoresResponse& response,
                      const Grouping& grouping,
                      bool compared, std::ostream& out) {
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

  WriteAlignedTable(columns, rows, out);
  if (rows.empty()) {
    out << "(no records match)\n";
  } else if (compared) {
    out << "\nΔ: this period minus the comparison period (NPS points; "
           "percentage points for CSAT, CES, VES) [95% CI]; ↑ ↓ where "
           "p < 0.05.\n";
  }
}

}  // namespace cxscore::client
