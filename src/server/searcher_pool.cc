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
  auto lease = Acquire();
  return lease.ok() ? Status::Ok() : lease.status();
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
      {
        std::lock_guard<std::mutex> lock(mu_);
        --created_;
      }
      cv_.notify_one();
      return opened.status();
    }
    searcher = std::move(opened).value();
  } else {
    // Ignoring a failed reopen is deliberate: the searcher keeps answering
    // from the revision it holds (see class comment).
    (void)searcher->Reopen();
  }
  return Lease(this, std::move(searcher));
}

}  // namespace vanban::server
