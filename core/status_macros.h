#ifndef CXSCORE_CORE_STATUS_MACROS_H_
#define CXSCORE_CORE_STATUS_MACROS_H_

// RETURN_IF_ERROR and ASSIGN_OR_RETURN, which Debian's Abseil (20220623) does
// not ship. Header-only; usable in any function returning absl::Status or
// absl::StatusOr<T>.
//
//   RETURN_IF_ERROR(store.Write(batch));
//   ASSIGN_OR_RETURN(auto cells, ScanCells(db, range));
//   ASSIGN_OR_RETURN(std::vector<int> ids, LoadIds());
//   ASSIGN_OR_RETURN(existing, Lookup(key));  // assigns to a declared variable
//
// Each expansion evaluates `expr` exactly once. On error the status is
// returned unchanged (no message is added).

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace cxscore::status_macros_internal {

// The absl::Status of a Status or a StatusOr, for RETURN_IF_ERROR.
inline const absl::Status& GetStatus(const absl::Status& status) {
  return status;
}
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

}  // namespace cxscore::status_macros_internal

#define CXSCORE_STATUS_MACROS_CONCAT_INNER_(x, y) x##y
#define CXSCORE_STATUS_MACROS_CONCAT_(x, y) \
  CXSCORE_STATUS_MACROS_CONCAT_INNER_(x, y)
#define CXSCORE_STATUS_MACROS_UNIQUE_(prefix) \
  CXSCORE_STATUS_MACROS_CONCAT_(prefix, __LINE__)

// Returns the status of `expr` (an absl::Status or absl::StatusOr<T>) from
// the enclosing function when it is not OK.
#define RETURN_IF_ERROR(expr)                              \
  do {                                                     \
    if (const auto& cxscore_status_macros_value = (expr);  \
        !::cxscore::status_macros_internal::GetStatus(     \
             cxscore_status_macros_value)                  \
             .ok()) {                                      \
      return ::cxscore::status_macros_internal::GetStatus( \
          cxscore_status_macros_value);                    \
    }                                                      \
  } while (false)

// Evaluates `expr` (an absl::StatusOr<T>); returns its status when it is not
// OK, otherwise moves its value into `lhs`, which may be a declaration
// (`auto x`, `std::vector<int> v`) or an existing lvalue. Expands to more than
// one statement: do not use it as the body of an unbraced if/else.
#define ASSIGN_OR_RETURN(lhs, expr)                                        \
  CXSCORE_ASSIGN_OR_RETURN_IMPL_(                                          \
      CXSCORE_STATUS_MACROS_UNIQUE_(cxscore_status_macros_statusor_), lhs, \
      expr)

#define CXSCORE_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                                   \
  if (!statusor.ok()) {                                     \
    return std::move(statusor).status();                    \
  }                                                         \
  lhs = std::move(statusor).value()

#endif  // CXSCORE_CORE_STATUS_MACROS_H_
