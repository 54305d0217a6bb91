// Plain Xapian and vanban on the same queries at the same moments: for each
// query of the list, in every pass, the plain Xapian AND query (accented,
// ids only, as bench_xapian) and vanban's search in both forms, ranked hits
// only (snippets=0) and the results page (snippets), in an order that
// rotates from query to query. Runs of the separate programs minutes apart
// see different host load (bench/README.md); here every system sees the
// same, so their ratio is measured, not the host's drift.
//   bench_paired XAPIAN_DB VANBAN_DB QUERIES [PASSES]
// Prints one `query system=paired-...` line per system and form (the format
// of common/query_bench.h) and a `paired` line with the p50/p99 ratios to
// plain Xapian and the median of the per-query ratios.
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "common/query_bench.h"
#include "search/searcher.h"

namespace {

using Clock = std::chrono::steady_clock;
using vanban::bench::Percentile;

struct System {
  std::string name, form;
  std::function<long(size_t)> run;  // query index -> matches (-1 on error)
  std::vector<double> ms;           // every timed sample
  std::vector<double> per_query;    // summed over passes, per query
  int zero = 0, errors = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4 || argc > 5) {
    std::fprintf(stderr, "usage: bench_paired XAPIAN_DB VANBAN_DB QUERIES [PASSES]\n");
    return 2;
  }
  auto pairs = vanban::bench::LoadQueries(argv[3]);
  if (pairs.empty()) return 1;
  int passes = argc == 5 ? std::atoi(argv[4]) : 5;
  try {
    Xapian::Database xdb(argv[1]);
    Xapian::Enquire enquire(xdb);
    Xapian::QueryParser qp;
    qp.set_database(xdb);
    qp.set_default_op(Xapian::Query::OP_AND);
    auto searcher = vanban::search::Searcher::Open(argv[2]);
    if (!searcher.ok()) {
      std::fprintf(stderr, "%s\n", searcher.status().ToString().c_str());
      return 1;
    }
    auto xapian = [&](size_t i) -> long {
      enquire.set_query(qp.parse_query(pairs[i].accented));
      Xapian::MSet mset = enquire.get_mset(0, 10);
      return static_cast<long>(mset.get_matches_estimated());
    };
    auto vanban = [&](bool accented, bool snippets) {
      return [&, accented, snippets](size_t i) -> long {
        vanban::search::SearchRequest request;
        request.query = accented ? pairs[i].accented : pairs[i].unaccented;
        request.limit = 10;
        request.snippets = snippets;
        auto response = (*searcher)->Search(request);
        return response.ok() ? response->total : -1;
      };
    };
    std::vector<System> systems = {
        {"paired-xapian", "accented", xapian, {}, {}},
        {"paired-vanban-ids", "accented", vanban(true, false), {}, {}},
        {"paired-vanban-ids", "unaccented", vanban(false, false), {}, {}},
        {"paired-vanban", "accented", vanban(true, true), {}, {}},
        {"paired-vanban", "unaccented", vanban(false, true), {}, {}},
    };
    for (auto& s : systems) s.per_query.assign(pairs.size(), 0);
    // Pass 0 warms up (untimed); each later pass runs every query on every
    // system, starting with another system from one query to the next.
    for (int pass = 0; pass <= passes; ++pass) {
      for (size_t i = 0; i < pairs.size(); ++i) {
        for (size_t k = 0; k < systems.size(); ++k) {
          System& s = systems[(k + i + pass) % systems.size()];
          auto t0 = Clock::now();
          long total = s.run(i);
          double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
          if (pass == 0) {
            if (total == 0) ++s.zero;
            continue;
          }
          if (total < 0) ++s.errors;
          s.ms.push_back(ms);
          s.per_query[i] += ms;
        }
      }
    }
    for (const auto& s : systems) {
      vanban::bench::PrintLatency(s.name, s.form, pairs.size(), s.ms, s.zero, s.errors);
      std::printf("\n");
    }
    const System& x = systems[0];
    for (const char* name : {"paired-vanban-ids", "paired-vanban"}) {
      for (const char* form : {"accented", "unaccented"}) {
        auto s = std::find_if(systems.begin(), systems.end(),
                              [&](const System& s) { return s.name == name && s.form == form; });
        std::vector<double> ratios;
        for (size_t i = 0; i < pairs.size(); ++i)
          ratios.push_back(s->per_query[i] / x.per_query[i]);
        std::printf(
            "paired system=%s form=%s p50_ratio=%.3f p99_ratio=%.3f median_query_ratio=%.3f "
            "slowest_query_ratio=%.3f\n",
            name, form, Percentile(s->ms, 50) / Percentile(x.ms, 50),
            Percentile(s->ms, 99) / Percentile(x.ms, 99), Percentile(ratios, 50),
            *std::max_element(s->per_query.begin(), s->per_query.end()) /
                *std::max_element(x.per_query.begin(), x.per_query.end()));
      }
    }
    // The slowest queries of the ranked hits, against plain Xapian (stderr).
    const System& ids = systems[1];
    std::vector<size_t> order(pairs.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return ids.per_query[a] > ids.per_query[b]; });
    for (size_t k = 0; k < order.size() && k < 8; ++k) {
      size_t i = order[k];
      std::fprintf(stderr, "  slow: %.3f ms vanban-ids, %.3f ms xapian (%.2fx) for \"%s\"\n",
                   ids.per_query[i] / passes, x.per_query[i] / passes,
                   ids.per_query[i] / x.per_query[i], pairs[i].accented.c_str());
    }
    bool ok =
        std::all_of(systems.begin(), systems.end(), [](const System& s) { return !s.errors; });
    return ok ? 0 : 1;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "%s\n", e.get_description().c_str());
    return 1;
  }
}
