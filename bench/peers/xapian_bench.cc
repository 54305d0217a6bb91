// Peer benchmark: plain Xapian 1.4 (TermGenerator without stemmer, positions,
// text stored as document data; QueryParser with its default flags) over the
// same article files and queries as vanban.
//   bench_xapian index DB ROOT LIST    one commit at the end
//   bench_xapian floor DB ROOT LIST [THREADS]
//   bench_xapian query DB QUERIES [PASSES [or]]    top 10 per query
// "floor" is the least a Xapian index of these texts costs: one term per
// word and no positions, no stored text, no values, each thread writing its
// share to its own shard (DB_NO_SYNC), merged with Database::compact. It is
// a lower bound for any Xapian-based indexer on this machine, not a usable
// search index (no phrases, no snippets, nothing to show).
// Queries use default_op AND, like FTS5's implicit AND, so "no results" means
// the same thing for both; "or" uses QueryParser's default OR instead.
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "common/query_bench.h"

namespace {

using vanban::bench::LoadFileList;
using vanban::bench::LoadQueries;
using vanban::bench::ReadFile;
using vanban::bench::RunBothForms;

int Index(const std::string& db_path, const std::string& root, const std::string& list) {
  std::vector<std::string> files = LoadFileList(list);
  if (files.empty()) {
    std::fprintf(stderr, "empty or missing file list %s\n", list.c_str());
    return 1;
  }
  long bytes = 0;
  try {
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    std::string body;
    for (size_t i = 0; i < files.size(); ++i) {
      const std::string& rel = files[i];
      if (!ReadFile(root + "/" + rel, &body)) {
        std::fprintf(stderr, "cannot read %s\n", rel.c_str());
        return 1;
      }
      bytes += body.size();
      Xapian::Document doc;
      tg.set_document(doc);
      tg.index_text(body);
      doc.set_data(body);
      std::string id_term = "Q";  // paths can exceed 245 bytes
      id_term += std::to_string(i);
      doc.add_boolean_term(id_term);
      db.add_document(doc);
    }
    db.commit();
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "xapian: %s\n", e.get_description().c_str());
    return 1;
  }
  std::printf("index system=xapian docs=%zu bytes=%ld\n", files.size(), bytes);
  return 0;
}

int Floor(const std::string& db_path, const std::string& root, const std::string& list,
          int threads) {
  std::vector<std::string> files = LoadFileList(list);
  if (files.empty() || threads < 1) {
    std::fprintf(stderr, "empty or missing file list %s, or bad thread count\n", list.c_str());
    return 1;
  }
  std::filesystem::remove_all(db_path);
  std::atomic<long> bytes{0};
  std::atomic<bool> failed{false};
  auto shard = [&](int k) { return db_path + ".shard" + std::to_string(k); };
  auto build = [&](int k) {
    try {
      Xapian::WritableDatabase db(shard(k), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
      Xapian::TermGenerator tg;
      std::string body;
      for (size_t i = k; i < files.size(); i += threads) {
        if (!ReadFile(root + "/" + files[i], &body)) {
          std::fprintf(stderr, "cannot read %s\n", files[i].c_str());
          failed = true;
          return;
        }
        bytes += static_cast<long>(body.size());
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text_without_positions(body);
        db.add_document(doc);
      }
      db.commit();
    } catch (const Xapian::Error& e) {
      std::fprintf(stderr, "xapian: %s\n", e.get_description().c_str());
      failed = true;
    }
  };
  std::vector<std::thread> workers;
  for (int k = 0; k < threads; ++k) workers.emplace_back(build, k);
  for (auto& w : workers) w.join();
  if (failed) return 1;
  try {
    Xapian::Database all;
    for (int k = 0; k < threads; ++k) all.add_database(Xapian::Database(shard(k)));
    all.compact(db_path, Xapian::Compactor::FULL);
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "xapian: %s\n", e.get_description().c_str());
    return 1;
  }
  for (int k = 0; k < threads; ++k) std::filesystem::remove_all(shard(k));
  std::printf("index system=xapian-floor docs=%zu bytes=%ld threads=%d\n", files.size(),
              bytes.load(), threads);
  return 0;
}

int Query(const std::string& db_path, const std::string& queries, int passes, bool op_or) {
  auto pairs = LoadQueries(queries);
  if (pairs.empty()) return 1;
  try {
    Xapian::Database db(db_path);
    Xapian::Enquire enquire(db);
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_default_op(Xapian::Query::OP_AND);
    if (op_or) qp.set_default_op(Xapian::Query::OP_OR);
    auto run = [&](const std::string& q) {
      vanban::bench::QueryResult r;
      try {
        enquire.set_query(qp.parse_query(q));
        Xapian::MSet mset = enquire.get_mset(0, 10);
        r.total = static_cast<long>(mset.get_matches_estimated());
        for (auto it = mset.begin(); it != mset.end(); ++it) r.ids.push_back(std::to_string(*it));
      } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "xapian: %s: %s\n", q.c_str(), e.get_description().c_str());
        r.total = -1;
      }
      return r;
    };
    return RunBothForms(op_or ? "xapian-or" : "xapian", pairs, passes, run) ? 0 : 1;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "xapian: %s\n", e.get_description().c_str());
    return 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "index" && argc == 5) return Index(argv[2], argv[3], argv[4]);
  if (mode == "floor" && (argc == 5 || argc == 6)) {
    int threads = argc == 6 ? std::atoi(argv[5])
                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return Floor(argv[2], argv[3], argv[4], threads);
  }
  if (mode == "query" && argc >= 4 && argc <= 6) {
    bool op_or = argc == 6 && std::string(argv[5]) == "or";
    return Query(argv[2], argv[3], argc >= 5 ? std::atoi(argv[4]) : 5, op_or);
  }
  std::fprintf(stderr,
               "usage: bench_xapian index DB ROOT LIST\n"
               "       bench_xapian floor DB ROOT LIST [THREADS]\n"
               "       bench_xapian query DB QUERIES [PASSES [or]]\n");
  return 2;
}
