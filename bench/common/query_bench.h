// Shared driver of the query-latency benchmarks (bench/peers, bench/query):
// loads bench/queries.txt, runs one warm-up pass, then timed passes, and
// prints one `query ...` line per query form with p50/p99 and the number of
// queries that returned nothing. Single-threaded; header-only.
#ifndef VANBAN_BENCH_COMMON_QUERY_BENCH_H_
#define VANBAN_BENCH_COMMON_QUERY_BENCH_H_

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace vanban::bench {

struct QueryPair {
  std::string accented;
  std::string unaccented;
};

// Reads "accented<TAB>unaccented" lines; '#' lines and blank lines are
// skipped. Returns an empty list (after a message) when the file is unusable.
inline std::vector<QueryPair> LoadQueries(const std::string& path) {
  std::vector<QueryPair> out;
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read query list %s\n", path.c_str());
    return out;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      out.push_back({line, line});
    } else {
      out.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
  }
  return out;
}

// What one query found: an estimate of the matches (-1 on error) and the ids
// of the top hits, in rank order.
struct QueryResult {
  long total = 0;
  std::vector<std::string> ids;
};
using QueryFn = std::function<QueryResult(const std::string&)>;

// The p-th percentile of `ms` (nearest rank), 0 when empty.
inline double Percentile(std::vector<double> ms, double p) {
  if (ms.empty()) return 0;
  std::sort(ms.begin(), ms.end());
  size_t k = static_cast<size_t>(p / 100.0 * (ms.size() - 1) + 0.5);
  return ms[std::min(k, ms.size() - 1)];
}

// Prints "query system=S form=F queries=N samples=M p50_ms=.. p90_ms=..
// p99_ms=.. mean_ms=.. max_ms=.. zero=Z errors=E", without a line end.
inline void PrintLatency(const std::string& system, const std::string& form, size_t queries,
                         const std::vector<double>& ms, int zero, int errors) {
  double sum = 0, max = 0;
  for (double v : ms) {
    sum += v;
    max = std::max(max, v);
  }
  std::printf(
      "query system=%s form=%s queries=%zu samples=%zu p50_ms=%.3f p90_ms=%.3f "
      "p99_ms=%.3f mean_ms=%.3f max_ms=%.3f zero=%d errors=%d",
      system.c_str(), form.c_str(), queries, ms.size(), Percentile(ms, 50), Percentile(ms, 90),
      Percentile(ms, 99), ms.empty() ? 0 : sum / ms.size(), max, zero, errors);
}

struct LatencyStats {
  std::vector<std::vector<std::string>> top;  // per query, from the warm-up pass
};

// Runs `query` over `queries`: one untimed warm-up pass, then `passes` timed
// passes. Prints
//   query system=S form=F queries=N samples=M p50_ms=.. p90_ms=.. p99_ms=..
//         mean_ms=.. max_ms=.. zero=Z errors=E [overlap=O]
// and lists the zero-result queries on stderr. `reference` (optional): the
// top hits of the same queries in the other form; overlap is the mean share
// of those found again. Returns false on errors.
inline bool RunLatency(const std::string& system, const std::string& form,
                       const std::vector<std::string>& queries, int passes, const QueryFn& query,
                       LatencyStats* stats, const LatencyStats* reference = nullptr) {
  using Clock = std::chrono::steady_clock;
  int errors = 0, zero = 0;
  for (const std::string& q : queries) {
    QueryResult r = query(q);
    if (r.total == 0 || (r.total > 0 && r.ids.empty())) {
      ++zero;
      std::fprintf(stderr, "  %s %s: no results for \"%s\"\n", system.c_str(), form.c_str(),
                   q.c_str());
    }
    stats->top.push_back(r.ids);
  }
  std::vector<double> ms;
  std::vector<std::pair<double, size_t>> slowest(queries.size());  // total ms, query
  for (int p = 0; p < passes; ++p) {
    for (size_t i = 0; i < queries.size(); ++i) {
      auto t0 = Clock::now();
      QueryResult r = query(queries[i]);
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      slowest[i] = {slowest[i].first + ms.back(), i};
      if (r.total < 0) ++errors;
    }
  }
  if (ms.empty()) return false;
  std::sort(slowest.rbegin(), slowest.rend());
  for (size_t k = 0; k < slowest.size() && k < 5; ++k) {
    std::fprintf(stderr, "  %s %s: slow: %.3f ms mean for \"%s\"\n", system.c_str(),
                 form.c_str(), slowest[k].first / passes, queries[slowest[k].second].c_str());
  }
  PrintLatency(system, form, queries.size(), ms, zero, errors);
  if (reference != nullptr && reference->top.size() == stats->top.size()) {
    double share = 0;
    int counted = 0;
    for (size_t i = 0; i < stats->top.size(); ++i) {
      const auto& want = reference->top[i];
      if (want.empty()) continue;
      int found = 0;
      for (const auto& id : want) {
        if (std::find(stats->top[i].begin(), stats->top[i].end(), id) != stats->top[i].end()) {
          ++found;
        }
      }
      share += static_cast<double>(found) / want.size();
      ++counted;
    }
    std::printf(" overlap=%.2f", counted ? share / counted : 0.0);
  }
  std::printf("\n");
  std::fflush(stdout);
  return errors == 0;
}

// Runs both forms of `pairs` (accented, then unaccented). The unaccented
// line's overlap says how many of the accented form's top hits the same
// words typed without diacritics find again (1.00: all of them).
inline bool RunBothForms(const std::string& system, const std::vector<QueryPair>& pairs,
                         int passes, const QueryFn& query) {
  std::vector<std::string> acc, unacc;
  for (const auto& p : pairs) {
    acc.push_back(p.accented);
    unacc.push_back(p.unaccented);
  }
  LatencyStats acc_stats, unacc_stats;
  bool ok = RunLatency(system, "accented", acc, passes, query, &acc_stats);
  return RunLatency(system, "unaccented", unacc, passes, query, &unacc_stats, &acc_stats) && ok;
}

// Reads the file list written by bench/corpus/split_articles.py (paths
// relative to `root`).
inline std::vector<std::string> LoadFileList(const std::string& list_path) {
  std::vector<std::string> out;
  std::ifstream in(list_path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

inline bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

}  // namespace vanban::bench

#endif  // VANBAN_BENCH_COMMON_QUERY_BENCH_H_
