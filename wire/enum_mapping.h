// The one mapping between the wire enums (cxscore.v1) and core's: explicit
// switches, no arithmetic on enum values, so that a value added to either
// side is mapped on purpose or not at all. Linked by the server and the
// client (cxscore_wire: core and the proto library only).
#ifndef CXSCORE_WIRE_ENUM_MAPPING_H_
#define CXSCORE_WIRE_ENUM_MAPPING_H_

#include <optional>

#include "core/calendar.h"
#include "core/metric.h"
#include "core/scores.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::wire {

// nullopt for METRIC_UNSPECIFIED and values this build does not know.
std::optional<Metric> MetricFromProto(v1::Metric metric);
v1::Metric ToProto(Metric metric);

// nullopt for KPI_UNSPECIFIED and values this build does not know.
std::optional<Kpi> KpiFromProto(v1::Kpi kpi);
v1::Kpi ToProto(Kpi kpi);

// DIMENSION_DAY, _WEEK, _MONTH; nullopt for the other dimensions.
std::optional<Period> PeriodFromProto(v1::Dimension dimension);
v1::Dimension ToProto(Period period);

// NPS_INTERVAL_WALD is kWald; anything else (the default) kAdjustedWald.
NpsIntervalMethod NpsMethodFromProto(v1::NpsInterval interval);
v1::NpsInterval ToProto(NpsIntervalMethod method);

// The Delta of `metric` in a GetScores comparison (nps, csat, ces, ves).
v1::Delta* MutableDelta(Metric metric, v1::Comparison* comparison);
const v1::Delta& DeltaOf(Metric metric, const v1::Comparison& comparison);

}  // namespace cxscore::wire

#endif  // CXSCORE_WIRE_ENUM_MAPPING_H_
