// bench_legal: single-thread throughput of vanban::legal::ParseDocument over
// a folder of text (default: ../shared/bench/large-corpus/phapdien-md, the
// Pháp điển codification), then of Catalog::ResolveAll against
// corpus/catalog.toml. Prints MB/s (thread CPU time, less disturbed than wall
// time on a shared machine), per-file p50/p99 and peak RSS; run it under
// /usr/bin/time -v for whole-process figures.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "legal/catalog.h"
#include "legal/parser.h"

namespace {

namespace fs = std::filesystem;

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

fs::path DefaultDir() {
  const char* env = std::getenv("VANBAN_SHARED_DIR");
  fs::path shared = (env && *env) ? fs::path(env) : fs::path(VANBAN_SOURCE_DIR) / ".." / "shared";
  return shared / "bench" / "large-corpus" / "phapdien-md";
}

std::vector<std::string> ReadAll(const fs::path& dir, size_t* bytes) {
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const fs::path& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    texts.push_back(s.str());
    *bytes += texts.back().size();
  }
  return texts;
}

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(q * v.size()))];
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = argc > 1 ? fs::path(argv[1]) : DefaultDir();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::fprintf(stderr, "bench_legal: không tìm thấy thư mục %s\n", dir.c_str());
    return 1;
  }
  size_t bytes = 0;
  std::vector<std::string> texts = ReadAll(dir, &bytes);
  auto catalog = vanban::legal::Catalog::Load(fs::path(VANBAN_SOURCE_DIR) / "corpus/catalog.toml");
  size_t units = 0, citations = 0, resolved = 0;
  std::vector<double> per_file_ms;
  double parse_cpu = 0, resolve_cpu = 0;
  for (const std::string& text : texts) {
    double t0 = ThreadCpuSeconds();
    vanban::legal::Document doc = vanban::legal::ParseDocument(text);
    double t1 = ThreadCpuSeconds();
    if (catalog.ok()) catalog->ResolveAll(&doc);
    double t2 = ThreadCpuSeconds();
    parse_cpu += t1 - t0;
    resolve_cpu += t2 - t1;
    per_file_ms.push_back((t1 - t0) * 1000);
    units += doc.units.size();
    citations += doc.citations.size();
    for (const auto& c : doc.citations) {
      resolved += c.status == vanban::legal::CitationStatus::kResolved;
    }
  }
  double mib = bytes / (1024.0 * 1024.0);
  std::printf("corpus: %s\nfiles: %zu  bytes: %zu (%.1f MiB)\n", dir.c_str(), texts.size(), bytes,
              mib);
  std::printf("ParseDocument: %.2f s CPU, %.1f MiB/s; per file p50 %.1f ms, p99 %.1f ms\n",
              parse_cpu, mib / parse_cpu, Percentile(per_file_ms, 0.5),
              Percentile(per_file_ms, 0.99));
  std::printf("units: %zu  citations: %zu  resolved against the catalog: %zu\n", units, citations,
              resolved);
  std::printf("ResolveAll: %.3f s CPU (%.1f µs per citation)\n", resolve_cpu,
              citations ? resolve_cpu * 1e6 / citations : 0.0);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS %.1f MiB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
