#include "storage/sparse_cell.h"

#include "storage/varint.h"

namespace cxscore::storage {

void CellWriter::Field(uint64_t id, int64_t value) {
  if (value == 0) return;
  AppendVarint(id, &out_);
  AppendVarint(ZigZagEncode(value), &out_);
}

CellReader::CellReader(std::string_view cell) : rest_(cell) {
  ok_ = !rest_.empty() && rest_.front() == kCellFormatVersion;
  if (ok_) rest_.remove_prefix(1);
}

bool CellReader::Next(uint64_t* id, int64_t* value) {
  if (!ok_ || rest_.empty()) return false;
  uint64_t raw = 0;
  if (!ReadVarint(&rest_, id) || !ReadVarint(&rest_, &raw)) {
    ok_ = false;
    return false;
  }
  // Ids strictly increase and zero values are omitted (CellWriter).
  if ((!first_ && *id <= last_id_) || raw == 0) {
    ok_ = false;
    return false;
  }
  first_ = false;
  last_id_ = *id;
  *value = ZigZagDecode(raw);
  return true;
}

bool IsWellFormedCell(std::string_view cell) {
  CellReader reader(cell);
  uint64_t id = 0;
  int64_t value = 0;
  while (reader.Next(&id, &value)) {
  }
  return reader.ok();
}

bool MergeEncodedCells(std::string_view a, std::string_view b,
                       std::string* out) {
  CellReader left(a), right(b);
  CellWriter w;
  uint64_t left_id = 0, right_id = 0;
  int64_t left_value = 0, right_value = 0;
  bool has_left = left.Next(&left_id, &left_value);
  bool has_right = right.Next(&right_id, &right_value);
  while (has_left || has_right) {
    if (has_left && (!has_right || left_id < right_id)) {
      w.Field(left_id, left_value);
      has_left = left.Next(&left_id, &left_value);
    } else if (has_right && (!has_left || right_id < left_id)) {
      w.Field(right_id, right_value);
      has_right = right.Next(&right_id, &right_value);
    } else {
      int64_t sum = 0;
      if (__builtin_add_overflow(left_value, right_value, &sum)) return false;
      w.Field(left_id, sum);
      has_left = left.Next(&left_id, &left_value);
      has_right = right.Next(&right_id, &right_value);
    }
  }
  if (!left.ok() || !right.ok()) return false;
  *out = w.Take();
  return true;
}

}  // namespace cxscore::storage
