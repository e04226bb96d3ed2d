// Fuzzes the server's way in: request bytes -> parsed message -> request
// conversion (server/request_convert.h) -> validation (core/validation.h,
// storage/store_rules.h), as the gRPC handlers chain them. The first byte
// picks the message.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "core/validation.h"
#include "cxscore/v1/cxscore.pb.h"
#include "google/protobuf/stubs/logging.h"
#include "server/request_convert.h"
#include "storage/store_rules.h"

namespace v1 = cxscore::v1;
using namespace cxscore::server;  // NOLINT: a fuzz target of this API

namespace {

// A query that conversion accepts is one the store may be asked.
void CheckQuery(const absl::StatusOr<cxscore::storage::RollupQuery>& query) {
  if (!query.ok()) {
    if (query.status().code() != absl::StatusCode::kInvalidArgument)
      std::abort();  // a request's shape is the caller's error
    return;
  }
  (void)cxscore::storage::CheckRollupQuery(*query);
  (void)cxscore::storage::CheckCommentQuery(*query);
}

template <typename Message>
bool Parse(const uint8_t* data, size_t size, Message* m) {
  return m->ParseFromArray(data, static_cast<int>(size));
}

}  // namespace

// Invalid UTF-8 in a string field is a parse failure that protobuf also
// logs; millions of those lines would drown the fuzzer's output.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > (1 << 20)) return 0;
  const uint8_t which = data[0];
  ++data;
  --size;
  switch (which % 6) {
    case 0: {
      v1::Interaction m;
      if (!Parse(data, size, &m)) return 0;
      const cxscore::Interaction record = FromProto(m);
      (void)cxscore::ValidateInteraction(record);
      break;
    }
    case 1: {
      v1::SurveyResponse m;
      if (!Parse(data, size, &m)) return 0;
      const cxscore::SurveyResponse record = FromProto(m);
      if (!cxscore::ValidateResponse(record)) {
        // A valid response has a contribution within its histograms.
        (void)cxscore::ContributionOf(record);
      }
      break;
    }
    case 2: {
      v1::GetScoresRequest m;
      if (!Parse(data, size, &m)) return 0;
      auto query = FromProto(m);
      CheckQuery(query);
      if (query.ok()) (void)CompareQueryFromProto(m, *query);
      break;
    }
    case 3: {
      v1::GetDriversRequest m;
      if (!Parse(data, size, &m)) return 0;
      CheckQuery(DriversQueryFromProto(m));
      (void)KpisFromProto(m);
      (void)LevelFromProto(m.level());
      break;
    }
    case 4: {
      v1::GetTrendRequest m;
      if (!Parse(data, size, &m)) return 0;
      CheckQuery(TrendQueryFromProto(m));
      (void)MetricFromProto(m.metric(), "metric");
      (void)PeriodFromProto(m.interval(), "interval");
      break;
    }
    case 5: {
      v1::Selection m;
      if (!Parse(data, size, &m)) return 0;
      CheckQuery(FromProto(m));
      break;
    }
  }
  return 0;
}
