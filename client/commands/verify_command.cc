#include "client/commands/verify_command.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"

namespace cxscore::client {
namespace {

Json DifferenceToJson(const v1::CellDifference& d) {
  Json out;
  out["view"] = d.view();
  out["key"] = d.key();
  out["field"] = d.field();
  out["stored"] = d.stored();
  out["recomputed"] = d.recomputed();
  return out;
}

std::string Differences(uint64_t n) {
  return absl::StrCat(n, n == 1 ? " difference" : " differences");
}

// --format table.
void AddVerifyRows(const v1::VerifyResponse& response, bool repair,
                   Table& table) {
  const uint64_t total = response.differences_total();
  std::string summary = absl::StrCat(
      "verified ", response.cells_checked(), " cells (",
      response.rollup_cells(), " rollup, ", response.driver_cells(),
      " driver, ", response.comment_entries(), " comment index): ");
  if (total == 0) {
    table.AddText(absl::StrCat(summary, "all equal\n"));
    return;
  }
  absl::StrAppend(&summary, Differences(total));
  if (static_cast<uint64_t>(response.differences_size()) < total)
    absl::StrAppend(&summary, " (the first ", response.differences_size(),
                    " listed)");
  table.AddText(absl::StrCat(summary, "\n"));
  std::vector<std::vector<std::string>> rows;
  for (const v1::CellDifference& d : response.differences()) {
    rows.push_back({d.view(), d.key(), d.field(), absl::StrCat(d.stored()),
                    absl::StrCat(d.recomputed())});
  }
  table.AddRows({{"view", false},
                 {"key", false},
                 {"field", false},
                 {"stored", true},
                 {"recomputed", true}},
                std::move(rows));
  if (!repair) return;
  table.AddText(
      response.repaired()
          ? std::string("repaired: verified again, all equal\n")
          : absl::StrCat("repair incomplete: verified again, ",
                         Differences(response.differences_after_repair()),
                         "\n"));
}

}  // namespace

int VerifyExitCode(const v1::VerifyResponse& response, bool repair) {
  const bool right =
      repair ? response.repaired() : response.differences_total() == 0;
  return right ? kExitOk : kExitCellsDiffer;
}

Table VerifyTable(const v1::VerifyResponse& response, bool repair) {
  Table table;
  AddVerifyRows(response, repair, table);
  table.csv_header = CsvNames(DifferenceToJson(v1::CellDifference()));
  Json differences = Json::array();
  for (const v1::CellDifference& d : response.differences()) {
    Json json = DifferenceToJson(d);
    std::vector<std::string> row;
    AppendCsvCells(json, row);
    table.csv_rows.push_back(std::move(row));
    differences.push_back(std::move(json));
  }
  table.json["cells_checked"] = response.cells_checked();
  table.json["rollup_cells"] = response.rollup_cells();
  table.json["driver_cells"] = response.driver_cells();
  table.json["comment_entries"] = response.comment_entries();
  table.json["all_equal"] = response.differences_total() == 0;
  table.json["differences_total"] = response.differences_total();
  table.json["differences"] = std::move(differences);
  table.json["repair"] = repair;
  table.json["repaired"] = repair && response.repaired();
  table.json["differences_after_repair"] = response.differences_after_repair();
  return table;
}

int RunVerifyCommand(v1::CxScore::StubInterface& stub,
                     const VerifyCommandOptions& options, std::ostream& out,
                     std::ostream& err) {
  v1::VerifyRequest request;
  request.set_repair(options.repair);
  return RunQuery(
      stub, &v1::CxScore::StubInterface::Verify,
      absl::StatusOr<v1::VerifyRequest>(request), options, err,
      [&](const v1::VerifyRequest&, const v1::VerifyResponse& response) {
        PrintTable(VerifyTable(response, options.repair), options.format, out);
        return VerifyExitCode(response, options.repair);
      });
}

}  // namespace cxscore::client
