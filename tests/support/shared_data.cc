#include "support/shared_data.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace vanban::testing {

std::filesystem::path SourceDir() { return VANBAN_SOURCE_DIR; }

std::filesystem::path SharedDir() {
  std::filesystem::path dir;
  if (const char* env = std::getenv("VANBAN_SHARED_DIR"); env && *env) {
    dir = env;
  } else {
    dir = SourceDir() / ".." / "shared";
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(dir / "corpus", ec)) return {};
  return std::filesystem::weakly_canonical(dir, ec);
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string PlanText() {
  return ReadFile(SourceDir() / "corpus" / "ke-hoach-dan-van-chinh-quyen-2023-xa-ngoc-ky.txt");
}

std::filesystem::path ScratchDir(const std::string& prefix) {
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      (prefix + "-" + std::to_string(getpid()) + "-" + (test ? test->name() : "suite"));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

ShellRun RunShell(const std::string& command) {
  ShellRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buf[65536];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) run.out.append(buf, n);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace vanban::testing
