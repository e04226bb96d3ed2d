#include "client/import/record_parser.h"

#include <cstdint>
#include <set>
#include <span>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client/import/cell_values.h"

namespace cxscore::client {
namespace {

constexpr absl::string_view kAttributePrefix = "attr.";

// A canonical column and the one setter that stores it; exactly one of the
// member pointers is set, and it decides how the cell is parsed.
template <typename Record>
struct ColumnSpec {
  absl::string_view name;
  std::string* (Record::*text)() = nullptr;
  google::protobuf::Timestamp* (Record::*time)() = nullptr;
  void (Record::*integer)(int32_t) = nullptr;
  void (Record::*flag)(bool) = nullptr;
};

using I = v1::Interaction;
using R = v1::SurveyResponse;

constexpr ColumnSpec<I> kInteractionColumns[] = {
    {.name = "interaction_id", .text = &I::mutable_interaction_id},
    {.name = "agent_id", .text = &I::mutable_agent_id},
    {.name = "team_id", .text = &I::mutable_team_id},
    {.name = "channel", .text = &I::mutable_channel},
    {.name = "customer_id", .text = &I::mutable_customer_id},
    {.name = "opened_at", .time = &I::mutable_opened_at},
    {.name = "first_response_at", .time = &I::mutable_first_response_at},
    {.name = "closed_at", .time = &I::mutable_closed_at},
    {.name = "reopens", .integer = &I::set_reopens},
    {.name = "transfers", .integer = &I::set_transfers},
    {.name = "first_contact_resolution",
     .flag = &I::set_first_contact_resolution},
    {.name = "updated_at", .time = &I::mutable_updated_at},
};

constexpr ColumnSpec<R> kResponseColumns[] = {
    {.name = "response_id", .text = &R::mutable_response_id},
    {.name = "interaction_id", .text = &R::mutable_interaction_id},
    {.name = "agent_id", .text = &R::mutable_agent_id},
    {.name = "team_id", .text = &R::mutable_team_id},
    {.name = "channel", .text = &R::mutable_channel},
    {.name = "customer_id", .text = &R::mutable_customer_id},
    {.name = "submitted_at", .time = &R::mutable_submitted_at},
    {.name = "nps", .integer = &R::set_nps},
    {.name = "csat", .integer = &R::set_csat},
    {.name = "ces", .integer = &R::set_ces},
    {.name = "ves_ability", .integer = &R::set_ves_ability},
    {.name = "ves_confidence", .integer = &R::set_ves_confidence},
    {.name = "comment", .text = &R::mutable_comment},
};

template <typename Record>
std::span<const ColumnSpec<Record>> Specs();
template <>
std::span<const ColumnSpec<I>> Specs<I>() {
  return kInteractionColumns;
}
template <>
std::span<const ColumnSpec<R>> Specs<R>() {
  return kResponseColumns;
}

std::vector<absl::string_view> Names(RecordKind kind) {
  std::vector<absl::string_view> names;
  if (kind == RecordKind::kInteraction) {
    for (const auto& spec : kInteractionColumns) names.push_back(spec.name);
  } else {
    for (const auto& spec : kResponseColumns) names.push_back(spec.name);
  }
  return names;
}

// Parses a non-empty cell into the field `spec` names.
template <typename Record>
absl::Status Store(const ColumnSpec<Record>& spec, absl::string_view cell,
                   Record* record) {
  if (spec.text != nullptr) {
    (record->*spec.text)()->assign(cell.data(), cell.size());
    return absl::OkStatus();
  }
  if (spec.time != nullptr) {
    absl::StatusOr<absl::Time> t = ParseRfc3339(cell);
    if (!t.ok()) return t.status();
    *(record->*spec.time)() = ToProtoTimestamp(*t);
    return absl::OkStatus();
  }
  if (spec.integer != nullptr) {
    absl::StatusOr<int32_t> value = ParseIntCell(cell);
    if (!value.ok()) return value.status();
    (record->*spec.integer)(*value);
    return absl::OkStatus();
  }
  absl::StatusOr<bool> value = ParseBoolCell(cell);
  if (!value.ok()) return value.status();
  (record->*spec.flag)(*value);
  return absl::OkStatus();
}

}  // namespace

absl::string_view RecordKindName(RecordKind kind) {
  return kind == RecordKind::kInteraction ? "interactions" : "responses";
}

std::vector<absl::string_view> CanonicalColumns(RecordKind kind) {
  return Names(kind);
}

absl::string_view IdColumn(RecordKind kind) {
  return kind == RecordKind::kInteraction ? "interaction_id" : "response_id";
}

absl::StatusOr<RecordParser> RecordParser::FromHeader(
    RecordKind kind, const std::vector<std::string>& header) {
  std::vector<absl::string_view> canonical = Names(kind);
  std::vector<Column> columns;
  std::set<absl::string_view> seen;
  std::optional<size_t> id_index;
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string& name = header[i];
    if (name.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("header column ", i + 1, " has no name"));
    }
    if (!seen.insert(name).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("column \"", name, "\" appears twice in the header"));
    }
    Column column;
    column.name = name;
    if (absl::StartsWith(name, kAttributePrefix)) {
      column.attribute = name.substr(kAttributePrefix.size());
      if (column.attribute.empty() || !IsValidUtf8(column.attribute)) {
        return absl::InvalidArgumentError(absl::StrCat(
            "column \"", name,
            "\" needs an attribute name in UTF-8 after \"attr.\""));
      }
    } else {
      for (size_t c = 0; c < canonical.size(); ++c) {
        if (canonical[c] == name) column.canonical = static_cast<int>(c);
      }
      if (column.canonical < 0) {
        return absl::InvalidArgumentError(absl::StrCat(
            "unknown column \"", name, "\" in the ", RecordKindName(kind),
            " header; expected ", absl::StrJoin(canonical, ","),
            " or attr.NAME for an attribute"));
      }
      if (name == IdColumn(kind)) id_index = i;
    }
    columns.push_back(std::move(column));
  }
  if (!id_index.has_value()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the ", RecordKindName(kind), " header lacks the required column \"",
        IdColumn(kind), "\""));
  }
  return RecordParser(kind, std::move(columns), *id_index);
}

absl::string_view RecordParser::IdOf(
    const std::vector<std::string>& row) const {
  return id_index_ < row.size() ? absl::string_view(row[id_index_])
                                : absl::string_view();
}

template <typename Record>
std::optional<RowError> RecordParser::Convert(
    const std::vector<std::string>& row, Record* out) const {
  out->Clear();
  if (row.size() != columns_.size()) {
    return RowError{
        "", absl::StrCat("row has ", row.size(), " fields but the header has ",
                         columns_.size())};
  }
  std::span<const ColumnSpec<Record>> specs = Specs<Record>();
  for (size_t i = 0; i < row.size(); ++i) {
    const std::string& cell = row[i];
    const Column& column = columns_[i];
    if (cell.empty()) continue;
    if (!IsValidUtf8(cell)) {
      return RowError{column.name,
                      absl::StrCat(column.name, " is not valid UTF-8")};
    }
    if (column.canonical < 0) {
      (*out->mutable_attributes())[column.attribute] = cell;
      continue;
    }
    absl::Status stored = Store(specs[column.canonical], cell, out);
    if (!stored.ok()) {
      return RowError{column.name,
                      absl::StrCat(column.name, " ", stored.message())};
    }
  }
  return std::nullopt;
}

std::optional<RowError> RecordParser::ToInteraction(
    const std::vector<std::string>& row, v1::Interaction* out) const {
  if (kind_ != RecordKind::kInteraction) {
    return RowError{"", "internal error: not an interactions file"};
  }
  return Convert(row, out);
}

std::optional<RowError> RecordParser::ToResponse(
    const std::vector<std::string>& row, v1::SurveyResponse* out) const {
  if (kind_ != RecordKind::kResponse) {
    return RowError{"", "internal error: not a responses file"};
  }
  return Convert(row, out);
}

}  // namespace cxscore::client
