// Internal to vanban_index: what one indexing run has to do, from the
// folders on disk, the catalog and the documents already in the database.
// Not thread-safe; built once per run before the workers start.
#ifndef VANBAN_INDEX_WALK_H_
#define VANBAN_INDEX_WALK_H_

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "index/indexer.h"
#include "legal/catalog.h"

namespace vanban::index {

struct ExistingDoc {
  Xapian::docid docid = 0;
  std::string id;
  std::string source_path;
  std::string fingerprint;
};

struct FileTask {
  std::filesystem::path path;  // absolute, lexically normal
  uint64_t size = 0;
  int64_t mtime = 0;
  const legal::CatalogEntry* entry = nullptr;  // the catalog entry it is the text of
  std::string catalog_hash;                    // hash of that entry, or empty
  const ExistingDoc* existing = nullptr;       // its previous version, if any
};

struct Plan {
  std::vector<FileTask> files;                    // to extract (new or maybe changed)
  std::unordered_map<std::string, ExistingDoc> existing;  // by source path
  std::unordered_map<std::string, Xapian::docid> catalog_records;  // id -> docid
  // Every document id in the database -> its docid and source path (empty
  // for catalog records). The writer keeps these current, so it never has
  // to open a postlist while changes are pending (that flushes Xapian's
  // buffered positions and makes indexing quadratic).
  std::unordered_map<std::string, Xapian::docid> ids;
  std::unordered_map<Xapian::docid, std::string> sources;
  std::vector<Xapian::docid> stale;               // sources gone: delete
  int unchanged = 0;                              // size and mtime unchanged
  uint64_t bytes_total = 0;                       // of `files`
};

// Finds the catalog: `explicit_path`, or "catalog.toml" inside one of the
// folders in `roots`. Empty when there is none.
std::filesystem::path FindCatalog(const std::vector<std::filesystem::path>& roots,
                                  const std::filesystem::path& explicit_path);

// Walks `roots` (files or folders) and the catalog's text files, compares
// them with `db` and returns the plan. Unreadable folders are reported in
// `skipped`.
Plan MakePlan(const Xapian::Database& db, const legal::Catalog* catalog,
              const std::vector<std::filesystem::path>& roots, bool rebuild,
              std::vector<SkippedFile>* skipped);

std::string CatalogEntryHash(const legal::CatalogEntry& entry);

// The reason in an ingest error without its lead naming the file ("Bỏ qua
// tệp "…": ", "Không trích được văn bản từ tệp "…": "): the summary lists
// each skipped file by its path already.
std::string SkipReason(const std::string& message);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_WALK_H_
