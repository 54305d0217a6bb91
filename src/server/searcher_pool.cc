#include "server/searcher_pool.h"

#include <algorithm>

namespace vanban::server {

using RemoteFailure = search::Searcher::RemoteFailure;

SearcherPool::SearcherPool(Factory factory, int max_size, std::chrono::milliseconds retry_after)
    : factory_(std::move(factory)), max_size_(std::max(max_size, 1)), retry_after_(retry_after) {}

SearcherPool::Lease::~Lease() {
  if (searcher_) pool_->Release(std::move(searcher_));
}

Status SearcherPool::Unreadable(bool remote) {
  constexpr const char* kRetry = "Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo người quản trị.";
  if (remote) {
    return Status::Unavailable(
        std::string("Máy chủ hiện không đọc được chỉ mục (một máy chủ chỉ mục ở xa không trả "
                    "lời). ") +
        kRetry);
  }
  return Status::IoError(
      std::string("Máy chủ hiện không đọc được chỉ mục (có thể chỉ mục đang được lập lại hoặc đã "
                  "bị chuyển đi). ") +
      kRetry);
}

void SearcherPool::Release(std::unique_ptr<search::Searcher> searcher) {
  RemoteFailure failure = searcher->remote_failure();
  if (failure == RemoteFailure::kNone) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      idle_.push_back(std::move(searcher));
    }
    cv_.notify_one();
    return;
  }
  // Its remote connection is broken or out of step: not used again. One
  // that timed out tells the requests after it to fail at once.
  searcher.reset();
  Drop(/*unavailable=*/failure == RemoteFailure::kTimedOut);
}

void SearcherPool::Drop(bool unavailable) {
  {
    // At once: a request waiting for the slot must see why it is free.
    std::lock_guard<std::mutex> lock(mu_);
    --created_;
    if (unavailable) {
      unavailable_ = true;
      retry_at_ = Clock::now() + retry_after_;
    }
  }
  cv_.notify_all();
}

Status SearcherPool::Warm() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty() || created_ > 0) return Status::Ok();
    ++created_;
  }
  auto opened = factory_();
  if (!opened.ok()) {
    Drop(/*unavailable=*/opened.status().code() == Status::Code::kUnavailable);
    return opened.status();
  }
  Release(std::move(opened).value());
  return Status::Ok();
}

StatusOr<SearcherPool::Lease> SearcherPool::Acquire() {
  std::unique_ptr<search::Searcher> searcher;
  bool probe = false;
  {
    std::unique_lock<std::mutex> lock(mu_);
    auto free = [this] { return !idle_.empty() || created_ < max_size_; };
    cv_.wait(lock, [&] { return free() || unavailable_; });
    if (unavailable_) {
      // X3 (QA 20): behind a stalled remote shard each request waited for
      // its timeouts, and the others queued for the searchers it held (the
      // 6th of 6 answered after 250 s, holding a server thread).
      if (probing_ || Clock::now() < retry_at_) return Unreadable(true);
      probing_ = probe = true;
      cv_.wait(lock, free);
    }
    if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
    } else {
      ++created_;  // reserve the slot; open outside the lock
    }
  }
  auto lease = [&] { return searcher ? Reopened(std::move(searcher)) : OpenNew(); };
  if (!probe) return lease();
  auto end_probe = [this](bool ok) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      probing_ = false;
      if (ok) unavailable_ = false;
    }
    cv_.notify_all();
  };
  try {
    StatusOr<Lease> leased = lease();
    end_probe(leased.ok());
    return leased;
  } catch (...) {
    end_probe(false);  // else no request would try again
    throw;
  }
}

StatusOr<SearcherPool::Lease> SearcherPool::OpenNew() {
  auto opened = Open();
  if (opened.ok()) return Lease(this, std::move(opened).value());
  if (error_log_) error_log_(opened.status());
  if (opened.status().code() == Status::Code::kUnavailable) {
    // The searchers open use the same remote shard: none is waited for.
    Drop(/*unavailable=*/true);
    return Unreadable(true);
  }
  std::unique_lock<std::mutex> lock(mu_);
  --created_;
  // Every waiter looks again: one waiting below for a searcher that
  // was only being opened (C11, session 15: two opens failing at once
  // left the first waiting for good), one at the top for a free slot.
  cv_.notify_all();
  // W5 (session 14): the searchers open still answer from their
  // revision; before, each request got 200 or 404 as it fell on one of
  // them or on a failed open.
  cv_.wait(lock, [this] { return !idle_.empty() || created_ == 0 || unavailable_; });
  if (idle_.empty() || unavailable_) {
    bool remote = unavailable_;
    lock.unlock();
    cv_.notify_all();
    return Unreadable(remote);
  }
  std::unique_ptr<search::Searcher> searcher = std::move(idle_.back());
  idle_.pop_back();
  lock.unlock();
  (void)searcher->Reopen();
  return Lease(this, std::move(searcher));
}

StatusOr<std::unique_ptr<search::Searcher>> SearcherPool::Open() {
  try {
    return factory_();
  } catch (...) {
    Drop();  // the slot reserved for it
    throw;
  }
}

StatusOr<SearcherPool::Lease> SearcherPool::Reopened(std::unique_ptr<search::Searcher> searcher) {
  Status reopened = searcher->Reopen();
  if (reopened.ok()) return Lease(this, std::move(searcher));
  if (searcher->remote_failure() == RemoteFailure::kTimedOut) {
    // A remote shard did not answer in time: a new connection would wait
    // as long again (X3: the reopen, a new searcher's two connections and
    // the search each waited for the timeout).
    if (error_log_) error_log_(reopened);
    searcher.reset();
    Drop(/*unavailable=*/true);
    return Unreadable(true);
  }
  // A remote shard's server restarted (the connection is dead for good),
  // or the index folder went: a new searcher if one opens (S2, session
  // 14: until `vanban serve` restarted, every request got a 500), else
  // the old one, which answers from the revision it holds.
  auto fresh = Open();
  if (fresh.ok()) return Lease(this, std::move(fresh).value());
  if (error_log_) error_log_(fresh.status());
  if (fresh.status().code() == Status::Code::kUnavailable) {
    searcher.reset();
    Drop(/*unavailable=*/true);
    return Unreadable(true);
  }
  return Lease(this, std::move(searcher));
}

}  // namespace vanban::server
