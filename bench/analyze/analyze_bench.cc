// bench_analyze: single-thread throughput of vanban::text::Analyzer over a
// folder of text (default: ../shared/bench/large-corpus/phapdien-md), in MB/s and
// characters/s, with per-file p50/p99 and peak memory. Unless --no-peer, it
// also runs, in the same process and on the same files, a generic ICU
// pipeline (UTF-16 conversion, NFC, lowercase, BreakIterator words) as the
// reference a Xapian/Lucene-style ICU tokenizer would give.
// Whole-process time and peak RSS: run it under /usr/bin/time -v.
#include <sys/resource.h>
#include <time.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "text/analyzer.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Input {
  std::string path;
  std::string bytes;
};

// CPU time of this thread: less disturbed than wall time when other
// processes share the machine's cores.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

struct Result {
  double cpu_seconds = 0;
  double seconds = 0;
  size_t tokens = 0;
  std::vector<double> per_file_ms;
};

fs::path DefaultDir() {
  const char* env = std::getenv("VANBAN_SHARED_DIR");
  fs::path shared = (env && *env) ? fs::path(env) : fs::path(VANBAN_SOURCE_DIR) / ".." / "shared";
  return shared / "bench" / "large-corpus" / "phapdien-md";
}

std::vector<Input> ReadAll(const fs::path& dir) {
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".md" || ext == ".txt")) paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Input> inputs;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    inputs.push_back({p.string(), s.str()});
  }
  return inputs;
}

size_t CountCodePoints(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

template <typename Fn>
Result Run(const std::vector<Input>& inputs, Fn analyse_one) {
  Result r;
  double cpu0 = ThreadCpuSeconds();
  auto start = Clock::now();
  for (const Input& in : inputs) {
    auto t0 = Clock::now();
    r.tokens += analyse_one(in.bytes);
    r.per_file_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  r.cpu_seconds = ThreadCpuSeconds() - cpu0;
  std::sort(r.per_file_ms.begin(), r.per_file_ms.end());
  return r;
}

size_t IcuPeer(const std::string& bytes) {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  static std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale("vi"), status));
  icu::UnicodeString text = nfc->normalize(icu::UnicodeString::fromUTF8(bytes), status);
  text.toLower(icu::Locale("vi"));
  words->setText(text);
  size_t tokens = 0;
  std::string term;
  int32_t begin = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
       begin = end, end = words->next()) {
    if (words->getRuleStatus() == UBRK_WORD_NONE) continue;
    term.clear();
    text.tempSubStringBetween(begin, end).toUTF8String(term);
    ++tokens;
  }
  return tokens;
}

void Print(const char* name, const char* key, const Result& r, size_t bytes, size_t chars) {
  auto pct = [&](double q) {
    return r.per_file_ms[std::min(r.per_file_ms.size() - 1, size_t(q * r.per_file_ms.size()))];
  };
  std::printf(
      "%-16s wall %6.3f s %6.1f MB/s %6.2f M chars/s | cpu %6.3f s %6.1f MB/s "
      "%6.2f M chars/s | %5.2f M tokens/s | per file p50 %.2f ms p99 %.2f ms | %zu tokens\n",
      name, r.seconds, bytes / r.seconds / 1e6, chars / r.seconds / 1e6, r.cpu_seconds,
      bytes / r.cpu_seconds / 1e6, chars / r.cpu_seconds / 1e6, r.tokens / r.seconds / 1e6,
      pct(0.50), pct(0.99), r.tokens);
  // The same as key=value, for bench/report.py (scripts/bench).
  std::printf(
      "analyze system=%s files=%zu bytes=%zu chars=%zu tokens=%zu wall_s=%.3f cpu_s=%.3f "
      "mb_s=%.1f mchars_s=%.2f cpu_mchars_s=%.2f p50_ms=%.2f p99_ms=%.2f\n",
      key, r.per_file_ms.size(), bytes, chars, r.tokens, r.seconds, r.cpu_seconds,
      bytes / r.seconds / 1e6, chars / r.seconds / 1e6, chars / r.cpu_seconds / 1e6, pct(0.50),
      pct(0.99));
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = DefaultDir();
  bool peer_icu = true;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--no-peer") {
      peer_icu = false;
    } else if (arg == "-h" || arg == "--help") {
      std::printf("usage: bench_analyze [DIR] [--no-peer]\n");
      return 0;
    } else {
      dir = arg;
    }
  }
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::fprintf(stderr, "bench_analyze: không tìm thấy thư mục %s\n", dir.c_str());
    return 1;
  }
  auto wall0 = Clock::now();
  std::vector<Input> inputs = ReadAll(dir);
  size_t bytes = 0, chars = 0;
  for (const Input& in : inputs) bytes += in.bytes.size(), chars += CountCodePoints(in.bytes);
  double read_s = std::chrono::duration<double>(Clock::now() - wall0).count();
  std::printf("corpus: %s\nfiles: %zu  bytes: %zu (%.1f MiB)  characters: %zu  read: %.2f s\n",
              dir.c_str(), inputs.size(), bytes, bytes / 1048576.0, chars, read_s);

  vanban::text::Analyzer analyzer;
  Result norm =
      Run(inputs, [](const std::string& s) { return vanban::text::Normalize(s).size() > 0; });
  Print("normalize only", "vanban_normalize", norm, bytes, chars);
  Result full =
      Run(inputs, [&](const std::string& s) { return analyzer.Analyze(s).tokens.size(); });
  Print("vanban analyze", "vanban", full, bytes, chars);
  if (peer_icu) Print("peer: ICU words", "icu_words", Run(inputs, IcuPeer), bytes, chars);

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("whole process: %.2f s wall, %.2f s user+sys, peak RSS %.1f MiB\n",
              std::chrono::duration<double>(Clock::now() - wall0).count(),
              usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
                  usage.ru_stime.tv_usec / 1e6,
              usage.ru_maxrss / 1024.0);
  return 0;
}
