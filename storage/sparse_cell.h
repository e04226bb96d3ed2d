// The cell format shared by every rollup column family (version 1):
//
//   [version byte = 1] then, in strictly increasing field id order,
//   pairs (varint field id, zigzag varint value), zero values omitted.
//
// Readers trust nothing of a stored cell: a varint that AppendVarint would
// not write (over-long, beyond 64 bits, truncated), a field id not above
// the previous one, or a zero value makes the cell malformed.
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
  bool first_ = true;
  uint64_t last_id_ = 0;
};

// True when `cell` is a well-formed cell (CellReader reads it to the end).
// Says nothing about what its field ids mean (rollup_codec.h,
// driver_codec.h check those).
bool IsWellFormedCell(std::string_view cell);

// *out = encoding of (a + b). False on malformed input or when a field's
// sum overflows int64.
[[nodiscard]] bool MergeEncodedCells(std::string_view a, std::string_view b,
                                     std::string* out);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_SPARSE_CELL_H_
