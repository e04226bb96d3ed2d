// Keys of the rollup column family.
//
// A rollup cell holds the counts of one day for one group of one view. A view
// is a fixed list of attribution dimensions; the store maintains every view
// in kViews so that a query reads the smallest view that can answer it.
//
// Key layout (format version 1):
//   [view id: 1 byte]
//   [for each dimension of the view: varint32 length, bytes]   "" = unattributed
//   [day: 4 bytes big-endian, day number + 2^31]
// Keys of one view and one dimension-value prefix sort by day, so a time
// range is one contiguous run per group.
#ifndef CXSCORE_STORAGE_ROLLUP_KEY_H_
#define CXSCORE_STORAGE_ROLLUP_KEY_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cxscore::storage {

enum class AttributionDim : uint8_t { kAgent = 0, kTeam = 1, kChannel = 2 };
inline constexpr int kAttributionDims = 3;

struct RollupView {
  uint8_t id;  // persisted: never renumber
  std::vector<AttributionDim> dims;  // key order
};

// Every view maintained on write, cheapest (fewest groups) first.
const std::vector<RollupView>& AllViews();

// The first view of AllViews() whose dimensions include all of `needed`.
// The full view (agent, team, channel) covers any set.
const RollupView& ChooseView(std::span<const AttributionDim> needed);

// Values of the three attribution dimensions, indexed by AttributionDim.
using Attribution = std::array<std::string_view, kAttributionDims>;

std::string EncodeRollupKey(const RollupView& view, const Attribution& values,
                            int32_t day);

// Prefix of every key of `view` whose leading dimension values are
// `leading` (may be fewer than the view's dimensions, even none).
std::string EncodeRollupPrefix(const RollupView& view,
                               std::span<const std::string_view> leading);

// Appends the 4-byte day encoding.
void AppendDay(int32_t day, std::string* out);

struct DecodedRollupKey {
  uint8_t view_id = 0;
  // Values per AttributionDim; only the view's dimensions are set.
  std::array<std::string_view, kAttributionDims> values;
  int32_t day = 0;
  size_t day_offset = 0;  // where the day bytes start in the key
};
// Views into `key`; nullopt if the key is malformed or of an unknown view.
std::optional<DecodedRollupKey> DecodeRollupKey(std::string_view key);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_ROLLUP_KEY_H_
