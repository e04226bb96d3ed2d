#include "tests/client/golden_file.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cxscore::client {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void ExpectMatchesGolden(const std::string& dir, const std::string& name,
                         const std::string& actual) {
  const std::string path = dir + name;
  const char* update = std::getenv("CXSCORE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::filesystem::create_directories(dir);
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path))
      << path << " is missing; run with CXSCORE_UPDATE_GOLDEN=1";
  EXPECT_EQ(actual, ReadFile(path)) << "differs from " << path;
}

}  // namespace cxscore::client
