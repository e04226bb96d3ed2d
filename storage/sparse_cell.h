// The cell format shared by every rollup column family (version 1):
//
//   [version byte = 1] then, in strictly increasing field id order,
//   pairs (varint field id, zigzag varint value), zero values omitted.
//
// A cell is a sparse vector of signed counts; the sum of two cells is the
// field-wise sum, so cells merge without knowing what the fields mean
// (MergeEncodedCells). What a field id means is up to each codec
// (rollup_codec.h, driver_codec.h).
#ifndef CXSCORE_STORAGE_SPARSE_CELL_H_
#define CXSCORE_STORAGE_SPARSE_CELL_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace cxscore::storage {

inline constexpr char kCellFormatVersion = 1;

// Appends fields; ids must be given in strictly increasing order.
class CellWriter {
 public:
  CellWriter() { out_.push_back(kCellFormatVersion); }
  void Field(uint64_t id, int64_t value);
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// Iterates (field id, value) pairs of one encoded cell.
class CellReader {
 public:
  explicit CellReader(std::string_view cell);
  bool ok() const { return ok_; }
  // False at the end or on malformed input (then ok() is false).
  bool Next(uint64_t* id, int64_t* value);

 private:
  std::string_view rest_;
  bool ok_;
};

// *out = encoding of (a + b). False on malformed input.
[[nodiscard]] bool MergeEncodedCells(std::string_view a, std::string_view b,
                                     std::string* out);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_SPARSE_CELL_H_
