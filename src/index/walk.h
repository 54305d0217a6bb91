// Internal to vanban_index: what one indexing run has to do, from the
// folders on disk, the catalog and the documents already in the database.
// Not thread-safe; built once per run before the workers start.
#ifndef VANBAN_INDEX_WALK_H_
#define VANBAN_INDEX_WALK_H_

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "index/indexer.h"
#include "index/schema.h"
#include "legal/catalog.h"

namespace vanban::index {

// A source file's fingerprint (value schema::kSlotFingerprint):
// "size:mtime_ns:ctime_ns:fnv1a64:catalog-entry-hash". The times are Unix
// nanoseconds from stat: the mtime, and the inode's ctime, which every
// write changes and no tool can set back (A4, QA 21: an edit keeping the
// size and the mtime, `touch -r`, `cp -p`, was never seen). The hash is
// the FNV-1a 64 of the bytes; the last part the CatalogEntryHash of the
// entry the file is the text of, or empty. Indexes made before hold
// "size:mtime_ns:fnv1a64:catalog-entry-hash": ctime 0, never equal to a
// file's, so such a file is read and hashed once and its fingerprint
// refreshed.
struct Fingerprint {
  uint64_t size = 0;
  int64_t mtime = 0;
  int64_t ctime = 0;  // 0: not recorded
  std::string hash;
  std::string catalog;

  // Nullopt for a value that is not a fingerprint (empty, a catalog
  // record's entry hash).
  static std::optional<Fingerprint> Parse(std::string_view value);
  std::string Format() const;
  // Size, both times and catalog part equal: the file is unchanged unread.
  bool SameStat(const Fingerprint& other) const;
  // Size, hash and catalog part equal: the same content, the text of the
  // same entry (the times may differ: touched).
  bool SameContent(const Fingerprint& other) const;
  // "size:hash": a file's content, whatever its times (Plan::moved_texts).
  std::string ContentKey() const;
};

struct ExistingDoc {
  Xapian::docid docid = 0;
  std::string id;
  std::string source_path;
  std::string fingerprint;
  std::string link_path;  // schema::kSlotLinkPath
};

// A catalog record (an entry without text) in the database.
struct ExistingRecord {
  Xapian::docid docid = 0;
  std::string entry_hash;  // CatalogEntryHash of the entry it was made from
};

struct FileTask {
  std::filesystem::path path;  // absolute, lexically normal
  uint64_t size = 0;
  int64_t mtime = 0;  // Unix nanoseconds (Fingerprint)
  int64_t ctime = 0;
  // The symbolic link it was found through, when no walk or catalog
  // reaches it directly (the first such link, by path), else empty.
  std::string link_path;
  const legal::CatalogEntry* entry = nullptr;  // the catalog entry it is the text of
  std::string catalog_hash;                    // hash of that entry, or empty
  const ExistingDoc* existing = nullptr;       // its previous version, if any
  // Its previous version breaks the first id rule (it holds the id of a
  // catalog entry whose text is another file, or it is an entry's text
  // under another id): analysed again even if unchanged.
  bool misplaced_id = false;
};

struct Plan {
  // To extract (new or maybe changed); the catalog entries' text files
  // last, so that a file holding such an entry's id from an earlier run
  // gives it up before the entry's text is written.
  std::vector<FileTask> files;
  std::unordered_map<std::string, ExistingDoc> existing;  // by source path
  std::unordered_map<std::string, ExistingRecord> catalog_records;  // by id
  // Every document id in the database -> its docid and source path (empty
  // for catalog records). The writer keeps these current, so it never has
  // to open a postlist while changes are pending (that flushes Xapian's
  // buffered positions and makes indexing quadratic).
  std::unordered_map<std::string, Xapian::docid> ids;
  std::unordered_map<Xapian::docid, std::string> sources;
  // Catalog entry id -> its text file (absolute), for the entries whose
  // text is found: that file alone gets the id (docs/index-search.md,
  // "Document ids", rule 1).
  std::unordered_map<std::string, std::string> catalog_texts;
  std::vector<Xapian::docid> stale;  // sources gone: delete
  // Fingerprint::ContentKey of the stale files that were
  // the text of a catalog entry whose `text` now finds nothing -> that
  // entry: a new file with that content is the text renamed, and keeps the
  // entry's id (a plan has no number to be found by).
  std::unordered_map<std::string, const legal::CatalogEntry*> moved_texts;
  int unchanged = 0;  // size, times and catalog part unchanged
  // Documents whose file (or a folder above it) exists but could not be
  // read or was skipped by the walk: their previous version stays, and the
  // SkippedFile entry for the file or folder counts them.
  int kept = 0;
  // Documents whose file is outside the paths given (indexed by another
  // run): left as they are.
  int outside = 0;
  uint64_t bytes_total = 0;  // of `files`
};

// Where the catalog of a run comes from (said in IndexSummary::catalog_note).
enum class CatalogSource {
  kNone,
  kGiven,     // --catalog, or catalog.toml in a folder given
  kAbove,     // catalog.toml in a folder above a file or folder given
  kRecorded,  // the catalog the index was last built with
};

// Finds the catalog: `explicit_path`; else "catalog.toml" inside one of the
// folders in `roots`, else in the nearest folder above a root (a file or a
// subfolder of a catalogued corpus indexed alone), else `recorded` (the
// catalog of the previous run) if it still exists. Empty when there is none.
std::filesystem::path FindCatalog(const std::vector<std::filesystem::path>& roots,
                                  const std::filesystem::path& explicit_path,
                                  const std::filesystem::path& recorded, CatalogSource* source);

// Walks `roots` (files or folders) and the catalog's text files, compares
// them with `db` and returns the plan. With `rebuild` the database's
// documents are ignored; with `process_all` every file is planned, even one
// whose size and times are unchanged (the catalog changed: its citations
// must be resolved again). Files and folders that cannot be read, and files
// the walk skips (unsupported, empty), are reported in `skipped`; a
// previously indexed document among them is kept, never deleted. Only
// documents whose file is gone, or no longer found by the walk of a root
// above it (e.g. now hidden), are stale.
Plan MakePlan(const Xapian::Database& db, const legal::Catalog* catalog,
              const std::vector<std::filesystem::path>& roots, bool rebuild, bool process_all,
              std::vector<SkippedFile>* skipped);

// Why `path` cannot be read, in Vietnamese ("không đọc được tệp: không có
// quyền đọc"), from the error of opening and reading it.
std::string ReadFailure(const std::filesystem::path& path);

// Where a catalog entry's text file would be (resolved like
// Catalog::TextPath, whether it exists or not); empty when the entry names
// no text or "shared:" has no folder.
std::filesystem::path ExpectedTextPath(const legal::Catalog& catalog,
                                       const legal::CatalogEntry& entry);

// True when `path` is `root` or inside it (whole path components: the
// folder "corpus2" is not inside "corpus").
bool UnderRoot(const std::string& path, const std::filesystem::path& root);

std::string CatalogEntryHash(const legal::CatalogEntry& entry);

// The id a file at `path` is given when another file holds `base`:
// `base` + "-" + the first 6 hex digits of the path's hash, more digits (or
// "-2", "-3" after all 16) while `taken` says the id is held.
template <typename Taken>
std::string SuffixedId(const std::string& base, const std::string& path, Taken taken) {
  std::string hash = schema::Hex64(schema::Fnv1a(path));
  std::string id = base + "-" + hash.substr(0, 6);
  for (size_t n = 7; taken(id) && n <= hash.size(); ++n) id = base + "-" + hash.substr(0, n);
  for (int k = 2; taken(id); ++k) id = base + "-" + hash + "-" + std::to_string(k);
  return id;
}

// The inverse: `base` when `id` is a SuffixedId of the file at `path`,
// else empty.
std::string UnsuffixedId(const std::string& id, const std::string& path);

// The reason in an ingest error without its lead naming the file ("Bỏ qua
// tệp "…": ", "Không trích được văn bản từ tệp "…": "): the summary lists
// each skipped file by its path already.
std::string SkipReason(const std::string& message);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_WALK_H_
