// Peer benchmark: SQLite FTS5 (tokenize='unicode61 remove_diacritics 2', from
// Debian's libsqlite3) over the same article files and queries as vanban.
//   bench_fts5 index DB ROOT LIST    one transaction, text stored (default content)
//   bench_fts5 query DB QUERIES [PASSES]
// Queries are typed words, each quoted (so "10/2022/QH15" is a phrase and no
// character is FTS5 syntax), implicitly ANDed, top 10 by bm25 (ORDER BY rank).
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "common/query_bench.h"

namespace {

using vanban::bench::LoadFileList;
using vanban::bench::LoadQueries;
using vanban::bench::ReadFile;
using vanban::bench::RunBothForms;

bool Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite: %s: %s\n", sql, err ? err : "?");
    sqlite3_free(err);
    return false;
  }
  return true;
}

int Index(const std::string& db_path, const std::string& root, const std::string& list) {
  std::vector<std::string> files = LoadFileList(list);
  if (files.empty()) {
    std::fprintf(stderr, "empty or missing file list %s\n", list.c_str());
    return 1;
  }
  unlink(db_path.c_str());
  sqlite3* db = nullptr;
  if (sqlite3_open(db_path.c_str(), &db) != SQLITE_OK) {
    std::fprintf(stderr, "cannot open %s\n", db_path.c_str());
    return 1;
  }
  bool ok = Exec(db,
                 "CREATE VIRTUAL TABLE articles USING fts5(path UNINDEXED, body, "
                 "tokenize='unicode61 remove_diacritics 2')") &&
            Exec(db, "BEGIN");
  sqlite3_stmt* ins = nullptr;
  ok = ok && sqlite3_prepare_v2(db, "INSERT INTO articles(path, body) VALUES(?, ?)", -1,
                                &ins, nullptr) == SQLITE_OK;
  long bytes = 0;
  std::string body;
  for (size_t i = 0; ok && i < files.size(); ++i) {
    if (!ReadFile(root + "/" + files[i], &body)) {
      std::fprintf(stderr, "cannot read %s\n", files[i].c_str());
      ok = false;
      break;
    }
    bytes += body.size();
    sqlite3_bind_text(ins, 1, files[i].data(), files[i].size(), SQLITE_STATIC);
    sqlite3_bind_text(ins, 2, body.data(), body.size(), SQLITE_STATIC);
    ok = sqlite3_step(ins) == SQLITE_DONE;
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);
  ok = ok && Exec(db, "COMMIT");
  sqlite3_close(db);
  if (!ok) return 1;
  std::printf("index system=fts5 docs=%zu bytes=%ld\n", files.size(), bytes);
  return 0;
}

// Each whitespace-separated word becomes a quoted FTS5 string.
std::string MatchExpression(const std::string& query) {
  std::istringstream words(query);
  std::string word, out;
  while (words >> word) {
    std::string quoted = "\"";
    for (char c : word) quoted += (c == '"') ? std::string("\"\"") : std::string(1, c);
    out += (out.empty() ? "" : " ") + quoted + "\"";
  }
  return out;
}

int Query(const std::string& db_path, const std::string& queries, int passes) {
  auto pairs = LoadQueries(queries);
  sqlite3* db = nullptr;
  if (pairs.empty() || sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY,
                                       nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "cannot open %s or no queries\n", db_path.c_str());
    return 1;
  }
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db,
                         "SELECT path FROM articles WHERE articles MATCH ? "
                         "ORDER BY rank LIMIT 10",
                         -1, &st, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  auto run = [&](const std::string& q) {
    std::string expr = MatchExpression(q);
    sqlite3_bind_text(st, 1, expr.data(), expr.size(), SQLITE_TRANSIENT);
    vanban::bench::QueryResult r;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      r.ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    }
    sqlite3_reset(st);
    r.total = rc == SQLITE_DONE ? static_cast<long>(r.ids.size()) : -1;
    return r;
  };
  bool ok = RunBothForms("fts5", pairs, passes, run);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "index" && argc == 5) return Index(argv[2], argv[3], argv[4]);
  if (mode == "query" && (argc == 4 || argc == 5)) {
    return Query(argv[2], argv[3], argc == 5 ? std::atoi(argv[4]) : 5);
  }
  std::fprintf(stderr,
               "usage: bench_fts5 index DB ROOT LIST\n"
               "       bench_fts5 query DB QUERIES [PASSES]\n");
  return 2;
}
