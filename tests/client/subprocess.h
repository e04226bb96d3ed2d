// Runs a program for a test and collects its exit code and output.
#ifndef CXSCORE_TESTS_CLIENT_SUBPROCESS_H_
#define CXSCORE_TESTS_CLIENT_SUBPROCESS_H_

#include <map>
#include <string>
#include <vector>

namespace cxscore::client {

struct ProcessResult {
  int exit_code = -1;  // -1 when it did not exit normally or did not start
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] is the program's path) with stdin from /dev/null,
// the test's environment minus the names in `unset`, plus `env`.
ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env = {},
                         const std::vector<std::string>& unset = {});

}  // namespace cxscore::client

#endif  // CXSCORE_TESTS_CLIENT_SUBPROCESS_H_
