#include "support/shared_data.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
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

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

int StartXapianTcpsrv(const std::string& db, int port) {
  std::string port_text = std::to_string(port);
  pid_t child = fork();
  if (child == 0) {
    setpgid(0, 0);
    execl("/usr/bin/xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1",
          "--port", port_text.c_str(), db.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return child;
}

void StopXapianTcpsrv(int pid) {
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
}

}  // namespace vanban::testing
