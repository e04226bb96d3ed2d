#include "wire/enum_mapping.h"

namespace cxscore::wire {

std::optional<Metric> MetricFromProto(v1::Metric metric) {
  switch (metric) {
    case v1::METRIC_NPS:
      return Metric::kNps;
    case v1::METRIC_CSAT:
      return Metric::kCsat;
    case v1::METRIC_CES:
      return Metric::kCes;
    case v1::METRIC_VES:
      return Metric::kVes;
    default:
      return std::nullopt;
  }
}

v1::Metric ToProto(Metric metric) {
  switch (metric) {
    case Metric::kNps:
      return v1::METRIC_NPS;
    case Metric::kCsat:
      return v1::METRIC_CSAT;
    case Metric::kCes:
      return v1::METRIC_CES;
    case Metric::kVes:
      return v1::METRIC_VES;
  }
  return v1::METRIC_UNSPECIFIED;
}

std::optional<Kpi> KpiFromProto(v1::Kpi kpi) {
  switch (kpi) {
    case v1::KPI_TIME_TO_FIRST_RESPONSE:
      return Kpi::kTimeToFirstResponse;
    case v1::KPI_TIME_TO_CLOSE:
      return Kpi::kTimeToClose;
    case v1::KPI_REOPENS:
      return Kpi::kReopens;
    case v1::KPI_TRANSFERS:
      return Kpi::kTransfers;
    case v1::KPI_FIRST_CONTACT_RESOLUTION:
      return Kpi::kFirstContactResolution;
    default:
      return std::nullopt;
  }
}

v1::Kpi ToProto(Kpi kpi) {
  switch (kpi) {
    case Kpi::kTimeToFirstResponse:
      return v1::KPI_TIME_TO_FIRST_RESPONSE;
    case Kpi::kTimeToClose:
      return v1::KPI_TIME_TO_CLOSE;
    case Kpi::kReopens:
      return v1::KPI_REOPENS;
    case Kpi::kTransfers:
      return v1::KPI_TRANSFERS;
    case Kpi::kFirstContactResolution:
      return v1::KPI_FIRST_CONTACT_RESOLUTION;
  }
  return v1::KPI_UNSPECIFIED;
}

std::optional<Period> PeriodFromProto(v1::Dimension dimension) {
  switch (dimension) {
    case v1::DIMENSION_DAY:
      return Period::kDay;
    case v1::DIMENSION_WEEK:
      return Period::kWeek;
    case v1::DIMENSION_MONTH:
      return Period::kMonth;
    default:
      return std::nullopt;
  }
}

v1::Dimension ToProto(Period period) {
  switch (period) {
    case Period::kDay:
      return v1::DIMENSION_DAY;
    case Period::kWeek:
      return v1::DIMENSION_WEEK;
    case Period::kMonth:
      return v1::DIMENSION_MONTH;
  }
  return v1::DIMENSION_UNSPECIFIED;
}

NpsIntervalMethod NpsMethodFromProto(v1::NpsInterval interval) {
  switch (interval) {
    case v1::NPS_INTERVAL_WALD:
      return NpsIntervalMethod::kWald;
    default:
      return NpsIntervalMethod::kAdjustedWald;
  }
}

v1::NpsInterval ToProto(NpsIntervalMethod method) {
  switch (method) {
    case NpsIntervalMethod::kWald:
      return v1::NPS_INTERVAL_WALD;
    case NpsIntervalMethod::kAdjustedWald:
      return v1::NPS_INTERVAL_ADJUSTED_WALD;
  }
  return v1::NPS_INTERVAL_ADJUSTED_WALD;
}

v1::Delta* MutableDelta(Metric metric, v1::Comparison* comparison) {
  switch (metric) {
    case Metric::kNps:
      return comparison->mutable_nps();
    case Metric::kCsat:
      return comparison->mutable_csat();
    case Metric::kCes:
      return comparison->mutable_ces();
    case Metric::kVes:
      return comparison->mutable_ves();
  }
  return nullptr;
}

const v1::Delta& DeltaOf(Metric metric, const v1::Comparison& comparison) {
  switch (metric) {
    case Metric::kNps:
      return comparison.nps();
    case Metric::kCsat:
      return comparison.csat();
    case Metric::kCes:
      return comparison.ces();
    case Metric::kVes:
      return comparison.ves();
  }
  return v1::Delta::default_instance();
}

}  // namespace cxscore::wire
