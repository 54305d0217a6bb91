// Internal to vanban_index: writes a fresh index as many small shard
// databases on several threads, then merges them into one database with
// Xapian compaction (the "build shards and merge" way to index in
// parallel; Xapian has one writer per database).
//
// The caller hands documents over in increasing docid order. Each batch of
// consecutive docids becomes a new shard database, written by one of the
// writer threads in a single flush, so no shard ever merges postings into
// an existing B-tree. The shards' docid ranges are disjoint, and the merge
// keeps every docid: the result is the database one writer would have
// built, document for document.
//
// Not thread-safe: one coordinating thread calls Add/SetMetadata/Finish.
#ifndef VANBAN_INDEX_SHARD_WRITER_H_
#define VANBAN_INDEX_SHARD_WRITER_H_

#include <xapian.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "index/builder.h"
#include "index/indexer.h"
#include "index/record.h"

namespace vanban::index {

// A document to write. Unless `finished`, its values and data are still to
// be set from `record` and `source` (FinishDocument): the writer threads do
// that, so encoding records runs in parallel too.
struct PendingDoc {
  Xapian::Document xd;
  bool finished = true;
  Record record;
  SourceInfo source;

  void Finish() {
    if (finished) return;
    FinishDocument(record, source, &xd);
    record = Record();
    finished = true;
  }
};

class ShardWriter {
 public:
  // Shards go to `temp_dir` (created, in a folder that must exist;
  // removed by the destructor).
  // `batch_docs` documents per shard, `threads` writer threads.
  ShardWriter(std::filesystem::path temp_dir, int threads, size_t batch_docs,
              const Cancellation* cancel);
  ~ShardWriter();

  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  // Queues a document; `did` is above every docid added before. Blocks while
  // the writers are behind. Throws Xapian::Error when a writer failed.
  void Add(Xapian::docid did, PendingDoc doc);
  // Adds a batch of documents with any increasing docids below the first
  // docid given to Add (the catalog records, held back until the end).
  void AddHeld(std::vector<std::pair<Xapian::docid, PendingDoc>> docs);
  void SetMetadata(const std::string& key, const std::string& value);

  // Writes what is left, waits for the writers and merges every shard into
  // the new database folder `output` (synced to disk by the compaction).
  // Throws Xapian::Error (also when cancelled during the merge).
  void Finish(const std::filesystem::path& output);

  // Documents in the shards (after Finish).
  Xapian::doccount documents() const { return documents_; }

 private:
  using Batch = std::vector<std::pair<Xapian::docid, PendingDoc>>;
  struct Job {
    size_t shard = 0;
    Batch docs;
    std::vector<std::pair<std::string, std::string>> metadata;
  };

  void Submit(Batch docs, std::vector<std::pair<std::string, std::string>> metadata = {});
  void Run();
  void WriteShard(Job* job);
  void StopThreads();
  void ThrowIfFailed();

  std::filesystem::path dir_;
  size_t batch_docs_;
  const Cancellation* cancel_;
  std::atomic<bool> abandon_{false};
  Batch current_;
  std::vector<std::pair<std::string, std::string>> metadata_;
  size_t shards_ = 0;
  Xapian::doccount documents_ = 0;

  std::mutex mu_;
  std::condition_variable work_, room_;
  std::deque<Job> jobs_;
  size_t max_jobs_;
  int busy_ = 0;
  bool closing_ = false;
  std::string error_;  // first writer failure
  std::vector<std::thread> threads_;
};

}  // namespace vanban::index

#endif  // VANBAN_INDEX_SHARD_WRITER_H_
