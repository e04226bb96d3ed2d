#include "storage/rocks_status.h"

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rocksdb/status.h"
#include "tests/testing/status_matchers.h"

namespace cxscore::storage {
namespace {

using ::cxscore::testing::IsOk;
using ::cxscore::testing::StatusIs;
using ::testing::HasSubstr;

TEST(FromRocksTest, OkStaysOk) {
  EXPECT_THAT(FromRocks(rocksdb::Status::OK(), "reading rollups"), IsOk());
}

TEST(FromRocksTest, CorruptionIsDataLoss) {
  EXPECT_THAT(
      FromRocks(rocksdb::Status::Corruption("bad block"), "reading rollups"),
      StatusIs(absl::StatusCode::kDataLoss,
               "reading rollups: Corruption: bad block"));
}

TEST(FromRocksTest, TransientFailuresAreUnavailable) {
  for (const rocksdb::Status& s :
       {rocksdb::Status::IOError("disk"), rocksdb::Status::Busy(),
        rocksdb::Status::TryAgain(), rocksdb::Status::TimedOut(),
        rocksdb::Status::Incomplete(), rocksdb::Status::Aborted(),
        rocksdb::Status::ShutdownInProgress()}) {
    EXPECT_THAT(
        FromRocks(s, "writing batch"),
        StatusIs(absl::StatusCode::kUnavailable, HasSubstr("writing batch: ")))
        << s.ToString();
  }
}

TEST(FromRocksTest, BadOptionsOrDatabaseAreFailedPrecondition) {
  EXPECT_THAT(FromRocks(rocksdb::Status::InvalidArgument("no such cf"),
                        "opening /tmp/x"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("opening /tmp/x: ")));
  EXPECT_THAT(FromRocks(rocksdb::Status::NotSupported("zstd"), "opening"),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST(FromRocksTest, NotFoundIsNotFound) {
  EXPECT_THAT(FromRocks(rocksdb::Status::NotFound(), "reading format version"),
              StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace cxscore::storage
