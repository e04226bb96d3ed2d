// Turns rows of the canonical CSV (docs/data-format.md) into wire records.
#ifndef CXSCORE_CLIENT_IMPORT_RECORD_PARSER_H_
#define CXSCORE_CLIENT_IMPORT_RECORD_PARSER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

enum class RecordKind { kInteraction, kResponse };

// "interactions" or "responses", as on the command line.
absl::string_view RecordKindName(RecordKind kind);

// The canonical columns of `kind`, in the documented order.
std::vector<absl::string_view> CanonicalColumns(RecordKind kind);

// "interaction_id" or "response_id": the one column a header must have.
absl::string_view IdColumn(RecordKind kind);

// Why one row could not become a record.
struct RowError {
  std::string field;   // the column, or "" when the row as a whole is wrong
  std::string reason;  // a sentence naming the column and the rule
};

// Converts rows of one file, given its header. Cells are stored as follows:
// text columns verbatim (no trimming); timestamps RFC 3339 with an offset;
// counts and scores base-10 integers; first_contact_resolution a boolean
// word; `attr.NAME` columns into the record's attributes. An empty cell
// leaves the field unset ("unknown / not asked") and adds no attribute.
// Ranges and cross-field rules are the server's to check.
class RecordParser {
 public:
  // Fails with InvalidArgument naming the column when the header has an
  // unknown column (other than attr.NAME), an empty or repeated name, or
  // lacks IdColumn(kind).
  static absl::StatusOr<RecordParser> FromHeader(
      RecordKind kind, const std::vector<std::string>& header);

  RecordKind kind() const { return kind_; }
  size_t column_count() const { return columns_.size(); }

  // The row's id cell, or "" when the row is too short to have one.
  absl::string_view IdOf(const std::vector<std::string>& row) const;

  // On success fills `*out` (cleared first) and returns nullopt.
  // REQUIRES: kind() == RecordKind::kInteraction.
  std::optional<RowError> ToInteraction(const std::vector<std::string>& row,
                                        v1::Interaction* out) const;
  // REQUIRES: kind() == RecordKind::kResponse.
  std::optional<RowError> ToResponse(const std::vector<std::string>& row,
                                     v1::SurveyResponse* out) const;

 private:
  // One header column: a canonical column (index into the kind's table) or
  // an attribute.
  struct Column {
    int canonical = -1;  // -1: attribute
    std::string name;    // header text
    std::string attribute;
  };

  RecordParser(RecordKind kind, std::vector<Column> columns, size_t id_index)
      : kind_(kind), columns_(std::move(columns)), id_index_(id_index) {}

  template <typename Record>
  std::optional<RowError> Convert(const std::vector<std::string>& row,
                                  Record* out) const;

  RecordKind kind_;
  std::vector<Column> columns_;
  size_t id_index_;
};

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_IMPORT_RECORD_PARSER_H_
