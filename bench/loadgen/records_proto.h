// Domain records (core/records.h) -> wire messages (cxscore.v1), for the
// load client. The inverse of server/proto_convert.cc's FromProto.
#ifndef CXSCORE_BENCH_LOADGEN_RECORDS_PROTO_H_
#define CXSCORE_BENCH_LOADGEN_RECORDS_PROTO_H_

#include "absl/time/time.h"
#include "core/records.h"
#include "cxscore/v1/cxscore.pb.h"
#include "google/protobuf/timestamp.pb.h"

namespace cxscore::bench {

void ToProto(absl::Time t, google::protobuf::Timestamp* out);
void ToProto(const Interaction& in, v1::Interaction* out);
void ToProto(const SurveyResponse& in, v1::SurveyResponse* out);

}  // namespace cxscore::bench

#endif  // CXSCORE_BENCH_LOADGEN_RECORDS_PROTO_H_
