#include "storage/rollup_key.h"

#include <algorithm>

#include "storage/varint.h"

namespace cxscore::storage {
namespace {

using enum AttributionDim;

void AppendValue(std::string_view value, std::string* out) {
  AppendVarint(value.size(), out);
  out->append(value);
}

}  // namespace

const std::vector<RollupView>& AllViews() {
  // Ids are part of the on-disk format (docs/storage-format.md).
  static const auto* views = new std::vector<RollupView>{
      {0, {}},
      {1, {kChannel}},
      {2, {kTeam}},
      {3, {kTeam, kChannel}},
      {4, {kAgent}},
      {5, {kAgent, kChannel}},
      {6, {kAgent, kTeam, kChannel}},
  };
  return *views;
}

const RollupView& ChooseView(std::span<const AttributionDim> needed) {
  for (const RollupView& view : AllViews()) {
    const bool covers = std::all_of(needed.begin(), needed.end(), [&](auto d) {
      return std::find(view.dims.begin(), view.dims.end(), d) !=
             view.dims.end();
    });
    if (covers) return view;
  }
  return AllViews().back();
}

void AppendDay(int32_t day, std::string* out) {
  const uint32_t biased = static_cast<uint32_t>(day) ^ 0x80000000u;
  for (int shift = 24; shift >= 0; shift -= 8)
    out->push_back(static_cast<char>((biased >> shift) & 0xff));
}

std::string EncodeRollupKey(const RollupView& view, const Attribution& values,
                            int32_t day) {
  std::string key;
  key.reserve(32);
  key.push_back(static_cast<char>(view.id));
  for (AttributionDim d : view.dims)
    AppendValue(values[static_cast<int>(d)], &key);
  AppendDay(day, &key);
  return key;
}

std::string EncodeAttributeRollupKey(std::string_view name,
                                     std::string_view value, int32_t day) {
  std::string key = EncodeAttributeRollupPrefix(name);
  AppendValue(value, &key);
  AppendDay(day, &key);
  return key;
}

std::string EncodeAttributeRollupPrefix(std::string_view name) {
  std::string key;
  key.reserve(16 + name.size());
  key.push_back(static_cast<char>(kAttributeViewId));
  AppendValue(name, &key);
  return key;
}

std::string EncodeRollupPrefix(const RollupView& view,
                               std::span<const std::string_view> leading) {
  std::string key;
  key.push_back(static_cast<char>(view.id));
  for (std::string_view value : leading) AppendValue(value, &key);
  return key;
}

std::optional<DecodedRollupKey> DecodeRollupKey(std::string_view key) {
  if (key.empty()) return std::nullopt;
  DecodedRollupKey decoded;
  decoded.view_id = static_cast<uint8_t>(key.front());
  const auto& views = AllViews();
  std::string_view rest = key.substr(1);
  const auto read_value = [&rest](std::string_view* value) {
    uint64_t length = 0;
    if (!ReadVarint(&rest, &length) || rest.size() < length) return false;
    *value = rest.substr(0, length);
    rest.remove_prefix(length);
    return true;
  };
  if (decoded.view_id == kAttributeViewId) {
    if (!read_value(&decoded.attribute_name) ||
        !read_value(&decoded.attribute_value))
      return std::nullopt;
  } else {
    if (decoded.view_id >= views.size()) return std::nullopt;
    for (AttributionDim d : views[decoded.view_id].dims)
      if (!read_value(&decoded.values[static_cast<int>(d)]))
        return std::nullopt;
  }
  if (rest.size() != 4) return std::nullopt;
  decoded.day_offset = key.size() - 4;
  uint32_t biased = 0;
  for (char c : rest) biased = (biased << 8) | static_cast<uint8_t>(c);
  decoded.day = static_cast<int32_t>(biased ^ 0x80000000u);
  return decoded;
}

}  // namespace cxscore::storage
