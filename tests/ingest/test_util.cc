#include "ingest/test_util.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "ingest/fixtures.h"
#include "support/shared_data.h"

namespace vanban::ingest::testing {

TempDir::TempDir(const std::string& name) {
  path_ = std::filesystem::path(VANBAN_BINARY_DIR) / "tmp-ingest" /
          (name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::optional<std::string> Pipe(const std::string& command, std::string_view input) {
  char in_name[] = "/tmp/vanban-pipe-XXXXXX";
  int fd = mkstemp(in_name);
  if (fd < 0) return std::nullopt;
  close(fd);
  if (!fixtures::WriteBytes(in_name, input).ok()) return std::nullopt;
  std::string cmd = command + " < " + in_name + " 2>/dev/null";
  ::vanban::testing::ShellRun run = ::vanban::testing::RunShell(cmd);
  std::remove(in_name);
  if (run.exit_code != 0) return std::nullopt;
  return std::move(run.out);
}

std::vector<std::filesystem::path> SharedCorpusTexts() {
  std::vector<std::filesystem::path> out;
  std::filesystem::path shared = vanban::testing::SharedDir();
  if (shared.empty()) return out;
  for (const char* dir : {"corpus/plan", "corpus/texts"}) {
    for (const auto& e : std::filesystem::directory_iterator(shared / dir)) {
      if (e.path().extension() == ".txt") out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::filesystem::path> LargeCorpusFiles() {
  std::vector<std::filesystem::path> out;
  std::filesystem::path shared = vanban::testing::SharedDir();
  if (shared.empty()) return out;
  std::filesystem::path dir = shared / "bench" / "large-corpus";
  if (!std::filesystem::exists(dir)) return out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.path().extension() == ".md") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::u32string CodePoints(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = len == 1 ? b : b & (0xFF >> (len + 1));
    for (int k = 1; k < len && i + k < s.size(); ++k) c = (c << 6) | (s[i + k] & 0x3F);
    out += c;
    i += len;
  }
  return out;
}

size_t EditDistance(std::u32string_view a, std::u32string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

double CharAccuracy(std::string_view expected, std::string_view actual) {
  std::u32string e = CodePoints(expected), a = CodePoints(actual);
  if (e.empty()) return a.empty() ? 1.0 : 0.0;
  return 1.0 - static_cast<double>(EditDistance(e, a)) / e.size();
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace vanban::ingest::testing
