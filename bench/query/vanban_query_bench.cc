// vanban query latency through the search library (Searcher::Open + Search),
// the same work the CLI and the server do per query: Vietnamese analysis,
// number/name awareness, snippets, facets. Top 10 per query.
//   bench_vanban_query DB QUERIES [PASSES [FACET_DEPTH [SNIPPETS]]]
// FACET_DEPTH (default or -1: the library's) is for profiling the facet cost;
// the rows it prints are named "vanban-fdN". SNIPPETS 0 fills the hits from
// the hit record alone (SearchRequest::snippets = false: ranked retrieval
// with facets, no text read); its rows are named "vanban-ids".
#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/query_bench.h"
#include "search/searcher.h"

int main(int argc, char** argv) {
  if (argc < 3 || argc > 6) {
    std::fprintf(stderr,
                 "usage: bench_vanban_query DB QUERIES [PASSES [FACET_DEPTH [SNIPPETS]]]\n");
    return 2;
  }
  auto pairs = vanban::bench::LoadQueries(argv[2]);
  if (pairs.empty()) return 1;
  auto searcher = vanban::search::Searcher::Open(argv[1]);
  if (!searcher.ok()) {
    std::fprintf(stderr, "%s\n", searcher.status().ToString().c_str());
    return 1;
  }
  int facet_depth = argc >= 5 ? std::atoi(argv[4]) : -1;
  bool snippets = argc < 6 || std::string(argv[5]) != "0";
  std::string system = snippets ? "vanban" : "vanban-ids";
  if (facet_depth >= 0) system += "-fd" + std::to_string(facet_depth);
  auto run = [&](const std::string& q) {
    vanban::bench::QueryResult r;
    vanban::search::SearchRequest request;
    request.query = q;
    request.limit = 10;
    if (facet_depth >= 0) request.facet_depth = facet_depth;
    request.snippets = snippets;
    auto response = (*searcher)->Search(request);
    if (!response.ok()) {
      std::fprintf(stderr, "%s: %s\n", q.c_str(), response.status().ToString().c_str());
      r.total = -1;
      return r;
    }
    r.total = response->total;
    for (const auto& hit : response->results) r.ids.push_back(hit.id + "#" + hit.article_anchor);
    return r;
  };
  int passes = argc >= 4 ? std::atoi(argv[3]) : 5;
  return vanban::bench::RunBothForms(system, pairs, passes, run) ? 0 : 1;
}
