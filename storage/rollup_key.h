// Keys of the rollup column family.
//
// A rollup cell holds the counts of one day for one group of one view. A view
// is a fixed list of attribution dimensions; the store maintains every view
// in kViews so that a query reads the smallest view that can answer it.
//
// Key layout (format version 2):
//   [view id: 1 byte]
//   [for each dimension of the view: varint32 length, bytes]   "" =
//   unattributed [day: 4 bytes big-endian, day number + 2^31]
// Keys of one view and one dimension-value prefix sort by day, so a time
// range is one contiguous run per group.
//
// The attribute view (id kAttributeViewId, added in format version 2) keys a
// cell by an attribute of the record instead of its attribution:
//   [7][varint32 length, attribute name][varint32 length, value][day]
// A record adds to one such cell per attribute it carries; records without
// an attribute are in none of that attribute's cells.
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
  uint8_t id;                        // persisted: never renumber
  std::vector<AttributionDim> dims;  // key order
};

// Every attribution view maintained on write, cheapest (fewest groups)
// first. The attribute view is not one of them.
const std::vector<RollupView>& AllViews();

// Id of the attribute view. Persisted: never renumber.
inline constexpr uint8_t kAttributeViewId = 7;

// Key of the attribute view's cell of (attribute name, value, day).
std::string EncodeAttributeRollupKey(std::string_view name,
                                     std::string_view value, int32_t day);

// Prefix of every attribute-view key of attribute `name` (all its values).
// Names are length-prefixed, so no other name's keys share it.
std::string EncodeAttributeRollupPrefix(std::string_view name);

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
  // Set only for the attribute view (view_id == kAttributeViewId).
  std::string_view attribute_name;
  std::string_view attribute_value;
  int32_t day = 0;
  size_t day_offset = 0;  // where the day bytes start in the key
};
// Views into `key`; nullopt if the key is malformed or of an unknown view.
// Decodes attribution views and the attribute view.
std::optional<DecodedRollupKey> DecodeRollupKey(std::string_view key);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_ROLLUP_KEY_H_
