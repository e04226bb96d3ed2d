// Input rules for records. Every rejection names the field and the rule.
#ifndef CXSCORE_CORE_VALIDATION_H_
#define CXSCORE_CORE_VALIDATION_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "core/records.h"

namespace cxscore {

inline constexpr size_t kMaxIdBytes = 128;
inline constexpr size_t kMaxCommentBytes = 4096;
inline constexpr size_t kMaxAttributeBytes = 1024;  // per name and per value

// Why a record was refused. `code` follows gRPC retry semantics:
// kInvalidArgument (fix the record), kAlreadyExists (an immutable record with
// this id holds other content).
struct Violation {
  absl::StatusCode code = absl::StatusCode::kInvalidArgument;
  std::string field;   // e.g. "nps", "closed_at", "attr.plan"
  std::string reason;  // a sentence that names the field and the rule

  bool operator==(const Violation&) const = default;
};

// Returns the first rule the record breaks, or nullopt when it is valid.
// Checks: ids present and <= kMaxIdBytes, every string valid UTF-8,
// timestamps present and ordered (first_response_at and closed_at not before
// opened_at, updated_at finite when present), counts >= 0.
std::optional<Violation> ValidateInteraction(const Interaction& interaction);

// As above for responses: scores in range, at least one score (field
// "scores" when there is none), comment <= kMaxCommentBytes. Attributes of
// both kinds: names 1..kMaxAttributeBytes, values <= kMaxAttributeBytes, valid
// UTF-8 (field "attr.NAME").
std::optional<Violation> ValidateResponse(const SurveyResponse& response);

// The name of an attribute a query groups by (field `field`, e.g.
// "group_by_attributes[0]"), by the rules of stored names: 1..
// kMaxAttributeBytes bytes of valid UTF-8. nullopt when valid.
std::optional<Violation> ValidateAttributeName(const std::string& field,
                                               const std::string& name);

// One status with `violation.code`. The message is the reason, which starts
// with the field name ("nps must be an integer from 0 to 10, got 11"); a
// reason that does not is prefixed as "field: reason".
absl::Status ToStatus(const Violation& violation);

}  // namespace cxscore

#endif  // CXSCORE_CORE_VALIDATION_H_
