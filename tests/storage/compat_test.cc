// A database written by the storage format of commit ca4e7ad (format
// version 2; tools/compat_db, docs/storage-format.md "Compatibility test")
// must give the same answers when opened by the current code.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/rocks_store.h"
#include "tests/testing/status_matchers.h"
#include "tools/compat_db/compat_db.h"

namespace cxscore::storage {
namespace {

using ::cxscore::testing::StatusIs;
using ::testing::HasSubstr;

const std::filesystem::path kCompatDb = "tests/storage/testdata/compat_v2";
const std::filesystem::path kAnswers =
    "tests/storage/testdata/compat_v2_answers.txt";

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A fresh directory under the test's temporary folder.
std::filesystem::path TempDir(const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) /
      ("cxscore-compat-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(dir);
  return dir;
}

// A writable copy of the committed database in `dir` (RocksDB writes a LOCK,
// a LOG and a new MANIFEST on open; Bazel's runfiles may be read-only
// symbolic links, which the copy follows).
void CopyCompatDb(const std::filesystem::path& dir) {
  std::filesystem::copy(kCompatDb, dir,
                        std::filesystem::copy_options::recursive);
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add);
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::filesystem::permissions(entry.path(),
                                 std::filesystem::perms::owner_read |
                                     std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::add);
  }
}

// Fails at the first line where `actual` and `expected` differ.
void ExpectSameAnswers(const std::string& actual, const std::string& expected) {
  const std::vector<std::string> a = absl::StrSplit(actual, '\n');
  const std::vector<std::string> e = absl::StrSplit(expected, '\n');
  for (size_t i = 0; i < std::max(a.size(), e.size()); ++i) {
    const std::string got = i < a.size() ? a[i] : "(end of answers)";
    const std::string want = i < e.size() ? e[i] : "(end of answers)";
    ASSERT_EQ(got, want) << "first difference at line " << i + 1 << " of "
                         << kAnswers;
  }
}

class CompatTest : public ::testing::Test {
 protected:
  void SetUp() override {
    expected_ = ReadFile(kAnswers);
    ASSERT_FALSE(expected_.empty()) << "cannot read " << kAnswers;
  }
  std::string expected_;
};

TEST_F(CompatTest, CommittedDatabaseNeedsNoRuntimeFiles) {
  ASSERT_TRUE(std::filesystem::is_directory(kCompatDb)) << kCompatDb;
  EXPECT_TRUE(std::filesystem::exists(kCompatDb / "CURRENT"));
  for (const auto& entry : std::filesystem::directory_iterator(kCompatDb)) {
    const std::string name = entry.path().filename().string();
    EXPECT_NE(name, "LOCK");
    EXPECT_FALSE(name.starts_with("LOG")) << name;
  }
}

TEST_F(CompatTest, TodaysCodeReadsTheOldDatabaseTheSame) {
  const std::filesystem::path dir = TempDir("read");
  CopyCompatDb(dir);
  {
    StoreOptions options;
    options.data_dir = dir.string();
    options.block_cache_bytes = size_t{8} << 20;
    auto store = OpenRocksStore(options);
    ASSERT_OK(store);
    auto answers = compat_db::Answers(**store);
    ASSERT_OK(answers);
    ExpectSameAnswers(*answers, expected_);
  }
  std::filesystem::remove_all(dir);
}

// Corruption is DATA_LOSS (never UNAVAILABLE, which clients retry), whether
// RocksDB finds it on open or in a scan: here in the largest table file.
TEST_F(CompatTest, ACorruptTableFileIsDataLoss) {
  const std::filesystem::path dir = TempDir("corrupt");
  CopyCompatDb(dir);
  std::filesystem::path largest;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".sst" &&
        (largest.empty() ||
         entry.file_size() > std::filesystem::file_size(largest)))
      largest = entry.path();
  }
  ASSERT_FALSE(largest.empty());
  {
    std::fstream file(largest, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(16);  // inside the first data block
    file.write("corrupt!corrupt!", 16);
    ASSERT_TRUE(file.good());
  }
  {
    StoreOptions options;
    options.data_dir = dir.string();
    options.block_cache_bytes = size_t{8} << 20;
    auto store = OpenRocksStore(options);
    if (store.ok()) {
      EXPECT_THAT(
          compat_db::Answers(**store),
          StatusIs(absl::StatusCode::kDataLoss, HasSubstr("Corruption")));
    } else {
      EXPECT_THAT(store, StatusIs(absl::StatusCode::kDataLoss,
                                  HasSubstr("Corruption")));
    }
  }
  std::filesystem::remove_all(dir);
}

// The data set written by today's code gives the same answers: the golden
// file describes the data set, not an accident of the old code.
TEST_F(CompatTest, TodaysCodeWritesTheSameAnswers) {
  const std::filesystem::path dir = TempDir("write");
  {
    StoreOptions options;
    options.data_dir = dir.string();
    options.block_cache_bytes = size_t{8} << 20;
    auto store = OpenRocksStore(options);
    ASSERT_OK(store);
    ASSERT_OK(compat_db::WriteDataSet(**store));
    auto answers = compat_db::Answers(**store);
    ASSERT_OK(answers);
    ExpectSameAnswers(*answers, expected_);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace cxscore::storage
