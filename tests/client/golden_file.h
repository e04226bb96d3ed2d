// Golden-file comparison for the document tests: the expected output lives
// in tests/client/testdata/ (paths relative to the repository root, the
// tests' working directory under CMake and Bazel).
#ifndef CXSCORE_TESTS_CLIENT_GOLDEN_FILE_H_
#define CXSCORE_TESTS_CLIENT_GOLDEN_FILE_H_

#include <string>

namespace cxscore::client {

// The whole file; "" when it cannot be read.
std::string ReadFile(const std::string& path);

// Expects `actual` to equal the file `dir` + `name`. With
// CXSCORE_UPDATE_GOLDEN=1 in the environment it rewrites the file instead
// (after an intended change; review the diff before committing it).
void ExpectMatchesGolden(const std::string& dir, const std::string& name,
                         const std::string& actual);

}  // namespace cxscore::client

#endif  // CXSCORE_TESTS_CLIENT_GOLDEN_FILE_H_
