// Access to ../shared (the public legal texts and the benchmark corpus) from
// tests. Those files stay outside the repository; tests that need them call
// VANBAN_REQUIRE_SHARED() and are skipped with a clear message when absent.
#ifndef VANBAN_TESTS_SUPPORT_SHARED_DATA_H_
#define VANBAN_TESTS_SUPPORT_SHARED_DATA_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace vanban::testing {

// The shared/ folder: $VANBAN_SHARED_DIR if set, else ../shared beside the
// source tree. Empty when it does not exist.
std::filesystem::path SharedDir();
// The repository's source tree (for corpus/, web/, tests/testdata/).
std::filesystem::path SourceDir();
// Reads a whole file; fails the current test if it cannot.
std::string ReadFile(const std::filesystem::path& path);

// The commune plan (corpus/ke-hoach-…-ngoc-ky.txt), the user's own document.
std::string PlanText();
// A new, empty folder under the temp dir named after `prefix`, the process
// and the running test (removed first if a previous run left it).
std::filesystem::path ScratchDir(const std::string& prefix);

// Runs `command` with /bin/sh and captures its standard output.
struct ShellRun {
  int exit_code = -1;  // -1 when it could not run or was killed
  std::string out;
};
ShellRun RunShell(const std::string& command);

// A free TCP port on 127.0.0.1 (the kernel's choice).
int FreePort();
// Starts /usr/bin/xapian-tcpsrv serving `db` on 127.0.0.1:`port`, in its
// own process group (its SIGTERM handler signals its whole group); its pid.
int StartXapianTcpsrv(const std::string& db, int port);
// Stops it (SIGTERM) and waits for it.
void StopXapianTcpsrv(int pid);

}  // namespace vanban::testing

#define VANBAN_REQUIRE_SHARED()                                                \
  do {                                                                         \
    if (::vanban::testing::SharedDir().empty())                                \
      GTEST_SKIP() << "../shared is absent: this test needs the public legal " \
                      "texts in ../shared/corpus (set VANBAN_SHARED_DIR)";     \
  } while (0)

#endif  // VANBAN_TESTS_SUPPORT_SHARED_DATA_H_
