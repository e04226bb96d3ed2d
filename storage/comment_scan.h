// Lists commented responses from the comments index, newest first.
#ifndef CXSCORE_STORAGE_COMMENT_SCAN_H_
#define CXSCORE_STORAGE_COMMENT_SCAN_H_

#include <functional>
#include <vector>

#include "absl/status/statusor.h"
#include "rocksdb/db.h"
#include "storage/store.h"

namespace cxscore::storage {

// See Store::ListComments. `responses` is the column family of the records.
absl::StatusOr<std::vector<SurveyResponse>> ScanComments(
    rocksdb::DB* db, rocksdb::ColumnFamilyHandle* comments,
    rocksdb::ColumnFamilyHandle* responses, const RollupQuery& query,
    size_t limit, const std::function<bool(const SurveyResponse&)>& accept);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_COMMENT_SCAN_H_
