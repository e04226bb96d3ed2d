// The arguments of `cxscore drivers`, checked and turned into a
// GetDriversRequest before anything is sent.
#ifndef CXSCORE_CLIENT_COMMANDS_DRIVERS_QUERY_H_
#define CXSCORE_CLIENT_COMMANDS_DRIVERS_QUERY_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "client/commands/selection_args.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

struct DriversQuery {
  SelectionArgs selection;  // --from, --to, --agent, --team, --channel
  // Each entry a KPI name or a comma list of them; none = all KPIs.
  std::vector<std::string> kpis;
  std::string level = "response";  // or "agent", "week"
  // --by: attr.NAME only (one attribute; response level; no --agent,
  // --team or --channel). Empty = one analysis of the whole selection.
  std::vector<std::string> by;
};

// "response", "agent" or "week", case-insensitive.
absl::StatusOr<v1::DriverLevel> ParseDriverLevel(absl::string_view text);

// The selection (BuildSelection), the KPIs (ParseKpiLists), the level and
// the grouping (ParseGrouping: attr.NAME only).
absl::StatusOr<v1::GetDriversRequest> BuildDriversRequest(
    const DriversQuery& query);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_COMMANDS_DRIVERS_QUERY_H_
