// LEB128 varints and zigzag, as in protobuf and LevelDB's coding.h.
#ifndef CXSCORE_STORAGE_VARINT_H_
#define CXSCORE_STORAGE_VARINT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace cxscore::storage {

inline void AppendVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// Consumes one varint from the front of `in`. False (then `in` is
// unspecified) on input AppendVarint never writes: truncated, longer than
// ten bytes, a tenth byte above 1 (bits beyond 64), or over-long (a last
// byte of zero after a continuation byte, e.g. 0x80 0x00 for 0).
inline bool ReadVarint(std::string_view* in, uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift <= 63 && !in->empty(); shift += 7) {
    const auto byte = static_cast<uint8_t>(in->front());
    in->remove_prefix(1);
    if (shift == 63 && byte > 1) return false;
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      if (byte == 0 && shift > 0) return false;
      *v = result;
      return true;
    }
  }
  return false;
}

inline uint64_t ZigZagEncode(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
inline int64_t ZigZagDecode(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_VARINT_H_
