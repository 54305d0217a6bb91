#include "index/shard_writer.h"

#include <algorithm>
#include <cstdio>
#include <system_error>

#include "base/os_error.h"

namespace vanban::index {
namespace fs = std::filesystem;

namespace {

// Checks for cancellation between the tables of a compaction (the merge
// has no other hook).
class CancellableCompactor : public Xapian::Compactor {
 public:
  explicit CancellableCompactor(const Cancellation* cancel) : cancel_(cancel) {}
  void set_status(const std::string&, const std::string&) override {
    if (cancel_ && cancel_->requested()) throw Xapian::DatabaseError("đã huỷ khi gộp chỉ mục");
  }

 private:
  const Cancellation* cancel_;
};

}  // namespace

ShardWriter::ShardWriter(fs::path temp_dir, int threads, size_t batch_docs,
                         const Cancellation* cancel)
    : dir_(std::move(temp_dir)),
      batch_docs_(std::max<size_t>(1, batch_docs)),
      cancel_(cancel),
      max_jobs_(static_cast<size_t>(std::max(1, threads))) {
  std::error_code ec;
  fs::remove_all(dir_, ec);
  // Only the last level: the index's own folder exists (IndexDatabase).
  fs::create_directory(dir_, ec);
  if (ec) {
    throw Xapian::DatabaseCreateError("không tạo được thư mục tạm " + dir_.string() + ": " +
                                      ErrorText(ec, true));
  }
  for (int i = 0; i < std::max(1, threads); ++i) threads_.emplace_back([this] { Run(); });
}

ShardWriter::~ShardWriter() {
  // Not finished (a failed or cancelled run): queued shards are dropped and
  // the one being written is abandoned.
  abandon_ = true;
  {
    std::lock_guard lock(mu_);
    jobs_.clear();
  }
  StopThreads();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

void ShardWriter::StopThreads() {
  {
    std::lock_guard lock(mu_);
    closing_ = true;
  }
  work_.notify_all();
  room_.notify_all();
  for (auto& t : threads_) t.join();
  threads_.clear();
}

void ShardWriter::ThrowIfFailed() {
  std::lock_guard lock(mu_);
  if (!error_.empty()) throw Xapian::DatabaseError(error_);
}

void ShardWriter::Add(Xapian::docid did, PendingDoc doc) {
  current_.emplace_back(did, std::move(doc));
  if (current_.size() >= batch_docs_) {
    Submit(std::move(current_));
    current_.clear();
  }
}

void ShardWriter::AddHeld(Batch docs) {
  if (!docs.empty()) Submit(std::move(docs));
}

void ShardWriter::SetMetadata(const std::string& key, const std::string& value) {
  metadata_.emplace_back(key, value);
}

void ShardWriter::Submit(Batch docs, std::vector<std::pair<std::string, std::string>> metadata) {
  ThrowIfFailed();
  documents_ += static_cast<Xapian::doccount>(docs.size());
  Job job;
  job.shard = shards_++;
  job.docs = std::move(docs);
  job.metadata = std::move(metadata);
  {
    std::unique_lock lock(mu_);
    room_.wait(lock, [&] { return jobs_.size() < max_jobs_ || !error_.empty(); });
    if (!error_.empty()) throw Xapian::DatabaseError(error_);
    jobs_.push_back(std::move(job));
  }
  work_.notify_one();
}

void ShardWriter::Run() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mu_);
      work_.wait(lock, [&] { return !jobs_.empty() || closing_; });
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
      if (!error_.empty()) continue;  // the build has failed already
      ++busy_;
    }
    room_.notify_one();
    std::string error;
    try {
      WriteShard(&job);
    } catch (const Xapian::Error& e) {
      error = e.get_description();
    } catch (const std::exception& e) {
      error = e.what();
    }
    {
      std::lock_guard lock(mu_);
      --busy_;
      if (!error.empty() && error_.empty()) error_ = error;
    }
    room_.notify_all();
  }
}

void ShardWriter::WriteShard(Job* job) {
  char name[32];
  std::snprintf(name, sizeof name, "shard-%06zu", job->shard);
  // Temporary: no fsync (the merged output is synced by the compaction).
  Xapian::WritableDatabase db((dir_ / name).string(),
                              Xapian::DB_CREATE | Xapian::DB_NO_SYNC | Xapian::DB_BACKEND_GLASS);
  // In a transaction, so an abandoned shard is dropped, not flushed.
  db.begin_transaction(true);
  for (auto& [did, doc] : job->docs) {
    if (abandon_ || (cancel_ && cancel_->requested())) throw Xapian::DatabaseError("đã huỷ");
    doc.Finish();
    db.replace_document(did, doc.xd);  // above the shard's last docid: an add
    PutText(&db, did, doc.xd);
    doc = PendingDoc();
  }
  for (const auto& [key, value] : job->metadata) db.set_metadata(key, value);
  db.commit_transaction();
  db.close();
}

void ShardWriter::Finish(const fs::path& output) {
  Submit(std::move(current_), std::move(metadata_));
  current_.clear();
  metadata_.clear();
  {
    std::unique_lock lock(mu_);
    room_.wait(lock, [&] { return (jobs_.empty() && busy_ == 0) || !error_.empty(); });
  }
  StopThreads();
  ThrowIfFailed();
  Xapian::Database all;
  for (size_t i = 0; i < shards_; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "shard-%06zu", i);
    all.add_database(Xapian::Database((dir_ / name).string()));
  }
  CancellableCompactor compactor(cancel_);
  // Docids kept: the shards hold disjoint ranges, in the order one writer
  // would have numbered them.
  all.compact(output.string(), Xapian::DBCOMPACT_NO_RENUMBER | Xapian::Compactor::FULL, 0,
              compactor);
}

}  // namespace vanban::index
