// The indexer: walks folders, extracts and parses documents, resolves their
// citations against the catalog and writes them to a Xapian database in ONE
// commit per run (a failed or interrupted run leaves the previous index).
// Documents are analysed on a pool of worker threads; one thread writes,
// except in fresh builds (IndexDatabase), where several threads write shard
// databases that are merged at the end.
// An Indexer is not thread-safe; use one per database at a time.
#ifndef VANBAN_INDEX_INDEXER_H_
#define VANBAN_INDEX_INDEXER_H_

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"

namespace Xapian {
class Error;
class WritableDatabase;
}

namespace vanban::index {

// Stops a run from another thread or a signal handler, both sides agreeing
// on the outcome. A stop requested before the run reaches its point of no
// return (the commit of an incremental run; the swap of a fresh build,
// after its merge) is honoured: the run fails and the index stays as it
// was. One requested after it is refused, and the run completes.
// Lock-free, so Request() may be called from a signal handler. One per run.
class Cancellation {
 public:
  // Asks the run to stop. True: it will (also when asked before); false:
  // it is past its point of no return and completes.
  bool Request() {
    int state = kRunning;
    return state_.compare_exchange_strong(state, kStopping) || state == kStopping;
  }
  bool requested() const { return state_.load() == kStopping; }
  // For the run, at its point of no return: true when it may go on (no stop
  // was requested, and none is honoured from now on).
  bool PassPointOfNoReturn() {
    int state = kRunning;
    return state_.compare_exchange_strong(state, kCommitting) || state == kCommitting;
  }

 private:
  enum : int { kRunning, kStopping, kCommitting };
  static_assert(std::atomic<int>::is_always_lock_free);
  std::atomic<int> state_{kRunning};
};

struct IndexProgress {
  int files_done = 0;
  int files_total = 0;
  uint64_t bytes_done = 0;
  uint64_t bytes_total = 0;
  double seconds = 0;
  std::string current;  // path being finished
  // The writer is still waiting for `current` (a large file being
  // analysed): called every IndexOptions::heartbeat_seconds meanwhile, so
  // that a log shows the run is alive.
  bool waiting = false;
};

struct IndexOptions {
  // Files or folders to index; folders are walked recursively.
  std::vector<std::filesystem::path> paths;
  // The catalog; empty: the first "catalog.toml" directly inside one of
  // `paths` (or none).
  std::filesystem::path catalog;
  bool rebuild = false;  // drop everything first (still one atomic commit)
  int threads = 0;       // analysis workers; 0: one per core
  // Fresh builds by IndexDatabase (rebuild, or no index yet): shard
  // databases written in parallel and merged at the end; 0: one per core;
  // 1: a single writer, no merge. Other runs always use one writer.
  int writers = 0;
  // Documents per shard in a sharded build; 0: the default (tests use a
  // few, to get many shards from a small corpus).
  int shard_documents = 0;
  std::function<void(const IndexProgress&)> on_progress;  // writer thread
  double heartbeat_seconds = 5;                           // between `waiting` progress calls
  Cancellation* cancel = nullptr;                         // to stop the run
  // Test hook: fail the run after writing this many documents, before the
  // commit (0: never). Proves atomicity.
  int fail_after_documents = 0;
};

struct SkippedFile {
  std::string path;
  std::string reason;  // Vietnamese
  // Previously indexed documents that stay as they were: the file's own
  // (0 or 1), or for a folder that could not be read, those inside it.
  int kept = 0;
  bool folder = false;  // `path` is a folder
};

// A document deleted because its file is gone, or a catalog record whose
// entry is gone from the catalog (path "(bản ghi danh mục)"), or the id of
// a file that is another document now (`note` says which).
struct RemovedFile {
  std::string path;
  std::string id;
  std::string note;  // Vietnamese, when the file is still there; else empty
};

// What one (re)indexed file gave: the ingest report shown per file.
struct FileReport {
  std::string path;
  std::string id;
  bool updated = false;  // replaced an older version (else added)
  std::string format;    // "txt", "docx", "pdf", "pdf-ocr", ...
  std::string encoding;  // "utf-8", "tcvn3", ...
  int pages = 0;
  uint64_t characters = 0;
  bool ocr = false;
  double ocr_confidence = 0;          // 0..100 when ocr
  std::vector<std::string> warnings;  // ingest and parser warnings (Vietnamese)
};

struct IndexSummary {
  int added = 0;
  int updated = 0;
  int removed = 0;  // == removed_files.size()
  int unchanged = 0;
  int kept = 0;             // documents kept in their previous version (sum of skipped[].kept)
  int catalog_records = 0;  // catalog entries indexed without text
  int catalog_records_added = 0;  // of those, the ones the index did not have before
  std::vector<SkippedFile> skipped;
  std::vector<RemovedFile> removed_files;
  std::vector<FileReport> files;  // every file added or updated, in write order
  // Citations in the files (re)indexed by this run: of other documents,
  // resolved or not, and of the document itself ("Luật này", "Điều 5").
  int citations_resolved = 0;
  int citations_unresolved = 0;
  int citations_self = 0;
  std::map<std::string, int> formats;  // "txt" -> count, for files (re)indexed
  uint64_t bytes = 0;                  // bytes of files (re)indexed
  int documents = 0;                   // documents in the index after the commit
  double seconds = 0;
  std::vector<std::string> warnings;  // catalog problems etc. (Vietnamese)
  // Which catalog was used when it was not in a folder given (found above
  // one, or the previous run's), in Vietnamese; else "".
  std::string catalog_note;
};

class Indexer {
 public:
  // Writes to `db` (not owned; must outlive the Indexer). Tests pass an
  // in-memory database.
  explicit Indexer(Xapian::WritableDatabase* db);
  ~Indexer();

  // Opens (creating) the database folder `db_dir`. Errors name the folder
  // and say what is wrong in Vietnamese (no write permission, locked by
  // another writer, not a Xapian database).
  static StatusOr<std::unique_ptr<Indexer>> Open(const std::string& db_dir);

  // Runs one indexing pass. Fails (and commits nothing) only when a PATH
  // does not exist or the catalog does not load (both checked before
  // anything is written), the database fails, or the run is cancelled
  // before its commit (options.cancel).
  StatusOr<IndexSummary> Run(const IndexOptions& options);

 private:
  friend StatusOr<IndexSummary> IndexDatabase(const std::string& db_dir,
                                              const IndexOptions& options);
  struct Internal;
  std::unique_ptr<Internal> internal_;
};

// Indexes into the database folder `db_dir` (created when missing; its
// parent folder must exist). A fresh build (options.rebuild, or no database
// yet) goes to a sibling folder that is swapped in only after its commit,
// so the old index stays usable until then; it is written as parallel
// shards merged at the end (see `writers`). Cancelled before the swap, it
// removes the new folder and fails; the old index stays.
// A PATH that does not exist, or a catalog that does not load, fails the
// run before the folder (or its lock file) is created.
// One run at a time per folder: every run (incremental or fresh) holds an
// exclusive lock on the file "<db_dir>.lock" beside the folder (it
// survives the swap) for its whole length; a second run fails at once with
// a message naming the folder, and the first is not disturbed. The lock
// file is removed when the run ends.
StatusOr<IndexSummary> IndexDatabase(const std::string& db_dir, const IndexOptions& options);

// The failure of a run on the database error `e`, in Vietnamese, with
// `kept_note` saying what became of the index ("chỉ mục cũ được giữ
// nguyên"): a write the disk refused (full, over quota, read-only, an I/O
// error) says so and to free space or check the disk, and run again;
// anything else is a damaged index, to rebuild or restore.
Status DatabaseFailure(const Xapian::Error& e, const std::string& kept_note);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_INDEXER_H_
