#include "server/searcher_pool.h"

#include <algorithm>

namespace vanban::server {

SearcherPool::SearcherPool(Factory factory, int max_size)
    : factory_(std::move(factory)), max_size_(std::max(max_size, 1)) {}

SearcherPool::Lease::~Lease() {
  if (searcher_) pool_->Release(std::move(searcher_));
}

void SearcherPool::Release(std::unique_ptr<search::Searcher> searcher) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(searcher));
  }
  cv_.notify_one();
}

Status SearcherPool::Warm() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty() || created_ > 0) return Status::Ok();
    ++created_;
  }
  auto opened = factory_();
  if (!opened.ok()) {
    std::lock_guard<std::mutex> lock(mu_);
    --created_;
    return opened.status();
  }
  Release(std::move(opened).value());
  return Status::Ok();
}

StatusOr<SearcherPool::Lease> SearcherPool::Acquire() {
  std::unique_ptr<search::Searcher> searcher;
  {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return !idle_.empty() || created_ < max_size_; });
    if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
    } else {
      ++created_;  // reserve the slot; open outside the lock
    }
  }
  if (!searcher) {
    auto opened = factory_();
    if (!opened.ok()) {
      if (error_log_) error_log_(opened.status());
      std::unique_lock<std::mutex> lock(mu_);
      --created_;
      // Every waiter looks again: one waiting below for a searcher that
      // was only being opened (C11, session 15: two opens failing at once
      // left the first waiting for good), one at the top for a free slot.
      cv_.notify_all();
      // W5 (session 14): the searchers open still answer from their
      // revision; before, each request got 200 or 404 as it fell on one of
      // them or on a failed open.
      cv_.wait(lock, [this] { return !idle_.empty() || created_ == 0; });
      if (idle_.empty()) {
        lock.unlock();
        cv_.notify_all();
        return Status::IoError(
            "Máy chủ hiện không đọc được chỉ mục (có thể chỉ mục đang được lập lại hoặc đã bị "
            "chuyển đi). Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo người quản trị.");
      }
      searcher = std::move(idle_.back());
      idle_.pop_back();
      lock.unlock();
      (void)searcher->Reopen();
      return Lease(this, std::move(searcher));
    }
    searcher = std::move(opened).value();
  } else if (!searcher->Reopen().ok()) {
    // A remote shard's server restarted (the connection is dead for good),
    // or the index folder went: a new searcher if one opens (S2, session
    // 14: until `vanban serve` restarted, every request got a 500), else
    // the old one, which answers from the revision it holds.
    auto fresh = factory_();
    if (fresh.ok()) {
      searcher = std::move(fresh).value();
    } else if (error_log_) {
      error_log_(fresh.status());
    }
  }
  return Lease(this, std::move(searcher));
}

}  // namespace vanban::server
