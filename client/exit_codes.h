// Exit codes of the cxscore CLI (docs/cli.md). Scripts depend on them.
#ifndef CXSCORE_CLIENT_EXIT_CODES_H_
#define CXSCORE_CLIENT_EXIT_CODES_H_

namespace cxscore::client {

inline constexpr int kExitOk = 0;
// Import only: some rows were rejected; every other row was stored.
inline constexpr int kExitRowsRejected = 1;
// `admin verify` only: some derived cells differ from the raw records (with
// --repair: still differ after the repair).
inline constexpr int kExitCellsDiffer = 1;
// Usage error, unreadable input, unreachable server, or a call the server
// refused as a whole.
inline constexpr int kExitFailure = 2;

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_EXIT_CODES_H_
