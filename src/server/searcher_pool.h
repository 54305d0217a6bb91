// A pool of Searchers for the HTTP worker threads. A Searcher is not
// thread-safe, so each request leases one for its duration; the pool opens
// new ones on demand up to its size and reopens a leased one at the start of
// each lease, so a finished reindex is seen at once (Xapian reopen()). While
// a remote shard is unavailable, requests are refused at once rather than
// each waiting for its timeout. Thread-safe.
#ifndef VANBAN_SERVER_SEARCHER_POOL_H_
#define VANBAN_SERVER_SEARCHER_POOL_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "base/status.h"
#include "search/searcher.h"

namespace vanban::server {

class SearcherPool {
 public:
  using Factory = std::function<StatusOr<std::unique_ptr<search::Searcher>>()>;

  // How long requests are refused at once after a remote shard failed.
  static constexpr std::chrono::milliseconds kRetryAfter{1000};

  // `max_size` >= 1 searchers at most; they are made by `factory`. After a
  // remote shard failed (Status::Unavailable from `factory`, or a searcher
  // that timed out: Searcher::remote_failure), Acquire fails at once for
  // `retry_after`; then one request at a time tries again, the others
  // still failing at once, until one succeeds.
  SearcherPool(Factory factory, int max_size, std::chrono::milliseconds retry_after = kRetryAfter);
  SearcherPool(const SearcherPool&) = delete;
  SearcherPool& operator=(const SearcherPool&) = delete;

  // Exclusive use of one Searcher until the Lease is destroyed.
  class Lease {
   public:
    Lease(Lease&& other) noexcept : pool_(other.pool_), searcher_(std::move(other.searcher_)) {}
    Lease(const Lease&) = delete;
    ~Lease();
    search::Searcher* operator->() const { return searcher_.get(); }
    search::Searcher& operator*() const { return *searcher_; }

   private:
    friend class SearcherPool;
    Lease(SearcherPool* pool, std::unique_ptr<search::Searcher> s)
        : pool_(pool), searcher_(std::move(s)) {}
    SearcherPool* pool_;
    std::unique_ptr<search::Searcher> searcher_;
  };

  // Waits for a free Searcher (or opens one), reopens it, and leases it.
  // A searcher that fails to reopen is replaced by a new one (a remote
  // shard's server restarted); if none opens, it stays on the revision it
  // has: during a reindex the old revision still answers. So does a failed open while
  // other Searchers exist (the database folder deleted or moved under the
  // server): the request waits for one of them. Fails when none exists
  // and the factory fails (an IoError), and when a remote shard is
  // unavailable (Unavailable: a reopen that timed out is not followed by
  // an open, which would wait as long; see the constructor): for the
  // reader, without the server's paths (the factory's own error goes to
  // the error log).
  StatusOr<Lease> Acquire();

  // Opens one Searcher now, so that a bad --db is reported at start-up
  // with the factory's own error. An Unavailable failure is remembered as
  // Acquire's are.
  Status Warm();

  // Where Acquire's open failures are told in full (the server's log).
  void set_error_log(std::function<void(const Status&)> log) { error_log_ = std::move(log); }

 private:
  using Clock = std::chrono::steady_clock;

  void Release(std::unique_ptr<search::Searcher> searcher);
  // The factory's searcher, for a slot reserved for it (freed if it throws).
  StatusOr<std::unique_ptr<search::Searcher>> Open();
  // A new searcher from the factory, in a slot reserved for it.
  StatusOr<Lease> OpenNew();
  // `searcher` reopened, or replaced by a new one when that fails.
  StatusOr<Lease> Reopened(std::unique_ptr<search::Searcher> searcher);
  // Frees the slot of a searcher dropped (or never opened); `unavailable`:
  // a remote shard failed, so Acquire fails at once for retry_after_.
  void Drop(bool unavailable = false);
  static Status Unreadable(bool remote);

  Factory factory_;
  std::function<void(const Status&)> error_log_;
  const int max_size_;
  const std::chrono::milliseconds retry_after_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<search::Searcher>> idle_;
  int created_ = 0;
  // Set by Drop(true); cleared when a request after `retry_at_` (the
  // one `probing_`) gets a searcher.
  bool unavailable_ = false;
  bool probing_ = false;
  Clock::time_point retry_at_;
};

}  // namespace vanban::server

#endif  // VANBAN_SERVER_SEARCHER_POOL_H_
