#include "client/documents/pdf_export.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"

extern char** environ;

namespace cxscore::client {
namespace {

std::string Tail(const std::string& path, size_t max_chars) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.size() > max_chars)
    text = "..." + text.substr(text.size() - max_chars);
  return text;
}

bool IsExecutable(const std::string& path) {
  return !path.empty() && access(path.c_str(), X_OK) == 0 &&
         std::filesystem::is_regular_file(path);
}

}  // namespace

TempDir::TempDir() {
  std::string base = std::filesystem::temp_directory_path().string();
  std::string pattern = base + "/cxscore-XXXXXX";
  if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
}

TempDir::~TempDir() {
  if (path_.empty()) return;
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::optional<std::string> FindChromium() {
  if (const char* env = std::getenv("CXSCORE_CHROMIUM");
      env != nullptr && *env != '\0') {
    if (IsExecutable(env)) return std::string(env);
    return std::nullopt;
  }
  const char* path = std::getenv("PATH");
  if (path == nullptr) return std::nullopt;
  for (const char* name : {"chromium", "chromium-browser",
                           "google-chrome-stable", "google-chrome"}) {
    for (absl::string_view dir : absl::StrSplit(path, ':')) {
      if (dir.empty()) continue;
      const std::string candidate = absl::StrCat(dir, "/", name);
      if (IsExecutable(candidate)) return candidate;
    }
  }
  return std::nullopt;
}

std::string ChromiumMissingMessage() {
  return "PDF output needs Chromium, and none was found (looked for "
         "$CXSCORE_CHROMIUM, then chromium, chromium-browser, google-chrome on "
         "PATH); install it (Debian: apt-get install chromium) or use "
         "--format html and print the page from a browser";
}

std::vector<std::string> HeadlessChromiumFlags(const std::string& profile_dir) {
  return {"--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-quic",
          "--disable-extensions",
          "--mute-audio",
          "--hide-scrollbars",
          absl::StrCat("--user-data-dir=", profile_dir)};
}

absl::Status RunChromium(const std::string& chromium,
                         const std::vector<std::string>& args,
                         const std::string& log_path, absl::Duration timeout) {
  std::vector<std::string> argv_strings = {chromium};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null",
                                   O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  // Its own process group, so that a timeout can end Chromium's helpers too.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  pid_t pid = 0;
  const int spawn_error = posix_spawn(&pid, chromium.c_str(), &actions, &attr,
                                      argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (spawn_error != 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        "cannot start ", chromium, ": ", std::strerror(spawn_error)));
  }

  const absl::Time deadline = absl::Now() + timeout;
  int status = 0;
  while (true) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) {
      return absl::InternalError(
          absl::StrCat("waiting for ", chromium, ": ", std::strerror(errno)));
    }
    if (absl::Now() > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return absl::FailedPreconditionError(absl::StrCat(
          chromium, " did not finish within ", absl::FormatDuration(timeout),
          "; its output: ", Tail(log_path, 2000)));
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  // Helpers left behind by the browser process, if any.
  kill(-pid, SIGKILL);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return absl::FailedPreconditionError(
        absl::StrCat(chromium, " failed (status ", status,
                     "); its output: ", Tail(log_path, 2000)));
  }
  return absl::OkStatus();
}

absl::Status HtmlToPdf(const std::string& html, const std::string& pdf_path,
                       const std::string& chromium, absl::Duration timeout) {
  TempDir dir;
  if (!dir.ok()) {
    return absl::InternalError("cannot create a temporary folder for Chromium");
  }
  const std::string page = dir.path() + "/page.html";
  {
    std::ofstream out(page, std::ios::binary);
    out << html;
    if (!out) return absl::InternalError(absl::StrCat("cannot write ", page));
  }
  const std::string target =
      std::filesystem::absolute(std::filesystem::path(pdf_path)).string();
  std::vector<std::string> args =
      HeadlessChromiumFlags(dir.path() + "/profile");
  args.push_back("--no-pdf-header-footer");
  args.push_back(absl::StrCat("--print-to-pdf=", target));
  args.push_back(absl::StrCat("file://", page));
  absl::Status status =
      RunChromium(chromium, args, dir.path() + "/chromium.log", timeout);
  if (!status.ok()) return status;
  std::error_code ec;
  if (!std::filesystem::exists(target, ec) ||
      std::filesystem::file_size(target, ec) == 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        chromium, " exited without writing ", pdf_path,
        "; its output: ", Tail(dir.path() + "/chromium.log", 2000)));
  }
  return absl::OkStatus();
}

}  // namespace cxscore::client
