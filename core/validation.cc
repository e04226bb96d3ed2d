#include "core/validation.h"

#include <utf8cpp/utf8.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/records.h"

namespace cxscore {
namespace {

// Attribute names are user data: shown in a field name they are made valid
// UTF-8 and cut short, so that a rejection message is itself clean text.
constexpr size_t kMaxShownNameBytes = 64;

Violation Invalid(std::string field, std::string reason) {
  return Violation{absl::StatusCode::kInvalidArgument, std::move(field),
                   std::move(reason)};
}

std::optional<Violation> CheckUtf8(absl::string_view field,
                                   absl::string_view value) {
  const auto invalid = utf8::find_invalid(value.begin(), value.end());
  if (invalid == value.end()) return std::nullopt;
  return Invalid(std::string(field),
                 absl::StrFormat("%s must be valid UTF-8; invalid byte "
                                 "sequence at byte offset %d",
                                 field, invalid - value.begin()));
}

// An id: at most kMaxIdBytes of valid UTF-8, and non-empty when `required`.
std::optional<Violation> CheckId(absl::string_view field,
                                 absl::string_view value, bool required) {
  if (required && value.empty()) {
    return Invalid(std::string(field),
                   absl::StrCat(field, " is required and must not be empty"));
  }
  if (value.size() > kMaxIdBytes) {
    return Invalid(std::string(field),
                   absl::StrFormat("%s must be at most %d bytes, got %d", field,
                                   kMaxIdBytes, value.size()));
  }
  return CheckUtf8(field, value);
}

std::optional<Violation> CheckText(absl::string_view field,
                                   absl::string_view value, size_t max_bytes) {
  if (value.size() > max_bytes) {
    return Invalid(std::string(field),
                   absl::StrFormat("%s must be at most %d bytes, got %d", field,
                                   max_bytes, value.size()));
  }
  return CheckUtf8(field, value);
}

// A required point in time: present (not the InfinitePast default) and finite.
std::optional<Violation> CheckRequiredTime(absl::string_view field,
                                           absl::Time t) {
  if (t == absl::InfinitePast()) {
    return Invalid(std::string(field),
                   absl::StrCat(field, " is required and must be a timestamp"));
  }
  if (t == absl::InfiniteFuture()) {
    return Invalid(std::string(field),
                   absl::StrCat(field, " must be a finite timestamp"));
  }
  return std::nullopt;
}

// An optional timestamp that, when present, may not precede `opened_at`.
std::optional<Violation> CheckNotBeforeOpened(
    absl::string_view field, const std::optional<absl::Time>& t,
    absl::Time opened_at) {
  if (!t.has_value()) return std::nullopt;
  if (*t == absl::InfiniteFuture()) {
    return Invalid(std::string(field),
                   absl::StrCat(field, " must be a finite timestamp"));
  }
  if (*t < opened_at) {
    return Invalid(std::string(field),
                   absl::StrCat(field, " must not be before opened_at; got ",
                                absl::FormatTime(absl::RFC3339_full, *t,
                                                 absl::UTCTimeZone()),
                                ", opened_at is ",
                                absl::FormatTime(absl::RFC3339_full, opened_at,
                                                 absl::UTCTimeZone())));
  }
  return std::nullopt;
}

// An optional timestamp that, when present, is finite.
std::optional<Violation> CheckOptionalTime(absl::string_view field,
                                           const std::optional<absl::Time>& t) {
  if (!t.has_value() ||
      (*t != absl::InfinitePast() && *t != absl::InfiniteFuture())) {
    return std::nullopt;
  }
  return Invalid(std::string(field),
                 absl::StrCat(field, " must be a finite timestamp"));
}

std::optional<Violation> CheckNonNegative(absl::string_view field,
                                          const std::optional<int32_t>& count) {
  if (!count.has_value() || *count >= 0) return std::nullopt;
  return Invalid(
      std::string(field),
      absl::StrFormat("%s must be an integer >= 0, got %d", field, *count));
}

std::optional<Violation> CheckScore(absl::string_view field,
                                    const std::optional<int32_t>& score,
                                    int32_t low, int32_t high) {
  if (!score.has_value() || (*score >= low && *score <= high)) {
    return std::nullopt;
  }
  return Invalid(std::string(field),
                 absl::StrFormat("%s must be an integer from %d to %d, got %d",
                                 field, low, high, *score));
}

std::string ShownAttributeName(const std::string& name) {
  std::string shown = utf8::replace_invalid(name);
  if (shown.size() <= kMaxShownNameBytes) return shown;
  size_t cut = kMaxShownNameBytes;
  // Back up to the first byte of a UTF-8 sequence (not 10xxxxxx).
  while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  shown.resize(cut);
  return shown + "...";
}

std::optional<Violation> CheckAttributes(
    const std::map<std::string, std::string>& attributes) {
  for (const auto& [name, value] : attributes) {
    const std::string field = absl::StrCat("attr.", ShownAttributeName(name));
    if (name.empty()) {
      return Invalid(field, "attr. column names must not be empty (attr.NAME)");
    }
    if (name.size() > kMaxAttributeBytes) {
      return Invalid(field,
                     absl::StrFormat("%s name must be at most %d bytes, got %d",
                                     field, kMaxAttributeBytes, name.size()));
    }
    if (!utf8::is_valid(name.begin(), name.end())) {
      return Invalid(field, absl::StrCat(field, " name must be valid UTF-8"));
    }
    if (value.size() > kMaxAttributeBytes) {
      return Invalid(
          field, absl::StrFormat("%s value must be at most %d bytes, got %d",
                                 field, kMaxAttributeBytes, value.size()));
    }
    if (!utf8::is_valid(value.begin(), value.end())) {
      return Invalid(field, absl::StrCat(field, " value must be valid UTF-8"));
    }
  }
  return std::nullopt;
}

// Runs checks in order and yields the first violation.
#define CXSCORE_RETURN_IF_VIOLATED(expr)                 \
  do {                                                   \
    if (std::optional<Violation> v_ = (expr)) return v_; \
  } while (false)

}  // namespace

std::optional<Violation> ValidateInteraction(const Interaction& r) {
  CXSCORE_RETURN_IF_VIOLATED(CheckId("interaction_id", r.interaction_id, true));
  CXSCORE_RETURN_IF_VIOLATED(CheckId("agent_id", r.agent_id, false));
  CXSCORE_RETURN_IF_VIOLATED(CheckId("team_id", r.team_id, false));
  CXSCORE_RETURN_IF_VIOLATED(CheckId("channel", r.channel, false));
  CXSCORE_RETURN_IF_VIOLATED(CheckId("customer_id", r.customer_id, false));
  CXSCORE_RETURN_IF_VIOLATED(CheckRequiredTime("opened_at", r.opened_at));
  CXSCORE_RETURN_IF_VIOLATED(CheckNotBeforeOpened(
      "first_response_at", r.first_response_at, r.opened_at));
  CXSCORE_RETURN_IF_VIOLATED(
      CheckNotBeforeOpened("closed_at", r.closed_at, r.opened_at));
  CXSCORE_RETURN_IF_VIOLATED(CheckOptionalTime("updated_at", r.updated_at));
  CXSCORE_RETURN_IF_VIOLATED(CheckNonNegative("reopens", r.reopens));
  CXSCORE_RETURN_IF_VIOLATED(CheckNonNegative("transfers", r.transfers));
  CXSCORE_RETURN_IF_VIOLATED(CheckAttributes(r.attributes));
  return std::nullopt;
}

std::optional<Violation> ValidateResponse(const SurveyResponse& r) {
  CXSCORE_RETURN_IF_VIOLATED(CheckId("response_id", r.response_id, true));
  CXSCORE_RETURN_IF_VIOLATED(
      CheckId("interaction_id", r.interaction_id, false));
  CXSCORE_RETURN_IF_VIOLATED(CheckId("agent_id", r.agent_id, false));
  CXSCORE_RETURN_IF_VIOLATED(CheckId("team_id", r.team_id, false));
  CXSCORE_RETURN_IF_VIOLATED(CheckId("channel", r.channel, false));
  CXSCORE_RETURN_IF_VIOLATED(CheckId("customer_id", r.customer_id, false));
  CXSCORE_RETURN_IF_VIOLATED(CheckRequiredTime("submitted_at", r.submitted_at));
  CXSCORE_RETURN_IF_VIOLATED(CheckScore("nps", r.nps, 0, 10));
  CXSCORE_RETURN_IF_VIOLATED(CheckScore("csat", r.csat, 1, 5));
  CXSCORE_RETURN_IF_VIOLATED(CheckScore("ces", r.ces, 1, 7));
  CXSCORE_RETURN_IF_VIOLATED(CheckScore("ves_ability", r.ves_ability, 1, 7));
  CXSCORE_RETURN_IF_VIOLATED(
      CheckScore("ves_confidence", r.ves_confidence, 1, 7));
  if (!r.nps && !r.csat && !r.ces && !r.ves_ability && !r.ves_confidence) {
    return Invalid("scores",
                   "scores must include at least one of nps, csat, ces, "
                   "ves_ability, ves_confidence; the response has none");
  }
  CXSCORE_RETURN_IF_VIOLATED(CheckText("comment", r.comment, kMaxCommentBytes));
  CXSCORE_RETURN_IF_VIOLATED(CheckAttributes(r.attributes));
  return std::nullopt;
}

#undef CXSCORE_RETURN_IF_VIOLATED

std::optional<Violation> ValidateAttributeName(const std::string& field,
                                               const std::string& name) {
  if (name.empty())
    return Invalid(field, absl::StrCat(field, ": an attribute name must not be "
                                              "empty (attr.NAME)"));
  if (name.size() > kMaxAttributeBytes)
    return Invalid(field, absl::StrFormat("%s: an attribute name is at most %d "
                                          "bytes, got %d",
                                          field, kMaxAttributeBytes,
                                          name.size()));
  if (!utf8::is_valid(name.begin(), name.end()))
    return Invalid(field,
                   absl::StrCat(field, ": an attribute name must be valid UTF-8"));
  return std::nullopt;
}

absl::Status ToStatus(const Violation& violation) {
  // Reasons normally open with the field name already; avoid "nps: nps ...".
  if (!violation.field.empty() &&
      !absl::StartsWith(violation.reason, violation.field)) {
    return absl::Status(violation.code,
                        absl::StrCat(violation.field, ": ", violation.reason));
  }
  return absl::Status(violation.code, violation.reason);
}

}  // namespace cxscore
