// A thread of its own that runs one job at a time, for work a caller does
// alongside its own and then waits for (a query's facet counts while the
// caller ranks it). Cheaper than a thread per job: the thread is started
// once and sleeps between jobs.
//
//   Worker worker;
//   worker.Start([&] { counts = Count(); });
//   Rank();
//   worker.Wait();  // the job has finished; its effects are visible
//
// Start and Wait are for one caller thread. A job must not throw (catch and
// hand the exception over, e.g. as a std::exception_ptr).
#ifndef VANBAN_BASE_WORKER_H_
#define VANBAN_BASE_WORKER_H_

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace vanban {

class Worker {
 public:
  Worker();
  // Waits for the running job, then stops the thread.
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Runs `job` on the worker thread. Requires: no job started and not
  // waited for.
  void Start(std::function<void()> job);
  // Returns once the job started last has finished (at once when none).
  void Wait();

 private:
  void Loop();

  std::mutex mu_;
  std::condition_variable cv_;
  std::function<void()> job_;  // guarded by mu_; set until the job has run
  bool busy_ = false;          // guarded by mu_
  bool quit_ = false;          // guarded by mu_
  std::thread thread_;         // last: starts after the members it uses
};

}  // namespace vanban

#endif  // VANBAN_BASE_WORKER_H_
